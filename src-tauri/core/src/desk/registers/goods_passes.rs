//! 物品出入放行单 (R-AH-1): a resident (or the owner) lets goods leave the estate — who carries
//! them, from which room, which items. The desk issues the slip; the gate checks the goods
//! against it and records 放行 (whoever records it is the checker). An issued slip not yet
//! checked out is an open item of the handover.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{close, list_tail, RegisterCloseInput, RegisterQuery};
use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::ANYONE;
use crate::base::serials::{self, SerialKind};
use crate::base::{phone, validate, when};
use crate::coded_enum;
use crate::setup::rooms;
use crate::store::Store;

coded_enum!(
    /// Where a goods pass stands.
    GoodsPassState {
        Waiting = ("waiting", "待放行"),
        Released = ("released", "已放行"),
        Voided = ("voided", "已作废"),
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GoodsPass {
    pub id: i64,
    /// FX-202611-0001
    pub serial: String,
    pub room: String,
    /// The resident who lets the goods go (业主/住户).
    pub resident_name: String,
    pub resident_phone: String,
    /// Who carries them out (搬运人).
    pub carrier_name: String,
    pub carrier_phone: String,
    /// 物品名称及数量.
    pub items: String,
    pub note: String,
    pub issued_at: String,
    pub issued_by: String,
    pub state: GoodsPassState,
    /// When the gate let the goods out (or the slip was voided), and who recorded it.
    pub closed_at: Option<String>,
    pub closed_by: String,
    pub close_note: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct GoodsPassInput {
    /// Room code as typed (3-2-1201).
    #[serde(default)]
    pub room: String,
    #[serde(default)]
    pub resident_name: String,
    #[serde(default)]
    pub resident_phone: String,
    #[serde(default)]
    pub carrier_name: String,
    #[serde(default)]
    pub carrier_phone: String,
    #[serde(default)]
    pub items: String,
    #[serde(default)]
    pub note: String,
}

const SQL: &str =
    "SELECT t.id, t.serial, r.code, t.resident_name, t.resident_phone, t.carrier_name,
        t.carrier_phone, t.items, t.note, t.issued_at, i.name, t.closed_at, coalesce(c.name, ''),
        t.voided, t.close_note
   FROM goods_passes t
   JOIN rooms r ON r.id = t.room_id
   JOIN staff i ON i.id = t.issued_by
   LEFT JOIN staff c ON c.id = t.closed_by";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<GoodsPass> {
    let closed_at: Option<String> = r.get(11)?;
    let voided: bool = r.get(13)?;
    Ok(GoodsPass {
        id: r.get(0)?,
        serial: r.get(1)?,
        room: r.get(2)?,
        resident_name: r.get(3)?,
        resident_phone: r.get(4)?,
        carrier_name: r.get(5)?,
        carrier_phone: r.get(6)?,
        items: r.get(7)?,
        note: r.get(8)?,
        issued_at: r.get(9)?,
        issued_by: r.get(10)?,
        state: match (&closed_at, voided) {
            (None, _) => GoodsPassState::Waiting,
            (Some(_), false) => GoodsPassState::Released,
            (Some(_), true) => GoodsPassState::Voided,
        },
        closed_at,
        closed_by: r.get(12)?,
        close_note: r.get(14)?,
    })
}

pub(crate) fn get(tx: &Transaction, id: i64) -> Result<GoodsPass> {
    tx.query_row(&format!("{SQL} WHERE t.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的物品放行单")))
}

/// By serial (FX-202611-0001), for printing.
pub(crate) fn by_serial(tx: &Transaction, serial: &str) -> Result<GoodsPass> {
    let s = serial.trim().to_uppercase();
    tx.query_row(&format!("{SQL} WHERE t.serial = ?1"), [&s], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("serial", format!("找不到物品放行单 {s}")))
}

/// Slips issued and not yet checked out, oldest first (the handover's 待放行物品).
pub(crate) fn waiting(tx: &Transaction) -> Result<Vec<GoodsPass>> {
    let mut st = tx.prepare_cached(&format!(
        "{SQL} WHERE t.closed_at IS NULL ORDER BY t.issued_at, t.id"
    ))?;
    let rows = st
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The register, open slips first, newest first.
pub fn list(store: &mut Store, ctx: &Ctx, query: RegisterQuery) -> Result<Vec<GoodsPass>> {
    ctx.require(ANYONE, "查看物品放行单")?;
    store.read(|tx| {
        let mut st =
            tx.prepare_cached(&format!("{SQL} {}", list_tail(&query, "t.issued_at DESC")))?;
        let rows = st
            .query_map([], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

pub fn show(store: &mut Store, ctx: &Ctx, id: i64) -> Result<GoodsPass> {
    ctx.require(ANYONE, "查看物品放行单")?;
    store.read(|tx| get(tx, id))
}

/// The desk issues a slip for goods leaving the estate.
pub fn issue(store: &mut Store, ctx: &Ctx, input: GoodsPassInput) -> Result<GoodsPass> {
    let me = ctx.require(ANYONE, "开具物品放行单")?.id;
    let mut errors = FieldErrors::default();
    if input.room.trim().is_empty() {
        errors.add("room", "请填写物品搬出的房号，如 3-2-1201");
    }
    let resident_name = errors.take(validate::required(
        "resident_name",
        "业主/住户姓名",
        &input.resident_name,
        30,
    ));
    let resident_phone = errors.take(phone::normalize_optional(
        "resident_phone",
        &input.resident_phone,
    ));
    let carrier_name = errors.take(validate::required(
        "carrier_name",
        "搬运人",
        &input.carrier_name,
        30,
    ));
    let carrier_phone = errors.take(phone::normalize_optional(
        "carrier_phone",
        &input.carrier_phone,
    ));
    let items = errors.take(validate::required(
        "items",
        "物品名称及数量",
        &input.items,
        300,
    ));
    let note = errors.take(validate::optional("note", "备注", &input.note, 200));
    errors.finish()?;
    store.write(|tx| {
        let room = rooms::require_by_text(tx, input.room.trim())?;
        let serial = serials::next(tx, SerialKind::GoodsPass, ctx.now)?;
        tx.execute(
            "INSERT INTO goods_passes (serial, room_id, resident_name, resident_phone, carrier_name,
                 carrier_phone, items, note, issued_at, issued_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![serial, room.id, resident_name, resident_phone, carrier_name, carrier_phone, items, note, when::text(ctx.now), me],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(tx, ctx, "开具物品放行单", "goods_passes", Some(id), &format!("{serial} {} {items}", room.code))?;
        get(tx, id)
    })
}

/// The gate checks the goods against the slip and lets them out — or the slip is voided.
pub fn release(store: &mut Store, ctx: &Ctx, input: RegisterCloseInput) -> Result<GoodsPass> {
    ctx.require(ANYONE, "登记物品放行")?;
    store.write(|tx| {
        close(tx, ctx, "goods_passes", "物品放行单", "放行", &input)?;
        get(tx, input.id)
    })
}
