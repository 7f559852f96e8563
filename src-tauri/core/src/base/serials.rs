//! Serial numbers: PG-202611-0001 for slips, TS-202611-0001 for complaints, JJ-202611-0001 for
//! handovers, FX / MH / CR for the after-hours registers. Numbered per month,
//! allocated inside the transaction that inserts the row, so a rolled-back insert gives the
//! number back: no gaps, no duplicates.

use chrono::NaiveDateTime;
use rusqlite::{params, Transaction};

use crate::base::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SerialKind {
    /// 派工单
    Slip,
    /// 投诉
    Complaint,
    /// 交接班
    Handover,
    /// 物品出入放行单
    GoodsPass,
    /// 动用明火审批表
    HotWork,
    /// 出入证
    EntryPass,
}

impl SerialKind {
    fn prefix(self) -> &'static str {
        match self {
            SerialKind::Slip => "PG",
            SerialKind::Complaint => "TS",
            SerialKind::Handover => "JJ",
            SerialKind::GoodsPass => "FX",
            SerialKind::HotWork => "MH",
            SerialKind::EntryPass => "CR",
        }
    }
}

/// The next serial for the month of `at`. Must run in the transaction that stores the row.
pub fn next(tx: &Transaction, kind: SerialKind, at: NaiveDateTime) -> Result<String> {
    let month = at.format("%Y%m").to_string();
    let n: i64 = tx.query_row(
        "INSERT INTO serial_counters (kind, month, last) VALUES (?1, ?2, 1)
         ON CONFLICT (kind, month) DO UPDATE SET last = last + 1 RETURNING last",
        params![kind.prefix(), month],
        |r| r.get(0),
    )?;
    Ok(format!("{}-{}-{:04}", kind.prefix(), month, n))
}
