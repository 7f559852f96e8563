//! Listing intake entries (R-IN-6): today, this shift or a range, filtered by type, channel, state and who received them.

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::when;
use crate::store::Store;
use chrono::{Duration, NaiveDateTime, NaiveTime};
use serde::Deserialize;
use ts_rs::TS;

use super::*;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct IntakeQuery {
    pub period: Option<IntakePeriod>,
    /// For a range: YYYY-MM-DD (inclusive).
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub kind: Option<IntakeKind>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub received_by: Option<i64>,
    #[serde(default)]
    pub state: Option<EntryState>,
    #[serde(default)]
    pub limit: Option<i64>,
}

/// The shift containing `now`: the night window or the day between its end and its start.
pub fn shift_bounds(
    s: &settings::IntakeSettings,
    now: NaiveDateTime,
) -> (NaiveDateTime, NaiveDateTime) {
    let (ns, ne) = s.night_window();
    let (a, b) = if s.is_night(now.time()) {
        (ns, ne)
    } else {
        (ne, ns)
    };
    cyclic(now, a, b)
}

pub(super) fn cyclic(
    now: NaiveDateTime,
    a: NaiveTime,
    b: NaiveTime,
) -> (NaiveDateTime, NaiveDateTime) {
    let mut start = now.date().and_time(a);
    if start > now {
        start -= Duration::days(1);
    }
    let mut len = b - a;
    if len <= Duration::zero() {
        len += Duration::days(1);
    }
    (start, start + len)
}

pub(super) fn day(field: &str, raw: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => chrono::NaiveDate::parse_from_str(r, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Error::invalid(field, format!("日期“{r}”格式不正确，应为 2026-11-23"))),
        None => Ok(None),
    }
}

/// The list views: today, this shift or a date range, filtered by type, channel, staff and state.
pub fn list(store: &mut Store, ctx: &Ctx, q: IntakeQuery) -> Result<Vec<IntakeEntry>> {
    ctx.actor()?;
    store.read(|tx| {
        let s = settings::load(tx)?;
        let (from, to) = match q.period.unwrap_or(IntakePeriod::Today) {
            IntakePeriod::Today => {
                let d = ctx.now.date().and_hms_opt(0, 0, 0).unwrap_or(ctx.now);
                (d, d + Duration::days(1))
            }
            IntakePeriod::Shift => shift_bounds(&s, ctx.now),
            IntakePeriod::Range => {
                let f = day("from", q.from.as_deref())?.ok_or_else(|| Error::invalid("from", "请选择开始日期"))?;
                let t = day("to", q.to.as_deref())?.unwrap_or(ctx.now.date());
                if t < f {
                    return Err(Error::invalid("to", "结束日期不能早于开始日期"));
                }
                (f.and_hms_opt(0, 0, 0).unwrap_or(ctx.now), t.and_hms_opt(0, 0, 0).unwrap_or(ctx.now) + Duration::days(1))
            }
        };
        let state_sql = match q.state {
            None => "1",
            Some(EntryState::Open) => "e.finished_at IS NULL",
            Some(EntryState::Finished) => "e.finished_at IS NOT NULL",
            Some(EntryState::NightLog) => "e.night_log = 1",
            Some(EntryState::CallbackPending) => super::CALLBACK_PENDING_SQL,
            Some(EntryState::Major) => "e.major_incident = 1",
        };
        let sql = format!(
            "e.received_at >= ?1 AND e.received_at < ?2 AND (?3 IS NULL OR e.kind = ?3) AND (?4 IS NULL OR e.channel = ?4)
             AND (?5 IS NULL OR e.received_by = ?5) AND {state_sql}"
        );
        query(tx, &sql, &[&when::text(from), &when::text(to), &q.kind, &q.channel, &q.received_by], q.limit.unwrap_or(500))
    })
}
