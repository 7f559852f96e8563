//! The dispatch slip's state machine (R-DS-4): every state × action, who may take each step,
//! completion, return visits and the close.

use super::*;
use crate::desk::intake::{self, Channel, IntakeInput, IntakeKind};
use crate::desk::slips::{visit_slip, SlipVisitInput};
use crate::desk::visits::{VisitFollowUp, VisitInput, VisitMethod};
use crate::testkit::Desk;
use crate::Actor;

pub(crate) fn repair_entry(d: &mut Desk, who: &Actor, category: &str) -> i64 {
    let ctx = d.ctx(who);
    intake::register(
        &mut d.store,
        &ctx,
        IntakeInput {
            room: "3-2-1201".into(),
            caller_name: "周业主".into(),
            caller_phone: "13912345678".into(),
            channel: Some(Channel::Call),
            kind: Some(IntakeKind::Repair),
            category: category.into(),
            content: "厨房水管漏水".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .entry
    .id
}

pub(crate) fn new_slip(d: &mut Desk) -> Slip {
    let r = d.receptionists[0].clone();
    let id = repair_entry(d, &r, "给排水");
    open(
        &mut d.store,
        &crate::Ctx::as_user(d.now, r.clone()),
        OpenSlipInput {
            intake_id: id,
            ..Default::default()
        },
    )
    .unwrap()
}

pub(crate) fn step(id: i64) -> StepInput {
    StepInput {
        slip_id: id,
        reason: "等待配件".into(),
        at: None,
    }
}

pub(crate) fn visit(
    answered: bool,
    sat: Option<Satisfaction>,
    follow_up: Option<VisitFollowUp>,
) -> VisitInput {
    VisitInput {
        method: VisitMethod::Phone,
        answered,
        result: "已修好".into(),
        satisfaction: sat,
        follow_up,
        at: None,
    }
}

pub(crate) fn done_input(id: i64) -> CompleteInput {
    CompleteInput {
        slip_id: id,
        work_done: "更换三通".into(),
        materials: "三通 1 个".into(),
        fee_kind: Some(FeeKind::Paid),
        fee: "35.50".into(),
        resident_accepted: Some(true),
        resident_satisfaction: Some(Satisfaction::Satisfied),
        at: None,
    }
}

/// Takes one action as the supervisor (who may take every action) with valid input.
pub(crate) fn take(d: &mut Desk, action: SlipAction, id: i64) -> Result<Slip> {
    let ctx = d.ctx(&d.boss.clone());
    let s = &mut d.store;
    let assign = |to: i64| AssignInput {
        slip_id: id,
        assignee_id: to,
        appointment_at: None,
        reason: "换人".into(),
        at: None,
    };
    match action {
        SlipAction::Dispatch => dispatch(s, &ctx, assign(d.technicians[0].id)),
        SlipAction::Transfer => transfer(s, &ctx, assign(d.technicians[1].id)),
        SlipAction::Accept => accept(s, &ctx, step(id)),
        SlipAction::Return => return_slip(s, &ctx, step(id)),
        SlipAction::Arrive => arrive(s, &ctx, step(id)),
        SlipAction::Complete => complete(s, &ctx, done_input(id)),
        SlipAction::ReturnVisit => visit_slip(
            s,
            &ctx,
            SlipVisitInput::new(id, visit(true, Some(Satisfaction::Satisfied), None)),
        ),
        SlipAction::VisitAttempt => {
            visit_slip(s, &ctx, SlipVisitInput::new(id, visit(false, None, None)))
        }
        SlipAction::Close => close(s, &ctx, step(id)),
        SlipAction::Pause => pause(s, &ctx, step(id)),
        SlipAction::Resume => resume(s, &ctx, step(id)),
        SlipAction::Cancel => cancel(s, &ctx, step(id)),
        SlipAction::Reopen => reopen(s, &ctx, step(id)),
        SlipAction::Open | SlipAction::Escalate => unreachable!("not user actions"),
    }
}

/// A fresh slip driven to `state` by legal steps.
pub(crate) fn slip_in(d: &mut Desk, state: SlipState) -> i64 {
    let id = new_slip(d).id;
    let path: &[SlipAction] = match state {
        SlipState::Opened => &[],
        SlipState::Dispatched => &[SlipAction::Dispatch],
        SlipState::Accepted => &[SlipAction::Dispatch, SlipAction::Accept],
        SlipState::OnSite => &[SlipAction::Dispatch, SlipAction::Accept, SlipAction::Arrive],
        SlipState::Done => &[
            SlipAction::Dispatch,
            SlipAction::Accept,
            SlipAction::Arrive,
            SlipAction::Complete,
        ],
        SlipState::ReturnVisited => &[
            SlipAction::Dispatch,
            SlipAction::Accept,
            SlipAction::Arrive,
            SlipAction::Complete,
            SlipAction::ReturnVisit,
        ],
        SlipState::Closed => &[
            SlipAction::Dispatch,
            SlipAction::Accept,
            SlipAction::Arrive,
            SlipAction::Complete,
            SlipAction::ReturnVisit,
            SlipAction::Close,
        ],
        SlipState::Paused => &[SlipAction::Dispatch, SlipAction::Pause],
        SlipState::Cancelled => &[SlipAction::Cancel],
    };
    for a in path {
        take(d, *a, id).unwrap_or_else(|e| panic!("{a:?} on the way to {state:?}: {e}"));
    }
    assert_eq!(state_of(d, id), state);
    id
}

pub(crate) fn state_of(d: &mut Desk, id: i64) -> SlipState {
    let now = d.now;
    d.store.read(|tx| get(tx, now, id)).unwrap().state
}

pub(crate) fn event_count(d: &mut Desk, id: i64) -> i64 {
    d.store
        .conn()
        .query_row(
            "SELECT count(*) FROM slip_events WHERE slip_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn r_ds_4_every_legal_and_every_illegal_transition() {
    let mut d = Desk::new();
    let mut legal = 0;
    let mut illegal = 0;
    for &state in SlipState::ALL {
        for rule in transitions::RULES {
            let id = slip_in(&mut d, state);
            let events = event_count(&mut d, id);
            let r = take(&mut d, rule.action, id);
            if rule.from.contains(&state) {
                let slip = r.unwrap_or_else(|e| {
                    panic!("{:?} from {state:?} should be legal: {e}", rule.action)
                });
                if let Some(to) = rule.to {
                    assert_eq!(slip.state, to, "{:?} from {state:?}", rule.action);
                }
                assert_eq!(event_count(&mut d, id), events + 1, "every step is kept");
                legal += 1;
            } else {
                let e = r.expect_err(&format!("{:?} from {state:?} must be refused", rule.action));
                assert_eq!(e.kind(), "conflict", "{:?} from {state:?}", rule.action);
                assert_eq!(e.field(), Some("state"));
                assert_eq!(state_of(&mut d, id), state, "nothing changes");
                assert_eq!(event_count(&mut d, id), events, "nothing is recorded");
                illegal += 1;
            }
        }
    }
    assert_eq!(legal + illegal, 9 * transitions::RULES.len());
    assert_eq!(legal, 24, "the table lists 24 legal (state, action) pairs");
    assert_eq!(
        legal,
        transitions::RULES
            .iter()
            .map(|r| r.from.len())
            .sum::<usize>()
    );
}

#[test]
fn resume_returns_to_the_paused_state_and_return_clears_the_assignee() {
    let mut d = Desk::new();
    let id = slip_in(&mut d, SlipState::OnSite);
    take(&mut d, SlipAction::Pause, id).unwrap();
    assert_eq!(
        take(&mut d, SlipAction::Resume, id).unwrap().state,
        SlipState::OnSite
    );
    let id = slip_in(&mut d, SlipState::Accepted);
    let s = take(&mut d, SlipAction::Return, id).unwrap();
    assert_eq!((s.state, s.assignee_id), (SlipState::Opened, None));
}

#[test]
fn r_ds_1_the_whole_path_with_roles_and_timeline() {
    let mut d = Desk::new();
    let (rec, tech) = (d.receptionists[0].clone(), d.technicians[0].clone());
    let slip = new_slip(&mut d);
    assert!(slip.serial.starts_with("PG-202611-"));
    assert_eq!(slip.department, "工程部");
    assert_eq!(
        slip.deadline_at, "2026-11-23 14:00:00",
        "给排水 has 4 hours"
    );
    let id = slip.id;
    dispatch(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        AssignInput {
            slip_id: id,
            assignee_id: tech.id,
            appointment_at: Some("2026-11-23 11:00".into()),
            ..Default::default()
        },
    )
    .unwrap();
    d.later(5);
    accept(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        StepInput {
            slip_id: id,
            ..Default::default()
        },
    )
    .unwrap();
    d.later(20);
    arrive(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        StepInput {
            slip_id: id,
            ..Default::default()
        },
    )
    .unwrap();
    d.later(30);
    let done = complete(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        done_input(id),
    )
    .unwrap();
    assert_eq!(done.fee_cents, 3550);
    assert_eq!(done.technician_signed_by, "张师傅");
    // Visit attempt with no answer: still awaiting the visit.
    let s = visit_slip(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        SlipVisitInput::new(id, visit(false, None, None)),
    )
    .unwrap();
    assert_eq!(s.state, SlipState::Done);
    let s = visit_slip(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        SlipVisitInput::new(id, visit(true, Some(Satisfaction::Satisfied), None)),
    )
    .unwrap();
    assert_eq!(s.state, SlipState::ReturnVisited);
    let ctx = d.ctx(&rec);
    // Visited, it leaves 待回访 and waits on 待关闭 for the supervisor.
    let on = |d: &mut Desk, b: Board| {
        board(&mut d.store, &ctx, b)
            .unwrap()
            .iter()
            .any(|s| s.id == id)
    };
    assert!(!on(&mut d, Board::AwaitingVisit));
    assert!(on(&mut d, Board::AwaitingClose));
    assert_eq!(
        close(&mut d.store, &ctx, step(id)).unwrap_err().kind(),
        "forbidden",
        "only the supervisor closes"
    );
    let sup = d.boss.clone();
    assert_eq!(
        close(
            &mut d.store,
            &crate::Ctx::as_user(d.now, sup.clone()),
            step(id)
        )
        .unwrap()
        .state,
        SlipState::Closed
    );
    let det = detail(&mut d.store, &crate::Ctx::as_user(d.now, rec.clone()), id).unwrap();
    let actions: Vec<SlipAction> = det.events.iter().map(|e| e.action).collect();
    use SlipAction::*;
    assert_eq!(
        actions,
        vec![
            Open,
            Dispatch,
            Accept,
            Arrive,
            Complete,
            VisitAttempt,
            ReturnVisit,
            Close
        ]
    );
    assert_eq!(det.visits.len(), 2);
    assert!(!det.visits[0].answered);
    assert!(
        det.actions.is_empty(),
        "a receptionist can do nothing with a closed slip"
    );
    // The intake entry links to the slip.
    let e = d
        .store
        .read(|tx| crate::desk::intake::get(tx, det.slip.intake_id.unwrap()))
        .unwrap();
    assert_eq!(e.slip_serial.as_deref(), Some(det.slip.serial.as_str()));
}

#[test]
fn r_ds_6_an_unsatisfied_visit_reopens_or_goes_to_the_supervisor() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    let id = slip_in(&mut d, SlipState::Done);
    let ctx = d.ctx(&rec);
    let e = visit_slip(
        &mut d.store,
        &ctx,
        SlipVisitInput::new(id, visit(true, Some(Satisfaction::Unsatisfied), None)),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("follow_up"));
    let s = visit_slip(
        &mut d.store,
        &ctx,
        SlipVisitInput::new(
            id,
            visit(
                true,
                Some(Satisfaction::Unsatisfied),
                Some(VisitFollowUp::Reopened),
            ),
        ),
    )
    .unwrap();
    assert_eq!(
        (s.state, s.reopen_count, s.assignee_id),
        (SlipState::Dispatched, 1, Some(d.technicians[0].id))
    );
    assert!(s.completed_at.is_none());

    let id = slip_in(&mut d, SlipState::Done);
    let s = visit_slip(
        &mut d.store,
        &ctx,
        SlipVisitInput::new(
            id,
            visit(
                true,
                Some(Satisfaction::Unsatisfied),
                Some(VisitFollowUp::ToSupervisor),
            ),
        ),
    )
    .unwrap();
    assert!(s.supervisor_review_at.is_some());
    let sup = d.boss.clone();
    let review = board(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        Board::SupervisorReview,
    )
    .unwrap();
    assert_eq!(review.iter().map(|s| s.id).collect::<Vec<_>>(), vec![id]);
    let s = reopen(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        step(id),
    )
    .unwrap();
    assert_eq!(s.state, SlipState::Dispatched);
    assert!(s.supervisor_review_at.is_none());
}

#[test]
fn permission_denials() {
    let mut d = Desk::new();
    let (tech, tech2, rec, sec, mgr) = (
        d.technicians[0].clone(),
        d.technicians[1].clone(),
        d.receptionists[0].clone(),
        d.security.clone(),
        d.manager.clone(),
    );
    let id = new_slip(&mut d).id;
    let assign = AssignInput {
        slip_id: id,
        assignee_id: tech.id,
        ..Default::default()
    };
    assert_eq!(
        dispatch(
            &mut d.store,
            &crate::Ctx::as_user(d.now, tech.clone()),
            assign.clone()
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    assert_eq!(
        dispatch(
            &mut d.store,
            &crate::Ctx::as_user(d.now, sec.clone()),
            assign.clone()
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    dispatch(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        assign,
    )
    .unwrap();
    // Technicians act only on their own slips; the desk does not accept for them.
    assert_eq!(
        accept(
            &mut d.store,
            &crate::Ctx::as_user(d.now, tech2.clone()),
            step(id)
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    assert_eq!(
        accept(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            step(id)
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    assert_eq!(
        accept(
            &mut d.store,
            &crate::Ctx::as_user(d.now, mgr.clone()),
            step(id)
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    assert_eq!(
        cancel(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            step(id)
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    assert_eq!(
        cancel(
            &mut d.store,
            &crate::Ctx::as_user(d.now, mgr.clone()),
            step(id)
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    accept(
        &mut d.store,
        &crate::Ctx::as_user(d.now, tech.clone()),
        step(id),
    )
    .unwrap();
    assert_eq!(
        pause(
            &mut d.store,
            &crate::Ctx::as_user(d.now, tech2.clone()),
            step(id)
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    let ctx = d.ctx(&tech);
    let e = visit_slip(
        &mut d.store,
        &ctx,
        SlipVisitInput::new(id, visit(false, None, None)),
    )
    .unwrap_err();
    assert_eq!(
        e.kind(),
        "forbidden",
        "technicians do not make return visits"
    );
    // The allowed actions match: the technician sees arrive/return/pause on their own slip.
    let det = detail(&mut d.store, &crate::Ctx::as_user(d.now, tech.clone()), id).unwrap();
    assert_eq!(
        det.actions,
        vec![SlipAction::Return, SlipAction::Arrive, SlipAction::Pause]
    );
    assert!(
        detail(&mut d.store, &crate::Ctx::as_user(d.now, tech2.clone()), id)
            .unwrap()
            .actions
            .is_empty()
    );
}
