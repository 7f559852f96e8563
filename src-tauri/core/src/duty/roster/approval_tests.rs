//! More of `tests`: the tests split off to keep each file short; the helpers are its own.

use super::*;
use crate::base::ctx::Actor;
use crate::duty::on_duty::{self, CoverInput};
use crate::duty::requests::{self, DecisionInput, RequestInput, RequestKind, RequestStatus};
use crate::testkit::{as_user, at, Desk};

#[allow(unused_imports)]
use super::tests::*;

#[test]
fn unknown_staff_in_a_cell_or_a_request_is_not_found() {
    let mut d = Desk::new();
    let ctx = as_user(&d.boss, NOW);
    create(&mut d.store, &ctx, "2026-12").unwrap();
    let e = set_cells(
        &mut d.store,
        &ctx,
        CellsInput {
            month: "2026-12".into(),
            cells: vec![CellInput {
                staff_id: 9999,
                date: "2026-12-01".into(),
                code: "白".into(),
            }],
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("not_found", Some("staff")));
    let e = requests::file(
        &mut d.store,
        &ctx,
        RequestInput {
            kind: RequestKind::Leave,
            staff_id: 9999,
            from_day: "2026-12-03".into(),
            to_day: None,
            other_staff_id: None,
            other_day: None,
            reason: "病假".into(),
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "not_found");
    let e = set_cells(
        &mut d.store,
        &ctx,
        CellsInput {
            month: "2026-12".into(),
            cells: vec![CellInput {
                staff_id: d.receptionists[0].id,
                date: "2026-12-01".into(),
                code: "X".into(),
            }],
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("code")));
}

#[test]
fn a_request_for_a_past_date_is_refused() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let r = d.receptionists[0].clone();
    let e = requests::file(
        &mut d.store,
        &as_user(&r, "2026-12-10 09:00"),
        leave(r.id, "2026-12-09", "2026-12-09"),
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("from_day")));
}

#[test]
fn staff_file_for_themselves_and_the_desk_for_anyone() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let tech = d.technicians[0].clone();
    let other = d.technicians[1].id;
    let e = requests::file(
        &mut d.store,
        &as_user(&tech, NOW),
        leave(other, "2026-12-10", "2026-12-10"),
    )
    .unwrap_err();
    assert_eq!(e.kind(), "forbidden");
    let desk = d.receptionists[0].clone();
    let q = requests::file(
        &mut d.store,
        &as_user(&desk, NOW),
        leave(other, "2026-12-10", "2026-12-10"),
    )
    .unwrap();
    assert_eq!(q.filed_by, "李小梅");
    assert_eq!(q.staff.id, other);
}

#[test]
fn a_swap_changes_nothing_until_approved_and_then_shows_as_an_override() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let a = d.night_tech("2026-12-10");
    let others: Vec<Actor> = d
        .technicians
        .iter()
        .filter(|t| t.id != a.id)
        .cloned()
        .collect();
    let b = others
        .into_iter()
        .find(|t| d.night_tech_free(t.id, "2026-12-10"))
        .unwrap();
    let ctx = as_user(&a, NOW);
    let q = requests::file(
        &mut d.store,
        &ctx,
        RequestInput {
            kind: RequestKind::Swap,
            staff_id: a.id,
            from_day: "2026-12-10".into(),
            to_day: None,
            other_staff_id: Some(b.id),
            other_day: None,
            reason: "家中有事".into(),
        },
    )
    .unwrap();
    assert_eq!(q.status, RequestStatus::Pending);
    assert_eq!(
        d.night_tech("2026-12-10").id,
        a.id,
        "nothing changes before approval (R-DU-4)"
    );
    let boss = as_user(&d.boss, NOW);
    let done = requests::approve(
        &mut d.store,
        &boss,
        DecisionInput {
            id: q.id,
            substitute_id: None,
            note: "同意".into(),
        },
    )
    .unwrap();
    assert_eq!(done.status, RequestStatus::Approved);
    assert_eq!(done.changes.len(), 2, "{:?}", done.changes);
    assert_eq!(d.night_tech("2026-12-10").id, b.id);
    let view = get(&mut d.store, &boss, "2026-12").unwrap();
    let row = view.rows.iter().find(|r| r.staff.id == b.id).unwrap();
    assert_eq!((row.cells[9].as_str(), row.changed[9]), ("夜", true));
    assert!(view.validation.ok);
}

#[test]
fn an_approval_that_would_open_a_gap_is_refused() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let tech = d.night_tech("2026-12-10");
    let q = requests::file(
        &mut d.store,
        &as_user(&tech, NOW),
        leave(tech.id, "2026-12-10", "2026-12-10"),
    )
    .unwrap();
    let boss = as_user(&d.boss, NOW);
    let e = requests::approve(
        &mut d.store,
        &boss,
        DecisionInput {
            id: q.id,
            substitute_id: None,
            note: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("conflict", Some("gaps")));
    assert!(e.to_string().contains("12月10日 17:30–24:00"), "{e}");
    // A receptionist as substitute closes the gap but the night needs a technician.
    let e = requests::approve(
        &mut d.store,
        &boss,
        DecisionInput {
            id: q.id,
            substitute_id: Some(d.receptionists[2].id),
            note: String::new(),
        },
    );
    assert!(
        e.is_err(),
        "a receptionist cannot stand the technician's night"
    );
    assert_eq!(
        requests::get(&mut d.store, &boss, q.id).unwrap().status,
        RequestStatus::Pending,
        "a refused approval leaves the request pending"
    );
    assert_eq!(d.night_tech("2026-12-10").id, tech.id);
}

#[test]
fn r_role_1_supervisors_approve_leave_up_to_two_days_and_the_manager_longer() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let r = d.receptionists[0].clone();
    // 李小梅 keeps the noon duty on some of these days: 李四 stands in (R-DU-13).
    let short = requests::file(
        &mut d.store,
        &as_user(&r, NOW),
        leave(r.id, "2026-12-10", "2026-12-11"),
    )
    .unwrap();
    let long = requests::file(
        &mut d.store,
        &as_user(&r, NOW),
        leave(r.id, "2026-12-20", "2026-12-22"),
    )
    .unwrap();
    assert_eq!(long.days, 3);
    let boss = as_user(&d.boss, NOW);
    let e = requests::approve(
        &mut d.store,
        &boss,
        DecisionInput {
            id: long.id,
            substitute_id: Some(d.spare.id),
            note: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "forbidden");
    requests::approve(
        &mut d.store,
        &boss,
        DecisionInput {
            id: short.id,
            substitute_id: Some(d.spare.id),
            note: String::new(),
        },
    )
    .unwrap();
    let mgr = as_user(&d.manager.clone(), NOW);
    let ok = requests::approve(
        &mut d.store,
        &mgr,
        DecisionInput {
            id: long.id,
            substitute_id: Some(d.spare.id),
            note: String::new(),
        },
    )
    .unwrap();
    assert_eq!(ok.status, RequestStatus::Approved);
    // A receptionist cannot approve at all.
    let q = requests::file(
        &mut d.store,
        &as_user(&r, NOW),
        leave(r.id, "2026-12-28", "2026-12-28"),
    )
    .unwrap();
    let e = requests::approve(
        &mut d.store,
        &as_user(&d.receptionists[1].clone(), NOW),
        DecisionInput {
            id: q.id,
            substitute_id: None,
            note: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "forbidden");
}

#[test]
fn r_du_6_on_duty_includes_the_night_from_yesterday_and_security_cover() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let tech = d.night_tech("2026-12-09");
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 03:00");
    let now = on_duty::on_duty(&mut d.store, &ctx, None).unwrap();
    assert_eq!(
        now.people.iter().map(|p| p.staff.id).collect::<Vec<_>>(),
        vec![tech.id]
    );
    let c = on_duty::cover_start(
        &mut d.store,
        &ctx,
        CoverInput {
            kind: None,
            approved_by: None,
            cover_staff_id: d.security.id,
            for_staff_id: Some(tech.id),
            start_at: None,
            end_at: None,
            reason: "3栋水管爆裂,维修工出外勤".into(),
        },
    )
    .unwrap();
    let now = on_duty::on_duty(&mut d.store, &ctx, None).unwrap();
    assert_eq!(now.covers.len(), 1);
    assert_eq!(now.covers[0].cover.name, "周保安");
    let later = as_user(&d.receptionists[0].clone(), "2026-12-10 04:00");
    on_duty::cover_end(
        &mut d.store,
        &later,
        on_duty::CoverEndInput {
            id: c.id,
            end_at: None,
        },
    )
    .unwrap();
    assert!(on_duty::on_duty(&mut d.store, &later, None)
        .unwrap()
        .covers
        .is_empty());
    let e = on_duty::cover_start(
        &mut d.store,
        &later,
        CoverInput {
            kind: None,
            approved_by: None,
            cover_staff_id: d.receptionists[1].id,
            for_staff_id: None,
            start_at: None,
            end_at: None,
            reason: "x".into(),
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("cover_staff_id"));
    let _ = at(NOW);
}

/// A published roster is history: editing a shift template afterwards (夜班 now ends at 08:00)
/// leaves the published month's times — who is on duty, its coverage — as they were published,
/// while a month drafted after the edit uses the new times.
#[test]
fn a_published_roster_keeps_the_shift_times_it_was_published_with() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let tech = d.night_tech("2026-12-09");
    let boss = d.as_boss(NOW);
    let night = d
        .store
        .read(|tx| crate::duty::shifts::all(tx))
        .unwrap()
        .into_iter()
        .find(|s| s.code == "夜")
        .unwrap();
    crate::duty::shifts::update(
        &mut d.store,
        &boss,
        night.id,
        crate::duty::shifts::ShiftInput {
            name: night.name.clone(),
            code: night.code.clone(),
            start_time: night.start_time.clone(),
            end_time: "08:00".into(),
            required_roles: night.required_roles.clone(),
            min_people: night.min_people,
            max_people: night.max_people,
            place: night.place,
            covers_desk: night.covers_desk,
            color: night.color.clone(),
            active: true,
            sort: night.sort,
            includes: vec![],
        },
    )
    .unwrap();
    // 08:30 on the 10th: the night technician of the 9th is still on duty, as published.
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:30");
    let now = on_duty::on_duty(&mut d.store, &ctx, Some("2026-12-10 08:20".into())).unwrap();
    assert!(
        now.people.iter().any(|p| p.staff.id == tech.id),
        "published December keeps 夜班 to 09:00"
    );
    let end_of_night = |d: &mut Desk, month: &str| {
        get(&mut d.store, &boss, month)
            .unwrap()
            .shifts
            .into_iter()
            .find(|s| s.code == "夜")
            .unwrap()
            .end_time
    };
    assert_eq!(
        end_of_night(&mut d, "2026-12"),
        "09:00",
        "the grid's legend too"
    );
    let december = validate(&mut d.store, &boss, "2026-12").unwrap();
    assert!(december.gaps.is_empty(), "{:?}", december.gaps);
    // January, drafted after the edit, has the new 08:00 end: 08:00–08:30 is now a gap.
    d.fill_full("2027-01", NOW);
    assert_eq!(end_of_night(&mut d, "2027-01"), "08:00");
    let january = validate(&mut d.store, &boss, "2027-01").unwrap();
    assert!(
        january
            .gaps
            .iter()
            .any(|g| g.from == "08:00" && g.to == "08:30"),
        "{:?}",
        january.gaps
    );
}
