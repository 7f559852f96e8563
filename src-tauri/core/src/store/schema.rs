//! Schema versions. Each migration brings the database from version N-1 to N inside one
//! transaction; a fresh database runs them all. Old schemas are frozen in
//! `tests/schema_snapshots/` and a test upgrades each one and compares it with a fresh database.
//! Never edit a migration that has shipped: add the next one.

use rusqlite::{Connection, TransactionBehavior};

use crate::base::error::{Error, Result, Unusable};
use crate::base::seal;

/// Migration `i` (0-based) produces schema version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_foundation.sql"),
    include_str!("migrations/002_intake.sql"),
    include_str!("migrations/003_duty.sql"),
    include_str!("migrations/004_search.sql"),
    include_str!("migrations/005_roster_shift_times.sql"),
    include_str!("migrations/006_request_changes.sql"),
    include_str!("migrations/007_handover_serials.sql"),
    include_str!("migrations/008_data_safety.sql"),
    include_str!("migrations/009_report_indexes.sql"),
    include_str!("migrations/010_message_channels.sql"),
    include_str!("migrations/011_noon_duty.sql"),
    include_str!("migrations/012_settled_open_items.sql"),
    include_str!("migrations/013_complaint_take_up.sql"),
    include_str!("migrations/014_complaint_deadlines.sql"),
    include_str!("migrations/015_handover_due.sql"),
    include_str!("migrations/016_return_visit_deadline.sql"),
    include_str!("migrations/017_handover_log_read.sql"),
    include_str!("migrations/018_resident_keys.sql"),
    include_str!("migrations/019_handover_rest_notes.sql"),
    include_str!("migrations/020_after_hours_registers.sql"),
    include_str!("migrations/021_duty_checks.sql"),
    include_str!("migrations/022_duty_leave_special_days_urging.sql"),
    include_str!("migrations/023_shift_arrivals.sql"),
    include_str!("migrations/024_audit_log_indexes.sql"),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The schema version written in the file, refused when this program cannot work with it.
pub fn version_of(conn: &Connection) -> Result<i64> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = latest_version();
    if current < 0 {
        return Err(Error::Unusable {
            problem: Unusable::Damaged,
            message: format!("数据库文件的版本号（{current}）无效，文件可能已损坏或被其他程序改过"),
        });
    }
    if current > latest {
        return Err(Error::Unusable {
            problem: Unusable::Newer,
            message: format!(
                "数据库由更新版本的程序写入（数据库版本 {current}，本程序只支持到 {latest}）；请安装新版本的程序再打开，文件没有改动"
            ),
        });
    }
    Ok(current)
}

pub(super) fn upgrade(conn: &mut Connection) -> Result<()> {
    let current = version_of(conn)?;
    for version in current + 1..=latest_version() {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(MIGRATIONS[(version - 1) as usize])?;
        if version == 8 {
            // The chain starts with everything already recorded.
            seal::backfill(&tx)?;
        }
        if version == 10 {
            edited_in_place(&tx, "intake_entries", "'wechat', 'email'")?;
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    if current < latest_version() {
        // New indexes and tables: give the planner statistics now (issue 12).
        optimize(conn)?;
    }
    Ok(())
}

/// After a migration that edits a table's recorded definition (writable_schema): the edit must
/// have taken — else the file is not the schema this program knows, and nothing is committed —
/// and the schema version moves on, so every connection reads the new definition.
fn edited_in_place(tx: &rusqlite::Transaction, table: &str, now_has: &str) -> Result<()> {
    let sql: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get(0),
    )?;
    if !sql.contains(now_has) {
        return Err(Error::Unusable {
            problem: Unusable::Damaged,
            message: format!("数据库中“{table}”表的结构与本程序所知的不同，无法升级；文件没有改动"),
        });
    }
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.pragma_update(None, "schema_version", version + 1)?;
    Ok(())
}

/// `PRAGMA optimize` bounded by `analysis_limit`, so it stays a fraction of a second on ten
/// years of records; 0x10002 looks at every table, also those never analysed (see
/// `Store::optimize` for when it runs).
pub(super) fn optimize(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;")?;
    Ok(())
}
