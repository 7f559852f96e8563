//! 未交接 (R-HO-8): every desk shift change of the published roster expects a handover signed by
//! both; one still without it `handover_due_minutes` after the change is flagged, on the
//! screen and in 值班统计.

use super::missing::{missing, MissingInput};
use super::*;
use crate::paper::reports::{report, PeriodKind, ReportInput};
use crate::testkit::{as_user, Desk, PASSWORD};

#[test]
fn r_ho_8_a_shift_change_without_a_signed_handover_is_flagged_after_the_due_time() {
    let mut d = Desk::new();
    d.publish_full("2026-12", "2026-11-20 10:00");
    let boss = d.boss.clone();
    let changes = |d: &mut Desk, now: &str| -> Vec<String> {
        missing(
            &mut d.store,
            &as_user(&boss, now),
            MissingInput { days: Some(1) },
        )
        .unwrap()
        .into_iter()
        .map(|m| m.change_at)
        .collect()
    };
    // 09:20 on the 10th: the 08:30 change is not yet 60 minutes old; the day before's are.
    assert_eq!(
        changes(&mut d, "2026-12-10 09:20"),
        vec!["2026-12-09 08:30:00", "2026-12-09 17:30:00"]
    );
    assert_eq!(
        changes(&mut d, "2026-12-10 09:31"),
        vec!["2026-12-09 17:30:00", "2026-12-10 08:30:00"]
    );
    // Started but signed by one party only: still 未交接, with the record to finish.
    let desk = d.receptionists[0].clone();
    let h = start(
        &mut d.store,
        &as_user(&desk, "2026-12-10 09:40"),
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: Some("2026-12-10 08:30".into()),
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap();
    let sign_as = |d: &mut Desk, party| {
        sign(
            &mut d.store,
            &as_user(&desk, "2026-12-10 09:45"),
            SignInput {
                id: h.id,
                party,
                password: PASSWORD.into(),
                read_log: party == Party::Incoming,
                follow_up: String::new(),
            },
        )
        .unwrap()
    };
    sign_as(&mut d, Party::Outgoing);
    let open = missing(
        &mut d.store,
        &as_user(&boss, "2026-12-10 09:50"),
        MissingInput { days: Some(1) },
    )
    .unwrap();
    assert_eq!(open.last().unwrap().started_id, Some(h.id));
    sign_as(&mut d, Party::Incoming);
    assert_eq!(
        changes(&mut d, "2026-12-10 09:50"),
        vec!["2026-12-09 17:30:00"]
    );

    // 值班统计 of December on the 10th at 09:50: the 19 changes from the 1st 08:30 to the 10th
    // 08:30, less the 1st's 08:30 (nobody to hand over: November is not on a roster here) and
    // the one signed.
    let rep = report(
        &mut d.store,
        &as_user(&boss, "2026-12-10 09:50"),
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-12".into(),
        },
    )
    .unwrap();
    assert_eq!(rep.duty.missing_handovers, 19 - 2, "{:?}", rep.duty);
}
