//! Departments (客服部、工程部…): where staff work and where service categories are handled.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::SETUP_EDITORS;
use crate::base::validate;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Department {
    pub id: i64,
    pub name: String,
    pub active: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DepartmentInput {
    pub name: String,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

pub fn list(store: &mut Store) -> Result<Vec<Department>> {
    store.read(|tx| {
        let mut st = tx.prepare("SELECT id, name, active FROM departments ORDER BY id")?;
        let rows = st
            .query_map([], |r| {
                Ok(Department {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    active: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

pub fn add(store: &mut Store, ctx: &Ctx, input: DepartmentInput) -> Result<Department> {
    ctx.require(SETUP_EDITORS, "修改部门")?;
    let name = validate::required("name", "部门名称", &input.name, 30)?;
    store.write(|tx| {
        if id_by_name(tx, &name)?.is_some() {
            return Err(Error::conflict("name", format!("部门“{name}”已存在")));
        }
        tx.execute(
            "INSERT INTO departments (name, active) VALUES (?1, ?2)",
            params![name, input.active],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(tx, ctx, "新增部门", "departments", Some(id), &name)?;
        Ok(Department {
            id,
            name,
            active: input.active,
        })
    })
}

pub fn update(store: &mut Store, ctx: &Ctx, id: i64, input: DepartmentInput) -> Result<Department> {
    ctx.require(SETUP_EDITORS, "修改部门")?;
    let name = validate::required("name", "部门名称", &input.name, 30)?;
    store.write(|tx| {
        let before = get(tx, id)?;
        if let Some(other) = id_by_name(tx, &name)? {
            if other != id {
                return Err(Error::conflict("name", format!("部门“{name}”已存在")));
            }
        }
        tx.execute(
            "UPDATE departments SET name = ?1, active = ?2 WHERE id = ?3",
            params![name, input.active, id],
        )?;
        let after = Department {
            id,
            name,
            active: input.active,
        };
        audit::record(
            tx,
            ctx,
            "修改部门",
            "departments",
            Some(id),
            &audit::diff(&before, &after),
        )?;
        Ok(after)
    })
}

pub fn get(tx: &Transaction, id: i64) -> Result<Department> {
    tx.query_row(
        "SELECT id, name, active FROM departments WHERE id = ?1",
        [id],
        |r| {
            Ok(Department {
                id: r.get(0)?,
                name: r.get(1)?,
                active: r.get(2)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::not_found("department", "找不到该部门"))
}

pub fn id_by_name(tx: &Transaction, name: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM departments WHERE name = ?1",
            [name.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The department's id, or an error naming `field` that lists the departments that exist.
pub fn require_by_name(tx: &Transaction, field: &str, name: &str) -> Result<i64> {
    if name.trim().is_empty() {
        return Err(Error::invalid(field, "请选择部门"));
    }
    match id_by_name(tx, name)? {
        Some(id) => Ok(id),
        None => {
            let names: Vec<String> = tx
                .prepare("SELECT name FROM departments ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Err(Error::not_found(
                field,
                format!(
                    "部门“{}”不存在；现有部门：{}",
                    name.trim(),
                    names.join("、")
                ),
            ))
        }
    }
}
