//! Residents (业主/租户) of a room, each with one or more phone numbers.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::SETUP_EDITORS;
use crate::setup::rooms::{self, RoomId};
use crate::store::Store;
use crate::{base::audit, base::phone, base::validate};

crate::coded_enum!(
    /// Whether the resident owns the room or rents it.
    ResidentKind {
        Owner = ("owner", "业主", ["产权人"]),
        Tenant = ("tenant", "租户", ["租客", "住户"]),
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Resident {
    pub id: i64,
    pub room_id: RoomId,
    pub kind: ResidentKind,
    pub name: String,
    pub phones: Vec<String>,
    pub note: String,
    pub active: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ResidentInput {
    /// The room as the desk types it: 3-2-1201 or 3栋2单元1201.
    pub room: String,
    pub kind: ResidentKind,
    pub name: String,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

pub(crate) struct CleanResident {
    pub kind: ResidentKind,
    pub name: String,
    pub phones: Vec<String>,
    pub note: String,
    pub active: bool,
}

pub(crate) fn clean(input: &ResidentInput) -> Result<CleanResident> {
    let mut phones = Vec::new();
    for p in input.phones.iter().filter(|p| !p.trim().is_empty()) {
        let p = phone::normalize("phones", p)?;
        if !phones.contains(&p) {
            phones.push(p);
        }
    }
    if phones.len() > 5 {
        return Err(Error::invalid("phones", "每位住户最多登记 5 个电话"));
    }
    Ok(CleanResident {
        kind: input.kind,
        name: validate::required("name", "住户姓名", &input.name, 30)?,
        phones,
        note: validate::optional("note", "备注", &input.note, 200)?,
        active: input.active,
    })
}

pub fn of_room(tx: &Transaction, room_id: RoomId) -> Result<Vec<Resident>> {
    let mut st = tx.prepare(
        "SELECT id, room_id, kind, name, note, active FROM residents WHERE room_id = ?1 ORDER BY active DESC, kind, id",
    )?;
    let rows = st
        .query_map([room_id], |r| {
            let kind: String = r.get(2)?;
            Ok(Resident {
                id: r.get(0)?,
                room_id: r.get(1)?,
                kind: if kind == "tenant" {
                    ResidentKind::Tenant
                } else {
                    ResidentKind::Owner
                },
                name: r.get(3)?,
                phones: Vec::new(),
                note: r.get(4)?,
                active: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|mut res| {
            res.phones = phones_of(tx, res.id)?;
            Ok(res)
        })
        .collect()
}

fn phones_of(tx: &Transaction, resident_id: i64) -> Result<Vec<String>> {
    Ok(tx
        .prepare("SELECT phone FROM resident_phones WHERE resident_id = ?1 ORDER BY id")?
        .query_map([resident_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

fn get(tx: &Transaction, id: i64) -> Result<Resident> {
    let room_id: RoomId = tx
        .query_row("SELECT room_id FROM residents WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("resident", "找不到该住户"))?;
    of_room(tx, room_id)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| Error::not_found("resident", "找不到该住户"))
}

pub(crate) fn find_same(tx: &Transaction, room_id: RoomId, name: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM residents WHERE room_id = ?1 AND name = ?2",
            params![room_id, name],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn insert(
    tx: &Transaction,
    ctx: &Ctx,
    room_id: RoomId,
    r: &CleanResident,
) -> Result<Resident> {
    if find_same(tx, room_id, &r.name)?.is_some() {
        return Err(Error::conflict(
            "name",
            format!("该房间已登记住户“{}”", r.name),
        ));
    }
    tx.execute(
        "INSERT INTO residents (room_id, kind, name, note, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![room_id, r.kind.code(), r.name, r.note, r.active, ctx.now.format(TIME_FORMAT).to_string()],
    )?;
    let id = tx.last_insert_rowid();
    set_phones(tx, id, &r.phones)?;
    let room = rooms::get(tx, room_id)?;
    audit::record(
        tx,
        ctx,
        "新增住户",
        "residents",
        Some(id),
        &format!("{} {} {}", room.full_name, r.kind.label(), r.name),
    )?;
    get(tx, id)
}

/// Adds to a known resident the numbers they do not have yet (an import that lists them again);
/// returns the numbers actually added. The limit of 5 per resident still holds.
pub(crate) fn add_phones(
    tx: &Transaction,
    ctx: &Ctx,
    resident_id: i64,
    phones: &[String],
) -> Result<Vec<String>> {
    let have = phones_of(tx, resident_id)?;
    let new: Vec<String> = phones
        .iter()
        .filter(|p| !have.contains(p))
        .cloned()
        .collect();
    if new.is_empty() {
        return Ok(new);
    }
    if have.len() + new.len() > 5 {
        return Err(Error::invalid(
            "phones",
            format!(
                "该住户已登记 {} 个电话，再加 {} 个会超过 5 个的上限",
                have.len(),
                new.len()
            ),
        ));
    }
    for p in &new {
        tx.execute(
            "INSERT INTO resident_phones (resident_id, phone) VALUES (?1, ?2)",
            params![resident_id, p],
        )?;
    }
    audit::record(
        tx,
        ctx,
        "新增住户电话",
        "residents",
        Some(resident_id),
        &new.join("、"),
    )?;
    Ok(new)
}

fn set_phones(tx: &Transaction, resident_id: i64, phones: &[String]) -> Result<()> {
    tx.execute(
        "DELETE FROM resident_phones WHERE resident_id = ?1",
        [resident_id],
    )?;
    for p in phones {
        tx.execute(
            "INSERT INTO resident_phones (resident_id, phone) VALUES (?1, ?2)",
            params![resident_id, p],
        )?;
    }
    Ok(())
}

pub fn add(store: &mut Store, ctx: &Ctx, input: ResidentInput) -> Result<Resident> {
    ctx.require(SETUP_EDITORS, "登记住户")?;
    let r = clean(&input)?;
    store.write(|tx| {
        let room = rooms::require_by_text(tx, &input.room)?;
        insert(tx, ctx, room.id, &r)
    })
}

pub fn update(store: &mut Store, ctx: &Ctx, id: i64, input: ResidentInput) -> Result<Resident> {
    ctx.require(SETUP_EDITORS, "修改住户")?;
    let r = clean(&input)?;
    store.write(|tx| {
        let before = get(tx, id)?;
        let room = rooms::require_by_text(tx, &input.room)?;
        if find_same(tx, room.id, &r.name)?.is_some_and(|other| other != id) {
            return Err(Error::conflict("name", format!("该房间已登记住户“{}”", r.name)));
        }
        tx.execute(
            "UPDATE residents SET room_id = ?1, kind = ?2, name = ?3, note = ?4, active = ?5 WHERE id = ?6",
            params![room.id, r.kind.code(), r.name, r.note, r.active, id],
        )?;
        set_phones(tx, id, &r.phones)?;
        let after = get(tx, id)?;
        audit::record(tx, ctx, "修改住户", "residents", Some(id), &audit::diff(&before, &after))?;
        Ok(after)
    })
}
