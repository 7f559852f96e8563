//! What a shift hands on (R-HO-1, R-HO-3, R-IN-6): the open items of the intake log, slips,
//! complaints and the after-hours registers (R-AH-1..4), as plain queries the handover calls inside its own transaction.

use chrono::NaiveDateTime;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::base::error::Result;
use crate::desk::complaints::{self, Complaint};
use crate::desk::intake::{self, IntakeEntry};
use crate::desk::registers;
use crate::desk::slips::{self, Slip};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OpenItems {
    /// Slips still being worked on (opened, dispatched, accepted, on site, paused).
    pub unfinished_slips: Vec<Slip>,
    /// Done slips waiting for their return visit.
    pub return_visits_due: Vec<Slip>,
    /// Working slips past their due time.
    pub overdue: Vec<Slip>,
    pub complaints_awaiting_reply: Vec<Complaint>,
    pub pending_callbacks: Vec<IntakeEntry>,
    /// Night-log entries not yet converted or settled (R-HO-6).
    pub night_log_unconverted: Vec<IntakeEntry>,
    /// Major incidents nobody has taken up.
    pub major_incidents: Vec<IntakeEntry>,
    /// Other entries not yet ended (R-IN-6): a 委托, 建议 or 咨询 still being followed up.
    pub unfinished_entries: Vec<IntakeEntry>,
    /// Residents' keys lent and not yet back (R-AH-4).
    pub keys_out: Vec<crate::desk::keys::ResidentKey>,
    /// Goods passes issued and not yet checked out at the gate (R-AH-1).
    pub goods_waiting: Vec<registers::goods_passes::GoodsPass>,
    /// Hot-work permits not yet closed (R-AH-2).
    pub hot_work_open: Vec<registers::hot_work::HotWorkPermit>,
    /// Temporary passes past their last day and not taken back (R-AH-3).
    pub passes_overdue: Vec<registers::entry_passes::EntryPass>,
}

pub fn open_items(tx: &Transaction, now: NaiveDateTime) -> Result<OpenItems> {
    let null = rusqlite::types::Null;
    Ok(OpenItems {
        unfinished_slips: slips::query(
            tx,
            now,
            &format!(
                "?1 IS NOT NULL AND ?2 IS NULL AND {}",
                crate::desk::deadlines::WORKING_SQL
            ),
            &null,
            1000,
        )?,
        return_visits_due: slips::query(
            tx,
            now,
            &format!(
                "?1 IS NOT NULL AND ?2 IS NULL AND {}",
                slips::AWAITING_VISIT_SQL
            ),
            &null,
            1000,
        )?,
        overdue: slips::overdue(tx, now)?,
        complaints_awaiting_reply: complaints::query(
            tx,
            now,
            &format!("{} AND ?1 IS NULL", complaints::AWAITING_REPLY_SQL),
            &null,
            1000,
        )?,
        pending_callbacks: intake::query(tx, intake::CALLBACK_PENDING_SQL, &[], 1000)?,
        night_log_unconverted: intake::query(tx, intake::NIGHT_LOG_OPEN_SQL, &[], 1000)?,
        major_incidents: intake::query(
            tx,
            "e.major_incident = 1 AND e.major_ack_at IS NULL",
            &[],
            1000,
        )?,
        unfinished_entries: intake::query(tx, intake::OPEN_UNCARRIED_SQL, &[], 1000)?,
        keys_out: crate::desk::keys::out(tx)?,
        goods_waiting: registers::goods_passes::waiting(tx)?,
        hot_work_open: registers::hot_work::open(tx, now)?,
        passes_overdue: registers::entry_passes::overdue(tx, now)?,
    })
}

/// The same for the desk's own screens and the CLI (any logged-in user).
pub fn show(store: &mut crate::Store, ctx: &crate::Ctx) -> Result<OpenItems> {
    ctx.actor()?;
    store.read(|tx| open_items(tx, ctx.now))
}
