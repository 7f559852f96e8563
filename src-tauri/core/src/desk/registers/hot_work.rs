//! 动用明火审批表 (R-AH-2): a hot-work permit (welding, cutting, open flame) for a place — who
//! applies, what work, from when to when, the fire-safety measures, the person watching the site,
//! and the supervisor or manager who approved it. After the work the desk (or the guard) checks
//! the site and closes the permit. A permit not yet closed is an open item of the handover, and
//! one past its end time shows as 超时未结束.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{close, list_tail, optional_room, RegisterCloseInput, RegisterQuery};
use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::{Role, ANYONE, LEADERS};
use crate::base::serials::{self, SerialKind};
use crate::base::{phone, validate, when};
use crate::coded_enum;
use crate::store::Store;

coded_enum!(
    /// Where a hot-work permit stands at the time asked.
    HotWorkState {
        Approved = ("approved", "待作业"),
        Working = ("working", "作业中"),
        Overrun = ("overrun", "超时未结束"),
        Finished = ("finished", "已结束"),
        Voided = ("voided", "已作废"),
    }
);

/// The longest period one permit may cover; longer work takes a new permit.
pub const MAX_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HotWorkPermit {
    pub id: i64,
    /// MH-202611-0001
    pub serial: String,
    /// The room, when the work is in one; '' for a public place.
    pub room: String,
    /// 动火地点 (3-2-1201 厨房, 地下车库 B 区).
    pub place: String,
    /// 申请人/施工单位.
    pub applicant: String,
    pub applicant_phone: String,
    /// 动火作业内容.
    pub work: String,
    pub starts_at: String,
    pub ends_at: String,
    /// 防火措施.
    pub fire_measures: String,
    /// 现场监护人.
    pub guardian: String,
    /// 批准人: a supervisor or manager.
    pub approved_by: String,
    pub issued_at: String,
    pub issued_by: String,
    pub state: HotWorkState,
    pub closed_at: Option<String>,
    pub closed_by: String,
    pub close_note: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct HotWorkInput {
    /// The room, when the work is in one (3-2-1201); may be empty.
    #[serde(default)]
    pub room: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub applicant: String,
    #[serde(default)]
    pub applicant_phone: String,
    #[serde(default)]
    pub work: String,
    /// 'YYYY-MM-DD HH:MM'
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub fire_measures: String,
    #[serde(default)]
    pub guardian: String,
    /// The supervisor or manager who approved; empty when the one entering it is that person.
    #[serde(default)]
    #[ts(optional)]
    pub approver_id: Option<i64>,
}

const SQL: &str =
    "SELECT t.id, t.serial, coalesce(r.code, ''), t.place, t.applicant, t.applicant_phone,
        t.work, t.starts_at, t.ends_at, t.fire_measures, t.guardian, a.name, t.issued_at, i.name,
        t.closed_at, coalesce(c.name, ''), t.voided, t.close_note
   FROM hot_work_permits t
   LEFT JOIN rooms r ON r.id = t.room_id
   JOIN staff a ON a.id = t.approved_by
   JOIN staff i ON i.id = t.issued_by
   LEFT JOIN staff c ON c.id = t.closed_by";

fn from_row(r: &rusqlite::Row, now: &str) -> rusqlite::Result<HotWorkPermit> {
    let closed_at: Option<String> = r.get(14)?;
    let voided: bool = r.get(16)?;
    let starts_at: String = r.get(7)?;
    let ends_at: String = r.get(8)?;
    let state = match (&closed_at, voided) {
        (Some(_), true) => HotWorkState::Voided,
        (Some(_), false) => HotWorkState::Finished,
        (None, _) if now < starts_at.as_str() => HotWorkState::Approved,
        (None, _) if now <= ends_at.as_str() => HotWorkState::Working,
        (None, _) => HotWorkState::Overrun,
    };
    Ok(HotWorkPermit {
        id: r.get(0)?,
        serial: r.get(1)?,
        room: r.get(2)?,
        place: r.get(3)?,
        applicant: r.get(4)?,
        applicant_phone: r.get(5)?,
        work: r.get(6)?,
        starts_at,
        ends_at,
        fire_measures: r.get(9)?,
        guardian: r.get(10)?,
        approved_by: r.get(11)?,
        issued_at: r.get(12)?,
        issued_by: r.get(13)?,
        state,
        closed_at,
        closed_by: r.get(15)?,
        close_note: r.get(17)?,
    })
}

fn query(
    tx: &Transaction,
    now: NaiveDateTime,
    tail: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<HotWorkPermit>> {
    let now = when::text(now);
    let mut st = tx.prepare_cached(&format!("{SQL} {tail}"))?;
    let rows = st
        .query_map(args, |r| from_row(r, &now))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn get(tx: &Transaction, now: NaiveDateTime, id: i64) -> Result<HotWorkPermit> {
    query(tx, now, "WHERE t.id = ?1", &[&id])?
        .pop()
        .ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的动火审批")))
}

/// By serial (MH-202611-0001), for printing.
pub(crate) fn by_serial(
    tx: &Transaction,
    now: NaiveDateTime,
    serial: &str,
) -> Result<HotWorkPermit> {
    let s = serial.trim().to_uppercase();
    query(tx, now, "WHERE t.serial = ?1", &[&s])?
        .pop()
        .ok_or_else(|| Error::not_found("serial", format!("找不到动火审批表 {s}")))
}

/// Permits not yet closed, earliest start first (the handover's 动火作业未结束).
pub(crate) fn open(tx: &Transaction, now: NaiveDateTime) -> Result<Vec<HotWorkPermit>> {
    query(
        tx,
        now,
        "WHERE t.closed_at IS NULL ORDER BY t.starts_at, t.id",
        &[],
    )
}

/// The register, open permits first (earliest start first), then the closed, newest first.
pub fn list(store: &mut Store, ctx: &Ctx, q: RegisterQuery) -> Result<Vec<HotWorkPermit>> {
    ctx.require(ANYONE, "查看动火审批")?;
    let tail = list_tail(
        &q,
        "CASE WHEN t.closed_at IS NULL THEN t.starts_at END, t.starts_at DESC",
    );
    store.read(|tx| query(tx, ctx.now, &tail, &[]))
}

pub fn show(store: &mut Store, ctx: &Ctx, id: i64) -> Result<HotWorkPermit> {
    ctx.require(ANYONE, "查看动火审批")?;
    store.read(|tx| get(tx, ctx.now, id))
}

/// The approver: the one named, else the person entering it when they are a leader.
fn approver(tx: &Transaction, ctx: &Ctx, id: Option<i64>) -> Result<i64> {
    let me = ctx.actor()?;
    let Some(id) = id else {
        if LEADERS.contains(&me.role) {
            return Ok(me.id);
        }
        return Err(Error::invalid("approver_id", "请选择批准动火的主管或经理"));
    };
    let row: Option<(String, String, bool)> = tx
        .query_row(
            "SELECT name, role, active FROM staff WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match row {
        None => Err(Error::not_found(
            "approver_id",
            format!("找不到编号为 {id} 的员工"),
        )),
        Some((name, _, false)) => Err(Error::invalid(
            "approver_id",
            format!("{name} 已停用，不能作为批准人"),
        )),
        Some((name, role, true)) => {
            if Role::from_text(&role).is_some_and(|r| LEADERS.contains(&r)) {
                Ok(id)
            } else {
                Err(Error::invalid(
                    "approver_id",
                    format!("{name} 不是主管或经理，动用明火须由主管或经理批准"),
                ))
            }
        }
    }
}

/// The desk records a permit a supervisor or manager approved.
pub fn issue(store: &mut Store, ctx: &Ctx, input: HotWorkInput) -> Result<HotWorkPermit> {
    let me = ctx.require(ANYONE, "登记动火审批")?.id;
    let mut errors = FieldErrors::default();
    let place = errors.take(validate::required("place", "动火地点", &input.place, 60));
    let applicant = errors.take(validate::required(
        "applicant",
        "申请人/施工单位",
        &input.applicant,
        40,
    ));
    let applicant_phone = errors.take(phone::normalize_optional(
        "applicant_phone",
        &input.applicant_phone,
    ));
    let work = errors.take(validate::required("work", "动火作业内容", &input.work, 200));
    let measures = errors.take(validate::required(
        "fire_measures",
        "防火措施",
        &input.fire_measures,
        300,
    ));
    let guardian = errors.take(validate::required(
        "guardian",
        "现场监护人",
        &input.guardian,
        30,
    ));
    let starts = if input.starts_at.trim().is_empty() {
        errors.add("starts_at", "请填写动火开始时间");
        None
    } else {
        errors.take(when::parse("starts_at", &input.starts_at).map(Some))
    };
    let ends = if input.ends_at.trim().is_empty() {
        errors.add("ends_at", "请填写动火结束时间");
        None
    } else {
        errors.take(when::parse("ends_at", &input.ends_at).map(Some))
    };
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            errors.add("ends_at", "结束时间应晚于开始时间");
        } else if e - s > Duration::days(MAX_DAYS) {
            errors.add(
                "ends_at",
                format!("一张动火审批最长 {MAX_DAYS} 天，时间更长请分次审批"),
            );
        }
    }
    errors.finish()?;
    let (starts, ends) = (starts.unwrap_or(ctx.now), ends.unwrap_or(ctx.now));
    store.write(|tx| {
        let room = optional_room(tx, &input.room)?;
        let approved_by = approver(tx, ctx, input.approver_id)?;
        let serial = serials::next(tx, SerialKind::HotWork, ctx.now)?;
        tx.execute(
            "INSERT INTO hot_work_permits (serial, room_id, place, applicant, applicant_phone, work, starts_at,
                 ends_at, fire_measures, guardian, approved_by, issued_at, issued_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                serial,
                room.as_ref().map(|r| r.id),
                place,
                applicant,
                applicant_phone,
                work,
                when::text(starts),
                when::text(ends),
                measures,
                guardian,
                approved_by,
                when::text(ctx.now),
                me
            ],
        )?;
        let id = tx.last_insert_rowid();
        let p = get(tx, ctx.now, id)?;
        audit::record(tx, ctx, "登记动火审批", "hot_work_permits", Some(id), &format!("{serial} {place} {work}；批准人 {}", p.approved_by))?;
        Ok(p)
    })
}

/// The work has ended and the site was checked (no embers left) — or the permit is voided.
pub fn finish(store: &mut Store, ctx: &Ctx, input: RegisterCloseInput) -> Result<HotWorkPermit> {
    ctx.require(ANYONE, "登记动火结束")?;
    store.write(|tx| {
        close(tx, ctx, "hot_work_permits", "动火审批", "结束", &input)?;
        get(tx, ctx.now, input.id)
    })
}
