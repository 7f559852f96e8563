//! 维修派工单 dispatch slips (R-DS-1..6): opened from an intake entry, numbered PG-YYYYMM-NNNN,
//! moved through the state machine of `transitions`, every step kept in `slip_events`.

mod board;
mod open;
mod steps;
pub mod transitions;
mod visit;

use chrono::NaiveDateTime;
use rusqlite::{params, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::coded_enum;
use crate::desk::deadlines::{self, Deadline};
use crate::store::Store;
use crate::{base::when, desk::intake};

pub use board::{assignable, board, is_leader, overdue, Board};
pub(crate) use open::open_in;
pub use open::{open, OpenSlipInput};
pub use steps::{
    accept, arrive, cancel, close, complete, dispatch, parse_fee, pause, reopen, resume,
    return_slip, transfer, AssignInput, CompleteInput, StepInput,
};
pub(crate) use steps::{reopen_in, step_in};
pub use transitions::{SlipAction, SlipState};
pub use visit::{visit_slip, SlipVisitInput};

coded_enum!(FeeKind { Free = ("free", "无偿"), Paid = ("paid", "有偿") });
pub use crate::desk::visits::Satisfaction;

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
    /// Calls urging it (催办), shown on the record and the boards.
    pub urge_count: i64,
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
    /// A worker's step (接单、退单、到场、完工) entered by someone else for the slip's assignee
    /// at the time — the supervisor's 代录 (R-DS-3): that assignee's name; empty otherwise.
    pub on_behalf_of: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SlipPage {
    pub slip: Slip,
    pub events: Vec<SlipEvent>,
    /// Calls urging it (催办), for the timeline.
    pub urgings: Vec<crate::desk::urgings::Urging>,
    pub visits: Vec<crate::desk::visits::ReturnVisit>,
    /// What the logged-in user may do with this slip now.
    pub actions: Vec<SlipAction>,
}

/// `+d.department_id`: the board's own conditions (state, assignee, period) lead, never a walk
/// through the few departments over every slip of each (tests/query_plans.rs).
const SELECT: &str = "SELECT d.id, d.serial, d.intake_id, d.opened_at, ob.name, coalesce(r.code, ''), d.location,
        d.caller_name, d.caller_phone, c.name, d.department_id, dep.name, d.content, d.appointment_at, d.state,
        d.paused_from, d.assignee_id, coalesce(a.name, ''), coalesce(ds.name, ''), d.dispatched_at, d.accepted_at,
        d.arrived_at, d.completed_at, d.closed_at, d.cancelled_at, d.deadline_at, d.due_at, d.work_done, d.materials,
        d.fee_kind, d.fee_cents, d.resident_accepted, d.resident_satisfaction, coalesce(ts.name, ''),
        d.technician_signed_at, d.supervisor_review_at, d.reopen_count, d.paused_at,
        (SELECT count(*) FROM urgings u WHERE u.slip_id = d.id)
     FROM dispatch_slips d
     JOIN staff ob ON ob.id = d.opened_by
     LEFT JOIN rooms r ON r.id = d.room_id
     JOIN categories c ON c.id = d.category_id
     JOIN departments dep ON dep.id = +d.department_id
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
        urge_count: r.get(38)?,
    })
}

/// SQL condition over a `dispatch_slips` row `d`: done and waiting for its return visit (R-DS-6).
pub const AWAITING_VISIT_SQL: &str = "d.state = 'done'";

/// SQL condition over a `dispatch_slips` row `d`: waiting for its return visit past the visit's
/// deadline (R-DS-7), i.e. completed at or before `cutoff` (a parameter: now − the return-visit
/// hours, see `visit_cutoff`).
pub fn visit_overdue_sql(cutoff: &str) -> String {
    format!("{AWAITING_VISIT_SQL} AND d.completed_at <= {cutoff}")
}

/// The completion time at or before which a slip still unvisited at `now` is past its return
/// visit's deadline (`return_visit_hours` of the intake settings).
pub fn visit_cutoff(tx: &Transaction, now: chrono::NaiveDateTime) -> Result<String> {
    let hours = crate::desk::intake::settings::load(tx)?.return_visit_hours;
    Ok(crate::base::when::text(
        now - chrono::Duration::hours(hours),
    ))
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
        "SELECT e.at, e.actor_name, e.action, e.from_state, e.to_state, coalesce(s.name, ''), e.reason,
                e.actor_id, e.assignee_id
         FROM slip_events e LEFT JOIN staff s ON s.id = e.assignee_id WHERE e.slip_id = ?1 ORDER BY e.id",
    )?;
    // Who the slip was with at each step: dispatch, transfer and reopen name the assignee.
    let mut with: Option<(i64, String)> = None;
    let rows = st
        .query_map([slip_id], |r| {
            let ids: (Option<i64>, Option<i64>) = (r.get(7)?, r.get(8)?);
            Ok((
                SlipEvent {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    action: r.get(2)?,
                    from_state: r.get(3)?,
                    to_state: r.get(4)?,
                    assignee: r.get(5)?,
                    reason: r.get(6)?,
                    on_behalf_of: String::new(),
                },
                ids,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(mut e, (actor_id, assignee_id))| {
            if let Some(id) = assignee_id {
                with = Some((id, e.assignee.clone()));
            }
            let workers_step = matches!(
                e.action,
                SlipAction::Accept | SlipAction::Return | SlipAction::Arrive | SlipAction::Complete
            );
            if let (true, Some((id, name))) = (workers_step, &with) {
                if actor_id != Some(*id) {
                    e.on_behalf_of = name.clone();
                }
            }
            e
        })
        .collect();
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

/// A slip's page (record, steps, visits) by serial, as printed (no actions: paper has no buttons).
pub fn page_by_serial(tx: &Transaction, now: NaiveDateTime, serial: &str) -> Result<SlipPage> {
    let slip = by_serial(tx, now, serial)?;
    page_of(tx, slip)
}

/// The pages of every slip opened on `day`, in serial order: the day's batch.
pub fn pages_opened_on(
    tx: &Transaction,
    now: NaiveDateTime,
    day: chrono::NaiveDate,
) -> Result<Vec<SlipPage>> {
    let mut slips = query(
        tx,
        now,
        "?1 IS NOT NULL AND d.opened_at >= ?2 AND d.opened_at < date(?2, '+1 day')",
        &day.format("%Y-%m-%d").to_string(),
        5000,
    )?;
    slips.sort_by(|a, b| a.serial.cmp(&b.serial));
    slips.into_iter().map(|s| page_of(tx, s)).collect()
}

fn page_of(tx: &Transaction, slip: Slip) -> Result<SlipPage> {
    Ok(SlipPage {
        events: events(tx, slip.id)?,
        urgings: crate::desk::urgings::of(tx, "slip_id", slip.id)?,
        visits: crate::desk::visits::of_slip(tx, slip.id)?,
        actions: Vec::new(),
        slip,
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
        urgings: crate::desk::urgings::of(tx, "slip_id", id)?,
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

#[cfg(test)]
mod department_tests;
#[cfg(test)]
mod step_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod visit_deadline_tests;
