//! Search (issue 3): rooms, names, phones, serials and 1-, 2- and 3+-character Chinese, checked
//! against a brute-force scan.

use chrono::NaiveDate;

use super::*;
use crate::base::ctx::Actor;
use crate::base::role::Role;

pub(crate) fn ctx() -> Ctx {
    let now = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap();
    Ctx::as_user(
        now,
        Actor {
            id: 1,
            login: "desk".into(),
            name: "王芳".into(),
            role: Role::Receptionist,
        },
    )
}

pub(crate) struct Doc {
    pub(crate) kind: &'static str,
    pub(crate) id: i64,
    pub(crate) at: &'static str,
    pub(crate) serial: &'static str,
    pub(crate) room: &'static str,
    pub(crate) name: &'static str,
    pub(crate) phone: &'static str,
    pub(crate) content: &'static str,
}

/// Index rows as the record triggers write them (same id rule as the migration's triggers).
pub(crate) fn put(store: &mut Store, d: &Doc) {
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO search_docs (id, kind, record_id, at, serial, room_code, name, phone, content)
                 SELECT coalesce((SELECT max(id) + 1 FROM search_docs WHERE id BETWEEN b.v AND b.v + 4095), b.v),
                        ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
                 FROM (SELECT (unixepoch(?3) - 946684800) * 4096 AS v) AS b",
                rusqlite::params![d.kind, d.id, d.at, d.serial, d.room, d.name, d.phone, d.content],
            )?;
            Ok(())
        })
        .unwrap();
}

pub(crate) fn docs() -> Vec<Doc> {
    vec![
        Doc {
            kind: "intake",
            id: 1,
            at: "2026-11-01 08:00:00",
            serial: "",
            room: "3-2-1201",
            name: "张伟",
            phone: "13812345678",
            content: "卫生间漏水,楼下天花板滴水",
        },
        Doc {
            kind: "slip",
            id: 1,
            at: "2026-11-01 08:05:00",
            serial: "PG-202611-0001",
            room: "3-2-1201",
            name: "张伟",
            phone: "13812345678",
            content: "卫生间漏水,请派水电工上门",
        },
        Doc {
            kind: "intake",
            id: 2,
            at: "2026-11-02 10:00:00",
            serial: "",
            room: "5-101",
            name: "李娜",
            phone: "0755-88886666",
            content: "电梯困人,3号楼2单元电梯停在8楼",
        },
        Doc {
            kind: "complaint",
            id: 1,
            at: "2026-11-03 11:00:00",
            serial: "TS-202611-0001",
            room: "5-101",
            name: "李娜",
            phone: "0755-88886666",
            content: "投诉电梯维修不及时",
        },
        Doc {
            kind: "intake",
            id: 3,
            at: "2026-11-03 11:00:00",
            serial: "",
            room: "1-1-301",
            name: "王强",
            phone: "13900005678",
            content: "LED路灯不亮,A区门口",
        },
        Doc {
            kind: "intake",
            id: 4,
            at: "2026-11-04 09:00:00",
            serial: "",
            room: "2-1-502",
            name: "赵敏",
            phone: "13711112222",
            content: "卫生,生间",
        },
        Doc {
            kind: "intake",
            id: 5,
            at: "2026-10-30 09:00:00",
            serial: "",
            room: "2-1-502",
            name: "赵敏",
            phone: "13711112222",
            content: "咨询物业费缴费时间",
        },
    ]
}

pub(crate) fn store_with_docs() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    for d in docs() {
        put(&mut s, &d);
    }
    s
}

pub(crate) fn found(s: &mut Store, text: &str) -> Vec<(HitKind, i64)> {
    let page = search(
        s,
        &ctx(),
        SearchQuery {
            text: text.into(),
            limit: Some(200),
            offset: None,
        },
    )
    .unwrap();
    page.hits.iter().map(|h| (h.kind, h.id)).collect()
}

use HitKind::{Complaint as C, Intake as I, Slip as S};

#[test]
fn one_two_and_three_character_chinese_are_found_newest_first() {
    let mut s = store_with_docs();
    assert_eq!(found(&mut s, "水"), vec![(S, 1), (I, 1)]);
    assert_eq!(found(&mut s, "电梯"), vec![(C, 1), (I, 2)]);
    assert_eq!(
        found(&mut s, "卫生间"),
        vec![(S, 1), (I, 1)],
        "a 3-character word is a phrase, not any of its pairs"
    );
    assert_eq!(found(&mut s, "卫生间漏水"), vec![(S, 1), (I, 1)]);
    assert_eq!(found(&mut s, "卫生"), vec![(I, 4), (S, 1), (I, 1)]);
    assert_eq!(found(&mut s, "间漏"), vec![(S, 1), (I, 1)]);
    assert!(found(&mut s, "漏电").is_empty());
}

#[test]
fn names_are_found_by_one_or_two_characters() {
    let mut s = store_with_docs();
    assert_eq!(found(&mut s, "李娜"), vec![(C, 1), (I, 2)]);
    assert_eq!(found(&mut s, "赵"), vec![(I, 4), (I, 5)]);
    assert!(
        found(&mut s, "娜投").is_empty(),
        "a name and the content are not one word"
    );
}

#[test]
fn rooms_phones_last_four_and_serials_are_found() {
    let mut s = store_with_docs();
    assert_eq!(found(&mut s, "3-2-1201"), vec![(S, 1), (I, 1)]);
    assert_eq!(
        found(&mut s, "３－２－１２０１"),
        vec![(S, 1), (I, 1)],
        "full-width input is folded"
    );
    assert_eq!(found(&mut s, "13812345678"), vec![(S, 1), (I, 1)]);
    assert_eq!(
        found(&mut s, "5678"),
        vec![(I, 3), (S, 1), (I, 1)],
        "尾号 5678 is two phones"
    );
    assert!(
        found(&mut s, "0001").is_empty(),
        "a serial's counter alone is not a key"
    );
    assert_eq!(
        found(&mut s, "6666"),
        vec![(C, 1), (I, 2)],
        "a landline's last four"
    );
    assert_eq!(found(&mut s, "0755-88886666"), vec![(C, 1), (I, 2)]);
    assert_eq!(
        found(&mut s, "075588886666"),
        vec![(C, 1), (I, 2)],
        "a landline typed without its dash"
    );
    assert_eq!(found(&mut s, "PG-202611-0001"), vec![(S, 1)]);
    assert_eq!(found(&mut s, "pg-202611"), vec![(S, 1)], "a serial's start");
    assert_eq!(found(&mut s, "TS-202611-0001"), vec![(C, 1)]);
    assert_eq!(
        found(&mut s, "1201"),
        vec![(S, 1), (I, 1)],
        "a room number alone"
    );
    assert_eq!(found(&mut s, "1388"), Vec::<(HitKind, i64)>::new());
}

#[test]
fn latin_digits_and_mixed_queries_are_found() {
    let mut s = store_with_docs();
    assert_eq!(found(&mut s, "led"), vec![(I, 3)]);
    assert_eq!(found(&mut s, "LED路灯"), vec![(I, 3)]);
    assert_eq!(found(&mut s, "a区"), vec![(I, 3)]);
    assert_eq!(found(&mut s, "3号楼"), vec![(I, 2)]);
    assert_eq!(
        found(&mut s, "8楼 电梯"),
        vec![(I, 2)],
        "space-separated parts must all match"
    );
    assert_eq!(found(&mut s, "5-101 投诉"), vec![(C, 1)]);
}

#[test]
fn pages_follow_each_other_without_overlap() {
    let mut s = store_with_docs();
    let q = |offset| SearchQuery {
        text: "5678".into(),
        limit: Some(2),
        offset: Some(offset),
    };
    let p1 = search(&mut s, &ctx(), q(0)).unwrap();
    let p2 = search(&mut s, &ctx(), q(2)).unwrap();
    assert!(p1.has_more && !p2.has_more);
    let ids: Vec<_> = p1
        .hits
        .iter()
        .chain(&p2.hits)
        .map(|h| (h.kind, h.id))
        .collect();
    assert_eq!(ids, vec![(I, 3), (S, 1), (I, 1)]);
}
