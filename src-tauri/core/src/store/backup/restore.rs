//! Restoring a backup (R-DATA-2). The backup is verified again and unpacked beside the
//! database; its search index is rebuilt and the restore written into its audit log; then the
//! current file is kept as `frontdesk.db.before-restore-<time>` (or `.damaged-<time>` when it
//! was damaged), never deleted, and the restored file renamed into its place. The caller closes
//! its own connection first and reopens after.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::manifest::{self, Manifest};
use super::verify::unpack;
use super::BackupReason;
use crate::base::audit;
use crate::base::ctx::{Actor, Ctx, Progress};
use crate::base::error::{Error, Result};
use crate::base::when;
use crate::store::open::{sibling, sync_dir};
use crate::store::{grams, schema, Store};

/// What the current file is kept as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KeepAs {
    BeforeRestore,
    Damaged,
}

/// Records made after the backup that a restore would take away, by kind.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Loss {
    pub table: String,
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RestorePlan {
    pub file: String,
    pub manifest: Manifest,
    /// Empty when nothing would be lost; None when the current file cannot be read to tell.
    pub losses: Option<Vec<Loss>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Restored {
    pub file: String,
    pub created_at: String,
    /// Where the replaced file was kept ('' when there was none).
    pub kept_as: String,
    pub millis: u64,
}

/// The records counted as lost, with the words the desk uses for them.
const KINDS: &[(&str, &str)] = &[
    ("intake_entries", "来电来访登记"),
    ("dispatch_slips", "派工单"),
    ("complaints", "投诉"),
    ("return_visits", "回访"),
    ("handovers", "交接班记录"),
    ("duty_requests", "调班/请假申请"),
    ("residents", "住户"),
    ("audit_log", "操作"),
];

/// What restoring `file` over `db` would lose: records newer than the backup, by kind.
pub fn plan(db: &Path, file: &Path) -> Result<RestorePlan> {
    let m = manifest::of_file(file)?;
    let losses = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()
    .and_then(|c| {
        let mut out = Vec::new();
        for (table, label) in KINDS {
            let since = m.max_ids.get(*table).copied().unwrap_or(0);
            let n: i64 = c
                .query_row(
                    &format!("SELECT count(*) FROM {table} WHERE rowid > ?1"),
                    [since],
                    |r| r.get(0),
                )
                .ok()?;
            if n > 0 {
                out.push(Loss {
                    table: table.to_string(),
                    label: label.to_string(),
                    count: n,
                });
            }
        }
        Some(out)
    });
    Ok(RestorePlan {
        file: file.display().to_string(),
        manifest: m,
        losses,
    })
}

/// Restores `file` as the database at `db`. `who` is recorded in the audit log.
pub fn restore(
    db: &Path,
    file: &Path,
    now: NaiveDateTime,
    who: Option<&Actor>,
    keep: KeepAs,
    progress: &Progress,
) -> Result<Restored> {
    let started = Instant::now();
    let step = |s: &str, f: f32| {
        let ctx = Ctx::new(now, None).with_progress(progress.clone());
        ctx.step(s, f);
    };
    step("校验备份", 0.05);
    let incoming = sibling(db, ".restoring");
    let result = (|| -> Result<(Manifest, Option<PathBuf>)> {
        let m = unpack(file, &incoming)?;
        step("重建搜索索引", 0.4);
        let kept = kept_name(db, keep, now);
        prepare(&incoming, file, &m, &kept, now, who)?;
        step("替换数据库文件", 0.9);
        swap(db, &incoming, &kept, now)?;
        Ok((m, kept))
    })();
    if result.is_err() {
        for f in [
            incoming.clone(),
            sibling(&incoming, "-wal"),
            sibling(&incoming, "-shm"),
        ] {
            let _ = std::fs::remove_file(f);
        }
    }
    let (m, kept) = result?;
    step("完成", 1.0);
    Ok(Restored {
        file: file.display().to_string(),
        created_at: m.created_at,
        kept_as: kept.map(|k| k.display().to_string()).unwrap_or_default(),
        millis: started.elapsed().as_millis() as u64,
    })
}

/// `frontdesk.db.before-restore-20261129-143000` (None when there is no file to keep).
fn kept_name(db: &Path, keep: KeepAs, now: NaiveDateTime) -> Option<PathBuf> {
    if !db.exists() {
        return None;
    }
    let word = match keep {
        KeepAs::BeforeRestore => "before-restore",
        KeepAs::Damaged => "damaged",
    };
    let base = format!(".{word}-{}", now.format("%Y%m%d-%H%M%S"));
    let mut candidate = sibling(db, &base);
    let mut n = 2;
    while candidate.exists() {
        candidate = sibling(db, &format!("{base}-{n}"));
        n += 1;
    }
    Some(candidate)
}

/// Brings the unpacked copy up to this program's schema, rebuilds its search index and writes
/// the restore into its own audit log, so the record of the restore arrives with the file.
fn prepare(
    incoming: &Path,
    file: &Path,
    m: &Manifest,
    kept: &Option<PathBuf>,
    now: NaiveDateTime,
    who: Option<&Actor>,
) -> Result<()> {
    let conn = Connection::open_with_flags(
        incoming,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut store = Store {
        conn,
        held: None,
        path: Some(incoming.to_path_buf()),
        read_only: false,
    };
    store.apply_pragmas()?;
    grams::register(&store.conn)?;
    schema::upgrade(&mut store.conn)?;
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let ctx = Ctx::new(now, who.cloned());
    store.write(|tx| {
        tx.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')", [])?;
        tx.execute(grams::REBUILD_INDEX, [])?;
        let kept_text = match kept {
            Some(k) => format!("，原数据库文件保留为 {}", k.file_name().unwrap_or_default().to_string_lossy()),
            None => String::new(),
        };
        audit::record(
            tx,
            &ctx,
            "恢复备份",
            "backup",
            None,
            &format!("从备份 {name}（{}）恢复{kept_text}", m.created_at),
        )?;
        let head = crate::base::seal::head(tx)?;
        tx.execute(
            "INSERT INTO backup_runs (at, reason, ok, file, bytes, seals, message) VALUES (?1, ?2, 1, ?3, 0, ?4, ?5)",
            params![when::text(now), BackupReason::Restore, name, m.seals.seals, format!("恢复后封存链 {} 条", head.seals)],
        )?;
        Ok(())
    })?;
    store
        .conn
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    drop(store);
    for f in [sibling(incoming, "-wal"), sibling(incoming, "-shm")] {
        let _ = std::fs::remove_file(f);
    }
    std::fs::File::open(incoming)?.sync_all()?;
    Ok(())
}

/// Keeps the current file (with any -wal beside it) under its new name and puts the restored
/// file in its place. A stale -wal must never meet the new file: SQLite would apply it to it.
fn swap(db: &Path, incoming: &Path, kept: &Option<PathBuf>, now: NaiveDateTime) -> Result<()> {
    if let Some(kept) = kept {
        // Fold what the WAL holds into the file first, when the file can still be opened.
        if let Ok(c) = Connection::open_with_flags(
            db,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ) {
            let _ = c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        std::fs::rename(db, kept)?;
        let wal = sibling(db, "-wal");
        if wal.exists() {
            std::fs::rename(&wal, sibling(kept, "-wal"))?;
        }
    }
    let _ = std::fs::remove_file(sibling(db, "-shm"));
    let wal = sibling(db, "-wal");
    if kept.is_none() && wal.exists() {
        // The file was gone but its WAL was left: keep it aside, it belongs to no file now.
        std::fs::rename(
            &wal,
            sibling(db, &format!(".orphan-{}-wal", now.format("%Y%m%d-%H%M%S"))),
        )?;
    }
    if wal.exists() {
        return Err(Error::Integrity(
            "数据库旁边还有未处理的日志文件（-wal），为免损坏没有替换；请关闭所有使用该数据库的程序后重试".into(),
        ));
    }
    std::fs::rename(incoming, db)?;
    sync_dir(db);
    Ok(())
}
