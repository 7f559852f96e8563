//! Opening a dispatch slip from an intake entry (R-DS-1): serial, category, department and
//! time limit, linked both ways with the entry.

use chrono::NaiveDateTime;
use rusqlite::{params, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::serials::{self, SerialKind};
use crate::desk::deadlines::{self};
use crate::store::Store;
use crate::{base::audit, base::validate, base::when, desk::intake, setup::categories};

use super::*;

// ---------------------------------------------------------------------------------------------
// Opening a slip from an intake entry.

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct OpenSlipInput {
    pub intake_id: i64,
    /// Service category name; defaults to the entry's category.
    #[serde(default)]
    pub category: Option<String>,
    /// Defaults to the entry's content.
    #[serde(default)]
    pub content: Option<String>,
    /// 约定上门时间, YYYY-MM-DD HH:MM.
    #[serde(default)]
    pub appointment_at: Option<String>,
}

/// Opens a slip prefilled from an intake entry and links both ways (R-DS-1, R-IN-6).
pub fn open(store: &mut Store, ctx: &Ctx, input: OpenSlipInput) -> Result<Slip> {
    ctx.require(crate::base::role::DESK, "开派工单")?;
    store.write(|tx| open_in(tx, ctx, &input))
}

/// The body of `open`, for the night-log batch conversion.
pub(crate) fn open_in(tx: &Transaction, ctx: &Ctx, input: &OpenSlipInput) -> Result<Slip> {
    let entry = intake::load_raw(tx, input.intake_id)?;
    if entry.slip_id.is_some() || entry.complaint_id.is_some() || entry.finished {
        return Err(Error::conflict(
            "intake_id",
            "该登记已经处理完毕或已转为派工单/投诉，不能再开派工单",
        ));
    }
    let category = match input
        .category
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(name) => categories::require_by_name(tx, "category", name)?,
        None => match entry.category_id {
            Some(id) => categories::get(tx, id)?,
            None => {
                return Err(Error::invalid(
                    "category",
                    "请选择服务类别，派工单按类别派到部门并计算时限",
                ))
            }
        },
    };
    let content = match &input.content {
        Some(c) if !c.trim().is_empty() => validate::required("content", "内容", c, 2000)?,
        _ => entry.content.clone(),
    };
    let appointment = appointment(input.appointment_at.as_deref(), ctx.now)?;
    let dept = crate::setup::departments::require_by_name(tx, "category", &category.department)?;
    let serial = serials::next(tx, SerialKind::Slip, ctx.now)?;
    let deadline = when::text(deadlines::deadline(ctx.now, category.time_limit_hours));
    let actor = ctx.actor()?;
    tx.execute(
        "INSERT INTO dispatch_slips (serial, intake_id, opened_at, opened_by, room_id, location, caller_name, caller_phone,
             category_id, department_id, content, appointment_at, state, deadline_at, due_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'opened', ?13, ?13)",
        params![serial, entry.id, when::text(ctx.now), actor.id, entry.room_id, entry.location, entry.caller_name,
            entry.caller_phone, category.id, dept, content, appointment, deadline],
    )?;
    let id = tx.last_insert_rowid();
    intake::link(tx, ctx, entry.id, Some(id), None)?;
    event(
        tx,
        ctx,
        ctx.now,
        id,
        SlipAction::Open,
        None,
        SlipState::Opened,
        None,
        "",
    )?;
    audit::record(
        tx,
        ctx,
        "开派工单",
        "dispatch_slips",
        Some(id),
        &format!("{serial} {} {}", category.name, short(&content)),
    )?;
    get(tx, ctx.now, id)
}

pub(super) fn appointment(raw: Option<&str>, _now: NaiveDateTime) -> Result<Option<String>> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Ok(Some(when::text(when::parse("appointment_at", r)?))),
        None => Ok(None),
    }
}

fn short(s: &str) -> String {
    s.chars().take(30).collect()
}
