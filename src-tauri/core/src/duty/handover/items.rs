//! What is kept at the desk and checked at every handover (R-HO-2): the configurable item list.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::SETUP_EDITORS;
use crate::store::Store;
use crate::{base::audit, base::validate};

// ---------- the item checklist (configurable) ----------

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DeskItem {
    pub id: i64,
    pub name: String,
    pub expected_qty: i64,
    pub active: bool,
    pub sort: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DeskItemInput {
    pub name: String,
    pub expected_qty: i64,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub sort: i64,
}

fn yes() -> bool {
    true
}

pub(crate) fn items(tx: &Transaction, active_only: bool) -> Result<Vec<DeskItem>> {
    Ok(tx
        .prepare("SELECT id, name, expected_qty, active, sort FROM handover_items WHERE active = 1 OR ?1 = 0 ORDER BY sort, id")?
        .query_map([active_only], |r| Ok(DeskItem { id: r.get(0)?, name: r.get(1)?, expected_qty: r.get(2)?, active: r.get(3)?, sort: r.get(4)? }))?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn item_list(store: &mut Store, ctx: &Ctx) -> Result<Vec<DeskItem>> {
    ctx.actor()?;
    store.read(|tx| items(tx, false))
}

fn clean_item(input: &DeskItemInput) -> Result<String> {
    if !(0..=999).contains(&input.expected_qty) {
        return Err(Error::invalid("expected_qty", "应有数量应在 0 到 999 之间"));
    }
    validate::required("name", "物品名称", &input.name, 20)
}

pub fn item_add(store: &mut Store, ctx: &Ctx, input: DeskItemInput) -> Result<DeskItem> {
    ctx.require(SETUP_EDITORS, "设置交接物品")?;
    let name = clean_item(&input)?;
    store.write(|tx| {
        let taken: Option<i64> = tx
            .query_row(
                "SELECT id FROM handover_items WHERE name = ?1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(Error::conflict("name", format!("交接物品“{name}”已存在")));
        }
        tx.execute(
            "INSERT INTO handover_items (name, expected_qty, active, sort) VALUES (?1, ?2, ?3, ?4)",
            params![name, input.expected_qty, input.active, input.sort],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(
            tx,
            ctx,
            "新增交接物品",
            "handover_items",
            Some(id),
            &format!("{name} ×{}", input.expected_qty),
        )?;
        Ok(items(tx, false)?
            .into_iter()
            .find(|i| i.id == id)
            .ok_or_else(|| Error::Integrity("新增的交接物品读不到".into()))?)
    })
}

pub fn item_update(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    input: DeskItemInput,
) -> Result<DeskItem> {
    ctx.require(SETUP_EDITORS, "设置交接物品")?;
    let name = clean_item(&input)?;
    store.write(|tx| {
        let all = items(tx, false)?;
        let before = all.iter().find(|i| i.id == id).cloned().ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的交接物品")))?;
        if all.iter().any(|i| i.name == name && i.id != id) {
            return Err(Error::conflict("name", format!("交接物品“{name}”已存在")));
        }
        tx.execute(
            "UPDATE handover_items SET name = ?1, expected_qty = ?2, active = ?3, sort = ?4 WHERE id = ?5",
            params![name, input.expected_qty, input.active, input.sort, id],
        )?;
        let after = items(tx, false)?.into_iter().find(|i| i.id == id).ok_or_else(|| Error::Integrity("交接物品读不到".into()))?;
        audit::record(tx, ctx, "修改交接物品", "handover_items", Some(id), &audit::diff(&before, &after))?;
        Ok(after)
    })
}
