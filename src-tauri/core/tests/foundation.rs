//! The foundation (issue 2 §4, §6, §9) on a fixed clock: the first-run wizard, logging in, the
//! growing delay after wrong passwords, the lock after five, roles, and bad input that must be
//! refused with the right kind and field while leaving the database exactly as it was.

use chrono::Duration;
use frontdesk_core::base::role::Role;
use frontdesk_core::setup::accounts::{self};
use frontdesk_core::setup::first_run::{self, FirstRun};
use frontdesk_core::setup::office::Office;
use frontdesk_core::{Ctx, Error, Store};
mod common;

#[allow(unused_imports)]
use common::foundation::*;

#[test]
fn the_wizard_runs_once_and_its_supervisor_can_log_in() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(!first_run::status(&mut store).unwrap().initialized);
    let boss = first_run::init(&mut store, t0(), wizard()).unwrap();
    assert_eq!(
        (boss.login.as_str(), boss.name.as_str(), boss.role),
        ("chen", "陈主管", Role::Supervisor)
    );
    let status = first_run::status(&mut store).unwrap();
    assert!(status.initialized);
    assert_eq!(status.office.unwrap().estate_name, "阳光花园");

    let before = snapshot(&store);
    let e = first_run::init(
        &mut store,
        t0(),
        FirstRun {
            login: "other".into(),
            ..wizard()
        },
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.field()), ("conflict", Some("office")));
    assert_eq!(snapshot(&store), before, "a second wizard changes nothing");

    let me = accounts::login(&mut store, t0(), "CHEN", "secret123").unwrap();
    assert_eq!(me, boss);
    let logged: String = store
        .conn()
        .query_row(
            "SELECT actor_name FROM audit_log WHERE action = '登录' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, "陈主管");
}

#[test]
fn the_wizard_refuses_bad_input_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let before = snapshot(&store);
    let cases: Vec<(FirstRun, &str)> = vec![
        (
            FirstRun {
                office: Office {
                    company_name: " ".into(),
                    ..office()
                },
                ..wizard()
            },
            "company_name",
        ),
        (
            FirstRun {
                office: Office {
                    estate_name: "花".repeat(61),
                    ..office()
                },
                ..wizard()
            },
            "estate_name",
        ),
        (
            FirstRun {
                supervisor_name: String::new(),
                ..wizard()
            },
            "supervisor_name",
        ),
        (
            FirstRun {
                supervisor_phone: "12345".into(),
                ..wizard()
            },
            "supervisor_phone",
        ),
        (
            FirstRun {
                login: "陈".into(),
                ..wizard()
            },
            "login",
        ),
        (
            FirstRun {
                password: "123".into(),
                ..wizard()
            },
            "password",
        ),
    ];
    for (input, field) in cases {
        let e = first_run::init(&mut store, t0(), input).unwrap_err();
        assert_eq!((e.kind(), e.field()), ("invalid", Some(field)));
    }
    assert_eq!(snapshot(&store), before);
    assert!(!first_run::status(&mut store).unwrap().initialized);
}

/// Issue 13: the wizard says every mistake at once, each under its field — not one per try.
#[test]
fn first_run_names_every_wrong_field_at_once() {
    let mut store = Store::open_in_memory().unwrap();
    let input = FirstRun {
        office: Office {
            company_name: String::new(),
            desk_phone: "1380013".into(),
            ..wizard().office
        },
        supervisor_phone: "1380013".into(),
        login: "陈".into(),
        password: "123".into(),
        ..wizard()
    };
    let e = first_run::init(&mut store, t0(), input).unwrap_err();
    assert_eq!(e.kind(), "invalid");
    let view = e.to_view();
    let fields: Vec<&str> = view.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "company_name",
            "desk_phone",
            "supervisor_phone",
            "login",
            "password"
        ]
    );
    assert!(view.fields.iter().all(|f| !f.message.is_empty()));
    assert_eq!(
        view.field.as_deref(),
        Some("company_name"),
        "the first is also the error's own field"
    );
    assert_eq!(view.message, view.fields[0].message);
    assert!(!first_run::status(&mut store).unwrap().initialized);
    // One mistake is an ordinary field error.
    let e = first_run::init(
        &mut store,
        t0(),
        FirstRun {
            login: "陈".into(),
            ..wizard()
        },
    )
    .unwrap_err();
    assert_eq!(
        (e.kind(), e.field(), e.to_view().fields.len()),
        ("invalid", Some("login"), 0)
    );
}

#[test]
fn a_wrong_password_delays_the_next_try_longer_each_time() {
    let mut d = desk();
    let s = &mut d.store;
    let wrong = accounts::login(s, t0(), "li", "nope").unwrap_err();
    assert_eq!(wrong.kind(), "wrong_password");
    // 1 second after the first failure: refused at once, even with the right password.
    let e = accounts::login(s, t0(), "li", frontdesk_core::testkit::PASSWORD).unwrap_err();
    assert_eq!(e.kind(), "throttled");
    assert!(matches!(e, Error::Throttled { seconds: 1, .. }), "{e:?}");
    // After the delay a try is allowed again (wrong again: now 2 seconds).
    let t1 = t0() + Duration::seconds(1);
    assert_eq!(
        accounts::login(s, t1, "li", "nope").unwrap_err().kind(),
        "wrong_password"
    );
    let e = accounts::login(
        s,
        t1 + Duration::seconds(1),
        "li",
        frontdesk_core::testkit::PASSWORD,
    )
    .unwrap_err();
    assert!(matches!(e, Error::Throttled { seconds: 1, .. }), "{e:?}");
    let e = accounts::login(s, t1, "li", frontdesk_core::testkit::PASSWORD).unwrap_err();
    assert!(
        matches!(e, Error::Throttled { seconds: 2, .. }),
        "the delay grew: {e:?}"
    );
    // Once the delay has passed the right password works and the count starts again.
    let t2 = t1 + Duration::seconds(2);
    assert_eq!(
        accounts::login(s, t2, "li", frontdesk_core::testkit::PASSWORD)
            .unwrap()
            .login,
        "li"
    );
    assert_eq!(
        accounts::login(s, t2, "li", "nope").unwrap_err().kind(),
        "wrong_password"
    );
    let e = accounts::login(s, t2, "li", frontdesk_core::testkit::PASSWORD).unwrap_err();
    assert!(
        matches!(e, Error::Throttled { seconds: 1, .. }),
        "reset after a success: {e:?}"
    );
    assert_eq!(accounts::delay_after(1), 1);
    assert!(accounts::delay_after(4) > accounts::delay_after(3));
}

#[test]
fn five_wrong_passwords_lock_the_account_until_a_supervisor_unlocks_it() {
    let mut d = desk();
    let mut now = t0();
    for i in 1..=5 {
        now += Duration::minutes(10);
        let e = accounts::login(&mut d.store, now, "li", "nope").unwrap_err();
        let want = if i < 5 {
            "wrong_password"
        } else {
            "account_locked"
        };
        assert_eq!(e.kind(), want, "attempt {i}");
    }
    now += Duration::hours(1);
    assert_eq!(
        accounts::login(&mut d.store, now, "li", frontdesk_core::testkit::PASSWORD)
            .unwrap_err()
            .kind(),
        "account_locked"
    );
    let lin_id = d.receptionists[0].id;
    // The receptionist cannot unlock anyone.
    let clerk = d.ctx(&d.receptionists[0]);
    assert_eq!(
        accounts::unlock(&mut d.store, &clerk, lin_id)
            .unwrap_err()
            .kind(),
        "forbidden"
    );
    let boss = Ctx::as_user(now, d.boss.clone());
    let lin = accounts::unlock(&mut d.store, &boss, lin_id).unwrap();
    assert!(!lin.locked);
    assert_eq!(
        accounts::login(&mut d.store, now, "li", frontdesk_core::testkit::PASSWORD)
            .unwrap()
            .name,
        "李小梅"
    );
}

#[test]
fn an_unknown_login_is_just_a_wrong_password() {
    let mut d = desk();
    let e = accounts::login(&mut d.store, t0(), "nobody", "whatever").unwrap_err();
    assert_eq!(e.kind(), "wrong_password");
}
