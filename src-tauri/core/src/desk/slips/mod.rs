//! 维修派工单 dispatch slips (R-DS-1..6): opened from an intake entry, numbered PG-YYYYMM-NNNN,
//! moved through the state machine of `transitions`, every step kept in `slip_events`.

pub mod transitions;

use chrono::NaiveDateTime;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::base::serials::{self, SerialKind};
use crate::coded_enum;
use crate::desk::deadlines::{self, Deadline};
use crate::store::Store;
use crate::{
    base::audit, base::validate, base::when, desk::intake, setup::categories, setup::staff,
};

pub use transitions::{SlipAction, SlipState};

coded_enum!(FeeKind { Free = ("free", "无偿"), Paid = ("paid", "有偿") });
coded_enum!(Satisfaction { Satisfied = ("satisfied", "满意"), Basic = ("basic", "基本满意"), Unsatisfied = ("unsatisfied", "不满意") });

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Slip {
    pub id: i64,
    pub serial: String,
    pub intake_id: Option<i64>,
    pub opened_at: String,
    pub opened_by: String,
    pub room: String,
    pub location: String,
    pub caller_name: String,
    pub caller_phone: String,
    pub category: String,
    pub department_id: i64,
    pub department: String,
    pub content: String,
    pub appointment_at: Option<String>,
    pub state: SlipState,
    pub paused_from: Option<SlipState>,
    pub assignee_id: Option<i64>,
    pub assignee: String,
    pub dispatcher: String,
    pub dispatched_at: Option<String>,
    pub accepted_at: Option<String>,
    pub arrived_at: Option<String>,
    pub completed_at: Option<String>,
    pub closed_at: Option<String>,
    pub cancelled_at: Option<String>,
    pub deadline_at: String,
    pub deadline: Deadline,
    pub work_done: String,
    pub materials: String,
    pub fee_kind: Option<FeeKind>,
    /// 分 (1/100 yuan).
    pub fee_cents: i64,
    pub resident_accepted: Option<bool>,
    pub resident_satisfaction: Option<Satisfaction>,
    pub technician_signed_by: String,
    pub technician_signed_at: Option<String>,
    /// Set while an unsatisfied return visit waits for the supervisor.
    pub supervisor_review_at: Option<String>,
    pub reopen_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SlipEvent {
    pub at: String,
    pub actor: String,
    pub action: SlipAction,
    pub from_state: Option<SlipState>,
    pub to_state: SlipState,
    pub assignee: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SlipPage {
    pub slip: Slip,
    pub events: Vec<SlipEvent>,
    pub visits: Vec<crate::desk::visits::ReturnVisit>,
    /// What the logged-in user may do with this slip now.
    pub actions: Vec<SlipAction>,
}

const SELECT: &str = "SELECT d.id, d.serial, d.intake_id, d.opened_at, ob.name, coalesce(r.code, ''), d.location,
        d.caller_name, d.caller_phone, c.name, d.department_id, dep.name, d.content, d.appointment_at, d.state,
        d.paused_from, d.assignee_id, coalesce(a.name, ''), coalesce(ds.name, ''), d.dispatched_at, d.accepted_at,
        d.arrived_at, d.completed_at, d.closed_at, d.cancelled_at, d.deadline_at, d.due_at, d.work_done, d.materials,
        d.fee_kind, d.fee_cents, d.resident_accepted, d.resident_satisfaction, coalesce(ts.name, ''),
        d.technician_signed_at, d.supervisor_review_at, d.reopen_count, d.paused_at
     FROM dispatch_slips d
     JOIN staff ob ON ob.id = d.opened_by
     LEFT JOIN rooms r ON r.id = d.room_id
     JOIN categories c ON c.id = d.category_id
     JOIN departments dep ON dep.id = d.department_id
     LEFT JOIN staff a ON a.id = d.assignee_id
     LEFT JOIN staff ds ON ds.id = d.dispatcher_id
     LEFT JOIN staff ts ON ts.id = d.technician_signed_by";

/// Maps a row of `SELECT`, assessing the deadline at `now`.
pub(crate) fn from_row(
    r: &Row,
    now: NaiveDateTime,
    due_soon_minutes: i64,
) -> rusqlite::Result<Slip> {
    let state: SlipState = r.get(14)?;
    let due_text: String = r.get(26)?;
    let due = when::stored(&due_text).unwrap_or(now);
    Ok(Slip {
        id: r.get(0)?,
        serial: r.get(1)?,
        intake_id: r.get(2)?,
        opened_at: r.get(3)?,
        opened_by: r.get(4)?,
        room: r.get(5)?,
        location: r.get(6)?,
        caller_name: r.get(7)?,
        caller_phone: r.get(8)?,
        category: r.get(9)?,
        department_id: r.get(10)?,
        department: r.get(11)?,
        content: r.get(12)?,
        appointment_at: r.get(13)?,
        state,
        paused_from: r.get(15)?,
        assignee_id: r.get(16)?,
        assignee: r.get(17)?,
        dispatcher: r.get(18)?,
        dispatched_at: r.get(19)?,
        accepted_at: r.get(20)?,
        arrived_at: r.get(21)?,
        completed_at: r.get(22)?,
        closed_at: r.get(23)?,
        cancelled_at: r.get(24)?,
        deadline_at: r.get(25)?,
        deadline: deadlines::assess(
            due,
            state.is_working(),
            r.get::<_, Option<String>>(37)?
                .as_deref()
                .and_then(when::stored),
            now,
            due_soon_minutes,
        ),
        work_done: r.get(27)?,
        materials: r.get(28)?,
        fee_kind: r.get(29)?,
        fee_cents: r.get(30)?,
        resident_accepted: r.get(31)?,
        resident_satisfaction: r.get(32)?,
        technician_signed_by: r.get(33)?,
        technician_signed_at: r.get(34)?,
        supervisor_review_at: r.get(35)?,
        reopen_count: r.get(36)?,
    })
}

/// Slips matching `where_sql` (which may use ?1 = now text, ?2 = extra parameter), newest first.
pub(crate) fn query(
    tx: &Transaction,
    now: NaiveDateTime,
    where_sql: &str,
    extra: &dyn rusqlite::ToSql,
    limit: i64,
) -> Result<Vec<Slip>> {
    let soon = intake::settings::load(tx)?.due_soon_minutes;
    let sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY d.opened_at DESC, d.id DESC LIMIT {}",
        limit.clamp(1, 5000)
    );
    let rows = tx
        .prepare(&sql)?
        .query_map(params![when::text(now), extra], |r| from_row(r, now, soon))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(tx: &Transaction, now: NaiveDateTime, id: i64) -> Result<Slip> {
    query(tx, now, "d.id = ?2 AND ?1 IS NOT NULL", &id, 1)?
        .pop()
        .ok_or_else(|| Error::not_found("slip_id", format!("找不到编号为 {id} 的派工单")))
}

fn by_serial(tx: &Transaction, now: NaiveDateTime, serial: &str) -> Result<Slip> {
    query(
        tx,
        now,
        "d.serial = ?2 AND ?1 IS NOT NULL",
        &serial.trim().to_uppercase(),
        1,
    )?
    .pop()
    .ok_or_else(|| Error::not_found("serial", format!("找不到派工单 {}", serial.trim())))
}

pub fn events(tx: &Transaction, slip_id: i64) -> Result<Vec<SlipEvent>> {
    let mut st = tx.prepare(
        "SELECT e.at, e.actor_name, e.action, e.from_state, e.to_state, coalesce(s.name, ''), e.reason
         FROM slip_events e LEFT JOIN staff s ON s.id = e.assignee_id WHERE e.slip_id = ?1 ORDER BY e.id",
    )?;
    let rows = st
        .query_map([slip_id], |r| {
            Ok(SlipEvent {
                at: r.get(0)?,
                actor: r.get(1)?,
                action: r.get(2)?,
                from_state: r.get(3)?,
                to_state: r.get(4)?,
                assignee: r.get(5)?,
                reason: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One slip by id with its timeline, return visits and the actions open to the user.
pub fn detail(store: &mut Store, ctx: &Ctx, id: i64) -> Result<SlipPage> {
    let actor = ctx.actor()?.clone();
    store.read(|tx| detail_in(tx, ctx.now, &actor, id))
}

/// The same, by serial (PG-202611-0001).
pub fn detail_by_serial(store: &mut Store, ctx: &Ctx, serial: &str) -> Result<SlipPage> {
    let actor = ctx.actor()?.clone();
    store.read(|tx| {
        let id = by_serial(tx, ctx.now, serial)?.id;
        detail_in(tx, ctx.now, &actor, id)
    })
}

fn detail_in(
    tx: &Transaction,
    now: NaiveDateTime,
    actor: &crate::Actor,
    id: i64,
) -> Result<SlipPage> {
    let slip = get(tx, now, id)?;
    let actions = transitions::allowed(actor, slip.state, slip.assignee_id);
    Ok(SlipPage {
        events: events(tx, id)?,
        visits: crate::desk::visits::of_slip(tx, id)?,
        actions,
        slip,
    })
}

pub(crate) fn event(
    tx: &Transaction,
    ctx: &Ctx,
    at: NaiveDateTime,
    slip: i64,
    action: SlipAction,
    from: Option<SlipState>,
    to: SlipState,
    assignee: Option<i64>,
    reason: &str,
) -> Result<()> {
    let (actor_id, actor_name) = match &ctx.actor {
        Some(a) => (Some(a.id), a.name.clone()),
        None => (None, "系统".to_string()),
    };
    tx.execute(
        "INSERT INTO slip_events (slip_id, at, actor_id, actor_name, action, from_state, to_state, assignee_id, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![slip, when::text(at), actor_id, actor_name, action, from, to, assignee, reason],
    )?;
    Ok(())
}

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
    ctx.require(transitions::DESK, "开派工单")?;
    store.write(|tx| open_in(tx, ctx, &input))
}

/// The body of `open`, for the night-log batch conversion.
pub(crate) fn open_in(tx: &Transaction, ctx: &Ctx, input: &OpenSlipInput) -> Result<Slip> {
    let entry = intake::load_raw(tx, input.intake_id)?;
    if entry.slip_id.is_some() || entry.complaint_id.is_some() || entry.finished {
        return Err(Error::conflict(
            "intake_id",
            "该登记已经处理完毕或已转为派工单/投诉,不能再开派工单",
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
                    "请选择服务类别,派工单按类别派到部门并计算时限",
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

fn appointment(raw: Option<&str>, _now: NaiveDateTime) -> Result<Option<String>> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Ok(Some(when::text(when::parse("appointment_at", r)?))),
        None => Ok(None),
    }
}

fn short(s: &str) -> String {
    s.chars().take(30).collect()
}

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
            format!("{}已停用,不能接收派工", s.name),
        ));
    }
    if s.department != slip.department {
        return Err(Error::invalid(
            "assignee_id",
            format!(
                "{}属于{},本单应派给{}的员工",
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
                "费用“{}”不正确,应为不小于 0 的金额,如 35 或 35.50",
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

/// 完工: work done, materials and fee, the resident's acceptance; signed by the technician.
pub fn complete(store: &mut Store, ctx: &Ctx, input: CompleteInput) -> Result<Slip> {
    ctx.actor()?;
    let work = validate::required("work_done", "完成情况", &input.work_done, 1000)?;
    let materials = validate::optional("materials", "材料", &input.materials, 500)?;
    let fee_kind = input
        .fee_kind
        .ok_or_else(|| Error::invalid("fee_kind", "请选择有偿或无偿"))?;
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
            tx.execute(
                "UPDATE dispatch_slips SET state = 'done', completed_at = ?1, work_done = ?2, materials = ?3, fee_kind = ?4,
                     fee_cents = ?5, resident_accepted = ?6, resident_satisfaction = ?7, technician_signed_by = ?8,
                     technician_signed_at = ?9 WHERE id = ?10",
                params![when::text(at), work, materials, fee_kind, cents, input.resident_accepted, input.resident_satisfaction,
                    slip.assignee_id, when::text(ctx.now), slip.id],
            )?;
            Ok((SlipState::Done, slip.assignee_id))
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Boards.

coded_enum!(Board {
    Mine = ("mine", "我的派工单"),
    MyDepartment = ("my_department", "本部门"),
    AllOpen = ("all_open", "全部未完成"),
    Overdue = ("overdue", "已超时"),
    AwaitingVisit = ("awaiting_visit", "待回访"),
    // Visited and satisfied: only the supervisor's close is left (R-DS-5).
    AwaitingClose = ("awaiting_close", "待关闭"),
    DoneToday = ("done_today", "今日完工"),
    SupervisorReview = ("supervisor_review", "待主管处理"),
});

/// The slips of one board, newest first. Overdue and due-soon are computed at `ctx.now`.
pub fn board(store: &mut Store, ctx: &Ctx, board: Board) -> Result<Vec<Slip>> {
    let actor = ctx.actor()?.clone();
    store.read(|tx| {
        let now = ctx.now;
        let working = "d.state IN ('opened','dispatched','accepted','on_site','paused')";
        match board {
            Board::Mine => query(
                tx,
                now,
                &format!("?1 IS NOT NULL AND d.assignee_id = ?2 AND {working}"),
                &actor.id,
                500,
            ),
            Board::MyDepartment => {
                let dept: i64 = tx.query_row(
                    "SELECT department_id FROM staff WHERE id = ?1",
                    [actor.id],
                    |r| r.get(0),
                )?;
                query(
                    tx,
                    now,
                    &format!("?1 IS NOT NULL AND d.department_id = ?2 AND {working}"),
                    &dept,
                    500,
                )
            }
            Board::AllOpen => query(
                tx,
                now,
                &format!("?1 IS NOT NULL AND ?2 IS NULL AND {working}"),
                &rusqlite::types::Null,
                1000,
            ),
            Board::Overdue => overdue(tx, now),
            Board::AwaitingVisit => query(
                tx,
                now,
                "?1 IS NOT NULL AND ?2 IS NULL AND d.state = 'done'",
                &rusqlite::types::Null,
                1000,
            ),
            Board::AwaitingClose => query(
                tx,
                now,
                "?1 IS NOT NULL AND ?2 IS NULL AND d.state = 'return_visited'",
                &rusqlite::types::Null,
                1000,
            ),
            Board::DoneToday => {
                let today = now.date().format("%Y-%m-%d").to_string();
                query(
                    tx,
                    now,
                    "?1 IS NOT NULL AND d.completed_at >= ?2",
                    &today,
                    1000,
                )
            }
            Board::SupervisorReview => query(
                tx,
                now,
                "?1 IS NOT NULL AND ?2 IS NULL AND d.supervisor_review_at IS NOT NULL",
                &rusqlite::types::Null,
                1000,
            ),
        }
    })
}

/// Slips still being worked on and overdue now (`deadlines::overdue_sql`: a paused slip only
/// if its deadline had passed before it was paused).
pub fn overdue(tx: &Transaction, now: NaiveDateTime) -> Result<Vec<Slip>> {
    query(
        tx,
        now,
        &format!(
            "{} AND {} AND ?2 IS NULL",
            deadlines::WORKING_SQL,
            deadlines::overdue_sql("?1")
        ),
        &rusqlite::types::Null,
        1000,
    )
}

/// Staff of the slip's department who can be dispatched to (for the assignee picker).
pub fn assignable(store: &mut Store, ctx: &Ctx, slip_id: i64) -> Result<Vec<staff::Staff>> {
    ctx.require(transitions::DESK, "派工")?;
    store.read(|tx| {
        let dept: i64 = tx
            .query_row("SELECT department_id FROM dispatch_slips WHERE id = ?1", [slip_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::not_found("slip_id", "找不到该派工单"))?;
        let sql = format!("{} WHERE s.department_id = ?1 AND s.active = 1 ORDER BY s.role = 'technician' DESC, s.name", staff::SELECT);
        Ok(tx.prepare(&sql)?.query_map([dept], staff::from_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
    })
}

/// Roles that see every slip; technicians see their own and their department's.
pub fn is_leader(role: Role) -> bool {
    matches!(role, Role::Supervisor | Role::Manager)
}

#[cfg(test)]
mod tests;
