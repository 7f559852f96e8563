//! Helpers of the `import` tests (shared by import.rs and import_refusals.rs).
#![allow(dead_code)]

use chrono::NaiveDateTime;
use frontdesk_core::setup::directory::RoomQuery;
use frontdesk_core::setup::first_run::{self, FirstRun};
use frontdesk_core::setup::import::{ImportFile, ImportKind, ImportReport};
use frontdesk_core::setup::office::Office;
use frontdesk_core::{Ctx, Store};

pub fn at(t: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").unwrap()
}

pub fn office() -> Office {
    Office {
        company_name: "阳光物业服务有限公司".into(),
        estate_name: "阳光花园".into(),
        desk_phone: "0755-12345678".into(),
        doc_prefix: "KF".into(),
        doc_version: "A/0".into(),
        idle_lock_minutes: 10,
    }
}

/// A fresh database with the first supervisor, logged in at a fixed time.
pub fn desk() -> (Store, Ctx) {
    let mut store = Store::open_in_memory().unwrap();
    let now = at("2026-11-20 09:00:00");
    let boss = first_run::init(
        &mut store,
        now,
        FirstRun {
            office: office(),
            supervisor_name: "陈主管".into(),
            supervisor_phone: String::new(),
            login: "chen".into(),
            password: "secret123".into(),
        },
    )
    .unwrap();
    (store, Ctx::as_user(now, boss))
}

pub fn file(kind: ImportKind, bytes: impl Into<Vec<u8>>) -> ImportFile {
    ImportFile {
        kind,
        file_name: "住户.csv".into(),
        bytes: bytes.into(),
    }
}

/// Row counts of the tables an import touches, and the audit log.
pub fn counts(store: &Store) -> Vec<(String, i64)> {
    [
        "buildings",
        "rooms",
        "residents",
        "resident_phones",
        "staff",
        "audit_log",
    ]
    .iter()
    .map(|t| {
        (
            t.to_string(),
            store
                .conn()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap(),
        )
    })
    .collect()
}

pub fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

pub const ROOMS_CSV: &str = "楼栋,单元,房号,面积,住户类型,住户姓名,电话,备注
3,2,1201,89.5,业主,张三,13812345678、0755-12345678,
3,2,1201,89.5,租户,李四,13912345678,租约到2027年
3,2,1202,,,,,空置
5,,101,120,业主,王五,13712345678 13612345678,
";

pub fn room_names(store: &mut Store, ctx: &Ctx, text: &str) -> Vec<String> {
    frontdesk_core::setup::directory::list_rooms(
        store,
        ctx,
        RoomQuery {
            text: Some(text.into()),
            ..Default::default()
        },
    )
    .unwrap()
    .rooms
    .into_iter()
    .flat_map(|d| {
        d.residents
            .iter()
            .map(|r| format!("{} {} {}", d.room.code, r.name, r.phones.join("/")))
            .collect::<Vec<_>>()
    })
    .collect()
}

pub fn assert_rooms_csv_imported(store: &mut Store, ctx: &Ctx, report: &ImportReport) {
    assert!(report.written, "{report:?}");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.rows, 4);
    assert_eq!(
        (report.new_buildings, report.new_rooms, report.new_residents),
        (2, 3, 3)
    );
    assert_eq!(report.duplicates, 0);
    assert_eq!(
        room_names(store, ctx, "3-2-1201"),
        [
            "3-2-1201 张三 13812345678/0755-12345678",
            "3-2-1201 李四 13912345678"
        ]
    );
    assert_eq!(
        room_names(store, ctx, "5-101"),
        ["5-101 王五 13712345678/13612345678"]
    );
    let empty = frontdesk_core::setup::directory::room_detail(store, ctx, "3栋2单元1202").unwrap();
    assert_eq!(empty.room.note, "空置");
    assert!(empty.residents.is_empty());
}

pub fn xlsx(rows: &[&[&str]], numbers_as_numbers: bool) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) if numbers_as_numbers && r > 0 => {
                    sheet.write_number(r as u32, c as u16, n).unwrap()
                }
                _ => sheet.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}
