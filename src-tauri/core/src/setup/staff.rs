//! Staff: the office's people, their role, department and phone. Those with a login are also
//! desk accounts (see `accounts`).

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::{self, Role, SETUP_EDITORS};
use crate::store::Store;
use crate::{base::audit, base::phone, base::validate, setup::departments};

pub use crate::base::ids::StaffId;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Staff {
    pub id: StaffId,
    pub name: String,
    pub role: Role,
    pub department: String,
    pub phone: String,
    pub active: bool,
    /// The desk login, if this person may log in.
    pub login: Option<String>,
    /// Locked after too many wrong passwords, until a supervisor unlocks.
    pub locked: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct StaffInput {
    pub name: String,
    pub role: Role,
    pub department: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

pub(crate) const SELECT: &str =
    "SELECT s.id, s.name, s.role, d.name, s.phone, s.active, s.login, s.locked
     FROM staff s JOIN departments d ON d.id = s.department_id";

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Staff> {
    let role: String = r.get(2)?;
    Ok(Staff {
        id: r.get(0)?,
        name: r.get(1)?,
        role: Role::parse("role", &role).unwrap_or(Role::Receptionist),
        department: r.get(3)?,
        phone: r.get(4)?,
        active: r.get(5)?,
        login: r.get(6)?,
        locked: r.get(7)?,
    })
}

pub fn list(store: &mut Store, ctx: &Ctx, include_inactive: bool) -> Result<Vec<Staff>> {
    ctx.actor()?;
    store.read(|tx| {
        let sql = format!("{SELECT} WHERE s.active = 1 OR ?1 ORDER BY s.active DESC, d.id, s.name");
        let rows = tx
            .prepare(&sql)?
            .query_map([include_inactive], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

pub fn get(tx: &Transaction, id: StaffId) -> Result<Staff> {
    tx.query_row(&format!("{SELECT} WHERE s.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("staff", format!("找不到编号为 {id} 的员工")))
}

/// Checked, normalised input; shared by the form and the import.
pub(crate) struct CleanStaff {
    pub name: String,
    pub role: Role,
    pub department_id: i64,
    pub phone: String,
    pub active: bool,
}

pub(crate) fn clean(tx: &Transaction, input: &StaffInput) -> Result<CleanStaff> {
    Ok(CleanStaff {
        name: validate::required("name", "姓名", &input.name, 30)?,
        role: input.role,
        department_id: departments::require_by_name(tx, "department", &input.department)?,
        phone: phone::normalize_optional("phone", &input.phone)?,
        active: input.active,
    })
}

pub(crate) fn find_same(tx: &Transaction, name: &str, phone: &str) -> Result<Option<StaffId>> {
    Ok(tx
        .query_row(
            "SELECT id FROM staff WHERE name = ?1 AND phone = ?2",
            params![name, phone],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn insert(tx: &Transaction, ctx: &Ctx, s: &CleanStaff) -> Result<Staff> {
    if find_same(tx, &s.name, &s.phone)?.is_some() {
        return Err(Error::conflict(
            "name",
            format!("员工“{}”（电话 {}）已存在", s.name, s.phone),
        ));
    }
    let now = ctx.now.format(TIME_FORMAT).to_string();
    tx.execute(
        "INSERT INTO staff (name, role, department_id, phone, active, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            s.name,
            s.role.code(),
            s.department_id,
            s.phone,
            s.active,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    let staff = get(tx, id)?;
    audit::record(
        tx,
        ctx,
        "新增员工",
        "staff",
        Some(id),
        &format!("{} {} {}", staff.name, staff.role.label(), staff.department),
    )?;
    Ok(staff)
}

pub fn add(store: &mut Store, ctx: &Ctx, input: StaffInput) -> Result<Staff> {
    ctx.require(SETUP_EDITORS, "新增员工")?;
    store.write(|tx| {
        let s = clean(tx, &input)?;
        insert(tx, ctx, &s)
    })
}

pub fn update(store: &mut Store, ctx: &Ctx, id: StaffId, input: StaffInput) -> Result<Staff> {
    ctx.require(SETUP_EDITORS, "修改员工")?;
    store.write(|tx| {
        let before = get(tx, id)?;
        let s = clean(tx, &input)?;
        if let Some(other) = find_same(tx, &s.name, &s.phone)? {
            if other != id {
                return Err(Error::conflict("name", format!("员工“{}”（电话 {}）已存在", s.name, s.phone)));
            }
        }
        let me = ctx.actor()?;
        // A supervisor cannot demote or deactivate themself and lose the last way in.
        if me.id == id && (s.role != before.role || !s.active) {
            return Err(Error::invalid("role", "不能修改自己的角色或停用自己的账号，请由其他主管操作"));
        }
        if s.role != before.role {
            role::may_manage(me.id, me.role, id, before.role, s.role, "修改角色").map_err(|e| on_role(e, "role"))?;
        }
        if !s.active && before.active {
            role::may_manage(me.id, me.role, id, before.role, before.role, "停用").map_err(|e| on_role(e, "active"))?;
        }
        tx.execute(
            "UPDATE staff SET name = ?1, role = ?2, department_id = ?3, phone = ?4, active = ?5, updated_at = ?6 WHERE id = ?7",
            params![s.name, s.role.code(), s.department_id, s.phone, s.active, ctx.now.format(TIME_FORMAT).to_string(), id],
        )?;
        let after = get(tx, id)?;
        audit::record(tx, ctx, "修改员工", "staff", Some(id), &audit::diff(&before, &after))?;
        Ok(after)
    })
}

/// A refusal of a role rule shown under the field it is about.
fn on_role(e: Error, field: &str) -> Error {
    match e {
        Error::Forbidden(m) => Error::invalid(field, m),
        other => other,
    }
}
