//! The one computation behind the dashboard, the Excel report and the printed report: every
//! number of a period, read from the intake tables in one snapshot. Records are counted in the
//! period they were opened; "overdue" is judged at the end of the period, or now for the
//! current one. Shifts and hours come from the published roster with approved swaps and leave
//! applied (`roster::plan::effective`), so the report counts what was planned to be worked.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use rusqlite::{params, Transaction};

use super::model::*;
use super::period::Period;
use crate::base::ctx::TIME_FORMAT;
use crate::base::error::Result;
use crate::base::phone;
use crate::base::when::{self, minute};
use crate::desk::complaints::{ComplaintCategory, ComplaintState, Validity, UNJUDGED};
use crate::desk::deadlines::{overdue_sql, ON_TIME_SQL};
use crate::desk::intake::{self, Channel, IntakeKind};
use crate::desk::slips::{Satisfaction, SlipState};

pub fn compute(
    tx: &Transaction,
    period: &Period,
    office_name: &str,
    now: NaiveDateTime,
) -> Result<Report> {
    let (from, to) = period.bounds();
    let now_text = now.format(TIME_FORMAT).to_string();
    let cutoff = if now_text < to {
        now_text.clone()
    } else {
        to.clone()
    };
    let plan = match (period.days().first(), period.days().last()) {
        (Some(&first), Some(&last)) => {
            crate::duty::roster::plan::effective(tx, first, last, None, &[])?
        }
        _ => Vec::new(),
    };
    let mut workload = super::workload::workload(tx, &from, &to)?;
    for (id, person) in &mut workload {
        let mine = plan.iter().filter(|a| a.staff.id == *id);
        person.shifts = mine.clone().count() as i64;
        person.hours = hours1(mine.map(|a| a.shift.minutes as f64 / 60.0).sum());
        person.satisfaction = crate::paper::reports::model::satisfied_share(person);
    }
    let (swaps, leaves) = requests(tx, period)?;
    // Everyone taking over late: the handover's incoming person and the others starting then.
    let others_late: i64 = tx.query_row(
        "SELECT count(*) FROM shift_arrivals a JOIN handovers h ON h.id = a.handover_id
         WHERE a.late = 1 AND h.change_at >= ?1 AND h.change_at < ?2",
        params![from, to],
        |r| r.get(0),
    )?;
    let (handovers, late_arrivals, carried_over): (i64, i64, i64) = tx.query_row(
        "SELECT count(*) FILTER (WHERE status = 'signed'), count(*) FILTER (WHERE late = 1),
                COALESCE(sum(carried_over) FILTER (WHERE status = 'signed'), 0)
         FROM handovers WHERE change_at >= ?1 AND change_at < ?2",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let (covers, leave_covers) = tx.query_row(
        "SELECT count(*) FILTER (WHERE kind = 'desk'), count(*) FILTER (WHERE kind = 'leave')
         FROM duty_covers WHERE start_at >= ?1 AND start_at < ?2",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // 未交接 up to the moment a change becomes overdue (R-HO-8).
    let missing_handovers = {
        let due = crate::duty::settings::load(tx)?.handover_due_minutes;
        let start = when::stored(&from).unwrap_or(now);
        let end = (now - chrono::Duration::minutes(due)).min(when::stored(&to).unwrap_or(now));
        if end > start {
            crate::duty::handover::missing::between(tx, start, end - chrono::Duration::seconds(1))?
                .len() as i64
        } else {
            0
        }
    };
    let (inspections, absences, early_leaves) = tx.query_row(
        "SELECT count(*) FILTER (WHERE kind IN ('visit', 'night_check')),
                count(*) FILTER (WHERE finding = 'absent'), count(*) FILTER (WHERE finding = 'early_leave')
         FROM duty_checks WHERE checked_at >= ?1 AND checked_at < ?2",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let duty = DutyStats {
        inspections,
        absences,
        early_leaves,
        missing_handovers,
        swaps,
        leaves,
        shifts: plan.len() as i64,
        hours: hours1(plan.iter().map(|a| a.shift.minutes as f64 / 60.0).sum()),
        late_arrivals: late_arrivals + others_late,
        coverage_gaps: coverage_gaps(tx, period)?,
        handovers,
        carried_over,
        covers,
        leave_covers,
    };
    Ok(Report {
        period: period.clone(),
        office_name: office_name.to_string(),
        generated_at: now_text,
        intake: intake(tx, period, &from, &to)?,
        slips: slips(tx, &from, &to, &cutoff)?,
        visits: visits(tx, &from, &to, &cutoff)?,
        complaints: complaints(tx, &from, &to, &cutoff)?,
        workload: workload.into_iter().map(|(_, p)| p).collect(),
        duty,
        intake_rows: intake_rows(tx, &from, &to)?,
        slip_rows: slip_rows(tx, &from, &to)?,
        complaint_rows: complaint_rows(tx, &from, &to)?,
        chain: crate::base::seal::head(tx)?.short(),
    })
}

/// Approved swaps whose day falls in the period, and the calendar days of approved leave that
/// fall in it (a leave straddling the month end counts only its days inside).
fn requests(tx: &Transaction, period: &Period) -> Result<(i64, i64)> {
    let days = period.days();
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok((0, 0));
    };
    let (first, last) = (
        first.format("%Y-%m-%d").to_string(),
        last.format("%Y-%m-%d").to_string(),
    );
    Ok(tx.query_row(
        "SELECT COALESCE(sum(kind = 'swap'), 0),
                CAST(COALESCE(sum(CASE WHEN kind = 'leave'
                    THEN julianday(min(to_day, ?2)) - julianday(max(from_day, ?1)) + 1 END), 0) AS INTEGER)
         FROM duty_requests WHERE status = 'approved' AND from_day <= ?2 AND to_day >= ?1",
        params![first, last],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// The uncovered stretches of the published rosters of the period's months, as the roster
/// check words them ("12月12日 09:00–17:30"). A month with no published roster has none to check.
fn coverage_gaps(tx: &Transaction, period: &Period) -> Result<Vec<String>> {
    use crate::duty::roster::{check, Month};
    let mut months: Vec<Month> = period.days().iter().map(|d| Month::of(*d)).collect();
    months.dedup();
    let mut out = Vec::new();
    for m in months {
        let published: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM rosters WHERE month = ?1 AND status = 'published')",
            [m.key()],
            |r| r.get(0),
        )?;
        if published {
            out.extend(
                check::month(tx, m, None, &[])?
                    .gaps
                    .into_iter()
                    .map(|g| g.text),
            );
        }
    }
    Ok(out)
}

/// Hours to one decimal, as the sheets show them.
fn hours1(h: f64) -> f64 {
    // `+ 0.0` turns the -0.0 an empty float sum starts from into 0.0, never printed as "-0.0".
    (h * 10.0).round() / 10.0 + 0.0
}

/// Counts by a coded column (first column the code, second the count), labelled by the enum's
/// own words — the same the screens show.
fn counts<T: rusqlite::types::FromSql>(
    tx: &Transaction,
    sql: &str,
    from: &str,
    to: &str,
    label: fn(T) -> &'static str,
) -> Result<Vec<Count>> {
    let mut st = tx.prepare_cached(sql)?;
    let rows = st.query_map(params![from, to], |r| {
        Ok((r.get::<_, T>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (code, count) = row?;
        out.push(Count {
            label: label(code).to_string(),
            count,
        });
    }
    Ok(out)
}

fn intake(tx: &Transaction, period: &Period, from: &str, to: &str) -> Result<IntakeStats> {
    let (total, night): (i64, i64) = tx.query_row(
        "SELECT count(*), COALESCE(sum(night_log), 0) FROM intake_entries WHERE received_at >= ?1 AND received_at < ?2",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let by_type = counts(
        tx,
        "SELECT kind, count(*) FROM intake_entries WHERE received_at >= ?1 AND received_at < ?2 GROUP BY kind ORDER BY count(*) DESC, kind",
        from,
        to,
        IntakeKind::label,
    )?;
    let by_channel = counts(
        tx,
        "SELECT channel, count(*) FROM intake_entries WHERE received_at >= ?1 AND received_at < ?2 GROUP BY channel ORDER BY count(*) DESC, channel",
        from,
        to,
        Channel::label,
    )?;
    let mut st = tx.prepare_cached(
        "SELECT substr(received_at, 1, 10), count(*) FROM intake_entries WHERE received_at >= ?1 AND received_at < ?2 GROUP BY 1",
    )?;
    let by_day: BTreeMap<String, i64> = st
        .query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let per_day = period
        .days()
        .into_iter()
        .map(|d| {
            let day = d.to_string();
            let count = by_day.get(&day).copied().unwrap_or(0);
            DayCount { day, count }
        })
        .collect();
    Ok(IntakeStats {
        total,
        by_type,
        by_channel,
        per_day,
        night_entries: night,
    })
}

/// Slips opened in the period (cancelled ones excluded), grouped by `key`.
fn slip_groups(
    tx: &Transaction,
    key: &str,
    from: &str,
    to: &str,
    cutoff: &str,
) -> Result<Vec<SlipGroup>> {
    let overdue = overdue_sql("?3");
    // count(*) FILTER is 0 over no rows, where sum() would be NULL. `+d.department_id` keeps
    // the planner from walking the four departments and reading every slip of each (4.6 s on
    // ten years): the period's range on opened_at leads (tests/query_plans.rs).
    let sql = format!(
        "SELECT {key}, count(*),
                count(*) FILTER (WHERE d.completed_at IS NOT NULL),
                count(*) FILTER (WHERE {ON_TIME_SQL}),
                count(*) FILTER (WHERE {overdue})
         FROM dispatch_slips d
         JOIN categories cat ON cat.id = d.category_id
         JOIN departments dep ON dep.id = +d.department_id
         WHERE d.opened_at >= ?1 AND d.opened_at < ?2 AND d.state <> 'cancelled'
         GROUP BY 1 ORDER BY count(*) DESC, 1"
    );
    let mut st = tx.prepare_cached(&sql)?;
    let rows = st.query_map(params![from, to, cutoff], |r| {
        Ok(SlipGroup {
            label: r.get(0)?,
            opened: r.get(1)?,
            completed: r.get(2)?,
            on_time: r.get(3)?,
            overdue: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn slips(tx: &Transaction, from: &str, to: &str, cutoff: &str) -> Result<SlipStats> {
    let (opened, completed, on_time, response, completion): (
        i64,
        i64,
        i64,
        Option<f64>,
        Option<f64>,
    ) = tx.query_row(
        &format!(
            "SELECT count(*),
                count(*) FILTER (WHERE d.completed_at IS NOT NULL),
                count(*) FILTER (WHERE {ON_TIME_SQL}),
                avg((julianday(d.accepted_at) - julianday(d.opened_at)) * 1440.0),
                avg((julianday(d.completed_at) - julianday(d.opened_at)) * 24.0)
             FROM dispatch_slips d WHERE d.opened_at >= ?1 AND d.opened_at < ?2 AND d.state <> 'cancelled'"
        ),
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    // 超时未完成: overdue at the cutoff and not done by then, with the hours it had run over
    // (to its pause, or to the cutoff). Slips done late count in the groups' 超时, not here.
    let mut st = tx.prepare_cached(&format!(
        "SELECT d.serial, d.opened_at, COALESCE(r.code, d.location), cat.name, COALESCE(a.name, ''), d.due_at,
                (julianday(min(COALESCE(d.completed_at, ?3), COALESCE(d.paused_at, ?3), ?3)) - julianday(d.due_at)) * 24.0
         FROM dispatch_slips d
         JOIN categories cat ON cat.id = d.category_id
         LEFT JOIN rooms r ON r.id = d.room_id
         LEFT JOIN staff a ON a.id = d.assignee_id
         WHERE d.opened_at >= ?1 AND d.opened_at < ?2 AND {} AND (d.completed_at IS NULL OR d.completed_at > ?3)
         ORDER BY d.due_at, d.serial",
        overdue_sql("?3")
    ))?;
    let overdue = st
        .query_map(params![from, to, cutoff], |r| {
            Ok(OverdueSlip {
                serial: r.get(0)?,
                opened_at: minute(&r.get::<_, String>(1)?),
                room: r.get(2)?,
                category: r.get(3)?,
                assignee: r.get(4)?,
                deadline: minute(&r.get::<_, String>(5)?),
                hours_over: (r.get::<_, f64>(6)? * 10.0).round() / 10.0,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (urged, urge_calls) = urged(tx, "slip_id", from, to, cutoff)?;
    let round1 = |x: Option<f64>| x.map(|v| (v * 10.0).round() / 10.0);
    Ok(SlipStats {
        urged,
        urge_calls,
        opened,
        completed,
        completion_rate: rate(completed, opened),
        on_time,
        on_time_rate: rate(on_time, completed),
        avg_response_minutes: round1(response),
        avg_completion_hours: round1(completion),
        by_category: slip_groups(tx, "cat.name", from, to, cutoff)?,
        by_department: slip_groups(tx, "dep.name", from, to, cutoff)?,
        overdue,
    })
}

/// Return visits of the slips completed among those opened in the period; a slip's result is
/// its latest answered visit. A visit is late (R-DS-7) when the first answered one came more
/// than `return_visit_hours` after completion, or none had come though that deadline was at or
/// before `cutoff` (as the 回访超时 board counts it).
fn visits(tx: &Transaction, from: &str, to: &str, cutoff: &str) -> Result<VisitStats> {
    let hours = crate::desk::intake::settings::load(tx)?.return_visit_hours;
    let mut st = tx.prepare_cached(
        "SELECT (SELECT v.satisfaction FROM return_visits v WHERE v.slip_id = d.id AND v.answered = 1 ORDER BY v.at DESC, v.id DESC LIMIT 1),
                (SELECT CASE WHEN first IS NULL THEN due <= ?3 ELSE first > due END
                 FROM (SELECT (SELECT min(v.at) FROM return_visits v WHERE v.slip_id = d.id AND v.answered = 1) AS first,
                              datetime(d.completed_at, printf('+%d hours', ?4)) AS due))
         FROM dispatch_slips d
         WHERE d.opened_at >= ?1 AND d.opened_at < ?2 AND d.state <> 'cancelled' AND d.completed_at IS NOT NULL",
    )?;
    let rows: Vec<(Option<Satisfaction>, bool)> = st
        .query_map(params![from, to, cutoff, hours], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let late = rows.iter().filter(|(_, late)| *late).count() as i64;
    let results: Vec<Option<Satisfaction>> = rows.into_iter().map(|(s, _)| s).collect();
    let due = results.len() as i64;
    let done = results.iter().filter(|r| r.is_some()).count() as i64;
    let satisfied = results
        .iter()
        .filter(|r| matches!(r, Some(Satisfaction::Satisfied | Satisfaction::Basic)))
        .count() as i64;
    let by_result = Satisfaction::ALL
        .iter()
        .map(|code| Count {
            label: code.label().to_string(),
            count: results.iter().filter(|r| r.as_ref() == Some(code)).count() as i64,
        })
        .filter(|c| c.count > 0)
        .collect();
    Ok(VisitStats {
        due,
        done,
        rate: rate(done, due),
        satisfied,
        satisfaction_rate: rate(satisfied, done),
        by_result,
        late,
    })
}

fn complaint_groups(
    tx: &Transaction,
    key: &str,
    from: &str,
    to: &str,
    label: fn(&str) -> String,
) -> Result<Vec<ComplaintGroup>> {
    let sql = format!(
        "SELECT {key}, count(*), count(*) FILTER (WHERE c.validity = 'valid'),
                count(*) FILTER (WHERE c.state = 'signed_off')
         FROM complaints c LEFT JOIN departments dep ON dep.id = c.department_id
         WHERE c.opened_at >= ?1 AND c.opened_at < ?2 GROUP BY 1 ORDER BY count(*) DESC, 1"
    );
    let mut st = tx.prepare_cached(&sql)?;
    let rows = st.query_map(params![from, to], |r| {
        Ok(ComplaintGroup {
            label: label(&r.get::<_, String>(0)?),
            received: r.get(1)?,
            valid: r.get(2)?,
            closed: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records of the period (slips: not cancelled) urged at least once by `cutoff` (the moment the
/// report is made counts; never past the period), and the
/// calls on them: one definition for slips (`column` slip_id) and complaints (complaint_id).
fn urged(tx: &Transaction, column: &str, from: &str, to: &str, cutoff: &str) -> Result<(i64, i64)> {
    let (table, alive) = if column == "slip_id" {
        ("dispatch_slips", "AND r.state <> 'cancelled'")
    } else {
        ("complaints", "")
    };
    Ok(tx.query_row(
        &format!(
            "SELECT count(DISTINCT u.{column}), count(*) FROM urgings u JOIN {table} r ON r.id = u.{column}
             WHERE r.opened_at >= ?1 AND r.opened_at < ?2 AND u.at <= ?3 AND u.at < ?2 {alive}"
        ),
        params![from, to, cutoff],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

fn complaints(tx: &Transaction, from: &str, to: &str, cutoff: &str) -> Result<ComplaintStats> {
    let (received, valid, closed, avg): (i64, i64, i64, Option<f64>) = tx.query_row(
        "SELECT count(*), count(*) FILTER (WHERE validity = 'valid'), count(*) FILTER (WHERE state = 'signed_off'),
                avg((julianday(signed_off_at) - julianday(opened_at)) * 24.0)
         FROM complaints WHERE opened_at >= ?1 AND opened_at < ?2",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    Ok(ComplaintStats {
        urged: urged(tx, "complaint_id", from, to, cutoff)?.0,
        received,
        valid,
        closed,
        avg_close_hours: avg.map(|v| (v * 10.0).round() / 10.0),
        by_category: complaint_groups(tx, "c.category", from, to, |c| {
            ComplaintCategory::from_text(c)
                .map_or("其他", |x| x.label())
                .to_string()
        })?,
        by_department: complaint_groups(tx, "COALESCE(dep.name, '未指定')", from, to, |c| {
            c.to_string()
        })?,
    })
}

fn intake_rows(tx: &Transaction, from: &str, to: &str) -> Result<Vec<IntakeDetail>> {
    Ok(intake::received_between(tx, from, to, false)?
        .into_iter()
        .map(|e| IntakeDetail {
            serial: e.slip_serial.or(e.complaint_serial).unwrap_or_default(),
            received_at: minute(&e.received_at),
            room: if e.room.is_empty() {
                e.location
            } else {
                e.room
            },
            caller: phone::mask_text(&e.caller_name),
            phone: phone::mask(&e.caller_phone),
            channel: e.channel.label().to_string(),
            kind: e.kind.label().to_string(),
            // Numbers typed into the text are masked like the phone column (R-ROLE-2).
            content: phone::mask_text(&e.content),
            received_by: e.received_by,
            outcome: phone::mask_text(&e.outcome),
        })
        .collect())
}

fn slip_rows(tx: &Transaction, from: &str, to: &str) -> Result<Vec<SlipDetail>> {
    let mut st = tx.prepare_cached(
        "SELECT d.serial, d.opened_at, COALESCE(r.code, d.location), cat.name, dep.name, COALESCE(a.name, ''), d.state, d.due_at,
                COALESCE(d.completed_at, ''),
                (SELECT v.satisfaction FROM return_visits v WHERE v.slip_id = d.id AND v.answered = 1 ORDER BY v.at DESC, v.id DESC LIMIT 1)
         FROM dispatch_slips d
         JOIN categories cat ON cat.id = d.category_id
         JOIN departments dep ON dep.id = +d.department_id
         LEFT JOIN rooms r ON r.id = d.room_id
         LEFT JOIN staff a ON a.id = d.assignee_id
         WHERE d.opened_at >= ?1 AND d.opened_at < ?2 ORDER BY d.serial",
    )?;
    let rows = st.query_map(params![from, to], |r| {
        let due: String = r.get(7)?;
        let done: String = r.get(8)?;
        Ok(SlipDetail {
            serial: r.get(0)?,
            opened_at: minute(&r.get::<_, String>(1)?),
            room: r.get(2)?,
            category: r.get(3)?,
            department: r.get(4)?,
            assignee: r.get(5)?,
            status: r.get::<_, SlipState>(6)?.label().to_string(),
            deadline: minute(&due),
            on_time: (!done.is_empty()).then(|| done <= due),
            completed_at: minute(&done),
            satisfaction: r
                .get::<_, Option<Satisfaction>>(9)?
                .map_or("", |x| x.label())
                .to_string(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn complaint_rows(tx: &Transaction, from: &str, to: &str) -> Result<Vec<ComplaintDetail>> {
    let mut st = tx.prepare_cached(
        "SELECT c.serial, c.opened_at, COALESCE(r.code, ''), c.category, COALESCE(dep.name, ''), c.validity, c.state,
                COALESCE(c.signed_off_at, '')
         FROM complaints c LEFT JOIN rooms r ON r.id = c.room_id LEFT JOIN departments dep ON dep.id = c.department_id
         WHERE c.opened_at >= ?1 AND c.opened_at < ?2 ORDER BY c.serial",
    )?;
    let rows = st.query_map(params![from, to], |r| {
        Ok(ComplaintDetail {
            serial: r.get(0)?,
            received_at: minute(&r.get::<_, String>(1)?),
            room: r.get(2)?,
            category: r.get::<_, ComplaintCategory>(3)?.label().to_string(),
            department: r.get(4)?,
            validity: r
                .get::<_, Option<Validity>>(5)?
                .map_or(UNJUDGED, |v| v.label())
                .to_string(),
            status: r.get::<_, ComplaintState>(6)?.label().to_string(),
            closed_at: minute(&r.get::<_, String>(7)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
