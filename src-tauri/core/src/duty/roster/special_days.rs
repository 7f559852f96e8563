//! Special days (R-DU-10; 001 小区管理处值班制度 八): holidays, typhoon warnings and major works,
//! marked on the roster with their reason. Each needs a supervisor or manager on duty; the
//! month's check names a special day without one, so publishing and approvals refuse it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use super::{require_roster, view, Month, RosterView};
use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::ROSTER_EDITORS;
use crate::base::{audit, validate};
use crate::duty::roster::plan::DAY_FORMAT;
use crate::store::Store;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SpecialDayInput {
    /// "YYYY-MM-DD".
    pub date: String,
    /// 元旦、台风预警、停水检修…; empty takes the mark off.
    #[serde(default)]
    pub reason: String,
}

/// The special days of `month` with their reasons.
pub fn of_month(tx: &Transaction, month: Month) -> Result<BTreeMap<NaiveDate, String>> {
    let mut st = tx.prepare(
        "SELECT day, reason FROM roster_special_days WHERE day >= ?1 AND day < ?2 ORDER BY day",
    )?;
    let rows = st.query_map(
        params![
            month.first.format(DAY_FORMAT).to_string(),
            month.next_first().format(DAY_FORMAT).to_string()
        ],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
    )?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (day, reason) = row?;
        if let Ok(d) = NaiveDate::parse_from_str(&day, DAY_FORMAT) {
            out.insert(d, reason);
        }
    }
    Ok(out)
}

/// Marks `date` special with its reason, or takes the mark off (empty reason). The month's
/// roster must exist; a day already past cannot be changed.
pub fn set(store: &mut Store, ctx: &Ctx, input: SpecialDayInput) -> Result<RosterView> {
    let me = ctx.require(ROSTER_EDITORS, "标记特殊日")?.id;
    let day = NaiveDate::parse_from_str(input.date.trim(), DAY_FORMAT).map_err(|_| {
        Error::invalid(
            "date",
            format!("日期“{}”格式不正确，应为 YYYY-MM-DD", input.date.trim()),
        )
    })?;
    if day < ctx.now.date() {
        return Err(Error::invalid(
            "date",
            format!("{} 已经过去，不能再标记", day.format("%-m月%-d日")),
        ));
    }
    let reason = validate::optional("reason", "特殊日事由", &input.reason, 60)?;
    let month = Month::of(day);
    store.write(|tx| {
        let (id, _) = require_roster(tx, month)?;
        let d = day.format(DAY_FORMAT).to_string();
        if reason.is_empty() {
            tx.execute("DELETE FROM roster_special_days WHERE day = ?1", [&d])?;
        } else {
            tx.execute(
                "INSERT INTO roster_special_days (day, reason, set_by, set_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (day) DO UPDATE SET reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at",
                params![d, reason, me, ctx.now.format(TIME_FORMAT).to_string()],
            )?;
        }
        let what = if reason.is_empty() {
            format!("{d} 取消特殊日")
        } else {
            format!("{d} {reason}")
        };
        audit::record(tx, ctx, "标记特殊日", "rosters", Some(id), &what)?;
        view(tx, month)
    })
}
