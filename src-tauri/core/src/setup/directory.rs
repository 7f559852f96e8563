//! The room directory: rooms with who lives in them, found by building, code, a resident's name
//! or phone — for the 设置 › 房间 list and the intake form (R-IN-3). Rooms own the buildings and
//! codes, residents own the people; the directory joins them.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::setup::residents::{self, Resident};
use crate::setup::rooms::{require_by_text, room_from_row, Room, RoomCode, ROOM_SELECT};
use crate::store::Store;

/// A room with who lives there, for the room list and the intake form.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoomDetail {
    pub room: Room,
    pub residents: Vec<Resident>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RoomQuery {
    /// Only this building.
    #[serde(default)]
    pub building: Option<String>,
    /// Matches the room code, a resident's name or phone (full or last four digits).
    #[serde(default)]
    pub text: Option<String>,
    /// Rooms a page holds (200 if not given, at most 5,000).
    #[serde(default)]
    pub limit: Option<i64>,
    /// Rooms to skip: where the page starts.
    #[serde(default)]
    pub offset: Option<i64>,
}

/// One page of the rooms matching a query, and how many match in all: 设置 › 房间 fetches the
/// page it shows, not every room of a 3,000-room estate (issue 12), and still shows every page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoomList {
    pub rooms: Vec<RoomDetail>,
    pub total: i64,
}

/// The page of rooms matching the query, each with its residents, in building/unit/number order.
pub fn list_rooms(store: &mut Store, ctx: &Ctx, query: RoomQuery) -> Result<RoomList> {
    ctx.actor()?;
    let limit = query.limit.unwrap_or(200).clamp(1, 5000);
    let offset = query.offset.unwrap_or(0).max(0);
    store.read(|tx| {
        let text = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let code_prefix = text.and_then(|t| RoomCode::parse(t).ok()).map(|c| c.short());
        let mut filter = String::from(" WHERE (?1 IS NULL OR b.name = ?1)");
        if text.is_some() {
            filter.push_str(
                " AND (r.code = ?2 OR r.code LIKE ?3 || '%' OR r.id IN (
                    SELECT rs.room_id FROM residents rs WHERE rs.name LIKE '%' || ?3 || '%'
                    UNION SELECT rs.room_id FROM residents rs JOIN resident_phones p ON p.resident_id = rs.id
                          WHERE p.phone = ?3 OR p.last4 = ?3))",
            );
        } else {
            // Both statements bind the same parameters, and rusqlite refuses one a statement lacks.
            filter.push_str(" AND ?2 IS NULL AND ?3 IS NULL");
        }
        let total = tx.query_row(
            &format!("SELECT COUNT(*) FROM rooms r JOIN buildings b ON b.id = r.building_id{filter}"),
            params![query.building.as_deref(), code_prefix, text],
            |r| r.get(0),
        )?;
        let sql = format!(
            "{ROOM_SELECT}{filter} ORDER BY length(b.name), b.name, length(r.unit), r.unit, length(r.number), r.number LIMIT ?4 OFFSET ?5"
        );
        let rooms = tx
            .prepare(&sql)?
            .query_map(params![query.building.as_deref(), code_prefix, text, limit, offset], room_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|room| Ok(RoomDetail { residents: residents::of_room(tx, room.id)?, room }))
            .collect::<Result<_>>()?;
        Ok(RoomList { rooms, total })
    })
}

/// One room by what the desk typed (3-2-1201 or 3栋2单元1201), with its residents.
pub fn room_detail(store: &mut Store, ctx: &Ctx, text: &str) -> Result<RoomDetail> {
    ctx.actor()?;
    store.read(|tx| {
        let room = require_by_text(tx, text)?;
        Ok(RoomDetail {
            residents: residents::of_room(tx, room.id)?,
            room,
        })
    })
}
