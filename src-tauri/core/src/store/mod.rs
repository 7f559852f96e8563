//! The SQLite store: one writer connection, opened with the pragmas that keep data safe,
//! upgraded by `PRAGMA user_version`, and used one transaction per operation.

mod archive;
pub mod grams;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::base::error::{Error, Result};

pub use archive::archive_dir;
pub use schema::{latest_version, MIGRATIONS};

/// How long a second process (e.g. the CLI while the app runs) waits for the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::init(conn, Some(path.to_path_buf()))
    }

    /// A fresh private database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, None)
    }

    fn init(conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let mut store = Store { conn, path };
        store.apply_pragmas()?;
        // The search triggers call these; they must exist before any write (and any upgrade).
        crate::store::grams::register(&store.conn)?;
        schema::upgrade(&mut store.conn)?;
        Ok(store)
    }

    /// Sets and then verifies the pragmas; a database that does not take them is refused.
    fn apply_pragmas(&mut self) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        c.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")?;
        let in_memory = self.path.is_none();
        if !(mode.eq_ignore_ascii_case("wal") || in_memory && mode.eq_ignore_ascii_case("memory")) {
            return Err(Error::Integrity(format!(
                "journal_mode 应为 WAL,实际为 {mode}"
            )));
        }
        let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        if sync != 2 {
            return Err(Error::Integrity(format!(
                "synchronous 应为 FULL(2),实际为 {sync}"
            )));
        }
        let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
        if fk != 1 {
            return Err(Error::Integrity("foreign_keys 未能开启".into()));
        }
        let timeout: i64 = c.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?;
        if timeout <= 0 {
            return Err(Error::Integrity("busy_timeout 未能设置".into()));
        }
        Ok(())
    }

    /// Runs `f` in one IMMEDIATE transaction: commit on Ok, roll back on Err.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` in one IMMEDIATE transaction and keeps its changes only when it answers `true`;
    /// otherwise everything it did is rolled back. An import preview (and an import refused
    /// because some rows are wrong) runs the real inserts this way, so its counts are exactly
    /// what a real import would do, and nothing is left behind.
    pub fn write_if<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<(T, bool)>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (out, keep) = f(&tx)?;
        if keep {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        Ok(out)
    }

    /// Runs `f` in one read transaction so that everything it reads is one consistent snapshot.
    pub fn read<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// The raw connection, for checks and tests.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// `integrity_check` and `foreign_key_check`, as `frontdesk-cli check` prints them.
    pub fn check(&self) -> Result<CheckReport> {
        let integrity: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let fk_problems: Vec<String> = self
            .conn
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |r| {
                Ok(format!(
                    "{} 第 {} 行引用的 {} 不存在",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let ok = integrity == ["ok"] && fk_problems.is_empty();
        Ok(CheckReport {
            ok,
            integrity,
            foreign_key_problems: fk_problems,
            schema_version: version,
        })
    }
}

#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CheckReport {
    pub ok: bool,
    pub integrity: Vec<String>,
    pub foreign_key_problems: Vec<String>,
    pub schema_version: i64,
}

/// Where the database lives unless `--db` or `FRONTDESK_DB` says otherwise:
/// the OS per-user data directory (on Linux `~/.local/share/frontdesk/frontdesk.db`).
pub fn default_db_path() -> PathBuf {
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("frontdesk").join("frontdesk.db")
}

/// `--db PATH` wins, then `FRONTDESK_DB`, then the default.
pub fn resolve_db_path(flag: Option<&str>) -> PathBuf {
    if let Some(p) = flag.filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    match std::env::var("FRONTDESK_DB") {
        Ok(p) if !p.is_empty() => PathBuf::from(p),
        _ => default_db_path(),
    }
}

#[cfg(test)]
mod tests;
