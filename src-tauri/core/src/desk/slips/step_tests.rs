//! More of `tests`: the tests split off to keep each file short; the helpers are its own.

use super::*;
use crate::testkit::{at, Desk};

#[allow(unused_imports)]
use super::tests::*;

#[test]
fn assignee_must_be_active_staff_of_the_handling_department() {
    let mut d = Desk::new();
    let (rec, cleaner) = (d.receptionists[0].clone(), d.cleaner.clone());
    let id = new_slip(&mut d).id;
    let e = dispatch(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        AssignInput {
            slip_id: id,
            assignee_id: cleaner.id,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("assignee_id")));
    let e = dispatch(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        AssignInput {
            slip_id: id,
            assignee_id: 9999,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("not_found", Some("assignee_id")));
    let names: Vec<String> = assignable(&mut d.store, &crate::Ctx::as_user(d.now, rec.clone()), id)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, vec!["张师傅", "赵三", "赵师傅"]);
}

#[test]
fn bad_fee_times_and_reasons_are_refused() {
    let mut d = Desk::new();
    let (sup, tech) = (d.boss.clone(), d.technicians[0].clone());
    let id = slip_in(&mut d, SlipState::OnSite);
    for fee in ["-5", "abc", "3.555", "", "0"] {
        let e = complete(
            &mut d.store,
            &crate::Ctx::as_user(d.now, tech.clone()),
            CompleteInput {
                fee: fee.into(),
                ..done_input(id)
            },
        )
        .unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            ("invalid", Some("fee")),
            "fee {fee:?}"
        );
    }
    let e = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            fee_kind: Some(FeeKind::Free),
            fee: "12".into(),
            ..done_input(id)
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("fee"));
    let e = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            work_done: "  ".into(),
            ..done_input(id)
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("work_done"));
    // 验收 and 满意度 are chosen, never left empty (issue 13).
    let e = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            resident_accepted: None,
            ..done_input(id)
        },
    )
    .unwrap_err();
    assert_eq!(
        (e.field(), e.to_string().as_str()),
        (Some("resident_accepted"), "请选择业主是否验收")
    );
    let e = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            resident_satisfaction: None,
            ..done_input(id)
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("resident_satisfaction"));
    // A time in the future, and a time before the slip was opened.
    let e = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            at: Some("2026-11-23 12:00".into()),
            ..done_input(id)
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("at")));
    let e = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            at: Some("2026-11-23 09:00".into()),
            ..done_input(id)
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("at")));
    let e = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            at: Some("昨天".into()),
            ..done_input(id)
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("at"));
    assert_eq!(state_of(&mut d, id), SlipState::OnSite);
    // A pause needs a reason.
    let e = pause(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        StepInput {
            slip_id: id,
            reason: " ".into(),
            at: None,
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("reason")));
    // Free with no fee, back-dated within the allowed span, is fine.
    let ok = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        CompleteInput {
            fee_kind: Some(FeeKind::Free),
            fee: String::new(),
            at: Some("2026-11-23 10:00".into()),
            ..done_input(id)
        },
    )
    .unwrap();
    assert_eq!(
        (ok.fee_cents, ok.completed_at.as_deref()),
        (0, Some("2026-11-23 10:00:00"))
    );
    assert_eq!(parse_fee("fee", "¥35").unwrap(), 3500);
    assert_eq!(parse_fee("fee", "0.5").unwrap(), 50);
}

#[test]
fn serials_run_per_month_without_gaps_or_duplicates() {
    let mut d = Desk::at("2026-11-30 23:58");
    let rec = d.receptionists[0].clone();
    let a = new_slip(&mut d).serial;
    // A failed opening (unknown category) must not use up a number.
    let entry = repair_entry(&mut d, &rec, "给排水");
    let e = open(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        OpenSlipInput {
            intake_id: entry,
            category: Some("不存在".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("category"));
    let b = open(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        OpenSlipInput {
            intake_id: entry,
            ..Default::default()
        },
    )
    .unwrap()
    .serial;
    d.later(2); // 2026-12-01 00:00
    let c = new_slip(&mut d).serial;
    let e2 = new_slip(&mut d).serial;
    assert_eq!(
        [a, b, c, e2],
        [
            "PG-202611-0001",
            "PG-202611-0002",
            "PG-202612-0001",
            "PG-202612-0002"
        ]
    );
    // Opening the same entry twice is refused.
    let e = open(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        OpenSlipInput {
            intake_id: entry,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "conflict");
    // Many in a row: consecutive, unique.
    let serials: Vec<String> = (0..20).map(|_| new_slip(&mut d).serial).collect();
    for (i, s) in serials.iter().enumerate() {
        assert_eq!(s, &format!("PG-202612-{:04}", i + 3));
    }
}

#[test]
fn r_ds_5_overdue_excludes_paused_time_and_due_soon_warns() {
    let mut d = Desk::new(); // 10:00, 给排水 4 h → due 14:00; due-soon window 120 min
    let (sup, tech) = (d.boss.clone(), d.technicians[0].clone());
    let id = slip_in(&mut d, SlipState::Dispatched);
    let ids = |v: Vec<Slip>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
    d.later(60); // 11:00 pause
    pause(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        step(id),
    )
    .unwrap();
    d.later(300); // 16:00 still paused: past the original deadline but the clock is stopped
    assert!(ids(board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        Board::Overdue
    )
    .unwrap())
    .is_empty());
    let s = detail(&mut d.store, &crate::Ctx::as_user(d.now, sup.clone()), id)
        .unwrap()
        .slip;
    assert_eq!(
        s.deadline.state,
        crate::desk::deadlines::DeadlineState::Stopped
    );
    resume(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        step(id),
    )
    .unwrap(); // paused 5 h: due 19:00
    let s = detail(&mut d.store, &crate::Ctx::as_user(d.now, sup.clone()), id)
        .unwrap()
        .slip;
    assert_eq!(s.deadline.due_at, "2026-11-23 19:00:00");
    assert_eq!(
        s.deadline.state,
        crate::desk::deadlines::DeadlineState::OnTime
    );
    d.later(125); // 18:05
    let s = detail(&mut d.store, &crate::Ctx::as_user(d.now, sup.clone()), id)
        .unwrap()
        .slip;
    assert_eq!(
        (s.deadline.state, s.deadline.minutes_left),
        (crate::desk::deadlines::DeadlineState::DueSoon, Some(55))
    );
    assert!(ids(board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        Board::Overdue
    )
    .unwrap())
    .is_empty());
    d.later(56); // 19:01
    assert_eq!(
        ids(board(
            &mut d.store,
            &crate::Ctx::as_user(d.now, sup.clone()),
            Board::Overdue
        )
        .unwrap()),
        vec![id]
    );
    let items = d
        .store
        .read(|tx| crate::desk::open_items::open_items(tx, at("2026-11-23 19:01")))
        .unwrap();
    assert_eq!(ids(items.overdue), vec![id]);
    // Once done it is no longer overdue.
    accept(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        step(id),
    )
    .unwrap();
    arrive(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        step(id),
    )
    .unwrap();
    complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        done_input(id),
    )
    .unwrap();
    assert!(ids(board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        Board::Overdue
    )
    .unwrap())
    .is_empty());
    assert_eq!(
        ids(board(
            &mut d.store,
            &crate::Ctx::as_user(d.now, sup.clone()),
            Board::DoneToday
        )
        .unwrap()),
        vec![id]
    );
    assert_eq!(
        ids(board(
            &mut d.store,
            &crate::Ctx::as_user(d.now, sup.clone()),
            Board::AwaitingVisit
        )
        .unwrap()),
        vec![id]
    );
    let pauses: i64 = d
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM slip_pauses WHERE slip_id = ?1 AND ended_at IS NOT NULL",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(pauses, 1);
}

#[test]
fn boards_mine_and_my_department() {
    let mut d = Desk::new();
    let (tech, tech2, cleaner) = (
        d.technicians[0].clone(),
        d.technicians[1].clone(),
        d.cleaner.clone(),
    );
    let id = slip_in(&mut d, SlipState::Dispatched);
    let other = new_slip(&mut d).id;
    let mine: Vec<i64> = board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        Board::Mine,
    )
    .unwrap()
    .into_iter()
    .map(|s| s.id)
    .collect();
    assert_eq!(mine, vec![id]);
    assert!(board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech2.clone()),
        Board::Mine
    )
    .unwrap()
    .is_empty());
    let dept: Vec<i64> = board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech2.clone()),
        Board::MyDepartment,
    )
    .unwrap()
    .into_iter()
    .map(|s| s.id)
    .collect();
    assert_eq!(dept, vec![other, id]);
    assert!(board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, cleaner.clone()),
        Board::MyDepartment
    )
    .unwrap()
    .is_empty());
}
