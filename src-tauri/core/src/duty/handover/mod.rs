//! Handover (交接班, R-HO-1…7): each desk shift change has a record pre-filled from the roster
//! (a different person is allowed but flagged), the checklist of items kept at the desk, the
//! unfinished work handed on, area anomalies, the incoming person's arrival (late if after the
//! shift start minus the lead, R-DU-7), and both signatures given with each person's own
//! password. Once both have signed the record is locked (also by triggers in the schema);
//! corrections are addenda pointing at it. The evening hand-off to the security gate is a
//! handover whose incoming party is security; next morning the desk records reading their
//! night record.

use chrono::Duration;
use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::when;
use crate::coded_enum;
use crate::duty::roster::plan::{self, StaffBrief};
use crate::store::Store;

pub mod arrivals;
mod items;
pub mod missing;
pub use missing::{MissingHandover, MissingInput};
pub mod pulled;
mod record;
mod sign;

pub(crate) use items::items;
pub use items::{item_add, item_list, item_update, DeskItem, DeskItemInput};
pub use record::{
    add_anomaly, add_open_item, plan_for, record_arrival, remove_anomaly, remove_open_item,
    set_check, set_notes, settle_open_item, start, AnomalyInput, ArrivalInput, CheckInput,
    HandoverStart, NotesInput, OpenItemInput, RemoveInput, SettleInput,
};
#[cfg(test)]
pub(crate) use sign::sign_as;
pub use sign::{
    add_addendum, read_security_record, sign, AddendumInput, SecurityReadInput, SignInput,
};

// ---------- the record ----------

coded_enum!(
    HandoverKind {
        /// Desk shift to desk shift.
    Desk = ("desk", "前台交接"),
        /// Evening hand-off of the phone to the security gate (R-HO-7).
    Security = ("security", "移交秩序维护岗"),
    }
);

coded_enum!(
    ItemState {
        Ok = ("ok", "完好"),
        Damaged = ("damaged", "损坏"),
        Missing = ("missing", "缺失"),
    }
);

coded_enum!(
    Party {
        Outgoing = ("outgoing", "交班人"),
        Incoming = ("incoming", "接班人"),
    }
);

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ItemCheck {
    pub item_id: i64,
    pub item_name: String,
    pub expected_qty: i64,
    pub actual_qty: i64,
    pub state: ItemState,
    pub note: String,
    pub explanation: String,
}

/// The source of an open item the outgoing person wrote down (交班说明).
pub const WRITTEN: &str = "交班说明";

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OpenItem {
    pub id: i64,
    /// Where it came from: `WRITTEN` by the outgoing person, or the kind of record it was pulled from.
    pub source: String,
    /// Written by hand (not pulled from a record).
    pub written: bool,
    /// Written on an earlier handover and carried over to this one.
    pub carried: bool,
    /// May still be struck out: written on this very handover and not settled. Everything else
    /// stays and can only be marked 已办结 (R-HO-10).
    pub may_strike: bool,
    /// An unhandled night-log entry (R-HO-6): the morning converts it before signing.
    pub night_log: bool,
    pub ref_id: Option<i64>,
    pub summary: String,
    pub note: String,
    /// 已办结: how it was settled, by whom and when; empty while still open.
    pub settled_note: String,
    pub settled_by: String,
    pub settled_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Anomaly {
    pub id: i64,
    pub area: String,
    pub description: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Addendum {
    pub id: i64,
    pub text: String,
    pub written_at: String,
    pub written_by: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SecurityRead {
    pub read_at: String,
    pub read_by: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HandoverStatus {
    Open,
    Signed,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Handover {
    pub id: i64,
    pub serial: String,
    pub kind: HandoverKind,
    pub change_at: String,
    pub outgoing: StaffBrief,
    pub incoming: StaffBrief,
    pub planned_outgoing: Option<StaffBrief>,
    pub planned_incoming: Option<StaffBrief>,
    /// Differences from the roster, e.g. an undeclared cover; allowed but shown.
    pub mismatches: Vec<String>,
    pub from_night: bool,
    pub work_notes: String,
    pub arrived_at: Option<String>,
    pub late: bool,
    /// The others taking over at this change, with their arrival (R-DU-7).
    pub co_arrivals: Vec<arrivals::CoArrival>,
    pub status: HandoverStatus,
    pub outgoing_signed_at: Option<String>,
    pub incoming_signed_at: Option<String>,
    /// When the incoming person confirmed 已阅值班日志 (with their signature, R-HO-3).
    pub log_read_at: Option<String>,
    /// What the incoming person recorded must be followed up (接班人记录的跟进事项, R-HO-3).
    pub follow_up: String,
    /// The outgoing person's next day is a rest day by the roster: they write 轮休交代 (R-HO-9).
    pub outgoing_rests_next: bool,
    /// 轮休交代: matters and suggestions of an outgoing person about to rest (R-HO-9).
    pub rest_notes: String,
    pub carried_over: i64,
    pub checks: Vec<ItemCheck>,
    pub open_items: Vec<OpenItem>,
    pub anomalies: Vec<Anomaly>,
    pub addenda: Vec<Addendum>,
    pub security_read: Option<SecurityRead>,
    pub created_at: String,
}

/// Who the roster expects at the desk shift change at `change_at`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HandoverPlan {
    pub change_at: String,
    pub outgoing: Option<StaffBrief>,
    pub incoming: Option<StaffBrief>,
    pub from_night: bool,
    /// The record for this change, if already started.
    pub existing_id: Option<i64>,
}

/// A handover record by serial (JJ-202611-0001), as printed.
pub fn load_by_serial(tx: &Transaction, serial: &str) -> Result<Handover> {
    let id: i64 = tx
        .query_row(
            "SELECT id FROM handovers WHERE serial = ?1",
            [serial.trim().to_uppercase()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| {
            Error::not_found("serial", format!("找不到交接班记录“{}”", serial.trim()))
        })?;
    load(tx, id)
}

pub(crate) fn load(tx: &Transaction, id: i64) -> Result<Handover> {
    type Head = (
        String,
        String,
        String,
        i64,
        i64,
        Option<i64>,
        Option<i64>,
        bool,
        String,
        Option<String>,
        bool,
        String,
        Option<String>,
        Option<String>,
        i64,
        String,
        Option<String>,
        String,
        String,
    );
    let h: Head = tx
        .query_row(
            "SELECT serial, kind, change_at, outgoing_id, incoming_id, planned_outgoing_id, planned_incoming_id, from_night, work_notes,
                    arrived_at, late, status, outgoing_signed_at, incoming_signed_at, carried_over, created_at,
                    log_read_at, follow_up, rest_notes FROM handovers WHERE id = ?1",
            [id],
            |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?,
                    r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?, r.get(14)?, r.get(15)?, r.get(16)?, r.get(17)?, r.get(18)?))
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的交接班记录")))?;
    let outgoing_rests_next = rests_next(tx, h.3, &h.2)?;
    let outgoing = plan::brief(tx, h.3)?;
    let incoming = plan::brief(tx, h.4)?;
    let planned_outgoing = h.5.map(|i| plan::brief(tx, i)).transpose()?;
    let planned_incoming = h.6.map(|i| plan::brief(tx, i)).transpose()?;
    let kind = if h.1 == "security" {
        HandoverKind::Security
    } else {
        HandoverKind::Desk
    };
    let mut mismatches = Vec::new();
    match &planned_outgoing {
        Some(p) if p.id != outgoing.id => mismatches.push(format!(
            "值班表上的交班人是 {}，实际为 {}",
            p.name, outgoing.name
        )),
        None => mismatches.push(format!("值班表上此时没有交班人，实际为 {}", outgoing.name)),
        _ => {}
    }
    if kind == HandoverKind::Desk {
        match &planned_incoming {
            Some(p) if p.id != incoming.id => mismatches.push(format!(
                "值班表上的接班人是 {}，实际为 {}",
                p.name, incoming.name
            )),
            None => mismatches.push(format!("值班表上此时没有接班人，实际为 {}", incoming.name)),
            _ => {}
        }
    }
    let checks = tx
        .prepare("SELECT item_id, item_name, expected_qty, actual_qty, state, note, explanation FROM handover_checks WHERE handover_id = ?1 ORDER BY rowid")?
        .query_map([id], |r| {
            Ok(ItemCheck {
                item_id: r.get(0)?,
                item_name: r.get(1)?,
                expected_qty: r.get(2)?,
                actual_qty: r.get(3)?,
                state: r.get::<_, ItemState>(4)?,
                note: r.get(5)?,
                explanation: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let open_items = tx
        .prepare(
            "SELECT o.id, o.source, o.ref_id, o.summary, o.note, o.carried, o.settled_note, coalesce(s.name, ''), o.settled_at
             FROM handover_open_items o LEFT JOIN staff s ON s.id = o.settled_by WHERE o.handover_id = ?1 ORDER BY o.id",
        )?
        .query_map([id], |r| {
            let source: String = r.get(1)?;
            let carried: bool = r.get(5)?;
            let settled_at: Option<String> = r.get(8)?;
            Ok(OpenItem {
                id: r.get(0)?,
                written: source == WRITTEN,
                carried,
                may_strike: source == WRITTEN && !carried && settled_at.is_none(),
                settled_note: r.get(6)?,
                settled_by: r.get(7)?,
                settled_at,
                night_log: source == pulled::NIGHT_LOG,
                source,
                ref_id: r.get(2)?,
                summary: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let anomalies = tx
        .prepare("SELECT id, area, description, explanation FROM handover_anomalies WHERE handover_id = ?1 ORDER BY id")?
        .query_map([id], |r| Ok(Anomaly { id: r.get(0)?, area: r.get(1)?, description: r.get(2)?, explanation: r.get(3)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let addenda = tx
        .prepare("SELECT a.id, a.text, a.written_at, s.name FROM handover_addenda a JOIN staff s ON s.id = a.written_by WHERE a.handover_id = ?1 ORDER BY a.id")?
        .query_map([id], |r| Ok(Addendum { id: r.get(0)?, text: r.get(1)?, written_at: r.get(2)?, written_by: r.get(3)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let security_read = tx
        .query_row(
            "SELECT r.read_at, s.name, r.note FROM security_night_reads r JOIN staff s ON s.id = r.read_by WHERE r.handover_id = ?1",
            [id],
            |r| Ok(SecurityRead { read_at: r.get(0)?, read_by: r.get(1)?, note: r.get(2)? }),
        )
        .optional()?;
    let mut handover = Handover {
        id,
        serial: h.0,
        kind,
        change_at: h.2,
        outgoing,
        incoming,
        planned_outgoing,
        planned_incoming,
        mismatches,
        from_night: h.7,
        work_notes: h.8,
        arrived_at: h.9,
        late: h.10,
        status: if h.11 == "signed" {
            HandoverStatus::Signed
        } else {
            HandoverStatus::Open
        },
        outgoing_signed_at: h.12,
        incoming_signed_at: h.13,
        log_read_at: h.16,
        follow_up: h.17,
        outgoing_rests_next,
        rest_notes: h.18,
        carried_over: h.14,
        checks,
        open_items,
        anomalies,
        addenda,
        security_read,
        created_at: h.15,
        co_arrivals: Vec::new(),
    };
    handover.co_arrivals = arrivals::of(tx, &handover)?;
    Ok(handover)
}

/// Whether `staff`, handing over at `change_at`, rests the day after the shift they end (R-HO-9):
/// the shift that ends at the change is found in the roster, and the next day has none for them.
/// False when the roster has no such shift (a cover, say).
fn rests_next(
    tx: &Transaction,
    staff: crate::setup::staff::StaffId,
    change_at: &str,
) -> Result<bool> {
    let Ok(at) = chrono::NaiveDateTime::parse_from_str(change_at, crate::base::ctx::TIME_FORMAT)
    else {
        return Ok(false);
    };
    let day = at.date();
    let Some(before) = day.pred_opt() else {
        return Ok(false);
    };
    let ended = plan::effective(tx, before, day, None, &[])?
        .into_iter()
        .filter(|a| a.staff.id == staff)
        .find(|a| {
            let (_, end) = a.shift.span(a.day);
            (end - at).num_minutes().abs() <= 60
        });
    let Some(shift) = ended else { return Ok(false) };
    let Some(next) = shift.day.succ_opt() else {
        return Ok(false);
    };
    Ok(plan::effective(tx, next, next, None, &[])?
        .iter()
        .all(|a| a.staff.id != staff))
}

pub fn get(store: &mut Store, ctx: &Ctx, id: i64) -> Result<Handover> {
    ctx.actor()?;
    store.read(|tx| load(tx, id))
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HandoverSummary {
    pub id: i64,
    pub serial: String,
    pub kind: HandoverKind,
    pub change_at: String,
    pub outgoing: String,
    pub incoming: String,
    pub status: HandoverStatus,
    pub late: bool,
    pub carried_over: i64,
    /// A security hand-off whose night record the desk has not yet acknowledged.
    pub awaiting_read: bool,
}

/// Handovers of the last `days` days, newest first.
pub fn list(store: &mut Store, ctx: &Ctx, days: i64) -> Result<Vec<HandoverSummary>> {
    ctx.actor()?;
    let since = when::text(ctx.now - Duration::days(days.clamp(1, 3660)));
    store.read(|tx| {
        Ok(tx
            .prepare(
                "SELECT h.id, h.serial, h.kind, h.change_at, o.name, i.name, h.status, h.late, h.carried_over,
                        h.kind = 'security' AND NOT EXISTS (SELECT 1 FROM security_night_reads r WHERE r.handover_id = h.id)
                 FROM handovers h JOIN staff o ON o.id = h.outgoing_id JOIN staff i ON i.id = h.incoming_id
                 WHERE h.change_at >= ?1 ORDER BY h.change_at DESC, h.id DESC",
            )?
            .query_map([since], |r| {
                Ok(HandoverSummary {
                    id: r.get(0)?,
                    serial: r.get(1)?,
                    kind: if r.get::<_, String>(2)? == "security" { HandoverKind::Security } else { HandoverKind::Desk },
                    change_at: r.get(3)?,
                    outgoing: r.get(4)?,
                    incoming: r.get(5)?,
                    status: if r.get::<_, String>(6)? == "signed" { HandoverStatus::Signed } else { HandoverStatus::Open },
                    late: r.get(7)?,
                    carried_over: r.get(8)?,
                    awaiting_read: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    })
}

#[cfg(test)]
mod anomaly_tests;
#[cfg(test)]
mod arrival_tests;
#[cfg(test)]
mod log_read_tests;
#[cfg(test)]
mod missing_tests;
#[cfg(test)]
mod open_item_tests;
#[cfg(test)]
mod rest_notes_tests;
#[cfg(test)]
mod tests;
