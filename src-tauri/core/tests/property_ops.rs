//! Property tests of the operations that take what a person types (issue 11, R-DATA-5): intake
//! register, resident add, slip complete, roster set, request file and handover check, called
//! the way the window calls them (`api::call` with JSON), with inputs from plausible to absurd —
//! empty, huge, emoji, control characters, wrong types, numbers out of range, ids that do not
//! exist. Zero panics; every refused input commits nothing, which a second connection sees as
//! an unchanged `PRAGMA data_version`.
//!
//! FRONTDESK_PROPTEST_CASES sets the cases per operation (default 10,000, as CI runs them).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Mutex;

use chrono::NaiveDate;
use frontdesk_core::setup::accounts;
use frontdesk_core::synthetic::{self, GenerateInput};
use frontdesk_core::{api, Actor, Ctx, Store};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

fn cases() -> u32 {
    std::env::var("FRONTDESK_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

struct Office {
    _dir: tempfile::TempDir,
    store: Store,
    observer: rusqlite::Connection,
    boss: Actor,
    rooms: Vec<String>,
    /// Slips a worker can still complete; the cases aiming at a real slip take them in turn.
    slips: Vec<i64>,
    turn: std::cell::Cell<usize>,
    handover: (i64, Vec<i64>),
}

fn office() -> Office {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("frontdesk.db");
    let mut store = Store::create(&path).unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 11, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    synthetic::generate(
        &mut store,
        now,
        GenerateInput {
            years: 1,
            seed: 5,
            entries_per_year: Some(150),
            rooms: Some(20),
        },
    )
    .unwrap();
    let boss = accounts::login(
        &mut store,
        now,
        synthetic::DEMO_LOGIN,
        synthetic::DEMO_PASSWORD,
    )
    .unwrap();
    let c = store.conn();
    let rooms: Vec<String> = c
        .prepare("SELECT code FROM rooms LIMIT 5")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let handover: i64 = c
        .query_row(
            "SELECT coalesce(max(id), 0) FROM handovers WHERE status = 'open'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let items: Vec<i64> = c
        .prepare("SELECT id FROM handover_items")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    // A draft roster to set cells in.
    let ctx = Ctx::as_user(now, boss.clone());
    api::call(
        &mut store,
        &ctx,
        "roster_create",
        json!({ "month": "2027-01" }),
    )
    .unwrap();
    // Slips at the technician's (arrived), for completing.
    let tech: i64 = store
        .conn()
        .query_row("SELECT s.id FROM staff s JOIN departments d ON d.id = s.department_id WHERE s.role = 'technician' AND d.name = '工程部' AND s.active = 1 LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let mut slips = Vec::new();
    for i in 0..60 {
        let ctx = Ctx::as_user(now + chrono::Duration::minutes(i), boss.clone());
        let call = |store: &mut Store, name: &str, input: Value| {
            api::call(store, &ctx, name, input).unwrap()
        };
        let reg = call(
            &mut store,
            "intake_register",
            json!({"room": rooms[0], "channel": "call", "kind": "repair", "category": "给排水", "content": format!("第{i}处漏水"), "caller_name": "王女士"}),
        );
        let slip = call(
            &mut store,
            "slip_open",
            json!({"intake_id": reg["entry"]["id"]}),
        );
        let id = slip["id"].as_i64().unwrap();
        call(
            &mut store,
            "slip_dispatch",
            json!({"slip_id": id, "assignee_id": tech}),
        );
        call(&mut store, "slip_accept", json!({"slip_id": id}));
        call(&mut store, "slip_arrive", json!({"slip_id": id}));
        slips.push(id);
    }
    let observer = rusqlite::Connection::open(&path).unwrap();
    Office {
        _dir: dir,
        store,
        observer,
        boss,
        rooms,
        slips,
        turn: Default::default(),
        handover: (handover, items),
    }
}

/// Text from plausible to absurd.
fn text() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("")),
        "[a-z0-9 -]{0,12}".prop_map(Value::from),
        "[\u{4e00}-\u{9fa5}，。]{1,30}".prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
        "[\u{0}-\u{1f}\u{7f}\u{200b}\u{feff}]{1,8}".prop_map(Value::from),
        "[😀-🙏]{1,10}".prop_map(Value::from),
        (1usize..4000).prop_map(|n| Value::from("漏".repeat(n))),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        Just(json!([1, "二"])),
        Just(json!({"x": 1})),
    ]
}

/// Words a person would type: mostly these, sometimes anything at all.
fn words() -> impl Strategy<Value = Value> {
    prop_oneof![8 => "[\u{4e00}-\u{9fa5}]{2,12}".prop_map(Value::from), 1 => text()]
}

fn blank_or_words() -> impl Strategy<Value = Value> {
    prop_oneof![Just(json!("")), words()]
}

fn phone() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => "1[3-9][0-9]{9}".prop_map(Value::from),
        2 => Just(json!("")),
        1 => "[0-9]{0,16}".prop_map(Value::from),
        1 => "0[0-9]{2,3}-[0-9]{7,8}".prop_map(Value::from),
        1 => text()
    ]
}

fn number(valid: std::ops::RangeInclusive<i64>) -> impl Strategy<Value = Value> {
    prop_oneof![8 => valid.prop_map(Value::from), 1 => any::<i64>().prop_map(Value::from), 1 => text()]
}

fn day() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => (11u32..13, 1u32..29).prop_map(|(m, d)| Value::from(format!("2026-{m:02}-{d:02}"))),
        1 => (2025i32..2028, 1u32..13, 1u32..32).prop_map(|(y, m, d)| Value::from(format!("{y}-{m:02}-{d:02}"))),
        1 => (0i32..10000, 0u32..20, 0u32..40).prop_map(|(y, m, d)| Value::from(format!("{y}-{m}-{d}"))),
        1 => text(),
    ]
}

fn when() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => Just(Value::Null),
        2 => (day(), 0u32..30, 0u32..70).prop_map(|(d, h, m)| Value::from(format!("{} {h:02}:{m:02}", d.as_str().unwrap_or("x")))),
        1 => text(),
    ]
}

fn pick(words: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![8 => proptest::sample::select(words).prop_map(Value::from), 1 => text()]
}

fn flag() -> impl Strategy<Value = Value> {
    prop_oneof![8 => any::<bool>().prop_map(Value::from), 1 => text()]
}

/// Runs `name` on each input; a refusal must commit nothing, nothing may panic.
fn run(
    name: &'static str,
    input: impl Strategy<Value = Value>,
    make: impl Fn(&Office) -> Option<Value>,
) {
    let input = (input, any::<bool>()).prop_map(|(mut v, real)| {
        if let Value::Object(m) = &mut v {
            m.insert("_real".into(), Value::Bool(real));
        }
        v
    });
    let office = Mutex::new(office());
    let (saved, refused) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&input, |v| {
        let mut o = office.lock().unwrap();
        let mut v = v;
        // Half the cases aim at a record that exists (a real room, slip, open handover).
        if let Value::Object(map) = &mut v {
            let real = map.remove("_real") == Some(Value::Bool(true));
            if let (true, Some(Value::Object(extra))) = (real, make(&o)) {
                map.extend(extra);
            }
        }
        let before: i64 = o
            .observer
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        let ctx = Ctx::as_user(
            NaiveDate::from_ymd_opt(2026, 11, 21)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            o.boss.clone(),
        );
        let out = catch_unwind(AssertUnwindSafe(|| {
            api::call(&mut o.store, &ctx, name, v.clone())
        }));
        let after: i64 = o
            .observer
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap();
        match out {
            Err(_) => return Err(TestCaseError::fail(format!("{name} panicked on {v}"))),
            Ok(Ok(_)) => saved.set(saved.get() + 1),
            Ok(Err(e)) => {
                refused.set(refused.get() + 1);
                prop_assert_eq!(
                    before,
                    after,
                    "{} refused ({}) but committed: {}",
                    name,
                    e,
                    v
                );
                let msg = e.to_string();
                prop_assert!(
                    msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{} said it in English: {}",
                    name,
                    msg
                );
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    eprintln!(
        "性质测试 {name}：{} 例，保存 {}，拒绝 {}，零崩溃，拒绝的都未改动数据库",
        cases(),
        saved.get(),
        refused.get()
    );
}

#[test]
fn intake_register_never_panics_and_a_refusal_changes_nothing() {
    let input = (
        (when(), prop_oneof![Just(json!("")), text()], words(), words(), phone()),
        (pick(&["call", "visit", "written", "staff_found", "来电", "来访"]), pick(&["inquiry", "suggestion", "咨询", "建议", "repair", "complaint"]), prop_oneof![4 => Just(json!("")), 1 => pick(&["给排水", "电梯", "其他"])]),
        (words(), phone(), flag(), blank_or_words()),
    )
        .prop_map(|((received_at, room, location, caller_name, caller_phone), (channel, kind, category), (content, callback, major, outcome))| {
            json!({
                "received_at": received_at, "room": room, "location": location, "caller_name": caller_name,
                "caller_phone": caller_phone, "channel": channel, "kind": kind, "category": category,
                "content": content, "callback_phone": callback, "major_incident": major, "outcome": outcome,
            })
        });
    run("intake_register", input, |o| {
        Some(json!({ "room": o.rooms[1] }))
    });
}

#[test]
fn resident_add_never_panics_and_a_refusal_changes_nothing() {
    let input = (text(), pick(&["owner", "tenant", "业主", "租户"]), words(), proptest::collection::vec(phone(), 0..4), blank_or_words(), flag())
        .prop_map(|(room, kind, name, phones, note, active)| json!({"room": room, "kind": kind, "name": name, "phones": phones, "note": note, "active": active}));
    run("resident_add", input, |o| {
        Some(json!({ "room": o.rooms[0] }))
    });
}

#[test]
fn slip_complete_never_panics_and_a_refusal_changes_nothing() {
    let input = (number(1..=400), words(), blank_or_words(), pick(&["free", "paid", "无偿", "有偿"]), prop_oneof![4 => "[0-9]{1,4}".prop_map(Value::from), 1 => text()], prop_oneof![4 => any::<bool>().prop_map(Value::from), 1 => Just(Value::Null), 1 => text()], pick(&["satisfied", "basic", "unsatisfied"]), when())
        .prop_map(|(slip_id, work_done, materials, fee_kind, fee, accepted, satisfaction, at)| {
            json!({"slip_id": slip_id, "work_done": work_done, "materials": materials, "fee_kind": fee_kind, "fee": fee,
                   "resident_accepted": accepted, "resident_satisfaction": satisfaction, "at": at})
        });
    run("slip_complete", input, |o| {
        let i = o.turn.get();
        o.turn.set(i + 1);
        o.slips
            .get(i % o.slips.len().max(1))
            .map(|id| json!({ "slip_id": id }))
    });
}

#[test]
fn roster_set_never_panics_and_a_refusal_changes_nothing() {
    let date = prop_oneof![8 => (1u32..32).prop_map(|d| Value::from(format!("2027-01-{d:02}"))), 1 => day()];
    let cell = (
        number(1..=45),
        date,
        pick(&["白", "夜", "休", "", "白班", "X"]),
    )
        .prop_map(
            |(staff_id, date, code)| json!({"staff_id": staff_id, "date": date, "code": code}),
        );
    let month = prop_oneof![8 => Just(json!("2027-01")), 1 => pick(&["2026-12", "2026-11", "2026-13", "12/2026"])];
    let input = (month, proptest::collection::vec(cell, 0..6))
        .prop_map(|(month, cells)| json!({"month": month, "cells": cells}));
    run("roster_set_cells", input, |_| None);
}

#[test]
fn request_file_never_panics_and_a_refusal_changes_nothing() {
    let input = (pick(&["swap", "leave", "调班", "请假"]), number(1..=45), day(), prop_oneof![Just(Value::Null), day()], prop_oneof![Just(Value::Null), number(1..=45)], prop_oneof![Just(Value::Null), day()], words())
        .prop_map(|(kind, staff_id, from_day, to_day, other, other_day, reason)| {
            json!({"kind": kind, "staff_id": staff_id, "from_day": from_day, "to_day": to_day, "other_staff_id": other, "other_day": other_day, "reason": reason})
        });
    run("request_file", input, |_| None);
}

#[test]
fn handover_check_never_panics_and_a_refusal_changes_nothing() {
    let input = (number(1..=20), number(1..=8), number(0..=999), pick(&["ok", "damaged", "missing", "完好"]), blank_or_words(), blank_or_words())
        .prop_map(|(id, item_id, qty, state, note, explanation)| json!({"id": id, "item_id": item_id, "actual_qty": qty, "state": state, "note": note, "explanation": explanation}));
    run("handover_check", input, |o| {
        Some(json!({ "id": o.handover.0, "item_id": o.handover.1.first().copied().unwrap_or(1) }))
    });
}
