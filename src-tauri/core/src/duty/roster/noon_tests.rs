//! The noon shift (R-DU-1, R-DU-2, R-DU-13): 中午班 11:30–13:30 is kept by the receptionist on
//! the day shift in turn — 白+中 is one assignment, not an overlap — and a day without its noon
//! person is a gap the roster check names, at publishing and when a leave is approved.

use super::check::ProblemKind;
use super::tests::{leave, NOW};
use super::*;
use crate::duty::on_duty;
use crate::duty::requests::{self, DecisionInput, RequestStatus};
use crate::duty::shifts::{self, ShiftInput, ShiftPlace};
use crate::testkit::{as_user, Desk};

#[test]
fn r_du_13_a_day_shift_with_noon_duty_is_one_assignment_not_an_overlap() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let v = validate(&mut d.store, &as_user(&d.boss, NOW), "2026-12").unwrap();
    assert!(v.ok, "{:?}", v.lines());
    assert!(!v.problems.iter().any(|p| p.kind == ProblemKind::Overlap));
    // At noon on the 1st, 李小梅 (白+中) is on duty, once.
    let now = on_duty::on_duty(
        &mut d.store,
        &as_user(&d.boss, NOW),
        Some("2026-12-01 12:00".into()),
    )
    .unwrap();
    let li: Vec<&str> = now
        .people
        .iter()
        .filter(|p| p.staff.id == d.receptionists[0].id)
        .map(|p| p.shift_code.as_str())
        .collect();
    assert_eq!(li, vec!["白+中"]);
}

#[test]
fn r_du_2_a_month_without_its_noon_person_is_refused_at_publish_and_the_gap_named() {
    let mut d = Desk::new();
    let ctx = as_user(&d.boss, NOW);
    create(&mut d.store, &ctx, "2026-12").unwrap();
    // Two receptionists on 白 every day, nights covered — but nobody keeps the noon duty.
    for (ids, pattern) in [
        (
            d.receptionists.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec!["白", "白", "休"],
        ),
        (
            d.technicians.iter().map(|a| a.id).collect(),
            vec!["夜", "休", "休"],
        ),
    ] {
        fill_rotation(
            &mut d.store,
            &ctx,
            RotationInput {
                month: "2026-12".into(),
                staff_ids: ids,
                pattern: pattern.into_iter().map(String::from).collect(),
            },
        )
        .unwrap();
    }
    let v = validate(&mut d.store, &ctx, "2026-12").unwrap();
    assert!(v.gaps.is_empty(), "the desk is covered: {:?}", v.gaps);
    assert_eq!(v.problems.len(), 31, "one missing noon person a day");
    let e = publish(&mut d.store, &ctx, "2026-12").unwrap_err();
    assert!(
        e.to_string()
            .contains("12月1日 中午班（11:30–13:30）没有安排人，应为 1–1 人"),
        "{e}"
    );
    assert_eq!(
        get(&mut d.store, &ctx, "2026-12").unwrap().status,
        RosterStatus::Draft
    );
}

#[test]
fn r_du_13_a_leave_that_takes_away_the_noon_person_needs_a_substitute() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    // 李小梅 keeps 白+中 on the 1st (the rotation starts with her).
    let li = d.receptionists[0].clone();
    let q = requests::file(
        &mut d.store,
        &as_user(&li, NOW),
        leave(li.id, "2026-12-01", "2026-12-01"),
    )
    .unwrap();
    let boss = as_user(&d.boss, NOW);
    let decide = |substitute_id| DecisionInput {
        id: q.id,
        substitute_id,
        note: String::new(),
    };
    let e = requests::approve(&mut d.store, &boss, decide(None)).unwrap_err();
    assert_eq!(e.kind(), "conflict");
    assert!(e.to_string().contains("12月1日 中午班"), "{e}");
    let ok = requests::approve(&mut d.store, &boss, decide(Some(d.spare.id))).unwrap();
    assert_eq!(ok.status, RequestStatus::Approved);
    let noon = on_duty::on_duty(&mut d.store, &boss, Some("2026-12-01 12:00".into())).unwrap();
    assert!(
        noon.people
            .iter()
            .any(|p| p.staff.id == d.spare.id && p.shift_code == "白+中"),
        "李四 keeps the noon duty in her place: {:?}",
        noon.people
    );
}

#[test]
fn r_du_13_a_shift_keeps_only_shifts_within_its_hours() {
    let mut d = Desk::new();
    let boss = as_user(&d.boss, NOW);
    let input = |code: &str, includes: &[&str]| ShiftInput {
        name: format!("早班{code}"),
        code: code.into(),
        start_time: "08:30".into(),
        end_time: "12:00".into(),
        required_roles: vec![],
        min_people: 0,
        max_people: 2,
        place: ShiftPlace::Desk,
        covers_desk: true,
        color: "#123456".into(),
        active: true,
        sort: 9,
        includes: includes.iter().map(|c| c.to_string()).collect(),
    };
    let e = shifts::add(&mut d.store, &boss, input("早", &["中"])).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("includes")));
    assert!(e.to_string().contains("不在本班次 08:30–12:00 之内"), "{e}");
    let e = shifts::add(&mut d.store, &boss, input("早2", &["白+中"])).unwrap_err();
    assert!(e.to_string().contains("本身包含其他班次"), "{e}");
    let ok = shifts::add(&mut d.store, &boss, input("早3", &[])).unwrap();
    assert!(ok.includes.is_empty());
}
