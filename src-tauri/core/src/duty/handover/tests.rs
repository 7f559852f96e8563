//! The handover (R-HO-1…7): pre-filled from the roster, the checklist, open items, anomalies,
//! arrival and lateness, two-party signing with own passwords, and the lock once signed.

use super::*;
use crate::base::role::Role;
use crate::testkit::{as_user, Desk, PASSWORD};

const NOW: &str = "2026-11-20 10:00";

/// December published; the morning change on 12月10日 08:30, night technician → day receptionist.
pub(super) fn morning() -> (Desk, Handover) {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let desk = d.receptionists[0].clone();
    let ctx = as_user(&desk, "2026-12-10 08:05");
    let plan = plan_for(&mut d.store, &ctx, None).unwrap();
    assert_eq!(plan.change_at, "2026-12-10 08:30:00");
    assert!(plan.from_night);
    let h = start(
        &mut d.store,
        &ctx,
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: None,
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap();
    (d, h)
}

/// A caller still owed a callback since 15:00 on 12月10日 (an open record a handover pulls in).
pub(super) fn owe_callback(d: &mut Desk) {
    let who = d.receptionists[0].id;
    d.store
        .conn()
        .execute(
            "INSERT INTO intake_entries (received_at, entered_at, channel, kind, content, received_by, night_log, callback_phone, callback_state)
             VALUES ('2026-12-10 15:00:00', '2026-12-10 15:00:00', 'call', 'inquiry', '咨询停车月卡办理', ?1, 0, '13800001111', 'pending')",
            [who],
        )
        .unwrap();
}

pub(super) fn sign_as(
    d: &mut Desk,
    h: &Handover,
    party: Party,
    password: &str,
    now: &str,
) -> Result<Handover> {
    let ctx = as_user(&d.receptionists[0].clone(), now);
    sign(
        &mut d.store,
        &ctx,
        SignInput {
            id: h.id,
            party,
            password: password.into(),
            read_log: party == Party::Incoming,
            follow_up: String::new(),
        },
    )
}

#[test]
fn a_handover_is_pre_filled_from_the_roster() {
    let (mut d, h) = morning();
    let tech = d.night_tech("2026-12-09");
    assert_eq!(h.outgoing.id, tech.id);
    assert_eq!(h.incoming.role, Role::Receptionist);
    assert!(h.mismatches.is_empty(), "{:?}", h.mismatches);
    assert!(h.from_night);
    assert_eq!(h.checks.len(), 5, "every desk item is on the checklist");
    assert!(h.serial.starts_with("JJ-202612-"));
}

#[test]
fn a_different_person_is_allowed_but_flagged() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let ctx = as_user(&d.boss, "2026-12-10 17:00");
    let h = start(
        &mut d.store,
        &ctx,
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: Some("2026-12-10 17:30".into()),
            outgoing_id: None,
            incoming_id: Some(d.security.id),
        },
    )
    .unwrap();
    assert_eq!(h.mismatches.len(), 1, "{:?}", h.mismatches);
    assert!(h.mismatches[0].contains("周保安"));
}

#[test]
fn r_du_7_arriving_after_the_lead_is_late() {
    let (mut d, h) = morning();
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:20");
    let h2 = record_arrival(
        &mut d.store,
        &ctx,
        ArrivalInput {
            id: h.id,
            arrived_at: Some("2026-12-10 08:16".into()),
        },
    )
    .unwrap();
    assert!(h2.late, "08:16 is after 08:30 minus 15 minutes");
    let h3 = record_arrival(
        &mut d.store,
        &ctx,
        ArrivalInput {
            id: h.id,
            arrived_at: Some("2026-12-10 08:15".into()),
        },
    )
    .unwrap();
    assert!(!h3.late, "08:15 is on time");
    let e = record_arrival(
        &mut d.store,
        &ctx,
        ArrivalInput {
            id: h.id,
            arrived_at: Some("2026-12-10 09:00".into()),
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("arrived_at"));
}

#[test]
fn a_wrong_password_does_not_sign() {
    let (mut d, h) = morning();
    let e = sign_as(
        &mut d,
        &h,
        Party::Outgoing,
        "wrong-pass",
        "2026-12-10 08:20",
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("password")));
    let after = get(&mut d.store, &as_user(&d.boss, "2026-12-10 08:20"), h.id).unwrap();
    assert!(after.outgoing_signed_at.is_none());
}

#[test]
fn r_ho_2_items_marked_damaged_or_missing_need_the_explanation() {
    let (mut d, h) = morning();
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:20");
    let radio = h.checks.iter().find(|c| c.item_name == "对讲机").unwrap();
    let e = set_check(
        &mut d.store,
        &ctx,
        CheckInput {
            id: h.id,
            item_id: radio.item_id,
            actual_qty: 1,
            state: ItemState::Ok,
            note: String::new(),
            explanation: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("state"));
    let e = set_check(
        &mut d.store,
        &ctx,
        CheckInput {
            id: h.id,
            item_id: radio.item_id,
            actual_qty: 1,
            state: ItemState::Missing,
            note: String::new(),
            explanation: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("explanation"));
    let h = set_check(
        &mut d.store,
        &ctx,
        CheckInput {
            id: h.id,
            item_id: radio.item_id,
            actual_qty: 1,
            state: ItemState::Missing,
            note: "少一台".into(),
            explanation: "借给工程部张师傅".into(),
        },
    )
    .unwrap();
    assert_eq!(
        h.checks
            .iter()
            .find(|c| c.item_id == radio.item_id)
            .unwrap()
            .state,
        ItemState::Missing
    );
}

#[test]
fn r_ho_5_a_signed_handover_is_locked_and_corrected_only_by_addenda() {
    let (mut d, h) = morning();
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:20");
    add_open_item(
        &mut d.store,
        &ctx,
        OpenItemInput {
            id: h.id,
            summary: "5-101 漏水待复查".into(),
            note: "上午10点前回访".into(),
        },
    )
    .unwrap();
    add_anomaly(
        &mut d.store,
        &ctx,
        AnomalyInput {
            id: h.id,
            area: "地下车库".into(),
            description: "B2 照明灯坏两盏".into(),
            explanation: "已报工程部".into(),
        },
    )
    .unwrap();
    let h = sign_as(&mut d, &h, Party::Outgoing, PASSWORD, "2026-12-10 08:25").unwrap();
    assert_eq!(h.status, HandoverStatus::Open);
    // Once one side has signed the content is fixed.
    let e = set_notes(
        &mut d.store,
        &ctx,
        NotesInput {
            id: h.id,
            work_notes: "改一下".into(),
            rest_notes: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "conflict");
    let h = sign_as(&mut d, &h, Party::Incoming, PASSWORD, "2026-12-10 08:26").unwrap();
    assert_eq!(h.status, HandoverStatus::Signed);
    assert_eq!(h.carried_over, 1);
    assert!(
        h.late,
        "no arrival recorded: the signature at 08:26 is the arrival, after 08:30 minus 15 minutes"
    );
    // No core path edits it.
    let later = as_user(&d.boss, "2026-12-10 09:00");
    let tries: Vec<Result<Handover>> = vec![
        set_notes(
            &mut d.store,
            &later,
            NotesInput {
                id: h.id,
                work_notes: "x".into(),
                rest_notes: None,
            },
        ),
        set_check(
            &mut d.store,
            &later,
            CheckInput {
                id: h.id,
                item_id: h.checks[0].item_id,
                actual_qty: 0,
                state: ItemState::Missing,
                note: String::new(),
                explanation: "x".into(),
            },
        ),
        add_open_item(
            &mut d.store,
            &later,
            OpenItemInput {
                id: h.id,
                summary: "x".into(),
                note: String::new(),
            },
        ),
        remove_open_item(
            &mut d.store,
            &later,
            RemoveInput {
                id: h.id,
                row_id: h.open_items[0].id,
            },
        ),
        add_anomaly(
            &mut d.store,
            &later,
            AnomalyInput {
                id: h.id,
                area: "x".into(),
                description: "x".into(),
                explanation: "x".into(),
            },
        ),
        remove_anomaly(
            &mut d.store,
            &later,
            RemoveInput {
                id: h.id,
                row_id: h.anomalies[0].id,
            },
        ),
        record_arrival(
            &mut d.store,
            &later,
            ArrivalInput {
                id: h.id,
                arrived_at: None,
            },
        ),
        sign_as(&mut d, &h, Party::Incoming, PASSWORD, "2026-12-10 09:00"),
    ];
    for (i, t) in tries.into_iter().enumerate() {
        assert_eq!(
            t.err().map(|e| e.kind()),
            Some("conflict"),
            "path {i} must be refused"
        );
    }
    // Nor does SQL from outside the core (the CLI and UI only reach the core; this is the floor).
    let c = d.store.conn();
    assert!(c
        .execute(
            "UPDATE handovers SET work_notes = 'x' WHERE id = ?1",
            [h.id]
        )
        .is_err());
    assert!(c
        .execute(
            "UPDATE handover_checks SET actual_qty = 0 WHERE handover_id = ?1",
            [h.id]
        )
        .is_err());
    assert!(c
        .execute(
            "DELETE FROM handover_anomalies WHERE handover_id = ?1",
            [h.id]
        )
        .is_err());
    assert!(c
        .execute(
            "INSERT INTO handover_open_items (handover_id, source, summary) VALUES (?1, 'x', 'x')",
            [h.id]
        )
        .is_err());
    let h = add_addendum(
        &mut d.store,
        &later,
        AddendumInput {
            id: h.id,
            text: "B2 照明 9:00 已修复".into(),
        },
    )
    .unwrap();
    assert_eq!(h.addenda.len(), 1);
    assert_eq!(h.work_notes, "", "the original stays as signed");
}

#[test]
fn r_ho_1_unfinished_work_is_carried_to_the_next_change() {
    let (mut d, h) = morning();
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:20");
    add_open_item(
        &mut d.store,
        &ctx,
        OpenItemInput {
            id: h.id,
            summary: "5-101 漏水待复查".into(),
            note: String::new(),
        },
    )
    .unwrap();
    sign_as(&mut d, &h, Party::Outgoing, PASSWORD, "2026-12-10 08:25").unwrap();
    sign_as(&mut d, &h, Party::Incoming, PASSWORD, "2026-12-10 08:26").unwrap();
    let eve = as_user(&d.boss, "2026-12-10 17:10");
    let next = start(
        &mut d.store,
        &eve,
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: None,
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap();
    assert_eq!(next.change_at, "2026-12-10 17:30:00");
    assert_eq!(next.open_items.len(), 1);
    assert_eq!(next.open_items[0].summary, "5-101 漏水待复查");
}

#[test]
fn r_ho_7_the_evening_hand_off_goes_to_security_and_is_read_next_morning() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let ctx = as_user(&d.boss, "2026-12-10 17:20");
    let e = start(
        &mut d.store,
        &ctx,
        HandoverStart {
            kind: HandoverKind::Security,
            change_at: Some("2026-12-10 17:30".into()),
            outgoing_id: None,
            incoming_id: Some(d.receptionists[1].id),
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("incoming_id"));
    let h = start(
        &mut d.store,
        &ctx,
        HandoverStart {
            kind: HandoverKind::Security,
            change_at: Some("2026-12-10 17:30".into()),
            outgoing_id: None,
            incoming_id: Some(d.security.id),
        },
    )
    .unwrap();
    assert!(h.mismatches.is_empty(), "{:?}", h.mismatches);
    let morning = as_user(&d.receptionists[0].clone(), "2026-12-11 08:40");
    let h = read_security_record(
        &mut d.store,
        &morning,
        SecurityReadInput {
            id: h.id,
            note: "夜间无异常".into(),
        },
    )
    .unwrap();
    assert_eq!(
        h.security_read.as_ref().map(|r| r.read_by.as_str()),
        Some("李小梅")
    );
    let list = list(&mut d.store, &morning, 3).unwrap();
    assert!(!list[0].awaiting_read);
}

#[test]
fn r_ho_6_night_log_entries_block_the_morning_sign_off_until_handled() {
    let (mut d, h) = morning();
    let tech = d.night_tech("2026-12-09");
    // The night technician logs a call taken at 02:10 (entered a little later, at 02:12).
    let entry = crate::desk::intake::register(
        &mut d.store,
        &as_user(&tech, "2026-12-10 02:12"),
        crate::desk::intake::IntakeInput {
            location: "8-302".into(),
            channel: Some(crate::desk::intake::Channel::Call),
            kind: Some(crate::desk::intake::IntakeKind::Help),
            content: "卫生间漏水".into(),
            received_at: Some("2026-12-10 02:10".into()),
            ..Default::default()
        },
    )
    .unwrap()
    .entry;
    assert!(entry.night_log);
    let h = sign_as(&mut d, &h, Party::Outgoing, PASSWORD, "2026-12-10 08:20").unwrap();
    let e = sign_as(&mut d, &h, Party::Incoming, PASSWORD, "2026-12-10 08:21").unwrap_err();
    assert_eq!((e.kind(), e.field()), ("conflict", Some("night_log")));
    assert_eq!(
        get(&mut d.store, &as_user(&d.boss, "2026-12-10 08:21"), h.id)
            .unwrap()
            .status,
        HandoverStatus::Open
    );
    // Settled through the night-log batch conversion, the sign-off goes through.
    crate::desk::night_log::convert_night_log(
        &mut d.store,
        &as_user(&d.boss, "2026-12-10 08:22"),
        vec![crate::desk::night_log::NightLogDecision {
            intake_id: entry.id,
            action: crate::desk::intake::NightDecision::Settled,
            category: None,
            complaint_category: None,
            urgency: None,
            outcome: "已电话指导关阀".into(),
        }],
    )
    .unwrap();
    let h = sign_as(&mut d, &h, Party::Incoming, PASSWORD, "2026-12-10 08:23").unwrap();
    assert_eq!(h.status, HandoverStatus::Signed);
}

#[test]
fn open_records_are_pulled_in_when_the_handover_starts() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    owe_callback(&mut d);
    let ctx = as_user(&d.boss, "2026-12-10 17:10");
    let h = start(
        &mut d.store,
        &ctx,
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: None,
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap();
    assert_eq!(h.open_items.len(), 1, "{:?}", h.open_items);
    assert_eq!(h.open_items[0].source, "待回电");
}
