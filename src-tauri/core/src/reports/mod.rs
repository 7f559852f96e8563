//! Monthly, quarterly and yearly reports (R-RP-1…2): one computation (`compute`) producing one
//! plain `Report`, which the dashboard shows, `xlsx` writes to Excel and `pdf` prints.

pub mod model;
pub mod period;
pub mod xlsx;

pub use model::Report;
pub use period::{Period, PeriodKind};

#[cfg(test)]
mod tests;
