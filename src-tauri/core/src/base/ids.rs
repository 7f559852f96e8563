//! Record ids shared across the office's concepts: a base type, so that the context of a call
//! (who is acting) does not depend on the staff module that stores people.

/// A member of staff (`staff.id`).
pub type StaffId = i64;
