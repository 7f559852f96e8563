//! The store (R-DATA): every table STRICT, settings checked on open, migrations in order, every
//! old schema upgrading to the fresh one, a failed operation rolled back whole.

use super::*;
use crate::base::error::Error;

#[test]
fn a_file_database_gets_the_safe_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(&dir.path().join("a/b/fd.db")).unwrap();
    let c = store.conn();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "synchronous must be FULL");
    let fk: i64 = c
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, latest_version());
}

#[test]
fn every_table_is_strict() {
    let store = Store::open_in_memory().unwrap();
    let loose: Vec<String> = store
        .conn()
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(
        loose.is_empty(),
        "tables must be STRICT, these are not: {loose:?}"
    );
}

#[test]
fn reopening_keeps_data_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fd.db");
    {
        let mut s = Store::open_or_create(&path).unwrap();
        s.write(|tx| {
            tx.execute("INSERT INTO buildings (name) VALUES ('9')", [])?;
            Ok(())
        })
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM buildings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    assert!(s.check(&Ctx::new(Default::default(), None)).unwrap().ok);
}

/// 检查数据库 says how far it has got (issue 13): steps that only grow, ending at 1.0.
#[test]
fn the_check_reports_rising_progress_to_the_end() {
    let mut store = Store::open_in_memory().unwrap();
    let now = crate::testkit::at("2026-11-23 09:00");
    crate::synthetic::generate(
        &mut store,
        now,
        crate::synthetic::GenerateInput {
            years: 1,
            seed: 3,
            entries_per_year: Some(3000),
            rooms: Some(100),
        },
    )
    .unwrap();
    let said = std::sync::Arc::new(std::sync::Mutex::new(Vec::<f32>::new()));
    let heard = said.clone();
    let ctx = Ctx::new(now, None).with_progress(crate::base::ctx::Progress::to(move |_, f| {
        heard.lock().unwrap().push(f)
    }));
    assert!(store.check(&ctx).unwrap().ok);
    let said = said.lock().unwrap().clone();
    assert!(said.len() >= 3, "{said:?}");
    assert!(
        said.windows(2).all(|w| w[0] <= w[1]),
        "never goes back: {said:?}"
    );
    assert_eq!(said.last(), Some(&1.0));
    assert!(said[said.len() - 2] < 1.0);
}

#[test]
fn a_failed_operation_rolls_back_whole() {
    let mut s = Store::open_in_memory().unwrap();
    let r: Result<()> = s.write(|tx| {
        tx.execute("INSERT INTO buildings (name) VALUES ('1')", [])?;
        Err(Error::invalid("x", "故意失败"))
    });
    assert!(r.is_err());
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM buildings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "the insert before the error must be rolled back");
}

#[test]
fn a_newer_database_is_refused_not_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fd.db");
    drop(Store::open_or_create(&path).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "user_version", latest_version() + 1)
        .unwrap();
    drop(c);
    let e = Store::open(&path).err().unwrap();
    assert_eq!(e.kind(), "db_newer");
    assert!(e.to_string().contains("新版本"), "{e}");
}

/// Every older schema, frozen in tests/schema_snapshots/vN.sql when it shipped, upgrades to
/// exactly the schema a fresh database gets.
#[test]
fn every_old_schema_upgrades_to_the_fresh_schema() {
    let fresh = Store::open_in_memory().unwrap();
    let want = schema_of(fresh.conn());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema_snapshots");
    let latest = latest_version();
    let current = dir.join(format!("v{latest}.sql"));
    if std::env::var("UPDATE_SCHEMA_SNAPSHOT").is_ok() {
        std::fs::write(&current, &want).unwrap();
    }
    let frozen = std::fs::read_to_string(&current).unwrap_or_else(|_| {
        panic!("{} is missing: run UPDATE_SCHEMA_SNAPSHOT=1 cargo test -p frontdesk-core store:: once, and commit it", current.display())
    });
    assert_eq!(
        frozen, want,
        "the latest snapshot must equal the fresh schema; never edit a shipped migration"
    );
    for v in 1..latest {
        let snap = std::fs::read_to_string(dir.join(format!("v{v}.sql")))
            .unwrap_or_else(|_| panic!("schema snapshot v{v}.sql is missing"));
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("old.db");
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            replay(&c, &snap, v);
            c.pragma_update(None, "user_version", v).unwrap();
        }
        let upgraded = Store::open(&path).unwrap();
        assert_eq!(
            schema_of(upgraded.conn()),
            want,
            "upgrading schema v{v} must give the fresh schema"
        );
    }
}

/// Runs a snapshot's statements. A snapshot lists triggers before the tables they are on
/// (it is sorted by type, then name), so a statement that fails is retried after the others
/// until all have run; only a pass that gets nowhere is an error.
fn replay(c: &rusqlite::Connection, snap: &str, v: i64) {
    let mut pending: Vec<String> = Vec::new();
    for line in snap.lines() {
        if line.starts_with("CREATE ") || pending.is_empty() {
            pending.push(String::new());
        }
        if let Some(last) = pending.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    while !pending.is_empty() {
        let before = pending.len();
        let mut last_error = None;
        pending.retain(|stmt| match c.execute_batch(stmt) {
            Ok(()) => false,
            Err(e) => {
                last_error = Some(e);
                true
            }
        });
        assert!(
            pending.len() < before,
            "schema snapshot v{v} cannot be replayed: {last_error:?} in {}",
            pending[0]
        );
    }
}

/// The schema as SQL text, one statement per line, in a stable order. FTS5's shadow tables
/// are left out: they are made by their virtual table, not by a statement of ours.
fn schema_of(c: &rusqlite::Connection) -> String {
    let mut st = c
        .prepare(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
               AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')
             ORDER BY type DESC, name",
        )
        .unwrap();
    let rows: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    rows.iter().map(|s| format!("{s};\n")).collect()
}

/// Every column a migration added to a sealed table (or a sealed record's child table) after
/// sealing began in schema 8 is listed in `seal::LATER_COLUMNS`: otherwise upgrading would change
/// the content hash of every record sealed before, and the chain would report them all as
/// tampered with (schema 12 nearly did: 1,099 signed handovers' open items on the ten-year office).
#[test]
fn columns_added_to_sealed_tables_since_schema_8_leave_old_seals_alone() {
    use crate::base::seal::{LATER_COLUMNS, RECORDS};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema_snapshots");
    let v8 = rusqlite::Connection::open_in_memory().unwrap();
    replay(
        &v8,
        &std::fs::read_to_string(dir.join("v8.sql")).unwrap(),
        8,
    );
    let fresh = Store::open_in_memory().unwrap();
    let columns = |c: &rusqlite::Connection, table: &str| -> Vec<String> {
        c.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let mut tables = vec!["audit_log"];
    for r in RECORDS {
        tables.push(r.table);
        tables.extend(r.children.iter().map(|(t, _)| *t));
    }
    let mut added: Vec<(String, String)> = Vec::new();
    for t in tables {
        let old = columns(&v8, t);
        for c in columns(fresh.conn(), t) {
            if !old.contains(&c) && !added.contains(&(t.to_string(), c.clone())) {
                added.push((t.to_string(), c));
            }
        }
    }
    let mut listed: Vec<(String, String)> = LATER_COLUMNS
        .iter()
        .map(|(t, c)| (t.to_string(), c.to_string()))
        .collect();
    added.sort();
    listed.sort();
    assert_eq!(
        added, listed,
        "list new columns of sealed tables in seal::LATER_COLUMNS"
    );
}
