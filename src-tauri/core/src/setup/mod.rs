//! The office as it is set up once and kept up to date: its profile, departments, staff and
//! their accounts, buildings, rooms and residents, service categories, imports from
//! spreadsheets, and the first-run wizard. Imports base and store only.

pub mod accounts;
pub mod audit_log;
pub mod categories;
pub mod departments;
pub mod directory;
pub mod first_run;
pub mod import;
pub mod office;
pub mod residents;
pub mod rooms;
pub mod staff;
