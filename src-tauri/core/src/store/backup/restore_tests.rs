//! Restores and failures: 200 round trips each compared table by table with their backup, a
//! missing database brought back from the backup beside it, a backup disk that fills up.

use std::path::Path;

use super::tests::{at, dump, office, register, same};
use super::*;
use crate::base::ctx::Progress;
use crate::store::Store;

#[test]
fn two_hundred_restores_each_match_their_backup() {
    let rounds: usize = std::env::var("FRONTDESK_RESTORES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let (_dir, db, boss) = office();
    for i in 0..rounds {
        let t = at(21, 8, 0) + chrono::Duration::minutes(3 * i as i64);
        register(&db, &boss, t, &format!("第 {i} 轮备份前"));
        let taken = take(&db, BackupReason::Manual, t + chrono::Duration::seconds(30)).unwrap();
        let want = dump(&db, None);
        register(
            &db,
            &boss,
            t + chrono::Duration::minutes(1),
            &format!("第 {i} 轮备份后"),
        );
        restore(
            &db,
            Path::new(&taken.file),
            t + chrono::Duration::minutes(2),
            Some(&boss),
            KeepAs::BeforeRestore,
            &Progress::default(),
        )
        .unwrap();
        let m = &taken.manifest;
        same(
            &dump(&db, Some((m.max_ids["audit_log"], m.counts["seals"]))),
            &want,
            &format!("round {i}"),
        );
        // Keep the folder small: the kept files are checked in the test above.
        for e in std::fs::read_dir(db.parent().unwrap()).unwrap() {
            let p = e.unwrap().path();
            if p.to_string_lossy().contains("before-restore") {
                std::fs::remove_file(p).unwrap();
            }
        }
    }
    eprintln!("恢复往返：{rounds} 次，每次全部数据表与备份一致");
}

#[test]
fn a_missing_database_with_backups_beside_is_restored_not_recreated() {
    let (_dir, db, _) = office();
    let taken = take(&db, BackupReason::Manual, at(29, 9, 0)).unwrap();
    let want = dump(&db, None);
    std::fs::remove_file(&db).unwrap();
    let e = Store::open_or_create(&db).err().unwrap();
    assert_eq!(e.kind(), "db_missing", "{e}");
    assert!(e.to_string().contains("备份"), "{e}");
    assert!(!db.exists(), "no empty office was made");
    let done = restore(
        &db,
        Path::new(&taken.file),
        at(29, 9, 5),
        None,
        KeepAs::Damaged,
        &Progress::default(),
    )
    .unwrap();
    assert_eq!(done.kept_as, "");
    let m = &taken.manifest;
    same(
        &dump(&db, Some((m.max_ids["audit_log"], m.counts["seals"]))),
        &want,
        "restored",
    );
}

/// The backup disk runs out of space (a tiny tmpfs as `backups/`, when root may mount one): the
/// backup fails with a Chinese message, leaves no part-files, and the database is untouched.
#[test]
fn a_backup_that_runs_out_of_space_is_reported_and_leaves_nothing_behind() {
    let (dir, db, _) = office();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = std::process::Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=64k",
            "tmpfs",
            small.to_str().unwrap(),
        ])
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("跳过：无法挂载 tmpfs（需要 root），备份盘满未测");
        return;
    }
    std::os::unix::fs::symlink(&small, default_folder(&db)).unwrap();
    let before = dump(&db, None);
    let outcome = std::panic::catch_unwind(|| {
        let e = take(&db, BackupReason::Manual, at(29, 9, 0)).unwrap_err();
        assert!(e.to_string().contains("空间不足"), "{e}");
        assert!(e.to_string().contains("没有受影响"), "{e}");
        let left: Vec<_> = std::fs::read_dir(&small)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "nothing half-written is left: {left:?}");
        let mut store = Store::open(&db).unwrap();
        let s = status(&mut store, at(29, 9, 1)).unwrap();
        assert!(s.warning.unwrap().contains("没有成功"));
    });
    let _ = std::process::Command::new("umount").arg(&small).status();
    if let Err(p) = outcome {
        std::panic::resume_unwind(p);
    }
    same(
        &dump(&db, None),
        &before,
        "the database after a failed backup",
    );
}
