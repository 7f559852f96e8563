//! R-DU-8 on a fixed clock: a person on duty leaves the post only with a leader's approval and
//! someone of any role standing in; the on-duty view shows who stands in, and the month's report
//! counts 离岗替值 apart from security's 代值.

use super::*;
use crate::testkit::{as_user, Desk};

fn leave(away: i64, cover: i64, approver: Option<i64>) -> CoverInput {
    CoverInput {
        kind: Some(CoverKind::Leave),
        cover_staff_id: cover,
        for_staff_id: Some(away),
        approved_by: approver,
        start_at: None,
        end_at: None,
        reason: "孩子学校有急事，离开一小时".into(),
    }
}

fn field(e: Error) -> String {
    e.to_view().field.unwrap_or_default()
}

#[test]
fn r_du_8_leaving_the_post_needs_a_leaders_approval_and_a_substitute_of_any_role() {
    let mut d = Desk::new();
    d.publish_full("2026-12", "2026-11-20 09:00");
    let when = "2026-12-10 10:00";
    let desk_ctx = |d: &Desk, who: usize| as_user(&d.receptionists[who].clone(), when);
    let look = desk_ctx(&d, 0);
    let on = on_duty(&mut d.store, &look, None).unwrap();
    let away = on
        .people
        .iter()
        .find(|p| p.staff.role == Role::Receptionist)
        .expect("a receptionist keeps the desk at 10:00")
        .staff
        .clone();
    let me = d
        .receptionists
        .iter()
        .position(|r| r.id == away.id)
        .unwrap();
    let ctx = desk_ctx(&d, me);
    let tech = d.technicians[0].id;

    // No approver named by a receptionist; a receptionist named as approver; the person leaving
    // standing in for themselves; someone not on duty leaving: each refused, naming the field.
    let e = cover_start(&mut d.store, &ctx, leave(away.id, tech, None)).unwrap_err();
    assert_eq!(field(e), "approved_by");
    let other = d.receptionists[(me + 1) % 3].id;
    let e = cover_start(&mut d.store, &ctx, leave(away.id, tech, Some(other))).unwrap_err();
    assert_eq!(field(e), "approved_by");
    let e = cover_start(&mut d.store, &ctx, leave(away.id, away.id, Some(d.boss.id))).unwrap_err();
    assert_eq!(field(e), "cover_staff_id");
    let off = d.spare.id;
    let e = cover_start(&mut d.store, &ctx, leave(off, tech, Some(d.boss.id))).unwrap_err();
    assert_eq!(field(e), "for_staff_id");
    let mut no_one = leave(away.id, tech, Some(d.boss.id));
    no_one.for_staff_id = None;
    let e = cover_start(&mut d.store, &ctx, no_one).unwrap_err();
    assert_eq!(field(e), "for_staff_id");
    // Security's 代值 is still security's alone.
    let mut desk_cover = leave(away.id, tech, None);
    desk_cover.kind = None;
    let e = cover_start(&mut d.store, &ctx, desk_cover).unwrap_err();
    assert_eq!(field(e), "cover_staff_id");

    // Approved by the supervisor (on the phone), a technician stands in: any role may.
    let c = cover_start(&mut d.store, &ctx, leave(away.id, tech, Some(d.boss.id))).unwrap();
    assert_eq!(c.kind, CoverKind::Leave);
    assert_eq!(c.approved_by.as_ref().map(|a| a.id), Some(d.boss.id));
    assert_eq!(c.cover.id, tech);
    let now = on_duty(&mut d.store, &ctx, None).unwrap();
    let p = now.people.iter().find(|p| p.staff.id == away.id).unwrap();
    assert_eq!(p.replaced_by.as_ref().map(|r| r.id), Some(tech));
    assert!(now.desk_covered, "the post is kept by the substitute");

    // A leader entering it approves it themselves.
    let boss = d.as_boss("2026-12-10 10:05");
    let cleaner = d.cleaner.id;
    let mut second = leave(away.id, cleaner, None);
    second.end_at = Some("2026-12-10 10:30".into());
    let c2 = cover_start(&mut d.store, &boss, second).unwrap();
    assert_eq!(c2.approved_by.map(|a| a.name), Some(d.boss.name.clone()));
    cover_end(
        &mut d.store,
        &as_user(&d.receptionists[me].clone(), "2026-12-10 11:00"),
        CoverEndInput {
            id: c.id,
            end_at: None,
        },
    )
    .unwrap();

    // The report counts both leaves apart from 代值 — compared with a count made here.
    let counted: (i64, i64) = d
        .store
        .read(|tx| {
            Ok(tx.query_row(
                "SELECT count(*) FILTER (WHERE kind = 'leave'), count(*) FILTER (WHERE kind = 'desk') FROM duty_covers",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    assert_eq!(counted, (2, 0));
    let rep = d.month_report("2026-12", "2026-12-20 09:00");
    assert_eq!(
        (rep.duty.leave_covers, rep.duty.covers),
        (counted.0, counted.1)
    );
}
