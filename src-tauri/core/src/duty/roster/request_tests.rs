//! Issue 9 bug 3 (R-DU-4): an approved swap or leave either changes the roster and lists what
//! changed, or is refused with the reason — for a draft and a published roster, with and
//! without a substitute. Before the fix, a leave approved on a draft roster said "已批准，值班表
//! 已按申请调整" while nothing changed (`changes: []`).

use super::*;
use crate::base::ctx::Actor;
use crate::duty::requests::{
    self, DecisionInput, DutyRequest, RequestInput, RequestKind, RequestStatus,
};
use crate::testkit::Desk;

const NOW: &str = "2026-11-20 10:00";
const DAY: &str = "2026-12-04";

fn leave(who: i64, day: &str) -> RequestInput {
    RequestInput {
        kind: RequestKind::Leave,
        staff_id: who,
        from_day: day.into(),
        to_day: Some(day.into()),
        other_staff_id: None,
        other_day: None,
        reason: "事假".into(),
    }
}

fn swap(who: i64, with: i64, day: &str) -> RequestInput {
    RequestInput {
        kind: RequestKind::Swap,
        staff_id: who,
        from_day: day.into(),
        to_day: None,
        other_staff_id: Some(with),
        other_day: None,
        reason: "家中有事".into(),
    }
}

/// The shift code each receptionist has on `day` in the roster as shown ("" = off).
fn cells(d: &mut Desk, day: &str) -> Vec<(String, String)> {
    let boss = d.as_boss(NOW);
    let view = get(&mut d.store, &boss, &day[..7]).unwrap();
    let i = view.days.iter().position(|h| h.date == day).unwrap();
    d.receptionists
        .iter()
        .map(|r| {
            let row = view.rows.iter().find(|x| x.staff.id == r.id).unwrap();
            (r.name.clone(), row.cells[i].clone())
        })
        .collect()
}

/// The receptionists working 白 on `day` and the one off, as the roster shows them.
fn day_and_off(d: &mut Desk, day: &str) -> (Vec<Actor>, Actor) {
    let shown = cells(d, day);
    // The one on 白 first, then the one who also keeps the noon duty (白+中).
    let mut working: Vec<Actor> = Vec::new();
    for code in ["白", "白+中"] {
        working.extend(
            d.receptionists
                .iter()
                .zip(&shown)
                .filter(|(_, c)| c.1 == code)
                .map(|(a, _)| a.clone()),
        );
    }
    let off = d
        .receptionists
        .iter()
        .zip(&shown)
        .find(|(_, c)| c.1.is_empty())
        .map(|(a, _)| a.clone())
        .expect("one receptionist off");
    (working, off)
}

fn approve(d: &mut Desk, q: &DutyRequest, substitute: Option<i64>) -> Result<DutyRequest> {
    let boss = d.as_boss(NOW);
    requests::approve(
        &mut d.store,
        &boss,
        DecisionInput {
            id: q.id,
            substitute_id: substitute,
            note: String::new(),
        },
    )
}

fn file(d: &mut Desk, input: RequestInput) -> DutyRequest {
    let boss = d.as_boss(NOW);
    requests::file(&mut d.store, &boss, input).unwrap()
}

/// The request as `request list` shows it afterwards.
fn listed(d: &mut Desk, id: i64) -> DutyRequest {
    let boss = d.as_boss(NOW);
    requests::list(&mut d.store, &boss, Default::default())
        .unwrap()
        .into_iter()
        .find(|q| q.id == id)
        .unwrap()
}

fn each_roster(mut check: impl FnMut(&mut Desk, &str)) {
    for state in ["draft", "published"] {
        let mut d = Desk::new();
        if state == "draft" {
            d.fill_full("2026-12", NOW);
        } else {
            d.publish_full("2026-12", NOW);
        }
        check(&mut d, state);
    }
}

#[test]
fn a_one_day_leave_without_a_substitute_takes_the_person_off_and_says_so() {
    each_roster(|d, state| {
        let (working, _) = day_and_off(d, DAY);
        let who = working[0].clone();
        let q = file(d, leave(who.id, DAY));
        let done = approve(d, &q, None).unwrap_or_else(|e| panic!("{state}: {e}"));
        assert_eq!(done.status, RequestStatus::Approved, "{state}");
        assert_eq!(
            done.changes,
            [format!("12月4日 {} 白班 → 休", who.name)],
            "{state}: the change is listed"
        );
        assert_eq!(
            listed(d, q.id).changes,
            done.changes,
            "{state}: request list shows it too"
        );
        let shown = cells(d, DAY);
        assert_eq!(
            shown.iter().find(|c| c.0 == who.name).unwrap().1,
            "",
            "{state}: the roster cell is off now"
        );
    });
}

#[test]
fn r_du_4_a_leave_with_a_substitute_moves_the_shift_to_the_substitute() {
    each_roster(|d, state| {
        let (working, off) = day_and_off(d, DAY);
        let who = working[0].clone();
        let q = file(d, leave(who.id, DAY));
        let done = approve(d, &q, Some(off.id)).unwrap_or_else(|e| panic!("{state}: {e}"));
        assert_eq!(
            done.changes,
            [
                format!("12月4日 {} 白班 → 休", who.name),
                format!("12月4日 {} → 白班", off.name),
            ],
            "{state}"
        );
        let shown = cells(d, DAY);
        assert_eq!(
            shown.iter().find(|c| c.0 == who.name).unwrap().1,
            "",
            "{state}"
        );
        assert_eq!(
            shown.iter().find(|c| c.0 == off.name).unwrap().1,
            "白",
            "{state}"
        );
        assert_eq!(
            listed(d, q.id).substitute.map(|s| s.id),
            Some(off.id),
            "{state}"
        );
    });
}

#[test]
fn a_swap_gives_the_shift_to_the_other_person() {
    each_roster(|d, state| {
        let (working, off) = day_and_off(d, DAY);
        let who = working[0].clone();
        let q = file(d, swap(who.id, off.id, DAY));
        let done = approve(d, &q, None).unwrap_or_else(|e| panic!("{state}: {e}"));
        assert_eq!(
            done.changes,
            [
                format!("12月4日 {} 白班 → 休", who.name),
                format!("12月4日 {} → 白班", off.name),
            ],
            "{state}"
        );
        let shown = cells(d, DAY);
        assert_eq!(
            shown.iter().find(|c| c.0 == who.name).unwrap().1,
            "",
            "{state}"
        );
        assert_eq!(
            shown.iter().find(|c| c.0 == off.name).unwrap().1,
            "白",
            "{state}"
        );
    });
}

#[test]
fn a_leave_on_a_day_without_a_shift_is_refused_with_the_reason() {
    each_roster(|d, state| {
        let (_, off) = day_and_off(d, DAY);
        let q = file(d, leave(off.id, DAY));
        let e = approve(d, &q, None).unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            ("conflict", Some("from_day")),
            "{state}"
        );
        assert!(
            e.to_string().contains("没有排班，批准不会改变值班表"),
            "{state}: {e}"
        );
        assert_eq!(listed(d, q.id).status, RequestStatus::Pending, "{state}");
        assert!(listed(d, q.id).changes.is_empty());
    });
}

#[test]
fn a_leave_in_a_month_with_no_roster_is_refused_with_the_reason() {
    let mut d = Desk::new();
    let who = d.receptionists[0].clone();
    let q = file(&mut d, leave(who.id, DAY));
    let e = approve(&mut d, &q, None).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("conflict", Some("from_day")));
    assert!(e.to_string().contains("2026年12月的值班表尚未建立"), "{e}");
    assert_eq!(listed(&mut d, q.id).status, RequestStatus::Pending);
}

#[test]
fn a_draft_approval_that_would_open_a_new_gap_is_refused_and_changes_nothing() {
    let mut d = Desk::new();
    d.fill_full("2026-12", NOW);
    let (working, _) = day_and_off(&mut d, DAY);
    // One receptionist on leave leaves the other; both on leave leave the day uncovered.
    let q1 = file(&mut d, leave(working[0].id, DAY));
    approve(&mut d, &q1, None).unwrap();
    let q2 = file(&mut d, leave(working[1].id, DAY));
    let before = cells(&mut d, DAY);
    let e = approve(&mut d, &q2, None).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("conflict", Some("gaps")), "{e}");
    assert!(e.to_string().contains("12月4日"), "{e}");
    assert_eq!(
        cells(&mut d, DAY),
        before,
        "a refused approval changes no cell"
    );
    assert_eq!(listed(&mut d, q2.id).status, RequestStatus::Pending);
}

/// A change approved on a draft is the draft's own: publishing keeps it, once, and the cell
/// the supervisor edits afterwards is theirs to edit.
#[test]
fn a_change_approved_on_a_draft_survives_publishing_and_later_edits() {
    let mut d = Desk::new();
    d.fill_full("2026-12", NOW);
    let (working, off) = day_and_off(&mut d, DAY);
    let who = working[0].clone();
    let q = file(&mut d, leave(who.id, DAY));
    approve(&mut d, &q, Some(off.id)).unwrap();
    let boss = d.as_boss(NOW);
    let view = get(&mut d.store, &boss, "2026-12").unwrap();
    let i = view.days.iter().position(|h| h.date == DAY).unwrap();
    let row = view.rows.iter().find(|r| r.staff.id == off.id).unwrap();
    assert_eq!(
        (row.cells[i].as_str(), row.changed[i]),
        ("白", true),
        "marked as changed by the request"
    );
    publish(&mut d.store, &boss, "2026-12").unwrap();
    let shown = cells(&mut d, DAY);
    assert_eq!(shown.iter().find(|c| c.0 == who.name).unwrap().1, "");
    assert_eq!(shown.iter().find(|c| c.0 == off.name).unwrap().1, "白");
}

/// R-DU-11: an approval that changes a published roster tells each person whose shifts moved,
/// with their own changes; they see it at their next login and its reading is kept. A draft is
/// still the supervisor's own working copy: changing it tells no one.
#[test]
fn r_du_11_changes_to_a_published_roster_are_announced_to_the_people_they_affect() {
    each_roster(|d, state| {
        let (working, _) = day_and_off(d, DAY);
        let who = working[0].clone();
        let sub = d.spare.clone();
        let q = file(d, leave(who.id, DAY));
        let done = approve(d, &q, Some(sub.id)).unwrap();
        let told: Vec<(&str, bool)> = done
            .announced_to
            .iter()
            .map(|a| (a.name.as_str(), a.seen_at.is_some()))
            .collect();
        let mine = |d: &mut Desk, a: &Actor| {
            notices::mine(
                &mut d.store,
                &crate::testkit::as_user(a, "2026-11-21 08:00"),
            )
            .unwrap()
        };
        if state == "draft" {
            assert!(told.is_empty(), "draft: {told:?}");
            assert!(mine(d, &who).is_empty());
            return;
        }
        assert_eq!(
            told,
            [(who.name.as_str(), false), (sub.name.as_str(), false)]
        );
        let theirs = mine(d, &who);
        assert_eq!(theirs.len(), 1);
        assert!(
            theirs[0].text.contains("12月4日 白班 → 休") && theirs[0].text.contains("经王主管批准"),
            "{}",
            theirs[0].text
        );
        let subs = mine(d, &sub);
        assert!(
            subs[0].text.contains("12月4日 休 → 白班"),
            "{}",
            subs[0].text
        );
        assert!(
            mine(d, &d.boss.clone()).is_empty(),
            "the approver knows already"
        );
        // Someone else cannot mark them read; the person themselves can, and it is kept.
        let other = crate::testkit::as_user(&sub, "2026-11-21 08:00");
        notices::seen(
            &mut d.store,
            &other,
            notices::NoticesSeenInput {
                ids: vec![theirs[0].id],
            },
        )
        .unwrap();
        assert_eq!(mine(d, &who).len(), 1);
        let own = crate::testkit::as_user(&who, "2026-11-21 08:05");
        assert!(notices::seen(
            &mut d.store,
            &own,
            notices::NoticesSeenInput {
                ids: vec![theirs[0].id]
            }
        )
        .unwrap()
        .is_empty());
        let later = listed(d, q.id).announced_to;
        assert_eq!(later[0].seen_at.as_deref(), Some("2026-11-21 08:05:00"));
        assert_eq!(later[1].seen_at, None);
    });
}
