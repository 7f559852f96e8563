//! 维修派工单: one slip per page, on A4 or A5, alone or as the day's batch (R-DS-3).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::slips::{FeeKind, SlipAction, SlipPage};
use crate::desk::visits::ReturnVisit;
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{field, field_tall, fields, sig, sig_on_behalf, signatures};
use crate::paper::print::{FormKind, PrintMeta};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DispatchSlip {
    pub serial: String,
    pub opened_at: String,
    pub room: String,
    pub caller: String,
    pub phone: String,
    pub category: String,
    pub department: String,
    pub content: String,
    /// 约定上门时间
    pub appointment: String,
    pub assignee: String,
    pub dispatcher: String,
    pub status: String,
    pub accepted_at: String,
    pub arrived_at: String,
    pub completed_at: String,
    pub work_done: String,
    pub materials: String,
    /// e.g. 有偿 ¥35.00 or 无偿
    pub fee: String,
    /// 验收确认 and 满意度
    pub acceptance: String,
    pub return_visit: String,
    /// The technician's completion as signed in the software.
    pub technician_signed_by: String,
    pub technician_signed_at: String,
    /// Who entered the completion for the technician (主管代录), and when; empty when they
    /// entered it themselves.
    pub completion_entered_by: String,
    pub completion_entered_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SlipPaper {
    A4,
    A5,
}

/// Prints `slips` one per page; a batch gets the day (or the single serial) as its 记录编号.
pub fn render(meta: &PrintMeta, slips: &[DispatchSlip], paper: SlipPaper) -> Result<Vec<u8>> {
    let kind = FormKind::DispatchSlip;
    let paper = match paper {
        SlipPaper::A4 => Paper::A4,
        SlipPaper::A5 => Paper::A5,
    };
    let first = slips.first().map(|s| s.serial.as_str()).unwrap_or("");
    let mut doc = Document::new(paper, meta.header(kind, kind.label(), first))?;
    let size = if paper == Paper::A5 {
        SMALL_PT + 0.5
    } else {
        BODY_PT + 0.5
    };
    let tall = if paper == Paper::A5 { 2 } else { 3 };
    if slips.is_empty() {
        doc.paragraph(size, "没有要打印的派工单");
    }
    for (i, s) in slips.iter().enumerate() {
        if i > 0 {
            doc.set_serial(&s.serial);
            doc.new_page();
        }
        fields(
            &mut doc,
            &[
                vec![
                    field("派工单号", &s.serial),
                    field("报修时间", &s.opened_at),
                ],
                vec![field("房号", &s.room), field("报修人", &s.caller)],
                vec![
                    field("联系电话", meta.phone(&s.phone)),
                    field("约定上门", &s.appointment),
                ],
                vec![field("类别", &s.category), field("责任部门", &s.department)],
                vec![field_tall("报修内容", &s.content, tall)],
                vec![field("派工人", &s.dispatcher), field("维修人", &s.assignee)],
                vec![
                    field("接单时间", &s.accepted_at),
                    field("到场时间", &s.arrived_at),
                ],
                vec![
                    field("完成时间", &s.completed_at),
                    field("当前状态", &s.status),
                ],
                vec![field_tall("维修情况", &s.work_done, tall)],
                vec![field_tall("材料", &s.materials, 1), field("收费", &s.fee)],
                vec![field_tall("验收/满意度", &s.acceptance, 1)],
                vec![field_tall("回访记录", &s.return_visit, tall - 1)],
            ],
            size,
        );
        signatures(
            &mut doc,
            &[
                if s.completion_entered_by.is_empty() {
                    sig(
                        "维修人",
                        super::signed(&s.technician_signed_by, &s.technician_signed_at),
                    )
                } else {
                    sig_on_behalf(
                        "维修人",
                        (
                            s.completion_entered_by.clone(),
                            s.completion_entered_at.clone(),
                        ),
                    )
                },
                sig("住户验收", None),
                sig("回访人", None),
            ],
            size,
        );
    }
    doc.finish()
}

/// The slip as the app shows it, in the form's fields: the state by its own label, the fee,
/// the resident's acceptance and each return visit on a line.
pub fn from_page(p: &SlipPage) -> DispatchSlip {
    let s = &p.slip;
    let fee = match s.fee_kind {
        Some(FeeKind::Paid) => format!(
            "{} ¥{}.{:02}",
            FeeKind::Paid.label(),
            s.fee_cents / 100,
            s.fee_cents % 100
        ),
        Some(FeeKind::Free) => FeeKind::Free.label().to_string(),
        None => String::new(),
    };
    let accepted = match s.resident_accepted {
        Some(true) => "住户已验收",
        Some(false) => "住户未验收",
        None => "",
    };
    let acceptance = [accepted, s.resident_satisfaction.map_or("", |x| x.label())]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(",");
    // The last time each worker's step was taken; entered by the supervisor, it says so.
    let last = |a: SlipAction| p.events.iter().rev().find(|e| e.action == a);
    let entered_for = last(SlipAction::Complete)
        .filter(|e| !e.on_behalf_of.is_empty() && s.completed_at.is_some());
    let step_time = |at: &Option<String>, a: SlipAction| {
        let t = minute(at.as_deref().unwrap_or(""));
        match last(a).filter(|e| !e.on_behalf_of.is_empty() && !t.is_empty()) {
            Some(e) => format!("{t}（{}代录）", e.actor),
            None => t,
        }
    };
    DispatchSlip {
        serial: s.serial.clone(),
        opened_at: minute(&s.opened_at),
        room: if s.room.is_empty() {
            s.location.clone()
        } else {
            s.room.clone()
        },
        caller: s.caller_name.clone(),
        phone: s.caller_phone.clone(),
        category: s.category.clone(),
        department: s.department.clone(),
        content: s.content.clone(),
        appointment: minute(s.appointment_at.as_deref().unwrap_or("")),
        assignee: s.assignee.clone(),
        dispatcher: s.dispatcher.clone(),
        // How often the resident called again stands beside the state (催办).
        status: match s.urge_count {
            0 => s.state.label().to_string(),
            n => format!("{}（住户催办 {n} 次）", s.state.label()),
        },
        accepted_at: step_time(&s.accepted_at, SlipAction::Accept),
        arrived_at: step_time(&s.arrived_at, SlipAction::Arrive),
        completed_at: step_time(&s.completed_at, SlipAction::Complete),
        work_done: s.work_done.clone(),
        materials: s.materials.clone(),
        fee,
        acceptance,
        return_visit: visit_lines(&p.visits),
        technician_signed_by: s.technician_signed_by.clone(),
        technician_signed_at: minute(s.technician_signed_at.as_deref().unwrap_or("")),
        completion_entered_by: entered_for.map_or(String::new(), |e| e.actor.clone()),
        completion_entered_at: entered_for.map_or(String::new(), |e| minute(&e.at)),
    }
}

/// Each return visit on a line: when, how, answered or not, the result and who called.
pub fn visit_lines(visits: &[ReturnVisit]) -> String {
    visits
        .iter()
        .map(|v| {
            format!(
                "{} {}{} {}{}({})",
                minute(&v.at),
                v.method.label(),
                if v.answered { "回访" } else { "未接通" },
                v.satisfaction.map_or("", |x| x.label()),
                if v.result.is_empty() {
                    String::new()
                } else {
                    format!(":{}", v.result)
                },
                v.by
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
