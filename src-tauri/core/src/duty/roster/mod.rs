//! The monthly roster (值班安排表): the supervisor drafts a staff × day grid of shift codes,
//! starts from a rotation fill, checks it, and publishes it; published rosters are frozen and
//! changed only by approved requests (overrides, see `requests`).

pub mod check;
pub mod coverage;
pub mod notices;
pub mod plan;
pub mod special_days;

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::ROSTER_EDITORS;
use crate::coded_enum;
use crate::duty::shifts::{self, Shift};
use crate::setup::staff::StaffId;
use crate::store::Store;
use crate::{base::audit, duty::settings as duty_settings};
use check::Validation;
use plan::{StaffBrief, DAY_FORMAT};

/// Who drafts and publishes rosters and decides requests.

/// A calendar month, "YYYY-MM".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub first: NaiveDate,
}

impl Month {
    pub fn parse(field: &str, text: &str) -> Result<Month> {
        NaiveDate::parse_from_str(&format!("{}-01", text.trim()), DAY_FORMAT)
            .map(|first| Month { first })
            .map_err(|_| {
                Error::invalid(
                    field,
                    format!("月份“{}”格式不正确，应为 YYYY-MM，如 2026-12", text.trim()),
                )
            })
    }
    pub fn of(day: NaiveDate) -> Month {
        Month {
            first: day.with_day(1).unwrap_or(day),
        }
    }
    pub fn key(self) -> String {
        self.first.format("%Y-%m").to_string()
    }
    /// The month as the desk says and prints it: 2026年12月 (never 2026-12 or 2026年01月).
    pub fn said(self) -> String {
        format!("{}年{}月", self.first.year(), self.first.month())
    }
    pub fn next_first(self) -> NaiveDate {
        (self.first + Duration::days(32))
            .with_day(1)
            .unwrap_or(self.first)
    }
    pub fn prev(self) -> Month {
        Month::of(self.first - Duration::days(1))
    }
    pub fn days(self) -> Vec<NaiveDate> {
        let next = self.next_first();
        self.first.iter_days().take_while(|d| *d < next).collect()
    }
}

coded_enum!(RosterStatus { Draft = ("draft", "草稿"), Published = ("published", "已发布") });

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DayHead {
    pub date: String,
    pub day: u32,
    /// 一 … 日.
    pub weekday: String,
    pub weekend: bool,
    /// A special day's reason (元旦、台风预警…): it needs a supervisor or manager on duty (R-DU-10).
    pub special: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RosterRow {
    pub staff: StaffBrief,
    /// The shift code per day of the month ("" = off), with approved changes applied.
    pub cells: Vec<String>,
    /// Per day: the cell was changed by an approved swap or leave.
    pub changed: Vec<bool>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RosterView {
    pub id: i64,
    pub month: String,
    pub status: RosterStatus,
    pub published_at: Option<String>,
    /// Who published it.
    pub published_by: Option<String>,
    pub published_late: bool,
    pub days: Vec<DayHead>,
    pub rows: Vec<RosterRow>,
    pub shifts: Vec<Shift>,
    pub validation: Validation,
}

pub(crate) fn roster_id(tx: &Transaction, month: Month) -> Result<Option<(i64, RosterStatus)>> {
    Ok(tx
        .query_row(
            "SELECT id, status FROM rosters WHERE month = ?1",
            [month.key()],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?
        .map(|(id, s)| {
            (
                id,
                if s == "published" {
                    RosterStatus::Published
                } else {
                    RosterStatus::Draft
                },
            )
        }))
}

fn require_roster(tx: &Transaction, month: Month) -> Result<(i64, RosterStatus)> {
    roster_id(tx, month)?
        .ok_or_else(|| Error::not_found("month", format!("{}的值班表尚未建立", month.said())))
}

fn require_draft(tx: &Transaction, month: Month) -> Result<i64> {
    match require_roster(tx, month)? {
        (id, RosterStatus::Draft) => Ok(id),
        (_, RosterStatus::Published) => Err(Error::conflict(
            "month",
            format!(
                "{} 的值班表已发布，不能再修改；调整请走调班/请假申请",
                month.key()
            ),
        )),
    }
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

/// The month's roster as shown and printed: cells with approved changes laid over them.
pub(crate) fn view(tx: &Transaction, month: Month) -> Result<RosterView> {
    let (id, status) = require_roster(tx, month)?;
    let (published_at, published_late, published_by): (Option<String>, bool, Option<String>) = tx.query_row(
        "SELECT r.published_at, r.published_late, p.name FROM rosters r LEFT JOIN staff p ON p.id = r.published_by WHERE r.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let days = month.days();
    let draft = (status == RosterStatus::Draft).then_some(id);
    let plan = plan::effective(
        tx,
        month.first,
        month.next_first() - Duration::days(1),
        draft,
        &[],
    )?;
    // Everyone who can stand duty, and anyone already on the grid.
    let mut people: Vec<StaffBrief> = Vec::new();
    let mut st = tx.prepare(
        "SELECT id FROM staff WHERE active = 1 AND role <> 'manager'
         ORDER BY CASE role WHEN 'receptionist' THEN 1 WHEN 'supervisor' THEN 2 WHEN 'technician' THEN 3 ELSE 4 END, name",
    )?;
    let ids: Vec<i64> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for sid in ids {
        people.push(plan::brief(tx, sid)?);
    }
    for a in &plan {
        if !people.iter().any(|p| p.id == a.staff.id) {
            people.push(a.staff.clone());
        }
    }
    let rows = people
        .into_iter()
        .map(|p| {
            let mut cells = vec![String::new(); days.len()];
            let mut changed = vec![false; days.len()];
            for a in plan.iter().filter(|a| a.staff.id == p.id) {
                let i = (a.day - month.first).num_days() as usize;
                if i < days.len() {
                    cells[i] = a.shift.code.clone();
                    changed[i] = a.overridden;
                }
            }
            RosterRow {
                staff: p,
                cells,
                changed,
            }
        })
        .collect();
    let special = special_days::of_month(tx, month)?;
    let heads = days
        .iter()
        .map(|d| {
            let w = d.weekday().num_days_from_monday() as usize;
            DayHead {
                date: d.format(DAY_FORMAT).to_string(),
                day: d.day(),
                weekday: WEEKDAYS[w].into(),
                weekend: w >= 5,
                special: special.get(d).cloned(),
            }
        })
        .collect();
    Ok(RosterView {
        id,
        month: month.key(),
        status,
        published_at,
        published_by,
        published_late,
        days: heads,
        rows,
        shifts: legend(tx, id)?,
        validation: check::month(tx, month, draft, &[])?,
    })
}

/// The shifts shown above the grid: for a published roster, with the times it was published with.
fn legend(tx: &Transaction, roster: i64) -> Result<Vec<shifts::Shift>> {
    let mut kept = tx.prepare(
        "SELECT start_time, end_time, covers_desk FROM roster_shift_times WHERE roster_id = ?1 AND shift_id = ?2",
    )?;
    let mut out = Vec::new();
    for s in shifts::all(tx)?.into_iter().filter(|s| s.active) {
        let then: Option<(String, String, bool)> = kept
            .query_row(params![roster, s.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        out.push(match then {
            Some((start, end, covers)) => s.with_times(&start, &end, covers),
            None => s,
        });
    }
    Ok(out)
}

/// The roster of `month` (draft or published), with its check.
pub fn get(store: &mut Store, ctx: &Ctx, month: &str) -> Result<RosterView> {
    ctx.actor()?;
    let m = Month::parse("month", month)?;
    store.read(|tx| view(tx, m))
}

/// Months that have a roster, newest first.
pub fn months(store: &mut Store, ctx: &Ctx) -> Result<Vec<String>> {
    ctx.actor()?;
    store.read(|tx| {
        Ok(tx
            .prepare("SELECT month FROM rosters ORDER BY month DESC")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    })
}

/// Starts an empty draft for `month`.
pub fn create(store: &mut Store, ctx: &Ctx, month: &str) -> Result<RosterView> {
    let me = ctx.require(ROSTER_EDITORS, "编排值班表")?.id;
    let m = Month::parse("month", month)?;
    if m.next_first() <= ctx.now.date() {
        return Err(Error::invalid(
            "month",
            format!("{}已经过去，不能再编排", m.said()),
        ));
    }
    store.write(|tx| {
        if roster_id(tx, m)?.is_some() {
            return Err(Error::conflict(
                "month",
                format!("{}的值班表已经存在", m.said()),
            ));
        }
        tx.execute(
            "INSERT INTO rosters (month, created_at, created_by) VALUES (?1, ?2, ?3)",
            params![m.key(), ctx.now.format(TIME_FORMAT).to_string(), me],
        )?;
        audit::record(
            tx,
            ctx,
            "新建值班表",
            "rosters",
            Some(tx.last_insert_rowid()),
            &m.key(),
        )?;
        view(tx, m)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CellInput {
    pub staff_id: StaffId,
    /// "YYYY-MM-DD".
    pub date: String,
    /// Shift code; "" clears the cell.
    pub code: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CellsInput {
    pub month: String,
    pub cells: Vec<CellInput>,
}

fn put_cell(tx: &Transaction, roster: i64, month: Month, c: &CellInput) -> Result<()> {
    let day = NaiveDate::parse_from_str(c.date.trim(), DAY_FORMAT).map_err(|_| {
        Error::invalid(
            "date",
            format!("日期“{}”格式不正确，应为 YYYY-MM-DD", c.date),
        )
    })?;
    if Month::of(day) != month {
        return Err(Error::invalid(
            "date",
            format!("{} 不在{}内", c.date, month.said()),
        ));
    }
    let who = crate::setup::staff::get(tx, c.staff_id)?;
    if !who.active {
        return Err(Error::invalid(
            "staff_id",
            format!("{} 已停用，不能排班", who.name),
        ));
    }
    let d = day.format(DAY_FORMAT).to_string();
    if c.code.trim().is_empty() {
        tx.execute(
            "DELETE FROM roster_cells WHERE roster_id = ?1 AND staff_id = ?2 AND day = ?3",
            params![roster, c.staff_id, d],
        )?;
    } else {
        let s = shifts::by_code(tx, "code", &c.code)?;
        tx.execute(
            "INSERT INTO roster_cells (roster_id, staff_id, day, shift_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (roster_id, staff_id, day) DO UPDATE SET shift_id = excluded.shift_id",
            params![roster, c.staff_id, d, s.id],
        )?;
    }
    Ok(())
}

/// Sets cells of a draft (one or many: typing in the grid, pasting a row).
pub fn set_cells(store: &mut Store, ctx: &Ctx, input: CellsInput) -> Result<RosterView> {
    ctx.require(ROSTER_EDITORS, "编排值班表")?;
    let m = Month::parse("month", &input.month)?;
    store.write(|tx| {
        let id = require_draft(tx, m)?;
        for c in &input.cells {
            put_cell(tx, id, m, c)?;
        }
        let summary: Vec<String> = input
            .cells
            .iter()
            .map(|c| format!("{} {} {}", c.staff_id, c.date, c.code))
            .take(20)
            .collect();
        audit::record(
            tx,
            ctx,
            "编排值班表",
            "rosters",
            Some(id),
            &summary.join("; "),
        )?;
        view(tx, m)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RotationInput {
    pub month: String,
    /// The people in the rotation, in order; person k starts k steps into the pattern.
    pub staff_ids: Vec<StaffId>,
    /// Shift codes repeated day after day; "" or "休" is a day off. E.g. 夜,休,休.
    pub pattern: Vec<String>,
}

/// Fills the draft for the listed people by rotating the pattern: person k works
/// `pattern[(day + k) % len]`. Their other cells in the month are replaced.
pub fn fill_rotation(store: &mut Store, ctx: &Ctx, input: RotationInput) -> Result<RosterView> {
    ctx.require(ROSTER_EDITORS, "编排值班表")?;
    let m = Month::parse("month", &input.month)?;
    if input.staff_ids.is_empty() {
        return Err(Error::invalid("staff_ids", "请选择参加轮班的人员"));
    }
    if input.pattern.is_empty() {
        return Err(Error::invalid("pattern", "请填写轮班顺序，如 夜，休，休"));
    }
    store.write(|tx| {
        let id = require_draft(tx, m)?;
        let codes: Vec<String> = input
            .pattern
            .iter()
            .map(|p| {
                if p.trim() == "休" {
                    String::new()
                } else {
                    p.trim().to_string()
                }
            })
            .collect();
        for c in codes.iter().filter(|c| !c.is_empty()) {
            shifts::by_code(tx, "pattern", c)?;
        }
        for (k, sid) in input.staff_ids.iter().enumerate() {
            for (i, day) in m.days().iter().enumerate() {
                let code = codes[(i + k) % codes.len()].clone();
                put_cell(
                    tx,
                    id,
                    m,
                    &CellInput {
                        staff_id: *sid,
                        date: day.format(DAY_FORMAT).to_string(),
                        code,
                    },
                )?;
            }
        }
        audit::record(
            tx,
            ctx,
            "轮班填充",
            "rosters",
            Some(id),
            &format!(
                "{} 人，顺序 {}",
                input.staff_ids.len(),
                input.pattern.join(",")
            ),
        )?;
        view(tx, m)
    })
}

/// Checks the draft or published roster of `month`.
pub fn validate(store: &mut Store, ctx: &Ctx, month: &str) -> Result<Validation> {
    ctx.actor()?;
    let m = Month::parse("month", month)?;
    store.read(|tx| {
        let (id, status) = require_roster(tx, m)?;
        check::month(tx, m, (status == RosterStatus::Draft).then_some(id), &[])
    })
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Published {
    pub roster: RosterView,
    /// E.g. published later than a week before the month (R-DU-5).
    pub warnings: Vec<String>,
}

/// Publishes (locks) the draft. Refused while any gap or problem remains; the refusal lists them.
pub fn publish(store: &mut Store, ctx: &Ctx, month: &str) -> Result<Published> {
    let me = ctx.require(ROSTER_EDITORS, "发布值班表")?.id;
    let m = Month::parse("month", month)?;
    store.write(|tx| {
        let id = require_draft(tx, m)?;
        let v = check::month(tx, m, Some(id), &[])?;
        if !v.ok {
            let lines = v.lines();
            let shown: Vec<String> = lines.iter().take(8).cloned().collect();
            let more = if lines.len() > 8 { format!(" 等共 {} 项", lines.len()) } else { String::new() };
            let field = if v.gaps.is_empty() { "problems" } else { "gaps" };
            return Err(Error::conflict(field, format!("值班表不能发布：{}{more}", shown.join("；"))));
        }
        let settings = duty_settings::load(tx)?;
        let deadline = m.first - Duration::days(settings.publish_lead_days);
        let late = ctx.now.date() > deadline;
        tx.execute(
            "UPDATE rosters SET status = 'published', published_at = ?1, published_by = ?2, published_late = ?3 WHERE id = ?4",
            params![ctx.now.format(TIME_FORMAT).to_string(), me, late, id],
        )?;
        // The times it is published with stay with it (see plan::effective).
        tx.execute(
            "INSERT INTO roster_shift_times (roster_id, shift_id, start_time, end_time, covers_desk)
             SELECT ?1, id, start_time, end_time, covers_desk FROM shifts",
            [id],
        )?;
        let mut warnings = v.warnings.clone();
        if late {
            warnings.push(format!(
                "按规定值班表应在 {} 之前（提前 {} 天）发布，本次发布已晚",
                deadline.format("%-m月%-d日"),
                settings.publish_lead_days
            ));
        }
        audit::record(tx, ctx, "发布值班表", "rosters", Some(id), &format!("{}{}", m.key(), if late { "（晚于规定）" } else { "" }))?;
        Ok(Published { roster: view(tx, m)?, warnings })
    })
}

#[cfg(test)]
mod approval_tests;
#[cfg(test)]
mod draw_up_tests;
#[cfg(test)]
mod noon_tests;
#[cfg(test)]
mod request_tests;
#[cfg(test)]
mod special_days_tests;
#[cfg(test)]
mod tests;
