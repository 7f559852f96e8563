//! Monthly, quarterly and yearly reports (R-RP-1…2): one computation (`compute`) producing one
//! plain `Report`, which the dashboard shows and `xlsx` writes to Excel.

pub mod compute;
pub mod definitions;
pub mod model;
pub mod ops;
pub mod period;
mod workload;
pub mod xlsx;

pub use model::Report;
pub use ops::{export, report, ExportedReport, ReportInput};
pub use period::{Period, PeriodKind};

#[cfg(test)]
mod complaint_analysis_tests;
#[cfg(test)]
mod compute_duty_tests;
#[cfg(test)]
mod compute_tests;
#[cfg(test)]
mod property_tests;
#[cfg(test)]
mod tests;
