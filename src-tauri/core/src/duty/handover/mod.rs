//! Handover (交接班, R-HO-1…7): each desk shift change has a record pre-filled from the roster
//! (a different person is allowed but flagged), the checklist of items kept at the desk, the
//! unfinished work handed on, area anomalies, the incoming person's arrival (late if after the
//! shift start minus the lead, R-DU-7), and both signatures given with each person's own
//! password. Once both have signed the record is locked (also by triggers in the schema);
//! corrections are addenda pointing at it. The evening hand-off to the security gate is a
//! handover whose incoming party is security; next morning the desk records reading their
//! night record.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::{Role, ANYONE, SETUP_EDITORS};
use crate::duty::on_duty::time_or_now;
use crate::duty::roster::plan::{self, Assignment, StaffBrief};
use crate::duty::shifts::ShiftPlace;
use crate::setup::staff::StaffId;
use crate::store::Store;
use crate::{base::audit, base::validate, duty::settings as duty_settings, setup::accounts};

pub mod pulled;

// ---------- the item checklist (configurable) ----------

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DeskItem {
    pub id: i64,
    pub name: String,
    pub expected_qty: i64,
    pub active: bool,
    pub sort: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DeskItemInput {
    pub name: String,
    pub expected_qty: i64,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub sort: i64,
}

fn yes() -> bool {
    true
}

fn items(tx: &Transaction, active_only: bool) -> Result<Vec<DeskItem>> {
    Ok(tx
        .prepare("SELECT id, name, expected_qty, active, sort FROM handover_items WHERE active = 1 OR ?1 = 0 ORDER BY sort, id")?
        .query_map([active_only], |r| Ok(DeskItem { id: r.get(0)?, name: r.get(1)?, expected_qty: r.get(2)?, active: r.get(3)?, sort: r.get(4)? }))?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn item_list(store: &mut Store, ctx: &Ctx) -> Result<Vec<DeskItem>> {
    ctx.actor()?;
    store.read(|tx| items(tx, false))
}

fn clean_item(input: &DeskItemInput) -> Result<String> {
    if !(0..=999).contains(&input.expected_qty) {
        return Err(Error::invalid("expected_qty", "应有数量应在 0 到 999 之间"));
    }
    validate::required("name", "物品名称", &input.name, 20)
}

pub fn item_add(store: &mut Store, ctx: &Ctx, input: DeskItemInput) -> Result<DeskItem> {
    ctx.require(SETUP_EDITORS, "设置交接物品")?;
    let name = clean_item(&input)?;
    store.write(|tx| {
        let taken: Option<i64> = tx
            .query_row(
                "SELECT id FROM handover_items WHERE name = ?1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(Error::conflict("name", format!("交接物品“{name}”已存在")));
        }
        tx.execute(
            "INSERT INTO handover_items (name, expected_qty, active, sort) VALUES (?1, ?2, ?3, ?4)",
            params![name, input.expected_qty, input.active, input.sort],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(
            tx,
            ctx,
            "新增交接物品",
            "handover_items",
            Some(id),
            &format!("{name} ×{}", input.expected_qty),
        )?;
        Ok(items(tx, false)?
            .into_iter()
            .find(|i| i.id == id)
            .ok_or_else(|| Error::Integrity("新增的交接物品读不到".into()))?)
    })
}

pub fn item_update(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    input: DeskItemInput,
) -> Result<DeskItem> {
    ctx.require(SETUP_EDITORS, "设置交接物品")?;
    let name = clean_item(&input)?;
    store.write(|tx| {
        let all = items(tx, false)?;
        let before = all.iter().find(|i| i.id == id).cloned().ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的交接物品")))?;
        if all.iter().any(|i| i.name == name && i.id != id) {
            return Err(Error::conflict("name", format!("交接物品“{name}”已存在")));
        }
        tx.execute(
            "UPDATE handover_items SET name = ?1, expected_qty = ?2, active = ?3, sort = ?4 WHERE id = ?5",
            params![name, input.expected_qty, input.active, input.sort, id],
        )?;
        let after = items(tx, false)?.into_iter().find(|i| i.id == id).ok_or_else(|| Error::Integrity("交接物品读不到".into()))?;
        audit::record(tx, ctx, "修改交接物品", "handover_items", Some(id), &audit::diff(&before, &after))?;
        Ok(after)
    })
}

// ---------- the record ----------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HandoverKind {
    /// Desk shift to desk shift.
    Desk,
    /// Evening hand-off of the phone to the security gate (R-HO-7).
    Security,
}

impl HandoverKind {
    pub fn label(self) -> &'static str {
        match self {
            HandoverKind::Desk => "前台交接",
            HandoverKind::Security => "移交秩序维护岗",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemState {
    Ok,
    Damaged,
    Missing,
}

impl ItemState {
    pub fn code(self) -> &'static str {
        match self {
            ItemState::Ok => "ok",
            ItemState::Damaged => "damaged",
            ItemState::Missing => "missing",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ItemState::Ok => "完好",
            ItemState::Damaged => "损坏",
            ItemState::Missing => "缺失",
        }
    }
    fn parse(s: &str) -> Self {
        match s {
            "damaged" => ItemState::Damaged,
            "missing" => ItemState::Missing,
            _ => ItemState::Ok,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Party {
    Outgoing,
    Incoming,
}

impl Party {
    pub fn label(self) -> &'static str {
        match self {
            Party::Outgoing => "交班人",
            Party::Incoming => "接班人",
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ItemCheck {
    pub item_id: i64,
    pub item_name: String,
    pub expected_qty: i64,
    pub actual_qty: i64,
    pub state: ItemState,
    pub note: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OpenItem {
    pub id: i64,
    /// Where it came from: 交班说明, or the record type it was pulled from.
    pub source: String,
    pub ref_id: Option<i64>,
    pub summary: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Anomaly {
    pub id: i64,
    pub area: String,
    pub description: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Addendum {
    pub id: i64,
    pub text: String,
    pub written_at: String,
    pub written_by: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SecurityRead {
    pub read_at: String,
    pub read_by: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HandoverStatus {
    Open,
    Signed,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Handover {
    pub id: i64,
    pub serial: String,
    pub kind: HandoverKind,
    pub change_at: String,
    pub outgoing: StaffBrief,
    pub incoming: StaffBrief,
    pub planned_outgoing: Option<StaffBrief>,
    pub planned_incoming: Option<StaffBrief>,
    /// Differences from the roster, e.g. an undeclared cover; allowed but shown.
    pub mismatches: Vec<String>,
    pub from_night: bool,
    pub work_notes: String,
    pub arrived_at: Option<String>,
    pub late: bool,
    pub status: HandoverStatus,
    pub outgoing_signed_at: Option<String>,
    pub incoming_signed_at: Option<String>,
    pub carried_over: i64,
    pub checks: Vec<ItemCheck>,
    pub open_items: Vec<OpenItem>,
    pub anomalies: Vec<Anomaly>,
    pub addenda: Vec<Addendum>,
    pub security_read: Option<SecurityRead>,
    pub created_at: String,
}

/// Who the roster expects at the desk shift change at `change_at`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HandoverPlan {
    pub change_at: String,
    pub outgoing: Option<StaffBrief>,
    pub incoming: Option<StaffBrief>,
    pub from_night: bool,
    /// The record for this change, if already started.
    pub existing_id: Option<i64>,
}

fn ts(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

fn desk_plan(tx: &Transaction, around: NaiveDateTime) -> Result<Vec<Assignment>> {
    let d = around.date();
    Ok(
        plan::effective(tx, d - Duration::days(1), d + Duration::days(1), None, &[])?
            .into_iter()
            .filter(|a| a.shift.covers_desk && a.shift.place == ShiftPlace::Desk)
            .collect(),
    )
}

/// Planned outgoing and incoming at `change_at`: incoming starts then; outgoing is on a shift
/// already running then, the one ending soonest.
fn planned(
    tx: &Transaction,
    change_at: NaiveDateTime,
) -> Result<(Option<Assignment>, Option<Assignment>)> {
    let all = desk_plan(tx, change_at)?;
    let incoming = all
        .iter()
        .find(|a| a.shift.span(a.day).0 == change_at)
        .cloned();
    let outgoing = all
        .iter()
        .filter(|a| {
            let (s, e) = a.shift.span(a.day);
            s < change_at
                && e >= change_at
                && incoming.as_ref().is_none_or(|i| i.staff.id != a.staff.id)
        })
        .min_by_key(|a| a.shift.span(a.day).1)
        .cloned();
    Ok((outgoing, incoming))
}

/// The start of the desk shift nearest to `at` (or `at` itself when nobody is planned).
fn nearest_change(tx: &Transaction, at: NaiveDateTime) -> Result<NaiveDateTime> {
    let starts = desk_plan(tx, at)?
        .into_iter()
        .map(|a| a.shift.span(a.day).0);
    Ok(starts
        .min_by_key(|s| (*s - at).num_minutes().abs())
        .unwrap_or(at))
}

/// The desk shift change nearest to `at` (default now), with who the roster expects.
pub fn plan_for(store: &mut Store, ctx: &Ctx, at: Option<String>) -> Result<HandoverPlan> {
    ctx.actor()?;
    let at = time_or_now("at", at.as_deref(), ctx.now)?;
    store.read(|tx| {
        let change_at = nearest_change(tx, at)?;
        let (out, inc) = planned(tx, change_at)?;
        let existing_id = tx
            .query_row(
                "SELECT id FROM handovers WHERE change_at = ?1 AND kind = 'desk'",
                [ts(change_at)],
                |r| r.get(0),
            )
            .optional()?;
        Ok(HandoverPlan {
            change_at: ts(change_at),
            from_night: out.as_ref().is_some_and(|a| a.shift.crosses_midnight),
            outgoing: out.map(|a| a.staff),
            incoming: inc.map(|a| a.staff),
            existing_id,
        })
    })
}

fn load(tx: &Transaction, id: i64) -> Result<Handover> {
    type Head = (
        String,
        String,
        String,
        i64,
        i64,
        Option<i64>,
        Option<i64>,
        bool,
        String,
        Option<String>,
        bool,
        String,
        Option<String>,
        Option<String>,
        i64,
        String,
    );
    let h: Head = tx
        .query_row(
            "SELECT serial, kind, change_at, outgoing_id, incoming_id, planned_outgoing_id, planned_incoming_id, from_night, work_notes,
                    arrived_at, late, status, outgoing_signed_at, incoming_signed_at, carried_over, created_at FROM handovers WHERE id = ?1",
            [id],
            |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?,
                    r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?, r.get(14)?, r.get(15)?))
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的交接班记录")))?;
    let outgoing = plan::brief(tx, h.3)?;
    let incoming = plan::brief(tx, h.4)?;
    let planned_outgoing = h.5.map(|i| plan::brief(tx, i)).transpose()?;
    let planned_incoming = h.6.map(|i| plan::brief(tx, i)).transpose()?;
    let kind = if h.1 == "security" {
        HandoverKind::Security
    } else {
        HandoverKind::Desk
    };
    let mut mismatches = Vec::new();
    match &planned_outgoing {
        Some(p) if p.id != outgoing.id => mismatches.push(format!(
            "值班表上的交班人是 {},实际为 {}",
            p.name, outgoing.name
        )),
        None => mismatches.push(format!("值班表上此时没有交班人,实际为 {}", outgoing.name)),
        _ => {}
    }
    if kind == HandoverKind::Desk {
        match &planned_incoming {
            Some(p) if p.id != incoming.id => mismatches.push(format!(
                "值班表上的接班人是 {},实际为 {}",
                p.name, incoming.name
            )),
            None => mismatches.push(format!("值班表上此时没有接班人,实际为 {}", incoming.name)),
            _ => {}
        }
    }
    let checks = tx
        .prepare("SELECT item_id, item_name, expected_qty, actual_qty, state, note, explanation FROM handover_checks WHERE handover_id = ?1 ORDER BY rowid")?
        .query_map([id], |r| {
            Ok(ItemCheck {
                item_id: r.get(0)?,
                item_name: r.get(1)?,
                expected_qty: r.get(2)?,
                actual_qty: r.get(3)?,
                state: ItemState::parse(&r.get::<_, String>(4)?),
                note: r.get(5)?,
                explanation: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let open_items = tx
        .prepare("SELECT id, source, ref_id, summary, note FROM handover_open_items WHERE handover_id = ?1 ORDER BY id")?
        .query_map([id], |r| Ok(OpenItem { id: r.get(0)?, source: r.get(1)?, ref_id: r.get(2)?, summary: r.get(3)?, note: r.get(4)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let anomalies = tx
        .prepare("SELECT id, area, description, explanation FROM handover_anomalies WHERE handover_id = ?1 ORDER BY id")?
        .query_map([id], |r| Ok(Anomaly { id: r.get(0)?, area: r.get(1)?, description: r.get(2)?, explanation: r.get(3)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let addenda = tx
        .prepare("SELECT a.id, a.text, a.written_at, s.name FROM handover_addenda a JOIN staff s ON s.id = a.written_by WHERE a.handover_id = ?1 ORDER BY a.id")?
        .query_map([id], |r| Ok(Addendum { id: r.get(0)?, text: r.get(1)?, written_at: r.get(2)?, written_by: r.get(3)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let security_read = tx
        .query_row(
            "SELECT r.read_at, s.name, r.note FROM security_night_reads r JOIN staff s ON s.id = r.read_by WHERE r.handover_id = ?1",
            [id],
            |r| Ok(SecurityRead { read_at: r.get(0)?, read_by: r.get(1)?, note: r.get(2)? }),
        )
        .optional()?;
    Ok(Handover {
        id,
        serial: h.0,
        kind,
        change_at: h.2,
        outgoing,
        incoming,
        planned_outgoing,
        planned_incoming,
        mismatches,
        from_night: h.7,
        work_notes: h.8,
        arrived_at: h.9,
        late: h.10,
        status: if h.11 == "signed" {
            HandoverStatus::Signed
        } else {
            HandoverStatus::Open
        },
        outgoing_signed_at: h.12,
        incoming_signed_at: h.13,
        carried_over: h.14,
        checks,
        open_items,
        anomalies,
        addenda,
        security_read,
        created_at: h.15,
    })
}

pub fn get(store: &mut Store, ctx: &Ctx, id: i64) -> Result<Handover> {
    ctx.actor()?;
    store.read(|tx| load(tx, id))
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HandoverSummary {
    pub id: i64,
    pub serial: String,
    pub kind: HandoverKind,
    pub change_at: String,
    pub outgoing: String,
    pub incoming: String,
    pub status: HandoverStatus,
    pub late: bool,
    pub carried_over: i64,
    /// A security hand-off whose night record the desk has not yet acknowledged.
    pub awaiting_read: bool,
}

/// Handovers of the last `days` days, newest first.
pub fn list(store: &mut Store, ctx: &Ctx, days: i64) -> Result<Vec<HandoverSummary>> {
    ctx.actor()?;
    let since = ts(ctx.now - Duration::days(days.clamp(1, 3660)));
    store.read(|tx| {
        Ok(tx
            .prepare(
                "SELECT h.id, h.serial, h.kind, h.change_at, o.name, i.name, h.status, h.late, h.carried_over,
                        h.kind = 'security' AND NOT EXISTS (SELECT 1 FROM security_night_reads r WHERE r.handover_id = h.id)
                 FROM handovers h JOIN staff o ON o.id = h.outgoing_id JOIN staff i ON i.id = h.incoming_id
                 WHERE h.change_at >= ?1 ORDER BY h.change_at DESC, h.id DESC",
            )?
            .query_map([since], |r| {
                Ok(HandoverSummary {
                    id: r.get(0)?,
                    serial: r.get(1)?,
                    kind: if r.get::<_, String>(2)? == "security" { HandoverKind::Security } else { HandoverKind::Desk },
                    change_at: r.get(3)?,
                    outgoing: r.get(4)?,
                    incoming: r.get(5)?,
                    status: if r.get::<_, String>(6)? == "signed" { HandoverStatus::Signed } else { HandoverStatus::Open },
                    late: r.get(7)?,
                    carried_over: r.get(8)?,
                    awaiting_read: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct HandoverStart {
    pub kind: HandoverKind,
    /// When the incoming shift starts; default: the nearest desk shift change.
    #[serde(default)]
    pub change_at: Option<String>,
    /// Default: as on the roster.
    #[serde(default)]
    pub outgoing_id: Option<StaffId>,
    #[serde(default)]
    pub incoming_id: Option<StaffId>,
}

/// Opens the record for a shift change, pre-filled from the roster, with every active item
/// at its expected quantity, the notes on unfinished work from the previous handover carried
/// forward, and the records still open elsewhere pulled in.
pub fn start(store: &mut Store, ctx: &Ctx, input: HandoverStart) -> Result<Handover> {
    let me = ctx.require(ANYONE, "开始交接班")?.id;
    let given = match input.change_at.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => Some(time_or_now("change_at", Some(t), ctx.now)?),
        None => None,
    };
    store.write(|tx| {
        let change_at = match given {
            Some(t) => t,
            None => nearest_change(tx, ctx.now)?,
        };
        if (change_at - ctx.now).num_hours().abs() > 48 {
            return Err(Error::invalid("change_at", "交接时间应在前后 48 小时之内"));
        }
        let (p_out, p_in) = planned(tx, change_at)?;
        let from_night = p_out.as_ref().is_some_and(|a| a.shift.crosses_midnight);
        let p_out = p_out.map(|a| a.staff);
        let p_in = if input.kind == HandoverKind::Desk { p_in.map(|a| a.staff) } else { None };
        let outgoing = match input.outgoing_id {
            Some(id) => plan::brief(tx, id)?,
            None => p_out.clone().ok_or_else(|| Error::invalid("outgoing_id", "值班表上此时没有交班人,请选择交班人"))?,
        };
        let incoming = match input.incoming_id {
            Some(id) => plan::brief(tx, id)?,
            None => p_in.clone().ok_or_else(|| Error::invalid("incoming_id", "请选择接班人"))?,
        };
        if outgoing.id == incoming.id {
            return Err(Error::invalid("incoming_id", "交班人与接班人不能是同一人"));
        }
        if input.kind == HandoverKind::Security && incoming.role != Role::Security {
            return Err(Error::invalid("incoming_id", format!("{} 不是秩序维护员;晚间移交应交给秩序维护岗", incoming.name)));
        }
        let kind = if input.kind == HandoverKind::Security { "security" } else { "desk" };
        let dup: Option<i64> = tx
            .query_row("SELECT id FROM handovers WHERE change_at = ?1 AND kind = ?2", params![ts(change_at), kind], |r| r.get(0))
            .optional()?;
        if let Some(d) = dup {
            return Err(Error::conflict("change_at", format!("{} 的交接班记录已经存在(编号 {d})", ts(change_at))));
        }
        let prefix = format!("JJ-{}-", ctx.now.format("%Y%m"));
        let n: i64 = tx.query_row("SELECT count(*) FROM handovers WHERE serial LIKE ?1 || '%'", [&prefix], |r| r.get(0))?;
        let serial = format!("{prefix}{:04}", n + 1);
        tx.execute(
            "INSERT INTO handovers (serial, kind, change_at, outgoing_id, incoming_id, planned_outgoing_id, planned_incoming_id, from_night, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![serial, kind, ts(change_at), outgoing.id, incoming.id, p_out.map(|p| p.id), p_in.map(|p| p.id), from_night, ts(ctx.now), me],
        )?;
        let id = tx.last_insert_rowid();
        for it in items(tx, true)? {
            tx.execute(
                "INSERT INTO handover_checks (handover_id, item_id, item_name, expected_qty, actual_qty) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, it.id, it.name, it.expected_qty],
            )?;
        }
        // Unfinished work written down at the previous signed change is still open until someone drops it.
        let prev: Option<i64> = tx
            .query_row(
                "SELECT id FROM handovers WHERE status = 'signed' AND kind = 'desk' AND change_at < ?1 ORDER BY change_at DESC LIMIT 1",
                [ts(change_at)],
                |r| r.get(0),
            )
            .optional()?;
        if let (Some(prev), "desk") = (prev, kind) {
            tx.execute(
                "INSERT INTO handover_open_items (handover_id, source, ref_id, summary, note)
                 SELECT ?1, source, ref_id, summary, note FROM handover_open_items WHERE handover_id = ?2 AND source = '交班说明'",
                params![id, prev],
            )?;
        }
        for p in pulled::open_records(tx, change_at)? {
            tx.execute(
                "INSERT INTO handover_open_items (handover_id, source, ref_id, summary) VALUES (?1, ?2, ?3, ?4)",
                params![id, p.source, p.ref_id, p.summary],
            )?;
        }
        audit::record(tx, ctx, "开始交接班", "handovers", Some(id), &format!("{serial} {} → {}", outgoing.name, incoming.name))?;
        load(tx, id)
    })
}

/// Refuses any change once someone has signed; after both, the record is locked for good.
fn require_editable(tx: &Transaction, id: i64) -> Result<Handover> {
    let h = load(tx, id)?;
    if h.status == HandoverStatus::Signed {
        return Err(Error::conflict(
            "id",
            format!("交接班记录 {} 已签字锁定,只能追加补充说明", h.serial),
        ));
    }
    if h.outgoing_signed_at.is_some() || h.incoming_signed_at.is_some() {
        return Err(Error::conflict(
            "id",
            "已有一方签字,内容不能再改;请双方核对后完成签字,或签字后追加补充说明",
        ));
    }
    Ok(h)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NotesInput {
    pub id: i64,
    pub work_notes: String,
}

/// The outgoing person's notes on unfinished work (R-HO-1, R-HO-3).
pub fn set_notes(store: &mut Store, ctx: &Ctx, input: NotesInput) -> Result<Handover> {
    ctx.require(ANYONE, "填写交接班记录")?;
    let notes = validate::optional("work_notes", "交班说明", &input.work_notes, 2000)?;
    store.write(|tx| {
        require_editable(tx, input.id)?;
        tx.execute(
            "UPDATE handovers SET work_notes = ?1 WHERE id = ?2",
            params![notes, input.id],
        )?;
        audit::record(tx, ctx, "填写交班说明", "handovers", Some(input.id), &notes)?;
        load(tx, input.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CheckInput {
    pub id: i64,
    pub item_id: i64,
    pub actual_qty: i64,
    pub state: ItemState,
    #[serde(default)]
    pub note: String,
    /// The outgoing person's explanation of damage or loss.
    #[serde(default)]
    pub explanation: String,
}

/// Records what the incoming person found for one item (R-HO-2).
pub fn set_check(store: &mut Store, ctx: &Ctx, input: CheckInput) -> Result<Handover> {
    ctx.require(ANYONE, "清点交接物品")?;
    let note = validate::optional("note", "备注", &input.note, 200)?;
    let explanation = validate::optional("explanation", "交班人说明", &input.explanation, 200)?;
    if !(0..=999).contains(&input.actual_qty) {
        return Err(Error::invalid("actual_qty", "实有数量应在 0 到 999 之间"));
    }
    store.write(|tx| {
        let h = require_editable(tx, input.id)?;
        let c = h.checks.iter().find(|c| c.item_id == input.item_id).ok_or_else(|| Error::not_found("item_id", "本次交接没有这件物品"))?;
        if input.state == ItemState::Ok && input.actual_qty < c.expected_qty {
            return Err(Error::invalid("state", format!("{} 应有 {} 件,实有 {} 件,请标记为缺失并说明", c.item_name, c.expected_qty, input.actual_qty)));
        }
        if input.state != ItemState::Ok && explanation.is_empty() {
            return Err(Error::invalid("explanation", format!("{} {},请填写交班人的说明", c.item_name, input.state.label())));
        }
        tx.execute(
            "UPDATE handover_checks SET actual_qty = ?1, state = ?2, note = ?3, explanation = ?4 WHERE handover_id = ?5 AND item_id = ?6",
            params![input.actual_qty, input.state.code(), note, explanation, input.id, input.item_id],
        )?;
        audit::record(tx, ctx, "清点交接物品", "handovers", Some(input.id), &format!("{} {} {}", c.item_name, input.actual_qty, input.state.label()))?;
        load(tx, input.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct OpenItemInput {
    pub id: i64,
    pub summary: String,
    #[serde(default)]
    pub note: String,
}

/// Hands on a piece of unfinished work explicitly (R-HO-1).
pub fn add_open_item(store: &mut Store, ctx: &Ctx, input: OpenItemInput) -> Result<Handover> {
    ctx.require(ANYONE, "填写交接班记录")?;
    let summary = validate::required("summary", "未完成事项", &input.summary, 300)?;
    let note = validate::optional("note", "跟进说明", &input.note, 300)?;
    store.write(|tx| {
        require_editable(tx, input.id)?;
        tx.execute(
            "INSERT INTO handover_open_items (handover_id, source, summary, note) VALUES (?1, '交班说明', ?2, ?3)",
            params![input.id, summary, note],
        )?;
        audit::record(tx, ctx, "移交未完成事项", "handovers", Some(input.id), &summary)?;
        load(tx, input.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RemoveInput {
    pub id: i64,
    /// The open item or anomaly.
    pub row_id: i64,
}

/// Drops an unfinished item that was settled before the change.
pub fn remove_open_item(store: &mut Store, ctx: &Ctx, input: RemoveInput) -> Result<Handover> {
    ctx.require(ANYONE, "填写交接班记录")?;
    store.write(|tx| {
        require_editable(tx, input.id)?;
        let n = tx.execute(
            "DELETE FROM handover_open_items WHERE id = ?1 AND handover_id = ?2",
            params![input.row_id, input.id],
        )?;
        if n == 0 {
            return Err(Error::not_found("row_id", "找不到该未完成事项"));
        }
        audit::record(
            tx,
            ctx,
            "未完成事项已办结",
            "handovers",
            Some(input.id),
            &input.row_id.to_string(),
        )?;
        load(tx, input.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AnomalyInput {
    pub id: i64,
    pub area: String,
    pub description: String,
    #[serde(default)]
    pub explanation: String,
}

/// An anomaly in the area, with the outgoing person's explanation (R-HO-4).
pub fn add_anomaly(store: &mut Store, ctx: &Ctx, input: AnomalyInput) -> Result<Handover> {
    ctx.require(ANYONE, "填写交接班记录")?;
    let area = validate::required("area", "区域", &input.area, 50)?;
    let description = validate::required("description", "异常情况", &input.description, 300)?;
    let explanation = validate::required("explanation", "交班人说明", &input.explanation, 300)?;
    store.write(|tx| {
        require_editable(tx, input.id)?;
        tx.execute(
            "INSERT INTO handover_anomalies (handover_id, area, description, explanation) VALUES (?1, ?2, ?3, ?4)",
            params![input.id, area, description, explanation],
        )?;
        audit::record(tx, ctx, "登记区域异常", "handovers", Some(input.id), &format!("{area} {description}"))?;
        load(tx, input.id)
    })
}

pub fn remove_anomaly(store: &mut Store, ctx: &Ctx, input: RemoveInput) -> Result<Handover> {
    ctx.require(ANYONE, "填写交接班记录")?;
    store.write(|tx| {
        require_editable(tx, input.id)?;
        let n = tx.execute(
            "DELETE FROM handover_anomalies WHERE id = ?1 AND handover_id = ?2",
            params![input.row_id, input.id],
        )?;
        if n == 0 {
            return Err(Error::not_found("row_id", "找不到该异常记录"));
        }
        audit::record(
            tx,
            ctx,
            "删除区域异常",
            "handovers",
            Some(input.id),
            &input.row_id.to_string(),
        )?;
        load(tx, input.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ArrivalInput {
    pub id: i64,
    /// Default: now.
    #[serde(default)]
    pub arrived_at: Option<String>,
}

fn mark_arrival(tx: &Transaction, h: &Handover, at: NaiveDateTime) -> Result<bool> {
    let lead = duty_settings::load(tx)?.arrival_lead_minutes;
    let change = NaiveDateTime::parse_from_str(&h.change_at, TIME_FORMAT)
        .map_err(|_| Error::Integrity("交接时间无法读取".into()))?;
    let late = at > change - Duration::minutes(lead);
    tx.execute(
        "UPDATE handovers SET arrived_at = ?1, late = ?2 WHERE id = ?3",
        params![ts(at), late, h.id],
    )?;
    Ok(late)
}

/// Records when the incoming person arrived; later than the shift start minus the lead is late.
pub fn record_arrival(store: &mut Store, ctx: &Ctx, input: ArrivalInput) -> Result<Handover> {
    ctx.require(ANYONE, "登记到岗时间")?;
    let at = time_or_now("arrived_at", input.arrived_at.as_deref(), ctx.now)?;
    if at > ctx.now {
        return Err(Error::invalid("arrived_at", "到岗时间不能晚于现在"));
    }
    store.write(|tx| {
        let h = require_editable(tx, input.id)?;
        let late = mark_arrival(tx, &h, at)?;
        audit::record(
            tx,
            ctx,
            "登记到岗时间",
            "handovers",
            Some(h.id),
            &format!(
                "{} {}{}",
                h.incoming.name,
                ts(at),
                if late { " 迟到" } else { "" }
            ),
        )?;
        load(tx, h.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SignInput {
    pub id: i64,
    pub party: Party,
    /// The signer's own password, typed at the desk.
    pub password: String,
}

/// One party signs with their own password. When both have signed the record is locked and
/// the number of items carried over is kept. A handover from the night shift cannot be
/// completed while night-log entries are still unhandled (R-HO-6).
pub fn sign(store: &mut Store, ctx: &Ctx, input: SignInput) -> Result<Handover> {
    ctx.require(ANYONE, "交接班签字")?;
    let h = store.read(|tx| load(tx, input.id))?;
    if h.status == HandoverStatus::Signed {
        return Err(Error::conflict(
            "id",
            format!("交接班记录 {} 已签字锁定", h.serial),
        ));
    }
    let signer = if input.party == Party::Outgoing {
        &h.outgoing
    } else {
        &h.incoming
    };
    if input.password.is_empty() {
        return Err(Error::invalid(
            "password",
            format!("请{}{}输入自己的密码", input.party.label(), signer.name),
        ));
    }
    // The password check is its own transaction on purpose: a wrong password is counted (and
    // may lock the account) even though the signature is refused.
    accounts::verify(store, ctx.now, signer.id, &input.password).map_err(|e| match e {
        Error::WrongPassword(_) => {
            Error::invalid("password", format!("{} 的密码不正确", signer.name))
        }
        Error::NotFound { .. } => Error::invalid(
            "password",
            format!("{} 没有登录账号,不能签字;请主管先为其开通账号", signer.name),
        ),
        other => other,
    })?;
    sign_as(store, ctx, input.id, input.party)
}

/// The signature itself, once the signer is known to be who they say (the password checked by
/// `sign`; the half-finished-period generator signs as its people directly).
pub(crate) fn sign_as(store: &mut Store, ctx: &Ctx, id: i64, party: Party) -> Result<Handover> {
    let input = SignParty { id, party };
    store.write(|tx| {
        let h = load(tx, input.id)?;
        if h.status == HandoverStatus::Signed {
            return Err(Error::conflict("id", format!("交接班记录 {} 已签字锁定", h.serial)));
        }
        let already = if input.party == Party::Outgoing { &h.outgoing_signed_at } else { &h.incoming_signed_at };
        if already.is_some() {
            return Err(Error::conflict("party", format!("{}已经签过字", input.party.label())));
        }
        let other_signed = if input.party == Party::Outgoing { h.incoming_signed_at.is_some() } else { h.outgoing_signed_at.is_some() };
        if other_signed && h.from_night {
            let pending = pulled::unhandled_night_log(tx, ctx.now)?;
            if pending > 0 {
                return Err(Error::conflict(
                    "night_log",
                    format!("还有 {pending} 条夜间值班记录未转为派工单/投诉或标记已处理,处理后才能完成早班交接"),
                ));
            }
        }
        if input.party == Party::Incoming && h.arrived_at.is_none() {
            mark_arrival(tx, &h, ctx.now)?;
        }
        let col = if input.party == Party::Outgoing { "outgoing_signed_at" } else { "incoming_signed_at" };
        tx.execute(&format!("UPDATE handovers SET {col} = ?1 WHERE id = ?2"), params![ts(ctx.now), h.id])?;
        audit::record(tx, ctx, "交接班签字", "handovers", Some(h.id), &format!("{} {}", input.party.label(), signer_name(&h, input.party)))?;
        if other_signed {
            tx.execute(
                "UPDATE handovers SET status = 'signed', carried_over = (SELECT count(*) FROM handover_open_items WHERE handover_id = ?1) WHERE id = ?1",
                [h.id],
            )?;
            audit::record(tx, ctx, "交接班完成", "handovers", Some(h.id), &h.serial)?;
        }
        load(tx, h.id)
    })
}

struct SignParty {
    id: i64,
    party: Party,
}

fn signer_name(h: &Handover, p: Party) -> String {
    if p == Party::Outgoing {
        h.outgoing.name.clone()
    } else {
        h.incoming.name.clone()
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AddendumInput {
    pub id: i64,
    pub text: String,
}

/// A correction to a signed record: a new row pointing at it.
pub fn add_addendum(store: &mut Store, ctx: &Ctx, input: AddendumInput) -> Result<Handover> {
    let me = ctx.require(ANYONE, "追加补充说明")?.id;
    let text = validate::required("text", "补充说明", &input.text, 1000)?;
    store.write(|tx| {
        let h = load(tx, input.id)?;
        if h.status != HandoverStatus::Signed {
            return Err(Error::conflict("id", "记录尚未签字,请直接修改内容"));
        }
        tx.execute(
            "INSERT INTO handover_addenda (handover_id, text, written_at, written_by) VALUES (?1, ?2, ?3, ?4)",
            params![h.id, text, ts(ctx.now), me],
        )?;
        audit::record(tx, ctx, "追加交接补充说明", "handovers", Some(h.id), &text)?;
        load(tx, h.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SecurityReadInput {
    pub id: i64,
    #[serde(default)]
    pub note: String,
}

/// Next morning the desk records it has read security's night record (R-HO-7).
pub fn read_security_record(
    store: &mut Store,
    ctx: &Ctx,
    input: SecurityReadInput,
) -> Result<Handover> {
    let me = ctx.require(ANYONE, "确认已阅夜间记录")?.id;
    let note = validate::optional("note", "备注", &input.note, 300)?;
    store.write(|tx| {
        let h = load(tx, input.id)?;
        if h.kind != HandoverKind::Security {
            return Err(Error::invalid("id", "只有移交秩序维护岗的交接需要确认夜间记录"));
        }
        if h.security_read.is_some() {
            return Err(Error::conflict("id", "已经确认过"));
        }
        tx.execute(
            "INSERT INTO security_night_reads (handover_id, read_at, read_by, note) VALUES (?1, ?2, ?3, ?4)",
            params![h.id, ts(ctx.now), me, note],
        )?;
        audit::record(tx, ctx, "已阅秩序维护岗夜间记录", "handovers", Some(h.id), &note)?;
        load(tx, h.id)
    })
}

#[cfg(test)]
mod tests;
