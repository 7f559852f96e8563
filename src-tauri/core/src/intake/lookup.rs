//! The entry form's look-up: a room code or a phone (full or last 4 digits) finds the
//! resident(s); for one room it shows the history and warns of a repeat repair.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::complaints::{self, Complaint};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::residents::{self, Resident};
use crate::rooms::{self, Room, RoomCode};
use crate::slips::{self, Slip};
use crate::store::Store;
use crate::{categories, phone, when};

use super::{settings, IntakeEntry};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct LookupInput {
    /// A room code (3-2-1201), a phone number, or its last 4 digits.
    pub text: String,
    /// The category chosen so far, for the repeat-repair warning.
    #[serde(default)]
    pub category: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoomMatch {
    pub room: Room,
    pub residents: Vec<Resident>,
    /// The resident whose phone matched, when the look-up was by phone.
    pub resident_id: Option<i64>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RepeatWarning {
    pub days: i64,
    pub count: i64,
    pub last_at: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Lookup {
    pub matches: Vec<RoomMatch>,
    /// The room's history when exactly one room matched.
    pub recent_entries: Vec<IntakeEntry>,
    pub open_slips: Vec<Slip>,
    pub open_complaints: Vec<Complaint>,
    pub repeat: Option<RepeatWarning>,
}

pub fn lookup(store: &mut Store, ctx: &Ctx, input: LookupInput) -> Result<Lookup> {
    ctx.actor()?;
    store.read(|tx| {
        let text = input.text.trim();
        let mut matches = Vec::new();
        if let Ok(code) = RoomCode::parse(text) {
            if let Some(room) = rooms::find_by_code(tx, &code)? {
                matches.push(RoomMatch {
                    residents: residents::of_room(tx, room.id)?,
                    room,
                    resident_id: None,
                    phone: None,
                });
            }
        }
        let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
        if matches.is_empty() && !digits.is_empty() {
            let by_phone: Vec<(i64, i64, String)> = if digits.len() == 4 && text.len() == 4 {
                phones(tx, "p.last4 = ?1", &digits)?
            } else if let Ok(p) = phone::normalize("text", text) {
                phones(tx, "p.phone = ?1", &p)?
            } else {
                Vec::new()
            };
            for (room_id, resident_id, p) in by_phone.into_iter().take(20) {
                let room = rooms::get(tx, room_id)?;
                matches.push(RoomMatch {
                    residents: residents::of_room(tx, room_id)?,
                    room,
                    resident_id: Some(resident_id),
                    phone: Some(p),
                });
            }
        }
        let mut out = Lookup {
            matches,
            recent_entries: vec![],
            open_slips: vec![],
            open_complaints: vec![],
            repeat: None,
        };
        let rooms_found: std::collections::BTreeSet<i64> =
            out.matches.iter().map(|m| m.room.id).collect();
        if rooms_found.len() == 1 {
            let room_id = out.matches[0].room.id;
            out.recent_entries = super::query(tx, "e.room_id = ?1", &[&room_id], 10)?;
            out.open_slips = slips::query(
                tx,
                ctx.now,
                "?1 IS NOT NULL AND d.room_id = ?2 AND d.state NOT IN ('closed','cancelled')",
                &room_id,
                20,
            )?;
            out.open_complaints = complaints::query(
                tx,
                ctx.now,
                "c.room_id = ?1 AND c.state <> 'signed_off'",
                &room_id,
                20,
            )?;
            if let Some(cat) = input
                .category
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                if let Ok(c) = categories::require_by_name(tx, "category", cat) {
                    let days = settings::load(tx)?.repeat_repair_days;
                    out.repeat = repeat_check(tx, room_id, c.id, ctx.now, None, days)?;
                }
            }
        }
        Ok(out)
    })
}

fn phones(tx: &Transaction, cond: &str, value: &str) -> Result<Vec<(i64, i64, String)>> {
    let sql = format!(
        "SELECT r.room_id, r.id, p.phone FROM resident_phones p JOIN residents r ON r.id = p.resident_id
         WHERE {cond} AND r.active = 1 ORDER BY r.room_id LIMIT 50"
    );
    Ok(tx
        .prepare(&sql)?
        .query_map([value], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Earlier repair entries of the same room and category within `days` before `at`
/// (excluding the entry `except` itself).
pub fn repeat_check(
    tx: &Transaction,
    room_id: i64,
    category_id: i64,
    at: NaiveDateTime,
    except: Option<i64>,
    days: i64,
) -> Result<Option<RepeatWarning>> {
    let since = when::text(at - Duration::days(days));
    let row: Option<(i64, Option<String>)> = tx
        .query_row(
            "SELECT count(*), max(received_at) FROM intake_entries
             WHERE room_id = ?1 AND category_id = ?2 AND received_at >= ?3 AND received_at <= ?4 AND kind = 'repair'
               AND id IS NOT ?5",
            params![room_id, category_id, since, when::text(at), except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        Some((n, Some(last))) if n > 0 => Some(RepeatWarning {
            days,
            count: n,
            message: format!("重复报修:该房间 {days} 天内已有 {n} 次同类报修,最近一次 {last}"),
            last_at: last,
        }),
        _ => None,
    })
}
