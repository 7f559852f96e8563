//! Open items on a handover (R-HO-1, R-HO-10): what was pulled in from the records or carried
//! over from the previous handover stays on it — it is marked 已办结 with how, never deleted —
//! and only what someone wrote on this very handover may be struck out again.

use super::tests::{owe_callback, sign_as};
use super::*;
use crate::testkit::{as_user, Desk, PASSWORD};

const NOW: &str = "2026-11-20 10:00";

fn start_at(d: &mut Desk, now: &str) -> Handover {
    let ctx = as_user(&d.boss, now);
    start(
        &mut d.store,
        &ctx,
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: None,
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap()
}

fn write(d: &mut Desk, h: &Handover, summary: &str) -> Handover {
    add_open_item(
        &mut d.store,
        &as_user(&d.boss, "2026-12-10 08:20"),
        OpenItemInput {
            id: h.id,
            summary: summary.into(),
            note: String::new(),
        },
    )
    .unwrap()
}

#[test]
fn r_ho_10_pulled_and_carried_items_are_settled_with_a_note_never_deleted() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    // Morning: one item written by mistake and struck out again, one handed on.
    let h = start_at(&mut d, "2026-12-10 08:05");
    let h = write(&mut d, &h, "写错了的事项");
    let h = remove_open_item(
        &mut d.store,
        &as_user(&d.boss, "2026-12-10 08:21"),
        RemoveInput {
            id: h.id,
            row_id: h.open_items[0].id,
        },
    )
    .unwrap();
    assert!(
        h.open_items.is_empty(),
        "what was written here may be struck out"
    );
    let h = write(&mut d, &h, "5-101 漏水待复查");
    for party in [Party::Outgoing, Party::Incoming] {
        sign_as(&mut d, &h, party, PASSWORD, "2026-12-10 08:25").unwrap();
    }
    // A callback still owed when the evening change starts is pulled in from the records.
    owe_callback(&mut d);
    let eve = start_at(&mut d, "2026-12-10 17:10");
    let carried = eve.open_items.iter().find(|o| o.written).unwrap().clone();
    let pulled = eve.open_items.iter().find(|o| !o.written).unwrap().clone();
    assert!(carried.carried && !carried.may_strike);
    assert!(!pulled.carried && !pulled.may_strike);

    let ctx = as_user(&d.boss, "2026-12-10 17:15");
    for (item, why) in [
        (&carried, "是上一班移交的事项"),
        (&pulled, "是从记录带入的事项"),
    ] {
        let e = remove_open_item(
            &mut d.store,
            &ctx,
            RemoveInput {
                id: eve.id,
                row_id: item.id,
            },
        )
        .unwrap_err();
        assert_eq!((e.kind(), e.field()), ("conflict", Some("row_id")));
        assert!(e.to_string().contains(why), "{e}");
    }
    let settle = |d: &mut Desk, note: &str| {
        settle_open_item(
            &mut d.store,
            &ctx,
            SettleInput {
                id: eve.id,
                row_id: pulled.id,
                note: note.into(),
            },
        )
    };
    let e = settle(&mut d, "  ").unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("note")));
    let after = settle(&mut d, "已回电，告知办理流程").unwrap();
    let settled = after.open_items.iter().find(|o| o.id == pulled.id).unwrap();
    assert_eq!(
        (
            settled.settled_note.as_str(),
            settled.settled_by.as_str(),
            settled.settled_at.as_deref()
        ),
        (
            "已回电，告知办理流程",
            "王主管",
            Some("2026-12-10 17:15:00")
        )
    );
    assert_eq!(
        after.open_items.len(),
        2,
        "the settled item stays on the record"
    );
    let e = settle(&mut d, "再办一次").unwrap_err();
    assert_eq!(e.kind(), "conflict");
    // Paper says so too.
    let sheet = crate::paper::print::forms::handover::from_record(&after);
    let printed = sheet
        .open_items
        .iter()
        .find(|o| o.description == pulled.summary)
        .unwrap();
    assert_eq!(
        printed.settled,
        "已办结：已回电，告知办理流程（王主管 2026-12-10 17:15）"
    );
}

/// R-IN-6: an entry that is neither ended nor carried on by a slip, complaint or callback (a 委托
/// still being done) is handed on at every change until someone ends it with a result; an
/// entry answered on the spot is not.
#[test]
fn r_in_6_an_entry_not_yet_ended_is_handed_on_until_it_is() {
    let mut d = Desk::new();
    d.publish_full("2026-12", NOW);
    let who = d.receptionists[0].id;
    let entry = |kind: &str, content: &str, outcome: &str| {
        d.store
            .conn()
            .execute(
                "INSERT INTO intake_entries (received_at, entered_at, room_id, channel, kind, content, received_by, night_log, outcome, finished_at)
                 VALUES ('2026-12-10 15:00:00', '2026-12-10 15:00:00', 1, 'visit', ?1, ?2, ?3, 0, ?4, CASE WHEN ?4 = '' THEN NULL ELSE '2026-12-10 15:05:00' END)",
                rusqlite::params![kind, content, who, outcome],
            )
            .unwrap();
        d.store.conn().last_insert_rowid()
    };
    let errand = entry("errand", "业主委托代收快递两件", "");
    entry("inquiry", "询问物业费缴费时间", "已告知每月15日前");

    let eve = start_at(&mut d, "2026-12-10 17:10");
    let handed: Vec<_> = eve
        .open_items
        .iter()
        .filter(|o| o.source == "未办结登记")
        .collect();
    assert_eq!(handed.len(), 1, "{:?}", eve.open_items);
    assert!(
        handed[0].summary.contains("代收快递") && handed[0].summary.contains("委托"),
        "{}",
        handed[0].summary
    );
    assert!(
        !handed[0].may_strike,
        "pulled from the records: settled, never struck out"
    );
    assert!(
        !eve.open_items.iter().any(|o| o.summary.contains("物业费")),
        "an entry answered on the spot is not handed on"
    );

    // Ended with a result: the next change no longer hands it on.
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 18:00");
    crate::desk::intake::finish(
        &mut d.store,
        &ctx,
        crate::desk::intake::NoteInput {
            intake_id: errand,
            note: "快递已交业主本人签收".into(),
        },
    )
    .unwrap();
    let later = d
        .store
        .read(|tx| pulled::open_records(tx, crate::testkit::at("2026-12-11 08:05")))
        .unwrap();
    assert!(!later.iter().any(|p| p.source == "未办结登记"));
}
