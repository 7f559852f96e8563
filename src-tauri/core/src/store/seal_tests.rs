//! 验证数据 finds tampering (R-DATA-4): each test edits a copy of a generated office the way a
//! SQLite tool would — triggers dropped where they stand in the way — and the chain must say
//! which record broke. Changes made by the program itself (reopening a closed slip) stay intact.

use std::path::Path;

use crate::base::ctx::Ctx;
use crate::desk::slips::{self, StepInput};
use crate::store::backup::tests::office;
use crate::store::backup::{self, BackupReason};
use crate::store::seal_check::{check, ChainReport};
use crate::store::Store;

fn at(h: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

/// Runs raw SQL on the file, as an outsider with a SQLite tool would.
fn tamper(db: &Path, sql: &str) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch(sql).unwrap();
}

fn verify(db: &Path) -> ChainReport {
    check(&mut Store::open(db).unwrap()).unwrap()
}

fn one(db: &Path, sql: &str) -> (String, String, ChainReport) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch("BEGIN").unwrap();
    c.execute_batch(sql).unwrap();
    assert!(
        c.changes() > 0 || sql.contains("DROP"),
        "the edit must change something: {sql}"
    );
    c.execute_batch("COMMIT").unwrap();
    drop(c);
    let r = verify(db);
    assert!(!r.ok, "not noticed: {sql}");
    assert!(r.breaks_total >= 1);
    let b = &r.breaks[0];
    (b.table.clone(), b.problem.clone(), r.clone())
}

#[test]
fn an_untouched_office_verifies_and_says_how_much_it_checked() {
    let (_dir, db, _) = office();
    let r = verify(&db);
    assert!(r.ok, "{}", r.summary);
    assert!(r.seals_checked > 50 && r.records_checked > 50, "{r:?}");
    assert!(r.summary.starts_with("数据完好"), "{}", r.summary);
    assert!(r.head_short.starts_with("封存链 "), "{}", r.head_short);
    assert!(r.outside.is_none(), "no backup yet");
    backup::take(&db, BackupReason::Manual, at(9)).unwrap();
    let r = verify(&db);
    let o = r.outside.unwrap();
    assert!(o.matches && r.ok, "{}", r.summary);
}

#[test]
fn r_data_4_every_kind_of_out_of_band_edit_is_found() {
    let (_dir, base, _) = office();
    let fresh = |name: &str| {
        let p = base.with_file_name(format!("{name}.db"));
        std::fs::copy(&base, &p).unwrap();
        p
    };
    let cases: Vec<(&str, &str, &str)> = vec![
        (
            "handover_text",
            "DROP TRIGGER handovers_locked; UPDATE handovers SET work_notes = work_notes || '（改）' WHERE id = (SELECT min(id) FROM handovers WHERE status = 'signed');",
            "handovers",
        ),
        (
            "handover_check",
            "DROP TRIGGER handover_checks_locked_update; UPDATE handover_checks SET actual_qty = actual_qty + 1 WHERE handover_id = (SELECT min(id) FROM handovers WHERE status = 'signed');",
            "handovers",
        ),
        (
            "slip_text",
            "UPDATE dispatch_slips SET work_done = '更换全部管道' WHERE id = (SELECT min(id) FROM dispatch_slips WHERE state = 'closed');",
            "dispatch_slips",
        ),
        (
            "slip_fee",
            "UPDATE dispatch_slips SET fee_cents = fee_cents + 100, fee_kind = 'paid' WHERE id = (SELECT max(id) FROM dispatch_slips WHERE state = 'closed');",
            "dispatch_slips",
        ),
        (
            "slip_event",
            "DELETE FROM slip_events WHERE id = (SELECT min(e.id) FROM slip_events e JOIN dispatch_slips d ON d.id = e.slip_id WHERE d.state = 'closed');",
            "dispatch_slips",
        ),
        (
            "complaint_reply",
            "UPDATE complaints SET reply = '已处理' WHERE id = (SELECT min(id) FROM complaints WHERE state = 'signed_off');",
            "complaints",
        ),
        (
            "audit_text",
            "UPDATE audit_log SET summary = '无' WHERE id = (SELECT min(id) FROM audit_log);",
            "audit_log",
        ),
        (
            "audit_actor",
            "UPDATE audit_log SET actor_name = '别人' WHERE id = (SELECT max(id) FROM audit_log);",
            "audit_log",
        ),
        (
            "audit_deleted",
            "DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log);",
            "audit_log",
        ),
        (
            "audit_added",
            "INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, summary) VALUES ('2026-11-01 09:00:00', 1, '周敏', '登录', 'staff', 1, '');",
            "audit_log",
        ),
        (
            "closed_by_sql",
            "UPDATE dispatch_slips SET state = 'closed', assignee_id = coalesce(assignee_id, 1), closed_at = '2026-11-28 10:00:00', closed_by = 1 WHERE id = (SELECT max(id) FROM dispatch_slips WHERE state NOT IN ('closed', 'cancelled', 'paused'));",
            "dispatch_slips",
        ),
        (
            "seal_gap",
            "DROP TRIGGER seals_append_only_delete; DELETE FROM seals WHERE id = 5;",
            "seals",
        ),
        (
            "seal_rewritten",
            "DROP TRIGGER seals_append_only_update; UPDATE seals SET content_hash = hash WHERE id = 7;",
            "",
        ),
    ];
    let mut found = 0;
    for (name, sql, table) in &cases {
        let db = fresh(name);
        let (t, problem, r) = one(&db, sql);
        if !table.is_empty() {
            assert_eq!(&t, table, "{name}: {problem} / {}", r.summary);
        }
        assert!(r.summary.starts_with("发现"), "{name}: {}", r.summary);
        found += 1;
    }
    eprintln!("验证数据：{found} 种绕过程序的改动全部查出");
}

#[test]
fn deleting_the_newest_records_is_found_against_the_newest_backup() {
    let (_dir, db, _) = office();
    backup::take(&db, BackupReason::Manual, at(9)).unwrap();
    // Remove the last three seals and what they sealed, as if the newest work never happened.
    tamper(
        &db,
        "DROP TRIGGER seals_append_only_delete;
         DELETE FROM audit_log WHERE id IN (SELECT record_id FROM seals WHERE entity = 'audit_log' AND id > (SELECT max(id) - 3 FROM seals));
         DELETE FROM seals WHERE id > (SELECT max(id) - 3 FROM seals);",
    );
    let r = verify(&db);
    assert!(!r.ok);
    let o = r.outside.as_ref().unwrap();
    assert!(!o.matches);
    assert!(
        r.breaks
            .iter()
            .any(|b| b.problem.contains("最新的记录被删除")),
        "{}",
        r.summary
    );
}

#[test]
fn the_programs_own_changes_keep_the_chain_whole() {
    let (_dir, db, boss) = office();
    let mut store = Store::open(&db).unwrap();
    let closed: i64 = store
        .conn()
        .query_row(
            "SELECT min(id) FROM dispatch_slips WHERE state = 'closed'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let ctx = Ctx::as_user(at(10), boss);
    slips::reopen(
        &mut store,
        &ctx,
        StepInput {
            slip_id: closed,
            reason: "业主反映又漏了".into(),
            at: None,
        },
    )
    .unwrap();
    let r = check(&mut store).unwrap();
    assert!(r.ok, "{}", r.summary);
}
