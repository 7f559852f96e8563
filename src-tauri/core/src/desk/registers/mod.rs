//! The after-hours registers the seeds name (R-AH-1..3; 001 客服中心值班制度: 非正常上班时间办理
//! 《物品出入放行单》、《动用明火审批表》和出入证). Each is a numbered row that is issued, then
//! closed (checked out, work ended, pass taken back) or voided — never deleted — and while it is
//! open the handover carries it on (see `open_items`). What the three share lives here: the
//! close step, the list's filter and the serial; each register's own fields and rules live in
//! its module. 客户钥匙 (R-AH-4) has its own life (lent and returned many times): `desk::keys`.

pub mod entry_passes;
pub mod goods_passes;
pub mod hot_work;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::{validate, when};
use crate::setup::rooms;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RegisterQuery {
    /// Only rows still open (not closed, not voided); all rows, the open first, when false.
    #[serde(default)]
    pub open_only: bool,
}

/// Closing a row: done (checked out / work ended / pass taken back) or voided, with a note.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RegisterCloseInput {
    pub id: i64,
    /// 作废 instead of closing as done (issued by mistake, goods not leaving after all).
    #[serde(default)]
    pub void: bool,
    #[serde(default)]
    pub note: String,
}

/// The rows a list shows at most; the open ones always come first.
pub(crate) const LIST_LIMIT: i64 = 500;

/// The list's WHERE and ORDER BY for a register whose table alias is `t`.
pub(crate) fn list_tail(query: &RegisterQuery, order_open: &str) -> String {
    format!(
        "{} ORDER BY t.closed_at IS NOT NULL, {order_open}, t.id DESC LIMIT {LIST_LIMIT}",
        if query.open_only {
            "WHERE t.closed_at IS NULL"
        } else {
            ""
        }
    )
}

/// A room typed on a form where the room may be left empty (a public place).
pub(crate) fn optional_room(tx: &Transaction, text: &str) -> Result<Option<rooms::Room>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    rooms::require_by_text(tx, text.trim()).map(Some)
}

/// Closes (or voids) row `id` of `table`, refusing a row already closed. `what` names the
/// register in messages and the audit log (物品放行单); `done` is its closing word (放行).
pub(crate) fn close(
    tx: &Transaction,
    ctx: &Ctx,
    table: &str,
    what: &str,
    done: &str,
    input: &RegisterCloseInput,
) -> Result<()> {
    let me = ctx.actor()?.id;
    let note = validate::optional("note", "备注", &input.note, 200)?;
    if input.void && note.is_empty() {
        return Err(Error::invalid("note", "作废请写明原因"));
    }
    let row: Option<(String, Option<String>, bool)> = tx
        .query_row(
            &format!("SELECT serial, closed_at, voided FROM {table} WHERE id = ?1"),
            [input.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((serial, closed_at, voided)) = row else {
        return Err(Error::not_found(
            "id",
            format!("找不到编号为 {} 的{what}", input.id),
        ));
    };
    if let Some(at) = closed_at {
        let how = if voided { "作废" } else { done };
        return Err(Error::conflict(
            "id",
            format!(
                "{what} {serial} 已于 {} {how}，不能再次办理",
                when::minute(&at)
            ),
        ));
    }
    tx.execute(
        &format!(
            "UPDATE {table} SET closed_at = ?1, closed_by = ?2, voided = ?3, close_note = ?4 WHERE id = ?5"
        ),
        params![when::text(ctx.now), me, input.void, note, input.id],
    )?;
    let action = if input.void {
        format!("作废{what}")
    } else {
        format!("{what}{done}")
    };
    audit::record(
        tx,
        ctx,
        &action,
        table,
        Some(input.id),
        &format!("{serial} {note}").trim_end().to_string(),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
