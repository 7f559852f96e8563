//! Checking a month's plan: desk coverage of every minute (R-DU-1), the people and roles each
//! shift needs (R-DU-2), nobody on two overlapping shifts, and the minimum rest between shifts.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::coverage::{self, Gap};
use super::plan::{self, Assignment, Change};
use super::Month;
use crate::base::error::Result;
use crate::coded_enum;
use crate::duty::settings as duty_settings;
use crate::duty::shifts::{self, Shift};

coded_enum!(
    ProblemKind {
        People = ("people", "人数不符"),
        Role = ("role", "缺少岗位"),
        Overlap = ("overlap", "班次重叠"),
        Rest = ("rest", "休息不足"),
        Responsible = ("responsible", "缺少负责人"),
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Problem {
    pub kind: ProblemKind,
    pub date: String,
    pub staff_id: Option<i64>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Validation {
    pub month: String,
    /// No gap and no problem: the roster may be published.
    pub ok: bool,
    pub gaps: Vec<Gap>,
    pub problems: Vec<Problem>,
    /// Things to know that do not block publishing.
    pub warnings: Vec<String>,
}

impl Validation {
    /// Every gap and problem as one line each, for refusals.
    pub fn lines(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .gaps
            .iter()
            .map(|g| format!("空档 {}", g.text))
            .collect();
        v.extend(self.problems.iter().map(|p| p.message.clone()));
        v
    }
}

/// The headcount and roles of shift `s` on `day`, with `people` on it (or on a shift keeping it).
fn check_people(problems: &mut Vec<Problem>, day: NaiveDate, s: &Shift, people: &[&Assignment]) {
    let n = people.len() as i64;
    let date = day.format(plan::DAY_FORMAT).to_string();
    if n < s.min_people || n > s.max_people {
        let times = s.times_label();
        problems.push(Problem {
            kind: ProblemKind::People,
            date: date.clone(),
            staff_id: None,
            message: if n == 0 {
                format!(
                    "{} {}（{times}）没有安排人，应为 {}–{} 人",
                    md(day),
                    s.name,
                    s.min_people,
                    s.max_people
                )
            } else {
                format!(
                    "{} {}安排了 {n} 人，应为 {}–{} 人",
                    md(day),
                    s.name,
                    s.min_people,
                    s.max_people
                )
            },
        });
    }
    if n == 0 {
        return;
    }
    for role in &s.required_roles {
        if !people.iter().any(|a| a.staff.role == *role) {
            problems.push(Problem {
                kind: ProblemKind::Role,
                date: date.clone(),
                staff_id: None,
                message: format!("{} {}需要{}，目前没有安排", md(day), s.name, role.label()),
            });
        }
    }
}

fn md(d: NaiveDate) -> String {
    d.format("%-m月%-d日").to_string()
}

/// Checks `month` as planned: the draft `draft` if given (else the published plan), with
/// approved overrides and the proposed `extra` changes.
pub fn month(
    tx: &Transaction,
    month: Month,
    draft: Option<i64>,
    extra: &[Change],
) -> Result<Validation> {
    let settings = duty_settings::load(tx)?;
    let (first, next) = (month.first, month.next_first());
    // The previous day's night shift reaches into the 1st.
    let plan = plan::effective(
        tx,
        first - Duration::days(1),
        next - Duration::days(1),
        draft,
        extra,
    )?;
    let start = first.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = next.and_hms_opt(0, 0, 0).unwrap_or_default();
    let spans: Vec<_> = plan
        .iter()
        .filter(|a| a.shift.covers_desk)
        .map(|a| a.shift.span(a.day))
        .collect();
    let mut stretches = coverage::uncovered(start, end, &spans);
    let mut warnings = Vec::new();
    // The first month kept here: the night before it was planned on paper, so the stretch
    // before the first shift on the 1st cannot be checked. Said plainly, not counted as a gap.
    let prev = month.prev().key();
    let prev_published: Option<String> = tx
        .query_row(
            "SELECT status FROM rosters WHERE month = ?1 AND status = 'published'",
            [&prev],
            |r| r.get(0),
        )
        .optional()?;
    if prev_published.is_none() {
        if let Some(&(a, b)) = stretches.first() {
            if a == start && b < start + Duration::days(1) {
                warnings.push(format!(
                    "上月（{prev}）没有已发布的值班表，{} 00:00–{} 由上月安排值守，无法核对",
                    md(first),
                    b.format("%H:%M")
                ));
                stretches.remove(0);
            }
        }
    }
    let gaps = coverage::to_gaps(&stretches);

    let mut problems = Vec::new();
    // People and roles of every shift on every day of the month (R-DU-2): a shift nobody was put
    // on is short too (a month without its noon person, R-DU-13). A shift that keeps others
    // (白+中) counts toward each of them rather than for itself.
    let mut checked: Vec<Shift> = shifts::all(tx)?
        .into_iter()
        .filter(|s| s.active && s.includes.is_empty())
        .collect();
    for a in plan
        .iter()
        .filter(|a| a.day >= first && a.shift.includes.is_empty())
    {
        if !checked.iter().any(|s| s.id == a.shift.id) {
            checked.push(a.shift.clone());
        }
    }
    for day in month.days() {
        for plain in &checked {
            let people: Vec<&Assignment> = plan
                .iter()
                .filter(|a| a.day == day && a.shift.keeps(plain))
                .collect();
            // The times the plan holds (as published), else the template's.
            let s = people
                .iter()
                .find(|a| a.shift.id == plain.id)
                .map_or(plain, |a| &a.shift);
            check_people(&mut problems, day, s, &people);
        }
    }
    // Special days need a supervisor or manager on duty (R-DU-10): on a shift starting that day.
    for (day, reason) in super::special_days::of_month(tx, month)? {
        let leader = plan.iter().any(|a| {
            a.day == day
                && matches!(
                    a.staff.role,
                    crate::base::role::Role::Supervisor | crate::base::role::Role::Manager
                )
        });
        if !leader {
            problems.push(Problem {
                kind: ProblemKind::Responsible,
                date: day.format(plan::DAY_FORMAT).to_string(),
                staff_id: None,
                message: format!(
                    "{}（{reason}）是特殊日，须有主管或经理值班，目前没有安排",
                    md(day)
                ),
            });
        }
    }
    // Overlaps and rest, per person, in time order.
    let mut by_person: BTreeMap<i64, Vec<&Assignment>> = BTreeMap::new();
    for a in &plan {
        by_person.entry(a.staff.id).or_default().push(a);
    }
    for list in by_person.values_mut() {
        list.sort_by_key(|a| a.shift.span(a.day).0);
        for pair in list.windows(2) {
            let (x, y) = (pair[0], pair[1]);
            if y.day < first {
                continue;
            }
            let (_, x_end) = x.shift.span(x.day);
            let (y_start, _) = y.shift.span(y.day);
            let date = y.day.format(plan::DAY_FORMAT).to_string();
            if y_start < x_end {
                problems.push(Problem {
                    kind: ProblemKind::Overlap,
                    date,
                    staff_id: Some(y.staff.id),
                    message: format!(
                        "{} 的 {} {} 与 {} {} 时间重叠",
                        y.staff.name,
                        md(x.day),
                        x.shift.name,
                        md(y.day),
                        y.shift.name
                    ),
                });
            } else if (y_start - x_end).num_minutes() < settings.min_rest_minutes {
                problems.push(Problem {
                    kind: ProblemKind::Rest,
                    date,
                    staff_id: Some(y.staff.id),
                    message: format!(
                        "{} 在 {} {} 下班后只休息 {} 分钟就上 {} {}，少于规定的 {} 分钟",
                        y.staff.name,
                        md(x.day),
                        x.shift.name,
                        (y_start - x_end).num_minutes(),
                        md(y.day),
                        y.shift.name,
                        settings.min_rest_minutes
                    ),
                });
            }
        }
    }
    Ok(Validation {
        month: month.key(),
        ok: gaps.is_empty() && problems.is_empty(),
        gaps,
        problems,
        warnings,
    })
}
