//! The report as one plain struct: the dashboard, the Excel writer and the PDF writer all read
//! this and nothing else, so the numbers they show cannot differ. Rates are fractions (0–1),
//! `None` when there is nothing to divide by.

use serde::Serialize;
use ts_rs::TS;

use super::period::Period;

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Count {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DayCount {
    /// 'YYYY-MM-DD'
    pub day: String,
    pub count: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct IntakeStats {
    pub total: i64,
    pub by_type: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub per_day: Vec<DayCount>,
    pub night_entries: i64,
}

/// Slips of one category or department.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SlipGroup {
    pub label: String,
    pub opened: i64,
    pub completed: i64,
    pub on_time: i64,
    pub overdue: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OverdueSlip {
    pub serial: String,
    pub opened_at: String,
    pub room: String,
    pub category: String,
    pub assignee: String,
    pub deadline: String,
    /// Hours past the deadline at the end of the period (or now, for the current period).
    pub hours_over: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SlipStats {
    pub opened: i64,
    pub completed: i64,
    pub completion_rate: Option<f64>,
    /// Completed within the category's time limit.
    pub on_time: i64,
    pub on_time_rate: Option<f64>,
    /// Opened → accepted, minutes.
    pub avg_response_minutes: Option<f64>,
    /// Opened → completed, hours.
    pub avg_completion_hours: Option<f64>,
    pub by_category: Vec<SlipGroup>,
    pub by_department: Vec<SlipGroup>,
    pub overdue: Vec<OverdueSlip>,
    /// Slips of the period a resident urged (催办) at least once by the cutoff, and the calls.
    pub urged: i64,
    pub urge_calls: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct VisitStats {
    /// Slips completed in the period (each should get a return visit).
    pub due: i64,
    pub done: i64,
    pub rate: Option<f64>,
    pub satisfied: i64,
    pub satisfaction_rate: Option<f64>,
    pub by_result: Vec<Count>,
    /// Slips whose return visit came after its deadline, or had not come by the report's cutoff
    /// though the deadline had passed (R-DS-7; see definitions "回访超时").
    pub late: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintGroup {
    pub label: String,
    pub received: i64,
    pub valid: i64,
    pub closed: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintStats {
    pub received: i64,
    pub valid: i64,
    pub closed: i64,
    pub avg_close_hours: Option<f64>,
    /// Complaints of the period urged (催办) at least once by the cutoff.
    pub urged: i64,
    pub by_category: Vec<ComplaintGroup>,
    pub by_department: Vec<ComplaintGroup>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PersonWork {
    pub name: String,
    pub role: String,
    pub intake_received: i64,
    pub slips_dispatched: i64,
    pub slips_completed: i64,
    pub return_visits: i64,
    pub complaints_handled: i64,
    pub shifts: i64,
    pub hours: f64,
    pub late: i64,
    /// Found absent from the post (脱岗) by a check (R-DU-12).
    pub absent: i64,
    /// Left before the shift ended without a handover (早退, R-DU-12).
    pub early_leave: i64,
    /// Answered return visits on the slips they completed, and how many said 满意 (R-RP-2).
    pub visits_rated: i64,
    pub visits_satisfied: i64,
    /// 回访满意率 as every screen and paper shows it (`satisfied_share`).
    pub satisfaction: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DutyStats {
    pub shifts: i64,
    pub hours: f64,
    pub swaps: i64,
    pub leaves: i64,
    pub late_arrivals: i64,
    /// Uncovered stretches of the published roster, as its check words them, e.g. "12月20日 17:30–24:00".
    pub coverage_gaps: Vec<String>,
    pub handovers: i64,
    /// Open items handed from one shift to the next.
    pub carried_over: i64,
    /// Security keeping the desk (代值, R-DU-6).
    pub covers: i64,
    /// Someone standing in for a person who left the post with approval (离岗替值, R-DU-8).
    pub leave_covers: i64,
    /// Shift changes of the period with no handover signed by both (R-HO-8), counted up to
    /// `handover_due_minutes` before the report was made.
    pub missing_handovers: i64,
    /// 主任巡查 and 夜间查岗 made in the period (R-DU-9).
    pub inspections: i64,
    /// Findings of 脱岗 and 早退 (R-DU-12).
    pub absences: i64,
    pub early_leaves: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct IntakeDetail {
    pub serial: String,
    pub received_at: String,
    pub room: String,
    pub caller: String,
    /// Masked.
    pub phone: String,
    pub channel: String,
    pub kind: String,
    pub content: String,
    pub received_by: String,
    pub outcome: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SlipDetail {
    pub serial: String,
    pub opened_at: String,
    pub room: String,
    pub category: String,
    pub department: String,
    pub assignee: String,
    pub status: String,
    pub deadline: String,
    pub completed_at: String,
    pub on_time: Option<bool>,
    pub satisfaction: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintDetail {
    pub serial: String,
    pub received_at: String,
    pub room: String,
    pub category: String,
    pub department: String,
    pub validity: String,
    pub status: String,
    pub closed_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Report {
    pub period: Period,
    pub office_name: String,
    /// 'YYYY-MM-DD HH:MM:SS'
    pub generated_at: String,
    pub intake: IntakeStats,
    pub slips: SlipStats,
    pub visits: VisitStats,
    pub complaints: ComplaintStats,
    pub workload: Vec<PersonWork>,
    pub duty: DutyStats,
    pub intake_rows: Vec<IntakeDetail>,
    pub slip_rows: Vec<SlipDetail>,
    pub complaint_rows: Vec<ComplaintDetail>,
    /// The tamper-evident chain's head when the report was made (封存链 N · xxxxxxxx), printed in
    /// the footer so a copy of it is kept outside the database (R-DATA-4).
    pub chain: String,
}

/// `part / whole`, or `None` when `whole` is zero.
pub fn rate(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// 回访满意率 as the report prints it: "92.3%（12/13）", or "—" with no answered visit.
pub fn satisfied_share(p: &PersonWork) -> String {
    if p.visits_rated == 0 {
        "—".to_string()
    } else {
        format!(
            "{:.1}%（{}/{}）",
            100.0 * p.visits_satisfied as f64 / p.visits_rated as f64,
            p.visits_satisfied,
            p.visits_rated
        )
    }
}
