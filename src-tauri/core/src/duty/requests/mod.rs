//! Swap and leave requests (调班/请假). Filed by the staff member or by the desk on their
//! behalf; nothing changes until approved (R-DU-4). Leave of up to 2 days is approved by a
//! supervisor, longer leave by the manager (R-ROLE-1). The approver names the substitute (顶班);
//! approval re-checks the affected months and is refused if it would open a gap or break a rule.
//! Approved requests become overrides on a published roster, which itself is never rewritten;
//! on a draft roster the change is made in the draft's cells. Either way the request lists what
//! changed, and an approval that would change nothing is refused with the reason.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::base::role::DESK;
use crate::coded_enum;
use crate::duty::roster::plan::{self, StaffBrief, DAY_FORMAT};
use crate::setup::staff::StaffId;
use crate::store::Store;
use crate::{base::audit, base::validate};

mod decide;
pub use decide::{approve, reject};

/// Leave longer than this many days needs the manager (R-ROLE-1).
pub const SUPERVISOR_LEAVE_DAYS: i64 = 2;
coded_enum!(
    RequestKind {
        Swap = ("swap", "调班"),
        Leave = ("leave", "请假"),
    }
);

coded_enum!(
    RequestStatus {
        Pending = ("pending", "待审批"),
        Approved = ("approved", "已批准"),
        Rejected = ("rejected", "已驳回"),
        Withdrawn = ("withdrawn", "已撤回"),
    }
);

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DutyRequest {
    pub id: i64,
    pub kind: RequestKind,
    pub staff: StaffBrief,
    pub from_day: String,
    pub to_day: String,
    pub days: i64,
    pub other_staff: Option<StaffBrief>,
    pub other_day: Option<String>,
    pub reason: String,
    pub filed_at: String,
    pub filed_by: String,
    pub status: RequestStatus,
    pub substitute: Option<StaffBrief>,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    /// The decider's role: a manager's approval goes in the manager's box on paper.
    pub decided_by_role: Option<Role>,
    pub decision_note: String,
    /// The roster changes it made once approved: "12月3日 张三 夜班 → 休".
    pub changes: Vec<String>,
    /// Whose published shifts it changed: each was sent a notice, shown at their next login (R-DU-11).
    pub announced_to: Vec<crate::duty::roster::notices::Announced>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RequestInput {
    pub kind: RequestKind,
    pub staff_id: StaffId,
    /// Leave: first day; swap: the day the requester gives away.
    pub from_day: String,
    /// Leave: last day (defaults to from_day).
    #[serde(default)]
    pub to_day: Option<String>,
    /// Swap: who works the requester's shift.
    #[serde(default)]
    pub other_staff_id: Option<StaffId>,
    /// Swap: the day the requester works the other person's shift in return (optional).
    #[serde(default)]
    pub other_day: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DecisionInput {
    pub id: i64,
    /// Leave: the 顶班 substitute.
    #[serde(default)]
    pub substitute_id: Option<StaffId>,
    #[serde(default)]
    pub note: String,
}

fn parse_day(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), DAY_FORMAT).map_err(|_| {
        Error::invalid(
            field,
            format!("日期“{}”格式不正确，应为 YYYY-MM-DD", text.trim()),
        )
    })
}

fn md(d: NaiveDate) -> String {
    d.format("%-m月%-d日").to_string()
}

const SELECT: &str = "SELECT q.id, q.kind, q.staff_id, q.from_day, q.to_day, q.other_staff_id, q.other_day, q.reason,
     q.filed_at, f.name, q.status, q.substitute_id, q.decided_at, d.name, q.decision_note, d.role
     FROM duty_requests q JOIN staff f ON f.id = q.filed_by LEFT JOIN staff d ON d.id = q.decided_by";

struct Raw {
    id: i64,
    kind: String,
    staff_id: i64,
    from_day: String,
    to_day: String,
    other_staff_id: Option<i64>,
    other_day: Option<String>,
    reason: String,
    filed_at: String,
    filed_by: String,
    status: String,
    substitute_id: Option<i64>,
    decided_at: Option<String>,
    decided_by: Option<String>,
    decision_note: String,
    decided_by_role: Option<String>,
}

fn raw(r: &Row) -> rusqlite::Result<Raw> {
    Ok(Raw {
        id: r.get(0)?,
        kind: r.get(1)?,
        staff_id: r.get(2)?,
        from_day: r.get(3)?,
        to_day: r.get(4)?,
        other_staff_id: r.get(5)?,
        other_day: r.get(6)?,
        reason: r.get(7)?,
        filed_at: r.get(8)?,
        filed_by: r.get(9)?,
        status: r.get(10)?,
        substitute_id: r.get(11)?,
        decided_at: r.get(12)?,
        decided_by: r.get(13)?,
        decided_by_role: r.get(15)?,
        decision_note: r.get(14)?,
    })
}

fn load(tx: &Transaction, r: Raw) -> Result<DutyRequest> {
    let (f, t) = (
        parse_day("from_day", &r.from_day)?,
        parse_day("to_day", &r.to_day)?,
    );
    let mut changes = Vec::new();
    let mut st = tx.prepare(
        "SELECT o.day, s.name, sh.name, o.prev_shift_id IS NOT NULL OR o.shift_id IS NOT NULL, ph.name
         FROM roster_overrides o JOIN staff s ON s.id = o.staff_id
         LEFT JOIN shifts sh ON sh.id = o.shift_id LEFT JOIN shifts ph ON ph.id = o.prev_shift_id
         WHERE o.request_id = ?1 ORDER BY o.id",
    )?;
    for row in st.query_map([r.id], |x| {
        Ok((
            x.get::<_, String>(0)?,
            x.get::<_, String>(1)?,
            x.get::<_, Option<String>>(2)?,
            x.get::<_, Option<String>>(4)?,
        ))
    })? {
        let (day, who, shift, before) = row?;
        let day = NaiveDate::parse_from_str(&day, DAY_FORMAT).map_or(day, md);
        let after = shift.unwrap_or_else(|| "休".into());
        changes.push(match before {
            Some(b) => format!("{day} {who} {b} → {after}"),
            None => format!("{day} {who} → {after}"),
        });
    }
    Ok(DutyRequest {
        id: r.id,
        kind: if r.kind == "swap" {
            RequestKind::Swap
        } else {
            RequestKind::Leave
        },
        staff: plan::brief(tx, r.staff_id)?,
        days: (t - f).num_days() + 1,
        from_day: r.from_day,
        to_day: r.to_day,
        other_staff: r.other_staff_id.map(|id| plan::brief(tx, id)).transpose()?,
        other_day: r.other_day,
        reason: r.reason,
        filed_at: r.filed_at,
        filed_by: r.filed_by,
        status: RequestStatus::from_text(&r.status).unwrap_or(RequestStatus::Pending),
        substitute: r.substitute_id.map(|id| plan::brief(tx, id)).transpose()?,
        decided_at: r.decided_at,
        decided_by: r.decided_by,
        decided_by_role: r
            .decided_by_role
            .as_deref()
            .and_then(|x| Role::parse("role", x).ok()),
        decision_note: r.decision_note,
        changes,
        announced_to: crate::duty::roster::notices::announced(tx, r.id)?,
    })
}

pub(crate) fn get_tx(tx: &Transaction, id: i64) -> Result<DutyRequest> {
    let r = tx
        .query_row(&format!("{SELECT} WHERE q.id = ?1"), [id], raw)
        .optional()?
        .ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的申请")))?;
    load(tx, r)
}

pub fn get(store: &mut Store, ctx: &Ctx, id: i64) -> Result<DutyRequest> {
    ctx.actor()?;
    store.read(|tx| get_tx(tx, id))
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RequestQuery {
    /// Only pending requests.
    #[serde(default)]
    pub pending_only: bool,
    #[serde(default)]
    pub limit: Option<i64>,
}

/// Newest first.
/// SQL condition over a `duty_requests` row `q`: filed and waiting for the supervisor (R-DU-5).
pub const PENDING_SQL: &str = "q.status = 'pending'";

pub fn list(store: &mut Store, ctx: &Ctx, q: RequestQuery) -> Result<Vec<DutyRequest>> {
    ctx.actor()?;
    store.read(|tx| {
        let sql = format!("{SELECT} WHERE (?1 = 0 OR {PENDING_SQL}) ORDER BY q.id DESC LIMIT ?2");
        let raws: Vec<Raw> = tx
            .prepare(&sql)?
            .query_map(
                params![q.pending_only, q.limit.unwrap_or(200).clamp(1, 1000)],
                raw,
            )?
            .collect::<rusqlite::Result<_>>()?;
        raws.into_iter().map(|r| load(tx, r)).collect()
    })
}

/// Files a request. It changes nothing on the roster until approved.
pub fn file(store: &mut Store, ctx: &Ctx, input: RequestInput) -> Result<DutyRequest> {
    let me = ctx.actor()?.clone();
    if input.staff_id != me.id && !DESK.contains(&me.role) {
        return Err(Error::forbidden(format!(
            "{}（{}）只能为自己提交申请",
            me.name,
            me.role.label()
        )));
    }
    let today = ctx.now.date();
    let from = parse_day("from_day", &input.from_day)?;
    let to = match input.to_day.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(t) => parse_day("to_day", t)?,
        None => from,
    };
    if from < today {
        return Err(Error::invalid(
            "from_day",
            format!("{} 已经过去，不能再申请", from.format(DAY_FORMAT)),
        ));
    }
    if to < from {
        return Err(Error::invalid("to_day", "结束日期不能早于开始日期"));
    }
    if (to - from).num_days() > 62 {
        return Err(Error::invalid("to_day", "一次请假最长 62 天"));
    }
    let reason = validate::required("reason", "事由", &input.reason, 200)?;
    let other_day = match input.other_day.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(t) => {
            let d = parse_day("other_day", t)?;
            if d < today {
                return Err(Error::invalid(
                    "other_day",
                    format!("{} 已经过去，不能再换班", d.format(DAY_FORMAT)),
                ));
            }
            Some(d)
        }
        None => None,
    };
    store.write(|tx| {
        let who = plan::brief(tx, input.staff_id)?;
        let mut other = None;
        match input.kind {
            RequestKind::Swap => {
                if to != from {
                    return Err(Error::invalid("to_day", "调班一次只换一天"));
                }
                let oid = input.other_staff_id.ok_or_else(|| Error::invalid("other_staff_id", "请选择与谁调班"))?;
                if oid == input.staff_id {
                    return Err(Error::invalid("other_staff_id", "不能与自己调班"));
                }
                other = Some(plan::brief(tx, oid)?);
                if plan::shift_of(tx, who.id, from)?.is_none() {
                    return Err(Error::invalid("from_day", format!("{} 在 {} 没有班次，无需调班", who.name, md(from))));
                }
            }
            RequestKind::Leave => {
                if input.other_staff_id.is_some() || other_day.is_some() {
                    return Err(Error::invalid("other_staff_id", "请假由审批人指定顶班人员，申请时不填"));
                }
            }
        }
        tx.execute(
            "INSERT INTO duty_requests (kind, staff_id, from_day, to_day, other_staff_id, other_day, reason, filed_at, filed_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                if input.kind == RequestKind::Swap { "swap" } else { "leave" },
                who.id,
                from.format(DAY_FORMAT).to_string(),
                to.format(DAY_FORMAT).to_string(),
                other.as_ref().map(|o| o.id),
                other_day.map(|d| d.format(DAY_FORMAT).to_string()),
                reason,
                ctx.now.format(TIME_FORMAT).to_string(),
                me.id
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(tx, ctx, "提交调班/请假申请", "duty_requests", Some(id), &format!("{} {} {}–{}", who.name, input.kind.label(), from, to))?;
        get_tx(tx, id)
    })
}
