//! The intake log (R-IN-1…7): registering, back-entry, callbacks, results, repeat repairs.

use super::*;
use crate::desk::lookup::{lookup, LookupInput};
use crate::testkit::{at, Desk};
use crate::Actor;

pub(crate) fn input(kind: IntakeKind, category: &str, content: &str) -> IntakeInput {
    IntakeInput {
        room: "3-2-1201".into(),
        caller_name: "周业主".into(),
        caller_phone: "13912345678".into(),
        channel: Some(Channel::Call),
        kind: Some(kind),
        category: category.into(),
        content: content.into(),
        ..Default::default()
    }
}

pub(crate) fn reg(d: &mut Desk, who: &Actor, i: IntakeInput) -> Result<Registered> {
    register(&mut d.store, &Ctx::as_user(d.now, who.clone()), i)
}

#[test]
fn r_in_1_registers_with_the_user_and_the_time() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    let r = reg(
        &mut d,
        &rec,
        input(IntakeKind::Repair, "给排水", "厨房漏水"),
    )
    .unwrap();
    let e = r.entry;
    assert_eq!(
        (e.received_at.as_str(), e.back_entered, e.night_log),
        ("2026-11-23 10:00:00", false, false)
    );
    assert_eq!(
        (e.received_by.as_str(), e.room.as_str(), e.channel, e.kind),
        ("李小梅", "3-2-1201", Channel::Call, IntakeKind::Repair)
    );
    assert!(e.finished_at.is_none());
    assert!(r.repeat.is_none());
}

#[test]
fn r_in_3_bad_input_names_the_field() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    let cases: Vec<(IntakeInput, &str, &str)> = vec![
        (
            IntakeInput {
                room: "9-9-9999".into(),
                ..input(IntakeKind::Repair, "给排水", "漏水")
            },
            "not_found",
            "room",
        ),
        (
            input(IntakeKind::Repair, "给排水", "   "),
            "invalid",
            "content",
        ),
        (input(IntakeKind::Repair, "", "漏水"), "invalid", "category"),
        (
            input(IntakeKind::Repair, "火箭", "漏水"),
            "not_found",
            "category",
        ),
        (
            IntakeInput {
                caller_phone: "12345".into(),
                ..input(IntakeKind::Inquiry, "", "问物业费")
            },
            "invalid",
            "caller_phone",
        ),
        (
            IntakeInput {
                channel: None,
                ..input(IntakeKind::Inquiry, "", "问物业费")
            },
            "invalid",
            "channel",
        ),
        (
            IntakeInput {
                received_at: Some("2026-11-23 11:00".into()),
                ..input(IntakeKind::Inquiry, "", "问")
            },
            "invalid",
            "received_at",
        ),
        (
            IntakeInput {
                received_at: Some("明天".into()),
                ..input(IntakeKind::Inquiry, "", "问")
            },
            "invalid",
            "received_at",
        ),
    ];
    for (i, kind, field) in cases {
        let e = reg(&mut d, &rec, i).unwrap_err();
        assert_eq!((e.kind(), e.field()), (kind, Some(field)));
    }
    let n: i64 = d
        .store
        .conn()
        .query_row("SELECT count(*) FROM intake_entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn r_in_4_back_entry_keeps_both_times_and_night_entries_go_to_the_night_log() {
    let mut d = Desk::at("2026-11-24 09:30");
    let rec = d.receptionists[0].clone();
    let tech = d.technicians[0].clone();
    let e = reg(
        &mut d,
        &rec,
        IntakeInput {
            received_at: Some("2026-11-23 22:15".into()),
            ..input(IntakeKind::Repair, "配电/照明", "楼道灯不亮")
        },
    )
    .unwrap()
    .entry;
    assert_eq!(
        (
            e.received_at.as_str(),
            e.entered_at.as_str(),
            e.back_entered
        ),
        ("2026-11-23 22:15:00", "2026-11-24 09:30:00", true)
    );
    assert!(e.night_log);
    for (t, night) in [
        ("2026-11-24 08:59", true),
        ("2026-11-24 09:00", false),
        ("2026-11-23 17:29", false),
        ("2026-11-23 17:30", true),
    ] {
        let e = reg(
            &mut d,
            &tech,
            IntakeInput {
                received_at: Some(t.into()),
                ..input(IntakeKind::Inquiry, "", "问")
            },
        )
        .unwrap()
        .entry;
        assert_eq!(e.night_log, night, "{t}");
    }
}

#[test]
fn r_in_5_callback_is_pending_until_done_and_the_entry_finishes_with_a_result() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    let e = reg(
        &mut d,
        &rec,
        IntakeInput {
            callback_phone: "13912345678".into(),
            ..input(IntakeKind::Inquiry, "", "问停水时间")
        },
    )
    .unwrap()
    .entry;
    assert_eq!(e.callback_state, CallbackState::Pending);
    let items = d
        .store
        .read(|tx| crate::desk::open_items::open_items(tx, at("2026-11-23 10:00")))
        .unwrap();
    assert_eq!(items.pending_callbacks.len(), 1);
    let ctx = d.ctx(&rec);
    let e = callback_done(
        &mut d.store,
        &ctx,
        NoteInput {
            intake_id: e.id,
            note: "已告知明早8点恢复".into(),
        },
    )
    .unwrap();
    assert_eq!(e.callback_state, CallbackState::Done);
    assert_eq!(
        callback_done(
            &mut d.store,
            &ctx,
            NoteInput {
                intake_id: e.id,
                note: "再回".into()
            }
        )
        .unwrap_err()
        .kind(),
        "conflict"
    );
    let e = finish(
        &mut d.store,
        &ctx,
        NoteInput {
            intake_id: e.id,
            note: "已答复".into(),
        },
    )
    .unwrap();
    assert_eq!(e.outcome, "已答复");
    assert!(e.finished_at.is_some());
    assert_eq!(
        finish(
            &mut d.store,
            &ctx,
            NoteInput {
                intake_id: e.id,
                note: "再办".into()
            }
        )
        .unwrap_err()
        .kind(),
        "conflict"
    );
    let det = detail(&mut d.store, &ctx, e.id).unwrap();
    assert_eq!(det.followups.len(), 1);
}

#[test]
fn repeat_repair_warning_within_the_configured_days() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    reg(
        &mut d,
        &rec,
        IntakeInput {
            received_at: Some("2026-10-20 10:00".into()),
            ..input(IntakeKind::Repair, "给排水", "漏水")
        },
    )
    .unwrap();
    // 34 days ago: outside the default 30.
    assert!(
        reg(&mut d, &rec, input(IntakeKind::Repair, "给排水", "又漏水"))
            .unwrap()
            .repeat
            .is_none()
    );
    let r = reg(&mut d, &rec, input(IntakeKind::Repair, "给排水", "还在漏")).unwrap();
    let w = r.repeat.expect("same room and category today");
    assert_eq!((w.count, w.days), (1, 30));
    // Another category does not count; another room does not count.
    assert!(reg(&mut d, &rec, input(IntakeKind::Repair, "门窗", "窗坏"))
        .unwrap()
        .repeat
        .is_none());
    assert!(reg(
        &mut d,
        &rec,
        IntakeInput {
            room: "3-2-1202".into(),
            ..input(IntakeKind::Repair, "给排水", "漏水")
        }
    )
    .unwrap()
    .repeat
    .is_none());
    // Widening the window to 40 days finds the October one too.
    let sup = d.boss.clone();
    let mut s = settings::get(&mut d.store, &crate::Ctx::as_user(d.now, sup.clone())).unwrap();
    s.repeat_repair_days = 40;
    settings::update(&mut d.store, &crate::Ctx::as_user(d.now, sup.clone()), s).unwrap();
    let ctx = d.ctx(&rec);
    let l = lookup(
        &mut d.store,
        &ctx,
        LookupInput {
            text: "3-2-1201".into(),
            category: Some("给排水".into()),
        },
    )
    .unwrap();
    assert_eq!(l.rooms[0].repeat.as_ref().unwrap().count, 3);
}

/// R-IN-8: a message left on WeChat or by e-mail is registered as such, and found by its channel.
#[test]
fn r_in_8_wechat_and_email_messages_are_intake_channels() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    for (channel, content) in [
        (Channel::Wechat, "微信留言：楼道灯不亮"),
        (Channel::Email, "邮件：询问停车月卡办理"),
    ] {
        let r = reg(
            &mut d,
            &rec,
            IntakeInput {
                channel: Some(channel),
                ..input(IntakeKind::Inquiry, "", content)
            },
        )
        .unwrap();
        assert_eq!(r.entry.channel, channel);
    }
    assert_eq!(Channel::parse("channel", "微信").unwrap(), Channel::Wechat);
    assert_eq!(Channel::parse("channel", "邮件").unwrap(), Channel::Email);
    let found = list::list(
        &mut d.store,
        &Ctx::as_user(d.now, rec),
        list::IntakeQuery {
            channel: Some(Channel::Wechat),
            ..Default::default()
        },
    )
    .unwrap();
    let contents: Vec<&str> = found.iter().map(|e| e.content.as_str()).collect();
    assert_eq!(contents, vec!["微信留言：楼道灯不亮"]);
}

/// R-IN-2: a problem staff find themselves (a public facility, cleaning, equipment) goes through
/// the same intake as a resident's call: registered by whoever found it, at a place rather than
/// a room, with no caller, carried on as a slip, and counted by its channel in the report.
#[test]
fn r_in_2_problems_staff_find_go_through_the_same_intake() {
    use crate::desk::slips::{open, OpenSlipInput};
    use crate::paper::reports::ops::{report, ReportInput};
    use crate::paper::reports::period::PeriodKind;
    let mut d = Desk::new();
    let guard = d.security.clone();
    let found = reg(
        &mut d,
        &guard,
        IntakeInput {
            room: String::new(),
            location: "3号楼电梯厅".into(),
            caller_name: String::new(),
            caller_phone: String::new(),
            channel: Some(Channel::StaffFound),
            ..input(IntakeKind::Repair, "给排水", "巡查发现：电梯厅地漏返水")
        },
    )
    .unwrap()
    .entry;
    assert_eq!(found.channel, Channel::StaffFound);
    assert_eq!(
        found.received_by, guard.name,
        "registered under the one who found it"
    );
    assert_eq!(
        (found.room.as_str(), found.location.as_str()),
        ("", "3号楼电梯厅")
    );

    // The desk carries it on as it would a resident's call.
    let desk = Ctx::as_user(d.now, d.receptionists[0].clone());
    let slip = open(
        &mut d.store,
        &desk,
        OpenSlipInput {
            intake_id: found.id,
            category: None,
            content: None,
            appointment_at: None,
        },
    )
    .unwrap();
    assert_eq!(
        (slip.location.as_str(), slip.content.as_str()),
        ("3号楼电梯厅", "巡查发现：电梯厅地漏返水")
    );

    // The month's report counts it under 员工发现, once.
    let boss = Ctx::as_user(d.now, d.boss.clone());
    let month = d.now.format("%Y-%m").to_string();
    let r = report(
        &mut d.store,
        &boss,
        ReportInput {
            kind: PeriodKind::Month,
            period: month,
        },
    )
    .unwrap();
    let by_channel: Vec<(String, i64)> = r
        .intake
        .by_channel
        .iter()
        .map(|c| (c.label.clone(), c.count))
        .collect();
    assert_eq!(by_channel, vec![("员工发现".to_string(), 1)]);
}
