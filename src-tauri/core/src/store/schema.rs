//! Schema versions. Each migration brings the database from version N-1 to N inside one
//! transaction; a fresh database runs them all. Old schemas are frozen in
//! `tests/schema_snapshots/` and a test upgrades each one and compares it with a fresh database.
//! Never edit a migration that has shipped: add the next one.

use rusqlite::{Connection, TransactionBehavior};

use crate::base::error::{Error, Result};

/// Migration `i` (0-based) produces schema version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_foundation.sql"),
    include_str!("migrations/002_intake.sql"),
    include_str!("migrations/003_duty.sql"),
    include_str!("migrations/004_search.sql"),
    include_str!("migrations/005_roster_shift_times.sql"),
    include_str!("migrations/006_request_changes.sql"),
    include_str!("migrations/007_handover_serials.sql"),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub(super) fn upgrade(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = latest_version();
    if current > latest {
        return Err(Error::Integrity(format!(
            "数据库版本 {current} 比本程序支持的版本 {latest} 新,请升级程序"
        )));
    }
    for version in current + 1..=latest {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(MIGRATIONS[(version - 1) as usize])?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}
