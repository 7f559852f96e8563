//! Writing a handover record (R-HO-1…4, R-HO-6, R-HO-7, R-DU-7): starting it at a shift change
//! with the roster's people and the open items pulled in, the checklist, notes, open items,
//! anomalies and the incoming person's arrival; nothing changes once someone has signed.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::{Role, ANYONE};
use crate::base::serials::{self, SerialKind};
use crate::base::when;
use crate::duty::on_duty::time_or_now;
use crate::duty::roster::plan::{self, Assignment};
use crate::duty::shifts::ShiftPlace;
use crate::setup::staff::StaffId;
use crate::store::Store;
use crate::{base::audit, base::validate};

use super::*;

fn desk_plan(tx: &Transaction, around: NaiveDateTime) -> Result<Vec<Assignment>> {
    let d = around.date();
    desk_plan_between(tx, d - Duration::days(1), d + Duration::days(1))
}

/// The desk shifts planned on the days `first..=last` (approved changes applied).
pub(super) fn desk_plan_between(
    tx: &Transaction,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> Result<Vec<Assignment>> {
    Ok(plan::effective(tx, first, last, None, &[])?
        .into_iter()
        .filter(|a| a.shift.covers_desk && a.shift.place == ShiftPlace::Desk)
        .collect())
}

fn planned(
    tx: &Transaction,
    change_at: NaiveDateTime,
) -> Result<(Option<Assignment>, Option<Assignment>)> {
    Ok(planned_in(&desk_plan(tx, change_at)?, change_at))
}

/// Planned outgoing and incoming at `change_at` in the desk plan `all` (which must hold the
/// day before): incoming starts then; outgoing is on a shift already running then, the one
/// ending soonest.
pub(super) fn planned_in(
    all: &[Assignment],
    change_at: NaiveDateTime,
) -> (Option<Assignment>, Option<Assignment>) {
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
    (outgoing, incoming)
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
                [when::text(change_at)],
                |r| r.get(0),
            )
            .optional()?;
        Ok(HandoverPlan {
            change_at: when::text(change_at),
            from_night: out.as_ref().is_some_and(|a| a.shift.crosses_midnight),
            outgoing: out.map(|a| a.staff),
            incoming: inc.map(|a| a.staff),
            existing_id,
        })
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
            None => p_out.clone().ok_or_else(|| Error::invalid("outgoing_id", "值班表上此时没有交班人，请选择交班人"))?,
        };
        let incoming = match input.incoming_id {
            Some(id) => plan::brief(tx, id)?,
            None => p_in.clone().ok_or_else(|| Error::invalid("incoming_id", "请选择接班人"))?,
        };
        if outgoing.id == incoming.id {
            return Err(Error::invalid("incoming_id", "交班人与接班人不能是同一人"));
        }
        if input.kind == HandoverKind::Security && incoming.role != Role::Security {
            return Err(Error::invalid("incoming_id", format!("{} 不是秩序维护员；晚间移交应交给秩序维护岗", incoming.name)));
        }
        let kind = if input.kind == HandoverKind::Security { "security" } else { "desk" };
        let dup: Option<i64> = tx
            .query_row("SELECT id FROM handovers WHERE change_at = ?1 AND kind = ?2", params![when::text(change_at), kind], |r| r.get(0))
            .optional()?;
        if let Some(d) = dup {
            return Err(Error::conflict("change_at", format!("{} 的交接班记录已经存在（编号 {d}）", when::text(change_at))));
        }
        let serial = serials::next(tx, SerialKind::Handover, ctx.now)?;
        tx.execute(
            "INSERT INTO handovers (serial, kind, change_at, outgoing_id, incoming_id, planned_outgoing_id, planned_incoming_id, from_night, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![serial, kind, when::text(change_at), outgoing.id, incoming.id, p_out.map(|p| p.id), p_in.map(|p| p.id), from_night, when::text(ctx.now), me],
        )?;
        let id = tx.last_insert_rowid();
        for it in items(tx, true)? {
            tx.execute(
                "INSERT INTO handover_checks (handover_id, item_id, item_name, expected_qty, actual_qty) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, it.id, it.name, it.expected_qty],
            )?;
        }
        // Unfinished work written down at the previous signed change is still open until someone
        // marks it 已办结; it comes over marked as carried, and can no longer be struck out.
        let prev: Option<i64> = tx
            .query_row(
                "SELECT id FROM handovers WHERE status = 'signed' AND kind = 'desk' AND change_at < ?1 ORDER BY change_at DESC LIMIT 1",
                [when::text(change_at)],
                |r| r.get(0),
            )
            .optional()?;
        if let (Some(prev), "desk") = (prev, kind) {
            tx.execute(
                "INSERT INTO handover_open_items (handover_id, source, ref_id, summary, note, carried)
                 SELECT ?1, source, ref_id, summary, note, 1 FROM handover_open_items
                 WHERE handover_id = ?2 AND source = ?3 AND settled_at IS NULL",
                params![id, prev, WRITTEN],
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
            format!("交接班记录 {} 已签字锁定，只能追加补充说明", h.serial),
        ));
    }
    if h.outgoing_signed_at.is_some() || h.incoming_signed_at.is_some() {
        return Err(Error::conflict(
            "id",
            "已有一方签字，内容不能再改；请双方核对后完成签字，或签字后追加补充说明",
        ));
    }
    Ok(h)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NotesInput {
    pub id: i64,
    pub work_notes: String,
    /// 轮休交代, when the outgoing person rests the next day (R-HO-9); left as it is when absent.
    #[serde(default)]
    #[ts(optional)]
    pub rest_notes: Option<String>,
}

/// The outgoing person's notes on unfinished work (R-HO-1, R-HO-3), and their 轮休交代 when
/// they rest the next day (R-HO-9).
pub fn set_notes(store: &mut Store, ctx: &Ctx, input: NotesInput) -> Result<Handover> {
    ctx.require(ANYONE, "填写交接班记录")?;
    let notes = validate::optional("work_notes", "交班说明", &input.work_notes, 2000)?;
    let rest = input
        .rest_notes
        .as_deref()
        .map(|r| validate::optional("rest_notes", "轮休交代", r, 2000))
        .transpose()?;
    store.write(|tx| {
        require_editable(tx, input.id)?;
        tx.execute(
            "UPDATE handovers SET work_notes = ?1 WHERE id = ?2",
            params![notes, input.id],
        )?;
        audit::record(tx, ctx, "填写交班说明", "handovers", Some(input.id), &notes)?;
        if let Some(rest) = rest {
            tx.execute(
                "UPDATE handovers SET rest_notes = ?1 WHERE id = ?2",
                params![rest, input.id],
            )?;
            audit::record(tx, ctx, "填写轮休交代", "handovers", Some(input.id), &rest)?;
        }
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
            return Err(Error::invalid("state", format!("{} 应有 {} 件，实有 {} 件，请标记为缺失并说明", c.item_name, c.expected_qty, input.actual_qty)));
        }
        if input.state != ItemState::Ok && explanation.is_empty() {
            return Err(Error::invalid("explanation", format!("{} {}，请填写交班人的说明", c.item_name, input.state.label())));
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
            "INSERT INTO handover_open_items (handover_id, source, summary, note) VALUES (?1, ?4, ?2, ?3)",
            params![input.id, summary, note, WRITTEN],
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

/// Strikes out an item written on this handover by mistake. What was pulled from the records
/// or carried over from the previous handover stays: it can only be marked 已办结 (R-HO-10).
pub fn remove_open_item(store: &mut Store, ctx: &Ctx, input: RemoveInput) -> Result<Handover> {
    ctx.require(ANYONE, "填写交接班记录")?;
    store.write(|tx| {
        let h = require_editable(tx, input.id)?;
        let item = open_item(&h, input.row_id)?;
        if !item.may_strike {
            return Err(Error::conflict(
                "row_id",
                format!(
                    "“{}”{}，不能删除；办完后请点“已办结”并写明办理情况",
                    item.summary,
                    if item.written {
                        "是上一班移交的事项"
                    } else {
                        "是从记录带入的事项"
                    }
                ),
            ));
        }
        tx.execute(
            "DELETE FROM handover_open_items WHERE id = ?1 AND handover_id = ?2",
            params![input.row_id, input.id],
        )?;
        audit::record(
            tx,
            ctx,
            "删除未完成事项",
            "handovers",
            Some(input.id),
            &item.summary,
        )?;
        load(tx, input.id)
    })
}

fn open_item(h: &Handover, row_id: i64) -> Result<&OpenItem> {
    h.open_items
        .iter()
        .find(|o| o.id == row_id)
        .ok_or_else(|| Error::not_found("row_id", "找不到该未完成事项"))
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SettleInput {
    pub id: i64,
    /// The open item.
    pub row_id: i64,
    /// How it was settled (办理情况).
    pub note: String,
}

/// Marks an open item 已办结 with how it was settled; the item and the words stay (R-HO-10).
pub fn settle_open_item(store: &mut Store, ctx: &Ctx, input: SettleInput) -> Result<Handover> {
    let me = ctx.require(ANYONE, "填写交接班记录")?.id;
    let note = validate::required("note", "办理情况", &input.note, 300)?;
    store.write(|tx| {
        let h = require_editable(tx, input.id)?;
        let item = open_item(&h, input.row_id)?;
        if item.settled_at.is_some() {
            return Err(Error::conflict(
                "row_id",
                format!("“{}”已标为已办结", item.summary),
            ));
        }
        tx.execute(
            "UPDATE handover_open_items SET settled_note = ?1, settled_by = ?2, settled_at = ?3 WHERE id = ?4",
            params![note, me, when::text(ctx.now), input.row_id],
        )?;
        audit::record(tx, ctx, "未完成事项已办结", "handovers", Some(input.id), &format!("{}：{note}", item.summary))?;
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

pub(super) fn mark_arrival(tx: &Transaction, h: &Handover, at: NaiveDateTime) -> Result<bool> {
    let change = NaiveDateTime::parse_from_str(&h.change_at, TIME_FORMAT)
        .map_err(|_| Error::Integrity("交接时间无法读取".into()))?;
    let late = super::arrivals::is_late(tx, change, at)?;
    tx.execute(
        "UPDATE handovers SET arrived_at = ?1, late = ?2 WHERE id = ?3",
        params![when::text(at), late, h.id],
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
                when::text(at),
                if late { " 迟到" } else { "" }
            ),
        )?;
        load(tx, h.id)
    })
}
