//! The staff file: 姓名, 角色, 部门, 电话, 在职. A person already on file (same name and phone)
//! is a duplicate and left as it is.

use rusqlite::Transaction;

use super::header::{Column, Header};
use super::{RowProblems, Tally};
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::setup::staff::{self, CleanStaff, StaffInput};

const NAME: usize = 0;
const ROLE: usize = 1;
const DEPARTMENT: usize = 2;
const PHONE: usize = 3;
const ACTIVE: usize = 4;

pub const COLUMNS: &[Column] = &[
    Column {
        name: "姓名",
        aliases: &["员工姓名", "名字"],
        required: true,
    },
    Column {
        name: "角色",
        aliases: &["岗位", "职位", "职务"],
        required: true,
    },
    Column {
        name: "部门",
        aliases: &["所属部门"],
        required: true,
    },
    Column {
        name: "电话",
        aliases: &["手机", "手机号", "联系电话", "电话号码", "手机号码"],
        required: false,
    },
    Column {
        name: "在职",
        aliases: &["是否在职", "状态", "在职状态"],
        required: false,
    },
];

pub fn column_of(field: &str) -> usize {
    match field {
        "role" => ROLE,
        "department" => DEPARTMENT,
        "phone" => PHONE,
        "active" => ACTIVE,
        _ => NAME,
    }
}

pub struct StaffRow(CleanStaff);

pub fn check(
    tx: &Transaction,
    header: &Header,
    row: &[String],
    p: &mut RowProblems,
) -> Result<Option<StaffRow>> {
    let cell = |i| header.cell(row, i);
    let role = if cell(ROLE).is_empty() {
        p.add(Error::invalid("role", "请填写角色"))?;
        None
    } else {
        p.check(Role::parse("role", cell(ROLE)))?
    };
    let active = p.check(active(cell(ACTIVE)))?;
    let (Some(role), Some(active)) = (role, active) else {
        return Ok(None);
    };
    let input = StaffInput {
        name: cell(NAME).to_string(),
        role,
        department: cell(DEPARTMENT).to_string(),
        phone: cell(PHONE).to_string(),
        active,
    };
    Ok(p.check(staff::clean(tx, &input))?.map(StaffRow))
}

/// 是/否 and the other ways a sheet says it; empty means still working here.
fn active(text: &str) -> Result<bool> {
    match text.trim() {
        "" | "是" | "在职" | "Y" | "y" | "yes" | "true" | "1" | "√" => Ok(true),
        "否" | "离职" | "停用" | "N" | "n" | "no" | "false" | "0" | "×" => Ok(false),
        other => Err(Error::invalid(
            "active",
            format!("在职“{other}”无法识别，应填 是 或 否"),
        )),
    }
}

pub fn write(tx: &Transaction, ctx: &Ctx, row: &StaffRow) -> Result<Tally> {
    let mut t = Tally::default();
    if staff::find_same(tx, &row.0.name, &row.0.phone)?.is_none() {
        staff::insert(tx, ctx, &row.0)?;
        t.new_staff += 1;
    }
    Ok(t)
}
