//! More of `compute_tests`: the tests split off to keep each file short; the helpers are its own.

use super::ops::{report, ReportInput};
use super::period::PeriodKind;

#[allow(unused_imports)]
use super::compute_tests::*;

/// Shifts and hours in 值班统计 and 人员工作量 equal what the published roster rows say, with the
/// length of each shift worked out here from its start and end times.
#[test]
fn duty_shifts_and_hours_come_from_the_published_roster() {
    use crate::duty::requests::{self, DecisionInput, RequestInput, RequestKind};
    use std::collections::BTreeMap;

    let mut d = crate::testkit::Desk::new();
    d.publish_full("2026-11", "2026-11-20 10:00");
    // Two days of leave, approved, so the effective plan differs from the published grid.
    let li = d.receptionists[0].clone();
    let boss = d.as_boss("2026-11-20 10:00");
    let leave = RequestInput {
        kind: RequestKind::Leave,
        staff_id: li.id,
        // 白 on the 23rd, off on the 24th: no noon duty to hand over (R-DU-13).
        from_day: "2026-11-23".into(),
        to_day: Some("2026-11-24".into()),
        other_staff_id: None,
        other_day: None,
        reason: "事假".into(),
    };
    let q = requests::file(
        &mut d.store,
        &crate::testkit::as_user(&li, "2026-11-20 10:00"),
        leave,
    )
    .unwrap();
    requests::approve(
        &mut d.store,
        &boss,
        DecisionInput {
            id: q.id,
            substitute_id: None,
            note: String::new(),
        },
    )
    .unwrap();
    let ctx = d.as_boss("2026-11-30 12:00");
    let rep = report(
        &mut d.store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-11".into(),
        },
    )
    .unwrap();

    let mut expected: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    d.store
        .read(|tx| {
            let mut st = tx.prepare(
                "SELECT st.name, sh.start_time, sh.end_time FROM roster_cells c
                 JOIN rosters r ON r.id = c.roster_id JOIN shifts sh ON sh.id = c.shift_id JOIN staff st ON st.id = c.staff_id
                 WHERE r.status = 'published' AND c.day BETWEEN '2026-11-01' AND '2026-11-30'",
            )?;
            let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
            for row in rows {
                let (name, start, end) = row?;
                let mins = |t: &str| t[..2].parse::<i64>().unwrap() * 60 + t[3..].parse::<i64>().unwrap();
                let len = (mins(&end) - mins(&start)).rem_euclid(24 * 60);
                let e = expected.entry(name).or_default();
                e.0 += 1;
                e.1 += len;
            }
            Ok(())
        })
        .unwrap();
    // The leave takes 李小梅's rostered shifts on those two days out of the count.
    let (off, overrides_off): (i64, i64) = d
        .store
        .read(|tx| {
            let off = tx.query_row(
                "SELECT count(*) FROM roster_cells c JOIN rosters r ON r.id = c.roster_id
                 WHERE r.status = 'published' AND c.staff_id = ?1 AND c.day IN ('2026-11-23', '2026-11-24')",
                [li.id],
                |r| r.get(0),
            )?;
            let overrides = tx.query_row("SELECT count(*) FROM roster_overrides WHERE staff_id = ?1 AND shift_id IS NULL", [li.id], |r| r.get(0))?;
            Ok((off, overrides))
        })
        .unwrap();
    assert!(off > 0, "李小梅 is rostered on at least one leave day");
    assert_eq!(
        off, overrides_off,
        "each rostered day of leave is an override to off"
    );
    if let Some(e) = expected.get_mut("李小梅") {
        // 白 and 白+中 have the same hours, so every shift of 李小梅's has the same length.
        let per = e.1 / e.0;
        e.0 -= off;
        e.1 -= off * per;
    }
    assert_eq!(rep.duty.leaves, 2);
    assert_eq!(rep.duty.swaps, 0);
    assert!(!expected.is_empty(), "the fixture publishes a roster");
    let total_shifts: i64 = expected.values().map(|v| v.0).sum();
    let total_minutes: i64 = expected.values().map(|v| v.1).sum();
    assert_eq!(rep.duty.shifts, total_shifts);
    assert_eq!(
        rep.duty.hours,
        (total_minutes as f64 / 60.0 * 10.0).round() / 10.0
    );
    for p in &rep.workload {
        let (shifts, minutes) = expected.get(&p.name).copied().unwrap_or((0, 0));
        assert_eq!(p.shifts, shifts, "{}", p.name);
        assert_eq!(
            p.hours,
            (minutes as f64 / 60.0 * 10.0).round() / 10.0,
            "{}",
            p.name
        );
    }
    assert!(rep
        .workload
        .iter()
        .any(|p| p.name == "李小梅" && p.shifts > 0));
}

/// 值班统计's handover numbers come from the handover records: signed handovers, late arrivals
/// (the incoming person after the shift start minus the lead), items carried over, and 代值
/// covers; coverage gaps from the published roster's own check.
#[test]
fn duty_statistics_count_handovers_late_arrivals_carried_items_covers_and_gaps() {
    use crate::duty::handover::{
        self, ArrivalInput, HandoverKind, HandoverStart, OpenItemInput, Party, SignInput,
    };
    use crate::duty::on_duty::{self, CoverInput};
    use crate::testkit::{as_user, Desk, PASSWORD};

    let mut d = Desk::new();
    d.publish_full("2026-12", "2026-11-20 10:00");
    let desk = d.receptionists[0].clone();
    // The 10th: the morning handover (shift starts 08:30), the incoming arrives 08:20 — late,
    // after 08:15 — and two items are handed on; both sign.
    let ctx = as_user(&desk, "2026-12-10 08:05");
    let h = handover::start(
        &mut d.store,
        &ctx,
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: None,
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap();
    let incoming = h.incoming.name.clone();
    let ctx = as_user(&desk, "2026-12-10 08:20");
    handover::record_arrival(
        &mut d.store,
        &ctx,
        ArrivalInput {
            id: h.id,
            arrived_at: None,
        },
    )
    .unwrap();
    for summary in ["3栋电梯年检资料待交物业", "2-1-302 钥匙待业主取回"] {
        handover::add_open_item(
            &mut d.store,
            &ctx,
            OpenItemInput {
                id: h.id,
                summary: summary.into(),
                note: String::new(),
            },
        )
        .unwrap();
    }
    for party in [Party::Outgoing, Party::Incoming] {
        handover::sign(
            &mut d.store,
            &ctx,
            SignInput {
                id: h.id,
                party,
                password: PASSWORD.into(),
                read_log: party == Party::Incoming,
                follow_up: String::new(),
            },
        )
        .unwrap();
    }
    // 代值 that night: security covers the desk while the technician is out.
    let night = as_user(&desk, "2026-12-11 02:00");
    let tech = d.night_tech("2026-12-10");
    on_duty::cover_start(
        &mut d.store,
        &night,
        CoverInput {
            kind: None,
            approved_by: None,
            cover_staff_id: d.security.id,
            for_staff_id: Some(tech.id),
            start_at: None,
            end_at: Some("2026-12-11 03:00".into()),
            reason: "维修工外出抢修".into(),
        },
    )
    .unwrap();
    // A published roster cannot get a gap through the app (publishing and approvals refuse it);
    // one written by hand into the database, as an older version might have, is still reported.
    let (staff, _) = d
        .store
        .read(|tx| {
            Ok(tx.query_row(
                "SELECT c.staff_id, c.day FROM roster_cells c JOIN shifts s ON s.id = c.shift_id
                 WHERE s.code = '夜' AND c.day = '2026-12-20'",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )?)
        })
        .unwrap();
    d.store
        .conn()
        .execute_batch(&format!(
            "INSERT INTO duty_requests (kind, staff_id, from_day, to_day, reason, status, filed_by, filed_at, decided_by, decided_at)
             VALUES ('leave', {staff}, '2026-12-20', '2026-12-20', '旧版数据', 'approved', {staff}, '2026-12-01 09:00:00', {staff}, '2026-12-01 09:00:00');
             INSERT INTO roster_overrides (request_id, staff_id, day, shift_id) VALUES (last_insert_rowid(), {staff}, '2026-12-20', NULL);"
        ))
        .unwrap();

    let boss = d.as_boss("2026-12-31 20:00");
    let rep = report(
        &mut d.store,
        &boss,
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-12".into(),
        },
    )
    .unwrap();
    assert_eq!(rep.duty.handovers, 1);
    assert!(
        rep.workload.iter().all(|p| !p.hours.is_sign_negative()),
        "no -0.0 hours for people without shifts"
    );
    assert_eq!(rep.duty.late_arrivals, 1);
    // …and it is the incoming person's, on the 人员工作量 sheet (R-RP-2): nobody else's.
    let late: Vec<(&str, i64)> = rep
        .workload
        .iter()
        .filter(|p| p.late > 0)
        .map(|p| (p.name.as_str(), p.late))
        .collect();
    assert_eq!(late, vec![(incoming.as_str(), 1)]);
    assert_eq!(rep.duty.carried_over, 2);
    assert_eq!(rep.duty.covers, 1);
    assert_eq!(
        rep.duty.coverage_gaps,
        ["12月20日 17:30–24:00", "12月21日 00:00–08:30"],
        "the night of the 20th is uncovered"
    );
}

/// Issue 9 bug 1: a month whose only complaint has not been judged valid or not yet made every
/// form of the report fail ("Invalid column type Null … sum(c.validity = 'valid')"). An
/// aggregate over nothing, or over only NULLs, is 0.
#[test]
fn a_month_whose_only_complaint_is_unjudged_still_reports() {
    use crate::desk::complaints::{self, ComplaintCategory, OpenComplaintInput, Urgency};
    use crate::desk::intake::{self, Channel, IntakeInput, IntakeKind};
    let mut d = crate::testkit::Desk::new();
    let ctx = d.ctx(&d.receptionists[0]);
    let e = intake::register(
        &mut d.store,
        &ctx,
        IntakeInput {
            room: "3-2-1201".into(),
            channel: Some(Channel::Call),
            kind: Some(IntakeKind::Complaint),
            content: "楼上邻居深夜噪音".into(),
            ..Default::default()
        },
    )
    .unwrap();
    complaints::open(
        &mut d.store,
        &ctx,
        OpenComplaintInput {
            intake_id: e.entry.id,
            category: Some(ComplaintCategory::Neighbour),
            urgency: Some(Urgency::Normal),
            department: String::new(),
            content: None,
        },
    )
    .unwrap();
    let boss = d.ctx(&d.boss);
    let input = || ReportInput {
        kind: PeriodKind::Month,
        period: "2026-11".into(),
    };
    let r = report(&mut d.store, &boss, input())
        .expect("the report of a month with an unjudged complaint");
    assert_eq!(
        (
            r.complaints.received,
            r.complaints.valid,
            r.complaints.closed
        ),
        (1, 0, 0)
    );
    assert_eq!(r.complaints.by_category.len(), 1);
    assert_eq!(
        (
            r.complaints.by_category[0].received,
            r.complaints.by_category[0].valid,
            r.complaints.by_category[0].closed
        ),
        (1, 0, 0)
    );
    assert_eq!(r.complaints.by_department[0].valid, 0);
    assert_eq!(
        r.complaints.avg_close_hours, None,
        "nothing closed: no average, not 0"
    );
    assert_eq!(r.slips.completion_rate, None, "no slips: no rate");
    // The Excel and PDF forms of the same report are produced too.
    super::xlsx::write(&r).expect("the xlsx of that month");
    let meta = crate::paper::print::PrintMeta {
        office_name: r.office_name.clone(),
        doc_prefix: "KF".into(),
        doc_version: "A/0".into(),
        printed_at: d.now,
        full_phones: false,
        chain: r.chain.clone(),
    };
    crate::paper::print::forms::period_report::render(&meta, &r).expect("the PDF of that month");
}
