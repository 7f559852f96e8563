//! Handling a complaint after it is opened (R-CP-1, R-CP-2): taking it up, steps, the validity judgement, the reply, the return visit and the supervisor's sign-off.

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::base::role::DESK;
use crate::base::role::LEADERS;
use crate::desk::visits::{self, VisitFollowUp};
use crate::store::Store;
use crate::{base::audit, base::validate, base::when};
use rusqlite::{params, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use super::*;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintNoteInput {
    pub complaint_id: i64,
    #[serde(default)]
    pub note: String,
}

pub(super) fn change(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    what: &str,
    summary: &str,
    f: impl FnOnce(&Transaction, &Complaint) -> Result<()>,
) -> Result<ComplaintPage> {
    store.write(|tx| {
        let c = get(tx, ctx.now, id)?;
        f(tx, &c)?;
        audit::record(
            tx,
            ctx,
            what,
            "complaints",
            Some(id),
            &format!("{} {summary}", c.serial),
        )?;
        detail_in(tx, ctx.now, id)
    })
}

/// The manager or supervisor takes an escalated complaint up; the banner goes away.
pub fn take_up(store: &mut Store, ctx: &Ctx, input: ComplaintNoteInput) -> Result<ComplaintPage> {
    let me = ctx.require(LEADERS, "接手投诉")?.id;
    let note = validate::optional("note", "说明", &input.note, 1000)?;
    change(
        store,
        ctx,
        input.complaint_id,
        "接手投诉",
        &note,
        |tx, c| {
            // A manager takes a complaint up for the manager's banner (and the supervisors', if no
            // supervisor has); a supervisor for the supervisors' only.
            let as_manager = ctx.actor()?.role == Role::Manager;
            let (taken, by) = if as_manager {
                (&c.manager_taken_at, &c.manager_taken_by)
            } else {
                (&c.taken_up_at, &c.taken_up_by)
            };
            if taken.is_some() {
                return Err(Error::conflict(
                    "complaint_id",
                    format!("该投诉已由{by}接手"),
                ));
            }
            let now = when::text(ctx.now);
            if as_manager {
                tx.execute(
                    "UPDATE complaints SET manager_taken_at = ?1, manager_taken_by = ?2,
                         taken_up_at = coalesce(taken_up_at, ?1), taken_up_by = coalesce(taken_up_by, ?2) WHERE id = ?3",
                    params![now, me, c.id],
                )?;
            } else {
                tx.execute(
                    "UPDATE complaints SET taken_up_at = ?1, taken_up_by = ?2 WHERE id = ?3",
                    params![now, me, c.id],
                )?;
            }
            if !note.is_empty() {
                step_in(tx, ctx, c.id, &format!("接手：{note}"))?;
            }
            Ok(())
        },
    )
}

/// A handling step (处理过程).
pub fn add_step(store: &mut Store, ctx: &Ctx, input: ComplaintNoteInput) -> Result<ComplaintPage> {
    ctx.require(DESK, "记录投诉处理过程")?;
    let note = validate::required("note", "处理过程", &input.note, 1000)?;
    change(
        store,
        ctx,
        input.complaint_id,
        "记录投诉处理过程",
        &note,
        |tx, c| {
            if c.state == ComplaintState::SignedOff {
                return Err(Error::conflict(
                    "complaint_id",
                    "投诉已由主管签字办结，不能再添加处理过程",
                ));
            }
            step_in(tx, ctx, c.id, &note)
        },
    )
}

pub(super) fn step_in(tx: &Transaction, ctx: &Ctx, id: i64, note: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO complaint_steps (complaint_id, at, by_id, note) VALUES (?1, ?2, ?3, ?4)",
        params![id, when::text(ctx.now), ctx.actor()?.id, note],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ValidityInput {
    pub complaint_id: i64,
    pub validity: Validity,
}

/// The supervisor judges the complaint valid or not (for the analysis, R-CP-3).
pub fn set_validity(store: &mut Store, ctx: &Ctx, input: ValidityInput) -> Result<ComplaintPage> {
    ctx.require(&[Role::Supervisor], "认定投诉是否有效")?;
    change(
        store,
        ctx,
        input.complaint_id,
        "认定投诉有效性",
        input.validity.label(),
        |tx, c| {
            if c.state == ComplaintState::SignedOff {
                return Err(Error::conflict("complaint_id", "投诉已签字办结，不能修改"));
            }
            tx.execute(
                "UPDATE complaints SET validity = ?1 WHERE id = ?2",
                params![input.validity, c.id],
            )?;
            Ok(())
        },
    )
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ReplyInput {
    pub complaint_id: i64,
    pub reply: String,
    /// When the complainant was answered, if not now.
    #[serde(default)]
    pub at: Option<String>,
}

/// The reply fed back to the complainant, with its time (R-CP-1).
pub fn reply(store: &mut Store, ctx: &Ctx, input: ReplyInput) -> Result<ComplaintPage> {
    let me = ctx.require(DESK, "答复投诉")?.id;
    let text = validate::required("reply", "答复内容", &input.reply, 2000)?;
    change(
        store,
        ctx,
        input.complaint_id,
        "答复投诉",
        &text.chars().take(30).collect::<String>(),
        |tx, c| {
            if c.state != ComplaintState::Open {
                return Err(Error::conflict(
                    "complaint_id",
                    format!("投诉当前为“{}”，已经答复过", c.state.label()),
                ));
            }
            let opened = when::stored(&c.opened_at);
            let at = when::happened("at", input.at.as_deref(), ctx.now, opened)?;
            tx.execute(
            "UPDATE complaints SET state = 'replied', reply = ?1, replied_at = ?2, replied_by = ?3 WHERE id = ?4",
            params![text, when::text(at), me, c.id],
        )?;
            Ok(())
        },
    )
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ComplaintVisitInput {
    pub complaint_id: i64,
    pub method: crate::desk::visits::VisitMethod,
    pub answered: bool,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub satisfaction: Option<crate::desk::slips::Satisfaction>,
    /// After 不满意: handle it again (重新处理, back to awaiting a reply) or hand it to the
    /// supervisor (交主管处理). Required then, ignored otherwise.
    #[serde(default)]
    pub follow_up: Option<VisitFollowUp>,
    #[serde(default)]
    pub at: Option<String>,
}

/// The return visit after the reply; an unanswered call is an attempt only.
pub fn visit(store: &mut Store, ctx: &Ctx, input: ComplaintVisitInput) -> Result<ComplaintPage> {
    ctx.require(DESK, "投诉回访")?;
    let visit_in = input.visit();
    let v = visits::clean(&visit_in, true)?;
    let what = if v.answered {
        "投诉回访"
    } else {
        "投诉回访未接通"
    };
    change(store, ctx, input.complaint_id, what, &v.result, |tx, c| {
        if c.state != ComplaintState::Replied {
            return Err(Error::conflict(
                "complaint_id",
                format!("投诉当前为“{}”，答复后才能回访", c.state.label()),
            ));
        }
        let after = c.replied_at.as_deref().and_then(when::stored);
        let at = when::happened("at", visit_in.at.as_deref(), ctx.now, after)?;
        visits::insert(tx, ctx, None, Some(c.id), at, &v)?;
        match (v.answered, v.follow_up) {
            (false, _) => {}
            // Not satisfied and to be handled again: it waits for a new reply, then a new visit.
            (true, Some(VisitFollowUp::Reopened)) => {
                // The earlier reply stays on record as a step; the complaint then needs a new one.
                let earlier = format!(
                    "前次答复（{}）：{}",
                    c.replied_at.as_deref().unwrap_or(""),
                    c.reply
                );
                step_in(tx, ctx, c.id, &earlier)?;
                // A fresh reply deadline from now (R-CP-4).
                let hours = reply_hours(tx, c.urgency)?;
                tx.execute(
                    "UPDATE complaints SET state = 'open', reply = '', replied_at = NULL, replied_by = NULL,
                         reply_deadline_at = ?2 WHERE id = ?1",
                    params![c.id, when::text(ctx.now + chrono::Duration::hours(hours))],
                )?;
                step_in(
                    tx,
                    ctx,
                    c.id,
                    &format!("回访不满意，重新处理：{}", v.result),
                )?;
            }
            (true, follow_up) => {
                tx.execute(
                    "UPDATE complaints SET state = 'visited' WHERE id = ?1",
                    [c.id],
                )?;
                if follow_up == Some(VisitFollowUp::ToSupervisor) {
                    step_in(
                        tx,
                        ctx,
                        c.id,
                        &format!("回访不满意，交主管处理：{}", v.result),
                    )?;
                }
            }
        }
        Ok(())
    })
}

/// The supervisor signs the complaint off after the return visit; the validity must be set.
pub fn sign_off(store: &mut Store, ctx: &Ctx, input: ComplaintNoteInput) -> Result<ComplaintPage> {
    let me = ctx.require(&[Role::Supervisor], "投诉签字办结")?.id;
    let note = validate::optional("note", "主管意见", &input.note, 500)?;
    change(
        store,
        ctx,
        input.complaint_id,
        "投诉签字办结",
        &note,
        |tx, c| {
            if c.state != ComplaintState::Visited {
                return Err(Error::conflict(
                    "complaint_id",
                    format!("投诉当前为“{}”，回访后才能签字办结", c.state.label()),
                ));
            }
            if c.validity.is_none() {
                return Err(Error::invalid("validity", "请先认定投诉是否有效"));
            }
            tx.execute(
            "UPDATE complaints SET state = 'signed_off', signed_off_at = ?1, signed_off_by = ?2, sign_off_note = ?3 WHERE id = ?4",
            params![when::text(ctx.now), me, note, c.id],
        )?;
            Ok(())
        },
    )
}
