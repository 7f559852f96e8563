//! Years of duty for the demo office (issue 9): a published roster for every month (and the
//! next, published a week ahead), swaps and leave — approved, refused, one still pending — a
//! signed handover at every desk shift change with its checklist, now and then a late arrival,
//! a carried item or a missing key, security covers (代值) at night; and a half-finished end:
//! the handover due this morning still unsigned.
//!
//! Written with prepared statements into the duty tables, in the order the desk would have
//! made them (cells before publishing, checks before signing), so every trigger and CHECK holds.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rusqlite::{params, Transaction};

use super::{days, GenStaff, Rng};
use crate::base::ctx::TIME_FORMAT;
use crate::base::error::Result;
use crate::duty::roster::Month;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DutyCounts {
    pub rosters: i64,
    pub handovers: i64,
    pub requests: i64,
    pub covers: i64,
}

struct ShiftRow {
    id: i64,
    start: String,
    end: String,
    covers_desk: bool,
}

fn t(at: NaiveDateTime) -> String {
    at.format(TIME_FORMAT).to_string()
}

fn d(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_hms_opt(h, m, 0).unwrap_or_default()
}

/// Who is on which shift on `day` by the rotation: receptionists two a day on 白班 (one in
/// four days each), the engineering technicians one a night on 夜班 in turn.
fn rotation(day: NaiveDate, desk: &[i64], night: &[i64]) -> (Vec<i64>, Option<i64>) {
    let n = day.num_days_from_ce() as usize;
    let on_day: Vec<i64> = desk
        .iter()
        .enumerate()
        .filter(|(k, _)| (n + k) % 4 == 0)
        .map(|(_, id)| *id)
        .collect();
    let on_night = (!night.is_empty()).then(|| night[n % night.len()]);
    (on_day, on_night)
}

/// Writes the duty history from `first` to `last` (and the month after `last`), with `now` the
/// moment the demo starts from.
pub(crate) fn write(
    tx: &Transaction,
    rng: &mut Rng,
    staff: &[GenStaff],
    first: NaiveDate,
    last: NaiveDate,
    now: NaiveDateTime,
) -> Result<DutyCounts> {
    let mut counts = DutyCounts::default();
    let supervisor: i64 = tx.query_row(
        "SELECT min(id) FROM staff WHERE role = 'supervisor'",
        [],
        |r| r.get(0),
    )?;
    let ids = |role: &str, dept: &str| -> Vec<i64> {
        staff
            .iter()
            .filter(|s| s.role == role && s.department == dept)
            .map(|s| s.id)
            .collect()
    };
    let desk = ids("receptionist", "客服部");
    let night = ids("technician", "工程部");
    let guards = ids("security", "秩序维护部");
    if desk.len() < 4 || night.is_empty() {
        return Ok(counts);
    }
    let shift = |code: &str| -> Result<ShiftRow> {
        Ok(tx.query_row(
            "SELECT id, start_time, end_time, covers_desk FROM shifts WHERE code = ?1",
            [code],
            |r| {
                Ok(ShiftRow {
                    id: r.get(0)?,
                    start: r.get(1)?,
                    end: r.get(2)?,
                    covers_desk: r.get(3)?,
                })
            },
        )?)
    };
    let (day_shift, night_shift) = (shift("白")?, shift("夜")?);
    // The first receptionist of each day also keeps the noon duty (R-DU-13), where the office
    // has that shift.
    let with_noon = shift("白+中").ok();

    // ---- Rosters: every month from the first through the month after the last day.
    let mut add_roster = tx.prepare(
        "INSERT INTO rosters (month, status, created_at, created_by) VALUES (?1, 'draft', ?2, ?3)",
    )?;
    let mut add_cell = tx.prepare(
        "INSERT INTO roster_cells (roster_id, staff_id, day, shift_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut add_times = tx.prepare(
        "INSERT INTO roster_shift_times (roster_id, shift_id, start_time, end_time, covers_desk) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut publish = tx.prepare("UPDATE rosters SET status = 'published', published_at = ?2, published_by = ?3 WHERE id = ?1")?;
    let mut month = Month::of(first);
    let end_month = Month::of(Month::of(last).next_first());
    loop {
        let made = at(month.first - Duration::days(12), 10, 0);
        add_roster.execute(params![month.key(), t(made), supervisor])?;
        let roster = tx.last_insert_rowid();
        for day in month.days() {
            let (on_day, on_night) = rotation(day, &desk, &night);
            for (k, id) in on_day.into_iter().enumerate() {
                let s = with_noon.as_ref().filter(|_| k == 0).unwrap_or(&day_shift);
                add_cell.execute(params![roster, id, d(day), s.id])?;
            }
            if let Some(id) = on_night {
                add_cell.execute(params![roster, id, d(day), night_shift.id])?;
            }
        }
        for s in [Some(&day_shift), Some(&night_shift), with_noon.as_ref()]
            .into_iter()
            .flatten()
        {
            add_times.execute(params![roster, s.id, s.start, s.end, s.covers_desk])?;
        }
        publish.execute(params![
            roster,
            t(at(month.first - Duration::days(8), 16, 0)),
            supervisor
        ])?;
        counts.rosters += 1;
        if month == end_month {
            break;
        }
        month = Month::of(month.next_first());
    }

    // ---- Swaps and leave between receptionists: approved ones change the plan.
    let mut add_request = tx.prepare(
        "INSERT INTO duty_requests (kind, staff_id, from_day, to_day, other_staff_id, reason, filed_at, filed_by, status,
             substitute_id, decided_at, decided_by, decision_note)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?2, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut add_override = tx.prepare(
        "INSERT INTO roster_overrides (request_id, staff_id, day, shift_id, in_draft, prev_shift_id) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
    )?;
    // (day, staff) → on 白班 after approved changes, for the handovers below.
    let mut changed: HashMap<(NaiveDate, i64), bool> = HashMap::new();
    let end_day = Month::of(last).next_first() + Duration::days(27);
    for day in days(first + Duration::days(3), end_day) {
        if !rng.chance(12) {
            continue;
        }
        let (on_day, _) = rotation(day, &desk, &night);
        let off: Vec<i64> = desk
            .iter()
            .copied()
            .filter(|id| !on_day.contains(id))
            .collect();
        let (Some(&who), Some(&other)) = (
            on_day.get(rng.below(2) as usize),
            off.get(rng.below(off.len() as u64) as usize),
        ) else {
            continue;
        };
        let filed = at(
            day - Duration::days(2 + rng.below(5) as i64),
            9 + rng.below(8) as u32,
            10,
        );
        if filed >= now {
            continue;
        }
        let swap = rng.chance(50);
        let decided = filed + Duration::hours(2 + rng.below(20) as i64);
        let status = if decided >= now {
            "pending"
        } else if rng.chance(85) {
            "approved"
        } else {
            "rejected"
        };
        let pending = status == "pending";
        add_request.execute(params![
            if swap { "swap" } else { "leave" },
            who,
            d(day),
            swap.then_some(other),
            if swap {
                "家中有事，与同事调班"
            } else {
                "事假"
            },
            t(filed),
            status,
            (!swap && status == "approved").then_some(other),
            (!pending).then(|| t(decided)),
            (!pending).then_some(supervisor),
            if status == "rejected" {
                "当日人手紧张，请另择日期"
            } else {
                ""
            },
        ])?;
        let request = tx.last_insert_rowid();
        counts.requests += 1;
        if status == "approved" {
            add_override.execute(params![
                request,
                who,
                d(day),
                Option::<i64>::None,
                day_shift.id
            ])?;
            add_override.execute(params![
                request,
                other,
                d(day),
                day_shift.id,
                Option::<i64>::None
            ])?;
            changed.insert((day, who), false);
            changed.insert((day, other), true);
        }
    }

    // ---- Handovers at every desk shift change: 08:30 night → day, 17:30 day → night.
    let mut add_handover = tx.prepare(
        "INSERT INTO handovers (serial, kind, change_at, outgoing_id, incoming_id, planned_outgoing_id, planned_incoming_id,
             from_night, work_notes, arrived_at, late, created_at, created_by)
         VALUES (?1, 'desk', ?2, ?3, ?4, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?3)",
    )?;
    let mut add_check = tx.prepare(
        "INSERT INTO handover_checks (handover_id, item_id, item_name, expected_qty, actual_qty, state, explanation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut add_open = tx.prepare(
        "INSERT INTO handover_open_items (handover_id, source, summary, note) VALUES (?1, '交班说明', ?2, ?3)",
    )?;
    let mut sign = tx.prepare(
        "UPDATE handovers SET outgoing_signed_at = ?2, incoming_signed_at = ?2, status = 'signed',
             carried_over = (SELECT count(*) FROM handover_open_items WHERE handover_id = ?1)
         WHERE id = ?1",
    )?;
    let items: Vec<(i64, String, i64)> = tx
        .prepare(
            "SELECT id, name, expected_qty FROM handover_items WHERE active = 1 ORDER BY sort, id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let lead: i64 = tx.query_row("SELECT arrival_lead_minutes FROM duty_settings", [], |r| {
        r.get(0)
    })?;
    let mut serials: HashMap<String, i64> = HashMap::new();
    let on_day = |day: NaiveDate| -> Vec<i64> {
        let (mut people, _) = rotation(day, &desk, &night);
        people.retain(|id| changed.get(&(day, *id)).copied().unwrap_or(true));
        for ((d2, id), on) in &changed {
            if *d2 == day && *on && !people.contains(id) {
                people.push(*id);
            }
        }
        people
    };
    for day in days(first + Duration::days(1), last + Duration::days(1)) {
        for (h, m) in [(8, 30), (17, 30)] {
            let change = at(day, h, m);
            if change > now {
                continue;
            }
            let from_night = h == 8;
            let night_tech = |dd: NaiveDate| rotation(dd, &desk, &night).1;
            let (outgoing, incoming) = if from_night {
                (
                    night_tech(day - Duration::days(1)),
                    on_day(day).first().copied(),
                )
            } else {
                (on_day(day).first().copied(), night_tech(day))
            };
            let (Some(outgoing), Some(incoming)) = (outgoing, incoming) else {
                continue;
            };
            if outgoing == incoming {
                continue;
            }
            let key = change.format("%Y%m").to_string();
            let n = serials.entry(key.clone()).or_insert(0);
            *n += 1;
            let serial = format!("JJ-{key}-{:04}", n);
            let late = rng.chance(3);
            let arrived = if late {
                change - Duration::minutes(lead) + Duration::minutes(1 + rng.below(25) as i64)
            } else {
                change - Duration::minutes(lead + rng.below(10) as i64)
            };
            let carried = rng.chance(15);
            add_handover.execute(params![
                serial,
                t(change),
                outgoing,
                incoming,
                from_night,
                if carried {
                    "3栋电梯异响，已报厂家，待上门"
                } else {
                    ""
                },
                t(arrived),
                late,
                t(change - Duration::minutes(lead + 5))
            ])?;
            let id = tx.last_insert_rowid();
            counts.handovers += 1;
            let short = rng.chance(2);
            for (i, (item, name, qty)) in items.iter().enumerate() {
                let missing = short && i == 0;
                add_check.execute(params![
                    id,
                    item,
                    name,
                    qty,
                    if missing { qty - 1 } else { *qty },
                    if missing { "missing" } else { "ok" },
                    if missing {
                        "一把钥匙借给装修工人，约定次日归还"
                    } else {
                        ""
                    }
                ])?;
            }
            if carried {
                add_open.execute(params![id, "3栋电梯异响待厂家上门", "已电话催厂家"])?;
            }
            // The change due this morning (the demo's last) is still being handed over.
            let is_last = change + Duration::hours(9) > now;
            if !is_last {
                sign.execute(params![
                    id,
                    t(change + Duration::minutes(3 + rng.below(15) as i64))
                ])?;
            }
        }
    }

    // The month counters the desk's own numbering continues from (base::serials).
    let mut counter = tx.prepare(
        "INSERT INTO serial_counters (kind, month, last) VALUES ('JJ', ?1, ?2)
         ON CONFLICT (kind, month) DO UPDATE SET last = max(last, excluded.last)",
    )?;
    for (month, last) in &serials {
        counter.execute(params![month, last])?;
    }

    // ---- 代值: now and then security covers the desk at night while the technician is called out.
    let mut add_cover = tx.prepare(
        "INSERT INTO duty_covers (cover_staff_id, for_staff_id, start_at, end_at, reason, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, '夜班维修员外出抢修', ?1, ?3)",
    )?;
    if !guards.is_empty() {
        for day in days(first, last) {
            if !rng.chance(6) {
                continue;
            }
            let start = at(day, 21 + rng.below(2) as u32, rng.below(60) as u32);
            let end = start + Duration::minutes(30 + rng.below(120) as i64);
            if end >= now {
                continue;
            }
            let guard = guards[rng.below(guards.len() as u64) as usize];
            add_cover.execute(params![
                guard,
                rotation(day, &desk, &night).1,
                t(start),
                t(end)
            ])?;
            counts.covers += 1;
        }
    }
    Ok(counts)
}
