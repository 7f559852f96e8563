//! R-DU-3: at month end the supervisor draws up next month's roster, and staff work by it — by the
//! published roster only: a draft puts no one on duty.

use super::*;
use crate::duty::on_duty::on_duty;
use crate::testkit::{as_user, Desk};

#[test]
fn r_du_3_the_supervisor_draws_up_next_months_roster_and_duty_follows_it_once_published() {
    let mut d = Desk::at("2026-11-25 10:00");
    // Only a supervisor (or manager) draws it up.
    let desk = as_user(&d.receptionists[0].clone(), "2026-11-25 10:00");
    assert_eq!(
        create(&mut d.store, &desk, "2026-12").unwrap_err().kind(),
        "forbidden"
    );

    // The draft: filled, but not yet what anyone works by.
    d.fill_full("2026-12", "2026-11-25 10:00");
    let boss = d.as_boss("2026-11-25 10:00");
    let on = |d: &mut Desk, at: &str| -> Vec<String> {
        let mut v: Vec<String> = on_duty(&mut d.store, &boss, Some(at.into()))
            .unwrap()
            .people
            .iter()
            .map(|p| format!("{}:{}", p.staff.name, p.shift_code))
            .collect();
        v.sort();
        v
    };
    assert!(
        on(&mut d, "2026-12-03 10:00").is_empty(),
        "a draft puts no one on duty"
    );
    assert_eq!(
        publish(&mut d.store, &desk, "2026-12").unwrap_err().kind(),
        "forbidden"
    );

    // Published: the day's people are the rotation's (白+中, 白, 休 for the desk; 夜, 休, 休 for
    // the technicians), checked against the rotation written in the test kit.
    publish(&mut d.store, &boss, "2026-12").unwrap();
    let view = get(&mut d.store, &boss, "2026-12").unwrap();
    let day = 3usize; // 12月3日: the third day of the pattern
    let want: Vec<String> = {
        let mut v: Vec<String> = d
            .receptionists
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                // fill_rotation: person k on day index i works pattern[(i + k) % 3].
                let code = ["白+中", "白", "休"][(day - 1 + i) % 3];
                (code != "休").then(|| a.name.clone())
            })
            .collect();
        v.sort();
        v
    };
    let at_ten: Vec<String> = on(&mut d, "2026-12-03 10:00")
        .into_iter()
        .filter(|p| !p.ends_with(":夜"))
        .map(|p| p.split(':').next().unwrap().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(!view.rows.is_empty());
    assert_eq!(
        at_ten, want,
        "on duty at 10:00 on 12月3日 is whom the roster says"
    );
}
