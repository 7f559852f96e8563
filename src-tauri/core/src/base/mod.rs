//! The base layer: what every concept of the office stands on and that knows nothing of any of
//! them — errors, the context of a call (who, when), roles, time, coded enums, input checks,
//! phone numbers, the audit log and serial numbers. Nothing here imports a domain module.

pub mod audit;
pub mod base64;
pub mod coded;
pub mod ctx;
pub mod error;
pub mod ids;
pub mod phone;
pub mod role;
pub mod seal;
pub mod serials;
pub mod validate;
pub mod when;
