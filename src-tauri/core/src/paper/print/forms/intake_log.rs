//! 来电来访登记表 (a day, a shift or a date range) and 夜间值班记录表 (the night log, with the
//! security covers of R-DU-6): the same ruled table of intake entries.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::intake::IntakeEntry;
use crate::duty::on_duty::{Cover, CoverKind};
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{col, col_c, sig, signatures, table};
use crate::paper::print::{FormKind, PrintMeta};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeRow {
    pub serial: String,
    /// 'YYYY-MM-DD HH:MM'
    pub received_at: String,
    pub room: String,
    pub caller: String,
    pub phone: String,
    /// 来电/来访/书面/员工发现
    pub channel: String,
    /// 报修/投诉/咨询/…
    pub kind: String,
    pub content: String,
    pub received_by: String,
    /// The result, or the slip/complaint that carries it on.
    pub result: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeLog {
    /// What the log covers, printed as its 记录编号, e.g. 2026-11-02 白班 or 2026-11-01 至 2026-11-30.
    pub period: String,
    pub rows: Vec<IntakeRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NightCover {
    /// 'HH:MM'
    pub from: String,
    pub to: String,
    pub covered_by: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NightLog {
    /// e.g. 2026-11-02 17:30 至 2026-11-03 09:00
    pub period: String,
    pub on_duty: String,
    pub rows: Vec<IntakeRow>,
    pub covers: Vec<NightCover>,
    /// Who signed the night log off in the software, and when.
    pub signed_by: String,
    pub signed_at: String,
    pub received_by: String,
    pub received_at: String,
}

fn rows_of(meta: &PrintMeta, rows: &[IntakeRow]) -> Vec<Vec<String>> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.received_at.clone(),
                r.room.clone(),
                format!("{}\n{}", r.caller, meta.phone(&r.phone)),
                format!("{}\n{}", r.channel, r.kind),
                r.content.clone(),
                r.received_by.clone(),
                if r.serial.is_empty() {
                    r.result.clone()
                } else {
                    format!("{}\n{}", r.serial, r.result)
                },
            ]
        })
        .collect()
}

fn columns() -> Vec<crate::paper::print::table::Column> {
    vec![
        col_c("序号", 4.0),
        col("受理时间", 10.0),
        col("房号", 8.0),
        col("来电/来访人\n电话", 11.0),
        col_c("方式\n类别", 6.0),
        col("内容", 30.0),
        col_c("受理人", 7.0),
        col("编号/处理结果", 17.0),
    ]
}

pub fn render(meta: &PrintMeta, log: &IntakeLog) -> Result<Vec<u8>> {
    let kind = FormKind::IntakeLog;
    let mut doc = Document::new(
        Paper::A4Landscape,
        meta.header(kind, kind.label(), &log.period),
    )?;
    doc.paragraph(
        SMALL_PT,
        &format!("登记期间：{}    共 {} 条", log.period, log.rows.len()),
    );
    table(
        &mut doc,
        &columns(),
        &rows_of(meta, &log.rows),
        BODY_PT,
        "本期间无来电来访登记",
    );
    signatures(
        &mut doc,
        &[sig("登记人", None), sig("客服主管审阅", None)],
        BODY_PT,
    );
    doc.finish()
}

pub fn render_night(meta: &PrintMeta, log: &NightLog) -> Result<Vec<u8>> {
    let kind = FormKind::NightLog;
    let mut doc = Document::new(
        Paper::A4Landscape,
        meta.header(kind, kind.label(), &log.period),
    )?;
    doc.paragraph(
        SMALL_PT,
        &format!(
            "值班时间：{}    值班人：{}    共 {} 条",
            log.period,
            log.on_duty,
            log.rows.len()
        ),
    );
    table(
        &mut doc,
        &columns(),
        &rows_of(meta, &log.rows),
        BODY_PT,
        "当晚无来电来访登记",
    );
    doc.y += 3.0;
    doc.paragraph(
        BODY_PT,
        "代值与离岗替值记录（值班人离开时由秩序维护员代值，或经领导批准由他人替值）：",
    );
    let covers: Vec<Vec<String>> = log
        .covers
        .iter()
        .map(|c| {
            vec![
                c.from.clone(),
                c.to.clone(),
                c.covered_by.clone(),
                c.reason.clone(),
            ]
        })
        .collect();
    table(
        &mut doc,
        &[
            col_c("离开时间", 1.0),
            col_c("返回时间", 1.0),
            col_c("代值人", 1.0),
            col("事由", 4.0),
        ],
        &covers,
        BODY_PT,
        "当晚无代值",
    );
    signatures(
        &mut doc,
        &[
            sig("值班人", super::signed(&log.signed_by, &log.signed_at)),
            sig(
                "早班接收人",
                super::signed(&log.received_by, &log.received_at),
            ),
        ],
        BODY_PT,
    );
    doc.finish()
}

/// The intake entries as the log's rows: channel and type by their own labels, the slip or
/// complaint that carries an entry on beside its result.
pub fn rows_from(entries: &[IntakeEntry]) -> Vec<IntakeRow> {
    entries
        .iter()
        .map(|e| IntakeRow {
            serial: e
                .slip_serial
                .clone()
                .or_else(|| e.complaint_serial.clone())
                .unwrap_or_default(),
            received_at: minute(&e.received_at),
            room: if e.room.is_empty() {
                e.location.clone()
            } else {
                e.room.clone()
            },
            caller: e.caller_name.clone(),
            phone: e.caller_phone.clone(),
            channel: e.channel.label().to_string(),
            kind: e.kind.label().to_string(),
            content: e.content.clone(),
            received_by: e.received_by.clone(),
            result: e.outcome.clone(),
        })
        .collect()
}

/// The night log: its entries, who kept it, and the 代值 covers overlapping the night.
pub fn night_from(period: String, entries: &[IntakeEntry], covers: &[Cover]) -> NightLog {
    let rows = rows_from(entries);
    let mut on_duty: Vec<String> = rows.iter().map(|r| r.received_by.clone()).collect();
    on_duty.dedup();
    NightLog {
        period,
        on_duty: on_duty.join("、"),
        rows,
        covers: covers
            .iter()
            .map(|c| NightCover {
                from: minute(&c.start_at),
                to: minute(c.end_at.as_deref().unwrap_or("")),
                covered_by: c.cover.name.clone(),
                reason: match (c.kind, &c.for_staff, &c.approved_by) {
                    (CoverKind::Leave, Some(f), Some(a)) => {
                        format!("离岗替值：{} 离岗，{} 批准；{}", f.name, a.name, c.reason)
                    }
                    _ => c.reason.clone(),
                },
            })
            .collect(),
        signed_by: String::new(),
        signed_at: String::new(),
        received_by: String::new(),
        received_at: String::new(),
    }
}
