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

/// The state of a slip's clock. `working` is false once the work is done or the slip is
/// cancelled; `paused` stops the clock.
pub fn assess(
    due_at: NaiveDateTime,
    working: bool,
    paused: bool,
    now: NaiveDateTime,
    due_soon_minutes: i64,
) -> Deadline {
    let due_text = crate::when::text(due_at);
    if !working {
        return Deadline {
            state: DeadlineState::Finished,
            due_at: due_text,
            minutes_left: None,
        };
    }
    if paused {
        return Deadline {
            state: DeadlineState::Stopped,
            due_at: due_text,
            minutes_left: None,
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
        crate::when::parse("t", s).unwrap()
    }

    #[test]
    fn overdue_due_soon_and_on_time_from_the_clock() {
        let due = deadline(t("2026-11-23 10:00"), 4);
        assert_eq!(due, t("2026-11-23 14:00"));
        assert_eq!(
            assess(due, true, false, t("2026-11-23 11:00"), 120).state,
            DeadlineState::OnTime
        );
        assert_eq!(
            assess(due, true, false, t("2026-11-23 12:00"), 120).state,
            DeadlineState::DueSoon
        );
        assert_eq!(
            assess(due, true, false, t("2026-11-23 14:00"), 120).state,
            DeadlineState::DueSoon
        );
        let late = assess(due, true, false, t("2026-11-23 14:30"), 120);
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
            assess(due, true, false, t("2026-11-23 15:00"), 30).state,
            DeadlineState::OnTime
        );
        assert_eq!(
            assess(due, true, true, t("2026-11-23 23:00"), 30).state,
            DeadlineState::Stopped
        );
        assert_eq!(
            assess(due, false, false, t("2026-11-24 23:00"), 30).state,
            DeadlineState::Finished
        );
    }
}
