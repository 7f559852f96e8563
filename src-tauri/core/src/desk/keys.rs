//! 客户钥匙管理 (R-AH-4): keys residents leave with the desk — deposited, lent, returned, taken
//! back by the resident. A key lent and not yet back is an open item of every handover (see
//! `open_items`), so the next shift knows who has it.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::ANYONE;
use crate::base::{phone, validate, when};
use crate::coded_enum;
use crate::setup::rooms;
use crate::store::Store;

coded_enum!(
    /// Where a key is now.
    KeyState {
        Kept = ("kept", "在柜"),
        Lent = ("lent", "借出"),
        Withdrawn = ("withdrawn", "业主已取回"),
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ResidentKey {
    pub id: i64,
    /// The room's code; '' for a key of no room.
    pub room: String,
    pub label: String,
    pub owner_name: String,
    pub owner_phone: String,
    pub note: String,
    pub deposited_at: String,
    pub received_by: String,
    pub state: KeyState,
    /// The loan now out (state 借出), else None.
    pub loan: Option<KeyLoan>,
    /// How many times it has been lent.
    pub times_lent: i64,
    pub withdrawn_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KeyLoan {
    pub id: i64,
    pub lent_to: String,
    pub lent_phone: String,
    pub purpose: String,
    pub lent_at: String,
    pub lent_by: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct KeyQuery {
    /// Only keys in this state; all (the withdrawn last) when absent.
    #[serde(default)]
    #[ts(optional)]
    pub state: Option<KeyState>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct KeyDepositInput {
    /// Room code as typed (3-2-1201).
    #[serde(default)]
    pub room: String,
    pub label: String,
    #[serde(default)]
    pub owner_name: String,
    #[serde(default)]
    pub owner_phone: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct KeyLendInput {
    pub key_id: i64,
    pub lent_to: String,
    #[serde(default)]
    pub lent_phone: String,
    #[serde(default)]
    pub purpose: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct KeyBackInput {
    pub key_id: i64,
    #[serde(default)]
    pub note: String,
}

const KEY_SQL: &str = "SELECT k.id, coalesce(r.code, ''), k.label, k.owner_name, k.owner_phone, k.note, k.deposited_at,
        s.name, k.withdrawn_at, l.id, l.lent_to, l.lent_phone, l.purpose, l.lent_at, ls.name,
        (SELECT count(*) FROM key_loans x WHERE x.key_id = k.id)
   FROM resident_keys k
   LEFT JOIN rooms r ON r.id = k.room_id
   JOIN staff s ON s.id = k.received_by
   LEFT JOIN key_loans l ON l.key_id = k.id AND l.returned_at IS NULL
   LEFT JOIN staff ls ON ls.id = l.lent_by";

fn key_from_row(r: &rusqlite::Row) -> rusqlite::Result<ResidentKey> {
    let withdrawn_at: Option<String> = r.get(8)?;
    let loan = match r.get::<_, Option<i64>>(9)? {
        Some(id) => Some(KeyLoan {
            id,
            lent_to: r.get(10)?,
            lent_phone: r.get(11)?,
            purpose: r.get(12)?,
            lent_at: r.get(13)?,
            lent_by: r.get(14)?,
        }),
        None => None,
    };
    Ok(ResidentKey {
        id: r.get(0)?,
        room: r.get(1)?,
        label: r.get(2)?,
        owner_name: r.get(3)?,
        owner_phone: r.get(4)?,
        note: r.get(5)?,
        deposited_at: r.get(6)?,
        received_by: r.get(7)?,
        state: match (&withdrawn_at, &loan) {
            (Some(_), _) => KeyState::Withdrawn,
            (None, Some(_)) => KeyState::Lent,
            (None, None) => KeyState::Kept,
        },
        loan,
        times_lent: r.get(15)?,
        withdrawn_at,
    })
}

pub(crate) fn get(tx: &Transaction, id: i64) -> Result<ResidentKey> {
    tx.query_row(&format!("{KEY_SQL} WHERE k.id = ?1"), [id], key_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("key_id", format!("找不到编号为 {id} 的钥匙")))
}

/// Keys lent and not yet back, oldest loan first (the handover's 借出钥匙).
pub(crate) fn out(tx: &Transaction) -> Result<Vec<ResidentKey>> {
    let mut st = tx.prepare_cached(&format!(
        "{KEY_SQL} WHERE l.id IS NOT NULL AND k.withdrawn_at IS NULL ORDER BY l.lent_at, l.id"
    ))?;
    let keys = st
        .query_map([], key_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(keys)
}

/// The register's order: keys out first, then those in the cabinet, the withdrawn last; newest first.
const ORDER: &str =
    "ORDER BY k.withdrawn_at IS NOT NULL, l.id IS NULL, k.deposited_at DESC, k.id DESC";

/// The whole register (the printed 客户钥匙登记表).
pub(crate) fn all(tx: &Transaction) -> Result<Vec<ResidentKey>> {
    let mut st = tx.prepare_cached(&format!("{KEY_SQL} {ORDER}"))?;
    let keys = st
        .query_map([], key_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(keys)
}

/// The register on screen, at most 1,000 keys of the state asked (all states when none).
pub fn list(store: &mut Store, ctx: &Ctx, query: KeyQuery) -> Result<Vec<ResidentKey>> {
    ctx.require(ANYONE, "查看钥匙登记")?;
    // The state is filtered before the limit, so a long-withdrawn past never hides a key out.
    let filter = match query.state {
        None => "",
        Some(KeyState::Kept) => "WHERE k.withdrawn_at IS NULL AND l.id IS NULL",
        Some(KeyState::Lent) => "WHERE k.withdrawn_at IS NULL AND l.id IS NOT NULL",
        Some(KeyState::Withdrawn) => "WHERE k.withdrawn_at IS NOT NULL",
    };
    store.read(|tx| {
        let mut st = tx.prepare_cached(&format!("{KEY_SQL} {filter} {ORDER} LIMIT 1000"))?;
        let keys = st
            .query_map([], key_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(keys)
    })
}

/// A resident leaves a key with the desk.
pub fn deposit(store: &mut Store, ctx: &Ctx, input: KeyDepositInput) -> Result<ResidentKey> {
    let me = ctx.require(ANYONE, "登记寄存钥匙")?.id;
    let mut errors = FieldErrors::default();
    let label = errors.take(validate::required("label", "钥匙说明", &input.label, 60));
    let owner_name = errors.take(validate::required(
        "owner_name",
        "业主姓名",
        &input.owner_name,
        30,
    ));
    let owner_phone = errors.take(phone::normalize_optional("owner_phone", &input.owner_phone));
    let note = errors.take(validate::optional("note", "备注", &input.note, 200));
    if input.room.trim().is_empty() {
        errors.add("room", "请填写钥匙所属的房号，如 3-2-1201");
    }
    errors.finish()?;
    store.write(|tx| {
        let room = rooms::require_by_text(tx, input.room.trim())?;
        tx.execute(
            "INSERT INTO resident_keys (room_id, label, owner_name, owner_phone, note, deposited_at, received_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![room.id, label, owner_name, owner_phone, note, when::text(ctx.now), me],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(tx, ctx, "寄存钥匙", "resident_keys", Some(id), &format!("{} {label}", room.code))?;
        get(tx, id)
    })
}

/// The desk lends a key in the cabinet.
pub fn lend(store: &mut Store, ctx: &Ctx, input: KeyLendInput) -> Result<ResidentKey> {
    let me = ctx.require(ANYONE, "借出钥匙")?.id;
    let mut errors = FieldErrors::default();
    let lent_to = errors.take(validate::required("lent_to", "借用人", &input.lent_to, 30));
    let lent_phone = errors.take(phone::normalize_optional("lent_phone", &input.lent_phone));
    let purpose = errors.take(validate::optional("purpose", "用途", &input.purpose, 100));
    errors.finish()?;
    store.write(|tx| {
        let key = get(tx, input.key_id)?;
        match key.state {
            KeyState::Kept => {}
            KeyState::Lent => {
                let who = key.loan.as_ref().map_or("", |l| l.lent_to.as_str());
                return Err(Error::conflict("key_id", format!("这把钥匙已借给 {who}，还没有归还")));
            }
            KeyState::Withdrawn => {
                return Err(Error::conflict("key_id", "这把钥匙业主已取回，不能借出"));
            }
        }
        tx.execute(
            "INSERT INTO key_loans (key_id, lent_to, lent_phone, purpose, lent_at, lent_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![key.id, lent_to, lent_phone, purpose, when::text(ctx.now), me],
        )?;
        audit::record(tx, ctx, "借出钥匙", "resident_keys", Some(key.id), &format!("{} {} 借给 {lent_to}", key.room, key.label))?;
        get(tx, key.id)
    })
}

/// A lent key comes back to the cabinet.
pub fn give_back(store: &mut Store, ctx: &Ctx, input: KeyBackInput) -> Result<ResidentKey> {
    let me = ctx.require(ANYONE, "登记钥匙归还")?.id;
    let note = validate::optional("note", "备注", &input.note, 200)?;
    store.write(|tx| {
        let key = get(tx, input.key_id)?;
        let Some(loan) = key.loan.as_ref() else {
            return Err(Error::conflict("key_id", "这把钥匙没有借出，不需要登记归还"));
        };
        tx.execute(
            "UPDATE key_loans SET returned_at = ?1, returned_by = ?2, return_note = ?3 WHERE id = ?4",
            params![when::text(ctx.now), me, note, loan.id],
        )?;
        audit::record(tx, ctx, "钥匙归还", "resident_keys", Some(key.id), &format!("{} {} 由 {} 归还", key.room, key.label, loan.lent_to))?;
        get(tx, key.id)
    })
}

/// The resident takes the key back; it leaves the register's cabinet.
pub fn withdraw(store: &mut Store, ctx: &Ctx, input: KeyBackInput) -> Result<ResidentKey> {
    let me = ctx.require(ANYONE, "登记业主取回钥匙")?.id;
    let note = validate::optional("note", "备注", &input.note, 200)?;
    store.write(|tx| {
        let key = get(tx, input.key_id)?;
        match key.state {
            KeyState::Kept => {}
            KeyState::Lent => {
                return Err(Error::conflict("key_id", "这把钥匙借出未还，归还后业主才能取回"));
            }
            KeyState::Withdrawn => return Err(Error::conflict("key_id", "业主已经取回过这把钥匙")),
        }
        tx.execute(
            "UPDATE resident_keys SET withdrawn_at = ?1, withdrawn_by = ?2, note = CASE WHEN ?3 = '' THEN note ELSE ?3 END WHERE id = ?4",
            params![when::text(ctx.now), me, note, key.id],
        )?;
        audit::record(tx, ctx, "业主取回钥匙", "resident_keys", Some(key.id), &format!("{} {}", key.room, key.label))?;
        get(tx, key.id)
    })
}

#[cfg(test)]
mod tests;
