//! R-DS-7: a return visit is due within `return_visit_hours` of completion (24 by default). A
//! slip still unvisited past it is on the 回访超时 board and in the desk's 待办, and the period
//! report counts late visits — checked against what the test wrote, in every state.

use super::board::{board, Board};
use super::visit::{visit_slip, SlipVisitInput};
use crate::desk::intake::settings;
use crate::desk::visits::{Satisfaction, VisitMethod};
use crate::duty::waiting;
use crate::paper::reports::ops::{report, ReportInput};
use crate::paper::reports::period::PeriodKind;
use crate::testkit::{at, records, Desk};

#[test]
fn r_ds_7_a_return_visit_past_its_deadline_is_flagged_on_the_board_the_queue_and_the_report() {
    let mut d = Desk::at("2026-11-23 12:00");
    let desk = d.ctx(&d.receptionists[0].clone());
    let boss = d.ctx(&d.boss.clone());
    let s = &d.store;
    // Completed (opened + 2 h) …
    let late_unvisited = records::slip(
        s,
        "PG-202611-0001",
        None,
        at("2026-11-22 04:00"),
        "给排水",
        Some(2),
    ); // done 06:00 yesterday: 30 h
    let fresh = records::slip(
        s,
        "PG-202611-0002",
        None,
        at("2026-11-23 00:00"),
        "给排水",
        Some(2),
    ); // done 02:00 today: 10 h
    let visited_late = records::slip(
        s,
        "PG-202611-0003",
        None,
        at("2026-11-20 10:00"),
        "给排水",
        Some(2),
    ); // done 20th 12:00
    let visited_on_time = records::slip(
        s,
        "PG-202611-0004",
        None,
        at("2026-11-20 10:00"),
        "给排水",
        Some(2),
    );
    let unanswered = records::slip(
        s,
        "PG-202611-0005",
        None,
        at("2026-11-21 10:00"),
        "给排水",
        Some(2),
    ); // done 21st 12:00: 48 h
    let working = records::slip(
        s,
        "PG-202611-0006",
        None,
        at("2026-11-19 10:00"),
        "给排水",
        None,
    ); // never completed
    let visit = |d: &mut Desk, slip, when: &str, answered| {
        visit_slip(
            &mut d.store,
            &desk,
            SlipVisitInput {
                slip_id: slip,
                method: VisitMethod::Phone,
                answered,
                result: if answered {
                    "已修好".into()
                } else {
                    String::new()
                },
                satisfaction: answered.then_some(Satisfaction::Satisfied),
                follow_up: None,
                at: Some(when.into()),
            },
        )
        .unwrap()
    };
    visit(&mut d, visited_late, "2026-11-22 09:00", true); // 45 h after completion
    visit(&mut d, visited_on_time, "2026-11-20 17:00", true); // 5 h after
    visit(&mut d, unanswered, "2026-11-21 15:00", false); // an attempt is not a visit

    // The board and the count: done, unvisited, completed 24 h or more before now.
    let ids = |d: &mut Desk| -> Vec<i64> {
        let mut v: Vec<i64> = board(&mut d.store, &desk, Board::VisitOverdue)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&mut d), vec![late_unvisited, unanswered]);
    let w = waiting::waiting(&mut d.store, &desk).unwrap();
    assert_eq!(
        (w.visits_overdue, w.awaiting_visit),
        (2, 3),
        "{fresh} is waiting, not late; {working} is not done"
    );

    // The report: the two still unvisited past the deadline, and the one visited too late.
    let month = ReportInput {
        kind: PeriodKind::Month,
        period: "2026-11".into(),
    };
    assert_eq!(
        report(&mut d.store, &boss, month.clone())
            .unwrap()
            .visits
            .late,
        3
    );

    // The office gives 48 hours: only the slip done 48 h ago is late; the 45-hour visit is not.
    let mut set = settings::get(&mut d.store, &boss).unwrap();
    assert_eq!(set.return_visit_hours, 24, "the default");
    set.return_visit_hours = 48;
    settings::update(&mut d.store, &boss, set.clone()).unwrap();
    assert_eq!(ids(&mut d), vec![unanswered]);
    assert_eq!(report(&mut d.store, &boss, month).unwrap().visits.late, 1);

    // Out of range is refused under its field, together with any other wrong field.
    set.return_visit_hours = 0;
    set.due_soon_minutes = -1;
    let e = settings::update(&mut d.store, &boss, set).unwrap_err();
    let fields: Vec<String> = e.to_view().fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["due_soon_minutes", "return_visit_hours"]);
}
