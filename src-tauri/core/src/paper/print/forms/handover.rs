//! 交接班记录表: the item checklist, anomalies, open items handed on, and both signatures
//! with their signing times (R-HO-1…5).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::when::minute;
use crate::duty::handover::Handover;
use crate::paper::print::page::{Document, Paper, BODY_PT};
use crate::paper::print::table::{col, col_c, field, field_tall, fields, sig, signatures, table};
use crate::paper::print::{FormKind, PrintMeta};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HandoverItem {
    pub name: String,
    pub quantity: String,
    /// 完好/损坏/缺失
    pub state: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HandoverOpenItem {
    /// The slip/complaint/intake serial it concerns, if any.
    pub record_serial: String,
    pub description: String,
    pub follow_up: String,
    /// 已办结 with how, by whom and when; empty while open.
    pub settled: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HandoverSheet {
    pub serial: String,
    /// e.g. 2026-11-02 白班 → 夜班
    pub shift: String,
    pub outgoing: String,
    pub incoming: String,
    pub items: Vec<HandoverItem>,
    pub open_items: Vec<HandoverOpenItem>,
    /// Anomalies in the area with the outgoing person's explanation.
    pub anomalies: String,
    /// What the outgoing person wrote about the shift (the duty log's entry).
    pub log_notes: String,
    /// The incoming person's part (R-HO-3): 已阅值班日志 with the time, and what they recorded must
    /// be followed up; '未确认' until they sign.
    pub log_read: String,
    /// 轮休交代 of an outgoing person resting the next day (R-HO-9); '' when none.
    #[serde(default)]
    pub rest_notes: String,
    pub outgoing_signed_at: String,
    pub incoming_signed_at: String,
}

pub fn render(meta: &PrintMeta, h: &HandoverSheet) -> Result<Vec<u8>> {
    let kind = FormKind::Handover;
    let mut doc = Document::new(Paper::A4, meta.header(kind, kind.label(), &h.serial))?;
    fields(
        &mut doc,
        &[
            vec![field("交接编号", &h.serial), field("班次", &h.shift)],
            vec![field("交班人", &h.outgoing), field("接班人", &h.incoming)],
        ],
        BODY_PT,
    );
    doc.y += 3.0;
    doc.paragraph(BODY_PT, "一、物品交接清单：");
    let items: Vec<Vec<String>> = h
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            vec![
                (i + 1).to_string(),
                it.name.clone(),
                it.quantity.clone(),
                it.state.clone(),
                it.note.clone(),
            ]
        })
        .collect();
    table(
        &mut doc,
        &[
            col_c("序号", 1.0),
            col("物品", 4.0),
            col_c("数量", 1.5),
            col_c("状况", 1.5),
            col("损坏/缺失说明", 6.0),
        ],
        &items,
        BODY_PT,
        "未设置交接物品",
    );
    doc.y += 3.0;
    doc.paragraph(BODY_PT, "二、未完成事项（移交下一班跟进）：");
    let open: Vec<Vec<String>> = h
        .open_items
        .iter()
        .enumerate()
        .map(|(i, o)| {
            vec![
                (i + 1).to_string(),
                o.record_serial.clone(),
                o.description.clone(),
                o.follow_up.clone(),
                o.settled.clone(),
            ]
        })
        .collect();
    table(
        &mut doc,
        &[
            col_c("序号", 1.0),
            col("单号", 3.0),
            col("事项", 5.0),
            col("跟进要求", 3.0),
            col("办结情况", 3.0),
        ],
        &open,
        BODY_PT,
        "无未完成事项",
    );
    doc.y += 3.0;
    fields(
        &mut doc,
        &[
            vec![field_tall("区域异常及交班人说明", &h.anomalies, 2)],
            vec![field_tall("交班人填写的值班情况", &h.log_notes, 2)],
            vec![field_tall("接班人查阅值班日志及需跟进事项", &h.log_read, 2)],
        ],
        BODY_PT,
    );
    if !h.rest_notes.is_empty() {
        fields(
            &mut doc,
            &[vec![field_tall("交班人轮休交代", &h.rest_notes, 2)]],
            BODY_PT,
        );
    }
    signatures(
        &mut doc,
        &[
            sig(
                "交班人",
                super::signed(&h.outgoing, &h.outgoing_signed_at)
                    .filter(|_| !h.outgoing_signed_at.is_empty()),
            ),
            sig(
                "接班人",
                super::signed(&h.incoming, &h.incoming_signed_at)
                    .filter(|_| !h.incoming_signed_at.is_empty()),
            ),
        ],
        BODY_PT,
    );
    doc.finish()
}

/// The handover record as the app shows it: each item's state by its own label, the open items
/// handed on, the anomalies with the outgoing person's explanation.
pub fn from_record(h: &Handover) -> HandoverSheet {
    HandoverSheet {
        serial: h.serial.clone(),
        shift: format!("{} {}", minute(&h.change_at), h.kind.label()),
        outgoing: h.outgoing.name.clone(),
        incoming: h.incoming.name.clone(),
        items: h
            .checks
            .iter()
            .map(|c| HandoverItem {
                name: c.item_name.clone(),
                quantity: format!("{}/{}", c.actual_qty, c.expected_qty),
                state: c.state.label().to_string(),
                note: [
                    c.note.clone(),
                    if c.explanation.is_empty() {
                        String::new()
                    } else {
                        format!("交班人说明：{}", c.explanation)
                    },
                ]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(";"),
            })
            .collect(),
        open_items: h
            .open_items
            .iter()
            .map(|o| HandoverOpenItem {
                record_serial: o.source.clone(),
                description: o.summary.clone(),
                follow_up: o.note.clone(),
                settled: match &o.settled_at {
                    Some(at) => format!(
                        "已办结：{}（{} {}）",
                        o.settled_note,
                        o.settled_by,
                        minute(at)
                    ),
                    None => String::new(),
                },
            })
            .collect(),
        anomalies: h
            .anomalies
            .iter()
            .map(|a| {
                let why = if a.explanation.is_empty() {
                    String::new()
                } else {
                    format!("（交班人说明：{}）", a.explanation)
                };
                format!("{}：{}{}", a.area, a.description, why)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        log_notes: h.work_notes.clone(),
        log_read: match (&h.log_read_at, h.follow_up.is_empty()) {
            (None, _) => "接班人尚未确认已阅值班日志".into(),
            (Some(at), true) => format!("已阅值班日志（{}）；无需跟进事项", minute(at)),
            (Some(at), false) => format!("已阅值班日志（{}）；需跟进：{}", minute(at), h.follow_up),
        },
        rest_notes: h.rest_notes.clone(),
        outgoing_signed_at: minute(h.outgoing_signed_at.as_deref().unwrap_or("")),
        incoming_signed_at: minute(h.incoming_signed_at.as_deref().unwrap_or("")),
    }
}
