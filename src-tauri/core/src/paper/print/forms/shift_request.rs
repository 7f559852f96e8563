//! 调班/请假申请单 (R-DU-4, R-ROLE-1): the request and its approval chain.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::role::Role;
use crate::base::when::minute;
use crate::duty::requests::{DutyRequest, RequestKind, RequestStatus};
use crate::paper::print::page::{Document, Paper, BODY_PT};
use crate::paper::print::table::{field, field_tall, fields, sig, signatures};
use crate::paper::print::{FormKind, PrintMeta};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftRequestForm {
    pub serial: String,
    /// 调班 or 请假
    pub kind: String,
    pub applicant: String,
    pub role: String,
    pub phone: String,
    pub submitted_at: String,
    /// The shift(s) given up, e.g. 2026-11-05 夜班.
    pub original: String,
    /// For a swap: the colleague and the shift taken in exchange; for leave: the leave type.
    pub exchange: String,
    /// For leave: the dates and the number of days.
    pub period: String,
    pub reason: String,
    /// 顶班人 named by the supervisor.
    pub substitute: String,
    pub status: String,
    pub counterpart_signed_by: String,
    pub counterpart_signed_at: String,
    pub supervisor_signed_by: String,
    pub supervisor_signed_at: String,
    pub manager_signed_by: String,
    pub manager_signed_at: String,
}

pub fn render(meta: &PrintMeta, r: &ShiftRequestForm) -> Result<Vec<u8>> {
    let kind = FormKind::ShiftRequest;
    let mut doc = Document::new(Paper::A4, meta.header(kind, kind.label(), &r.serial))?;
    fields(
        &mut doc,
        &[
            vec![field("申请编号", &r.serial), field("申请类别", &r.kind)],
            vec![field("申请人", &r.applicant), field("岗位", &r.role)],
            vec![
                field("联系电话", meta.phone(&r.phone)),
                field("申请时间", &r.submitted_at),
            ],
            vec![field_tall("原班次", &r.original, 1)],
            vec![field_tall(
                if r.kind == "请假" {
                    "请假类别"
                } else {
                    "调换班次"
                },
                &r.exchange,
                1,
            )],
            vec![field_tall("起止时间", &r.period, 1)],
            vec![field_tall("事由", &r.reason, 4)],
            vec![field("顶班人", &r.substitute), field("审批状态", &r.status)],
        ],
        BODY_PT,
    );
    doc.paragraph(
        BODY_PT - 1.0,
        "说明：调班须经客服主管批准后方可生效；请假超过2天须经项目经理批准。",
    );
    signatures(
        &mut doc,
        &[
            sig("申请人", None),
            sig(
                "对调人/顶班人",
                super::signed(&r.counterpart_signed_by, &r.counterpart_signed_at),
            ),
            sig(
                "客服主管",
                super::signed(&r.supervisor_signed_by, &r.supervisor_signed_at),
            ),
            sig(
                "项目经理",
                super::signed(&r.manager_signed_by, &r.manager_signed_at),
            ),
        ],
        BODY_PT,
    );
    doc.finish()
}

/// The request as the app shows it: kind and status by their own labels; an approval goes in
/// the box of the decider's role.
pub fn from_request(q: &DutyRequest) -> ShiftRequestForm {
    let leave = q.kind == RequestKind::Leave;
    let other = q
        .other_staff
        .as_ref()
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let decided = (
        q.decided_by.clone().unwrap_or_default(),
        minute(q.decided_at.as_deref().unwrap_or("")),
    );
    let none = (String::new(), String::new());
    let (supervisor, manager) = match (q.status, q.decided_by_role) {
        (RequestStatus::Approved, Some(Role::Manager)) => (none.clone(), decided),
        (RequestStatus::Approved, _) => (decided, none.clone()),
        _ => (none.clone(), none),
    };
    let status = if q.decision_note.is_empty() {
        q.status.label().to_string()
    } else {
        format!("{}({})", q.status.label(), q.decision_note)
    };
    ShiftRequestForm {
        serial: format!("#{}", q.id),
        kind: q.kind.label().to_string(),
        applicant: q.staff.name.clone(),
        role: q.staff.role.label().to_string(),
        phone: q.staff.phone.clone(),
        submitted_at: minute(&q.filed_at),
        original: if q.from_day == q.to_day {
            q.from_day.clone()
        } else {
            format!("{} 至 {}", q.from_day, q.to_day)
        },
        exchange: if leave {
            RequestKind::Leave.label().to_string()
        } else {
            match &q.other_day {
                Some(d) => format!("与{other}对调，本人改上 {d}"),
                None => format!("由{other}顶替"),
            }
        },
        period: if leave {
            format!("{} 至 {}，共 {} 天", q.from_day, q.to_day, q.days)
        } else {
            String::new()
        },
        reason: q.reason.clone(),
        substitute: q
            .substitute
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or(other),
        status,
        counterpart_signed_by: String::new(),
        counterpart_signed_at: String::new(),
        supervisor_signed_by: supervisor.0,
        supervisor_signed_at: supervisor.1,
        manager_signed_by: manager.0,
        manager_signed_at: manager.1,
    }
}
