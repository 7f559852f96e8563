//! The estate's layout: buildings (楼栋) and rooms (房间), addressed by room code.

mod code;

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use code::RoomCode;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::SETUP_EDITORS;
use crate::store::Store;
use crate::{base::audit, base::validate};

pub type RoomId = i64;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Building {
    pub id: i64,
    pub name: String,
    pub note: String,
    pub room_count: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct BuildingInput {
    pub name: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Room {
    pub id: RoomId,
    pub building: String,
    pub unit: String,
    pub number: String,
    /// 3-2-1201
    pub code: String,
    /// 3栋2单元1201
    pub full_name: String,
    pub area_m2: Option<f64>,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RoomInput {
    pub building: String,
    #[serde(default)]
    pub unit: String,
    pub number: String,
    #[serde(default)]
    pub area_m2: Option<f64>,
    #[serde(default)]
    pub note: String,
}

// ---- buildings ----

pub fn list_buildings(store: &mut Store) -> Result<Vec<Building>> {
    store.read(|tx| {
        let mut st = tx.prepare(
            "SELECT b.id, b.name, b.note, (SELECT count(*) FROM rooms r WHERE r.building_id = b.id)
             FROM buildings b ORDER BY length(b.name), b.name",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok(Building {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    note: r.get(2)?,
                    room_count: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

fn clean_building(input: &BuildingInput) -> Result<(String, String)> {
    let code = RoomCode::from_parts(&input.name, "", "1").map_err(|_| {
        Error::invalid(
            "name",
            format!("楼栋“{}”只能是数字或字母，如 3 或 A", input.name.trim()),
        )
    })?;
    Ok((
        code.building,
        validate::optional("note", "备注", &input.note, 100)?,
    ))
}

pub fn add_building(store: &mut Store, ctx: &Ctx, input: BuildingInput) -> Result<Building> {
    ctx.require(SETUP_EDITORS, "新增楼栋")?;
    let (name, note) = clean_building(&input)?;
    store.write(|tx| {
        let id = insert_building(tx, ctx, &name, &note)?;
        Ok(Building {
            id,
            name,
            note,
            room_count: 0,
        })
    })
}

pub(crate) fn insert_building(tx: &Transaction, ctx: &Ctx, name: &str, note: &str) -> Result<i64> {
    if building_id(tx, name)?.is_some() {
        return Err(Error::conflict("name", format!("{name}栋已存在")));
    }
    tx.execute(
        "INSERT INTO buildings (name, note) VALUES (?1, ?2)",
        params![name, note],
    )?;
    let id = tx.last_insert_rowid();
    audit::record(
        tx,
        ctx,
        "新增楼栋",
        "buildings",
        Some(id),
        &format!("{name}栋"),
    )?;
    Ok(id)
}

pub fn update_building(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    input: BuildingInput,
) -> Result<Building> {
    ctx.require(SETUP_EDITORS, "修改楼栋")?;
    let (name, note) = clean_building(&input)?;
    store.write(|tx| {
        let before: (String, String) = tx
            .query_row("SELECT name, note FROM buildings WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| Error::not_found("building", "找不到该楼栋"))?;
        if building_id(tx, &name)?.is_some_and(|other| other != id) {
            return Err(Error::conflict("name", format!("{name}栋已存在")));
        }
        tx.execute("UPDATE buildings SET name = ?1, note = ?2 WHERE id = ?3", params![name, note, id])?;
        // Room codes embed the building name; keep them in step.
        tx.execute(
            "UPDATE rooms SET code = ?1 || '-' || CASE unit WHEN '' THEN number ELSE unit || '-' || number END WHERE building_id = ?2",
            params![name, id],
        )?;
        audit::record(tx, ctx, "修改楼栋", "buildings", Some(id), &format!("{}栋 → {name}栋 {note}", before.0))?;
        let room_count = tx.query_row("SELECT count(*) FROM rooms WHERE building_id = ?1", [id], |r| r.get(0))?;
        Ok(Building { id, name, note, room_count })
    })
}

pub(crate) fn building_id(tx: &Transaction, name: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row("SELECT id FROM buildings WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

// ---- rooms ----

pub(crate) const ROOM_SELECT: &str =
    "SELECT r.id, b.name, r.unit, r.number, r.code, r.area_m2, r.note FROM rooms r JOIN buildings b ON b.id = r.building_id";

pub(crate) fn room_from_row(r: &Row) -> rusqlite::Result<Room> {
    let code = RoomCode {
        building: r.get(1)?,
        unit: r.get(2)?,
        number: r.get(3)?,
    };
    Ok(Room {
        id: r.get(0)?,
        full_name: code.full(),
        building: code.building,
        unit: code.unit,
        number: code.number,
        code: r.get(4)?,
        area_m2: r.get(5)?,
        note: r.get(6)?,
    })
}

pub fn get(tx: &Transaction, id: RoomId) -> Result<Room> {
    tx.query_row(
        &format!("{ROOM_SELECT} WHERE r.id = ?1"),
        [id],
        room_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("room", "找不到该房间"))
}

/// The room with this code, or None.
pub fn find_by_code(tx: &Transaction, code: &RoomCode) -> Result<Option<Room>> {
    Ok(tx
        .query_row(
            &format!("{ROOM_SELECT} WHERE r.code = ?1"),
            [code.short()],
            room_from_row,
        )
        .optional()?)
}

/// Parses what the desk typed and finds the room, or says precisely what is wrong.
pub fn require_by_text(tx: &Transaction, text: &str) -> Result<Room> {
    let code = RoomCode::parse(text)?;
    find_by_code(tx, &code)?
        .ok_or_else(|| Error::not_found("room", format!("房间 {} 不存在，请检查房号", code.full())))
}

pub(crate) struct CleanRoom {
    pub code: RoomCode,
    pub area_m2: Option<f64>,
    pub note: String,
}

pub(crate) fn clean_room(input: &RoomInput) -> Result<CleanRoom> {
    let code = RoomCode::from_parts(&input.building, &input.unit, &input.number)?;
    if let Some(a) = input.area_m2 {
        if !(a > 0.0 && a < 100_000.0) {
            return Err(Error::invalid("area_m2", "建筑面积应为大于 0 的数字"));
        }
    }
    Ok(CleanRoom {
        code,
        area_m2: input.area_m2,
        note: validate::optional("note", "备注", &input.note, 200)?,
    })
}

pub(crate) fn insert_room(
    tx: &Transaction,
    ctx: &Ctx,
    room: &CleanRoom,
    create_building: bool,
) -> Result<Room> {
    let building = match building_id(tx, &room.code.building)? {
        Some(id) => id,
        None if create_building => insert_building(tx, ctx, &room.code.building, "")?,
        None => {
            return Err(Error::not_found(
                "building",
                format!("{}栋不存在，请先在“楼栋”中新增", room.code.building),
            ))
        }
    };
    if find_by_code(tx, &room.code)?.is_some() {
        return Err(Error::conflict(
            "number",
            format!("房间 {} 已存在", room.code.full()),
        ));
    }
    tx.execute(
        "INSERT INTO rooms (building_id, unit, number, code, area_m2, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![building, room.code.unit, room.code.number, room.code.short(), room.area_m2, room.note],
    )?;
    let id = tx.last_insert_rowid();
    audit::record(tx, ctx, "新增房间", "rooms", Some(id), &room.code.full())?;
    get(tx, id)
}

pub fn add_room(store: &mut Store, ctx: &Ctx, input: RoomInput) -> Result<Room> {
    ctx.require(SETUP_EDITORS, "新增房间")?;
    let room = clean_room(&input)?;
    store.write(|tx| insert_room(tx, ctx, &room, false))
}

pub fn update_room(store: &mut Store, ctx: &Ctx, id: RoomId, input: RoomInput) -> Result<Room> {
    ctx.require(SETUP_EDITORS, "修改房间")?;
    let room = clean_room(&input)?;
    store.write(|tx| {
        let before = get(tx, id)?;
        let building = building_id(tx, &room.code.building)?
            .ok_or_else(|| Error::not_found("building", format!("{}栋不存在", room.code.building)))?;
        if find_by_code(tx, &room.code)?.is_some_and(|r| r.id != id) {
            return Err(Error::conflict("number", format!("房间 {} 已存在", room.code.full())));
        }
        tx.execute(
            "UPDATE rooms SET building_id = ?1, unit = ?2, number = ?3, code = ?4, area_m2 = ?5, note = ?6 WHERE id = ?7",
            params![building, room.code.unit, room.code.number, room.code.short(), room.area_m2, room.note, id],
        )?;
        let after = get(tx, id)?;
        audit::record(tx, ctx, "修改房间", "rooms", Some(id), &audit::diff(&before, &after))?;
        Ok(after)
    })
}
