//! 来电来访 intake log (R-IN-1..7): every call, visit, written request and staff finding is
//! registered here, then ends with a result or a link to the slip or complaint that carries it on.

pub mod settings;

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::DESK;
use crate::base::role::{Role, ANYONE};
use crate::coded_enum;
use crate::store::Store;
use crate::{
    base::audit, base::phone, base::validate, base::when, setup::categories, setup::rooms,
};

mod list;
pub use list::{list, shift_bounds, IntakeQuery};

coded_enum!(Channel {
    Call = ("call", "来电"),
    Visit = ("visit", "来访"),
    Written = ("written", "书面"),
    StaffFound = ("staff_found", "员工发现"),
    /// A message left on the office's WeChat or by e-mail (R-IN-8).
    Wechat = ("wechat", "微信"),
    Email = ("email", "邮件"),
});

coded_enum!(IntakeKind {
    Repair = ("repair", "报修"),
    Complaint = ("complaint", "投诉"),
    Inquiry = ("inquiry", "咨询"),
    Suggestion = ("suggestion", "建议"),
    Help = ("help", "求助"),
    Errand = ("errand", "委托"),
    Other = ("other", "其他"),
});

coded_enum!(CallbackState { None = ("none", "无需回电"), Pending = ("pending", "待回电"), Done = ("done", "已回电") });

coded_enum!(NightDecision { Slip = ("slip", "转派工单"), Complaint = ("complaint", "转投诉"), Settled = ("settled", "已处理") });

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct IntakeEntry {
    pub id: i64,
    /// 受理时间
    pub received_at: String,
    /// When it was typed in; differs from received_at for 补录.
    pub entered_at: String,
    /// 补录: entered later by hand.
    pub back_entered: bool,
    pub room: String,
    pub location: String,
    pub caller_name: String,
    pub caller_phone: String,
    pub channel: Channel,
    pub kind: IntakeKind,
    pub category: Option<String>,
    pub content: String,
    pub received_by_id: i64,
    pub received_by: String,
    /// 夜间值班记录
    pub night_log: bool,
    pub night_decision: Option<NightDecision>,
    pub callback_phone: String,
    pub callback_state: CallbackState,
    /// 突发事件/重大问题
    pub major_incident: bool,
    /// When a supervisor or manager took the major incident up.
    pub major_ack_at: Option<String>,
    pub outcome: String,
    pub slip_id: Option<i64>,
    pub slip_serial: Option<String>,
    pub complaint_id: Option<i64>,
    pub complaint_serial: Option<String>,
    pub finished_at: Option<String>,
}

const SELECT: &str = "SELECT e.id, e.received_at, e.entered_at, e.back_entered, coalesce(r.code, ''), e.location,
        e.caller_name, e.caller_phone, e.channel, e.kind, c.name, e.content, e.received_by, s.name, e.night_log,
        e.night_decision, e.callback_phone, e.callback_state, e.major_incident, e.major_ack_at, e.outcome,
        e.slip_id, ds.serial, e.complaint_id, cp.serial, e.finished_at
     FROM intake_entries e
     LEFT JOIN rooms r ON r.id = e.room_id
     LEFT JOIN categories c ON c.id = e.category_id
     JOIN staff s ON s.id = e.received_by
     LEFT JOIN dispatch_slips ds ON ds.id = e.slip_id
     LEFT JOIN complaints cp ON cp.id = e.complaint_id";

fn from_row(r: &Row) -> rusqlite::Result<IntakeEntry> {
    Ok(IntakeEntry {
        id: r.get(0)?,
        received_at: r.get(1)?,
        entered_at: r.get(2)?,
        back_entered: r.get(3)?,
        room: r.get(4)?,
        location: r.get(5)?,
        caller_name: r.get(6)?,
        caller_phone: r.get(7)?,
        channel: r.get(8)?,
        kind: r.get(9)?,
        category: r.get(10)?,
        content: r.get(11)?,
        received_by_id: r.get(12)?,
        received_by: r.get(13)?,
        night_log: r.get(14)?,
        night_decision: r.get(15)?,
        callback_phone: r.get(16)?,
        callback_state: r.get(17)?,
        major_incident: r.get(18)?,
        major_ack_at: r.get(19)?,
        outcome: r.get(20)?,
        slip_id: r.get(21)?,
        slip_serial: r.get(22)?,
        complaint_id: r.get(23)?,
        complaint_serial: r.get(24)?,
        finished_at: r.get(25)?,
    })
}

/// SQL condition over an `intake_entries` row `e`: a callback is still owed (R-IN-4).
pub const CALLBACK_PENDING_SQL: &str = "e.callback_state = 'pending'";
/// SQL condition: a night-log entry not yet converted or settled (R-HO-6).
pub const NIGHT_LOG_OPEN_SQL: &str = "e.night_log = 1 AND e.finished_at IS NULL";
/// SQL condition: an entry still open that no other open list carries (R-IN-6) — a 委托 or 建议
/// not yet ended, an unfinished 咨询 — so it is handed on at the shift change like the rest: not
/// a callback owed, not the night log, not a major incident nobody has taken up.
pub const OPEN_UNCARRIED_SQL: &str = "e.finished_at IS NULL AND e.night_log = 0 AND e.callback_state <> 'pending' AND NOT (e.major_incident = 1 AND e.major_ack_at IS NULL)";

/// Entries matching `where_sql` with positional parameters, newest first.
pub(crate) fn query(
    tx: &Transaction,
    where_sql: &str,
    p: &[&dyn rusqlite::ToSql],
    limit: i64,
) -> Result<Vec<IntakeEntry>> {
    let sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY e.received_at DESC, e.id DESC LIMIT {}",
        limit.clamp(1, 5000)
    );
    Ok(tx
        .prepare(&sql)?
        .query_map(p, from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Entries received in [from, to) (stored-time bounds), oldest first; `night_only` keeps the
/// night log's. What the intake log and the night log print, and the report's detail rows.
pub fn received_between(
    tx: &Transaction,
    from: &str,
    to: &str,
    night_only: bool,
) -> Result<Vec<IntakeEntry>> {
    let sql = format!(
        "{SELECT} WHERE e.received_at >= ?1 AND e.received_at < ?2 AND (?3 = 0 OR e.night_log = 1)
         ORDER BY e.received_at, e.id"
    );
    Ok(tx
        .prepare_cached(&sql)?
        .query_map(params![from, to, night_only], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(tx: &Transaction, id: i64) -> Result<IntakeEntry> {
    query(tx, "e.id = ?1", &[&id], 1)?
        .pop()
        .ok_or_else(|| Error::not_found("intake_id", format!("找不到编号为 {id} 的登记")))
}

/// The stored fields a conversion copies.
pub(crate) struct RawEntry {
    pub id: i64,
    pub room_id: Option<i64>,
    pub location: String,
    pub caller_name: String,
    pub caller_phone: String,
    pub category_id: Option<i64>,
    pub content: String,
    pub slip_id: Option<i64>,
    pub complaint_id: Option<i64>,
    pub finished: bool,
}

pub(crate) fn load_raw(tx: &Transaction, id: i64) -> Result<RawEntry> {
    tx.query_row(
        "SELECT id, room_id, location, caller_name, caller_phone, category_id, content, slip_id, complaint_id, finished_at IS NOT NULL
         FROM intake_entries WHERE id = ?1",
        [id],
        |r| {
            Ok(RawEntry {
                id: r.get(0)?,
                room_id: r.get(1)?,
                location: r.get(2)?,
                caller_name: r.get(3)?,
                caller_phone: r.get(4)?,
                category_id: r.get(5)?,
                content: r.get(6)?,
                slip_id: r.get(7)?,
                complaint_id: r.get(8)?,
                finished: r.get(9)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::not_found("intake_id", format!("找不到编号为 {id} 的登记")))
}

/// Links an entry to the slip or complaint that carries it on (both directions are then kept:
/// the slip/complaint has intake_id). A night-log entry is thereby converted.
pub(crate) fn link(
    tx: &Transaction,
    ctx: &Ctx,
    id: i64,
    slip: Option<i64>,
    complaint: Option<i64>,
) -> Result<()> {
    let me = ctx.actor()?.id;
    let now = when::text(ctx.now);
    let decision = if slip.is_some() {
        NightDecision::Slip
    } else {
        NightDecision::Complaint
    };
    tx.execute(
        "UPDATE intake_entries SET slip_id = coalesce(?1, slip_id), complaint_id = coalesce(?2, complaint_id),
             finished_at = ?3, finished_by = ?4,
             night_decision = CASE WHEN night_log = 1 AND night_decision IS NULL THEN ?5 ELSE night_decision END,
             night_decided_at = CASE WHEN night_log = 1 AND night_decided_at IS NULL THEN ?3 ELSE night_decided_at END,
             night_decided_by = CASE WHEN night_log = 1 AND night_decided_by IS NULL THEN ?4 ELSE night_decided_by END
         WHERE id = ?6",
        params![slip, complaint, now, me, decision, id],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct IntakeInput {
    /// 受理时间 for back-entry (补录), YYYY-MM-DD HH:MM; empty means now.
    #[serde(default)]
    pub received_at: Option<String>,
    /// Room code as typed (3-2-1201); empty for public areas (then give `location`).
    #[serde(default)]
    pub room: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub caller_name: String,
    #[serde(default)]
    pub caller_phone: String,
    pub channel: Option<Channel>,
    pub kind: Option<IntakeKind>,
    /// Service category name (空调、给排水…); needed for repairs.
    #[serde(default)]
    pub category: String,
    pub content: String,
    /// A number to call back when the desk cannot answer at once (R-IN-5).
    #[serde(default)]
    pub callback_phone: String,
    #[serde(default)]
    pub major_incident: bool,
    /// The result, when the desk settles it at once (a question answered).
    #[serde(default)]
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Registered {
    pub entry: IntakeEntry,
    pub repeat: Option<RepeatWarning>,
}

/// Registers an entry. Anyone on duty may register: night duty (technician) and security
/// covering the desk keep the night log too (R-IN-4, R-DU-6).
pub fn register(store: &mut Store, ctx: &Ctx, input: IntakeInput) -> Result<Registered> {
    let actor = ctx.require(ANYONE, "登记来电来访")?.clone();
    let channel = input
        .channel
        .ok_or_else(|| Error::invalid("channel", "请选择来源（来电/来访/书面/员工发现）"))?;
    let kind = input
        .kind
        .ok_or_else(|| Error::invalid("kind", "请选择类型"))?;
    let content = validate::required("content", "内容", &input.content, 2000)?;
    let caller_name = validate::optional("caller_name", "联系人", &input.caller_name, 30)?;
    let caller_phone = phone::normalize_optional("caller_phone", &input.caller_phone)?;
    let callback_phone = phone::normalize_optional("callback_phone", &input.callback_phone)?;
    let location = validate::optional("location", "地点", &input.location, 60)?;
    let outcome = validate::optional("outcome", "处理结果", &input.outcome, 500)?;
    if !callback_phone.is_empty() && !outcome.is_empty() {
        return Err(Error::invalid(
            "outcome",
            "已登记待回电，处理结果请在回电后填写",
        ));
    }
    let received = when::happened("received_at", input.received_at.as_deref(), ctx.now, None)?;
    let back_entered = input
        .received_at
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty());
    store.write(|tx| {
        let room = match input.room.trim() {
            "" => None,
            text => Some(rooms::require_by_text(tx, text)?),
        };
        if room.is_none() && location.is_empty() && channel != Channel::Call && kind == IntakeKind::Repair {
            return Err(Error::invalid("room", "请填写房号，公共区域请填写地点"));
        }
        let category = match input.category.trim() {
            "" if kind == IntakeKind::Repair => return Err(Error::invalid("category", "报修请选择服务类别")),
            "" => None,
            name => Some(categories::require_by_name(tx, "category", name)?),
        };
        let s = settings::load(tx)?;
        let night = s.is_night(received.time());
        let now = when::text(ctx.now);
        let finished: Option<&str> = (!outcome.is_empty()).then_some(now.as_str());
        tx.execute(
            "INSERT INTO intake_entries (received_at, entered_at, back_entered, room_id, location, caller_name, caller_phone,
                 channel, kind, category_id, content, received_by, night_log, callback_phone, callback_state,
                 major_incident, outcome, finished_at, finished_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            params![when::text(received), now, back_entered, room.as_ref().map(|r| r.id), location, caller_name, caller_phone,
                channel, kind, category.as_ref().map(|c| c.id), content, actor.id, night, callback_phone,
                if callback_phone.is_empty() { CallbackState::None } else { CallbackState::Pending },
                input.major_incident, outcome, finished, finished.map(|_| actor.id)],
        )?;
        let id = tx.last_insert_rowid();
        let entry = get(tx, id)?;
        let where_ = if entry.room.is_empty() { entry.location.clone() } else { entry.room.clone() };
        audit::record(tx, ctx, "登记来电来访", "intake_entries", Some(id),
            &format!("{} {} {} {}{}", entry.channel.label(), entry.kind.label(), where_, content.chars().take(30).collect::<String>(),
                if back_entered { " （补录）" } else { "" }))?;
        let repeat = match (&room, &category) {
            (Some(r), Some(c)) if kind == IntakeKind::Repair => repeat_check(tx, r.id, c.id, received, Some(id), s.repeat_repair_days)?,
            _ => None,
        };
        Ok(Registered { entry, repeat })
    })
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct NoteInput {
    pub intake_id: i64,
    #[serde(default)]
    pub note: String,
}

/// Ends an entry with a result (R-IN-6).
pub fn finish(store: &mut Store, ctx: &Ctx, input: NoteInput) -> Result<IntakeEntry> {
    ctx.require(DESK, "办结登记")?;
    let outcome = validate::required("note", "处理结果", &input.note, 500)?;
    store.write(|tx| {
        finish_in(tx, ctx, input.intake_id, &outcome, None)?;
        get(tx, input.intake_id)
    })
}

pub(crate) fn finish_in(
    tx: &Transaction,
    ctx: &Ctx,
    id: i64,
    outcome: &str,
    decision: Option<NightDecision>,
) -> Result<()> {
    let e = load_raw(tx, id)?;
    if e.finished {
        return Err(Error::conflict("intake_id", "该登记已经办结"));
    }
    let me = ctx.actor()?.id;
    let now = when::text(ctx.now);
    tx.execute(
        "UPDATE intake_entries SET outcome = ?1, finished_at = ?2, finished_by = ?3,
             night_decision = CASE WHEN night_log = 1 THEN coalesce(?4, 'settled') ELSE NULL END,
             night_decided_at = CASE WHEN night_log = 1 THEN ?2 ELSE NULL END,
             night_decided_by = CASE WHEN night_log = 1 THEN ?3 ELSE NULL END
         WHERE id = ?5",
        params![outcome, now, me, decision, id],
    )?;
    audit::record(tx, ctx, "办结登记", "intake_entries", Some(id), outcome)?;
    Ok(())
}

/// The promised call back was made (R-IN-5); the note says what was told.
pub fn callback_done(store: &mut Store, ctx: &Ctx, input: NoteInput) -> Result<IntakeEntry> {
    ctx.require(DESK, "登记回电")?;
    let note = validate::required("note", "回电内容", &input.note, 500)?;
    store.write(|tx| {
        let e = get(tx, input.intake_id)?;
        if e.callback_state != CallbackState::Pending {
            return Err(Error::conflict("intake_id", "该登记没有待回电事项"));
        }
        let me = ctx.actor()?.id;
        tx.execute(
            "UPDATE intake_entries SET callback_state = 'done', callback_done_at = ?1, callback_done_by = ?2 WHERE id = ?3",
            params![when::text(ctx.now), me, e.id],
        )?;
        add_followup_in(tx, ctx, e.id, &format!("回电：{note}"))?;
        audit::record(tx, ctx, "登记回电", "intake_entries", Some(e.id), &note)?;
        get(tx, e.id)
    })
}

/// A supervisor or manager takes up a major incident; the alert stops, the note is its first follow-up.
pub fn take_up_major(store: &mut Store, ctx: &Ctx, input: NoteInput) -> Result<IntakeEntry> {
    ctx.require(&[Role::Supervisor, Role::Manager], "接手突发事件")?;
    let note = validate::required("note", "跟进情况", &input.note, 500)?;
    store.write(|tx| {
        let e = get(tx, input.intake_id)?;
        if !e.major_incident {
            return Err(Error::conflict("intake_id", "该登记不是突发事件"));
        }
        if e.major_ack_at.is_some() {
            return Err(Error::conflict("intake_id", "该突发事件已有人接手"));
        }
        tx.execute(
            "UPDATE intake_entries SET major_ack_at = ?1, major_ack_by = ?2 WHERE id = ?3",
            params![when::text(ctx.now), ctx.actor()?.id, e.id],
        )?;
        add_followup_in(tx, ctx, e.id, &note)?;
        audit::record(tx, ctx, "接手突发事件", "intake_entries", Some(e.id), &note)?;
        get(tx, e.id)
    })
}

/// Adds a follow-up note (tracking a major incident or any open entry).
pub fn add_followup(store: &mut Store, ctx: &Ctx, input: NoteInput) -> Result<IntakePage> {
    ctx.require(ANYONE, "跟进登记")?;
    let note = validate::required("note", "跟进情况", &input.note, 500)?;
    store.write(|tx| {
        get(tx, input.intake_id)?;
        add_followup_in(tx, ctx, input.intake_id, &note)?;
        audit::record(
            tx,
            ctx,
            "跟进登记",
            "intake_entries",
            Some(input.intake_id),
            &note,
        )?;
        detail_in(tx, input.intake_id)
    })
}

fn add_followup_in(tx: &Transaction, ctx: &Ctx, id: i64, note: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO intake_followups (intake_id, at, by_id, note) VALUES (?1, ?2, ?3, ?4)",
        params![id, when::text(ctx.now), ctx.actor()?.id, note],
    )?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FollowUp {
    pub at: String,
    pub by: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct IntakePage {
    pub entry: IntakeEntry,
    pub followups: Vec<FollowUp>,
}

fn detail_in(tx: &Transaction, id: i64) -> Result<IntakePage> {
    let entry = get(tx, id)?;
    let followups = tx
        .prepare("SELECT f.at, s.name, f.note FROM intake_followups f JOIN staff s ON s.id = f.by_id WHERE f.intake_id = ?1 ORDER BY f.at, f.id")?
        .query_map([id], |r| Ok(FollowUp { at: r.get(0)?, by: r.get(1)?, note: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(IntakePage { entry, followups })
}

pub fn detail(store: &mut Store, ctx: &Ctx, id: i64) -> Result<IntakePage> {
    ctx.actor()?;
    store.read(|tx| detail_in(tx, id))
}

coded_enum!(IntakePeriod { Today = ("today", "今天"), Shift = ("shift", "本班"), Range = ("range", "时间段") });
coded_enum!(EntryState {
    Open = ("open", "未办结"),
    Finished = ("finished", "已办结"),
    NightLog = ("night_log", "夜间记录"),
    CallbackPending = ("callback_pending", "待回电"),
    Major = ("major", "突发事件"),
});

/// A repair reported again for the same room and category within the configured days.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RepeatWarning {
    pub days: i64,
    pub count: i64,
    pub last_at: String,
    pub message: String,
}

/// Earlier repair entries of the same room and category within `days` before `at`
/// (excluding the entry `except` itself).
pub fn repeat_check(
    tx: &Transaction,
    room_id: i64,
    category_id: i64,
    at: NaiveDateTime,
    except: Option<i64>,
    days: i64,
) -> Result<Option<RepeatWarning>> {
    let since = when::text(at - Duration::days(days));
    let row: Option<(i64, Option<String>)> = tx
        .query_row(
            "SELECT count(*), max(received_at) FROM intake_entries
             WHERE room_id = ?1 AND category_id = ?2 AND received_at >= ?3 AND received_at <= ?4 AND kind = 'repair'
               AND id IS NOT ?5",
            params![room_id, category_id, since, when::text(at), except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        Some((n, Some(last))) if n > 0 => Some(RepeatWarning {
            days,
            count: n,
            message: format!("重复报修：该房间 {days} 天内已有 {n} 次同类报修，最近一次 {last}"),
            last_at: last,
        }),
        _ => None,
    })
}

#[cfg(test)]
mod lookup_and_list_tests;
#[cfg(test)]
mod tests;
