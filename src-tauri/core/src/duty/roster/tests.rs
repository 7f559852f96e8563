//! The roster (R-DU-1…5): coverage of every minute, shifts crossing midnight and month ends,
//! overlaps and rest, publishing refused with a gap.

use super::*;
use crate::duty::on_duty::{self};
use crate::duty::requests::{RequestInput, RequestKind};
use crate::duty::shifts::{ShiftInput, ShiftPlace};
use crate::testkit::{as_user, Desk};
use check::ProblemKind;

pub(crate) const NOW: &str = "2026-11-20 10:00";

pub(crate) fn gap_texts(v: &Validation) -> Vec<String> {
    v.gaps.iter().map(|g| g.text.clone()).collect()
}

#[test]
fn r_du_1_the_default_shifts_cover_all_24_hours() {
    let mut d = Desk::new();
    d.fill_full("2026-12", NOW);
    let v = validate(&mut d.store, &as_user(&d.boss, NOW), "2026-12").unwrap();
    assert!(
        v.gaps.is_empty(),
        "白班 + 夜班 every day must leave no gap: {:?}",
        gap_texts(&v)
    );
    assert!(v.problems.is_empty(), "{:?}", v.problems);
    // November was kept on paper: the night before 12月1日 cannot be checked, and says so.
    assert_eq!(v.warnings.len(), 1);
    assert!(v.warnings[0].contains("00:00–08:30"));
}

#[test]
fn publishing_with_a_gap_is_refused_and_the_gap_is_listed() {
    let mut d = Desk::new();
    let ctx = as_user(&d.boss, NOW);
    create(&mut d.store, &ctx, "2026-12").unwrap();
    let ids = d.receptionists.iter().map(|a| a.id).collect();
    fill_rotation(
        &mut d.store,
        &ctx,
        RotationInput {
            month: "2026-12".into(),
            staff_ids: ids,
            pattern: vec!["白+中".into(), "白".into(), "休".into()],
        },
    )
    .unwrap();
    let v = validate(&mut d.store, &ctx, "2026-12").unwrap();
    let gaps = gap_texts(&v);
    assert!(
        gaps.contains(&"12月1日 17:30–24:00".to_string()),
        "{gaps:?}"
    );
    assert!(
        gaps.contains(&"12月2日 00:00–08:30".to_string()),
        "{gaps:?}"
    );
    assert_eq!(
        gaps.len(),
        31 + 30,
        "an evening gap every day and a morning gap every day but the 1st"
    );
    let e = publish(&mut d.store, &ctx, "2026-12").unwrap_err();
    assert_eq!((e.kind(), e.field()), ("conflict", Some("gaps")));
    assert!(
        e.to_string().contains("12月1日 17:30–24:00"),
        "the refusal names the gap: {e}"
    );
    // Fix it: technicians on nights. Then it publishes, and is frozen.
    let ids = d.technicians.iter().map(|a| a.id).collect();
    fill_rotation(
        &mut d.store,
        &ctx,
        RotationInput {
            month: "2026-12".into(),
            staff_ids: ids,
            pattern: vec!["夜".into(), "休".into(), "休".into()],
        },
    )
    .unwrap();
    let p = publish(&mut d.store, &ctx, "2026-12").unwrap();
    assert_eq!(p.roster.status, RosterStatus::Published);
    assert!(!p.roster.published_late);
    let cell = CellInput {
        staff_id: d.receptionists[0].id,
        date: "2026-12-05".into(),
        code: "".into(),
    };
    let e = set_cells(
        &mut d.store,
        &ctx,
        CellsInput {
            month: "2026-12".into(),
            cells: vec![cell],
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "conflict");
    let sql = d
        .store
        .conn()
        .execute("DELETE FROM roster_cells WHERE day = '2026-12-05'", []);
    assert!(
        sql.is_err(),
        "the schema itself refuses to change a published roster"
    );
}

#[test]
fn r_du_5_publishing_within_a_week_of_the_month_warns() {
    let mut d = Desk::new();
    d.fill_full("2026-12", "2026-11-27 10:00");
    let p = publish(
        &mut d.store,
        &as_user(&d.boss, "2026-11-27 10:00"),
        "2026-12",
    )
    .unwrap();
    assert!(p.roster.published_late);
    assert!(
        p.warnings.iter().any(|w| w.contains("11月24日")),
        "{:?}",
        p.warnings
    );
}

#[test]
fn the_night_of_the_last_day_covers_the_next_month_morning() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let ctx = as_user(&d.boss, NOW);
    create(&mut d.store, &ctx, "2027-01").unwrap();
    // Only a day shift on 1月1日: the morning until 08:30 is covered by the 12月31日 night (ends 09:00).
    let r = d.receptionists[0].id;
    set_cells(
        &mut d.store,
        &ctx,
        CellsInput {
            month: "2027-01".into(),
            cells: vec![CellInput {
                staff_id: r,
                date: "2027-01-01".into(),
                code: "白".into(),
            }],
        },
    )
    .unwrap();
    let v = validate(&mut d.store, &ctx, "2027-01").unwrap();
    assert!(
        v.warnings.is_empty(),
        "December is published, so nothing is assumed: {:?}",
        v.warnings
    );
    let gaps = gap_texts(&v);
    assert_eq!(
        gaps.first().map(String::as_str),
        Some("1月1日 17:30–24:00"),
        "{gaps:?}"
    );
}

#[test]
fn coverage_is_exact_on_the_days_clocks_change_elsewhere() {
    // 2027-03-14 (America) and 2027-03-28 (Europe): China keeps UTC+8, every day is 1440 minutes.
    let mut d = Desk::new();
    d.publish_full("2027-03", NOW);
    let ctx = as_user(&d.boss, NOW);
    let v = validate(&mut d.store, &ctx, "2027-03").unwrap();
    assert!(v.gaps.is_empty(), "{:?}", gap_texts(&v));
    let night = crate::store::Store::read(&mut d.store, |tx| {
        crate::duty::shifts::by_code(tx, "x", "夜")
    })
    .unwrap();
    assert_eq!(night.minutes, 15 * 60 + 30);
    let (s, e) = night.span(crate::testkit::day("2027-03-27"));
    assert_eq!(
        (e - s).num_minutes(),
        930,
        "the night into 3月28日 is 15.5 hours, no hour lost"
    );
    // 02:30 on 3月28日 does not exist in Europe; here someone is on duty then.
    let now = on_duty::on_duty(&mut d.store, &ctx, Some("2027-03-28 02:30".into())).unwrap();
    assert!(now.desk_covered);
    assert_eq!(now.people.len(), 1);
    assert_eq!(now.people[0].from, "2027-03-27 17:30:00");
}

#[test]
fn overlapping_shifts_and_short_rest_are_problems() {
    let mut d = Desk::new();
    d.fill_full("2026-12", NOW);
    let ctx = as_user(&d.boss, NOW);
    let t = d.technicians[0].id;
    // 张师傅 works nights on 12/1, 12/4 … (赵三 on 12/2, 12/5 …); a day shift on 12/2 starts 08:30 before the night ends at 09:00.
    set_cells(
        &mut d.store,
        &ctx,
        CellsInput {
            month: "2026-12".into(),
            cells: vec![CellInput {
                staff_id: t,
                date: "2026-12-02".into(),
                code: "白".into(),
            }],
        },
    )
    .unwrap();
    let v = validate(&mut d.store, &ctx, "2026-12").unwrap();
    assert!(
        v.problems.iter().any(|p| p.kind == ProblemKind::Overlap
            && p.date == "2026-12-02"
            && p.staff_id == Some(t)),
        "{:?}",
        v.problems
    );
    assert_eq!(
        publish(&mut d.store, &ctx, "2026-12").unwrap_err().field(),
        Some("problems")
    );
    // Night on 12/4 then night on 12/5: 8.5 hours off. Fine at 8 hours, too little at 10.
    set_cells(
        &mut d.store,
        &ctx,
        CellsInput {
            month: "2026-12".into(),
            cells: vec![
                CellInput {
                    staff_id: t,
                    date: "2026-12-02".into(),
                    code: "".into(),
                },
                CellInput {
                    staff_id: t,
                    date: "2026-12-05".into(),
                    code: "夜".into(),
                },
                CellInput {
                    staff_id: d.technicians[2].id,
                    date: "2026-12-05".into(),
                    code: "".into(),
                },
            ],
        },
    )
    .unwrap();
    assert!(validate(&mut d.store, &ctx, "2026-12").unwrap().ok);
    let mut s = duty_settings::get(&mut d.store, &ctx).unwrap();
    s.min_rest_minutes = 600;
    duty_settings::update(&mut d.store, &ctx, s).unwrap();
    let v = validate(&mut d.store, &ctx, "2026-12").unwrap();
    assert!(
        v.problems
            .iter()
            .any(|p| p.kind == ProblemKind::Rest && p.date == "2026-12-05"),
        "{:?}",
        v.problems
    );
}

#[test]
fn a_night_without_a_technician_is_a_role_problem() {
    let mut d = Desk::new();
    d.fill_full("2026-12", NOW);
    let ctx = as_user(&d.boss, NOW);
    // Rotation 夜,休,休: 张师傅 (the first) has the nights of the 1st, 4th, 7th …
    let tech = d.technicians[0].clone();
    set_cells(
        &mut d.store,
        &ctx,
        CellsInput {
            month: "2026-12".into(),
            cells: vec![
                CellInput {
                    staff_id: tech.id,
                    date: "2026-12-07".into(),
                    code: "".into(),
                },
                CellInput {
                    staff_id: d.security.id,
                    date: "2026-12-07".into(),
                    code: "夜".into(),
                },
            ],
        },
    )
    .unwrap();
    let v = validate(&mut d.store, &ctx, "2026-12").unwrap();
    assert!(v.gaps.is_empty());
    assert!(
        v.problems
            .iter()
            .any(|p| p.kind == ProblemKind::Role && p.date == "2026-12-07"),
        "{:?}",
        v.problems
    );
}

#[test]
fn a_shift_ending_at_its_start_is_refused() {
    let mut d = Desk::new();
    let input = ShiftInput {
        name: "全天班".into(),
        code: "全".into(),
        start_time: "08:00".into(),
        end_time: "08:00".into(),
        required_roles: vec![],
        min_people: 1,
        max_people: 1,
        place: ShiftPlace::Desk,
        covers_desk: true,
        color: "#123456".into(),
        active: true,
        sort: 9,
        includes: vec![],
    };
    let e =
        crate::duty::shifts::add(&mut d.store, &as_user(&d.boss, NOW), input.clone()).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("end_time")));
    let ok = crate::duty::shifts::add(
        &mut d.store,
        &as_user(&d.boss, NOW),
        ShiftInput {
            end_time: "次日".into(),
            ..input.clone()
        },
    )
    .unwrap_err();
    assert_eq!(ok.field(), Some("end_time"));
    let s = crate::duty::shifts::add(
        &mut d.store,
        &as_user(&d.boss, NOW),
        ShiftInput {
            start_time: "09:00".into(),
            end_time: "17:00".into(),
            ..input
        },
    )
    .unwrap();
    assert!(!s.crosses_midnight);
    assert_eq!(s.minutes, 480);
}

pub(crate) fn leave(who: i64, from: &str, to: &str) -> RequestInput {
    RequestInput {
        kind: RequestKind::Leave,
        staff_id: who,
        from_day: from.into(),
        to_day: Some(to.into()),
        other_staff_id: None,
        other_day: None,
        reason: "事假".into(),
    }
}
