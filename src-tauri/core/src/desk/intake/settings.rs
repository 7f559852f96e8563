//! The intake settings the office sets once: repeat-repair window, night-log window,
//! due-soon warning, complaint reply times by urgency and when an overdue reply escalates, and
//! how soon after completion a slip's return visit is due.

use chrono::{NaiveTime, Timelike};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::SETUP_EDITORS;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeSettings {
    /// Same room and category within this many days warns of a repeat repair.
    pub repeat_repair_days: i64,
    /// Night log window start, HH:MM (default 17:30).
    pub night_start: String,
    /// Night log window end, HH:MM, next day when earlier than the start (default 09:00).
    pub night_end: String,
    /// A slip shows 即将超时 this many minutes before its deadline.
    pub due_soon_minutes: i64,
    /// An ordinary complaint is to be answered within this many hours.
    pub complaint_reply_hours: i64,
    /// An urgent or major complaint is to be answered within this many hours (R-CP-4).
    pub complaint_urgent_reply_hours: i64,
    /// A complaint still unanswered this many hours past its deadline goes to the manager.
    pub complaint_overdue_escalate_hours: i64,
    /// A done slip is to be visited (an answered return visit) within this many hours of its
    /// completion (R-DS-7); past it the slip shows on the 回访超时 board.
    pub return_visit_hours: i64,
}

impl IntakeSettings {
    pub fn night_window(&self) -> (NaiveTime, NaiveTime) {
        let p = |s: &str, d| NaiveTime::parse_from_str(s, "%H:%M").unwrap_or(d);
        (
            p(
                &self.night_start,
                NaiveTime::from_hms_opt(17, 30, 0).unwrap_or_default(),
            ),
            p(
                &self.night_end,
                NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            ),
        )
    }

    /// Whether a time of day falls in the night window (which may cross midnight).
    pub fn is_night(&self, t: NaiveTime) -> bool {
        let (start, end) = self.night_window();
        let t = t.with_second(0).unwrap_or(t);
        if start <= end {
            start <= t && t < end
        } else {
            t >= start || t < end
        }
    }
}

pub fn load(tx: &Transaction) -> Result<IntakeSettings> {
    Ok(tx.query_row(
        "SELECT repeat_repair_days, night_start, night_end, due_soon_minutes, complaint_reply_hours,
                complaint_urgent_reply_hours, complaint_overdue_escalate_hours, return_visit_hours
         FROM intake_settings WHERE id = 1",
        [],
        |r| {
            Ok(IntakeSettings {
                repeat_repair_days: r.get(0)?,
                night_start: r.get(1)?,
                night_end: r.get(2)?,
                due_soon_minutes: r.get(3)?,
                complaint_reply_hours: r.get(4)?,
                complaint_urgent_reply_hours: r.get(5)?,
                complaint_overdue_escalate_hours: r.get(6)?,
                return_visit_hours: r.get(7)?,
            })
        },
    )?)
}

pub fn get(store: &mut Store, ctx: &Ctx) -> Result<IntakeSettings> {
    ctx.actor()?;
    store.read(load)
}

fn hhmm(field: &str, v: &str) -> Result<String> {
    NaiveTime::parse_from_str(v.trim(), "%H:%M")
        .map(|t| t.format("%H:%M").to_string())
        .map_err(|_| {
            Error::invalid(
                field,
                format!("时间“{}”格式不正确，应为 HH:MM，如 17:30", v.trim()),
            )
        })
}

pub fn update(store: &mut Store, ctx: &Ctx, input: IntakeSettings) -> Result<IntakeSettings> {
    ctx.require(SETUP_EDITORS, "修改受理设置")?;
    // Every number out of range is said at once, each under its field.
    let mut errors = FieldErrors::default();
    let mut within = |field: &str, value: i64, range: std::ops::RangeInclusive<i64>, said: &str| {
        if !range.contains(&value) {
            errors.add(
                field,
                format!("{said}应在 {} 到 {} 之间", range.start(), range.end()),
            );
        }
    };
    within(
        "repeat_repair_days",
        input.repeat_repair_days,
        1..=365,
        "重复报修提醒天数",
    );
    within(
        "due_soon_minutes",
        input.due_soon_minutes,
        0..=10080,
        "即将超时提醒（分钟）",
    );
    within(
        "complaint_reply_hours",
        input.complaint_reply_hours,
        1..=720,
        "投诉答复时限（小时）",
    );
    within(
        "complaint_urgent_reply_hours",
        input.complaint_urgent_reply_hours,
        1..=720,
        "紧急投诉答复时限（小时）",
    );
    within(
        "complaint_overdue_escalate_hours",
        input.complaint_overdue_escalate_hours,
        1..=720,
        "超时上报经理的时间（小时）",
    );
    within(
        "return_visit_hours",
        input.return_visit_hours,
        1..=720,
        "回访时限（小时）",
    );
    let start = errors.take(hhmm("night_start", &input.night_start));
    let end = errors.take(hhmm("night_end", &input.night_end));
    if !start.is_empty() && start == end {
        errors.add("night_end", "夜间值班的开始和结束时间不能相同");
    }
    errors.finish()?;
    store.write(|tx| {
        let before = load(tx)?;
        tx.execute(
            "UPDATE intake_settings SET repeat_repair_days = ?1, night_start = ?2, night_end = ?3, due_soon_minutes = ?4,
                 complaint_reply_hours = ?5, complaint_urgent_reply_hours = ?6, complaint_overdue_escalate_hours = ?7,
                 return_visit_hours = ?8 WHERE id = 1",
            params![input.repeat_repair_days, start, end, input.due_soon_minutes, input.complaint_reply_hours,
                input.complaint_urgent_reply_hours, input.complaint_overdue_escalate_hours, input.return_visit_hours],
        )?;
        let after = load(tx)?;
        audit::record(tx, ctx, "修改受理设置", "intake_settings", Some(1), &audit::diff(&before, &after))?;
        Ok(after)
    })
}
