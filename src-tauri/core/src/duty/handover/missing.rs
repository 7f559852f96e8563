//! Shift changes without a signed handover (R-HO-8): every change of the published roster's
//! desk shifts expects one, signed by both parties; a change still without one
//! `handover_due_minutes` after it is 未交接 — on the 交接班 screen and in 值班统计.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{desk_plan, planned};
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

/// The desk shift changes in `[from, to]` with no handover signed by both.
pub(crate) fn between(
    tx: &Transaction,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<MissingHandover>> {
    let mut changes: Vec<NaiveDateTime> = Vec::new();
    let mut day = from.date();
    while day <= to.date() {
        for a in desk_plan(tx, day.and_hms_opt(12, 0, 0).unwrap_or(from))? {
            let start = a.shift.span(a.day).0;
            if start >= from && start <= to && !changes.contains(&start) {
                changes.push(start);
            }
        }
        day += Duration::days(1);
    }
    changes.sort();
    let mut missing = Vec::new();
    for change in changes {
        let (outgoing, incoming) = planned(tx, change)?;
        // The first shift after an empty stretch hands over from nobody: nothing to sign.
        let Some(outgoing) = outgoing else { continue };
        let record: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, status FROM handovers WHERE change_at = ?1 AND kind = 'desk'",
                [when::text(change)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if record
            .as_ref()
            .is_some_and(|(_, status)| status == "signed")
        {
            continue;
        }
        missing.push(MissingHandover {
            change_at: when::text(change),
            outgoing: Some(outgoing.staff),
            incoming: incoming.map(|a| a.staff),
            started_id: record.map(|(id, _)| id),
        });
    }
    Ok(missing)
}

/// The last `days` days' 未交接: changes more than `handover_due_minutes` ago with no handover
/// signed by both.
pub fn missing(store: &mut Store, ctx: &Ctx, input: MissingInput) -> Result<Vec<MissingHandover>> {
    ctx.actor()?;
    let days = input.days.unwrap_or(7).clamp(1, 62);
    store.read(|tx| {
        let due = duty_settings::load(tx)?.handover_due_minutes;
        let to = ctx.now - Duration::minutes(due);
        between(tx, to - Duration::days(days), to)
    })
}
