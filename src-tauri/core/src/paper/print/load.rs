//! Fills the forms' data structs from the database. Each loader takes the open transaction, so
//! a print job reads one consistent snapshot.

use rusqlite::{params, OptionalExtension, Transaction};

use super::forms::complaint::{ComplaintRecord, ComplaintStep};
use super::forms::dispatch_slip::DispatchSlip;
use super::forms::intake_log::{IntakeLog, IntakeRow, NightCover, NightLog};
use super::forms::return_visits::{ReturnVisitLog, ReturnVisitRow};
use super::labels::{self as l, minute};
use crate::base::error::{Error, Result};

/// Intake entries received in [from, to) (stored-time text bounds); `night_only` for the night log.
pub fn intake_rows(
    tx: &Transaction,
    from: &str,
    to: &str,
    night_only: bool,
) -> Result<Vec<IntakeRow>> {
    let mut st = tx.prepare_cached(
        "SELECT e.received_at, COALESCE(r.code, e.location), e.caller_name, e.caller_phone, e.channel, e.kind,
                e.content, s.name, e.outcome, COALESCE(ds.serial, c.serial, '')
         FROM intake_entries e
         JOIN staff s ON s.id = e.received_by
         LEFT JOIN rooms r ON r.id = e.room_id
         LEFT JOIN dispatch_slips ds ON ds.id = e.slip_id
         LEFT JOIN complaints c ON c.id = e.complaint_id
         WHERE e.received_at >= ?1 AND e.received_at < ?2 AND (?3 = 0 OR e.night_log = 1)
         ORDER BY e.received_at, e.id",
    )?;
    let rows = st.query_map(params![from, to, night_only as i64], |r| {
        Ok(IntakeRow {
            received_at: minute(&r.get::<_, String>(0)?),
            room: r.get(1)?,
            caller: r.get(2)?,
            phone: r.get(3)?,
            channel: l::channel(&r.get::<_, String>(4)?).to_string(),
            kind: l::intake_kind(&r.get::<_, String>(5)?).to_string(),
            content: r.get(6)?,
            received_by: r.get(7)?,
            result: r.get(8)?,
            serial: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn intake_log(tx: &Transaction, from: &str, to: &str, period: String) -> Result<IntakeLog> {
    Ok(IntakeLog {
        period,
        rows: intake_rows(tx, from, to, false)?,
    })
}

/// The night log of the night starting on `day` (the office's night window from intake_settings).
pub fn night_log(tx: &Transaction, day: chrono::NaiveDate) -> Result<NightLog> {
    let (start, end): (String, String) = tx.query_row(
        "SELECT night_start, night_end FROM intake_settings WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let next = day.succ_opt().unwrap_or(day);
    let end_day = if end <= start { next } else { day };
    let from = format!("{day} {start}:00");
    let to = format!("{end_day} {end}:00");
    let rows = intake_rows(tx, &from, &to, true)?;
    let mut on_duty: Vec<String> = rows.iter().map(|r| r.received_by.clone()).collect();
    on_duty.dedup();
    Ok(NightLog {
        period: format!("{day} {start} 至 {end_day} {end}"),
        on_duty: on_duty.join("、"),
        rows,
        covers: covers(tx, &from, &to)?,
        signed_by: String::new(),
        signed_at: String::new(),
        received_by: String::new(),
        received_at: String::new(),
    })
}

/// 代值 (security covering the desk, R-DU-6) overlapping [from, to).
fn covers(tx: &Transaction, from: &str, to: &str) -> Result<Vec<NightCover>> {
    let mut st = tx.prepare_cached(
        "SELECT c.start_at, COALESCE(c.end_at, ''), s.name, c.reason FROM duty_covers c JOIN staff s ON s.id = c.cover_staff_id
         WHERE c.start_at < ?2 AND (c.end_at IS NULL OR c.end_at > ?1) ORDER BY c.start_at",
    )?;
    let rows = st.query_map(params![from, to], |r| {
        Ok(NightCover {
            from: minute(&r.get::<_, String>(0)?),
            to: minute(&r.get::<_, String>(1)?),
            covered_by: r.get(2)?,
            reason: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const SLIP_SELECT: &str = "SELECT d.id, d.serial, d.opened_at, COALESCE(r.code, d.location), d.caller_name, d.caller_phone,
        cat.name, dep.name, d.content, COALESCE(d.appointment_at, ''), COALESCE(a.name, ''), COALESCE(dp.name, ''), d.state,
        COALESCE(d.accepted_at, ''), COALESCE(d.arrived_at, ''), COALESCE(d.completed_at, ''), d.work_done, d.materials,
        d.fee_kind, d.fee_cents, d.resident_accepted, COALESCE(d.resident_satisfaction, ''),
        COALESCE(t.name, ''), COALESCE(d.technician_signed_at, '')
     FROM dispatch_slips d
     JOIN categories cat ON cat.id = d.category_id
     JOIN departments dep ON dep.id = d.department_id
     LEFT JOIN rooms r ON r.id = d.room_id
     LEFT JOIN staff a ON a.id = d.assignee_id
     LEFT JOIN staff dp ON dp.id = d.dispatcher_id
     LEFT JOIN staff t ON t.id = d.technician_signed_by";

fn slip_from_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, DispatchSlip)> {
    let fee = match (
        r.get::<_, Option<String>>(18)?.as_deref(),
        r.get::<_, i64>(19)?,
    ) {
        (Some("paid"), cents) => format!("有偿 ¥{}.{:02}", cents / 100, cents % 100),
        (Some("free"), _) => "无偿".to_string(),
        _ => String::new(),
    };
    let accepted = match r.get::<_, Option<i64>>(20)? {
        Some(1) => "住户已验收",
        Some(_) => "住户未验收",
        None => "",
    };
    let sat = l::satisfaction(&r.get::<_, String>(21)?);
    let acceptance = [accepted, sat]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(",");
    Ok((
        r.get(0)?,
        DispatchSlip {
            serial: r.get(1)?,
            opened_at: minute(&r.get::<_, String>(2)?),
            room: r.get(3)?,
            caller: r.get(4)?,
            phone: r.get(5)?,
            category: r.get(6)?,
            department: r.get(7)?,
            content: r.get(8)?,
            appointment: minute(&r.get::<_, String>(9)?),
            assignee: r.get(10)?,
            dispatcher: r.get(11)?,
            status: l::slip_state(&r.get::<_, String>(12)?).to_string(),
            accepted_at: minute(&r.get::<_, String>(13)?),
            arrived_at: minute(&r.get::<_, String>(14)?),
            completed_at: minute(&r.get::<_, String>(15)?),
            work_done: r.get(16)?,
            materials: r.get(17)?,
            fee,
            acceptance,
            return_visit: String::new(),
            technician_signed_by: r.get(22)?,
            technician_signed_at: minute(&r.get::<_, String>(23)?),
        },
    ))
}

/// Return visits of a slip (or complaint), newest last, as one line each.
fn visits_text(tx: &Transaction, column: &str, id: i64) -> Result<String> {
    let sql = format!(
        "SELECT v.at, v.method, v.answered, COALESCE(v.satisfaction, ''), v.result, s.name
         FROM return_visits v JOIN staff s ON s.id = v.by_id WHERE v.{column} = ?1 ORDER BY v.at, v.id"
    );
    let mut st = tx.prepare_cached(&sql)?;
    let lines = st.query_map([id], |r| {
        let answered: i64 = r.get(2)?;
        let sat = l::satisfaction(&r.get::<_, String>(3)?);
        let result: String = r.get(4)?;
        Ok(format!(
            "{} {}{} {}{}({})",
            minute(&r.get::<_, String>(0)?),
            l::visit_method(&r.get::<_, String>(1)?),
            if answered == 1 { "回访" } else { "未接通" },
            sat,
            if result.is_empty() {
                String::new()
            } else {
                format!(":{result}")
            },
            r.get::<_, String>(5)?
        ))
    })?;
    Ok(lines.collect::<rusqlite::Result<Vec<_>>>()?.join("\n"))
}

pub fn slip_by_serial(tx: &Transaction, serial: &str) -> Result<DispatchSlip> {
    let found = tx
        .query_row(
            &format!("{SLIP_SELECT} WHERE d.serial = ?1"),
            [serial.trim()],
            slip_from_row,
        )
        .optional()?;
    let (id, mut slip) = found
        .ok_or_else(|| Error::not_found("serial", format!("找不到派工单“{}”", serial.trim())))?;
    slip.return_visit = visits_text(tx, "slip_id", id)?;
    Ok(slip)
}

/// Every slip opened on `day`, in serial order (the day's batch).
pub fn slips_of_day(tx: &Transaction, day: chrono::NaiveDate) -> Result<Vec<DispatchSlip>> {
    let mut st = tx.prepare_cached(&format!(
        "{SLIP_SELECT} WHERE d.opened_at >= ?1 AND d.opened_at < ?2 ORDER BY d.serial"
    ))?;
    let next = day.succ_opt().unwrap_or(day);
    let found: Vec<(i64, DispatchSlip)> = st
        .query_map(
            params![format!("{day} 00:00:00"), format!("{next} 00:00:00")],
            slip_from_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(found.len());
    for (id, mut s) in found {
        s.return_visit = visits_text(tx, "slip_id", id)?;
        out.push(s);
    }
    Ok(out)
}

pub fn complaint_by_serial(tx: &Transaction, serial: &str) -> Result<ComplaintRecord> {
    let found = tx
        .query_row(
            "SELECT c.id, c.serial, c.opened_at, c.complainant_name, COALESCE(r.code, ''), c.complainant_phone,
                    COALESCE(i.channel, ''), c.category, COALESCE(dep.name, ''), c.urgency, c.validity, c.content,
                    ob.name, COALESCE(tu.name, rb.name, ''), c.reply_deadline_at, c.reply,
                    COALESCE(c.signed_off_at, ''), COALESCE(so.name, '')
             FROM complaints c
             JOIN staff ob ON ob.id = c.opened_by
             LEFT JOIN intake_entries i ON i.id = c.intake_id
             LEFT JOIN rooms r ON r.id = c.room_id
             LEFT JOIN departments dep ON dep.id = c.department_id
             LEFT JOIN staff tu ON tu.id = c.taken_up_by
             LEFT JOIN staff rb ON rb.id = c.replied_by
             LEFT JOIN staff so ON so.id = c.signed_off_by
             WHERE c.serial = ?1",
            [serial.trim()],
            |r| {
                let channel: String = r.get(6)?;
                let validity: Option<String> = r.get(10)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    ComplaintRecord {
                        serial: r.get(1)?,
                        received_at: minute(&r.get::<_, String>(2)?),
                        complainant: r.get(3)?,
                        room: r.get(4)?,
                        phone: r.get(5)?,
                        channel: if channel.is_empty() { String::new() } else { l::channel(&channel).to_string() },
                        category: l::complaint_category(&r.get::<_, String>(7)?).to_string(),
                        department: r.get(8)?,
                        urgency: l::urgency(&r.get::<_, String>(9)?).to_string(),
                        validity: l::validity(validity.as_deref()).to_string(),
                        content: r.get(11)?,
                        received_by: r.get(12)?,
                        handler: r.get(13)?,
                        deadline: minute(&r.get::<_, String>(14)?),
                        steps: Vec::new(),
                        result: r.get(15)?,
                        feedback: String::new(),
                        closed_at: minute(&r.get::<_, String>(16)?),
                        closed_by: r.get(17)?,
                    },
                ))
            },
        )
        .optional()?;
    let (id, mut c) = found
        .ok_or_else(|| Error::not_found("serial", format!("找不到投诉“{}”", serial.trim())))?;
    let mut st = tx.prepare_cached(
        "SELECT cs.at, s.name, cs.note FROM complaint_steps cs JOIN staff s ON s.id = cs.by_id
         WHERE cs.complaint_id = ?1 ORDER BY cs.at, cs.id",
    )?;
    c.steps = st
        .query_map([id], |r| {
            Ok(ComplaintStep {
                at: minute(&r.get::<_, String>(0)?),
                by: r.get(1)?,
                action: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    c.feedback = visits_text(tx, "complaint_id", id)?;
    Ok(c)
}

/// Return visits made in [from, to).
pub fn return_visits(
    tx: &Transaction,
    from: &str,
    to: &str,
    period: String,
) -> Result<ReturnVisitLog> {
    let mut st = tx.prepare_cached(
        "SELECT v.at, COALESCE(d.serial, c.serial), COALESCE(rd.code, d.location, rc.code, ''),
                COALESCE(d.caller_name, c.complainant_name, ''), COALESCE(d.caller_phone, c.complainant_phone, ''),
                COALESCE(d.content, c.content, ''), v.answered, COALESCE(v.satisfaction, ''), v.result, s.name, v.method
         FROM return_visits v
         JOIN staff s ON s.id = v.by_id
         LEFT JOIN dispatch_slips d ON d.id = v.slip_id
         LEFT JOIN rooms rd ON rd.id = d.room_id
         LEFT JOIN complaints c ON c.id = v.complaint_id
         LEFT JOIN rooms rc ON rc.id = c.room_id
         WHERE v.at >= ?1 AND v.at < ?2
         ORDER BY v.at, v.id",
    )?;
    let rows = st
        .query_map(params![from, to], |r| {
            let answered: i64 = r.get(6)?;
            Ok(ReturnVisitRow {
                visited_at: minute(&r.get::<_, String>(0)?),
                record_serial: r.get(1)?,
                room: r.get(2)?,
                resident: r.get(3)?,
                phone: r.get(4)?,
                subject: r.get(5)?,
                satisfaction: if answered == 1 {
                    l::satisfaction(&r.get::<_, String>(7)?).to_string()
                } else {
                    format!("{}未接通", l::visit_method(&r.get::<_, String>(10)?))
                },
                opinion: r.get(8)?,
                visitor: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ReturnVisitLog { period, rows })
}
