//! R-DU-10 on a fixed clock: a special day needs a supervisor or manager on duty; without one the
//! month's check names it, publishing is refused, and a later approval that would take the
//! leader away is refused too. The printed roster marks the day and names its responsible person.

use super::special_days::{self, SpecialDayInput};
use super::*;
use crate::duty::requests::{self, DecisionInput, RequestInput, RequestKind};
use crate::testkit::{as_user, Desk};

const NOW: &str = "2026-11-20 09:00";

#[test]
fn r_du_10_a_special_day_needs_a_supervisor_or_manager_on_duty_before_publishing() {
    let mut d = Desk::new();
    d.fill_full("2026-12", NOW);
    let boss = d.as_boss(NOW);
    // Only leaders mark days; a past day, a bad date and an over-long reason are refused.
    let desk = as_user(&d.receptionists[0].clone(), NOW);
    let mark = |date: &str, reason: &str| SpecialDayInput {
        date: date.into(),
        reason: reason.into(),
    };
    let e = special_days::set(&mut d.store, &desk, mark("2026-12-31", "元旦前夜")).unwrap_err();
    assert_eq!(e.kind(), "forbidden");
    for (bad, field) in [
        (mark("2026-11-19", "台风预警"), "date"),
        (mark("12月31日", "元旦前夜"), "date"),
        (mark("2026-12-31", &"长".repeat(61)), "reason"),
    ] {
        let e = special_days::set(&mut d.store, &boss, bad).unwrap_err();
        assert_eq!(e.to_view().field.as_deref(), Some(field));
    }
    let v = special_days::set(&mut d.store, &boss, mark("2026-12-31", "元旦前夜")).unwrap();
    assert_eq!(v.days[30].special.as_deref(), Some("元旦前夜"));
    assert!(v.days.iter().take(30).all(|h| h.special.is_none()));
    let p: Vec<&check::Problem> = v
        .validation
        .problems
        .iter()
        .filter(|p| p.kind == check::ProblemKind::Responsible)
        .collect();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].date, "2026-12-31");
    assert!(
        p[0].message.contains("12月31日（元旦前夜）"),
        "{}",
        p[0].message
    );
    let e = publish(&mut d.store, &boss, "2026-12").unwrap_err();
    assert!(e.to_string().contains("须有主管或经理值班"), "{e}");

    // The supervisor puts themselves on the day shift of the 31st: it publishes.
    set_cells(
        &mut d.store,
        &boss,
        CellsInput {
            month: "2026-12".into(),
            cells: vec![CellInput {
                staff_id: d.boss.id,
                date: "2026-12-31".into(),
                code: "白".into(),
            }],
        },
    )
    .unwrap();
    let published = publish(&mut d.store, &boss, "2026-12").unwrap();
    assert!(published.roster.validation.ok);
    let sheet = crate::paper::print::forms::roster::from_view(&published.roster, 15);
    assert_eq!(
        sheet.special_days,
        vec![format!("12月31日 元旦前夜：值班负责人 {}", d.boss.name)]
    );

    // The supervisor's own leave that day would leave it without a leader: the manager's
    // approval is refused, naming the day.
    let req = requests::file(
        &mut d.store,
        &boss,
        RequestInput {
            kind: RequestKind::Leave,
            staff_id: d.boss.id,
            from_day: "2026-12-31".into(),
            to_day: None,
            other_staff_id: None,
            other_day: None,
            reason: "家中有事".into(),
        },
    )
    .unwrap();
    let e = requests::approve(
        &mut d.store,
        &as_user(&d.manager, NOW),
        DecisionInput {
            id: req.id,
            substitute_id: None,
            note: String::new(),
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("须有主管或经理值班"), "{e}");

    // Taking the mark off clears the need.
    let v = special_days::set(&mut d.store, &boss, mark("2026-12-31", "")).unwrap();
    assert!(v.days[30].special.is_none());
}
