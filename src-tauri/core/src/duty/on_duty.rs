//! Who is on duty at an instant: the published roster with approved changes, plus security
//! cover (代值, R-DU-6) recorded with start, end, reason and who covered.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::{Role, ANYONE};
use crate::duty::roster::plan::{self, StaffBrief};
use crate::duty::shifts::ShiftPlace;
use crate::setup::staff::StaffId;
use crate::store::Store;
use crate::{base::audit, base::validate};

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OnDutyPerson {
    pub staff: StaffBrief,
    pub shift_name: String,
    pub shift_code: String,
    pub color: String,
    pub place: ShiftPlace,
    pub covers_desk: bool,
    /// "YYYY-MM-DD HH:MM:SS".
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Cover {
    pub id: i64,
    pub cover: StaffBrief,
    pub for_staff: Option<StaffBrief>,
    pub start_at: String,
    pub end_at: Option<String>,
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OnDuty {
    pub at: String,
    pub people: Vec<OnDutyPerson>,
    /// Security covering the desk right now.
    pub covers: Vec<Cover>,
    /// Someone at the desk (a desk-covering shift or a cover) at this instant.
    pub desk_covered: bool,
}

/// Everyone whose planned shift includes `at` (shifts from the day before can reach past midnight).
pub fn people_at(tx: &Transaction, at: NaiveDateTime) -> Result<Vec<OnDutyPerson>> {
    let day = at.date();
    let plan = plan::effective(tx, day - Duration::days(1), day, None, &[])?;
    let mut out: Vec<OnDutyPerson> = plan
        .into_iter()
        .filter_map(|a| {
            let (from, to) = a.shift.span(a.day);
            (from <= at && at < to).then(|| OnDutyPerson {
                staff: a.staff,
                shift_name: a.shift.name.clone(),
                shift_code: a.shift.code.clone(),
                color: a.shift.color.clone(),
                place: a.shift.place,
                covers_desk: a.shift.covers_desk,
                from: from.format(TIME_FORMAT).to_string(),
                to: to.format(TIME_FORMAT).to_string(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.from.cmp(&b.from).then(a.staff.name.cmp(&b.staff.name)));
    Ok(out)
}

const COVER_SELECT: &str = "SELECT c.id, c.cover_staff_id, c.for_staff_id, c.start_at, c.end_at, c.reason, s.name, c.recorded_at
     FROM duty_covers c JOIN staff s ON s.id = c.recorded_by";

fn cover_row(
    r: &Row,
) -> rusqlite::Result<(
    i64,
    i64,
    Option<i64>,
    String,
    Option<String>,
    String,
    String,
    String,
)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

fn covers_where(
    tx: &Transaction,
    clause: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Cover>> {
    let rows: Vec<_> = tx
        .prepare(&format!("{COVER_SELECT} {clause}"))?
        .query_map(args, cover_row)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(
            |(id, c, f, start_at, end_at, reason, recorded_by, recorded_at)| {
                Ok(Cover {
                    id,
                    cover: plan::brief(tx, c)?,
                    for_staff: f.map(|f| plan::brief(tx, f)).transpose()?,
                    start_at,
                    end_at,
                    reason,
                    recorded_by,
                    recorded_at,
                })
            },
        )
        .collect()
}

/// 代值 covers overlapping [from, to) (stored-time bounds), earliest first: the night log's.
pub fn covers_between(tx: &Transaction, from: &str, to: &str) -> Result<Vec<Cover>> {
    covers_where(
        tx,
        "WHERE c.start_at < ?2 AND (c.end_at IS NULL OR c.end_at > ?1) ORDER BY c.start_at",
        &[&from, &to],
    )
}

pub fn covers_at(tx: &Transaction, at: NaiveDateTime) -> Result<Vec<Cover>> {
    let t = at.format(TIME_FORMAT).to_string();
    covers_where(
        tx,
        "WHERE c.start_at <= ?1 AND (c.end_at IS NULL OR c.end_at > ?1) ORDER BY c.start_at",
        &[&t],
    )
}

fn parse_time(field: &str, text: &str) -> Result<NaiveDateTime> {
    for f in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text.trim(), f) {
            return Ok(t);
        }
    }
    Err(Error::invalid(
        field,
        format!("时间“{}”格式不正确，应为 YYYY-MM-DD HH:MM", text.trim()),
    ))
}

/// `text` as a time, or `now` when empty.
pub fn time_or_now(field: &str, text: Option<&str>, now: NaiveDateTime) -> Result<NaiveDateTime> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => parse_time(field, t),
        None => Ok(now),
    }
}

/// Who is on duty at `at` (default: now).
pub fn on_duty(store: &mut Store, ctx: &Ctx, at: Option<String>) -> Result<OnDuty> {
    ctx.actor()?;
    let at = time_or_now("at", at.as_deref(), ctx.now)?;
    store.read(|tx| {
        let people = people_at(tx, at)?;
        let covers = covers_at(tx, at)?;
        let desk_covered = !covers.is_empty()
            || people
                .iter()
                .any(|p| p.covers_desk && p.place == ShiftPlace::Desk);
        Ok(OnDuty {
            at: at.format(TIME_FORMAT).to_string(),
            people,
            covers,
            desk_covered,
        })
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CoverInput {
    /// The security officer covering the desk.
    pub cover_staff_id: StaffId,
    /// Whom they cover for (usually the night technician).
    #[serde(default)]
    pub for_staff_id: Option<StaffId>,
    /// Default: now.
    #[serde(default)]
    pub start_at: Option<String>,
    /// Empty while the cover is still running.
    #[serde(default)]
    pub end_at: Option<String>,
    pub reason: String,
}

/// Records a security cover (代值).
pub fn cover_start(store: &mut Store, ctx: &Ctx, input: CoverInput) -> Result<Cover> {
    let me = ctx.require(ANYONE, "登记代值")?.id;
    let start = time_or_now("start_at", input.start_at.as_deref(), ctx.now)?;
    let end = match input.end_at.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => Some(parse_time("end_at", t)?),
        None => None,
    };
    if end.is_some_and(|e| e <= start) {
        return Err(Error::invalid("end_at", "结束时间应晚于开始时间"));
    }
    if start > ctx.now + Duration::hours(1) {
        return Err(Error::invalid("start_at", "代值开始时间不能晚于现在"));
    }
    let reason = validate::required("reason", "代值原因", &input.reason, 200)?;
    store.write(|tx| {
        let cover = plan::brief(tx, input.cover_staff_id)?;
        if cover.role != Role::Security {
            return Err(Error::invalid("cover_staff_id", format!("{} 不是秩序维护员，代值应由秩序维护员担任", cover.name)));
        }
        let for_staff = input.for_staff_id.map(|f| plan::brief(tx, f)).transpose()?;
        tx.execute(
            "INSERT INTO duty_covers (cover_staff_id, for_staff_id, start_at, end_at, reason, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                cover.id,
                for_staff.as_ref().map(|f| f.id),
                start.format(TIME_FORMAT).to_string(),
                end.map(|e| e.format(TIME_FORMAT).to_string()),
                reason,
                me,
                ctx.now.format(TIME_FORMAT).to_string()
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(tx, ctx, "登记代值", "duty_covers", Some(id), &format!("{} 代 {} {reason}", cover.name, for_staff.map(|f| f.name).unwrap_or_default()))?;
        Ok(covers_where(tx, "WHERE c.id = ?1", &[&id])?.remove(0))
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CoverEndInput {
    pub id: i64,
    /// Default: now.
    #[serde(default)]
    pub end_at: Option<String>,
}

/// Ends a running cover.
pub fn cover_end(store: &mut Store, ctx: &Ctx, input: CoverEndInput) -> Result<Cover> {
    ctx.require(ANYONE, "结束代值")?;
    let end = time_or_now("end_at", input.end_at.as_deref(), ctx.now)?;
    store.write(|tx| {
        let row: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT start_at, end_at FROM duty_covers WHERE id = ?1",
                [input.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (start, old_end) = row.ok_or_else(|| {
            Error::not_found("id", format!("找不到编号为 {} 的代值记录", input.id))
        })?;
        if old_end.is_some() {
            return Err(Error::conflict("id", "该代值已经结束"));
        }
        let e = end.format(TIME_FORMAT).to_string();
        if e <= start {
            return Err(Error::invalid("end_at", "结束时间应晚于开始时间"));
        }
        tx.execute(
            "UPDATE duty_covers SET end_at = ?1 WHERE id = ?2",
            params![e, input.id],
        )?;
        audit::record(tx, ctx, "结束代值", "duty_covers", Some(input.id), &e)?;
        Ok(covers_where(tx, "WHERE c.id = ?1", &[&input.id])?.remove(0))
    })
}

/// Covers that started within the last `days` days, newest first.
pub fn covers(store: &mut Store, ctx: &Ctx, days: i64) -> Result<Vec<Cover>> {
    ctx.actor()?;
    let since = (ctx.now - Duration::days(days.clamp(1, 3660)))
        .format(TIME_FORMAT)
        .to_string();
    store.read(|tx| {
        covers_where(
            tx,
            "WHERE c.start_at >= ?1 ORDER BY c.start_at DESC",
            &[&since],
        )
    })
}
