//! The desk's daily work: the intake log (来电来访), the look-up that finds the caller, night-log
//! conversion, dispatch slips (派工单) and their time limits, return visits, complaints, what is
//! still open, and search. Imports base, store and setup.

pub mod complaints;
pub mod deadlines;
pub mod intake;
pub mod keys;
pub mod lookup;
pub mod night_log;
pub mod open_items;
pub mod registers;
pub mod search;
pub mod slips;
pub mod urging;
pub mod urgings;
pub mod visits;
