//! Service categories (空调、给排水、清洁…): each is handled by a department within a time limit.

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::SETUP_EDITORS;
use crate::store::Store;
use crate::{base::audit, base::validate, setup::departments};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Category {
    pub id: i64,
    pub name: String,
    pub department: String,
    pub time_limit_hours: i64,
    /// A repair (报修) rather than a service request.
    pub is_repair: bool,
    pub active: bool,
    pub sort: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CategoryInput {
    pub name: String,
    pub department: String,
    pub time_limit_hours: i64,
    #[serde(default = "yes")]
    pub is_repair: bool,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub sort: i64,
}

fn yes() -> bool {
    true
}

const SELECT: &str =
    "SELECT c.id, c.name, d.name, c.time_limit_hours, c.is_repair, c.active, c.sort
     FROM categories c JOIN departments d ON d.id = c.department_id";

fn from_row(r: &Row) -> rusqlite::Result<Category> {
    Ok(Category {
        id: r.get(0)?,
        name: r.get(1)?,
        department: r.get(2)?,
        time_limit_hours: r.get(3)?,
        is_repair: r.get(4)?,
        active: r.get(5)?,
        sort: r.get(6)?,
    })
}

pub fn list(store: &mut Store) -> Result<Vec<Category>> {
    store.read(|tx| {
        Ok(tx
            .prepare(&format!("{SELECT} ORDER BY c.sort, c.id"))?
            .query_map([], from_row)?
            .collect::<rusqlite::Result<_>>()?)
    })
}

pub fn get(tx: &Transaction, id: i64) -> Result<Category> {
    tx.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("category", "找不到该服务类别"))
}

/// The category with this name, or an error naming `field`.
pub fn require_by_name(tx: &Transaction, field: &str, name: &str) -> Result<Category> {
    tx.query_row(
        &format!("{SELECT} WHERE c.name = ?1"),
        [name.trim()],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(field, format!("服务类别“{}”不存在", name.trim())))
}

fn clean(tx: &Transaction, input: &CategoryInput) -> Result<(String, i64)> {
    let name = validate::required("name", "类别名称", &input.name, 20)?;
    if !(1..=720).contains(&input.time_limit_hours) {
        return Err(Error::invalid(
            "time_limit_hours",
            "处理时限应在 1 到 720 小时之间",
        ));
    }
    let dept = departments::require_by_name(tx, "department", &input.department)?;
    Ok((name, dept))
}

pub fn add(store: &mut Store, ctx: &Ctx, input: CategoryInput) -> Result<Category> {
    ctx.require(SETUP_EDITORS, "新增服务类别")?;
    store.write(|tx| {
        let (name, dept) = clean(tx, &input)?;
        let exists: Option<i64> = tx.query_row("SELECT id FROM categories WHERE name = ?1", [&name], |r| r.get(0)).optional()?;
        if exists.is_some() {
            return Err(Error::conflict("name", format!("服务类别“{name}”已存在")));
        }
        tx.execute(
            "INSERT INTO categories (name, department_id, time_limit_hours, is_repair, active, sort) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![name, dept, input.time_limit_hours, input.is_repair, input.active, input.sort],
        )?;
        let id = tx.last_insert_rowid();
        let after = get(tx, id)?;
        audit::record(tx, ctx, "新增服务类别", "categories", Some(id), &format!("{} {} {}小时", after.name, after.department, after.time_limit_hours))?;
        Ok(after)
    })
}

pub fn update(store: &mut Store, ctx: &Ctx, id: i64, input: CategoryInput) -> Result<Category> {
    ctx.require(SETUP_EDITORS, "修改服务类别")?;
    store.write(|tx| {
        let before = get(tx, id)?;
        let (name, dept) = clean(tx, &input)?;
        let other: Option<i64> = tx.query_row("SELECT id FROM categories WHERE name = ?1", [&name], |r| r.get(0)).optional()?;
        if other.is_some_and(|o| o != id) {
            return Err(Error::conflict("name", format!("服务类别“{name}”已存在")));
        }
        tx.execute(
            "UPDATE categories SET name = ?1, department_id = ?2, time_limit_hours = ?3, is_repair = ?4, active = ?5, sort = ?6 WHERE id = ?7",
            params![name, dept, input.time_limit_hours, input.is_repair, input.active, input.sort, id],
        )?;
        let after = get(tx, id)?;
        audit::record(tx, ctx, "修改服务类别", "categories", Some(id), &audit::diff(&before, &after))?;
        Ok(after)
    })
}
