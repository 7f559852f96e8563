//! Shift changes without a signed handover (R-HO-8): every change of the published roster's
//! desk shifts expects one, signed by both parties; a change still without one
//! `handover_due_minutes` after it is 未交接 — on the 交接班 screen and in 值班统计.

use chrono::{Duration, NaiveDateTime};
use std::collections::HashMap;

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{desk_plan_between, planned_in};
use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::base::when;
use crate::duty::roster::plan::StaffBrief;
use crate::duty::settings as duty_settings;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MissingHandover {
    /// When the incoming shift started.
    pub change_at: String,
    /// Who the roster expected to hand over and to take over.
    pub outgoing: Option<StaffBrief>,
    pub incoming: Option<StaffBrief>,
    /// A record started but not signed by both, if there is one.
    pub started_id: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct MissingInput {
    /// How many days back to look (default 7).
    #[serde(default)]
    pub days: Option<i64>,
}

/// The desk shift changes in `[from, to]` with no handover signed by both. One read of the plan
/// and one of the handovers, whatever the length of the period (a year report asks too).
pub(crate) fn between(
    tx: &Transaction,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<MissingHandover>> {
    // From the day before: the night running into `from` is the first change's outgoing.
    let plan = desk_plan_between(tx, from.date() - Duration::days(1), to.date())?;
    let mut changes: Vec<NaiveDateTime> = plan
        .iter()
        .map(|a| a.shift.span(a.day).0)
        .filter(|start| *start >= from && *start <= to)
        .collect();
    changes.sort();
    changes.dedup();
    let mut st = tx.prepare_cached(
        "SELECT change_at, id, status FROM handovers WHERE kind = 'desk' AND change_at >= ?1 AND change_at <= ?2",
    )?;
    let records: HashMap<String, (i64, String)> = st
        .query_map([when::text(from), when::text(to)], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut missing = Vec::new();
    for change in changes {
        let (outgoing, incoming) = planned_in(&plan, change);
        // The first shift after an empty stretch hands over from nobody: nothing to sign.
        let Some(outgoing) = outgoing else { continue };
        let record = records.get(&when::text(change));
        if record.is_some_and(|(_, status)| status == "signed") {
            continue;
        }
        missing.push(MissingHandover {
            change_at: when::text(change),
            outgoing: Some(outgoing.staff),
            incoming: incoming.map(|a| a.staff),
            started_id: record.map(|(id, _)| *id),
        });
    }
    Ok(missing)
}

/// The last `days` days' 未交接: changes more than `handover_due_minutes` ago with no handover
/// signed by both.
pub fn missing(store: &mut Store, ctx: &Ctx, input: MissingInput) -> Result<Vec<MissingHandover>> {
    ctx.actor()?;
    store.read(|tx| recent(tx, ctx.now, input.days))
}

/// The changes of the last `days` (default 7) that are overdue for their handover at `now`.
pub(crate) fn recent(
    tx: &Transaction,
    now: NaiveDateTime,
    days: Option<i64>,
) -> Result<Vec<MissingHandover>> {
    let days = days.unwrap_or(7).clamp(1, 62);
    let due = duty_settings::load(tx)?.handover_due_minutes;
    let to = now - Duration::minutes(due);
    between(tx, to - Duration::days(days), to)
}
