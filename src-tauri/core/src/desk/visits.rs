//! 回访 return visits (R-DS-6, R-CP-1): the desk calls the resident after the work or the reply.
//! A call nobody answered is kept as an attempt (answered = false) and is not a visit; an
//! unsatisfied visit reopens the slip or sends it to the supervisor.

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::coded_enum;
use crate::{base::validate, base::when};

coded_enum!(
    /// How satisfied the resident is: at completion (验收) and at each return visit.
    Satisfaction { Satisfied = ("satisfied", "满意"), Basic = ("basic", "基本满意"), Unsatisfied = ("unsatisfied", "不满意") }
);
coded_enum!(VisitMethod { Phone = ("phone", "电话"), Visit = ("visit", "上门"), Written = ("written", "书面") });
coded_enum!(VisitFollowUp { Reopened = ("reopened", "重新派工"), ToSupervisor = ("to_supervisor", "转主管处理") });

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReturnVisit {
    pub id: i64,
    pub at: String,
    pub by: String,
    pub method: VisitMethod,
    /// False: a call that got no answer (an attempt, to be retried).
    pub answered: bool,
    pub result: String,
    pub satisfaction: Option<Satisfaction>,
    pub follow_up: Option<VisitFollowUp>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct VisitInput {
    pub method: VisitMethod,
    pub answered: bool,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub satisfaction: Option<Satisfaction>,
    /// Required when unsatisfied (slips only).
    #[serde(default)]
    pub follow_up: Option<VisitFollowUp>,
    #[serde(default)]
    pub at: Option<String>,
}

pub(crate) struct CleanVisit {
    pub method: VisitMethod,
    pub answered: bool,
    pub result: String,
    pub satisfaction: Option<Satisfaction>,
    pub follow_up: Option<VisitFollowUp>,
}

pub(crate) fn clean(v: &VisitInput, follow_up_needed: bool) -> Result<CleanVisit> {
    let result = validate::optional("result", "回访结果", &v.result, 1000)?;
    if !v.answered {
        return Ok(CleanVisit {
            method: v.method,
            answered: false,
            result,
            satisfaction: None,
            follow_up: None,
        });
    }
    let sat = v
        .satisfaction
        .ok_or_else(|| Error::invalid("satisfaction", "请选择满意度"))?;
    let follow_up = match (sat, v.follow_up) {
        (Satisfaction::Unsatisfied, None) if follow_up_needed => {
            return Err(Error::invalid(
                "follow_up",
                "住户不满意：请选择重新派工或转主管处理",
            ))
        }
        (Satisfaction::Unsatisfied, f) => f,
        (_, _) => None,
    };
    if result.is_empty() {
        return Err(Error::invalid("result", "请填写回访结果"));
    }
    Ok(CleanVisit {
        method: v.method,
        answered: true,
        result,
        satisfaction: Some(sat),
        follow_up,
    })
}

pub(crate) fn insert(
    tx: &Transaction,
    ctx: &Ctx,
    slip_id: Option<i64>,
    complaint_id: Option<i64>,
    at: chrono::NaiveDateTime,
    v: &CleanVisit,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO return_visits (slip_id, complaint_id, at, by_id, method, answered, result, satisfaction, follow_up)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![slip_id, complaint_id, when::text(at), ctx.actor()?.id, v.method, v.answered, v.result, v.satisfaction, v.follow_up],
    )?;
    Ok(tx.last_insert_rowid())
}

const SELECT: &str =
    "SELECT v.id, v.at, s.name, v.method, v.answered, v.result, v.satisfaction, v.follow_up
     FROM return_visits v JOIN staff s ON s.id = v.by_id";

fn list(tx: &Transaction, where_sql: &str, id: i64) -> Result<Vec<ReturnVisit>> {
    let mut st = tx.prepare(&format!(
        "{SELECT} WHERE {where_sql} = ?1 ORDER BY v.at, v.id"
    ))?;
    let rows = st
        .query_map([id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A visit from the first eight columns of `SELECT`.
fn from_row(r: &rusqlite::Row) -> rusqlite::Result<ReturnVisit> {
    Ok(ReturnVisit {
        id: r.get(0)?,
        at: r.get(1)?,
        by: r.get(2)?,
        method: r.get(3)?,
        answered: r.get(4)?,
        result: r.get(5)?,
        satisfaction: r.get(6)?,
        follow_up: r.get(7)?,
    })
}

pub fn of_slip(tx: &Transaction, slip_id: i64) -> Result<Vec<ReturnVisit>> {
    list(tx, "v.slip_id", slip_id)
}

pub fn of_complaint(tx: &Transaction, complaint_id: i64) -> Result<Vec<ReturnVisit>> {
    list(tx, "v.complaint_id", complaint_id)
}

/// A return visit with what it was about: the slip or complaint's serial, room, resident,
/// phone and content — one row of the 回访记录表.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct VisitOfRecord {
    pub visit: ReturnVisit,
    pub serial: String,
    pub room: String,
    pub resident: String,
    pub phone: String,
    pub subject: String,
}

/// Every return visit made in [from, to) (stored-time bounds), oldest first.
pub fn between(tx: &Transaction, from: &str, to: &str) -> Result<Vec<VisitOfRecord>> {
    let mut st = tx.prepare_cached(
        "SELECT v.id, v.at, s.name, v.method, v.answered, v.result, v.satisfaction, v.follow_up,
                COALESCE(d.serial, c.serial), COALESCE(rd.code, d.location, rc.code, ''),
                COALESCE(d.caller_name, c.complainant_name, ''), COALESCE(d.caller_phone, c.complainant_phone, ''),
                COALESCE(d.content, c.content, '')
         FROM return_visits v
         JOIN staff s ON s.id = v.by_id
         LEFT JOIN dispatch_slips d ON d.id = v.slip_id
         LEFT JOIN rooms rd ON rd.id = d.room_id
         LEFT JOIN complaints c ON c.id = v.complaint_id
         LEFT JOIN rooms rc ON rc.id = c.room_id
         WHERE v.at >= ?1 AND v.at < ?2
         ORDER BY v.at, v.id",
    )?;
    let rows = st.query_map(params![from, to], |r| {
        Ok(VisitOfRecord {
            visit: from_row(r)?,
            serial: r.get(8)?,
            room: r.get(9)?,
            resident: r.get(10)?,
            phone: r.get(11)?,
            subject: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
