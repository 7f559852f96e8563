//! More of `tests`: the tests split off to keep each file short; the helpers are its own.

use super::*;
use crate::desk::complaints::{ComplaintCategory, Urgency};
use crate::desk::intake::NightDecision;
use crate::desk::lookup::{lookup, LookupInput};
use crate::desk::night_log::{convert_night_log, NightLogDecision};
use crate::setup::residents;
use crate::testkit::{at, Desk};

use settings::IntakeSettings;

#[allow(unused_imports)]
use super::tests::*;

#[test]
fn lookup_by_room_phone_and_last_four_digits() {
    let mut d = Desk::new();
    let rec = d.receptionists[0].clone();
    reg(&mut d, &rec, input(IntakeKind::Repair, "给排水", "漏水")).unwrap();
    let ctx = d.ctx(&rec);
    for text in ["3-2-1201", "3栋2单元1201", "13912345678", "5678"] {
        let l = lookup(
            &mut d.store,
            &ctx,
            LookupInput {
                text: text.into(),
                category: None,
            },
        )
        .unwrap();
        assert_eq!(l.candidates.len(), 1, "{text}");
        assert_eq!(l.candidates[0].name, "周业主");
        assert_eq!(l.rooms.len(), 1, "{text}");
        assert_eq!(l.rooms[0].recent_entries.len(), 1, "{text}: history");
    }
    let l = lookup(
        &mut d.store,
        &ctx,
        LookupInput {
            text: "0000".into(),
            category: None,
        },
    )
    .unwrap();
    assert!(l.candidates.is_empty());
    assert!(l.rooms.is_empty());
}

/// Issue 9 bug 2 (R-IN-3): a last four shared by three residents in three rooms is three
/// candidates, one per row with its own room, name and masked phone — never one merged room
/// — and each room keeps its own history, so the desk can pick the right caller.
#[test]
fn an_ambiguous_last_four_lists_each_candidate_on_its_own_row() {
    let mut d = Desk::new();
    let boss = d.ctx(&d.boss);
    for (room, name, phone) in [
        ("3-2-1202", "钱一", "13700000020"),
        ("5-1-0402", "孙二", "13600000020"),
        ("7-1-2401", "吴三", "13500000020"),
    ] {
        let mut parts = room.split('-');
        let (b, u, n) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        if b != "3" && b != "5" {
            rooms::add_building(
                &mut d.store,
                &boss,
                rooms::BuildingInput {
                    name: b.into(),
                    note: String::new(),
                },
            )
            .unwrap();
        }
        if room != "3-2-1202" {
            rooms::add_room(
                &mut d.store,
                &boss,
                rooms::RoomInput {
                    building: b.into(),
                    unit: u.into(),
                    number: n.into(),
                    area_m2: None,
                    note: String::new(),
                },
            )
            .unwrap();
        }
        residents::add(
            &mut d.store,
            &boss,
            residents::ResidentInput {
                room: room.into(),
                kind: residents::ResidentKind::Owner,
                name: name.into(),
                phones: vec![phone.into()],
                note: String::new(),
                active: true,
            },
        )
        .unwrap();
    }
    let rec = d.receptionists[0].clone();
    let mut entry = input(IntakeKind::Repair, "给排水", "厨房漏水");
    entry.room = "5-1-0402".into();
    reg(&mut d, &rec, entry).unwrap();
    let ctx = d.ctx(&rec);
    let l = lookup(
        &mut d.store,
        &ctx,
        LookupInput {
            text: "0020".into(),
            category: Some("给排水".into()),
        },
    )
    .unwrap();
    let rows: Vec<(&str, &str, &str, &str)> = l
        .candidates
        .iter()
        .map(|c| {
            (
                c.room.as_str(),
                c.name.as_str(),
                c.phone_masked.as_str(),
                c.phone.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("3-2-1202", "钱一", "137****0020", "13700000020"),
            ("5-1-0402", "孙二", "136****0020", "13600000020"),
            ("7-1-2401", "吴三", "135****0020", "13500000020"),
        ],
        "one row per candidate, in room order"
    );
    assert!(l.candidates.iter().all(|c| c.resident_id.is_some()));
    let histories: Vec<(&str, usize, bool)> = l
        .rooms
        .iter()
        .map(|h| {
            (
                h.room_name.as_str(),
                h.recent_entries.len(),
                h.repeat.is_some(),
            )
        })
        .collect();
    assert_eq!(
        histories,
        [
            ("3栋2单元1202", 0, false),
            ("5栋1单元0402", 1, true),
            ("7栋1单元2401", 0, false),
        ],
        "each room its own history; the repeat warning only where the repair was"
    );

    // A room with two residents: two candidates in one room; a room with nobody on file: one
    // candidate with the room only.
    residents::add(
        &mut d.store,
        &boss,
        residents::ResidentInput {
            room: "3-2-1202".into(),
            kind: residents::ResidentKind::Tenant,
            name: "郑租户".into(),
            phones: vec!["13300000001".into()],
            note: String::new(),
            active: true,
        },
    )
    .unwrap();
    let l = lookup(
        &mut d.store,
        &ctx,
        LookupInput {
            text: "3-2-1202".into(),
            category: None,
        },
    )
    .unwrap();
    assert_eq!(
        l.candidates
            .iter()
            .map(|c| (c.name.as_str(), c.kind.as_str()))
            .collect::<Vec<_>>(),
        [("钱一", "业主"), ("郑租户", "租户")]
    );
    assert_eq!(l.rooms.len(), 1);
    rooms::add_room(
        &mut d.store,
        &boss,
        rooms::RoomInput {
            building: "3".into(),
            unit: "2".into(),
            number: "1301".into(),
            area_m2: None,
            note: String::new(),
        },
    )
    .unwrap();
    let l = lookup(
        &mut d.store,
        &ctx,
        LookupInput {
            text: "3-2-1301".into(),
            category: None,
        },
    )
    .unwrap();
    assert_eq!(l.candidates.len(), 1);
    assert_eq!(
        (
            l.candidates[0].room.as_str(),
            l.candidates[0].name.as_str(),
            l.candidates[0].resident_id
        ),
        ("3-2-1301", "", None)
    );
}

#[test]
fn night_log_batch_conversion_is_all_or_nothing() {
    let mut d = Desk::at("2026-11-23 23:00");
    let tech = d.technicians[0].clone();
    let a = reg(
        &mut d,
        &tech,
        input(IntakeKind::Repair, "给排水", "卫生间漏水"),
    )
    .unwrap()
    .entry
    .id;
    let b = reg(&mut d, &tech, input(IntakeKind::Complaint, "", "楼上噪音"))
        .unwrap()
        .entry
        .id;
    let c = reg(&mut d, &tech, input(IntakeKind::Inquiry, "", "问快递"))
        .unwrap()
        .entry
        .id;
    d.now = at("2026-11-24 09:10");
    let rec = d.receptionists[0].clone();
    let items = d
        .store
        .read(|tx| crate::desk::open_items::open_items(tx, at("2026-11-24 09:10")))
        .unwrap();
    assert_eq!(items.night_log_unconverted.len(), 3);
    let decisions = |settled: &str| {
        vec![
            NightLogDecision {
                intake_id: a,
                action: NightDecision::Slip,
                category: None,
                complaint_category: None,
                urgency: None,
                outcome: String::new(),
            },
            NightLogDecision {
                intake_id: b,
                action: NightDecision::Complaint,
                category: None,
                complaint_category: Some(ComplaintCategory::Neighbour),
                urgency: Some(Urgency::Normal),
                outcome: String::new(),
            },
            NightLogDecision {
                intake_id: c,
                action: NightDecision::Settled,
                category: None,
                complaint_category: None,
                urgency: None,
                outcome: settled.into(),
            },
        ]
    };
    let ctx = d.ctx(&tech);
    assert_eq!(
        convert_night_log(&mut d.store, &ctx, decisions("已答复"))
            .unwrap_err()
            .kind(),
        "forbidden"
    );
    let ctx = d.ctx(&rec);
    // The last decision lacks its result: nothing at all is converted.
    let e = convert_night_log(&mut d.store, &ctx, decisions(" ")).unwrap_err();
    assert_eq!(e.field(), Some("items.2.outcome"));
    // A complaint without its category is refused under that row's field.
    let mut no_cat = decisions("已答复");
    no_cat[1].complaint_category = None;
    let e = convert_night_log(&mut d.store, &ctx, no_cat).unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        ("invalid", Some("items.1.complaint_category"))
    );
    let n: i64 = d
        .store
        .conn()
        .query_row("SELECT count(*) FROM dispatch_slips", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    let out = convert_night_log(&mut d.store, &ctx, decisions("已答复")).unwrap();
    assert_eq!(
        out.iter().map(|e| e.night_decision).collect::<Vec<_>>(),
        vec![
            Some(NightDecision::Slip),
            Some(NightDecision::Complaint),
            Some(NightDecision::Settled)
        ]
    );
    assert!(out[0]
        .slip_serial
        .as_deref()
        .is_some_and(|s| s.starts_with("PG-202611-")));
    assert!(out[1]
        .complaint_serial
        .as_deref()
        .is_some_and(|s| s.starts_with("TS-202611-")));
    assert!(out.iter().all(|e| e.finished_at.is_some()));
    let items = d
        .store
        .read(|tx| crate::desk::open_items::open_items(tx, at("2026-11-24 09:10")))
        .unwrap();
    assert!(items.night_log_unconverted.is_empty());
    assert_eq!(items.unfinished_slips.len(), 1);
    assert_eq!(items.complaints_awaiting_reply.len(), 1);
    assert_eq!(
        convert_night_log(&mut d.store, &ctx, decisions("x"))
            .unwrap_err()
            .kind(),
        "conflict"
    );
}

#[test]
fn r_in_7_major_incident_alerts_until_taken_up() {
    let mut d = Desk::new();
    let (rec, mgr, sup) = (
        d.receptionists[0].clone(),
        d.manager.clone(),
        d.boss.clone(),
    );
    let e = reg(
        &mut d,
        &rec,
        IntakeInput {
            major_incident: true,
            ..input(IntakeKind::Help, "", "3栋电梯困人")
        },
    )
    .unwrap()
    .entry;
    for who in [&mgr, &sup] {
        assert_eq!(
            crate::desk::complaints::alerts(
                &mut d.store,
                &crate::Ctx::as_user(d.now, (*who).clone())
            )
            .unwrap()
            .incidents
            .len(),
            1
        );
    }
    assert!(crate::desk::complaints::alerts(
        &mut d.store,
        &crate::Ctx::as_user(d.now, rec.clone())
    )
    .unwrap()
    .incidents
    .is_empty());
    let ctx = d.ctx(&rec);
    assert_eq!(
        take_up_major(
            &mut d.store,
            &ctx,
            NoteInput {
                intake_id: e.id,
                note: "处理".into()
            }
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
    let ctx = d.ctx(&mgr);
    take_up_major(
        &mut d.store,
        &ctx,
        NoteInput {
            intake_id: e.id,
            note: "已通知电梯公司".into(),
        },
    )
    .unwrap();
    assert!(crate::desk::complaints::alerts(
        &mut d.store,
        &crate::Ctx::as_user(d.now, sup.clone())
    )
    .unwrap()
    .incidents
    .is_empty());
}

#[test]
fn list_views_today_shift_and_range_with_filters() {
    let mut d = Desk::at("2026-11-23 08:00");
    let (rec, tech) = (d.receptionists[0].clone(), d.technicians[0].clone());
    reg(
        &mut d,
        &tech,
        input(IntakeKind::Repair, "给排水", "夜里漏水"),
    )
    .unwrap(); // night shift
    d.now = at("2026-11-23 10:00");
    reg(&mut d, &rec, input(IntakeKind::Inquiry, "", "问")).unwrap();
    reg(
        &mut d,
        &rec,
        IntakeInput {
            channel: Some(Channel::Visit),
            ..input(IntakeKind::Repair, "门窗", "窗")
        },
    )
    .unwrap();
    let ctx = d.ctx(&rec);
    let q = |period, kind, channel, by| IntakeQuery {
        period: Some(period),
        kind,
        channel,
        received_by: by,
        ..Default::default()
    };
    assert_eq!(
        list(&mut d.store, &ctx, q(IntakePeriod::Today, None, None, None))
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        list(&mut d.store, &ctx, q(IntakePeriod::Shift, None, None, None))
            .unwrap()
            .len(),
        2,
        "day shift began 09:00"
    );
    assert_eq!(
        list(
            &mut d.store,
            &ctx,
            q(IntakePeriod::Today, Some(IntakeKind::Repair), None, None)
        )
        .unwrap()
        .len(),
        2
    );
    assert_eq!(
        list(
            &mut d.store,
            &ctx,
            q(IntakePeriod::Today, None, Some(Channel::Visit), None)
        )
        .unwrap()
        .len(),
        1
    );
    assert_eq!(
        list(
            &mut d.store,
            &ctx,
            q(IntakePeriod::Today, None, None, Some(tech.id))
        )
        .unwrap()
        .len(),
        1
    );
    let night = IntakeQuery {
        state: Some(EntryState::NightLog),
        ..q(IntakePeriod::Today, None, None, None)
    };
    assert_eq!(list(&mut d.store, &ctx, night).unwrap().len(), 1);
    let range = IntakeQuery {
        from: Some("2026-11-22".into()),
        to: Some("2026-11-22".into()),
        ..q(IntakePeriod::Range, None, None, None)
    };
    assert!(list(&mut d.store, &ctx, range).unwrap().is_empty());
    let bad = IntakeQuery {
        from: Some("2026-11-24".into()),
        to: Some("2026-11-22".into()),
        ..q(IntakePeriod::Range, None, None, None)
    };
    assert_eq!(
        list(&mut d.store, &ctx, bad).unwrap_err().field(),
        Some("to")
    );
}

#[test]
fn night_window_crosses_midnight_and_is_configurable() {
    let mut s = IntakeSettings {
        repeat_repair_days: 30,
        night_start: "17:30".into(),
        night_end: "09:00".into(),
        due_soon_minutes: 120,
        complaint_reply_hours: 24,
        complaint_urgent_reply_hours: 2,
        complaint_overdue_escalate_hours: 24,
        return_visit_hours: 24,
    };
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert!(s.is_night(t(0, 0)) && s.is_night(t(17, 30)) && !s.is_night(t(12, 0)));
    let (a, b) = shift_bounds(&s, at("2026-11-24 02:00"));
    assert_eq!((a, b), (at("2026-11-23 17:30"), at("2026-11-24 09:00")));
    s.night_start = "01:00".into();
    s.night_end = "09:00".into();
    assert!(s.is_night(t(3, 0)) && !s.is_night(t(23, 0)));
}
