//! Taking a backup. The snapshot is made with `VACUUM INTO` on a connection of its own (a read
//! transaction: the desk keeps writing meanwhile); the copy drops the search index, is checked
//! with `integrity_check`, hashed and compressed into a `.part` file that is fsynced and then
//! renamed into place, and copied to the second folder. A copy that fails any step is deleted
//! and the failure recorded — never kept as if it were good.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::manifest::{self, Manifest};
use super::settings::{self, BackupSettings};
use super::{default_folder, files_in, retention, stem, BackupReason};
use crate::base::error::{Error, Result};
use crate::base::seal;
use crate::base::when;
use crate::store::open::{sibling, sync_dir};
use crate::store::Store;

/// Room reserved at the start of the file for the manifest, written once the hash is known.
const MANIFEST_ROOM: usize = 16 * 1024;
/// zstd level 3: fast, and the database compresses to a fraction of itself.
const LEVEL: i32 = 3;

/// One backup at a time in this process (the half-hourly one and 立即备份 may meet).
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// What a finished backup reports.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Taken {
    pub file: String,
    pub bytes: u64,
    pub db_bytes: u64,
    pub millis: u64,
    pub manifest: Manifest,
    /// Things that did not stop the backup but that someone should know (second folder missing).
    pub warnings: Vec<String>,
    /// Old backups removed by the retention rule.
    pub pruned: usize,
    /// How long each step took, for the README's figures.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Step {
    pub step: String,
    pub millis: u64,
}

struct Steps {
    done: Vec<Step>,
    last: Instant,
}

impl Steps {
    fn lap(&mut self, step: &str) {
        let now = Instant::now();
        self.done.push(Step {
            step: step.into(),
            millis: now.duration_since(self.last).as_millis() as u64,
        });
        self.last = now;
    }
}

/// Takes a backup of the database at `db` now, whatever changed.
pub fn take(db: &Path, reason: BackupReason, now: NaiveDateTime) -> Result<Taken> {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let conn = source(db)?;
    let settings = settings::read(&conn)?;
    let started = Instant::now();
    let out = snapshot(&conn, db, &settings, reason, now);
    let millis = started.elapsed().as_millis() as u64;
    log_run(&conn, now, reason, &out, millis);
    let mut taken = out?;
    taken.millis = millis;
    Ok(taken)
}

/// The half-hourly backup: taken only when the records moved since the last good one (the
/// chain's head counts every audited change) and the interval has passed.
pub fn take_if_changed(
    db: &Path,
    reason: BackupReason,
    now: NaiveDateTime,
) -> Result<Option<Taken>> {
    let due = {
        let conn = source(db)?;
        let settings = settings::read(&conn)?;
        let tx = conn.unchecked_transaction()?;
        let head = seal::head(&tx)?;
        let last: Option<(String, i64)> = tx
            .query_row(
                "SELECT at, seals FROM backup_runs WHERE ok = 1 AND reason <> 'restore' ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        drop(tx);
        let due = match last {
            None => true,
            Some((_, seals)) if seals == head.seals => false,
            Some((at, _)) => {
                reason == BackupReason::Exit
                    || when::stored(&at).is_none_or(|at| {
                        now - at >= chrono::Duration::minutes(settings.every_minutes as i64)
                    })
            }
        };
        due
    };
    if !due {
        return Ok(None);
    }
    take(db, reason, now).map(Some)
}

/// Before a schema upgrade: a backup of the file as it is, in the default folder. The old
/// schema has no settings or log tables, so neither is read or written.
pub fn before_upgrade(store: &mut Store) -> Result<()> {
    let Some(db) = store.path().map(Path::to_path_buf) else {
        return Ok(());
    };
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let now = crate::base::ctx::china_now();
    snapshot(
        store.conn(),
        &db,
        &BackupSettings::default(),
        BackupReason::Upgrade,
        now,
    )
    .map(|_| ())
    .map_err(|e| {
        Error::Integrity(format!(
            "升级数据库前的备份没有成功，所以没有升级，数据库保持原样：{e}"
        ))
    })
}

/// A connection to the live database for reading the snapshot (and logging the run).
fn source(db: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

/// The name of a new backup: `frontdesk-20261129-143000.db.zst`, `-2` … if that is taken.
fn fresh_name(folder: &Path, db: &Path, now: NaiveDateTime) -> String {
    let base = format!("{}-{}", stem(db), now.format("%Y%m%d-%H%M%S"));
    let mut name = format!("{base}.db.zst");
    let mut n = 2;
    while folder.join(&name).exists() {
        name = format!("{base}-{n}.db.zst");
        n += 1;
    }
    name
}

fn snapshot(
    conn: &Connection,
    db: &Path,
    settings: &BackupSettings,
    reason: BackupReason,
    now: NaiveDateTime,
) -> Result<Taken> {
    let folder = default_folder(db);
    std::fs::create_dir_all(&folder)?;
    let name = fresh_name(&folder, db, now);
    let copy = folder.join(format!(".{name}.copy"));
    let part = folder.join(format!(".{name}.part"));
    let mut clock = Steps {
        done: Vec::new(),
        last: Instant::now(),
    };
    let result = (|| {
        copy_without_index(conn, &copy)?;
        clock.lap("复制快照");
        // Checking the copy and compressing it both only read it: on two cores they overlap.
        let (described, packed) = std::thread::scope(|scope| {
            let check = scope.spawn(|| describe(&copy, reason, now));
            let packed = compress(&copy, &part);
            let described = check
                .join()
                .unwrap_or_else(|_| Err(Error::Integrity("检查备份副本时出错".into())));
            (described, packed)
        });
        let mut manifest = described?;
        let (sha256, db_bytes) = packed?;
        clock.lap("检查并压缩");
        manifest.sha256 = sha256;
        manifest.db_bytes = db_bytes;
        let bytes = finish(&part, &manifest)?;
        clock.lap("读回校验");
        let _ = std::fs::remove_file(&copy);
        let target = folder.join(&name);
        std::fs::rename(&part, &target)?;
        sync_dir(&target);
        Ok((target, bytes, manifest))
    })();
    for leftover in [&copy, &part] {
        let _ = std::fs::remove_file(leftover);
    }
    let _ = std::fs::remove_file(sibling(&copy, "-journal"));
    let (target, bytes, manifest) = result.map_err(|e| during_backup(e, &folder))?;
    let mut warnings = Vec::new();
    let mut pruned = prune(&folder, db, settings, now);
    if !settings.second_folder.is_empty() {
        let second = PathBuf::from(&settings.second_folder);
        match copy_to(&target, &second) {
            Ok(()) => pruned += prune(&second, db, settings, now),
            Err(e) => warnings.push(format!(
                "第二备份位置 {} 没有写入（{}）；本次备份已保存在 {}",
                second.display(),
                e,
                folder.display()
            )),
        }
    }
    clock.lap("第二位置与清理旧备份");
    Ok(Taken {
        file: target.display().to_string(),
        bytes,
        db_bytes: manifest.db_bytes,
        millis: 0,
        manifest,
        warnings,
        pruned,
        steps: clock.done,
    })
}

/// A failure while backing up, said as what it means: the database itself is untouched.
fn during_backup(e: Error, folder: &Path) -> Error {
    let full = matches!(e.kind(), "disk_full")
        || matches!(&e, Error::Io(io) if io.raw_os_error() == Some(28));
    if full {
        return Error::Integrity(format!(
            "备份位置 {} 空间不足，本次备份没有完成；数据库和已有的备份都没有受影响，请清理磁盘",
            folder.display()
        ));
    }
    Error::Integrity(format!(
        "本次备份没有完成：{e}；数据库和已有的备份都没有受影响"
    ))
}

/// `VACUUM INTO` a plain copy and drop the search index from it.
fn copy_without_index(conn: &Connection, copy: &Path) -> Result<()> {
    let _ = std::fs::remove_file(copy);
    conn.execute("VACUUM INTO ?1", [copy.to_string_lossy()])?;
    let c = Connection::open_with_flags(
        copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // A self-contained file (no -wal needed to read it); freed pages zeroed so they compress away.
    let _: String = c.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))?;
    c.execute_batch("PRAGMA secure_delete=ON;")?;
    let has_index: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'search_fts')",
        [],
        |r| r.get(0),
    )?;
    if has_index {
        c.execute(
            "INSERT INTO search_fts (search_fts) VALUES ('delete-all')",
            [],
        )?;
    }
    Ok(())
}

/// `integrity_check` of the copy, and what is in it.
fn describe(copy: &Path, reason: BackupReason, now: NaiveDateTime) -> Result<Manifest> {
    let c = Connection::open_with_flags(
        copy,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let integrity: Vec<String> = c
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if integrity != ["ok"] {
        return Err(Error::Integrity(format!(
            "备份副本没有通过完整性检查（{}）",
            integrity.first().cloned().unwrap_or_default()
        )));
    }
    let (counts, max_ids) = counts_of(&c)?;
    let schema_version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let has_seals: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'seals')",
        [],
        |r| r.get(0),
    )?;
    let seals = if has_seals {
        seal::head(&c.unchecked_transaction()?)?
    } else {
        seal::Head {
            seals: 0,
            hash: seal::GENESIS.into(),
        }
    };
    Ok(Manifest {
        format: manifest::FORMAT,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        created_at: when::text(now),
        reason: reason.code().to_string(),
        schema_version,
        counts,
        max_ids,
        integrity: "ok".into(),
        seals,
        sha256: String::new(),
        db_bytes: 0,
    })
}

/// Rows and highest row id of every table but the search index's own.
pub(super) fn counts_of(c: &Connection) -> Result<(BTreeMap<String, i64>, BTreeMap<String, i64>)> {
    let tables: Vec<(String, bool)> = c
        .prepare(
            "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, bool>(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut counts = BTreeMap::new();
    let mut max_ids = BTreeMap::new();
    for (t, without_rowid) in tables {
        let n: i64 = c.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?;
        counts.insert(t.clone(), n);
        if !without_rowid {
            let m: i64 = c.query_row(
                &format!("SELECT coalesce(max(rowid), 0) FROM \"{t}\""),
                [],
                |r| r.get(0),
            )?;
            max_ids.insert(t, m);
        }
    }
    Ok((counts, max_ids))
}

/// Hashes and compresses `copy` into `part`, after room for the manifest.
fn compress(copy: &Path, part: &Path) -> Result<(String, u64)> {
    let mut out = std::fs::File::create(part)?;
    out.write_all(&vec![0u8; 8 + MANIFEST_ROOM])?;
    let mut input = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(copy)?);
    let mut hasher = Sha256::new();
    let mut total = 0u64;
    let mut enc = zstd::Encoder::new(std::io::BufWriter::with_capacity(1 << 20, out), LEVEL)?;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = input.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        enc.write_all(&buf[..n])?;
        total += n as u64;
    }
    enc.finish()?.flush()?;
    Ok((seal::hex(&hasher.finalize()), total))
}

/// Writes the manifest into its room, fsyncs the file, and reads it back: what is on disk must
/// decompress to what was hashed.
fn finish(part: &Path, m: &Manifest) -> Result<u64> {
    let mut head = Vec::new();
    manifest::write(&mut head, m)?;
    if head.len() > 8 + MANIFEST_ROOM {
        return Err(Error::Integrity("备份清单过大".into()));
    }
    // Pad the JSON with spaces up to the reserved room; the frame's length covers the padding.
    head[4..8].copy_from_slice(&(MANIFEST_ROOM as u32).to_le_bytes());
    head.resize(8 + MANIFEST_ROOM, b' ');
    let mut out = std::fs::OpenOptions::new().write(true).open(part)?;
    out.seek(SeekFrom::Start(0))?;
    out.write_all(&head)?;
    out.sync_all()?;
    let bytes = out.metadata()?.len();
    drop(out);
    let check = super::verify::hash_of(part)?;
    if check.0 != m.sha256 {
        return Err(Error::Integrity(
            "写入的备份文件读回后与原数据不一致".into(),
        ));
    }
    Ok(bytes)
}

/// Copies a finished backup into another folder the same careful way.
fn copy_to(file: &Path, folder: &Path) -> Result<()> {
    if !folder.is_dir() {
        return Err(Error::Integrity("文件夹不存在，U 盘可能没有插好".into()));
    }
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let part = folder.join(format!(".{name}.part"));
    let result = (|| {
        std::fs::copy(file, &part)?;
        std::fs::File::open(&part)?.sync_all()?;
        std::fs::rename(&part, folder.join(&name))?;
        sync_dir(&folder.join(&name));
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    result.map_err(|e: Error| Error::Integrity(e.to_string()))
}

/// Removes the backups the retention rule no longer keeps; returns how many.
fn prune(folder: &Path, db: &Path, s: &BackupSettings, now: NaiveDateTime) -> usize {
    let files = files_in(folder, db);
    let times: Vec<NaiveDateTime> = files
        .iter()
        .map(|f| {
            super::time_in_name(db, &f.file_name().unwrap_or_default().to_string_lossy())
                .unwrap_or(now)
        })
        .collect();
    let keep = retention::keep(&times, now.date(), s.retention);
    let mut removed = 0;
    for (f, k) in files.iter().zip(keep) {
        if !k && std::fs::remove_file(f).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Records the attempt in `backup_runs` (when the table exists): the status bar reads it.
fn log_run(
    conn: &Connection,
    now: NaiveDateTime,
    reason: BackupReason,
    out: &Result<Taken>,
    millis: u64,
) {
    let (ok, file, bytes, seals, message) = match out {
        Ok(t) => (
            true,
            t.file.clone(),
            t.bytes as i64,
            t.manifest.seals.seals,
            t.warnings.join("；"),
        ),
        Err(e) => (false, String::new(), 0, 0, e.to_string()),
    };
    let message: String = message.chars().take(500).collect();
    let _ = conn.execute(
        "INSERT INTO backup_runs (at, reason, ok, file, bytes, seals, message, millis) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![when::text(now), reason, ok, file, bytes, seals, message, millis as i64],
    );
}
