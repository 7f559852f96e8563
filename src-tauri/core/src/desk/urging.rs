//! 催办 (urging): a resident calls again about a slip or complaint still open. The desk records
//! it on that record in one step from the look-up; the record and its timeline show each call,
//! the boards how often it was urged, and the report counts urged slips and complaints. The
//! calls as a record shows them are read in `urgings`.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::ANYONE;
use crate::base::{audit, validate};
use crate::store::Store;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct UrgeInput {
    /// The slip urged, or
    #[serde(default)]
    pub slip_id: Option<i64>,
    /// the complaint urged (exactly one of the two).
    #[serde(default)]
    pub complaint_id: Option<i64>,
    /// What the resident said: 已等两天，很着急.
    #[serde(default)]
    pub note: String,
}

/// What the desk is told after urging: the record and how often it has been urged now.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Urged {
    pub serial: String,
    /// 待派工, 已派工…: where it stands, for the caller.
    pub state: String,
    /// Who has it now (the assignee, or empty).
    pub with: String,
    pub count: i64,
}

/// A second urge of the same record by the same person within this many minutes is taken as a
/// double click, not a second call.
const SAME_CALL_MINUTES: i64 = 2;

/// Records a 催办 on an open slip or complaint.
pub fn urge(store: &mut Store, ctx: &Ctx, input: UrgeInput) -> Result<Urged> {
    let me = ctx.require(ANYONE, "登记催办")?.id;
    let note = validate::optional("note", "催办内容", &input.note, 200)?;
    let now = ctx.now.format(TIME_FORMAT).to_string();
    store.write(|tx| {
        let (column, id, urged) = match (input.slip_id, input.complaint_id) {
            (Some(s), None) => ("slip_id", s, slip_target(tx, ctx.now, s)?),
            (None, Some(c)) => ("complaint_id", c, complaint_target(tx, ctx.now, c)?),
            _ => {
                return Err(Error::invalid(
                    "slip_id",
                    "请选择要催办的一张派工单或一件投诉",
                ))
            }
        };
        let since = (ctx.now - Duration::minutes(SAME_CALL_MINUTES))
            .format(TIME_FORMAT)
            .to_string();
        let just: Option<String> = tx
            .query_row(
                &format!("SELECT at FROM urgings WHERE {column} = ?1 AND by_id = ?2 AND at >= ?3 ORDER BY at DESC LIMIT 1"),
                params![id, me, since],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(at) = just {
            return Err(Error::conflict(
                column,
                format!(
                    "{} 刚刚（{}）已登记过一次催办，不再重复登记",
                    urged.serial,
                    at.get(11..16).unwrap_or(&at)
                ),
            ));
        }
        tx.execute(
            &format!("INSERT INTO urgings ({column}, at, by_id, note) VALUES (?1, ?2, ?3, ?4)"),
            params![id, now, me, note],
        )?;
        let table = if column == "slip_id" { "dispatch_slips" } else { "complaints" };
        audit::record(tx, ctx, "登记催办", table, Some(id), &format!("{} {note}", urged.serial))?;
        let count = count(tx, column, id)?;
        Ok(Urged { count, ..urged })
    })
}

fn count(tx: &Transaction, column: &str, id: i64) -> Result<i64> {
    Ok(tx.query_row(
        &format!("SELECT count(*) FROM urgings WHERE {column} = ?1"),
        [id],
        |r| r.get(0),
    )?)
}

fn slip_target(tx: &Transaction, now: NaiveDateTime, id: i64) -> Result<Urged> {
    let slip = crate::desk::slips::get(tx, now, id)?;
    if !slip.state.is_open() {
        return Err(Error::conflict(
            "slip_id",
            format!(
                "派工单 {} {}，不能催办；住户如仍有问题，请重新登记",
                slip.serial,
                slip.state.label()
            ),
        ));
    }
    Ok(Urged {
        serial: slip.serial,
        state: slip.state.label().to_string(),
        with: slip.assignee,
        count: 0,
    })
}

fn complaint_target(tx: &Transaction, now: NaiveDateTime, id: i64) -> Result<Urged> {
    let c = crate::desk::complaints::get(tx, now, id)?;
    if c.state == crate::desk::complaints::ComplaintState::SignedOff {
        return Err(Error::conflict(
            "complaint_id",
            format!(
                "投诉 {} 已办结，不能催办；住户如仍不满意，请重新登记投诉",
                c.serial
            ),
        ));
    }
    Ok(Urged {
        serial: c.serial,
        state: c.state.label().to_string(),
        with: c.taken_up_by,
        count: 0,
    })
}

#[cfg(test)]
mod tests;
