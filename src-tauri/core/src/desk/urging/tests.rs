//! 催办 on a fixed clock: one step on an open slip or complaint, counted on the record, its
//! timeline, the boards and the look-up; closed records refused; a double click is not a second
//! call; the month's report counts urged slips and complaints — compared with a count made here.

use super::*;
use crate::desk::lookup::{lookup, LookupInput};
use crate::desk::slips::{self, Board};
use crate::testkit::{as_user, at, records, Desk};

fn on_slip(id: i64, note: &str) -> UrgeInput {
    UrgeInput {
        slip_id: Some(id),
        complaint_id: None,
        note: note.into(),
    }
}

#[test]
fn urging_an_open_slip_or_complaint_is_counted_everywhere_the_record_shows() {
    let mut d = Desk::new();
    let urged = records::slip(
        &d.store,
        "PG-202612-0001",
        None,
        at("2026-12-03 09:00"),
        "给排水",
        None,
    );
    let quiet = records::slip(
        &d.store,
        "PG-202612-0002",
        None,
        at("2026-12-03 10:00"),
        "给排水",
        None,
    );
    let closed = records::slip(
        &d.store,
        "PG-202612-0003",
        None,
        at("2026-12-03 11:00"),
        "给排水",
        Some(2),
    );
    d.store
        .conn()
        .execute("UPDATE dispatch_slips SET state = 'closed', closed_at = '2026-12-04 09:00:00' WHERE id = ?1", [closed])
        .unwrap();
    let complaint = records::complaint(
        &d.store,
        "TS-202612-0001",
        "2026-12-03 12:00:00",
        "fees",
        None,
        None,
    );
    let done = records::complaint(
        &d.store,
        "TS-202612-0002",
        "2026-12-03 13:00:00",
        "fees",
        Some("valid"),
        Some("2026-12-04 10:00:00"),
    );
    let desk = d.receptionists[0].clone();
    let other = d.receptionists[1].clone();

    // One step from the look-up: the slip's state and who has it come back for the caller.
    let first = urge(
        &mut d.store,
        &as_user(&desk, "2026-12-04 09:00"),
        on_slip(urged, "已等一天，很着急"),
    )
    .unwrap();
    assert_eq!(
        (first.serial.as_str(), first.count, first.state.as_str()),
        ("PG-202612-0001", 1, "已接单")
    );
    assert_eq!(first.with, "赵师傅");
    // The same person again a minute later is a double click, refused and not counted.
    let e = urge(
        &mut d.store,
        &as_user(&desk, "2026-12-04 09:01"),
        on_slip(urged, ""),
    )
    .unwrap_err();
    assert_eq!(e.to_view().field.as_deref(), Some("slip_id"));
    // Another call: by a colleague at once, or by the same person later.
    assert_eq!(
        urge(
            &mut d.store,
            &as_user(&other, "2026-12-04 09:01"),
            on_slip(urged, "")
        )
        .unwrap()
        .count,
        2
    );
    assert_eq!(
        urge(
            &mut d.store,
            &as_user(&desk, "2026-12-04 15:00"),
            on_slip(urged, "第三次来电")
        )
        .unwrap()
        .count,
        3
    );

    // Refused: a closed slip, a signed-off complaint, neither or both named.
    let ctx = as_user(&desk, "2026-12-05 09:00");
    let e = urge(&mut d.store, &ctx, on_slip(closed, "")).unwrap_err();
    assert!(e.to_string().contains("已关闭"), "{e}");
    let e = urge(
        &mut d.store,
        &ctx,
        UrgeInput {
            slip_id: None,
            complaint_id: Some(done),
            note: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.to_view().field.as_deref(), Some("complaint_id"));
    for (s, c) in [(None, None), (Some(urged), Some(complaint))] {
        let e = urge(
            &mut d.store,
            &ctx,
            UrgeInput {
                slip_id: s,
                complaint_id: c,
                note: String::new(),
            },
        )
        .unwrap_err();
        assert_eq!(e.to_view().field.as_deref(), Some("slip_id"));
    }
    let c = urge(
        &mut d.store,
        &ctx,
        UrgeInput {
            slip_id: None,
            complaint_id: Some(complaint),
            note: "要求尽快答复".into(),
        },
    )
    .unwrap();
    assert_eq!((c.serial.as_str(), c.count), ("TS-202612-0001", 1));

    // The record and its timeline.
    let page = slips::detail(&mut d.store, &ctx, urged).unwrap();
    assert_eq!(page.slip.urge_count, 3);
    let lines: Vec<(String, String, String)> = page
        .urgings
        .iter()
        .map(|u| (u.at.clone(), u.by.clone(), u.note.clone()))
        .collect();
    assert_eq!(
        lines,
        [
            (
                "2026-12-04 09:00:00".into(),
                desk.name.clone(),
                "已等一天，很着急".into()
            ),
            (
                "2026-12-04 09:01:00".into(),
                other.name.clone(),
                String::new()
            ),
            (
                "2026-12-04 15:00:00".into(),
                desk.name.clone(),
                "第三次来电".into()
            ),
        ]
    );
    // The printed slip says it beside the state.
    let paper = crate::paper::print::forms::dispatch_slip::from_page(&page);
    assert_eq!(paper.status, "已接单（住户催办 3 次）");
    let cp = crate::desk::complaints::detail(&mut d.store, &ctx, complaint).unwrap();
    assert_eq!((cp.complaint.urge_count, cp.urgings.len()), (1, 1));
    // The board and the look-up of the room.
    let boss = d.as_boss("2026-12-05 09:00");
    let board = slips::board(&mut d.store, &boss, Board::AllOpen).unwrap();
    let count = |id: i64| board.iter().find(|s| s.id == id).map(|s| s.urge_count);
    assert_eq!((count(urged), count(quiet)), (Some(3), Some(0)));
    let room: String = d
        .store
        .conn()
        .query_row("SELECT code FROM rooms WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    let l = lookup(
        &mut d.store,
        &ctx,
        LookupInput {
            text: room,
            category: None,
        },
    )
    .unwrap();
    let shown: Vec<(String, i64)> = l.rooms[0]
        .open_slips
        .iter()
        .map(|s| (s.serial.clone(), s.urge_count))
        .collect();
    assert!(shown.contains(&("PG-202612-0001".into(), 3)), "{shown:?}");

    // The month's report: slips of December urged at least once, and the calls on them.
    let (slips_urged, calls, complaints_urged): (i64, i64, i64) = d
        .store
        .conn()
        .query_row(
            "SELECT count(DISTINCT slip_id), count(slip_id), count(DISTINCT complaint_id) FROM urgings",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((slips_urged, calls, complaints_urged), (1, 3, 1));
    let rep = d.month_report("2026-12", "2026-12-20 09:00");
    assert_eq!(
        (rep.slips.urged, rep.slips.urge_calls, rep.complaints.urged),
        (slips_urged, calls, complaints_urged)
    );
}
