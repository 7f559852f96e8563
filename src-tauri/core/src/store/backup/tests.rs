//! Backups: taken, listed, verified, restored, pruned; a failed backup is never kept.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::base::ctx::{Actor, Ctx, Progress};
use crate::desk::intake::{self, IntakeInput};
use crate::store::Store;
use crate::synthetic::{self, GenerateInput};

pub(crate) fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// A small generated office (records in every state, sealed) in a temp folder.
pub(crate) fn office() -> (tempfile::TempDir, PathBuf, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("frontdesk.db");
    let mut store = Store::create(&db).unwrap();
    synthetic::generate(
        &mut store,
        at(20, 9, 0),
        GenerateInput {
            years: 1,
            seed: 7,
            entries_per_year: Some(300),
            rooms: Some(30),
        },
    )
    .unwrap();
    let boss = crate::setup::accounts::login(
        &mut store,
        at(20, 9, 0),
        synthetic::DEMO_LOGIN,
        synthetic::DEMO_PASSWORD,
    )
    .unwrap();
    (dir, db, boss)
}

pub(crate) fn register(db: &Path, who: &Actor, now: NaiveDateTime, content: &str) {
    let mut store = Store::open(db).unwrap();
    intake::register(
        &mut store,
        &Ctx::as_user(now, who.clone()),
        IntakeInput {
            received_at: None,
            room: String::new(),
            location: "3号楼大堂".into(),
            caller_name: "王女士".into(),
            caller_phone: String::new(),
            channel: Some(intake::Channel::Call),
            kind: Some(intake::IntakeKind::Inquiry),
            category: String::new(),
            content: content.into(),
            callback_phone: String::new(),
            major_incident: false,
            outcome: String::new(),
        },
    )
    .unwrap();
}

/// Every table but the search index, as text: what a restore must bring back exactly.
pub(crate) fn dump(db: &Path, skip_after: Option<(i64, i64)>) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<(String, bool)> = c
        .prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = Vec::new();
    for (t, without_rowid) in tables {
        let order = if without_rowid { "1, 2" } else { "rowid" };
        // The restore writes its own audit row, seals and run; leave out rows past the backup's.
        let limit = match (t.as_str(), skip_after) {
            ("audit_log", Some((a, _))) => format!(" WHERE rowid <= {a}"),
            ("seals", Some((_, s))) => format!(" WHERE rowid <= {s}"),
            // The log of backups is the live file's own history, not part of any backup.
            ("backup_runs", _) => " WHERE 0".to_string(),
            _ => String::new(),
        };
        let mut st = c
            .prepare(&format!("SELECT * FROM \"{t}\"{limit} ORDER BY {order}"))
            .unwrap();
        let n = st.column_count();
        let rows: Vec<String> = st
            .query_map([], |r| {
                let mut s = format!("{t}:");
                for i in 0..n {
                    match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Text(t) => {
                            s.push_str(&String::from_utf8_lossy(t))
                        }
                        other => s.push_str(&format!("{other:?}")),
                    }
                    s.push('|');
                }
                Ok(s)
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        out.extend(rows);
    }
    out
}

/// Two dumps are equal; on failure, the first line that differs (the dumps are long).
pub(crate) fn same(got: &[String], want: &[String], what: &str) {
    if got == want {
        return;
    }
    let i = got
        .iter()
        .zip(want)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(want.len()));
    let short = |v: Option<&String>| {
        v.map(|s| s.chars().take(300).collect::<String>())
            .unwrap_or_else(|| "（没有）".into())
    };
    panic!(
        "{what}: {} rows vs {} wanted; first difference at row {i}:\n got  {}\n want {}",
        got.len(),
        want.len(),
        short(got.get(i)),
        short(want.get(i))
    );
}

#[test]
fn r_data_1_a_backup_is_verified_compressed_described_and_listed() {
    let (_dir, db, _) = office();
    let taken = take(&db, BackupReason::Manual, at(29, 14, 30)).unwrap();
    let file = PathBuf::from(&taken.file);
    assert_eq!(
        file.file_name().unwrap(),
        "frontdesk-20261129-143000.db.zst"
    );
    assert_eq!(file.parent().unwrap(), db.parent().unwrap().join("backups"));
    let m = &taken.manifest;
    assert_eq!(m.integrity, "ok");
    assert_eq!(m.schema_version, crate::store::latest_version());
    let live = rusqlite::Connection::open(&db).unwrap();
    for table in [
        "intake_entries",
        "dispatch_slips",
        "complaints",
        "handovers",
        "audit_log",
        "seals",
    ] {
        let n: i64 = live
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(m.counts[table], n, "{table}");
        assert!(n > 0, "{table} has records");
    }
    assert!(
        !m.counts.contains_key("search_fts_data"),
        "the index is left out"
    );
    assert!(
        taken.bytes < std::fs::metadata(&db).unwrap().len() / 3,
        "compressed: {} bytes",
        taken.bytes
    );
    // Nothing but the backup is left in the folder.
    let names: Vec<String> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names, vec!["frontdesk-20261129-143000.db.zst".to_string()]);
    let v = verify(&file).unwrap();
    assert_eq!(v.manifest.sha256, m.sha256);
    let listed = list(&db, &BackupSettings::default());
    assert_eq!(listed.backups.len(), 1);
    assert_eq!(
        listed.backups[0].manifest.as_ref().unwrap().counts,
        m.counts
    );
    assert_eq!(listed.total_bytes, taken.bytes);
    // Two backups in the same second get two files.
    let again = take(&db, BackupReason::Manual, at(29, 14, 30)).unwrap();
    assert!(
        again.file.ends_with("frontdesk-20261129-143000-2.db.zst"),
        "{}",
        again.file
    );
}

#[test]
fn a_damaged_backup_fails_verification_and_is_never_restored() {
    let (_dir, db, boss) = office();
    let taken = take(&db, BackupReason::Manual, at(29, 14, 30)).unwrap();
    let file = PathBuf::from(&taken.file);
    let mut bytes = std::fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&file, &bytes).unwrap();
    let e = verify(&file).unwrap_err();
    assert_eq!(e.kind(), "bad_file", "{e}");
    assert!(e.to_string().contains("已损坏"), "{e}");
    let before = dump(&db, None);
    let e = restore(
        &db,
        &file,
        at(29, 15, 0),
        Some(&boss),
        KeepAs::BeforeRestore,
        &Progress::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), "bad_file");
    assert_eq!(dump(&db, None), before, "the database is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("restoring") || n.contains("before-restore"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn r_data_2_a_restore_brings_back_every_table_rebuilds_search_and_keeps_the_replaced_file() {
    let (_dir, db, boss) = office();
    register(&db, &boss, at(29, 10, 0), "备份前登记的漏水");
    let taken = take(&db, BackupReason::Manual, at(29, 11, 0)).unwrap();
    let at_backup = dump(&db, None);
    register(&db, &boss, at(29, 12, 0), "备份后登记的停电");
    register(&db, &boss, at(29, 12, 5), "备份后登记的噪音");
    let file = PathBuf::from(&taken.file);
    let p = plan(&db, &file).unwrap();
    let losses = p.losses.unwrap();
    let lost = |t: &str| {
        losses
            .iter()
            .find(|l| l.table == t)
            .map(|l| l.count)
            .unwrap_or(0)
    };
    assert_eq!(lost("intake_entries"), 2, "{losses:?}");
    assert!(lost("audit_log") >= 2);
    assert_eq!(
        losses
            .iter()
            .find(|l| l.table == "intake_entries")
            .unwrap()
            .label,
        "来电来访登记"
    );

    let done = restore(
        &db,
        &file,
        at(29, 13, 0),
        Some(&boss),
        KeepAs::BeforeRestore,
        &Progress::default(),
    )
    .unwrap();
    assert!(
        done.kept_as
            .ends_with("frontdesk.db.before-restore-20261129-130000"),
        "{}",
        done.kept_as
    );
    let m = &taken.manifest;
    let back = dump(&db, Some((m.max_ids["audit_log"], m.counts["seals"])));
    same(&back, &at_backup, "every table as it was at the backup");
    // The replaced file is kept whole, with the records made after the backup.
    let kept = Store::open(Path::new(&done.kept_as)).unwrap();
    let n: i64 = kept
        .conn()
        .query_row(
            "SELECT count(*) FROM intake_entries WHERE content LIKE '备份后%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2);
    drop(kept);
    let mut store = Store::open(&db).unwrap();
    // The search index was rebuilt: the record from before the backup is found by a word.
    let ctx = Ctx::as_user(at(29, 13, 5), boss.clone());
    let page = crate::desk::search::search(
        &mut store,
        &ctx,
        crate::desk::search::SearchQuery {
            text: "漏水".into(),
            limit: None,
            offset: None,
        },
    )
    .unwrap();
    assert!(
        page.hits
            .iter()
            .any(|h| h.snippet.contains("备份前登记的漏水")),
        "search works after restore"
    );
    let page = crate::desk::search::search(
        &mut store,
        &ctx,
        crate::desk::search::SearchQuery {
            text: "停电".into(),
            limit: None,
            offset: None,
        },
    )
    .unwrap();
    assert!(
        !page.hits.iter().any(|h| h.snippet.contains("备份后")),
        "nothing of the lost records is found"
    );
    // The restore is in the audit log, by whom, from which file.
    let (who, summary): (String, String) = store
        .conn()
        .query_row(
            "SELECT actor_name, summary FROM audit_log WHERE action = '恢复备份'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(who, boss.name);
    assert!(
        summary.contains("frontdesk-20261129-110000.db.zst") && summary.contains("before-restore"),
        "{summary}"
    );
    let chain = crate::store::seal_check::check(&mut store).unwrap();
    assert!(chain.ok, "{}", chain.summary);
}

#[test]
fn retention_prunes_like_anki_and_the_second_folder_gets_a_copy() {
    let (dir, db, _) = office();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let mut store = Store::open(&db).unwrap();
    let boss = crate::setup::accounts::login(
        &mut store,
        at(20, 9, 0),
        synthetic::DEMO_LOGIN,
        synthetic::DEMO_PASSWORD,
    )
    .unwrap();
    let settings = BackupSettings {
        second_folder: usb.display().to_string(),
        retention: Retention {
            keep_today: 3,
            keep_daily: 2,
            keep_weekly: 1,
            keep_monthly: 1,
        },
        every_minutes: 30,
    };
    update_settings(
        &mut store,
        &Ctx::as_user(at(20, 9, 0), boss),
        settings.clone(),
    )
    .unwrap();
    drop(store);
    // Five a day for ten days, the last day being the 29th.
    for day in 20..=29 {
        for h in [9, 11, 13, 15, 17] {
            take(&db, BackupReason::Auto, at(day, h, 0)).unwrap();
        }
    }
    let kept: Vec<String> = files_in(&default_folder(&db), &db)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        kept,
        vec![
            "frontdesk-20261129-170000.db.zst",
            "frontdesk-20261129-150000.db.zst",
            "frontdesk-20261129-130000.db.zst",
            "frontdesk-20261128-170000.db.zst",
            "frontdesk-20261127-170000.db.zst",
            "frontdesk-20261126-170000.db.zst",
            "frontdesk-20261122-170000.db.zst",
        ],
        "3 of today, 2 daily, 1 weekly (week of the 26th is taken: the 22nd is the week before), 1 monthly"
    );
    assert_eq!(
        files_in(&usb, &db).len(),
        kept.len(),
        "the second folder holds the same"
    );
    // The USB disk is unplugged: the backup still happens, and says so.
    std::fs::remove_dir_all(&usb).unwrap();
    let t = take(&db, BackupReason::Manual, at(29, 18, 0)).unwrap();
    assert_eq!(t.warnings.len(), 1);
    assert!(t.warnings[0].contains("第二备份位置"), "{:?}", t.warnings);
    let listed = list(&db, &settings);
    assert!(listed.second_missing);
    let mut store = Store::open(&db).unwrap();
    let s = status(&mut store, at(29, 18, 1)).unwrap();
    assert_eq!(s.last_good.as_deref(), Some("2026-11-29 18:00:00"));
    assert!(s.warning.unwrap().contains("第二备份位置"));
}

#[test]
fn the_half_hourly_backup_runs_only_when_something_changed() {
    let (_dir, db, boss) = office();
    let mut store = Store::open(&db).unwrap();
    let s = status(&mut store, at(29, 8, 0)).unwrap();
    assert!(s.last_good.is_none());
    assert!(s.warning.unwrap().contains("还没有任何备份"));
    drop(store);
    assert!(
        take_if_changed(&db, BackupReason::Auto, at(29, 8, 0))
            .unwrap()
            .is_some(),
        "the first one"
    );
    assert!(
        take_if_changed(&db, BackupReason::Auto, at(29, 9, 0))
            .unwrap()
            .is_none(),
        "nothing changed"
    );
    register(&db, &boss, at(29, 9, 10), "有变化");
    assert!(
        take_if_changed(&db, BackupReason::Auto, at(29, 9, 15))
            .unwrap()
            .is_some(),
        "changed, and the last is older than 30 minutes"
    );
    register(&db, &boss, at(29, 9, 20), "又有变化");
    assert!(
        take_if_changed(&db, BackupReason::Auto, at(29, 9, 30))
            .unwrap()
            .is_none(),
        "changed, but the last is 15 minutes old"
    );
    assert!(
        take_if_changed(&db, BackupReason::Exit, at(29, 9, 31))
            .unwrap()
            .is_some(),
        "closing the app backs up a change at once"
    );
    register(&db, &boss, at(29, 9, 40), "再有变化");
    assert!(take_if_changed(&db, BackupReason::Auto, at(29, 10, 1))
        .unwrap()
        .is_some());
    let mut store = Store::open(&db).unwrap();
    let fresh = status(&mut store, at(29, 10, 5)).unwrap();
    assert!(fresh.warning.is_none(), "{:?}", fresh.warning);
    let stale = status(&mut store, at(30, 10, 30)).unwrap();
    assert!(stale.warning.unwrap().contains("超过 24 小时"));
}

#[test]
fn a_schema_upgrade_is_preceded_by_a_backup_of_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        crate::store::grams::register(&c).unwrap();
        for sql in &crate::store::MIGRATIONS[..7] {
            c.execute_batch(sql).unwrap();
        }
        c.pragma_update(None, "user_version", 7).unwrap();
        c.execute("INSERT INTO buildings (name) VALUES ('9')", [])
            .unwrap();
    }
    let store = Store::open(&db).unwrap();
    drop(store);
    let files = files_in(&default_folder(&db), &db);
    assert_eq!(files.len(), 1);
    let m = manifest::of_file(&files[0]).unwrap();
    assert_eq!(m.reason, "upgrade");
    assert_eq!(m.schema_version, 7, "the backup holds the old schema");
    assert_eq!(m.counts["buildings"], 1);
}
