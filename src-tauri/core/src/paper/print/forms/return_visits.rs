//! 回访记录表: the return visits of a period (R-DS-6), one row per call back.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::visits::VisitOfRecord;
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{col, col_c, sig, signatures, table};
use crate::paper::print::{FormKind, PrintMeta};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReturnVisitRow {
    pub visited_at: String,
    /// The slip or complaint visited about.
    pub record_serial: String,
    pub room: String,
    pub resident: String,
    pub phone: String,
    pub subject: String,
    /// 满意/基本满意/不满意
    pub satisfaction: String,
    pub opinion: String,
    pub visitor: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReturnVisitLog {
    pub period: String,
    pub rows: Vec<ReturnVisitRow>,
}

pub fn render(meta: &PrintMeta, log: &ReturnVisitLog) -> Result<Vec<u8>> {
    let kind = FormKind::ReturnVisits;
    let mut doc = Document::new(
        Paper::A4Landscape,
        meta.header(kind, kind.label(), &log.period),
    )?;
    doc.paragraph(
        SMALL_PT,
        &format!("回访期间：{}    共 {} 条", log.period, log.rows.len()),
    );
    let rows: Vec<Vec<String>> = log
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.visited_at.clone(),
                r.record_serial.clone(),
                r.room.clone(),
                format!("{}\n{}", r.resident, meta.phone(&r.phone)),
                r.subject.clone(),
                r.satisfaction.clone(),
                r.opinion.clone(),
                r.visitor.clone(),
            ]
        })
        .collect();
    table(
        &mut doc,
        &[
            col_c("序号", 4.0),
            col("回访时间", 10.0),
            col("单号", 11.0),
            col("房号", 8.0),
            col("住户/电话", 11.0),
            col("回访事项", 20.0),
            col_c("满意度", 7.0),
            col("住户意见", 20.0),
            col_c("回访人", 7.0),
        ],
        &rows,
        BODY_PT,
        "本期间无回访记录",
    );
    signatures(
        &mut doc,
        &[sig("回访人", None), sig("客服主管审阅", None)],
        BODY_PT,
    );
    doc.finish()
}

/// The return visits of a stretch as the log's rows.
pub fn rows_from(visits: &[VisitOfRecord]) -> Vec<ReturnVisitRow> {
    visits
        .iter()
        .map(|r| ReturnVisitRow {
            visited_at: minute(&r.visit.at),
            record_serial: r.serial.clone(),
            room: r.room.clone(),
            resident: r.resident.clone(),
            phone: r.phone.clone(),
            subject: r.subject.clone(),
            satisfaction: if r.visit.answered {
                r.visit.satisfaction.map_or("", |x| x.label()).to_string()
            } else {
                format!("{}未接通", r.visit.method.label())
            },
            opinion: r.visit.result.clone(),
            visitor: r.visit.by.clone(),
        })
        .collect()
}
