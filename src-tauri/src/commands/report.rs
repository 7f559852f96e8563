//! Reports: the dashboard's numbers and the Excel export.

use frontdesk_core::paper::reports::{self, ExportedReport, Report, ReportInput};
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn report_get(desk: State<Desk>, input: ReportInput) -> Reply<Report> {
    desk.run(|s, c| reports::report(s, c, input))
}
#[tauri::command]
pub fn report_export(desk: State<Desk>, input: ReportInput) -> Reply<ExportedReport> {
    desk.run(|s, c| reports::export(s, c, input))
}
