//! Every step of a slip after it is opened (R-DS-3, R-DS-4): dispatch, transfer, accept,
//! return, arrive, pause, resume, cancel, close, reopen and complete — each checked against
//! `transitions::RULES`, recorded with who and when, in one transaction.

use chrono::NaiveDateTime;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::desk::deadlines::{self};
use crate::store::Store;
use crate::{base::audit, base::validate, base::when, setup::staff};

use super::open::appointment;
use super::*;

// ---------------------------------------------------------------------------------------------
// Steps.

/// Dispatch (派工) or transfer (转派): the assignee comes from the handling department's staff.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct AssignInput {
    pub slip_id: i64,
    pub assignee_id: i64,
    #[serde(default)]
    pub appointment_at: Option<String>,
    /// Required for a transfer.
    #[serde(default)]
    pub reason: String,
    /// When it happened, if not now (back-entry).
    #[serde(default)]
    pub at: Option<String>,
}

/// A step that needs at most a reason: accept, return, arrive, pause, resume, cancel, close, reopen.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct StepInput {
    pub slip_id: i64,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct CompleteInput {
    pub slip_id: i64,
    pub work_done: String,
    #[serde(default)]
    pub materials: String,
    pub fee_kind: Option<FeeKind>,
    /// Yuan as typed: "35" or "35.50"; required when paid.
    #[serde(default)]
    pub fee: String,
    /// 验收确认: did the resident accept the work.
    #[serde(default)]
    pub resident_accepted: Option<bool>,
    #[serde(default)]
    pub resident_satisfaction: Option<Satisfaction>,
    #[serde(default)]
    pub at: Option<String>,
}

/// Common frame of every step: check the machine, validate reason and time, run `apply`,
/// write the event and the audit row, all in one transaction.
pub(crate) fn step_in(
    tx: &Transaction,
    ctx: &Ctx,
    slip_id: i64,
    action: SlipAction,
    reason: &str,
    at: Option<&str>,
    apply: impl FnOnce(&Slip, NaiveDateTime) -> Result<(SlipState, Option<i64>)>,
) -> Result<Slip> {
    let slip = get(tx, ctx.now, slip_id)?;
    transitions::check(ctx, action, slip.state, slip.assignee_id)?;
    let reason = if transitions::rule(action).is_some_and(|r| r.needs_reason) {
        validate::required("reason", "原因", reason, 500)?
    } else {
        validate::optional("reason", "说明", reason, 500)?
    };
    let last = last_step_at(tx, slip_id)?;
    let at = when::happened("at", at, ctx.now, last)?;
    let (to, assignee) = apply(&slip, at)?;
    event(
        tx,
        ctx,
        at,
        slip_id,
        action,
        Some(slip.state),
        to,
        assignee,
        &reason,
    )?;
    let summary = format!(
        "{} {} → {} {}",
        slip.serial,
        slip.state.label(),
        to.label(),
        reason
    );
    audit::record(
        tx,
        ctx,
        &format!("{}派工单", action.label()),
        "dispatch_slips",
        Some(slip_id),
        summary.trim(),
    )?;
    get(tx, ctx.now, slip_id)
}

fn last_step_at(tx: &Transaction, slip_id: i64) -> Result<Option<NaiveDateTime>> {
    let t: Option<String> = tx
        .query_row(
            "SELECT max(at) FROM slip_events WHERE slip_id = ?1",
            [slip_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(t.as_deref().and_then(when::stored))
}

fn set_state(
    tx: &Transaction,
    id: i64,
    state: SlipState,
    time_col: Option<&str>,
    at: NaiveDateTime,
) -> Result<()> {
    tx.execute(
        "UPDATE dispatch_slips SET state = ?1 WHERE id = ?2",
        params![state, id],
    )?;
    if let Some(col) = time_col {
        tx.execute(
            &format!("UPDATE dispatch_slips SET {col} = ?1 WHERE id = ?2"),
            params![when::text(at), id],
        )?;
    }
    Ok(())
}

fn check_assignee(tx: &Transaction, slip: &Slip, assignee_id: i64) -> Result<()> {
    let s =
        staff::get(tx, assignee_id).map_err(|_| Error::not_found("assignee_id", "找不到该员工"))?;
    if !s.active {
        return Err(Error::invalid(
            "assignee_id",
            format!("{}已停用，不能接收派工", s.name),
        ));
    }
    if s.department != slip.department {
        return Err(Error::invalid(
            "assignee_id",
            format!(
                "{}属于{}，本单应派给{}的员工",
                s.name, s.department, slip.department
            ),
        ));
    }
    if slip.assignee_id == Some(assignee_id) {
        return Err(Error::invalid(
            "assignee_id",
            format!("本单已经派给{}", s.name),
        ));
    }
    Ok(())
}

pub fn dispatch(store: &mut Store, ctx: &Ctx, input: AssignInput) -> Result<Slip> {
    assign(store, ctx, input, SlipAction::Dispatch)
}

pub fn transfer(store: &mut Store, ctx: &Ctx, input: AssignInput) -> Result<Slip> {
    assign(store, ctx, input, SlipAction::Transfer)
}

fn assign(store: &mut Store, ctx: &Ctx, input: AssignInput, action: SlipAction) -> Result<Slip> {
    ctx.actor()?;
    store.write(|tx| {
        step_in(tx, ctx, input.slip_id, action, &input.reason, input.at.as_deref(), |slip, at| {
            check_assignee(tx, slip, input.assignee_id)?;
            let appt = appointment(input.appointment_at.as_deref(), ctx.now)?;
            let me = ctx.actor()?.id;
            tx.execute(
                "UPDATE dispatch_slips SET state = 'dispatched', assignee_id = ?1, dispatcher_id = ?2, dispatched_at = ?3,
                     accepted_at = NULL, appointment_at = coalesce(?4, appointment_at) WHERE id = ?5",
                params![input.assignee_id, me, when::text(at), appt, slip.id],
            )?;
            Ok((SlipState::Dispatched, Some(input.assignee_id)))
        })
    })
}

pub fn accept(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    simple(store, ctx, input, SlipAction::Accept, |tx, slip, at| {
        set_state(tx, slip.id, SlipState::Accepted, Some("accepted_at"), at)?;
        Ok(SlipState::Accepted)
    })
}

/// 退单: the technician hands the slip back to the desk to be dispatched again.
pub fn return_slip(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    simple(store, ctx, input, SlipAction::Return, |tx, slip, _| {
        tx.execute(
            "UPDATE dispatch_slips SET state = 'opened', assignee_id = NULL, accepted_at = NULL WHERE id = ?1",
            [slip.id],
        )?;
        Ok(SlipState::Opened)
    })
}

pub fn arrive(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    simple(store, ctx, input, SlipAction::Arrive, |tx, slip, at| {
        set_state(tx, slip.id, SlipState::OnSite, Some("arrived_at"), at)?;
        Ok(SlipState::OnSite)
    })
}

pub fn pause(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    let reason = input.reason.clone();
    simple(store, ctx, input, SlipAction::Pause, move |tx, slip, at| {
        tx.execute(
            "UPDATE dispatch_slips SET state = 'paused', paused_from = ?1, paused_at = ?2 WHERE id = ?3",
            params![slip.state, when::text(at), slip.id],
        )?;
        tx.execute(
            "INSERT INTO slip_pauses (slip_id, started_at, reason) VALUES (?1, ?2, ?3)",
            params![slip.id, when::text(at), reason.trim()],
        )?;
        Ok(SlipState::Paused)
    })
}

/// Resumes a paused slip in the state it was paused in; the paused time is added to `due_at`.
pub fn resume(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    simple(store, ctx, input, SlipAction::Resume, |tx, slip, at| {
        let (from, paused_at, due): (SlipState, String, String) = tx.query_row(
            "SELECT paused_from, paused_at, due_at FROM dispatch_slips WHERE id = ?1",
            [slip.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let paused_at = when::stored(&paused_at).unwrap_or(at);
        let due = when::stored(&due).unwrap_or(at);
        let new_due = deadlines::after_pause(due, paused_at, at);
        tx.execute(
            "UPDATE dispatch_slips SET state = ?1, paused_from = NULL, paused_at = NULL, due_at = ?2 WHERE id = ?3",
            params![from, when::text(new_due), slip.id],
        )?;
        tx.execute(
            "UPDATE slip_pauses SET ended_at = ?1 WHERE slip_id = ?2 AND ended_at IS NULL",
            params![when::text(at), slip.id],
        )?;
        Ok(from)
    })
}

pub fn cancel(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    simple(store, ctx, input, SlipAction::Cancel, |tx, slip, at| {
        tx.execute(
            "UPDATE dispatch_slips SET state = 'cancelled', paused_from = NULL, paused_at = NULL, cancelled_at = ?1 WHERE id = ?2",
            params![when::text(at), slip.id],
        )?;
        tx.execute(
            "UPDATE slip_pauses SET ended_at = ?1 WHERE slip_id = ?2 AND ended_at IS NULL",
            params![when::text(at), slip.id],
        )?;
        Ok(SlipState::Cancelled)
    })
}

pub fn close(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    simple(store, ctx, input, SlipAction::Close, |tx, slip, at| {
        tx.execute(
            "UPDATE dispatch_slips SET state = 'closed', closed_at = ?1, closed_by = ?2, supervisor_review_at = NULL WHERE id = ?3",
            params![when::text(at), ctx.actor()?.id, slip.id],
        )?;
        Ok(SlipState::Closed)
    })
}

/// 重新派工: the work is done again by the same assignee; the earlier completion stays in the timeline.
pub fn reopen(store: &mut Store, ctx: &Ctx, input: StepInput) -> Result<Slip> {
    simple(store, ctx, input, SlipAction::Reopen, |tx, slip, at| {
        reopen_in(tx, slip.id, at)?;
        Ok(SlipState::Dispatched)
    })
}

pub(crate) fn reopen_in(tx: &Transaction, id: i64, at: NaiveDateTime) -> Result<()> {
    tx.execute(
        "UPDATE dispatch_slips SET state = 'dispatched', dispatched_at = ?1, accepted_at = NULL, arrived_at = NULL,
             completed_at = NULL, closed_at = NULL, closed_by = NULL, technician_signed_by = NULL,
             technician_signed_at = NULL, supervisor_review_at = NULL, reopen_count = reopen_count + 1 WHERE id = ?2",
        params![when::text(at), id],
    )?;
    Ok(())
}

fn simple(
    store: &mut Store,
    ctx: &Ctx,
    input: StepInput,
    action: SlipAction,
    apply: impl FnOnce(&Transaction, &Slip, NaiveDateTime) -> Result<SlipState>,
) -> Result<Slip> {
    ctx.actor()?;
    store.write(|tx| {
        step_in(
            tx,
            ctx,
            input.slip_id,
            action,
            &input.reason,
            input.at.as_deref(),
            |slip, at| Ok((apply(tx, slip, at)?, slip.assignee_id)),
        )
    })
}

/// Parses a fee typed in yuan ("35", "35.5", "35.50") into 分.
pub fn parse_fee(field: &str, raw: &str) -> Result<i64> {
    let t = raw
        .trim()
        .trim_start_matches('¥')
        .trim_end_matches('元')
        .trim();
    let bad = || {
        Error::invalid(
            field,
            format!(
                "费用“{}”不正确，应为不小于 0 的金额，如 35 或 35.50",
                raw.trim()
            ),
        )
    };
    if t.is_empty() || t.starts_with('-') {
        return Err(bad());
    }
    let (yuan, fen) = t.split_once('.').unwrap_or((t, ""));
    if yuan.is_empty()
        || !yuan.chars().all(|c| c.is_ascii_digit())
        || fen.len() > 2
        || !fen.chars().all(|c| c.is_ascii_digit())
        || yuan.len() > 7
    {
        return Err(bad());
    }
    let yuan: i64 = yuan.parse().map_err(|_| bad())?;
    let fen: i64 = if fen.is_empty() {
        0
    } else {
        format!("{fen:0<2}").parse().map_err(|_| bad())?
    };
    Ok(yuan * 100 + fen)
}

/// 完工: work done, materials and fee, the resident's acceptance. Signed by the assignee when
/// they enter it; entered by the supervisor for them (代录), it carries no signature of theirs.
pub fn complete(store: &mut Store, ctx: &Ctx, input: CompleteInput) -> Result<Slip> {
    ctx.actor()?;
    let work = validate::required("work_done", "完成情况", &input.work_done, 1000)?;
    let materials = validate::optional("materials", "材料", &input.materials, 500)?;
    let fee_kind = input
        .fee_kind
        .ok_or_else(|| Error::invalid("fee_kind", "请选择有偿或无偿"))?;
    // The resident's word at completion is recorded by a choice, never left to a default
    // (issue 13): an empty 验收 or 满意度 is refused, not stored as 未记录.
    let accepted = input
        .resident_accepted
        .ok_or_else(|| Error::invalid("resident_accepted", "请选择业主是否验收"))?;
    let satisfaction = input
        .resident_satisfaction
        .ok_or_else(|| Error::invalid("resident_satisfaction", "请选择业主满意度"))?;
    let cents = match fee_kind {
        FeeKind::Free if input.fee.trim().is_empty() => 0,
        FeeKind::Free => match parse_fee("fee", &input.fee)? {
            0 => 0,
            _ => return Err(Error::invalid("fee", "无偿服务不应填写金额")),
        },
        FeeKind::Paid => match parse_fee("fee", &input.fee)? {
            0 => return Err(Error::invalid("fee", "有偿服务请填写大于 0 的金额")),
            c => c,
        },
    };
    store.write(|tx| {
        step_in(tx, ctx, input.slip_id, SlipAction::Complete, "", input.at.as_deref(), |slip, at| {
            let me = ctx.actor()?.id;
            let signer = slip.assignee_id.filter(|&a| a == me);
            tx.execute(
                "UPDATE dispatch_slips SET state = 'done', completed_at = ?1, work_done = ?2, materials = ?3, fee_kind = ?4,
                     fee_cents = ?5, resident_accepted = ?6, resident_satisfaction = ?7, technician_signed_by = ?8,
                     technician_signed_at = ?9 WHERE id = ?10",
                params![when::text(at), work, materials, fee_kind, cents, accepted, satisfaction,
                    signer, when::text(ctx.now), slip.id],
            )?;
            Ok((SlipState::Done, slip.assignee_id))
        })
    })
}
