//! Roster change notices (R-DU-11; 001 值班制度 2(二) "中间有变化时,应及时修正告知"): when an
//! approval changes a published roster, each person whose shifts change gets a notice naming
//! their own changes; they see it when they next log in, and when they saw it is kept.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::Result;
use crate::duty::roster::plan::DAY_FORMAT;
use crate::store::Store;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RosterNotice {
    pub id: i64,
    pub text: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Announced {
    pub name: String,
    /// When they saw it; None while unread.
    pub seen_at: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NoticesSeenInput {
    pub ids: Vec<i64>,
}

/// Writes one notice per person whose published shifts request `request_id` changed (the
/// decider knows already). `what` says what was approved: "张三的请假（12月3日）经王主管批准".
pub(crate) fn announce(tx: &Transaction, ctx: &Ctx, request_id: i64, what: &str) -> Result<()> {
    let me = ctx.actor()?.id;
    let mut st = tx.prepare(
        "SELECT o.staff_id, o.day, ph.name, sh.name FROM roster_overrides o
         LEFT JOIN shifts sh ON sh.id = o.shift_id LEFT JOIN shifts ph ON ph.id = o.prev_shift_id
         WHERE o.request_id = ?1 AND o.in_draft = 0 ORDER BY o.day, o.id",
    )?;
    let rows = st.query_map([request_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut per_person: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for row in rows {
        let (staff, day, before, after) = row?;
        let day = NaiveDate::parse_from_str(&day, DAY_FORMAT)
            .map_or(day, |d| d.format("%-m月%-d日").to_string());
        per_person.entry(staff).or_default().push(format!(
            "{day} {} → {}",
            before.unwrap_or_else(|| "休".into()),
            after.unwrap_or_else(|| "休".into())
        ));
    }
    let now = ctx.now.format(TIME_FORMAT).to_string();
    for (staff, lines) in per_person.into_iter().filter(|(s, _)| *s != me) {
        let text = format!("{what}，你的值班安排有变动：{}", lines.join("；"));
        let text: String = text.chars().take(1000).collect();
        tx.execute(
            "INSERT INTO roster_notices (staff_id, request_id, text, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![staff, request_id, text, now],
        )?;
    }
    Ok(())
}

/// Who was told of request `request_id`'s changes, and whether they have seen it.
pub(crate) fn announced(tx: &Transaction, request_id: i64) -> Result<Vec<Announced>> {
    let mut st = tx.prepare(
        "SELECT s.name, n.seen_at FROM roster_notices n JOIN staff s ON s.id = n.staff_id
         WHERE n.request_id = ?1 ORDER BY n.id",
    )?;
    let out = st
        .query_map([request_id], |r| {
            Ok(Announced {
                name: r.get(0)?,
                seen_at: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// The logged-in person's unread notices, oldest first: shown once they log in.
pub fn mine(store: &mut Store, ctx: &Ctx) -> Result<Vec<RosterNotice>> {
    let me = ctx.actor()?.id;
    store.read(|tx| {
        let mut st = tx.prepare(
            "SELECT id, text, created_at FROM roster_notices WHERE staff_id = ?1 AND seen_at IS NULL ORDER BY id",
        )?;
        let out = st
            .query_map([me], |r| {
                Ok(RosterNotice {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    created_at: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    })
}

/// Marks the logged-in person's notices `ids` seen (someone else's are left alone).
pub fn seen(store: &mut Store, ctx: &Ctx, input: NoticesSeenInput) -> Result<Vec<RosterNotice>> {
    let me = ctx.actor()?.id;
    let now = ctx.now.format(TIME_FORMAT).to_string();
    store.write(|tx| {
        for id in &input.ids {
            tx.execute(
                "UPDATE roster_notices SET seen_at = ?1 WHERE id = ?2 AND staff_id = ?3 AND seen_at IS NULL",
                params![now, id, me],
            )?;
        }
        Ok(())
    })?;
    mine(store, ctx)
}
