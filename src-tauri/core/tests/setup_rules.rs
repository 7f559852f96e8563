//! The office's setup as the rules allow it: who may edit it, nobody without a login, bad input
//! refused naming the field with nothing changed, records stamped with the user and the clock.

use chrono::Duration;
use frontdesk_core::base::role::Role;
use frontdesk_core::setup::accounts::{self, NewLogin};
use frontdesk_core::setup::categories::{self, CategoryInput};
use frontdesk_core::setup::departments::{self, DepartmentInput};
use frontdesk_core::setup::import::{self, ImportFile, ImportKind};
use frontdesk_core::setup::office::{self, Office};
use frontdesk_core::setup::residents::{self, ResidentInput, ResidentKind};
use frontdesk_core::setup::rooms::{self, BuildingInput, RoomInput};
use frontdesk_core::setup::staff::{self, StaffInput};
use frontdesk_core::{Ctx, Error};
mod common;

#[allow(unused_imports)]
use common::foundation::*;

#[test]
fn a_receptionist_may_not_edit_the_setup() {
    let mut d = desk();
    let before = snapshot(&d.store);
    let c = &d.ctx(&d.receptionists[0]);
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
            e.to_string().contains("李小梅"),
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
    // The office already has building 3 and room 3-2-1201 (the testkit's).
    let b = d.ctx(&d.boss);
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
    let boss = Ctx::as_user(at, d.boss.clone());
    rooms::add_building(
        &mut d.store,
        &boss,
        BuildingInput {
            name: "7".into(),
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
        ("2026-11-20 09:05:00", "王主管", "新增楼栋")
    );
}

#[test]
fn the_room_list_comes_a_page_at_a_time_and_every_room_is_on_exactly_one_page() {
    use frontdesk_core::setup::directory::{list_rooms, RoomQuery};
    let mut d = desk();
    let b = d.ctx(&d.boss);
    for building in ["1", "2", "10"] {
        rooms::add_building(
            &mut d.store,
            &b,
            BuildingInput {
                name: building.into(),
                note: String::new(),
            },
        )
        .unwrap();
        for unit in ["1", "2"] {
            for floor in 1..=4 {
                let room = RoomInput {
                    building: building.into(),
                    unit: unit.into(),
                    number: format!("{floor}01"),
                    area_m2: None,
                    note: String::new(),
                };
                rooms::add_room(&mut d.store, &b, room).unwrap();
            }
        }
    }
    // Counted here, independently of the list's own COUNT.
    let all: Vec<String> = {
        let conn = d.store.conn();
        let mut st = conn.prepare("SELECT code FROM rooms").unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let page = |store: &mut _, offset, building: Option<&str>, text: Option<&str>| {
        let q = RoomQuery {
            building: building.map(Into::into),
            text: text.map(Into::into),
            limit: Some(7),
            offset: Some(offset),
        };
        list_rooms(store, &b, q).unwrap()
    };
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let p = page(&mut d.store, offset, None, None);
        assert_eq!(
            p.total as usize,
            all.len(),
            "every page tells the same total"
        );
        assert!(p.rooms.len() <= 7);
        if p.rooms.is_empty() {
            break;
        }
        seen.extend(p.rooms.iter().map(|r| r.room.code.clone()));
        offset += 7;
    }
    let mut sorted_seen = seen.clone();
    sorted_seen.sort();
    sorted_seen.dedup();
    assert_eq!(
        sorted_seen.len(),
        seen.len(),
        "no room on two pages: {seen:?}"
    );
    let mut sorted_all = all.clone();
    sorted_all.sort();
    assert_eq!(sorted_seen, sorted_all, "every room on some page");
    // Buildings in number order: 1, 2, 3 (the testkit's), 10.
    let buildings: Vec<&str> = seen.iter().map(|c| c.split('-').next().unwrap()).collect();
    let first_of = |b: &str| buildings.iter().position(|x| *x == b).unwrap();
    assert!(
        first_of("1") < first_of("2")
            && first_of("2") < first_of("3")
            && first_of("3") < first_of("10"),
        "{seen:?}"
    );

    // A filter's total counts what matches, not the page.
    let tenth = page(&mut d.store, 0, Some("10"), None);
    assert_eq!(tenth.total, 8);
    assert_eq!(tenth.rooms.len(), 7);
    assert_eq!(page(&mut d.store, 7, Some("10"), None).rooms.len(), 1);
    let found = page(&mut d.store, 0, None, Some("10-2"));
    assert_eq!(
        found.total,
        4,
        "{:?}",
        found.rooms.iter().map(|r| &r.room.code).collect::<Vec<_>>()
    );
    assert!(found.rooms.iter().all(|r| r.room.code.starts_with("10-2-")));
}
