//! Swap and leave requests (调班/请假). Filed by the staff member or by the desk on their
//! behalf; nothing changes until approved (R-DU-4). Leave of up to 2 days is approved by a
//! supervisor, longer leave by the manager (R-ROLE-1). The approver names the substitute (顶班);
//! approval re-checks the affected months and is refused if it would open a gap or break a rule.
//! Approved requests become overrides on a published roster, which itself is never rewritten;
//! on a draft roster the change is made in the draft's cells. Either way the request lists what
//! changed, and an approval that would change nothing is refused with the reason.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::base::role::DESK;
use crate::base::role::ROSTER_EDITORS;
use crate::duty::roster::check;
use crate::duty::roster::plan::{self, Change, StaffBrief, DAY_FORMAT};
use crate::duty::roster::{roster_id, Month, RosterStatus};
use crate::setup::staff::StaffId;
use crate::store::Store;
use crate::{base::audit, base::validate};

/// Leave longer than this many days needs the manager (R-ROLE-1).
pub const SUPERVISOR_LEAVE_DAYS: i64 = 2;
/// Who may file on someone else's behalf: the desk and those above it.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RequestKind {
    Swap,
    Leave,
}

impl RequestKind {
    pub fn label(self) -> &'static str {
        match self {
            RequestKind::Swap => "调班",
            RequestKind::Leave => "请假",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RequestStatus {
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

impl RequestStatus {
    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Pending => "待审批",
            RequestStatus::Approved => "已批准",
            RequestStatus::Rejected => "已驳回",
            RequestStatus::Withdrawn => "已撤回",
        }
    }
    fn parse(s: &str) -> Self {
        match s {
            "approved" => RequestStatus::Approved,
            "rejected" => RequestStatus::Rejected,
            "withdrawn" => RequestStatus::Withdrawn,
            _ => RequestStatus::Pending,
        }
    }
}

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
    pub decision_note: String,
    /// The roster changes it made once approved: "12月3日 张三 夜班 → 休".
    pub changes: Vec<String>,
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
            format!("日期“{}”格式不正确,应为 YYYY-MM-DD", text.trim()),
        )
    })
}

fn md(d: NaiveDate) -> String {
    d.format("%-m月%-d日").to_string()
}

const SELECT: &str = "SELECT q.id, q.kind, q.staff_id, q.from_day, q.to_day, q.other_staff_id, q.other_day, q.reason,
     q.filed_at, f.name, q.status, q.substitute_id, q.decided_at, d.name, q.decision_note
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
        status: RequestStatus::parse(&r.status),
        substitute: r.substitute_id.map(|id| plan::brief(tx, id)).transpose()?,
        decided_at: r.decided_at,
        decided_by: r.decided_by,
        decision_note: r.decision_note,
        changes,
    })
}

fn get_tx(tx: &Transaction, id: i64) -> Result<DutyRequest> {
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
pub fn list(store: &mut Store, ctx: &Ctx, q: RequestQuery) -> Result<Vec<DutyRequest>> {
    ctx.actor()?;
    store.read(|tx| {
        let sql =
            format!("{SELECT} WHERE (?1 = 0 OR q.status = 'pending') ORDER BY q.id DESC LIMIT ?2");
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
            "{}({})只能为自己提交申请",
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
            format!("{} 已经过去,不能再申请", from.format(DAY_FORMAT)),
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
                    format!("{} 已经过去,不能再换班", d.format(DAY_FORMAT)),
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
                    return Err(Error::invalid("from_day", format!("{} 在 {} 没有班次,无需调班", who.name, md(from))));
                }
            }
            RequestKind::Leave => {
                if input.other_staff_id.is_some() || other_day.is_some() {
                    return Err(Error::invalid("other_staff_id", "请假由审批人指定顶班人员,申请时不填"));
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

/// The roster changes an approval would make.
fn changes_for(
    tx: &Transaction,
    req: &DutyRequest,
    substitute: Option<StaffId>,
) -> Result<Vec<Change>> {
    let from = parse_day("from_day", &req.from_day)?;
    let to = parse_day("to_day", &req.to_day)?;
    let mut out = Vec::new();
    match req.kind {
        RequestKind::Leave => {
            for day in from.iter_days().take_while(|d| *d <= to) {
                let Some(shift) = plan::shift_of(tx, req.staff.id, day)? else {
                    continue;
                };
                out.push(Change {
                    staff_id: req.staff.id,
                    day,
                    shift_id: None,
                });
                // Without a substitute the person is simply off; the check below refuses if that leaves a gap.
                let Some(sub) = substitute else { continue };
                if sub == req.staff.id {
                    return Err(Error::invalid("substitute_id", "顶班人员不能是请假人本人"));
                }
                if let Some(own) = plan::shift_of(tx, sub, day)? {
                    let name = plan::brief(tx, sub)?.name;
                    return Err(Error::conflict(
                        "substitute_id",
                        format!("{name} 在 {} 已有{},不能顶班", md(day), own.name),
                    ));
                }
                out.push(Change {
                    staff_id: sub,
                    day,
                    shift_id: Some(shift.id),
                });
            }
        }
        RequestKind::Swap => {
            let other = req
                .other_staff
                .as_ref()
                .ok_or_else(|| Error::invalid("other_staff_id", "调班缺少对方"))?;
            let mine = plan::shift_of(tx, req.staff.id, from)?.ok_or_else(|| {
                Error::conflict(
                    "from_day",
                    format!("{} 在 {} 已没有班次", req.staff.name, md(from)),
                )
            })?;
            let back = req
                .other_day
                .as_deref()
                .map(|d| parse_day("other_day", d))
                .transpose()?;
            match back {
                Some(d2) if d2 == from => {
                    let theirs = plan::shift_of(tx, other.id, from)?.ok_or_else(|| {
                        Error::conflict(
                            "other_day",
                            format!("{} 在 {} 没有班次可换", other.name, md(from)),
                        )
                    })?;
                    out.push(Change {
                        staff_id: req.staff.id,
                        day: from,
                        shift_id: Some(theirs.id),
                    });
                    out.push(Change {
                        staff_id: other.id,
                        day: from,
                        shift_id: Some(mine.id),
                    });
                }
                _ => {
                    if let Some(own) = plan::shift_of(tx, other.id, from)? {
                        return Err(Error::conflict(
                            "other_staff_id",
                            format!("{} 在 {} 已有{}", other.name, md(from), own.name),
                        ));
                    }
                    out.push(Change {
                        staff_id: req.staff.id,
                        day: from,
                        shift_id: None,
                    });
                    out.push(Change {
                        staff_id: other.id,
                        day: from,
                        shift_id: Some(mine.id),
                    });
                    if let Some(d2) = back {
                        let theirs = plan::shift_of(tx, other.id, d2)?.ok_or_else(|| {
                            Error::conflict(
                                "other_day",
                                format!("{} 在 {} 没有班次可换", other.name, md(d2)),
                            )
                        })?;
                        if let Some(own) = plan::shift_of(tx, req.staff.id, d2)? {
                            return Err(Error::conflict(
                                "other_day",
                                format!("{} 在 {} 已有{}", req.staff.name, md(d2), own.name),
                            ));
                        }
                        out.push(Change {
                            staff_id: other.id,
                            day: d2,
                            shift_id: None,
                        });
                        out.push(Change {
                            staff_id: req.staff.id,
                            day: d2,
                            shift_id: Some(theirs.id),
                        });
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Why approving `req` would change nothing: its month has no roster, or the person has no
/// shift on those days. Said instead of an approval that claims the roster was adjusted.
fn nothing_to_change(tx: &Transaction, req: &DutyRequest) -> Result<Error> {
    let from = parse_day("from_day", &req.from_day)?;
    let to = parse_day("to_day", &req.to_day)?;
    let mut months: Vec<Month> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .map(Month::of)
        .collect();
    months.dedup();
    for m in months {
        if roster_id(tx, m)?.is_none() {
            return Ok(Error::conflict(
                "from_day",
                format!(
                    "{} 的值班表尚未建立，批准后无从调整；请先排出该月值班表，或驳回",
                    m.key()
                ),
            ));
        }
    }
    let days = if from == to {
        md(from)
    } else {
        format!("{}–{}", md(from), md(to))
    };
    Ok(Error::conflict(
        "from_day",
        format!(
            "{} 在 {days} 没有排班，批准不会改变值班表；如无需调整，请驳回并说明",
            req.staff.name
        ),
    ))
}

/// Approves: checks the approver's authority, applies the changes as overrides, and refuses if
/// any affected month would then have a gap or problem it did not have before.
pub fn approve(store: &mut Store, ctx: &Ctx, input: DecisionInput) -> Result<DutyRequest> {
    let me = ctx.require(ROSTER_EDITORS, "审批调班/请假")?.clone();
    let note = validate::optional("note", "审批意见", &input.note, 200)?;
    store.write(|tx| {
        let req = get_tx(tx, input.id)?;
        if req.status != RequestStatus::Pending {
            return Err(Error::conflict("id", format!("该申请{},不能再审批", req.status.label())));
        }
        if req.kind == RequestKind::Leave && req.days > SUPERVISOR_LEAVE_DAYS && me.role != Role::Manager {
            return Err(Error::forbidden(format!(
                "请假 {} 天超过 {SUPERVISOR_LEAVE_DAYS} 天,需由项目经理审批",
                req.days
            )));
        }
        if req.staff.id == me.id {
            return Err(Error::forbidden("不能审批自己的申请"));
        }
        let from = parse_day("from_day", &req.from_day)?;
        if from < ctx.now.date() {
            return Err(Error::conflict("from_day", "申请的日期已经过去,请驳回"));
        }
        let substitute = if req.kind == RequestKind::Leave { input.substitute_id } else { None };
        let changes = changes_for(tx, &req, substitute)?;
        if changes.is_empty() {
            return Err(nothing_to_change(tx, &req)?);
        }
        let mut months: Vec<Month> = changes.iter().map(|c| Month::of(c.day)).collect();
        // A change on the last day of a month reaches into the next through a night shift.
        months.extend(changes.iter().map(|c| Month::of(c.day + Duration::days(1))));
        months.sort_by_key(|m| m.first);
        months.dedup();
        for m in &months {
            let roster = roster_id(tx, *m)?;
            let touched = changes.iter().any(|c| Month::of(c.day) == *m);
            let draft = match roster {
                Some((_, RosterStatus::Published)) => None,
                Some((id, RosterStatus::Draft)) if touched => Some(id),
                _ if !touched => continue,
                _ => return Err(Error::conflict("from_day", format!("{} 的值班表尚未建立，批准后无从调整；请先排出该月值班表，或驳回", m.key()))),
            };
            let before = check::month(tx, *m, draft, &[])?;
            let after = check::month(tx, *m, draft, &changes)?;
            let old = before.lines();
            let new: Vec<String> = after.lines().into_iter().filter(|l| !old.contains(l)).collect();
            if !new.is_empty() {
                return Err(Error::conflict(
                    if after.gaps.len() > before.gaps.len() { "gaps" } else { "substitute_id" },
                    format!("批准后值班安排会出现问题，不能批准：{}", new.join("；")),
                ));
            }
        }
        for c in &changes {
            let day = c.day.format(DAY_FORMAT).to_string();
            let prev = plan::shift_of(tx, c.staff_id, c.day)?.map(|s| s.id);
            // A draft is still the supervisor's to edit: the change goes into its cells, and the
            // request keeps a record of it. A published roster is never rewritten: the change is
            // laid over it.
            let draft = match roster_id(tx, Month::of(c.day))? {
                Some((id, RosterStatus::Draft)) => Some(id),
                _ => None,
            };
            if let Some(roster) = draft {
                match c.shift_id {
                    Some(shift) => tx.execute(
                        "INSERT INTO roster_cells (roster_id, staff_id, day, shift_id) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (roster_id, staff_id, day) DO UPDATE SET shift_id = excluded.shift_id",
                        params![roster, c.staff_id, day, shift],
                    )?,
                    None => tx.execute(
                        "DELETE FROM roster_cells WHERE roster_id = ?1 AND staff_id = ?2 AND day = ?3",
                        params![roster, c.staff_id, day],
                    )?,
                };
            }
            tx.execute(
                "INSERT INTO roster_overrides (request_id, staff_id, day, shift_id, in_draft, prev_shift_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![req.id, c.staff_id, day, c.shift_id, draft.is_some(), prev],
            )?;
        }
        tx.execute(
            "UPDATE duty_requests SET status = 'approved', substitute_id = ?1, decided_at = ?2, decided_by = ?3, decision_note = ?4 WHERE id = ?5",
            params![substitute, ctx.now.format(TIME_FORMAT).to_string(), me.id, note, req.id],
        )?;
        audit::record(tx, ctx, "批准调班/请假", "duty_requests", Some(req.id), &format!("{} {} {} 项调整", req.staff.name, req.kind.label(), changes.len()))?;
        get_tx(tx, req.id)
    })
}

/// Rejects a pending request (a supervisor or manager), or withdraws it (whoever filed it or
/// whom it is for).
pub fn reject(store: &mut Store, ctx: &Ctx, input: DecisionInput) -> Result<DutyRequest> {
    let me = ctx.actor()?.clone();
    let note = validate::optional("note", "意见", &input.note, 200)?;
    store.write(|tx| {
        let req = get_tx(tx, input.id)?;
        if req.status != RequestStatus::Pending {
            return Err(Error::conflict("id", format!("该申请{},不能再处理", req.status.label())));
        }
        let own = req.staff.id == me.id;
        let status = if ROSTER_EDITORS.contains(&me.role) && !own {
            "rejected"
        } else if own {
            "withdrawn"
        } else {
            return Err(Error::forbidden(format!("{}({})无权驳回他人的申请", me.name, me.role.label())));
        };
        tx.execute(
            "UPDATE duty_requests SET status = ?1, decided_at = ?2, decided_by = ?3, decision_note = ?4 WHERE id = ?5",
            params![status, ctx.now.format(TIME_FORMAT).to_string(), me.id, note, req.id],
        )?;
        audit::record(tx, ctx, if status == "rejected" { "驳回调班/请假" } else { "撤回调班/请假" }, "duty_requests", Some(req.id), &note)?;
        get_tx(tx, req.id)
    })
}
