//! Helpers of the `foundation` tests (shared by foundation.rs and setup_rules.rs).
#![allow(dead_code)]

use chrono::NaiveDateTime;
use frontdesk_core::setup::first_run::FirstRun;
use frontdesk_core::setup::office::Office;
use frontdesk_core::testkit::Desk;
use frontdesk_core::Store;

pub fn t0() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-20 09:00:00", "%Y-%m-%d %H:%M:%S").unwrap()
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

pub fn wizard() -> FirstRun {
    FirstRun {
        office: office(),
        supervisor_name: "陈主管".into(),
        supervisor_phone: "13800000001".into(),
        login: "chen".into(),
        password: "secret123".into(),
    }
}

/// Row counts of every table in the database, the audit log included.
pub fn snapshot(store: &Store) -> Vec<(String, i64)> {
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

/// The test office with its clock at `t0()`.
pub fn desk() -> Desk {
    Desk::at("2026-11-20 09:00")
}
