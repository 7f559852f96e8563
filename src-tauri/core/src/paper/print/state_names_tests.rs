//! Paper names a state as the screen does (issue 10): a slip and a complaint are printed in
//! every state they can be in, and the printed state is the very label the app shows. Before,
//! the printed slip said 已登记/已完成/暂停 where the app said 待派工/已完工/已暂停.

use super::forms::{complaint, dispatch_slip};
use super::tests::{meta, text_of_bytes};
use crate::desk::complaints::{
    self, ComplaintState, ComplaintVisitInput, OpenComplaintInput, ReplyInput,
};
use crate::desk::intake::{self, Channel, IntakeInput, IntakeKind};
use crate::desk::slips::{
    self, AssignInput, CompleteInput, FeeKind, SlipState, SlipVisitInput, StepInput,
};
use crate::desk::visits::{Satisfaction, VisitMethod};
use crate::testkit::Desk;

fn entry(d: &mut Desk, kind: IntakeKind) -> i64 {
    let ctx = d.ctx(&d.receptionists[0]);
    intake::register(
        &mut d.store,
        &ctx,
        IntakeInput {
            room: "3-2-1201".into(),
            channel: Some(Channel::Call),
            kind: Some(kind),
            category: if kind == IntakeKind::Repair {
                "给排水".into()
            } else {
                String::new()
            },
            content: "卫生间漏水".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .entry
    .id
}

/// The printed slip's text, and the state the app shows for it.
fn printed_slip(d: &mut Desk, serial: &str) -> (String, SlipState) {
    let ctx = d.ctx(&d.boss);
    let page = d
        .store
        .read(|tx| slips::page_by_serial(tx, d.now, serial))
        .unwrap();
    let shown = slips::detail_by_serial(&mut d.store, &ctx, serial)
        .unwrap()
        .slip
        .state;
    let pdf = dispatch_slip::render(
        &meta(false),
        &[dispatch_slip::from_page(&page)],
        dispatch_slip::SlipPaper::A4,
    )
    .unwrap();
    (text_of_bytes(&pdf).0, shown)
}

#[test]
fn a_printed_slip_names_its_state_as_the_app_does_in_every_state() {
    let mut seen = Vec::new();
    // Each path ends in a different state; all steps are taken through the app's operations.
    type Step = fn(&mut Desk, i64);
    let paths: Vec<(SlipState, Vec<Step>)> = vec![
        (SlipState::Opened, vec![]),
        (SlipState::Dispatched, vec![dispatch]),
        (SlipState::Accepted, vec![dispatch, accept]),
        (SlipState::OnSite, vec![dispatch, accept, arrive]),
        (SlipState::Done, vec![dispatch, accept, arrive, complete]),
        (
            SlipState::ReturnVisited,
            vec![dispatch, accept, arrive, complete, visit],
        ),
        (
            SlipState::Closed,
            vec![dispatch, accept, arrive, complete, visit, close],
        ),
        (SlipState::Paused, vec![dispatch, pause]),
        (SlipState::Cancelled, vec![dispatch, cancel]),
    ];
    for (want, steps) in paths {
        let mut d = Desk::new();
        let id = entry(&mut d, IntakeKind::Repair);
        let ctx = d.ctx(&d.receptionists[0]);
        let slip = slips::open(
            &mut d.store,
            &ctx,
            slips::OpenSlipInput {
                intake_id: id,
                ..Default::default()
            },
        )
        .unwrap();
        for step in steps {
            d.later(10);
            step(&mut d, slip.id);
        }
        let (text, shown) = printed_slip(&mut d, &slip.serial);
        assert_eq!(shown, want, "the path reaches {want:?}");
        assert!(
            text.contains(&format!("当前状态{}", shown.label())),
            "{want:?}: the paper says {}; printed: {text}",
            shown.label()
        );
        seen.push(want);
    }
    assert_eq!(seen.len(), SlipState::ALL.len(), "every state printed");
}

fn dispatch(d: &mut Desk, id: i64) {
    let ctx = d.ctx(&d.receptionists[0]);
    slips::dispatch(
        &mut d.store,
        &ctx,
        AssignInput {
            slip_id: id,
            assignee_id: d.technicians[0].id,
            ..Default::default()
        },
    )
    .unwrap();
}
fn step(
    d: &mut Desk,
    id: i64,
    f: fn(&mut crate::Store, &crate::Ctx, StepInput) -> crate::Result<slips::Slip>,
    by_supervisor: bool,
) {
    let who = if by_supervisor {
        d.boss.clone()
    } else {
        d.technicians[0].clone()
    };
    let ctx = d.ctx(&who);
    f(
        &mut d.store,
        &ctx,
        StepInput {
            slip_id: id,
            reason: "等待配件".into(),
            at: None,
        },
    )
    .unwrap();
}
fn accept(d: &mut Desk, id: i64) {
    step(d, id, slips::accept, false)
}
fn arrive(d: &mut Desk, id: i64) {
    step(d, id, slips::arrive, false)
}
fn pause(d: &mut Desk, id: i64) {
    step(d, id, slips::pause, false)
}
fn cancel(d: &mut Desk, id: i64) {
    step(d, id, slips::cancel, true)
}
fn close(d: &mut Desk, id: i64) {
    step(d, id, slips::close, true)
}
fn complete(d: &mut Desk, id: i64) {
    let ctx = d.ctx(&d.technicians[0]);
    slips::complete(
        &mut d.store,
        &ctx,
        CompleteInput {
            slip_id: id,
            work_done: "更换阀门".into(),
            fee_kind: Some(FeeKind::Free),
            resident_accepted: Some(true),
            resident_satisfaction: Some(Satisfaction::Satisfied),
            ..Default::default()
        },
    )
    .unwrap();
}
fn visit(d: &mut Desk, id: i64) {
    let ctx = d.ctx(&d.receptionists[0]);
    slips::visit_slip(
        &mut d.store,
        &ctx,
        SlipVisitInput {
            slip_id: id,
            method: VisitMethod::Phone,
            answered: true,
            result: "已修好".into(),
            satisfaction: Some(Satisfaction::Satisfied),
            follow_up: None,
            at: None,
        },
    )
    .unwrap();
}

#[test]
fn a_printed_complaint_names_its_state_and_validity_as_the_app_does() {
    let mut d = Desk::new();
    let id = entry(&mut d, IntakeKind::Complaint);
    let desk = d.ctx(&d.receptionists[0]);
    let c = complaints::open(
        &mut d.store,
        &desk,
        OpenComplaintInput {
            intake_id: id,
            category: Some(complaints::ComplaintCategory::Neighbour),
            urgency: Some(complaints::Urgency::Normal),
            department: String::new(),
            content: None,
        },
    )
    .unwrap();
    let boss = d.ctx(&d.boss);
    let mut states = Vec::new();
    for stage in 0..4 {
        match stage {
            1 => {
                complaints::reply(
                    &mut d.store,
                    &desk,
                    ReplyInput {
                        complaint_id: c.id,
                        reply: "已协调".into(),
                        at: None,
                    },
                )
                .unwrap();
            }
            2 => {
                complaints::visit(
                    &mut d.store,
                    &desk,
                    ComplaintVisitInput {
                        complaint_id: c.id,
                        method: VisitMethod::Phone,
                        answered: true,
                        result: "认可".into(),
                        satisfaction: Some(Satisfaction::Basic),
                        follow_up: None,
                        at: None,
                    },
                )
                .unwrap();
            }
            3 => {
                complaints::set_validity(
                    &mut d.store,
                    &boss,
                    complaints::ValidityInput {
                        complaint_id: c.id,
                        validity: complaints::Validity::Valid,
                    },
                )
                .unwrap();
                complaints::sign_off(
                    &mut d.store,
                    &boss,
                    complaints::ComplaintNoteInput {
                        complaint_id: c.id,
                        note: "同意".into(),
                    },
                )
                .unwrap();
            }
            _ => {}
        }
        let shown = complaints::detail(&mut d.store, &boss, c.id)
            .unwrap()
            .complaint;
        let page = d
            .store
            .read(|tx| complaints::page_by_serial(tx, d.now, &c.serial))
            .unwrap();
        let record = complaint::from_page(&page, Some(Channel::Call));
        assert_eq!(
            record.validity,
            shown.validity.map_or(complaints::UNJUDGED, |v| v.label())
        );
        let text = text_of_bytes(&complaint::render(&meta(false), &record).unwrap()).0;
        assert!(
            text.contains(record.validity.as_str()),
            "validity {} printed: {text}",
            record.validity
        );
        assert!(
            text.contains(&format!("当前状态{}", shown.state.label())),
            "{:?} printed as the app's {}: {text}",
            shown.state,
            shown.state.label()
        );
        states.push(shown.state);
    }
    assert_eq!(
        states,
        [
            ComplaintState::Open,
            ComplaintState::Replied,
            ComplaintState::Visited,
            ComplaintState::SignedOff
        ]
    );
}
