//! Every department works its own slips (R-DS-2) and the supervisor's 代录 is said as such
//! (R-DS-3): a 秩序维护 slip goes through its whole life in the guard's hands, and a slip whose
//! steps the supervisor entered for the technician never shows the technician as the signer.

use super::tests::{done_input, repair_entry, step};
use super::*;
use crate::desk::slips::{visit_slip, SlipVisitInput};
use crate::desk::visits::{Satisfaction, VisitMethod};
use crate::paper::print::job::{print, PrintInput};
use crate::paper::print::tests::text_of_bytes;
use crate::paper::print::FormKind;
use crate::testkit::Desk;
use crate::{Actor, Ctx};

fn opened(d: &mut Desk, category: &str) -> Slip {
    let r = d.receptionists[0].clone();
    let id = repair_entry(d, &r, category);
    open(
        &mut d.store,
        &Ctx::as_user(d.now, r.clone()),
        OpenSlipInput {
            intake_id: id,
            ..Default::default()
        },
    )
    .unwrap()
}

fn dispatched_to(d: &mut Desk, category: &str, to: &Actor) -> Slip {
    let s = opened(d, category);
    let r = d.receptionists[0].clone();
    dispatch(
        &mut d.store,
        &Ctx::as_user(d.now, r.clone()),
        AssignInput {
            slip_id: s.id,
            assignee_id: to.id,
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn r_ds_2_a_guard_works_a_security_slip_through_its_whole_life() {
    let mut d = Desk::new();
    let (guard, tech, clerk) = (
        d.security.clone(),
        d.technicians[0].clone(),
        d.receptionists[0].clone(),
    );
    let s = dispatched_to(&mut d, "秩序维护", &guard);
    assert_eq!(s.department, "秩序维护部");
    let page = detail(&mut d.store, &Ctx::as_user(d.now, guard.clone()), s.id).unwrap();
    assert_eq!(
        page.actions,
        vec![SlipAction::Accept, SlipAction::Return, SlipAction::Pause],
        "the guard is offered the worker's steps of his own slip"
    );
    // Someone else's slip stays someone else's, whatever the role.
    let e = accept(&mut d.store, &Ctx::as_user(d.now, tech.clone()), step(s.id)).unwrap_err();
    assert_eq!(e.kind(), "forbidden");
    assert!(e.to_string().contains("只能处理派给自己的派工单"), "{e}");

    accept(
        &mut d.store,
        &Ctx::as_user(d.now, guard.clone()),
        step(s.id),
    )
    .unwrap();
    d.later(20);
    arrive(
        &mut d.store,
        &Ctx::as_user(d.now, guard.clone()),
        step(s.id),
    )
    .unwrap();
    d.later(30);
    let done = complete(
        &mut d.store,
        &Ctx::as_user(d.now, guard.clone()),
        done_input(s.id),
    )
    .unwrap();
    assert_eq!(done.state, SlipState::Done);
    assert_eq!(
        done.technician_signed_by, "周保安",
        "the guard signs his own work"
    );
    d.later(60);
    visit_slip(
        &mut d.store,
        &Ctx::as_user(d.now, clerk.clone()),
        SlipVisitInput {
            slip_id: s.id,
            method: VisitMethod::Phone,
            answered: true,
            result: "已处理".into(),
            satisfaction: Some(Satisfaction::Satisfied),
            follow_up: None,
            at: None,
        },
    )
    .unwrap();
    let boss = d.boss.clone();
    let closed = close(&mut d.store, &Ctx::as_user(d.now, boss.clone()), step(s.id)).unwrap();
    assert_eq!(closed.state, SlipState::Closed);
    let page = detail(&mut d.store, &Ctx::as_user(d.now, boss.clone()), s.id).unwrap();
    assert!(
        page.events.iter().all(|e| e.on_behalf_of.is_empty()),
        "the guard entered his own steps: {:?}",
        page.events
    );
}

#[test]
fn r_ds_3_a_completion_the_supervisor_entered_is_printed_as_entered_for_the_technician() {
    let mut d = Desk::on_disk("2026-11-23 10:00"); // printing archives beside the file
    let (tech, boss, clerk) = (
        d.technicians[0].clone(),
        d.boss.clone(),
        d.receptionists[0].clone(),
    );
    let s = dispatched_to(&mut d, "给排水", &tech);
    // The technician phones in: the supervisor enters his acceptance; he arrives himself;
    // the supervisor enters the completion from the paper slip he brings back.
    accept(&mut d.store, &Ctx::as_user(d.now, boss.clone()), step(s.id)).unwrap();
    d.later(15);
    arrive(&mut d.store, &Ctx::as_user(d.now, tech.clone()), step(s.id)).unwrap();
    d.later(40);
    let done = complete(
        &mut d.store,
        &Ctx::as_user(d.now, boss.clone()),
        done_input(s.id),
    )
    .unwrap();
    assert_eq!(
        done.technician_signed_by, "",
        "nobody signed for 张师傅 in the software"
    );
    let page = detail(&mut d.store, &Ctx::as_user(d.now, boss.clone()), s.id).unwrap();
    let behalf = |a: SlipAction| {
        page.events
            .iter()
            .find(|e| e.action == a)
            .map(|e| (e.actor.as_str(), e.on_behalf_of.as_str()))
    };
    assert_eq!(behalf(SlipAction::Accept), Some(("王主管", "张师傅")));
    assert_eq!(behalf(SlipAction::Arrive), Some(("张师傅", "")));
    assert_eq!(behalf(SlipAction::Complete), Some(("王主管", "张师傅")));

    let printed = print(
        &mut d.store,
        &Ctx::as_user(d.now, clerk.clone()),
        PrintInput {
            form: FormKind::DispatchSlip,
            serial: s.serial.clone(),
            from: String::new(),
            to: String::new(),
            paper: None,
            full_phones: false,
        },
    )
    .unwrap();
    let (text, _) = text_of_bytes(&printed.pdf);
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains("（王主管代录）"), "{text}");
    assert!(text.contains("主管代录：王主管"), "{text}");
    assert!(text.contains("（本人未签名）"), "{text}");
    assert!(
        !text.contains("系统签名：张师傅"),
        "the technician is never shown signing what the supervisor entered: {text}"
    );
}
