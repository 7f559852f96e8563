//! Time limits (R-DS-5): a slip's deadline is its opening time plus its category's limit; paused
//! time does not count, so every finished pause moves `due_at` later, and while a slip is paused
//! its clock is stopped. Everything is computed from `ctx.now`, never the wall clock.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use crate::coded_enum;

coded_enum!(
    /// Where a slip stands against its time limit.
    DeadlineState {
        OnTime = ("on_time", "正常"),
        DueSoon = ("due_soon", "即将超时"),
        Overdue = ("overdue", "已超时"),
        Stopped = ("stopped", "暂停计时"),
        Finished = ("finished", "已完成"),
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Deadline {
    pub state: DeadlineState,
    /// The time the work is due, paused time added.
    pub due_at: String,
    /// Minutes left (negative when overdue); none once finished or while paused.
    pub minutes_left: Option<i64>,
}

/// The deadline of a slip opened at `opened_at` in a category with `limit_hours`.
pub fn deadline(opened_at: NaiveDateTime, limit_hours: i64) -> NaiveDateTime {
    opened_at + Duration::hours(limit_hours)
}

/// `due_at` after a pause that began at `paused_at` ends at `resumed_at`.
pub fn after_pause(
    due_at: NaiveDateTime,
    paused_at: NaiveDateTime,
    resumed_at: NaiveDateTime,
) -> NaiveDateTime {
    due_at + (resumed_at - paused_at).max(Duration::zero())
}

/// SQL condition, over a `dispatch_slips` row aliased `d`: the slip is OVERDUE at the time
/// the expression `at` gives (a bound parameter such as `?3`). This is the one definition every
/// board, list, report and printout uses; [`assess`] is the same rule in Rust:
/// - a cancelled slip is never overdue;
/// - otherwise it is overdue when its deadline (`due_at`, paused time already added) passed
///   before the work was done and before `at`;
/// - while paused the clock stands still at `paused_at`, so a paused slip is overdue only if
///   its deadline had passed before it was paused.
pub fn overdue_sql(at: &str) -> String {
    format!(
        "(d.state <> 'cancelled' AND d.due_at < min(COALESCE(d.completed_at, {at}), COALESCE(d.paused_at, {at}), {at}))"
    )
}

/// SQL condition: slip `d` was completed within its time limit (按时完成).
pub const ON_TIME_SQL: &str = "(d.completed_at IS NOT NULL AND d.completed_at <= d.due_at)";

/// SQL condition: slip `d` is still being worked on (not completed, not cancelled) — the
/// slips a board of open work shows.
pub const WORKING_SQL: &str = "(d.state IN ('opened','dispatched','accepted','on_site','paused'))";

/// The state of a slip's clock. `working` is false once the work is done or the slip is
/// cancelled; `paused_at` (while paused) stops the clock at that moment.
pub fn assess(
    due_at: NaiveDateTime,
    working: bool,
    paused_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
    due_soon_minutes: i64,
) -> Deadline {
    let due_text = crate::base::when::text(due_at);
    if !working {
        return Deadline {
            state: DeadlineState::Finished,
            due_at: due_text,
            minutes_left: None,
        };
    }
    if let Some(paused_at) = paused_at {
        // Overdue before it was paused: still overdue, by the time it had run over then.
        let late = paused_at.min(now) > due_at;
        return Deadline {
            state: if late {
                DeadlineState::Overdue
            } else {
                DeadlineState::Stopped
            },
            due_at: due_text,
            minutes_left: late.then(|| (due_at - paused_at.min(now)).num_minutes()),
        };
    }
    let left = (due_at - now).num_minutes();
    let state = if now > due_at {
        DeadlineState::Overdue
    } else if due_at - now <= Duration::minutes(due_soon_minutes) {
        DeadlineState::DueSoon
    } else {
        DeadlineState::OnTime
    };
    Deadline {
        state,
        due_at: due_text,
        minutes_left: Some(left),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        crate::base::when::parse("t", s).unwrap()
    }

    #[test]
    fn overdue_due_soon_and_on_time_from_the_clock() {
        let due = deadline(t("2026-11-23 10:00"), 4);
        assert_eq!(due, t("2026-11-23 14:00"));
        assert_eq!(
            assess(due, true, None, t("2026-11-23 11:00"), 120).state,
            DeadlineState::OnTime
        );
        assert_eq!(
            assess(due, true, None, t("2026-11-23 12:00"), 120).state,
            DeadlineState::DueSoon
        );
        assert_eq!(
            assess(due, true, None, t("2026-11-23 14:00"), 120).state,
            DeadlineState::DueSoon
        );
        let late = assess(due, true, None, t("2026-11-23 14:30"), 120);
        assert_eq!(late.state, DeadlineState::Overdue);
        assert_eq!(late.minutes_left, Some(-30));
    }

    #[test]
    fn paused_time_does_not_count() {
        let due = deadline(t("2026-11-23 10:00"), 4);
        // Paused 11:00–13:00: due moves from 14:00 to 16:00.
        let due = after_pause(due, t("2026-11-23 11:00"), t("2026-11-23 13:00"));
        assert_eq!(due, t("2026-11-23 16:00"));
        assert_eq!(
            assess(due, true, None, t("2026-11-23 15:00"), 30).state,
            DeadlineState::OnTime
        );
        assert_eq!(
            assess(
                due,
                true,
                Some(t("2026-11-23 15:30")),
                t("2026-11-23 23:00"),
                30
            )
            .state,
            DeadlineState::Stopped
        );
        assert_eq!(
            assess(due, false, None, t("2026-11-24 23:00"), 30).state,
            DeadlineState::Finished
        );
    }

    /// The SQL every report and board uses and the Rust the slip screen uses give the same
    /// answer, on every combination of completed, paused and cancelled around the deadline.
    #[test]
    fn the_sql_and_the_rust_readings_of_overdue_agree() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE dispatch_slips (state TEXT, due_at TEXT, completed_at TEXT, paused_at TEXT);",
        )
        .unwrap();
        let due = t("2026-11-23 14:00");
        let times = [None, Some("2026-11-23 13:00"), Some("2026-11-23 15:00")];
        let now = t("2026-11-23 16:00");
        let mut checked = 0;
        for state in ["dispatched", "paused", "done", "cancelled"] {
            for completed in times {
                for paused in times {
                    let (completed, paused) = match state {
                        "paused" => (None, paused.or(Some("2026-11-23 13:00"))),
                        "done" => (completed.or(Some("2026-11-23 15:00")), None),
                        _ => (None, None),
                    };
                    let sql: bool = c
                        .query_row(
                            &format!(
                                "SELECT {} FROM (SELECT ?1 AS state, ?2 AS due_at, ?3 AS completed_at, ?4 AS paused_at) d",
                                overdue_sql("?5")
                            ),
                            rusqlite::params![
                                state,
                                crate::base::when::text(due),
                                completed.map(|x| crate::base::when::text(t(x))),
                                paused.map(|x| crate::base::when::text(t(x))),
                                crate::base::when::text(now)
                            ],
                            |r| r.get(0),
                        )
                        .unwrap();
                    let rust = match state {
                        "cancelled" => false,
                        "done" => completed.is_some_and(|x| t(x) > due),
                        _ => {
                            assess(due, true, paused.map(t), now, 30).state
                                == DeadlineState::Overdue
                        }
                    };
                    assert_eq!(
                        sql, rust,
                        "{state} completed {completed:?} paused {paused:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 36);
    }
}
