//! Who is on duty at an instant: the published roster with approved changes, plus covers
//! recorded with start, end, reason and who covered: security keeping the desk while the night
//! technician is out (代值, R-DU-6), and anyone standing in for a person who leaves the post
//! with a leader's approval (离岗替值, R-DU-8).

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::{Role, ANYONE, LEADERS};
use crate::coded_enum;
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
    /// Away from the post under an approved 离岗替值: who stands in.
    pub replaced_by: Option<StaffBrief>,
}

coded_enum!(
    CoverKind {
        Desk = ("desk", "代前台值守"),
        Leave = ("leave", "离岗替值"),
    }
);

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Cover {
    pub id: i64,
    pub kind: CoverKind,
    pub cover: StaffBrief,
    pub for_staff: Option<StaffBrief>,
    /// 离岗替值: the supervisor or manager who approved it.
    pub approved_by: Option<StaffBrief>,
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
                replaced_by: None,
            })
        })
        .collect();
    out.sort_by(|a, b| a.from.cmp(&b.from).then(a.staff.name.cmp(&b.staff.name)));
    Ok(out)
}

const COVER_SELECT: &str = "SELECT c.id, c.kind, c.cover_staff_id, c.for_staff_id, c.approved_by, c.start_at, c.end_at, c.reason, s.name, c.recorded_at
     FROM duty_covers c JOIN staff s ON s.id = c.recorded_by";

type CoverRow = (
    i64,
    CoverKind,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    Option<String>,
    String,
    String,
    String,
);

fn covers_where(
    tx: &Transaction,
    clause: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Cover>> {
    let rows: Vec<CoverRow> = tx
        .prepare(&format!("{COVER_SELECT} {clause}"))?
        .query_map(args, |r: &Row| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(
            |(id, kind, c, f, a, start_at, end_at, reason, recorded_by, recorded_at)| {
                Ok(Cover {
                    id,
                    kind,
                    cover: plan::brief(tx, c)?,
                    for_staff: f.map(|f| plan::brief(tx, f)).transpose()?,
                    approved_by: a.map(|a| plan::brief(tx, a)).transpose()?,
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
        let mut people = people_at(tx, at)?;
        let covers = covers_at(tx, at)?;
        for c in covers.iter().filter(|c| c.kind == CoverKind::Leave) {
            if let Some(p) = people
                .iter_mut()
                .find(|p| c.for_staff.as_ref().is_some_and(|f| f.id == p.staff.id))
            {
                p.replaced_by = Some(c.cover.clone());
            }
        }
        // A post left under 离岗替值 is still kept (by the substitute); only security's 代值
        // adds a desk keeper the roster does not have.
        let desk_covered = covers.iter().any(|c| c.kind == CoverKind::Desk)
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
    /// 代前台值守 (the default) or 离岗替值.
    #[serde(default)]
    pub kind: Option<CoverKind>,
    /// 代值: the security officer covering the desk; 离岗替值: the substitute, of any role.
    pub cover_staff_id: StaffId,
    /// Whom they cover for (代值: usually the night technician; 离岗替值: required, the person leaving).
    #[serde(default)]
    pub for_staff_id: Option<StaffId>,
    /// 离岗替值: the supervisor or manager who approved; default the leader entering it.
    #[serde(default)]
    pub approved_by: Option<StaffId>,
    /// Default: now.
    #[serde(default)]
    pub start_at: Option<String>,
    /// Empty while the cover is still running.
    #[serde(default)]
    pub end_at: Option<String>,
    pub reason: String,
}

/// Records a security cover (代值) or a leave from the post with a substitute (离岗替值).
pub fn cover_start(store: &mut Store, ctx: &Ctx, input: CoverInput) -> Result<Cover> {
    let me = ctx.require(ANYONE, "登记代值")?.clone();
    let kind = input.kind.unwrap_or(CoverKind::Desk);
    let start = time_or_now("start_at", input.start_at.as_deref(), ctx.now)?;
    let end = match input.end_at.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => Some(parse_time("end_at", t)?),
        None => None,
    };
    if end.is_some_and(|e| e <= start) {
        return Err(Error::invalid("end_at", "结束时间应晚于开始时间"));
    }
    if start > ctx.now + Duration::hours(1) {
        return Err(Error::invalid(
            "start_at",
            format!("{}开始时间不能晚于现在", kind.label()),
        ));
    }
    let reason = validate::required(
        "reason",
        if kind == CoverKind::Leave {
            "离岗事由"
        } else {
            "代值原因"
        },
        &input.reason,
        200,
    )?;
    store.write(|tx| {
        let cover = plan::brief(tx, input.cover_staff_id)?;
        let for_staff = input.for_staff_id.map(|f| plan::brief(tx, f)).transpose()?;
        let approver = match kind {
            CoverKind::Desk => {
                if cover.role != Role::Security {
                    return Err(Error::invalid("cover_staff_id", format!("{} 不是秩序维护员，代前台值守应由秩序维护员担任；其他人员替值请登记“离岗替值”", cover.name)));
                }
                None
            }
            CoverKind::Leave => Some(leave_approver(tx, &me, &cover, for_staff.as_ref(), input.approved_by, start)?),
        };
        if !crate::setup::staff::get(tx, cover.id)?.active {
            return Err(Error::invalid("cover_staff_id", format!("{} 已停用，不能替值", cover.name)));
        }
        tx.execute(
            "INSERT INTO duty_covers (kind, cover_staff_id, for_staff_id, approved_by, start_at, end_at, reason, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                kind,
                cover.id,
                for_staff.as_ref().map(|f| f.id),
                approver.as_ref().map(|a| a.id),
                start.format(TIME_FORMAT).to_string(),
                end.map(|e| e.format(TIME_FORMAT).to_string()),
                reason,
                me.id,
                ctx.now.format(TIME_FORMAT).to_string()
            ],
        )?;
        let id = tx.last_insert_rowid();
        let approved = approver.map(|a| format!("（{} 批准）", a.name)).unwrap_or_default();
        audit::record(tx, ctx, &format!("登记{}", kind.label()), "duty_covers", Some(id), &format!("{} 代 {} {reason}{approved}", cover.name, for_staff.map(|f| f.name).unwrap_or_default()))?;
        Ok(covers_where(tx, "WHERE c.id = ?1", &[&id])?.remove(0))
    })
}

/// 离岗替值 (R-DU-8): the person leaving must be on duty then, the substitute someone else, and
/// the approver a supervisor or manager other than the person leaving (a leader entering it
/// approves it themselves).
fn leave_approver(
    tx: &Transaction,
    me: &crate::base::ctx::Actor,
    cover: &StaffBrief,
    away: Option<&StaffBrief>,
    approved_by: Option<StaffId>,
    start: NaiveDateTime,
) -> Result<StaffBrief> {
    let away = away.ok_or_else(|| Error::invalid("for_staff_id", "请选择离岗的值班人员"))?;
    if cover.id == away.id {
        return Err(Error::invalid("cover_staff_id", "替值人不能是离岗人本人"));
    }
    if !people_at(tx, start)?.iter().any(|p| p.staff.id == away.id) {
        return Err(Error::invalid(
            "for_staff_id",
            format!(
                "{} 在 {} 不在值班表上，无需登记离岗替值",
                away.name,
                start.format("%-m月%-d日 %H:%M")
            ),
        ));
    }
    let approver_id = approved_by
        .or_else(|| LEADERS.contains(&me.role).then_some(me.id))
        .ok_or_else(|| Error::invalid("approved_by", "离岗须经主管或经理批准，请选择批准人"))?;
    let approver = plan::brief(tx, approver_id)?;
    if !LEADERS.contains(&approver.role) {
        return Err(Error::invalid(
            "approved_by",
            format!(
                "{} 是{}，离岗须由主管或经理批准",
                approver.name,
                approver.role.label()
            ),
        ));
    }
    if approver.id == away.id {
        return Err(Error::invalid(
            "approved_by",
            "离岗人不能批准自己离岗，请由其他主管或经理批准",
        ));
    }
    Ok(approver)
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

#[cfg(test)]
mod tests;
