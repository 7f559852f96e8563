//! 投诉处理记录表: the complaint, each handling step, the result and the feedback (R-CP-1…3).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::complaints::{ComplaintPage, UNJUDGED};
use crate::desk::intake::Channel;
use crate::paper::print::forms::dispatch_slip::visit_lines;
use crate::paper::print::page::{Document, Paper, BODY_PT};
use crate::paper::print::table::{col, col_c, field, field_tall, fields, sig, signatures, table};
use crate::paper::print::{FormKind, PrintMeta};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintStep {
    pub at: String,
    pub by: String,
    pub action: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintRecord {
    pub serial: String,
    pub received_at: String,
    pub complainant: String,
    pub room: String,
    pub phone: String,
    pub channel: String,
    pub category: String,
    pub department: String,
    /// 一般/紧急/重大
    pub urgency: String,
    /// 有效/无效/待定
    pub validity: String,
    pub content: String,
    pub received_by: String,
    pub handler: String,
    pub deadline: String,
    pub steps: Vec<ComplaintStep>,
    pub result: String,
    pub feedback: String,
    pub closed_at: String,
    pub closed_by: String,
    /// 待答复/已答复/已回访/主管已签字, as the app names it.
    pub status: String,
}

pub fn render(meta: &PrintMeta, c: &ComplaintRecord) -> Result<Vec<u8>> {
    let kind = FormKind::Complaint;
    let mut doc = Document::new(Paper::A4, meta.header(kind, kind.label(), &c.serial))?;
    fields(
        &mut doc,
        &[
            vec![
                field("投诉编号", &c.serial),
                field("受理时间", &c.received_at),
            ],
            vec![field("当前状态", &c.status), field("", "")],
            vec![field("投诉人", &c.complainant), field("房号", &c.room)],
            vec![
                field("联系电话", meta.phone(&c.phone)),
                field("投诉方式", &c.channel),
            ],
            vec![
                field("投诉类别", &c.category),
                field("责任部门", &c.department),
            ],
            vec![
                field("紧急程度", &c.urgency),
                field("是否有效", &c.validity),
            ],
            vec![field_tall("投诉内容", &c.content, 4)],
            vec![field("受理人", &c.received_by), field("处理人", &c.handler)],
            vec![
                field("处理时限", &c.deadline),
                field("结案时间", &c.closed_at),
            ],
        ],
        BODY_PT,
    );
    doc.y += 3.0;
    doc.paragraph(BODY_PT, "处理过程：");
    let steps: Vec<Vec<String>> = c
        .steps
        .iter()
        .map(|s| vec![s.at.clone(), s.by.clone(), s.action.clone()])
        .collect();
    table(
        &mut doc,
        &[
            col_c("时间", 2.2),
            col_c("处理人", 1.5),
            col("处理情况", 8.0),
        ],
        &steps,
        BODY_PT,
        "尚无处理记录",
    );
    doc.y += 3.0;
    fields(
        &mut doc,
        &[
            vec![field_tall("处理结果", &c.result, 3)],
            vec![field_tall("回复投诉人", &c.feedback, 2)],
        ],
        BODY_PT,
    );
    signatures(
        &mut doc,
        &[
            sig("处理人", None),
            sig("客服主管", super::signed(&c.closed_by, &c.closed_at)),
            sig("项目经理", None),
        ],
        BODY_PT,
    );
    doc.finish()
}

/// The complaint as the app shows it; `channel` is how its intake entry came in, if it has one.
pub fn from_page(p: &ComplaintPage, channel: Option<Channel>) -> ComplaintRecord {
    let c = &p.complaint;
    ComplaintRecord {
        serial: c.serial.clone(),
        received_at: minute(&c.opened_at),
        complainant: c.complainant_name.clone(),
        room: c.room.clone(),
        phone: c.complainant_phone.clone(),
        channel: channel.map_or("", |x| x.label()).to_string(),
        category: c.category.label().to_string(),
        department: c.department.clone().unwrap_or_default(),
        urgency: c.urgency.label().to_string(),
        validity: c.validity.map_or(UNJUDGED, |v| v.label()).to_string(),
        content: c.content.clone(),
        received_by: c.opened_by.clone(),
        handler: if c.taken_up_by.is_empty() {
            c.replied_by.clone()
        } else {
            c.taken_up_by.clone()
        },
        deadline: minute(&c.reply_deadline_at),
        steps: p
            .steps
            .iter()
            .map(|s| ComplaintStep {
                at: minute(&s.at),
                by: s.by.clone(),
                action: s.note.clone(),
            })
            .collect(),
        result: c.reply.clone(),
        feedback: visit_lines(&p.visits),
        closed_at: minute(c.signed_off_at.as_deref().unwrap_or("")),
        closed_by: c.signed_off_by.clone(),
        status: c.state.label().to_string(),
    }
}
