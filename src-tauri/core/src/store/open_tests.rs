//! Opening files that are not what they should be (R-DATA-3): never a panic, never a new empty
//! office in place of a damaged or missing one, always a Chinese message saying what to do.

use std::path::{Path, PathBuf};

use super::*;

fn new_db(dir: &Path) -> PathBuf {
    let p = dir.join("fd.db");
    let mut s = Store::create(&p).unwrap();
    s.write(|tx| {
        tx.execute("INSERT INTO buildings (name) VALUES ('9')", [])?;
        Ok(())
    })
    .unwrap();
    p
}

#[test]
fn a_missing_file_is_not_created_by_open() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("typo.db");
    let e = Store::open(&p).err().unwrap();
    assert_eq!(e.kind(), "db_cannot_open");
    assert!(e.to_string().contains("找不到数据库文件"), "{e}");
    assert!(!p.exists());
    // The first start (nothing there, no backups) creates it.
    Store::open_or_create(&p).unwrap();
    assert!(p.exists());
}

#[test]
fn empty_foreign_and_garbage_files_are_damaged_not_new() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("zero.db", Vec::new()),
        ("png.db", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".repeat(100)),
        ("text.db", "这不是数据库".repeat(500).into_bytes()),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, &bytes).unwrap();
        for e in [
            Store::open(&p).err().unwrap(),
            Store::open_or_create(&p).err().unwrap(),
        ] {
            assert_eq!(e.kind(), "db_damaged", "{name}: {e}");
        }
        assert_eq!(
            std::fs::read(&p).unwrap(),
            bytes,
            "{name} is left as it was"
        );
    }
    // Another program's SQLite database.
    let p = dir.path().join("other.db");
    rusqlite::Connection::open(&p)
        .unwrap()
        .execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');")
        .unwrap();
    let e = Store::open(&p).err().unwrap();
    assert_eq!(e.kind(), "db_damaged");
    assert!(e.to_string().contains("别的程序"), "{e}");
}

#[test]
fn a_negative_or_newer_version_is_refused_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_db(dir.path());
    for (v, kind) in [
        (-1, "db_damaged"),
        (latest_version() + 1, "db_newer"),
        (i64::from(i32::MAX), "db_newer"),
    ] {
        rusqlite::Connection::open(&p)
            .unwrap()
            .pragma_update(None, "user_version", v)
            .unwrap();
        let e = Store::open(&p).err().unwrap();
        assert_eq!(e.kind(), kind, "version {v}: {e}");
    }
}

#[test]
fn a_damaged_page_fails_the_start_up_check() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_db(dir.path());
    {
        let s = Store::open(&p).unwrap();
        s.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let mut bytes = std::fs::read(&p).unwrap();
    let page = 4096;
    // Break the b-tree page headers of a few pages after the first.
    for p in 2..6 {
        for b in &mut bytes[p * page..p * page + 12] {
            *b = 0xA5;
        }
    }
    std::fs::write(&p, &bytes).unwrap();
    let verdict = Store::open(&p).and_then(|s| s.quick_check());
    let e = verdict.err().expect("the damage is found");
    assert_eq!(e.kind(), "db_damaged", "{e}");
    assert!(e.to_string().contains("损坏"), "{e}");
}

#[test]
fn a_garbage_wal_beside_the_file_is_ignored_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_db(dir.path());
    std::fs::write(dir.path().join("fd.db-wal"), vec![0x5Au8; 64 * 1024]).unwrap();
    let s = Store::open(&p).unwrap();
    s.quick_check().unwrap();
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM buildings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn r_data_5_a_full_disk_refuses_the_write_in_chinese_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_db(dir.path());
    let mut s = Store::open(&p).unwrap();
    let pages: i64 = s
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    // SQLite's own limit on the file's size: it answers exactly as a full disk does.
    s.conn()
        .execute_batch(&format!("PRAGMA max_page_count = {pages};"))
        .unwrap();
    let e = s
        .write(|tx| {
            for i in 0..5000 {
                tx.execute(
                    "INSERT INTO buildings (name, note) VALUES (?1, ?2)",
                    rusqlite::params![format!("楼{i}"), "很长的备注".repeat(20)],
                )?;
            }
            Ok(())
        })
        .unwrap_err();
    assert_eq!(e.kind(), "disk_full", "{e}");
    assert_eq!(e.to_string(), "磁盘空间不足，本条未保存，请清理磁盘后重试");
    drop(s);
    let s = Store::open(&p).unwrap();
    s.quick_check().unwrap();
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM buildings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        n, 1,
        "what was saved before is still there, nothing half-written"
    );
}

/// A read-only disk needs a real read-only mount: as root (as in CI's container) a tmpfs is
/// mounted and remounted read-only; elsewhere the test says it could not run.
#[test]
fn a_read_only_database_opens_for_reading_and_refuses_writes_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("ro");
    std::fs::create_dir(&mnt).unwrap();
    let mount = |args: &[&str]| {
        std::process::Command::new("mount")
            .args(args)
            .status()
            .is_ok_and(|s| s.success())
    };
    if !mount(&[
        "-t",
        "tmpfs",
        "-o",
        "size=8m",
        "tmpfs",
        mnt.to_str().unwrap(),
    ]) {
        eprintln!("跳过：无法挂载 tmpfs（需要 root），只读数据库未测");
        return;
    }
    let p = new_db(&mnt);
    {
        let s = Store::open(&p).unwrap();
        s.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let ok = mount(&["-o", "remount,ro", mnt.to_str().unwrap()]);
    let result = std::panic::catch_unwind(|| {
        assert!(ok, "remount read-only");
        let mut s = Store::open(&p).unwrap();
        assert!(s.is_read_only());
        let n: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM buildings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        let e = s
            .write(|tx| {
                tx.execute("INSERT INTO buildings (name) VALUES ('10')", [])?;
                Ok(())
            })
            .unwrap_err();
        assert_eq!(e.kind(), "read_only", "{e}");
        assert!(e.to_string().contains("只读"), "{e}");
    });
    let _ = std::process::Command::new("umount").arg(&mnt).status();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}
