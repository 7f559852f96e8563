//! The entry form's look-up: a room code or a phone (full or last 4 digits) finds the
//! resident(s); for one room it shows the history and warns of a repeat repair.

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::desk::complaints::{self, Complaint};
use crate::desk::slips::{self, Slip};
use crate::setup::residents::{self, Resident};
use crate::setup::rooms::{self, Room, RoomCode};
use crate::store::Store;
use crate::{base::phone, setup::categories};

use crate::desk::intake::{self, repeat_check, settings, IntakeEntry, RepeatWarning};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct LookupInput {
    /// A room code (3-2-1201), a phone number, or its last 4 digits.
    pub text: String,
    /// The category chosen so far, for the repeat-repair warning.
    #[serde(default)]
    pub category: Option<String>,
}

/// One person (or one room with nobody on file) the look-up text may mean: one row of the
/// candidate list. The entry form fills itself from a candidate only once it is picked, or at
/// once when it is the only one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Candidate {
    pub room_id: i64,
    /// 3-2-1201, what the form's 房号 takes.
    pub room: String,
    /// 3栋2单元1201, what the list shows.
    pub room_name: String,
    /// None for a room with no resident on file.
    pub resident_id: Option<i64>,
    pub name: String,
    /// 业主 / 租户.
    pub kind: String,
    /// The number that matched (or the resident's first), for the form's 电话.
    pub phone: String,
    /// The same number masked (138****5678), for the list.
    pub phone_masked: String,
}

/// What the desk should know about one room while the caller is on the line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoomHistory {
    pub room_id: i64,
    pub room_name: String,
    pub recent_entries: Vec<IntakeEntry>,
    pub open_slips: Vec<Slip>,
    pub open_complaints: Vec<Complaint>,
    pub repeat: Option<RepeatWarning>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Lookup {
    /// Every person the text may mean, one per row, in room order. Exactly one: the form
    /// fills itself; none or several: the form is cleared and the desk picks.
    pub candidates: Vec<Candidate>,
    /// The history of each candidate's room, in the candidates' order (one per room).
    pub rooms: Vec<RoomHistory>,
}

/// At most this many candidates are listed; a look-up that finds more should be narrowed.
pub const MAX_CANDIDATES: usize = 20;

pub fn lookup(store: &mut Store, ctx: &Ctx, input: LookupInput) -> Result<Lookup> {
    ctx.actor()?;
    store.read(|tx| {
        let text = input.text.trim();
        let mut candidates = Vec::new();
        if let Ok(code) = RoomCode::parse(text) {
            if let Some(room) = rooms::find_by_code(tx, &code)? {
                let people: Vec<Resident> = residents::of_room(tx, room.id)?
                    .into_iter()
                    .filter(|r| r.active)
                    .collect();
                if people.is_empty() {
                    candidates.push(candidate(&room, None, None));
                }
                for r in &people {
                    candidates.push(candidate(&room, Some(r), None));
                }
            }
        }
        let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
        if candidates.is_empty() && !digits.is_empty() {
            let by_phone: Vec<(i64, i64, String)> = if digits.len() == 4 && text.len() == 4 {
                phones(tx, "p.last4 = ?1", &digits)?
            } else if let Ok(p) = phone::normalize("text", text) {
                phones(tx, "p.phone = ?1", &p)?
            } else {
                Vec::new()
            };
            for (room_id, resident_id, p) in by_phone.into_iter().take(MAX_CANDIDATES) {
                let room = rooms::get(tx, room_id)?;
                let people = residents::of_room(tx, room_id)?;
                let who = people.iter().find(|r| r.id == resident_id);
                candidates.push(candidate(&room, who, Some(&p)));
            }
        }
        let mut rooms_seen = Vec::new();
        for c in &candidates {
            if !rooms_seen.contains(&c.room_id) {
                rooms_seen.push(c.room_id);
            }
        }
        let mut out = Lookup {
            candidates,
            rooms: Vec::new(),
        };
        for room_id in rooms_seen {
            out.rooms
                .push(history(tx, ctx, room_id, input.category.as_deref())?);
        }
        Ok(out)
    })
}

fn candidate(room: &Room, who: Option<&Resident>, matched: Option<&str>) -> Candidate {
    let phone = matched
        .map(str::to_string)
        .or_else(|| who.and_then(|r| r.phones.first().cloned()))
        .unwrap_or_default();
    Candidate {
        room_id: room.id,
        room: room.code.clone(),
        room_name: room.full_name.clone(),
        resident_id: who.map(|r| r.id),
        name: who.map(|r| r.name.clone()).unwrap_or_default(),
        kind: who.map(|r| r.kind.label().to_string()).unwrap_or_default(),
        phone_masked: phone::mask(&phone),
        phone,
    }
}

fn history(
    tx: &Transaction,
    ctx: &Ctx,
    room_id: i64,
    category: Option<&str>,
) -> Result<RoomHistory> {
    let room = rooms::get(tx, room_id)?;
    let mut repeat = None;
    if let Some(cat) = category.map(str::trim).filter(|c| !c.is_empty()) {
        if let Ok(c) = categories::require_by_name(tx, "category", cat) {
            let days = settings::load(tx)?.repeat_repair_days;
            repeat = repeat_check(tx, room_id, c.id, ctx.now, None, days)?;
        }
    }
    Ok(RoomHistory {
        room_id,
        room_name: room.full_name,
        recent_entries: intake::query(tx, "e.room_id = ?1", &[&room_id], 10)?,
        open_slips: slips::query(
            tx,
            ctx.now,
            "?1 IS NOT NULL AND d.room_id = ?2 AND d.state NOT IN ('closed','cancelled')",
            &room_id,
            20,
        )?,
        open_complaints: complaints::query(
            tx,
            ctx.now,
            "c.room_id = ?1 AND c.state <> 'signed_off'",
            &room_id,
            20,
        )?,
        repeat,
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
