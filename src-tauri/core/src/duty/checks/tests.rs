//! R-DU-9, R-DU-12 and R-RP-2 on a fixed clock: checks recorded by leaders only, a finding
//! about someone names them, and the month's report counts inspections, early leave and absence
//! per person beside each person's residents' satisfaction — compared with a count made here.

use super::*;
use crate::paper::reports::compute::compute;
use crate::paper::reports::period::{Period, PeriodKind};
use crate::testkit::{as_user, at, records, Desk};

fn check(
    kind: CheckKind,
    when: &str,
    person: Option<i64>,
    finding: Finding,
    note: &str,
) -> DutyCheckInput {
    DutyCheckInput {
        kind,
        checked_at: when.into(),
        post: "客服前台".into(),
        person_id: person,
        finding,
        note: note.into(),
    }
}

#[test]
fn r_du_9_visits_and_night_checks_are_recorded_by_leaders_with_what_was_found() {
    let mut d = Desk::new();
    let desk = d.receptionists[0].clone();
    let e = record(
        &mut d.store,
        &as_user(&desk, "2026-12-10 23:00"),
        check(CheckKind::NightCheck, "", None, Finding::Ok, ""),
    )
    .unwrap_err();
    assert_eq!(e.kind(), "forbidden");
    let boss = d.as_boss("2026-12-11 02:10");
    let ok = record(
        &mut d.store,
        &boss,
        check(
            CheckKind::NightCheck,
            "2026-12-11 02:00",
            None,
            Finding::Ok,
            "前台在岗，记录完整",
        ),
    )
    .unwrap();
    assert_eq!(
        (ok.checker.as_str(), ok.checked_at.as_str()),
        (d.boss.name.as_str(), "2026-12-11 02:00:00")
    );
    // A finding about someone must say who; one in the future is refused.
    let e = record(
        &mut d.store,
        &boss,
        check(CheckKind::NightCheck, "", None, Finding::Absent, ""),
    )
    .unwrap_err();
    assert_eq!(e.to_view().field.as_deref(), Some("person_id"));
    let e = record(
        &mut d.store,
        &boss,
        check(CheckKind::Visit, "2026-12-11 09:00", None, Finding::Ok, ""),
    )
    .unwrap_err();
    assert_eq!(e.to_view().field.as_deref(), Some("checked_at"));
    let manager = as_user(&d.manager, "2026-12-11 10:00");
    record(
        &mut d.store,
        &manager,
        check(CheckKind::Visit, "", None, Finding::Ok, "仪容仪表规范"),
    )
    .unwrap();
    let month = list(
        &mut d.store,
        &manager,
        DutyCheckQuery {
            month: "2026-12".into(),
        },
    )
    .unwrap();
    assert_eq!(
        month
            .iter()
            .map(|c| (c.kind, c.finding))
            .collect::<Vec<_>>(),
        [
            (CheckKind::Visit, Finding::Ok),
            (CheckKind::NightCheck, Finding::Ok)
        ],
        "newest first"
    );
    assert_eq!(
        list(
            &mut d.store,
            &as_user(&desk, "2026-12-11 10:00"),
            DutyCheckQuery {
                month: "2026-12".into()
            }
        )
        .unwrap_err()
        .kind(),
        "forbidden"
    );
}

/// A December with checks about two people and three rated visits on a technician's slips; the
/// month's report, and the checks recorded (for the test's own count).
fn december() -> (
    Desk,
    crate::paper::reports::Report,
    Vec<(CheckKind, &'static str, Option<i64>, Finding, &'static str)>,
) {
    let mut d = Desk::new();
    let (a, b) = (d.receptionists[0].clone(), d.security.clone());
    let tech = d.technicians[0].clone();
    let boss = d.as_boss("2026-12-20 09:00");
    let rows = vec![
        (
            CheckKind::NightCheck,
            "2026-12-03 01:30",
            Some(b.id),
            Finding::Absent,
            "北门岗无人",
        ),
        (
            CheckKind::Discipline,
            "2026-12-05 17:00",
            Some(a.id),
            Finding::EarlyLeave,
            "未交接提前离岗",
        ),
        (
            CheckKind::NightCheck,
            "2026-12-09 02:00",
            Some(b.id),
            Finding::Absent,
            "睡岗",
        ),
        (CheckKind::Visit, "2026-12-12 10:00", None, Finding::Ok, ""),
        (
            CheckKind::NightCheck,
            "2026-11-28 02:00",
            Some(b.id),
            Finding::Absent,
            "上月的不计入",
        ),
    ];
    for &(kind, t, who, f, note) in &rows {
        record(&mut d.store, &boss, check(kind, t, who, f, note)).unwrap();
    }
    // The technician's slips: three answered visits in December, two satisfied; one unanswered.
    for (i, sat) in [(1, "satisfied"), (2, "satisfied"), (3, "unsatisfied")] {
        let e = records::intake(
            &d.store,
            &format!("2026-12-0{i} 09:00:00"),
            1,
            "call",
            "repair",
            "水龙头漏水",
            false,
        );
        let s = records::slip(
            &d.store,
            &format!("PG-202612-000{i}"),
            Some(e),
            at(&format!("2026-12-0{i} 09:05")),
            "给排水",
            Some(3),
        );
        d.store
            .write(|tx| {
                tx.execute("UPDATE dispatch_slips SET assignee_id = ?1 WHERE id = ?2", rusqlite::params![tech.id, s])?;
                tx.execute(
                    "INSERT INTO return_visits (slip_id, at, by_id, method, answered, satisfaction) VALUES (?1, ?2, ?3, 'phone', 1, ?4)",
                    rusqlite::params![s, format!("2026-12-1{i} 10:00:00"), a.id, sat],
                )?;
                Ok(())
            })
            .unwrap();
    }
    let report = d
        .store
        .read(|tx| {
            compute(
                tx,
                &Period::parse(PeriodKind::Month, "2026-12", at("2026-12-20 09:00").date())
                    .unwrap(),
                "测试",
                at("2026-12-20 09:00"),
            )
        })
        .unwrap();
    (d, report, rows)
}

#[test]
fn r_du_12_early_leave_and_absence_are_counted_per_person_and_for_the_month() {
    let (d, report, rows) = december();
    let (a, b) = (d.receptionists[0].clone(), d.security.clone());
    // The independent count: what the list of checks above says, month by month.
    let (absences, early) = (
        rows.iter()
            .filter(|r| r.3 == Finding::Absent && r.1.starts_with("2026-12"))
            .count(),
        1,
    );
    assert_eq!(
        (
            report.duty.absences,
            report.duty.early_leaves,
            report.duty.inspections
        ),
        (absences as i64, early, 3)
    );
    let person = |name: &str| {
        report
            .workload
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (person(&b.name).absent, person(&b.name).early_leave),
        (2, 0)
    );
    assert_eq!(
        (person(&a.name).absent, person(&a.name).early_leave),
        (0, 1)
    );
}

#[test]
fn r_rp_2_each_persons_assessment_shows_discipline_and_residents_satisfaction() {
    let (d, report, _) = december();
    let person = |name: &str| {
        report
            .workload
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .clone()
    };
    let (b, tech) = (d.security.clone(), d.technicians[0].clone());
    assert_eq!((person(&b.name).late, person(&b.name).absent), (0, 2));
    let t = person(&tech.name);
    assert_eq!((t.visits_rated, t.visits_satisfied), (3, 2));
    assert_eq!(t.satisfaction, "66.7%（2/3）");
    assert_eq!(person(&b.name).satisfaction, "—");
}
