//! The foundation (issue 2 §4, §6, §9) on a fixed clock: the first-run wizard, logging in, the
//! growing delay after wrong passwords, the lock after five, roles, and bad input that must be
//! refused with the right kind and field while leaving the database exactly as it was.

use chrono::{Duration, NaiveDateTime};
use frontdesk_core::base::role::Role;
use frontdesk_core::setup::accounts::{self, NewLogin};
use frontdesk_core::setup::categories::{self, CategoryInput};
use frontdesk_core::setup::departments::{self, DepartmentInput};
use frontdesk_core::setup::first_run::{self, FirstRun};
use frontdesk_core::setup::import::{self, ImportFile, ImportKind};
use frontdesk_core::setup::office::{self, Office};
use frontdesk_core::setup::residents::{self, ResidentInput, ResidentKind};
use frontdesk_core::setup::rooms::{self, BuildingInput, RoomInput};
use frontdesk_core::setup::staff::{self, StaffInput};
use frontdesk_core::{Ctx, Error, Store};

fn t0() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-20 09:00:00", "%Y-%m-%d %H:%M:%S").unwrap()
}

fn office() -> Office {
    Office {
        company_name: "阳光物业服务有限公司".into(),
        estate_name: "阳光花园".into(),
        desk_phone: "0755-12345678".into(),
        doc_prefix: "KF".into(),
        doc_version: "A/0".into(),
        idle_lock_minutes: 10,
    }
}

fn wizard() -> FirstRun {
    FirstRun {
        office: office(),
        supervisor_name: "陈主管".into(),
        supervisor_phone: "13800000001".into(),
        login: "chen".into(),
        password: "secret123".into(),
    }
}

/// Row counts of every table in the database, the audit log included.
fn snapshot(store: &Store) -> Vec<(String, i64)> {
    let tables: Vec<String> = store
        .conn()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(tables.iter().any(|t| t == "audit_log"));
    tables
        .into_iter()
        .map(|t| {
            let n = store
                .conn()
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

/// The office set up, the supervisor logged in, and a receptionist with a login.
struct Desk {
    store: Store,
    boss: Ctx,
    clerk: Ctx,
}

fn desk() -> Desk {
    let mut store = Store::open_in_memory().unwrap();
    let boss = Ctx::as_user(t0(), first_run::init(&mut store, t0(), wizard()).unwrap());
    let lin = staff::add(
        &mut store,
        &boss,
        StaffInput {
            name: "林前台".into(),
            role: Role::Receptionist,
            department: "客服部".into(),
            phone: String::new(),
            active: true,
        },
    )
    .unwrap();
    accounts::set_login(
        &mut store,
        &boss,
        NewLogin {
            staff_id: lin.id,
            login: "lin".into(),
            password: "lin123456".into(),
        },
    )
    .unwrap();
    let clerk = Ctx::as_user(
        t0(),
        accounts::login(&mut store, t0(), "lin", "lin123456").unwrap(),
    );
    Desk { store, boss, clerk }
}

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

#[test]
fn a_wrong_password_delays_the_next_try_longer_each_time() {
    let mut d = desk();
    let s = &mut d.store;
    let wrong = accounts::login(s, t0(), "lin", "nope").unwrap_err();
    assert_eq!(wrong.kind(), "wrong_password");
    // 1 second after the first failure: refused at once, even with the right password.
    let e = accounts::login(s, t0(), "lin", "lin123456").unwrap_err();
    assert_eq!(e.kind(), "throttled");
    assert!(matches!(e, Error::Throttled { seconds: 1, .. }), "{e:?}");
    // After the delay a try is allowed again (wrong again: now 2 seconds).
    let t1 = t0() + Duration::seconds(1);
    assert_eq!(
        accounts::login(s, t1, "lin", "nope").unwrap_err().kind(),
        "wrong_password"
    );
    let e = accounts::login(s, t1 + Duration::seconds(1), "lin", "lin123456").unwrap_err();
    assert!(matches!(e, Error::Throttled { seconds: 1, .. }), "{e:?}");
    let e = accounts::login(s, t1, "lin", "lin123456").unwrap_err();
    assert!(
        matches!(e, Error::Throttled { seconds: 2, .. }),
        "the delay grew: {e:?}"
    );
    // Once the delay has passed the right password works and the count starts again.
    let t2 = t1 + Duration::seconds(2);
    assert_eq!(
        accounts::login(s, t2, "lin", "lin123456").unwrap().login,
        "lin"
    );
    assert_eq!(
        accounts::login(s, t2, "lin", "nope").unwrap_err().kind(),
        "wrong_password"
    );
    let e = accounts::login(s, t2, "lin", "lin123456").unwrap_err();
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
        let e = accounts::login(&mut d.store, now, "lin", "nope").unwrap_err();
        let want = if i < 5 {
            "wrong_password"
        } else {
            "account_locked"
        };
        assert_eq!(e.kind(), want, "attempt {i}");
    }
    now += Duration::hours(1);
    assert_eq!(
        accounts::login(&mut d.store, now, "lin", "lin123456")
            .unwrap_err()
            .kind(),
        "account_locked"
    );
    let lin_id = d.clerk.actor.as_ref().unwrap().id;
    // The receptionist cannot unlock anyone.
    assert_eq!(
        accounts::unlock(&mut d.store, &d.clerk, lin_id)
            .unwrap_err()
            .kind(),
        "forbidden"
    );
    let boss = Ctx::as_user(now, d.boss.actor.clone().unwrap());
    let lin = accounts::unlock(&mut d.store, &boss, lin_id).unwrap();
    assert!(!lin.locked);
    assert_eq!(
        accounts::login(&mut d.store, now, "lin", "lin123456")
            .unwrap()
            .name,
        "林前台"
    );
}

#[test]
fn an_unknown_login_is_just_a_wrong_password() {
    let mut d = desk();
    let e = accounts::login(&mut d.store, t0(), "nobody", "whatever").unwrap_err();
    assert_eq!(e.kind(), "wrong_password");
}

#[test]
fn a_receptionist_may_not_edit_the_setup() {
    let mut d = desk();
    let before = snapshot(&d.store);
    let c = &d.clerk;
    let s = &mut d.store;
    let refusals = [
        office::update(s, c, office()).unwrap_err(),
        departments::add(
            s,
            c,
            DepartmentInput {
                name: "财务部".into(),
                active: true,
            },
        )
        .unwrap_err(),
        staff::add(
            s,
            c,
            StaffInput {
                name: "新人".into(),
                role: Role::Technician,
                department: "工程部".into(),
                phone: String::new(),
                active: true,
            },
        )
        .unwrap_err(),
        rooms::add_building(
            s,
            c,
            BuildingInput {
                name: "9".into(),
                note: String::new(),
            },
        )
        .unwrap_err(),
        rooms::add_room(
            s,
            c,
            RoomInput {
                building: "9".into(),
                unit: "1".into(),
                number: "101".into(),
                area_m2: None,
                note: String::new(),
            },
        )
        .unwrap_err(),
        residents::add(
            s,
            c,
            ResidentInput {
                room: "9-1-101".into(),
                kind: ResidentKind::Owner,
                name: "张三".into(),
                phones: vec![],
                note: String::new(),
                active: true,
            },
        )
        .unwrap_err(),
        categories::add(
            s,
            c,
            CategoryInput {
                name: "快递".into(),
                department: "客服部".into(),
                time_limit_hours: 24,
                is_repair: false,
                active: true,
                sort: 20,
            },
        )
        .unwrap_err(),
        accounts::set_login(
            s,
            c,
            NewLogin {
                staff_id: 1,
                login: "boss2".into(),
                password: "secret123".into(),
            },
        )
        .unwrap_err(),
        import::run(
            s,
            c,
            ImportFile {
                kind: ImportKind::Rooms,
                file_name: "a.csv".into(),
                bytes: b"\xe6\xa5\xbc\xe6\xa0\x8b,\xe6\x88\xbf\xe5\x8f\xb7\n9,101\n".to_vec(),
            },
            false,
        )
        .unwrap_err(),
    ];
    for e in refusals {
        assert_eq!(e.kind(), "forbidden", "{e}");
        assert!(
            e.to_string().contains("林前台"),
            "the refusal names who was refused: {e}"
        );
    }
    assert_eq!(snapshot(&d.store), before);
}

#[test]
fn nobody_logged_in_may_do_anything() {
    let mut d = desk();
    let nobody = Ctx::new(t0(), None);
    let e = rooms::add_building(
        &mut d.store,
        &nobody,
        BuildingInput {
            name: "9".into(),
            note: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "not_logged_in");
}

/// Each bad input is refused with the kind and the form field the UI needs, and the database
/// (every table, the audit log included) is exactly as it was.
#[test]
fn bad_input_is_refused_naming_the_field_and_changes_nothing() {
    let mut d = desk();
    let b = d.boss.clone();
    rooms::add_building(
        &mut d.store,
        &b,
        BuildingInput {
            name: "3".into(),
            note: String::new(),
        },
    )
    .unwrap();
    rooms::add_room(
        &mut d.store,
        &b,
        RoomInput {
            building: "3".into(),
            unit: "2".into(),
            number: "1201".into(),
            area_m2: None,
            note: String::new(),
        },
    )
    .unwrap();
    let before = snapshot(&d.store);
    let s = &mut d.store;
    let staff_in = |name: &str, department: &str, phone: &str| StaffInput {
        name: name.into(),
        role: Role::Technician,
        department: department.into(),
        phone: phone.into(),
        active: true,
    };
    let resident_in = |room: &str, name: &str, phones: &[&str], note: &str| ResidentInput {
        room: room.into(),
        kind: ResidentKind::Owner,
        name: name.into(),
        phones: phones.iter().map(|p| p.to_string()).collect(),
        note: note.into(),
        active: true,
    };
    let cases: Vec<(&str, Error, &str, &str)> = vec![
        (
            "empty staff name",
            staff::add(s, &b, staff_in("  ", "工程部", "")).unwrap_err(),
            "invalid",
            "name",
        ),
        (
            "overlong staff name",
            staff::add(s, &b, staff_in(&"王".repeat(31), "工程部", "")).unwrap_err(),
            "invalid",
            "name",
        ),
        (
            "malformed staff phone",
            staff::add(s, &b, staff_in("王师傅", "工程部", "12345")).unwrap_err(),
            "invalid",
            "phone",
        ),
        (
            "unknown department",
            staff::add(s, &b, staff_in("王师傅", "财务部", "")).unwrap_err(),
            "not_found",
            "department",
        ),
        (
            "empty department",
            staff::add(s, &b, staff_in("王师傅", "", "")).unwrap_err(),
            "invalid",
            "department",
        ),
        (
            "empty building",
            rooms::add_building(
                s,
                &b,
                BuildingInput {
                    name: "".into(),
                    note: String::new(),
                },
            )
            .unwrap_err(),
            "invalid",
            "name",
        ),
        (
            "overlong building note",
            rooms::add_building(
                s,
                &b,
                BuildingInput {
                    name: "4".into(),
                    note: "注".repeat(101),
                },
            )
            .unwrap_err(),
            "invalid",
            "note",
        ),
        (
            "empty room number",
            rooms::add_room(
                s,
                &b,
                RoomInput {
                    building: "3".into(),
                    unit: "2".into(),
                    number: " ".into(),
                    area_m2: None,
                    note: String::new(),
                },
            )
            .unwrap_err(),
            "invalid",
            "number",
        ),
        (
            "room in an unknown building",
            rooms::add_room(
                s,
                &b,
                RoomInput {
                    building: "8".into(),
                    unit: "1".into(),
                    number: "101".into(),
                    area_m2: None,
                    note: String::new(),
                },
            )
            .unwrap_err(),
            "not_found",
            "building",
        ),
        (
            "unknown room",
            residents::add(s, &b, resident_in("9-9-999", "张三", &[], "")).unwrap_err(),
            "not_found",
            "room",
        ),
        (
            "unreadable room",
            residents::add(s, &b, resident_in("楼上那家", "张三", &[], "")).unwrap_err(),
            "invalid",
            "room",
        ),
        (
            "empty resident name",
            residents::add(s, &b, resident_in("3-2-1201", "", &[], "")).unwrap_err(),
            "invalid",
            "name",
        ),
        (
            "malformed resident phone",
            residents::add(s, &b, resident_in("3-2-1201", "张三", &["138123"], "")).unwrap_err(),
            "invalid",
            "phones",
        ),
        (
            "overlong resident note",
            residents::add(
                s,
                &b,
                resident_in("3-2-1201", "张三", &[], &"注".repeat(201)),
            )
            .unwrap_err(),
            "invalid",
            "note",
        ),
        (
            "overlong company name",
            office::update(
                s,
                &b,
                Office {
                    company_name: "公".repeat(61),
                    ..office()
                },
            )
            .unwrap_err(),
            "invalid",
            "company_name",
        ),
        (
            "malformed desk phone",
            office::update(
                s,
                &b,
                Office {
                    desk_phone: "电话".into(),
                    ..office()
                },
            )
            .unwrap_err(),
            "invalid",
            "desk_phone",
        ),
        (
            "category for an unknown department",
            categories::add(
                s,
                &b,
                CategoryInput {
                    name: "快递".into(),
                    department: "财务部".into(),
                    time_limit_hours: 24,
                    is_repair: false,
                    active: true,
                    sort: 20,
                },
            )
            .unwrap_err(),
            "not_found",
            "department",
        ),
        (
            "duplicate room",
            rooms::add_room(
                s,
                &b,
                RoomInput {
                    building: "3".into(),
                    unit: "2".into(),
                    number: "1201".into(),
                    area_m2: None,
                    note: String::new(),
                },
            )
            .unwrap_err(),
            "conflict",
            "number",
        ),
    ];
    for (what, e, kind, field) in cases {
        assert_eq!((e.kind(), e.field()), (kind, Some(field)), "{what}: {e}");
        assert!(
            !e.to_string().is_ascii(),
            "{what}: the message is Chinese: {e}"
        );
    }
    // A file that is not a spreadsheet gets its own kind.
    let e = import::run(
        s,
        &b,
        ImportFile {
            kind: ImportKind::Rooms,
            file_name: "a.pdf".into(),
            bytes: b"%PDF-1.4".to_vec(),
        },
        true,
    )
    .unwrap_err();
    assert_eq!(e.kind(), "bad_file");
    assert_eq!(snapshot(&d.store), before);
}

#[test]
fn records_are_stamped_with_the_user_and_the_fixed_clock() {
    let mut d = desk();
    let at = t0() + Duration::minutes(5);
    let boss = Ctx::as_user(at, d.boss.actor.clone().unwrap());
    rooms::add_building(
        &mut d.store,
        &boss,
        BuildingInput {
            name: "3".into(),
            note: String::new(),
        },
    )
    .unwrap();
    let (when, who, action): (String, String, String) = d
        .store
        .conn()
        .query_row(
            "SELECT at, actor_name, action FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (when.as_str(), who.as_str(), action.as_str()),
        ("2026-11-20 09:05:00", "陈主管", "新增楼栋")
    );
}
