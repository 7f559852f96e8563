//! Shift templates (班次): name, grid code, times (a shift may cross midnight), the roles it
//! needs, how many people, where it is worked and whether it counts toward desk coverage.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::{Role, SETUP_EDITORS};
use crate::coded_enum;
use crate::store::Store;
use crate::{base::audit, base::validate};

pub type ShiftId = i64;

coded_enum!(
    ShiftPlace {
        /// 在岗:worked at the desk.
    Desk = ("desk", "在岗"),
        /// 听班:on call, reachable but not at the desk.
    OnCall = ("on_call", "听班"),
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Shift {
    pub id: ShiftId,
    pub name: String,
    pub code: String,
    /// "HH:MM".
    pub start_time: String,
    pub end_time: String,
    /// Ends the next day (end at or before start).
    pub crosses_midnight: bool,
    pub minutes: i64,
    pub required_roles: Vec<Role>,
    pub min_people: i64,
    pub max_people: i64,
    pub place: ShiftPlace,
    pub covers_desk: bool,
    pub color: String,
    pub active: bool,
    pub sort: i64,
    /// The codes of the shifts this one also keeps, within its hours (白+中 keeps 白 and 中,
    /// R-DU-13); empty for an ordinary shift.
    pub includes: Vec<String>,
}

impl Shift {
    /// Whether someone on this shift is on `other`: it is `other`, or keeps it.
    pub fn keeps(&self, other: &Shift) -> bool {
        self.id == other.id || self.includes.iter().any(|c| *c == other.code)
    }
    fn start(&self) -> NaiveTime {
        NaiveTime::parse_from_str(&self.start_time, "%H:%M").unwrap_or(NaiveTime::MIN)
    }
    /// When this shift, worked on `day`, begins and ends.
    pub fn span(&self, day: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
        let start = day.and_time(self.start());
        (start, start + Duration::minutes(self.minutes))
    }
    /// "17:30–次日09:00".
    pub fn times_label(&self) -> String {
        let next = if self.crosses_midnight { "次日" } else { "" };
        format!("{}–{next}{}", self.start_time, self.end_time)
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ShiftInput {
    pub name: String,
    pub code: String,
    pub start_time: String,
    pub end_time: String,
    #[serde(default)]
    pub required_roles: Vec<Role>,
    pub min_people: i64,
    pub max_people: i64,
    pub place: ShiftPlace,
    pub covers_desk: bool,
    #[serde(default = "default_color")]
    pub color: String,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub sort: i64,
    /// Codes of the shifts this one also keeps (e.g. 白, 中 for 白+中); each within its hours.
    #[serde(default)]
    pub includes: Vec<String>,
}

fn yes() -> bool {
    true
}
fn default_color() -> String {
    "#409eff".into()
}

const SELECT: &str =
    "SELECT id, name, code, start_time, end_time, required_roles, min_people, max_people, place,
     covers_desk, color, active, sort, includes FROM shifts";

fn minutes_between(start: &str, end: &str) -> i64 {
    let m = |t: &str| {
        NaiveTime::parse_from_str(t, "%H:%M")
            .map(|t| (t - NaiveTime::MIN).num_minutes())
            .unwrap_or(0)
    };
    let d = m(end) - m(start);
    if d <= 0 {
        d + 1440
    } else {
        d
    }
}

impl Shift {
    /// This shift as it was at some earlier time: other start/end and desk cover, the rest as now.
    pub fn with_times(&self, start: &str, end: &str, covers_desk: bool) -> Shift {
        Shift {
            start_time: start.to_string(),
            end_time: end.to_string(),
            crosses_midnight: end <= start,
            minutes: minutes_between(start, end),
            covers_desk,
            ..self.clone()
        }
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Shift> {
    let start: String = r.get(3)?;
    let end: String = r.get(4)?;
    let roles: String = r.get(5)?;
    let place: String = r.get(8)?;
    Ok(Shift {
        id: r.get(0)?,
        name: r.get(1)?,
        code: r.get(2)?,
        crosses_midnight: end <= start,
        minutes: minutes_between(&start, &end),
        start_time: start,
        end_time: end,
        required_roles: roles
            .split(',')
            .filter(|s| !s.is_empty())
            .filter_map(|s| Role::parse("required_roles", s).ok())
            .collect(),
        min_people: r.get(6)?,
        max_people: r.get(7)?,
        place: if place == "on_call" {
            ShiftPlace::OnCall
        } else {
            ShiftPlace::Desk
        },
        covers_desk: r.get(9)?,
        color: r.get(10)?,
        active: r.get(11)?,
        sort: r.get(12)?,
        includes: r
            .get::<_, String>(13)?
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// Every template, active first, in the office's order.
pub fn all(tx: &Transaction) -> Result<Vec<Shift>> {
    Ok(tx
        .prepare(&format!("{SELECT} ORDER BY active DESC, sort, id"))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn get(tx: &Transaction, id: ShiftId) -> Result<Shift> {
    tx.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("shift_id", format!("找不到编号为 {id} 的班次")))
}

/// The template typed as `code` in the roster grid.
pub fn by_code(tx: &Transaction, field: &str, code: &str) -> Result<Shift> {
    tx.query_row(
        &format!("{SELECT} WHERE code = ?1 AND active = 1"),
        [code.trim()],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::invalid(field, format!("没有代码为“{}”的班次", code.trim())))
}

pub fn list(store: &mut Store, ctx: &Ctx) -> Result<Vec<Shift>> {
    ctx.actor()?;
    store.read(all)
}

fn parse_time(field: &str, label: &str, text: &str) -> Result<String> {
    let t = NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        Error::invalid(
            field,
            format!("{label}“{}”格式不正确，应为 时：分，如 08:30", text.trim()),
        )
    })?;
    Ok(t.format("%H:%M").to_string())
}

struct Clean {
    name: String,
    code: String,
    start: String,
    end: String,
    roles: String,
    input: ShiftInput,
}

fn clean(input: ShiftInput) -> Result<Clean> {
    let name = validate::required("name", "班次名称", &input.name, 20)?;
    let code = validate::required("code", "班次代码", &input.code, 4)?;
    if code.contains(',') || code.contains(' ') {
        return Err(Error::invalid("code", "班次代码不能含逗号或空格"));
    }
    let start = parse_time("start_time", "上班时间", &input.start_time)?;
    let end = parse_time("end_time", "下班时间", &input.end_time)?;
    if start == end {
        return Err(Error::invalid(
            "end_time",
            "下班时间不能与上班时间相同（跨夜班次请填次日的下班时间，如 17:30–09:00）",
        ));
    }
    if !(0..=20).contains(&input.min_people) {
        return Err(Error::invalid("min_people", "最少人数应在 0 到 20 之间"));
    }
    if !(1..=20).contains(&input.max_people) || input.max_people < input.min_people {
        return Err(Error::invalid(
            "max_people",
            "最多人数应在 1 到 20 之间，且不少于最少人数",
        ));
    }
    let c = input.color.trim();
    if !(c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())) {
        return Err(Error::invalid("color", "颜色应为 #RRGGBB"));
    }
    let mut roles: Vec<&str> = input.required_roles.iter().map(|r| r.code()).collect();
    roles.sort();
    roles.dedup();
    let roles = roles.join(",");
    Ok(Clean {
        name,
        code,
        start,
        end,
        roles,
        input,
    })
}

/// The shifts `c` keeps, checked: each exists, keeps none itself, and lies within `c`'s hours.
fn kept(tx: &Transaction, c: &Clean) -> Result<String> {
    let minutes = minutes_between(&c.start, &c.end);
    let mut codes: Vec<String> = Vec::new();
    for code in c
        .input
        .includes
        .iter()
        .map(|x| x.trim())
        .filter(|x| !x.is_empty())
    {
        if code == c.code {
            return Err(Error::invalid("includes", "班次不能包含它自己"));
        }
        let inner = by_code(tx, "includes", code)?;
        if !inner.includes.is_empty() {
            return Err(Error::invalid(
                "includes",
                format!("“{}”本身包含其他班次，不能再被包含", inner.name),
            ));
        }
        let offset = minutes_between(&c.start, &inner.start_time) % 1440;
        if offset + inner.minutes > minutes {
            return Err(Error::invalid(
                "includes",
                format!(
                    "“{}”（{}）不在本班次 {}–{} 之内",
                    inner.name,
                    inner.times_label(),
                    c.start,
                    c.end
                ),
            ));
        }
        if !codes.iter().any(|x| x == code) {
            codes.push(code.to_string());
        }
    }
    Ok(codes.join(","))
}

fn clash(tx: &Transaction, c: &Clean, id: Option<ShiftId>) -> Result<()> {
    let other: Option<i64> = tx
        .query_row("SELECT id FROM shifts WHERE name = ?1", [&c.name], |r| {
            r.get(0)
        })
        .optional()?;
    if other.is_some_and(|o| Some(o) != id) {
        return Err(Error::conflict("name", format!("班次“{}”已存在", c.name)));
    }
    let other: Option<i64> = tx
        .query_row("SELECT id FROM shifts WHERE code = ?1", [&c.code], |r| {
            r.get(0)
        })
        .optional()?;
    if other.is_some_and(|o| Some(o) != id) {
        return Err(Error::conflict(
            "code",
            format!("班次代码“{}”已被使用", c.code),
        ));
    }
    Ok(())
}

pub fn add(store: &mut Store, ctx: &Ctx, input: ShiftInput) -> Result<Shift> {
    ctx.require(SETUP_EDITORS, "新增班次")?;
    let c = clean(input)?;
    store.write(|tx| {
        clash(tx, &c, None)?;
        let includes = kept(tx, &c)?;
        let i = &c.input;
        tx.execute(
            "INSERT INTO shifts (name, code, start_time, end_time, required_roles, min_people, max_people, place, covers_desk, color, active, sort, includes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![c.name, c.code, c.start, c.end, c.roles, i.min_people, i.max_people, i.place.code(), i.covers_desk,
                    i.color.trim().to_ascii_lowercase(), i.active, i.sort, includes],
        )?;
        let s = get(tx, tx.last_insert_rowid())?;
        audit::record(tx, ctx, "新增班次", "shifts", Some(s.id), &format!("{}({}){}", s.name, s.code, s.times_label()))?;
        Ok(s)
    })
}

pub fn update(store: &mut Store, ctx: &Ctx, id: ShiftId, input: ShiftInput) -> Result<Shift> {
    ctx.require(SETUP_EDITORS, "修改班次")?;
    let c = clean(input)?;
    store.write(|tx| {
        let before = get(tx, id)?;
        clash(tx, &c, Some(id))?;
        let includes = kept(tx, &c)?;
        let i = &c.input;
        tx.execute(
            "UPDATE shifts SET name = ?1, code = ?2, start_time = ?3, end_time = ?4, required_roles = ?5, min_people = ?6,
             max_people = ?7, place = ?8, covers_desk = ?9, color = ?10, active = ?11, sort = ?12, includes = ?13 WHERE id = ?14",
            params![c.name, c.code, c.start, c.end, c.roles, i.min_people, i.max_people, i.place.code(), i.covers_desk,
                    i.color.trim().to_ascii_lowercase(), i.active, i.sort, includes, id],
        )?;
        let after = get(tx, id)?;
        audit::record(tx, ctx, "修改班次", "shifts", Some(id), &audit::diff(&before, &after))?;
        Ok(after)
    })
}
