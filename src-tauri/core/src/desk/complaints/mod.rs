//! 投诉 complaints (R-CP-1..3): their own record and serial (TS-YYYYMM-NNNN), a reply deadline,
//! handling steps, the reply and its time, a return visit, then the supervisor's sign-off.
//! An urgent or major complaint is escalated to the manager at once; manager and supervisor see
//! it in a banner until one of them takes it up.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::DESK;
use crate::base::role::LEADERS;
use crate::base::serials::{self, SerialKind};
use crate::coded_enum;
use crate::desk::intake;
use crate::desk::visits::{self, ReturnVisit, VisitInput};
use crate::store::Store;
use crate::{base::audit, base::validate, base::when, setup::departments};

mod handling;
pub use handling::{
    add_step, reply, set_validity, sign_off, take_up, visit, ComplaintNoteInput,
    ComplaintVisitInput, ReplyInput, ValidityInput,
};

coded_enum!(ComplaintCategory {
    ServiceAttitude = ("service_attitude", "服务态度"),
    RepairQuality = ("repair_quality", "维修质量"),
    Sanitation = ("sanitation", "环境卫生"),
    OrderSecurity = ("order_security", "秩序安全"),
    Fees = ("fees", "收费"),
    Neighbour = ("neighbour", "邻里纠纷"),
    Other = ("other", "其他"),
});
coded_enum!(Validity { Valid = ("valid", "有效"), Invalid = ("invalid", "无效") });
coded_enum!(Urgency { Normal = ("normal", "一般"), Urgent = ("urgent", "紧急"), Major = ("major", "重大") });
/// The reply time of a complaint of this urgency, as the office set it (R-CP-4).
pub(crate) fn reply_hours(tx: &Transaction, urgency: Urgency) -> Result<i64> {
    let s = intake::settings::load(tx)?;
    Ok(match urgency {
        Urgency::Normal => s.complaint_reply_hours,
        Urgency::Urgent | Urgency::Major => s.complaint_urgent_reply_hours,
    })
}

coded_enum!(ComplaintState {
    Open = ("open", "待答复"),
    Replied = ("replied", "已答复"),
    Visited = ("visited", "已回访"),
    SignedOff = ("signed_off", "主管已签字"),
});

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Complaint {
    pub id: i64,
    pub serial: String,
    pub intake_id: Option<i64>,
    pub opened_at: String,
    pub opened_by: String,
    pub room: String,
    pub complainant_name: String,
    pub complainant_phone: String,
    pub category: ComplaintCategory,
    pub department: Option<String>,
    pub content: String,
    pub validity: Option<Validity>,
    pub urgency: Urgency,
    pub state: ComplaintState,
    /// Raised to the manager (urgent or major).
    pub escalated_at: Option<String>,
    /// Taken up by a supervisor (or a manager): the supervisors' alert ends (R-CP-1).
    pub taken_up_at: Option<String>,
    pub taken_up_by: String,
    /// An escalated complaint taken up by a manager: the manager's alert ends (R-CP-2).
    pub manager_taken_at: Option<String>,
    pub manager_taken_by: String,
    pub reply_deadline_at: String,
    /// Not yet replied and past the reply deadline.
    pub reply_overdue: bool,
    pub reply: String,
    pub replied_at: Option<String>,
    pub replied_by: String,
    pub signed_off_at: Option<String>,
    pub signed_off_by: String,
    pub sign_off_note: String,
    /// Calls urging it (催办).
    pub urge_count: i64,
}

const SELECT: &str = "SELECT c.id, c.serial, c.intake_id, c.opened_at, ob.name, coalesce(r.code, ''), c.complainant_name,
        c.complainant_phone, c.category, d.name, c.content, c.validity, c.urgency, c.state, c.escalated_at, c.taken_up_at,
        coalesce(tu.name, ''), c.reply_deadline_at, c.reply, c.replied_at, coalesce(rb.name, ''), c.signed_off_at,
        coalesce(sb.name, ''), c.sign_off_note, c.manager_taken_at, coalesce(mt.name, ''),
        (SELECT count(*) FROM urgings u WHERE u.complaint_id = c.id)
     FROM complaints c
     JOIN staff ob ON ob.id = c.opened_by
     LEFT JOIN rooms r ON r.id = c.room_id
     LEFT JOIN departments d ON d.id = c.department_id
     LEFT JOIN staff tu ON tu.id = c.taken_up_by
     LEFT JOIN staff rb ON rb.id = c.replied_by
     LEFT JOIN staff sb ON sb.id = c.signed_off_by
     LEFT JOIN staff mt ON mt.id = c.manager_taken_by";

fn from_row(r: &Row, now: &str) -> rusqlite::Result<Complaint> {
    let deadline: String = r.get(17)?;
    let state: ComplaintState = r.get(13)?;
    Ok(Complaint {
        id: r.get(0)?,
        serial: r.get(1)?,
        intake_id: r.get(2)?,
        opened_at: r.get(3)?,
        opened_by: r.get(4)?,
        room: r.get(5)?,
        complainant_name: r.get(6)?,
        complainant_phone: r.get(7)?,
        category: r.get(8)?,
        department: r.get(9)?,
        content: r.get(10)?,
        validity: r.get(11)?,
        urgency: r.get(12)?,
        state,
        escalated_at: r.get(14)?,
        taken_up_at: r.get(15)?,
        taken_up_by: r.get(16)?,
        manager_taken_at: r.get(24)?,
        manager_taken_by: r.get(25)?,
        reply_overdue: state == ComplaintState::Open && deadline.as_str() < now,
        reply_deadline_at: deadline,
        reply: r.get(18)?,
        replied_at: r.get(19)?,
        replied_by: r.get(20)?,
        signed_off_at: r.get(21)?,
        signed_off_by: r.get(22)?,
        sign_off_note: r.get(23)?,
        urge_count: r.get(26)?,
    })
}

/// Complaints matching `where_sql` (?1 = `param`), newest first.
pub(crate) fn query(
    tx: &Transaction,
    now: NaiveDateTime,
    where_sql: &str,
    param: &dyn rusqlite::ToSql,
    limit: i64,
) -> Result<Vec<Complaint>> {
    let now = when::text(now);
    let sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY c.opened_at DESC, c.id DESC LIMIT {}",
        limit.clamp(1, 5000)
    );
    Ok(tx
        .prepare(&sql)?
        .query_map([param], |r| from_row(r, &now))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(tx: &Transaction, now: NaiveDateTime, id: i64) -> Result<Complaint> {
    query(tx, now, "c.id = ?1", &id, 1)?
        .pop()
        .ok_or_else(|| Error::not_found("complaint_id", format!("找不到编号为 {id} 的投诉")))
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct OpenComplaintInput {
    pub intake_id: i64,
    pub category: Option<ComplaintCategory>,
    pub urgency: Option<Urgency>,
    /// The department complained about, if any.
    #[serde(default)]
    pub department: String,
    /// Defaults to the entry's content.
    #[serde(default)]
    pub content: Option<String>,
}

/// Opens a complaint from an intake entry, prefilled, linked both ways (R-CP-1).
pub fn open(store: &mut Store, ctx: &Ctx, input: OpenComplaintInput) -> Result<Complaint> {
    ctx.require(DESK, "登记投诉")?;
    store.write(|tx| open_in(tx, ctx, &input))
}

pub(crate) fn open_in(
    tx: &Transaction,
    ctx: &Ctx,
    input: &OpenComplaintInput,
) -> Result<Complaint> {
    let category = input
        .category
        .ok_or_else(|| Error::invalid("category", "请选择投诉类别"))?;
    let urgency = input
        .urgency
        .ok_or_else(|| Error::invalid("urgency", "请选择紧急程度"))?;
    let entry = intake::load_raw(tx, input.intake_id)?;
    if entry.slip_id.is_some() || entry.complaint_id.is_some() || entry.finished {
        return Err(Error::conflict(
            "intake_id",
            "该登记已经处理完毕或已转为派工单/投诉，不能再登记投诉",
        ));
    }
    let content = match &input.content {
        Some(c) if !c.trim().is_empty() => validate::required("content", "投诉内容", c, 2000)?,
        _ => entry.content.clone(),
    };
    let dept = match input.department.trim() {
        "" => None,
        name => Some(departments::require_by_name(tx, "department", name)?),
    };
    let hours = reply_hours(tx, urgency)?;
    let serial = serials::next(tx, SerialKind::Complaint, ctx.now)?;
    let now = when::text(ctx.now);
    let escalated = (urgency != Urgency::Normal).then_some(now.as_str());
    tx.execute(
        "INSERT INTO complaints (serial, intake_id, opened_at, opened_by, room_id, complainant_name, complainant_phone, category,
             department_id, content, urgency, state, escalated_at, reply_deadline_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'open', ?12, ?13)",
        params![serial, entry.id, now, ctx.actor()?.id, entry.room_id, entry.caller_name, entry.caller_phone, category, dept,
            content, urgency, escalated, when::text(ctx.now + Duration::hours(hours))],
    )?;
    let id = tx.last_insert_rowid();
    intake::link(tx, ctx, entry.id, None, Some(id))?;
    audit::record(
        tx,
        ctx,
        "登记投诉",
        "complaints",
        Some(id),
        &format!("{serial} {} {}", category.label(), urgency.label()),
    )?;
    if escalated.is_some() {
        audit::record(
            tx,
            ctx,
            "投诉上报经理",
            "complaints",
            Some(id),
            &format!("{serial} {}投诉", urgency.label()),
        )?;
    }
    get(tx, ctx.now, id)
}

impl ComplaintVisitInput {
    pub fn new(complaint_id: i64, v: VisitInput) -> Self {
        ComplaintVisitInput {
            complaint_id,
            method: v.method,
            answered: v.answered,
            result: v.result,
            satisfaction: v.satisfaction,
            follow_up: v.follow_up,
            at: v.at,
        }
    }
    fn visit(&self) -> VisitInput {
        VisitInput {
            method: self.method,
            answered: self.answered,
            result: self.result.clone(),
            satisfaction: self.satisfaction,
            follow_up: self.follow_up,
            at: self.at.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintHandling {
    pub at: String,
    pub by: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintPage {
    pub complaint: Complaint,
    pub steps: Vec<ComplaintHandling>,
    pub visits: Vec<ReturnVisit>,
    /// Calls urging it (催办), for the timeline.
    pub urgings: Vec<crate::desk::urgings::Urging>,
}

/// What a complaint's 有效性 reads while the supervisor has not judged it.
pub const UNJUDGED: &str = "未认定";

/// A complaint's page (record, steps, visits) by serial, as printed.
pub fn page_by_serial(tx: &Transaction, now: NaiveDateTime, serial: &str) -> Result<ComplaintPage> {
    let id: i64 = tx
        .query_row(
            "SELECT id FROM complaints WHERE serial = ?1",
            [serial.trim().to_uppercase()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("serial", format!("找不到投诉“{}”", serial.trim())))?;
    detail_in(tx, now, id)
}

fn detail_in(tx: &Transaction, now: NaiveDateTime, id: i64) -> Result<ComplaintPage> {
    let complaint = get(tx, now, id)?;
    let steps = tx
        .prepare("SELECT s.at, st.name, s.note FROM complaint_steps s JOIN staff st ON st.id = s.by_id WHERE s.complaint_id = ?1 ORDER BY s.at, s.id")?
        .query_map([id], |r| Ok(ComplaintHandling { at: r.get(0)?, by: r.get(1)?, note: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ComplaintPage {
        visits: visits::of_complaint(tx, id)?,
        urgings: crate::desk::urgings::of(tx, "complaint_id", id)?,
        steps,
        complaint,
    })
}

pub fn detail(store: &mut Store, ctx: &Ctx, id: i64) -> Result<ComplaintPage> {
    ctx.actor()?;
    store.read(|tx| detail_in(tx, ctx.now, id))
}

/// SQL condition over a `complaints` row `c`: registered and still waiting for its reply (R-CP-1).
pub const AWAITING_REPLY_SQL: &str = "c.state = 'open'";

coded_enum!(ComplaintFilter {
    Unfinished = ("unfinished", "未办结"),
    AwaitingReply = ("awaiting_reply", "待答复"),
    Escalated = ("escalated", "上报未接手"),
    All = ("all", "全部"),
});

pub fn list(store: &mut Store, ctx: &Ctx, filter: ComplaintFilter) -> Result<Vec<Complaint>> {
    ctx.actor()?;
    store.read(|tx| {
        let w = match filter {
            ComplaintFilter::Unfinished => "c.state <> 'signed_off'",
            ComplaintFilter::AwaitingReply => AWAITING_REPLY_SQL,
            ComplaintFilter::Escalated => "c.escalated_at IS NOT NULL AND c.taken_up_at IS NULL",
            ComplaintFilter::All => "1",
        };
        let w = format!("{w} AND ?1 IS NULL");
        query(tx, ctx.now, &w, &rusqlite::types::Null, 1000)
    })
}

/// What the banner shows a manager or supervisor, and major incidents nobody has taken up. A
/// supervisor sees every complaint still awaiting its reply that no supervisor has taken up
/// (R-CP-1); a manager sees every urgent or major one no manager has taken up, whoever else did
/// (R-CP-2). Other roles get empty lists.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Alerts {
    pub complaints: Vec<Complaint>,
    pub incidents: Vec<intake::IntakeEntry>,
}

pub fn alerts(store: &mut Store, ctx: &Ctx) -> Result<Alerts> {
    let actor = ctx.actor()?;
    if !LEADERS.contains(&actor.role) {
        return Ok(Alerts {
            complaints: vec![],
            incidents: vec![],
        });
    }
    store.read(|tx| {
        let escalate_after = intake::settings::load(tx)?.complaint_overdue_escalate_hours;
        Ok(Alerts {
            complaints: query(
                tx,
                ctx.now,
                if actor.role == crate::base::role::Role::Manager {
                    // Urgent and major ones, and any still unanswered long past its deadline (R-CP-4).
                    "c.manager_taken_at IS NULL AND ((c.escalated_at IS NOT NULL AND c.state <> 'signed_off')
                         OR (c.state = 'open' AND c.reply_deadline_at < ?1))"
                } else {
                    "c.state = 'open' AND c.taken_up_at IS NULL AND ?1 IS NOT NULL"
                },
                &when::text(ctx.now - chrono::Duration::hours(escalate_after)),
                100,
            )?,
            incidents: intake::query(
                tx,
                "e.major_incident = 1 AND e.major_ack_at IS NULL",
                &[],
                100,
            )?,
        })
    })
}

#[cfg(test)]
mod take_up_tests;
#[cfg(test)]
mod tests;
