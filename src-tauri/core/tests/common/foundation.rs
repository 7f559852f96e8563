//! Helpers of the `foundation` tests (shared by foundation.rs and setup_rules.rs).
#![allow(dead_code)]

use chrono::NaiveDateTime;
use frontdesk_core::base::role::Role;
use frontdesk_core::setup::accounts::{self, NewLogin};
use frontdesk_core::setup::first_run::{self, FirstRun};
use frontdesk_core::setup::office::Office;
use frontdesk_core::setup::staff::{self, StaffInput};
use frontdesk_core::{Ctx, Store};

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

/// The office set up, the supervisor logged in, and a receptionist with a login.
pub struct Desk {
    pub store: Store,
    pub boss: Ctx,
    pub clerk: Ctx,
}

pub fn desk() -> Desk {
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
