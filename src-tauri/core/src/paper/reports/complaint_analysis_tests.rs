//! R-CP-3: complaints are analysed each period — by category, by department, by validity and by
//! the time to close — and the report's figures equal an independent count of what was written,
//! including complaints not yet judged or closed.

use super::ops::{report, ReportInput};
use super::period::PeriodKind;
use crate::testkit::{records, Desk};

#[test]
fn r_cp_3_complaints_are_analysed_by_category_department_validity_and_time_to_close() {
    let mut d = Desk::at("2026-12-02 09:00");
    let s = &d.store;
    // (serial, opened, category, validity, signed off): every stage of a complaint's life.
    let written = [
        (
            "TS-202610-0001",
            "2026-10-12 10:00:00",
            "neighbour",
            Some("valid"),
            Some("2026-10-14 10:00:00"),
        ), // 48 h
        (
            "TS-202611-0001",
            "2026-11-03 09:00:00",
            "neighbour",
            Some("valid"),
            Some("2026-11-03 21:00:00"),
        ), // 12 h
        (
            "TS-202611-0002",
            "2026-11-10 14:00:00",
            "sanitation",
            Some("invalid"),
            Some("2026-11-11 14:00:00"),
        ), // 24 h
        (
            "TS-202611-0003",
            "2026-11-20 08:00:00",
            "fees",
            Some("valid"),
            None,
        ), // judged, open
        (
            "TS-202611-0004",
            "2026-11-29 16:00:00",
            "neighbour",
            None,
            None,
        ), // not yet judged
    ];
    for (serial, opened, category, validity, signed) in written {
        records::complaint(s, serial, opened, category, validity, signed);
    }
    // One goes to 环境部, one to no department yet.
    s.conn()
        .execute_batch(
            "UPDATE complaints SET department_id = (SELECT id FROM departments WHERE name = '环境部') WHERE serial = 'TS-202611-0002';
             UPDATE complaints SET department_id = NULL WHERE serial = 'TS-202611-0004';",
        )
        .unwrap();
    let boss = d.ctx(&d.boss.clone());
    let ask = |kind, period: &str| ReportInput {
        kind,
        period: period.into(),
    };

    let month = report(&mut d.store, &boss, ask(PeriodKind::Month, "2026-11"))
        .unwrap()
        .complaints;
    assert_eq!((month.received, month.valid, month.closed), (4, 2, 2));
    assert_eq!(
        month.avg_close_hours,
        Some(18.0),
        "(12 + 24) / 2 hours, open ones not counted"
    );
    let groups = |g: &[super::model::ComplaintGroup]| -> Vec<(String, i64, i64, i64)> {
        let mut v: Vec<_> = g
            .iter()
            .map(|c| (c.label.clone(), c.received, c.valid, c.closed))
            .collect();
        v.sort();
        v
    };
    let mut want = vec![
        ("邻里纠纷".to_string(), 2, 1, 1),
        ("环境卫生".to_string(), 1, 0, 1),
        ("收费".to_string(), 1, 1, 0),
    ];
    want.sort();
    assert_eq!(groups(&month.by_category), want);
    let mut want = vec![
        ("工程部".to_string(), 2, 2, 1),
        ("环境部".to_string(), 1, 0, 1),
        ("未指定".to_string(), 1, 0, 0),
    ];
    want.sort();
    assert_eq!(groups(&month.by_department), want);

    // The quarter takes October's in too.
    let quarter = report(&mut d.store, &boss, ask(PeriodKind::Quarter, "2026-Q4"))
        .unwrap()
        .complaints;
    assert_eq!((quarter.received, quarter.valid, quarter.closed), (5, 3, 3));
    assert_eq!(quarter.avg_close_hours, Some(28.0), "(48 + 12 + 24) / 3");
}
