//! The slip boards (mine, my department, all open, overdue, awaiting visit or close, done today,
//! supervisor review), and who may be dispatched to (R-DS-5).

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction};

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::coded_enum;
use crate::desk::deadlines::{self};
use crate::setup::staff;
use crate::store::Store;

use super::*;

// ---------------------------------------------------------------------------------------------
// Boards.

coded_enum!(Board {
    Mine = ("mine", "我的派工单"),
    MyDepartment = ("my_department", "本部门"),
    AllOpen = ("all_open", "全部未完成"),
    Overdue = ("overdue", "已超时"),
    AwaitingVisit = ("awaiting_visit", "待回访"),
    // Awaiting the visit past its deadline (R-DS-7).
    VisitOverdue = ("visit_overdue", "回访超时"),
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
                &format!("?1 IS NOT NULL AND ?2 IS NULL AND {AWAITING_VISIT_SQL}"),
                &rusqlite::types::Null,
                1000,
            ),
            Board::VisitOverdue => query(
                tx,
                now,
                &format!("?1 IS NOT NULL AND {}", visit_overdue_sql("?2")),
                &visit_cutoff(tx, now)?,
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
    ctx.require(crate::base::role::DESK, "派工")?;
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
