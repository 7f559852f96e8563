//! Who is alerted until whom takes a complaint up (R-CP-1, R-CP-2): every complaint alerts the
//! supervisors until one takes it up; an urgent or major one stays on the manager's banner until
//! a manager takes it up, whoever else did.

use super::tests::open_one;
use super::*;
use crate::testkit::Desk;
use crate::{Actor, Ctx};

fn alerted(d: &mut Desk, who: &Actor) -> Vec<String> {
    alerts(&mut d.store, &Ctx::as_user(d.now, who.clone()))
        .unwrap()
        .complaints
        .into_iter()
        .map(|c| c.serial)
        .collect()
}

fn take(d: &mut Desk, who: &Actor, c: &Complaint) -> Result<ComplaintPage> {
    take_up(
        &mut d.store,
        &Ctx::as_user(d.now, who.clone()),
        ComplaintNoteInput {
            complaint_id: c.id,
            note: String::new(),
        },
    )
}

#[test]
fn r_cp_1_every_complaint_alerts_the_supervisors_until_one_takes_it_up() {
    let mut d = Desk::new();
    let (boss, manager) = (d.boss.clone(), d.manager.clone());
    let c = open_one(&mut d, Urgency::Normal);
    assert!(c.escalated_at.is_none());
    assert_eq!(alerted(&mut d, &boss), vec![c.serial.clone()]);
    assert!(
        alerted(&mut d, &manager).is_empty(),
        "an ordinary complaint is the supervisors'"
    );
    let page = take(&mut d, &boss, &c).unwrap();
    assert_eq!(page.complaint.taken_up_by, "王主管");
    assert!(alerted(&mut d, &boss).is_empty());
    let e = take(&mut d, &boss, &c).unwrap_err();
    assert!(e.to_string().contains("该投诉已由王主管接手"), "{e}");
}

#[test]
fn r_cp_2_an_urgent_complaint_stays_on_the_managers_banner_until_a_manager_takes_it_up() {
    let mut d = Desk::new();
    let (boss, manager) = (d.boss.clone(), d.manager.clone());
    let c = open_one(&mut d, Urgency::Urgent);
    assert_eq!(alerted(&mut d, &boss), vec![c.serial.clone()]);
    assert_eq!(alerted(&mut d, &manager), vec![c.serial.clone()]);
    // The supervisor takes it up: the supervisors' alert ends, the manager's stays.
    take(&mut d, &boss, &c).unwrap();
    assert!(alerted(&mut d, &boss).is_empty());
    assert_eq!(alerted(&mut d, &manager), vec![c.serial.clone()]);
    let page = take(&mut d, &manager, &c).unwrap();
    assert_eq!(
        (
            page.complaint.taken_up_by.as_str(),
            page.complaint.manager_taken_by.as_str()
        ),
        ("王主管", "吴经理")
    );
    assert!(alerted(&mut d, &manager).is_empty());
}

#[test]
fn r_cp_4_the_reply_deadline_depends_on_urgency_and_a_long_overdue_reply_reaches_the_manager() {
    let mut d = Desk::new();
    let (boss, manager) = (d.boss.clone(), d.manager.clone());
    let mut s = d.store.read(crate::desk::intake::settings::load).unwrap();
    (
        s.complaint_reply_hours,
        s.complaint_urgent_reply_hours,
        s.complaint_overdue_escalate_hours,
    ) = (24, 2, 12);
    crate::desk::intake::settings::update(&mut d.store, &Ctx::as_user(d.now, boss.clone()), s)
        .unwrap();
    let normal = open_one(&mut d, Urgency::Normal);
    let urgent = open_one(&mut d, Urgency::Urgent);
    assert_eq!(normal.reply_deadline_at, "2026-11-24 10:00:00");
    assert_eq!(urgent.reply_deadline_at, "2026-11-23 12:00:00");
    // The supervisor takes the ordinary one up but nobody answers it.
    take(&mut d, &boss, &normal).unwrap();
    d.later(24 * 60 + 1);
    let overdue = detail(&mut d.store, &Ctx::as_user(d.now, boss.clone()), normal.id).unwrap();
    assert!(
        overdue.complaint.reply_overdue,
        "past its deadline: flagged"
    );
    assert_eq!(
        alerted(&mut d, &manager),
        vec![urgent.serial.clone()],
        "not yet the manager's"
    );
    d.later(12 * 60);
    assert_eq!(
        alerted(&mut d, &manager),
        vec![urgent.serial.clone(), normal.serial.clone()],
        "12 hours past its deadline it goes to the manager too"
    );
    take(&mut d, &manager, &normal).unwrap();
    assert_eq!(alerted(&mut d, &manager), vec![urgent.serial.clone()]);
}
