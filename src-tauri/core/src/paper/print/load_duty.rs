//! Fills the duty forms (值班安排表, 调班/请假申请单, 交接班记录表) from the duty tables.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, Transaction};

use super::forms::handover::{HandoverItem, HandoverOpenItem, HandoverSheet};
use super::forms::roster::{RosterPerson, RosterSheet, ShiftLegend};
use super::forms::shift_request::ShiftRequestForm;
use super::labels::minute;
use crate::base::error::{Error, Result};
use crate::base::role::Role;

fn role_label(code: &str) -> String {
    Role::parse(code, "role")
        .map(|r| r.label())
        .unwrap_or("")
        .to_string()
}

pub fn handover(tx: &Transaction, serial: &str) -> Result<HandoverSheet> {
    let found = tx
        .query_row(
            "SELECT h.id, h.serial, h.kind, h.change_at, o.name, i.name, COALESCE(h.outgoing_signed_at, ''),
                    COALESCE(h.incoming_signed_at, ''), h.work_notes
             FROM handovers h JOIN staff o ON o.id = h.outgoing_id JOIN staff i ON i.id = h.incoming_id
             WHERE h.serial = ?1",
            [serial.trim()],
            |r| {
                let kind: String = r.get(2)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    HandoverSheet {
                        serial: r.get(1)?,
                        shift: format!("{} {}", minute(&r.get::<_, String>(3)?), if kind == "security" { "移交秩序维护岗" } else { "前台交接班" }),
                        outgoing: r.get(4)?,
                        incoming: r.get(5)?,
                        items: Vec::new(),
                        open_items: Vec::new(),
                        anomalies: String::new(),
                        log_notes: r.get(8)?,
                        outgoing_signed_at: minute(&r.get::<_, String>(6)?),
                        incoming_signed_at: minute(&r.get::<_, String>(7)?),
                    },
                ))
            },
        )
        .optional()?;
    let (id, mut h) = found.ok_or_else(|| {
        Error::not_found("serial", format!("找不到交接班记录“{}”", serial.trim()))
    })?;
    let mut st = tx.prepare_cached(
        "SELECT item_name, expected_qty, actual_qty, state, note, explanation FROM handover_checks WHERE handover_id = ?1 ORDER BY item_id",
    )?;
    h.items = st
        .query_map([id], |r| {
            let state: String = r.get(3)?;
            let (note, why): (String, String) = (r.get(4)?, r.get(5)?);
            Ok(HandoverItem {
                name: r.get(0)?,
                quantity: format!("{}/{}", r.get::<_, i64>(2)?, r.get::<_, i64>(1)?),
                state: match state.as_str() {
                    "damaged" => "损坏",
                    "missing" => "缺失",
                    _ => "完好",
                }
                .to_string(),
                note: [
                    note,
                    if why.is_empty() {
                        why
                    } else {
                        format!("交班人说明:{why}")
                    },
                ]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(";"),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = tx.prepare_cached(
        "SELECT source, summary, note FROM handover_open_items WHERE handover_id = ?1 ORDER BY id",
    )?;
    h.open_items = st
        .query_map([id], |r| {
            Ok(HandoverOpenItem {
                record_serial: r.get(0)?,
                description: r.get(1)?,
                follow_up: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = tx.prepare_cached("SELECT area, description, explanation FROM handover_anomalies WHERE handover_id = ?1 ORDER BY id")?;
    let lines: Vec<String> = st
        .query_map([id], |r| {
            let why: String = r.get(2)?;
            Ok(format!(
                "{}:{}{}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                if why.is_empty() {
                    String::new()
                } else {
                    format!("(交班人说明:{why})")
                }
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    h.anomalies = lines.join("\n");
    Ok(h)
}

/// The month's roster as planned, with approved swaps/leave (overrides) laid over it.
pub fn roster(tx: &Transaction, month: &str) -> Result<RosterSheet> {
    // A day (2026-11-23) names its month too.
    let m = month.trim();
    let m = if m.len() == 10 {
        m.get(..7).unwrap_or(m)
    } else {
        m
    };
    let first = NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
        .map_err(|_| Error::invalid("from", format!("月份“{m}”格式不正确,应为 2026-11")))?;
    let found = tx
        .query_row(
            "SELECT r.id, COALESCE(p.name, ''), COALESCE(r.published_at, '') FROM rosters r LEFT JOIN staff p ON p.id = r.published_by WHERE r.month = ?1",
            [m],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
        )
        .optional()?;
    let (id, published_by, published_at) =
        found.ok_or_else(|| Error::not_found("from", format!("{m} 尚未编排值班表")))?;
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }
    .unwrap_or(first);
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d < next).collect();
    let mut st = tx.prepare_cached(
        "SELECT DISTINCT s.id, s.name, s.role, s.phone FROM roster_cells c JOIN staff s ON s.id = c.staff_id
         WHERE c.roster_id = ?1 ORDER BY s.role, s.name",
    )?;
    let staff: Vec<(i64, String, String, String)> = st
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut cell = tx.prepare_cached(
        "SELECT COALESCE(
            (SELECT COALESCE(sh.code, '休') FROM roster_overrides o LEFT JOIN shifts sh ON sh.id = o.shift_id
             WHERE o.staff_id = ?1 AND o.day = ?2 ORDER BY o.id DESC LIMIT 1),
            (SELECT sh.code FROM roster_cells c JOIN shifts sh ON sh.id = c.shift_id WHERE c.roster_id = ?3 AND c.staff_id = ?1 AND c.day = ?2),
            '')",
    )?;
    let mut people = Vec::with_capacity(staff.len());
    for (sid, name, role, phone) in staff {
        let mut marks = Vec::with_capacity(days.len());
        for d in &days {
            let code: String = cell.query_row(params![sid, d.to_string(), id], |r| r.get(0))?;
            marks.push(if code == "休" { String::new() } else { code });
        }
        people.push(RosterPerson {
            name,
            role: role_label(&role),
            phone,
            days: marks,
        });
    }
    let mut st = tx.prepare_cached(
        // A published roster prints the times it was published with.
        "SELECT s.code, s.name, COALESCE(t.start_time, s.start_time), COALESCE(t.end_time, s.end_time)
         FROM shifts s LEFT JOIN roster_shift_times t ON t.shift_id = s.id AND t.roster_id = ?1
         WHERE s.active = 1 ORDER BY s.sort, s.id",
    )?;
    let legend = st
        .query_map([id], |r| {
            let (start, end): (String, String) = (r.get(2)?, r.get(3)?);
            let hours = if end <= start {
                format!("{start}–次日{end}")
            } else {
                format!("{start}–{end}")
            };
            Ok(ShiftLegend {
                code: r.get(0)?,
                name: r.get(1)?,
                hours,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    const WD: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    Ok(RosterSheet {
        month: m.to_string(),
        days_in_month: days.len() as u32,
        weekdays: days
            .iter()
            .map(|d| WD[d.weekday().num_days_from_monday() as usize].to_string())
            .collect(),
        people,
        legend,
        published_by,
        published_at: minute(&published_at),
    })
}

/// A swap or leave request by its number.
pub fn request(tx: &Transaction, number: &str) -> Result<ShiftRequestForm> {
    let id: i64 = number
        .trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| Error::invalid("serial", "申请编号应为数字"))?;
    let found = tx
        .query_row(
            "SELECT q.kind, s.name, s.role, s.phone, q.filed_at, q.from_day, q.to_day, COALESCE(o.name, ''), COALESCE(q.other_day, ''),
                    q.reason, COALESCE(sub.name, ''), q.status, COALESCE(d.name, ''), COALESCE(d.role, ''), COALESCE(q.decided_at, ''), q.decision_note
             FROM duty_requests q JOIN staff s ON s.id = q.staff_id
             LEFT JOIN staff o ON o.id = q.other_staff_id
             LEFT JOIN staff sub ON sub.id = q.substitute_id
             LEFT JOIN staff d ON d.id = q.decided_by
             WHERE q.id = ?1",
            [id],
            |r| {
                let kind: String = r.get(0)?;
                let (from, to): (String, String) = (r.get(5)?, r.get(6)?);
                let other: String = r.get(7)?;
                let other_day: String = r.get(8)?;
                let status: String = r.get(11)?;
                let (decider, decider_role, decided_at): (String, String, String) = (r.get(12)?, r.get(13)?, r.get(14)?);
                let approved = status == "approved";
                let (sup, mgr) = match (approved, decider_role.as_str()) {
                    (true, "manager") => ((String::new(), String::new()), (decider, minute(&decided_at))),
                    (true, _) => ((decider, minute(&decided_at)), (String::new(), String::new())),
                    _ => ((String::new(), String::new()), (String::new(), String::new())),
                };
                let days = NaiveDate::parse_from_str(&to, "%Y-%m-%d").ok().zip(NaiveDate::parse_from_str(&from, "%Y-%m-%d").ok()).map(|(t, f)| (t - f).num_days() + 1).unwrap_or(1);
                let note: String = r.get(15)?;
                Ok(ShiftRequestForm {
                    serial: format!("#{id}"),
                    kind: if kind == "leave" { "请假" } else { "调班" }.to_string(),
                    applicant: r.get(1)?,
                    role: role_label(&r.get::<_, String>(2)?),
                    phone: r.get(3)?,
                    submitted_at: minute(&r.get::<_, String>(4)?),
                    original: if from == to { from.clone() } else { format!("{from} 至 {to}") },
                    exchange: if kind == "leave" { "请假".to_string() } else if other_day.is_empty() { format!("由{other}顶替") } else { format!("与{other}对调,本人改上 {other_day}") },
                    period: if kind == "leave" { format!("{from} 至 {to},共 {days} 天") } else { String::new() },
                    reason: r.get(9)?,
                    substitute: r.get::<_, String>(10).map(|s| if s.is_empty() { other.clone() } else { s })?,
                    status: match status.as_str() {
                        "approved" => "已批准",
                        "rejected" => "未批准",
                        "withdrawn" => "已撤回",
                        _ => "待审批",
                    }
                    .to_string()
                        + &if note.is_empty() { String::new() } else { format!("({note})") },
                    counterpart_signed_by: String::new(),
                    counterpart_signed_at: String::new(),
                    supervisor_signed_by: sup.0,
                    supervisor_signed_at: sup.1,
                    manager_signed_by: mgr.0,
                    manager_signed_at: mgr.1,
                })
            },
        )
        .optional()?;
    found.ok_or_else(|| Error::not_found("serial", format!("找不到调班/请假申请 #{id}")))
}
