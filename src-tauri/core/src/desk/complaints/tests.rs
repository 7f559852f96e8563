//! Complaints (R-CP-1…3): opening from an entry, escalation of urgent ones, handling steps,
//! reply, return visit, rework and sign-off.

use super::*;
use crate::desk::intake::{self, Channel, IntakeInput, IntakeKind};
use crate::desk::slips::Satisfaction;
use crate::desk::visits::VisitFollowUp;
use crate::desk::visits::{VisitInput, VisitMethod};
use crate::testkit::Desk;

fn entry(d: &mut Desk) -> i64 {
    let rec = d.receptionists[0].clone();
    let i = IntakeInput {
        room: "3-2-1201".into(),
        caller_name: "周业主".into(),
        caller_phone: "13912345678".into(),
        channel: Some(Channel::Visit),
        kind: Some(IntakeKind::Complaint),
        content: "保安态度恶劣".into(),
        ..Default::default()
    };
    intake::register(&mut d.store, &crate::Ctx::as_user(d.now, rec.clone()), i)
        .unwrap()
        .entry
        .id
}

pub(crate) fn open_one(d: &mut Desk, urgency: Urgency) -> Complaint {
    let id = entry(d);
    let rec = d.receptionists[0].clone();
    let input = OpenComplaintInput {
        intake_id: id,
        category: Some(ComplaintCategory::ServiceAttitude),
        urgency: Some(urgency),
        department: "秩序维护部".into(),
        content: None,
    };
    open(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        input,
    )
    .unwrap()
}

fn visit(answered: bool) -> VisitInput {
    VisitInput {
        method: VisitMethod::Phone,
        answered,
        result: if answered {
            "业主表示满意".into()
        } else {
            String::new()
        },
        satisfaction: answered.then_some(Satisfaction::Satisfied),
        follow_up: None,
        at: None,
    }
}

#[test]
fn r_cp_1_the_whole_complaint_path() {
    let mut d = Desk::new();
    let (rec, sup, mgr) = (
        d.receptionists[0].clone(),
        d.boss.clone(),
        d.manager.clone(),
    );
    let c = open_one(&mut d, Urgency::Normal);
    assert_eq!(
        (c.serial.as_str(), c.state, c.reply_deadline_at.as_str()),
        (
            "TS-202611-0001",
            ComplaintState::Open,
            "2026-11-24 10:00:00"
        )
    );
    assert!(c.escalated_at.is_none());
    assert_eq!(c.content, "保安态度恶劣", "prefilled from the entry");
    let id = c.id;
    let note = |n: &str| ComplaintNoteInput {
        complaint_id: id,
        note: n.into(),
    };
    add_step(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        note("已联系秩序维护部主管"),
    )
    .unwrap();
    // Visit before the reply is refused; so is sign-off.
    let e = super::visit(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        ComplaintVisitInput::new(id, visit(true)),
    )
    .unwrap_err();
    assert_eq!(e.kind(), "conflict");
    let e = reply(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        ReplyInput {
            complaint_id: id,
            reply: "".into(),
            at: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("reply"));
    let e = reply(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        ReplyInput {
            complaint_id: id,
            reply: "已批评教育".into(),
            at: Some("2026-11-23 09:00".into()),
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("at"), "before the complaint was opened");
    let det = reply(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        ReplyInput {
            complaint_id: id,
            reply: "已批评教育当事保安".into(),
            at: None,
        },
    )
    .unwrap();
    assert_eq!(
        det.complaint.replied_at.as_deref(),
        Some("2026-11-23 10:00:00")
    );
    let det = super::visit(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        ComplaintVisitInput::new(id, visit(false)),
    )
    .unwrap();
    assert_eq!(
        det.complaint.state,
        ComplaintState::Replied,
        "an unanswered call is only an attempt"
    );
    super::visit(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        ComplaintVisitInput::new(id, visit(true)),
    )
    .unwrap();
    assert_eq!(
        sign_off(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            note("")
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    assert_eq!(
        sign_off(
            &mut d.store,
            &crate::Ctx::as_user(d.now, mgr.clone()),
            note("")
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    assert_eq!(
        sign_off(
            &mut d.store,
            &crate::Ctx::as_user(d.now, sup.clone()),
            note("")
        )
        .unwrap_err()
        .field(),
        Some("validity")
    );
    assert_eq!(
        set_validity(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            ValidityInput {
                complaint_id: id,
                validity: Validity::Valid
            }
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    set_validity(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        ValidityInput {
            complaint_id: id,
            validity: Validity::Valid,
        },
    )
    .unwrap();
    let det = sign_off(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone()),
        note("同意办结"),
    )
    .unwrap();
    assert_eq!(det.complaint.state, ComplaintState::SignedOff);
    assert_eq!((det.steps.len(), det.visits.len()), (1, 2));
    assert_eq!(
        add_step(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            note("再记")
        )
        .unwrap_err()
        .kind(),
        "conflict"
    );
}

#[test]
fn r_cp_2_an_urgent_complaint_goes_to_the_manager_until_taken_up() {
    let mut d = Desk::new();
    let (rec, sup, mgr, tech) = (
        d.receptionists[0].clone(),
        d.boss.clone(),
        d.manager.clone(),
        d.technicians[0].clone(),
    );
    let c = open_one(&mut d, Urgency::Urgent);
    assert!(c.escalated_at.is_some());
    assert_eq!(
        alerts(&mut d.store, &crate::Ctx::as_user(d.now, mgr.clone()))
            .unwrap()
            .complaints
            .len(),
        1
    );
    assert_eq!(
        alerts(&mut d.store, &crate::Ctx::as_user(d.now, sup.clone()))
            .unwrap()
            .complaints
            .len(),
        1
    );
    assert!(
        alerts(&mut d.store, &crate::Ctx::as_user(d.now, rec.clone()))
            .unwrap()
            .complaints
            .is_empty()
    );
    let note = ComplaintNoteInput {
        complaint_id: c.id,
        note: "我来处理".into(),
    };
    assert_eq!(
        take_up(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            note.clone()
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    let det = take_up(
        &mut d.store,
        &crate::Ctx::as_user(d.now, mgr.clone()),
        note.clone(),
    )
    .unwrap();
    assert_eq!(det.complaint.taken_up_by, "吴经理");
    assert!(
        alerts(&mut d.store, &crate::Ctx::as_user(d.now, mgr.clone()))
            .unwrap()
            .complaints
            .is_empty()
    );
    assert_eq!(
        take_up(&mut d.store, &crate::Ctx::as_user(d.now, sup.clone()), note)
            .unwrap_err()
            .kind(),
        "conflict"
    );
    // Technicians do not register complaints.
    let id = entry(&mut d);
    let input = OpenComplaintInput {
        intake_id: id,
        category: Some(ComplaintCategory::Other),
        urgency: Some(Urgency::Normal),
        ..Default::default()
    };
    assert_eq!(
        open(
            &mut d.store,
            &crate::Ctx::as_user(d.now, tech.clone()),
            input
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
}

#[test]
fn complaint_serials_cross_the_month() {
    let mut d = Desk::at("2026-11-30 23:59");
    let a = open_one(&mut d, Urgency::Normal).serial;
    d.later(1);
    let b = open_one(&mut d, Urgency::Normal).serial;
    let c = open_one(&mut d, Urgency::Major).serial;
    assert_eq!(
        [a, b, c],
        ["TS-202611-0001", "TS-202612-0001", "TS-202612-0002"]
    );
    let rec = d.receptionists[0].clone();
    let awaiting = list(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone()),
        ComplaintFilter::AwaitingReply,
    )
    .unwrap();
    assert_eq!(awaiting.len(), 3);
    let missing = OpenComplaintInput {
        intake_id: entry(&mut d),
        category: None,
        urgency: Some(Urgency::Normal),
        ..Default::default()
    };
    assert_eq!(
        open(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            missing
        )
        .unwrap_err()
        .field(),
        Some("category")
    );
}

/// 不满意 needs a next step: 重新处理 sends the complaint back for a new reply and visit;
/// 交主管处理 leaves it for the supervisor's sign-off, with the reason in its steps. 基本满意
/// counts as a visit like 满意.
#[test]
fn an_unsatisfied_visit_is_handled_again_or_goes_to_the_supervisor() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    let replied = |d: &mut Desk| {
        let id = open_one(d, Urgency::Normal).id;
        reply(
            &mut d.store,
            &crate::Ctx::as_user(d.now, rec.clone()),
            ReplyInput {
                complaint_id: id,
                reply: "已处理".into(),
                at: None,
            },
        )
        .unwrap();
        id
    };
    let visit_with =
        |d: &mut Desk, id: i64, sat: Satisfaction, follow_up: Option<VisitFollowUp>| {
            super::visit(
                &mut d.store,
                &crate::Ctx::as_user(d.now, rec.clone()),
                ComplaintVisitInput {
                    complaint_id: id,
                    method: VisitMethod::Phone,
                    answered: true,
                    result: "业主仍有意见".into(),
                    satisfaction: Some(sat),
                    follow_up,
                    at: None,
                },
            )
        };

    let a = replied(&mut d);
    let e = visit_with(&mut d, a, Satisfaction::Unsatisfied, None).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("follow_up")));
    assert_eq!(
        d.store.read(|tx| get(tx, d.now, a)).unwrap().state,
        ComplaintState::Replied,
        "a refused visit changes nothing"
    );
    d.later(3 * 60);
    let before = d
        .store
        .read(|tx| get(tx, d.now, a))
        .unwrap()
        .reply_deadline_at;
    let page = visit_with(
        &mut d,
        a,
        Satisfaction::Unsatisfied,
        Some(VisitFollowUp::Reopened),
    )
    .unwrap();
    assert_ne!(page.complaint.reply_deadline_at, before);
    assert_eq!(page.complaint.state, ComplaintState::Open);
    assert!(page
        .steps
        .iter()
        .any(|s| s.note.starts_with("回访不满意，重新处理")));
    // 重新处理 starts a fresh reply deadline from now (R-CP-4): 24 hours for an ordinary one.
    assert_eq!(
        page.complaint.reply_deadline_at,
        crate::base::when::text(d.now + chrono::Duration::hours(24))
    );

    let b = replied(&mut d);
    let page = visit_with(
        &mut d,
        b,
        Satisfaction::Unsatisfied,
        Some(VisitFollowUp::ToSupervisor),
    )
    .unwrap();
    assert_eq!(page.complaint.state, ComplaintState::Visited);
    assert!(page
        .steps
        .iter()
        .any(|s| s.note.starts_with("回访不满意，交主管处理")));

    let c = replied(&mut d);
    let page = visit_with(&mut d, c, Satisfaction::Basic, None).unwrap();
    assert_eq!(page.complaint.state, ComplaintState::Visited);
}
