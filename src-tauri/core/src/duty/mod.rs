//! Who is on duty: shift templates, the monthly roster, swap and leave requests, who is on duty
//! now (with security covers), duty settings, and the handover (交接班) between shifts. Imports
//! base, store, setup and desk (a handover hands on the desk's open work).

pub mod checks;
pub mod handover;
pub mod on_duty;
pub mod requests;
pub mod roster;
pub mod settings;
pub mod shifts;
pub mod waiting;
