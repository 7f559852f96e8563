//! The duty of a half-finished month: the roster (published or a draft with a hole), requests approved, refused and pending, handovers signed or not, a security cover.

use super::Rng;
use crate::base::error::Result;
use crate::duty::handover::{
    self, CheckInput, HandoverKind, HandoverStart, ItemState, OpenItemInput,
};
use crate::duty::requests::{self, DecisionInput, RequestInput, RequestKind};
use crate::duty::roster::{self, Month, RotationInput};
use crate::store::Store;
use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::*;

/// The month's duty: a roster (published, or a draft with gaps), requests approved and
/// refused, handovers at some shift changes — signed or not, some late, some carrying items —
/// and a security cover.
pub(super) fn duty(
    store: &mut Store,
    rng: &mut Rng,
    p: &People,
    month: Month,
    end: NaiveDateTime,
) -> Result<()> {
    let sup = &p.supervisor;
    let before = (month.first - Duration::days(20))
        .and_hms_opt(10, 0, 0)
        .unwrap_or_default();
    let c = ctx(sup, before);
    roster::create(store, &c, &month.key())?;
    roster::fill_rotation(
        store,
        &c,
        RotationInput {
            month: month.key(),
            staff_ids: p.desk.iter().map(|a| a.id).collect(),
            pattern: vec!["白+中".into(), "白".into(), "休".into()],
        },
    )?;
    let engineers: Vec<i64> = p.workers[0].1.iter().map(|a| a.id).collect();
    roster::fill_rotation(
        store,
        &c,
        RotationInput {
            month: month.key(),
            staff_ids: engineers,
            pattern: vec!["夜".into(), "休".into(), "休".into()],
        },
    )?;
    let publish = rng.chance(75);
    if publish {
        roster::publish(store, &c, &month.key())?;
    } else {
        // A draft with a hole in it: one day's 白班 taken out.
        let day = month.first + Duration::days(rng.below(20) as i64 + 3);
        roster::set_cells(
            store,
            &c,
            roster::CellsInput {
                month: month.key(),
                cells: p
                    .desk
                    .iter()
                    .map(|a| roster::CellInput {
                        staff_id: a.id,
                        date: day.format("%Y-%m-%d").to_string(),
                        code: String::new(),
                    })
                    .collect(),
            },
        )?;
    }
    // Requests: some approved (the roster changes), some refused, one left pending.
    for _ in 0..(1 + rng.below(3)) {
        let day = month.first + Duration::days(rng.below(25) as i64 + 2);
        let who = pick(rng, &p.desk).clone();
        let filed = ctx(&who, before);
        let Ok(q) = requests::file(
            store,
            &filed,
            RequestInput {
                kind: RequestKind::Leave,
                staff_id: who.id,
                from_day: day.format("%Y-%m-%d").to_string(),
                to_day: None,
                other_staff_id: None,
                other_day: None,
                reason: "事假".into(),
            },
        ) else {
            continue;
        };
        match rng.below(3) {
            0 => {
                // Refused when it would leave a gap or the person has no shift: fine either way.
                let _ = requests::approve(
                    store,
                    &c,
                    DecisionInput {
                        id: q.id,
                        substitute_id: None,
                        note: String::new(),
                    },
                );
            }
            1 => {
                requests::reject(
                    store,
                    &c,
                    DecisionInput {
                        id: q.id,
                        substitute_id: None,
                        note: "人手不足".into(),
                    },
                )?;
            }
            _ => {}
        }
    }
    // Handovers at some morning changes: most signed, some left open, some late.
    for d in 0..(month.next_first() - month.first).num_days() {
        if !rng.chance(20) {
            continue;
        }
        let day: NaiveDate = month.first + Duration::days(d);
        let change = day.and_hms_opt(8, 30, 0).unwrap_or_default();
        if change + Duration::hours(1) >= end {
            break;
        }
        let (out, inc) = (pick(rng, &p.desk).clone(), pick(rng, &p.desk).clone());
        if out.id == inc.id {
            continue;
        }
        let start = change - Duration::minutes(20);
        let h = handover::start(
            store,
            &ctx(&out, start),
            HandoverStart {
                kind: HandoverKind::Desk,
                change_at: Some(change.format("%Y-%m-%d %H:%M").to_string()),
                outgoing_id: Some(out.id),
                incoming_id: Some(inc.id),
            },
        )?;
        let arrive = change - Duration::minutes(rng.below(30) as i64) + Duration::minutes(10);
        handover::record_arrival(
            store,
            &ctx(&out, arrive.max(start)),
            handover::ArrivalInput {
                id: h.id,
                arrived_at: None,
            },
        )?;
        // The others starting at 08:30 arrive too; whoever is past the lead is late. The arrival
        // time is drawn from the clock, not the dice, so the rest of the month stays as it was.
        for (k, other) in h.co_arrivals.iter().enumerate() {
            let came = change - Duration::minutes(25)
                + Duration::minutes(((other.staff.id + k as i64) % 3) * 10);
            handover::arrivals::record(
                store,
                &ctx(&out, came.max(start)),
                handover::arrivals::CoArrivalInput {
                    id: h.id,
                    staff_id: other.staff.id,
                    arrived_at: Some(came.format("%Y-%m-%d %H:%M").to_string()),
                },
            )?;
        }
        if let Some(item) = h.checks.first() {
            let missing = rng.chance(30);
            handover::set_check(
                store,
                &ctx(&inc, arrive.max(start)),
                CheckInput {
                    id: h.id,
                    item_id: item.item_id,
                    actual_qty: if missing {
                        item.expected_qty - 1
                    } else {
                        item.expected_qty
                    },
                    state: if missing {
                        ItemState::Missing
                    } else {
                        ItemState::Ok
                    },
                    note: String::new(),
                    explanation: if missing {
                        "借出未还".into()
                    } else {
                        String::new()
                    },
                },
            )?;
        }
        if rng.chance(40) {
            handover::add_open_item(
                store,
                &ctx(&out, arrive.max(start)),
                OpenItemInput {
                    id: h.id,
                    summary: "3栋电梯异响待厂家".into(),
                    note: "已报厂家".into(),
                },
            )?;
        }
        if rng.chance(80) {
            let t = arrive.max(start) + Duration::minutes(5);
            handover::sign_as(store, &ctx(&out, t), h.id, handover::Party::Outgoing, "")?;
            handover::sign_as(store, &ctx(&inc, t), h.id, handover::Party::Incoming, "")?;
        }
    }
    // A security cover in the month.
    let cover_at = month.first.and_hms_opt(22, 0, 0).unwrap_or_default()
        + Duration::days(rng.below(20) as i64);
    if cover_at < end {
        let guard = pick(rng, &p.security).clone();
        crate::duty::on_duty::cover_start(
            store,
            &ctx(sup, cover_at),
            crate::duty::on_duty::CoverInput {
                kind: None,
                approved_by: None,
                cover_staff_id: guard.id,
                for_staff_id: None,
                start_at: None,
                end_at: None,
                reason: "夜班维修员外出抢修".into(),
            },
        )?;
    }
    // A short leave from the post (离岗替值, R-DU-8): the supervisor lets whoever is on duty at
    // 10:00 one day go, with a security officer standing in for an hour.
    let leave_at = month.first.and_hms_opt(10, 0, 0).unwrap_or_default()
        + Duration::days(rng.below(20) as i64);
    if leave_at < end {
        let on = crate::duty::on_duty::on_duty(store, &ctx(sup, leave_at), None)?;
        if let Some(away) = on.people.iter().find(|x| x.staff.id != sup.id) {
            let guard = pick(rng, &p.security).clone();
            if guard.id != away.staff.id {
                crate::duty::on_duty::cover_start(
                    store,
                    &ctx(sup, leave_at),
                    crate::duty::on_duty::CoverInput {
                        kind: Some(crate::duty::on_duty::CoverKind::Leave),
                        approved_by: None,
                        cover_staff_id: guard.id,
                        for_staff_id: Some(away.staff.id),
                        start_at: None,
                        end_at: Some(
                            (leave_at + Duration::hours(1))
                                .format("%Y-%m-%d %H:%M")
                                .to_string(),
                        ),
                        reason: "家中有急事".into(),
                    },
                )?;
            }
        }
    }
    Ok(())
}
