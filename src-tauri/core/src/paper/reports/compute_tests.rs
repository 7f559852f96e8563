//! The report of a seeded month equals what the test counts itself from the rows it wrote, and
//! the Excel export of that report carries the same numbers (calamine and LibreOffice).

use super::ops::{export, report, ReportInput};
use super::period::PeriodKind;
use super::tests::{libreoffice_csv, read_sheets};
use crate::testkit::{at, records, Desk};

#[test]
fn a_seeded_month_reports_what_the_database_holds() {
    let mut d = Desk::on_disk("2026-11-23 09:30");
    // October: one entry that must not count in November.
    records::intake(
        &d.store,
        "2026-10-31 23:59:59",
        1,
        "call",
        "inquiry",
        "十月的咨询",
        false,
    );
    let mut entries = Vec::new();
    for i in 0..20u32 {
        let day = 1 + i % 10;
        let (channel, kind) = if i % 4 == 0 {
            ("visit", "complaint")
        } else {
            ("call", "repair")
        };
        let t = format!("2026-11-{day:02} {:02}:15:00", 8 + i % 12);
        entries.push((t.clone(), channel, kind));
        records::intake(
            &d.store,
            &t,
            1 + (i % 2) as i64,
            channel,
            kind,
            &format!("第{i}条"),
            8 + i % 12 >= 18,
        );
    }
    // Slips: 1..=6 completed (给排水 limit 4 h: done after 2 h on time, after 6 h late), 7..=8 open.
    let mut slip_ids = Vec::new();
    for n in 1..=8 {
        let done = match n {
            1..=4 => Some(2),
            5..=6 => Some(6),
            _ => None,
        };
        let opened = at(&format!("2026-11-{n:02} 09:00"));
        slip_ids.push(records::slip(
            &d.store,
            &format!("PG-202611-{n:04}"),
            None,
            opened,
            "给排水",
            done,
        ));
    }
    records::visit_slip(
        &d.store,
        slip_ids[0],
        "2026-11-03 10:00:00",
        Some("satisfied"),
    );
    records::visit_slip(&d.store, slip_ids[1], "2026-11-03 10:00:00", Some("basic"));
    records::visit_slip(
        &d.store,
        slip_ids[2],
        "2026-11-04 10:00:00",
        Some("unsatisfied"),
    );
    records::visit_slip(&d.store, slip_ids[3], "2026-11-05 10:00:00", None);
    records::complaint(
        &d.store,
        "TS-202611-0001",
        "2026-11-05 10:00:00",
        "neighbour",
        Some("valid"),
        Some("2026-11-06 16:00:00"),
    );
    records::complaint(
        &d.store,
        "TS-202611-0002",
        "2026-11-06 10:00:00",
        "repair_quality",
        Some("invalid"),
        None,
    );
    records::complaint(
        &d.store,
        "TS-202611-0003",
        "2026-11-07 10:00:00",
        "neighbour",
        None,
        None,
    );

    let ctx = d.ctx(&d.boss);
    let r = report(
        &mut d.store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-11".into(),
        },
    )
    .unwrap();

    // Intake, counted from what the test wrote.
    assert_eq!(r.intake.total, entries.len() as i64);
    let complaints_in = entries.iter().filter(|e| e.2 == "complaint").count() as i64;
    assert_eq!(
        r.intake
            .by_type
            .iter()
            .find(|c| c.label == "投诉")
            .unwrap()
            .count,
        complaints_in
    );
    assert_eq!(
        r.intake
            .by_type
            .iter()
            .find(|c| c.label == "报修")
            .unwrap()
            .count,
        entries.len() as i64 - complaints_in
    );
    assert_eq!(
        r.intake.by_channel.iter().map(|c| c.count).sum::<i64>(),
        entries.len() as i64
    );
    assert_eq!(r.intake.per_day.len(), 30);
    for dc in &r.intake.per_day {
        let expected = entries.iter().filter(|e| e.0.starts_with(&dc.day)).count() as i64;
        assert_eq!(dc.count, expected, "{}", dc.day);
    }
    let night: i64 = d.store.conn().query_row("SELECT count(*) FROM intake_entries WHERE night_log = 1 AND received_at >= '2026-11-01'", [], |r| r.get(0)).unwrap();
    assert_eq!(r.intake.night_entries, night);

    // Slips: 8 opened, 6 completed, 4 on time; 2 open past their 4-hour limit are overdue.
    assert_eq!(
        (r.slips.opened, r.slips.completed, r.slips.on_time),
        (8, 6, 4)
    );
    assert_eq!(r.slips.completion_rate, Some(6.0 / 8.0));
    assert_eq!(r.slips.on_time_rate, Some(4.0 / 6.0));
    assert_eq!(r.slips.avg_response_minutes, Some(10.0));
    assert_eq!(
        r.slips.avg_completion_hours,
        Some((4.0 * 2.0 + 2.0 * 6.0) / 6.0 * 10.0_f64).map(|x| x.round() / 10.0)
    );
    assert_eq!(
        r.slips
            .overdue
            .iter()
            .map(|o| o.serial.as_str())
            .collect::<Vec<_>>(),
        ["PG-202611-0007", "PG-202611-0008"]
    );
    assert_eq!(r.slips.by_category[0].label, "给排水");
    assert_eq!(
        r.slips.by_category[0].overdue, 4,
        "2 completed late + 2 open past due"
    );

    // Return visits: 6 completed slips due, 3 answered, 2 of them satisfied or basically satisfied.
    assert_eq!((r.visits.due, r.visits.done, r.visits.satisfied), (6, 3, 2));
    assert_eq!(r.visits.rate, Some(0.5));

    // Complaints.
    assert_eq!(
        (
            r.complaints.received,
            r.complaints.valid,
            r.complaints.closed
        ),
        (3, 1, 1)
    );
    assert_eq!(r.complaints.avg_close_hours, Some(30.0));
    assert_eq!(r.complaints.by_category[0].label, "邻里纠纷");
    assert_eq!(r.complaints.by_category[0].received, 2);

    // Workload: 李小梅 received every November entry, dispatched all slips and made the visits.
    let li = r.workload.iter().find(|p| p.name == "李小梅").unwrap();
    assert_eq!(
        (li.intake_received, li.slips_dispatched, li.return_visits),
        (entries.len() as i64, 8, 3)
    );
    let zhao = r.workload.iter().find(|p| p.name == "赵师傅").unwrap();
    assert_eq!(zhao.slips_completed, 6);

    // Detail rows, phones masked.
    assert_eq!(
        (
            r.intake_rows.len(),
            r.slip_rows.len(),
            r.complaint_rows.len()
        ),
        (20, 8, 3)
    );
    assert!(r.intake_rows.iter().all(|i| i.phone == "138****5678"));

    // The Excel export carries the same numbers.
    let exported = export(
        &mut d.store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-11".into(),
        },
    )
    .unwrap();
    let path = std::path::Path::new(&exported.archive_path);
    assert!(path.starts_with(d.dir().join("archive")));
    let sheets = read_sheets(path);
    let flat: Vec<String> = sheets[0]
        .1
        .iter()
        .flatten()
        .map(|c| c.to_string())
        .collect();
    assert!(
        flat.windows(2)
            .any(|w| w[0] == "来电来访登记（件）" && w[1] == "20"),
        "{flat:?}"
    );
    let csv = libreoffice_csv(path);
    assert!(csv[0].contains("派工单（张）,8"), "{}", csv[0]);
    assert!(csv[0].contains("按时完成率,66.7%"), "{}", csv[0]);
    assert!(csv[6].contains("PG-202611-0007"));
}

#[test]
fn an_empty_month_is_a_valid_report_and_bad_periods_are_refused() {
    let mut d = Desk::on_disk("2026-11-23 09:30");
    let ctx = d.ctx(&d.boss);
    let r = report(
        &mut d.store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-09".into(),
        },
    )
    .unwrap();
    assert_eq!(
        (r.intake.total, r.slips.opened, r.complaints.received),
        (0, 0, 0)
    );
    assert_eq!(r.slips.completion_rate, None);
    assert_eq!(r.intake.per_day.len(), 30);
    export(
        &mut d.store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-09".into(),
        },
    )
    .unwrap();
    for (kind, p) in [
        (PeriodKind::Month, "2026-12"),
        (PeriodKind::Month, "2026-1x"),
        (PeriodKind::Quarter, "2027-Q1"),
        (PeriodKind::Year, "abcd"),
    ] {
        let e = report(
            &mut d.store,
            &ctx,
            ReportInput {
                kind,
                period: p.into(),
            },
        )
        .unwrap_err();
        assert_eq!((e.kind(), e.field()), ("invalid", Some("period")), "{p}");
    }
    let q = report(
        &mut d.store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Quarter,
            period: "2026-Q4".into(),
        },
    )
    .unwrap();
    assert_eq!(q.intake.per_day.len(), 92);
    let clerk = d.ctx(&d.receptionists[0]);
    assert_eq!(
        report(
            &mut d.store,
            &clerk,
            ReportInput {
                kind: PeriodKind::Year,
                period: "2026".into()
            }
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
}
