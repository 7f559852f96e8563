//! The SQLite store: one writer connection, opened with the pragmas that keep data safe,
//! upgraded by `PRAGMA user_version`, and used one transaction per operation.

pub mod archive;
pub mod backup;
pub mod grams;
mod held;
mod open;
mod schema;
pub mod seal_check;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::base::seal;

pub use archive::archive_dir;
pub use open::{backups_beside, BACKUP_FOLDER};
pub use schema::{latest_version, MIGRATIONS};

pub struct Store {
    conn: Connection,
    /// This connection's claim on its file (declared after `conn`, so it is released after the
    /// connection is closed). Never read: it works by being dropped.
    #[allow(dead_code)]
    held: Option<held::Held>,
    path: Option<PathBuf>,
    /// The file could only be opened for reading (a read-only file, folder or disk): everything
    /// can be looked at, nothing saved, and the window says so in a banner.
    read_only: bool,
}

impl Store {
    /// Runs `f` in one IMMEDIATE transaction: commit on Ok, roll back on Err.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        seal::settle(&tx)?;
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
            seal::settle(&tx)?;
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

    /// `PRAGMA optimize`, as SQLite advises: when a long-lived connection closes and after large
    /// changes (an import, the demo generator, a schema upgrade), so the query planner has
    /// statistics for the big tables and picks their indexes (issue 12). `analysis_limit` keeps
    /// it to a fraction of a second even on ten years of records; 0x10002 looks at every table,
    /// also those that were never analysed.
    pub fn optimize(&self) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        schema::optimize(&self.conn)
    }

    /// The raw connection, for checks and tests.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the file is open for reading only (see `read_only`).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// `integrity_check` and `foreign_key_check`, as `frontdesk-cli check` prints them, telling
    /// `ctx` how far they have got (19 s on a ten-year office).
    ///
    /// SQLite says nothing while it checks, so the fraction is estimated: its work grows with the
    /// file's pages — about 1.8 progress calls (of 1,000 VM steps) per page for the integrity
    /// check and 0.2 for the foreign keys, measured on a 47 MB and a 1.2 GB office alike.
    pub fn check(&self, ctx: &Ctx) -> Result<CheckReport> {
        const CALLS_PER_PAGE: f64 = 2.0;
        let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let expected = (pages as f64 * CALLS_PER_PAGE).max(1.0);
        let progress = ctx.progress.clone();
        let mut calls = 0u64;
        progress.say("正在检查数据库", 0.0);
        self.conn.progress_handler(
            1000,
            Some(move || {
                calls += 1;
                if calls % 50 == 0 {
                    let done = (calls as f64 / expected).min(0.97) as f32;
                    progress.say("正在检查数据库", done);
                }
                false
            }),
        );
        let report = self.check_now();
        self.conn.progress_handler(1000, None::<fn() -> bool>);
        ctx.step("检查完毕", 1.0);
        report
    }

    fn check_now(&self) -> Result<CheckReport> {
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
mod open_tests;
#[cfg(test)]
mod seal_tests;
#[cfg(test)]
mod tests;
