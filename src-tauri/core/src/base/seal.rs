//! The tamper-evident chain (R-DATA-4). The audit log, closed 派工单, signed-off complaints and
//! signed 交接班 records are sealed: each seal stores a SHA-256 over the record's canonical
//! content (its row and its child rows) and a link hash over that plus the previous seal's link.
//! Changing a sealed record or an audit row with a SQLite tool, or deleting seals, breaks the
//! chain; `store::seal_check` walks it. The head (the newest link) is printed on handover forms
//! and monthly reports and kept in every backup's manifest, so deleting the newest rows shows too.
//!
//! Seals are written by `settle`, which the store runs at the end of every write transaction:
//! every audit row written in it is sealed, and so is every record it names that is in its sealed
//! state (or was sealed before and is now changed by the program, e.g. a reopened slip). So no
//! operation can forget to seal, and a seal always describes the record as committed.

use rusqlite::types::ValueRef;
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::base::error::Result;

/// What can be sealed: the table the seal names, and how to read the record's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sealable {
    /// The table of the record, also the `entity` the audit log names it by.
    pub table: &'static str,
    /// The record's Chinese name in a report of a break.
    pub label: &'static str,
    /// When a record of this table must be sealed (an SQL condition on the table, alias `r`).
    pub sealed_when: &'static str,
    /// Child tables that are part of the record: (table, column naming the parent).
    pub children: &'static [(&'static str, &'static str)],
    /// The column shown as the record's number in a report (serial where there is one).
    pub serial: &'static str,
}

pub const AUDIT: Sealable = Sealable {
    table: "audit_log",
    label: "操作日志",
    sealed_when: "1",
    children: &[],
    serial: "id",
};

/// The records sealed besides the audit log.
pub const RECORDS: &[Sealable] = &[
    Sealable {
        table: "dispatch_slips",
        label: "派工单",
        sealed_when: "r.state = 'closed'",
        children: &[
            ("slip_events", "slip_id"),
            ("slip_pauses", "slip_id"),
            ("return_visits", "slip_id"),
        ],
        serial: "serial",
    },
    Sealable {
        table: "complaints",
        label: "投诉",
        sealed_when: "r.state = 'signed_off'",
        children: &[
            ("complaint_steps", "complaint_id"),
            ("return_visits", "complaint_id"),
        ],
        serial: "serial",
    },
    Sealable {
        table: "handovers",
        label: "交接班记录",
        sealed_when: "r.status = 'signed'",
        children: &[
            ("handover_checks", "handover_id"),
            ("handover_open_items", "handover_id"),
            ("handover_anomalies", "handover_id"),
        ],
        serial: "serial",
    },
];

pub fn sealable(table: &str) -> Option<&'static Sealable> {
    if table == AUDIT.table {
        return Some(&AUDIT);
    }
    RECORDS.iter().find(|s| s.table == table)
}

/// The link before the first seal.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Columns a migration added to a sealed table after sealing began (schema 8), and the value a
/// row that existed before gets. A seal made before the column existed never hashed it, so it is
/// hashed only when it holds something else: upgrading leaves every seal intact, and any value
/// written into such a column later — or taken out of it — still changes the hash.
pub const LATER_COLUMNS: &[(&str, &str)] = &[
    // Schema 12: open items carried over and settled (R-HO-10).
    ("handover_open_items", "carried"),
    ("handover_open_items", "settled_note"),
    ("handover_open_items", "settled_by"),
    ("handover_open_items", "settled_at"),
    // Schema 13: the manager's own take-up of an escalated complaint (R-CP-2).
    ("complaints", "manager_taken_at"),
    ("complaints", "manager_taken_by"),
    // Schema 17: the incoming person's 已阅值班日志 and follow-up notes (R-HO-3).
    ("handovers", "log_read_at"),
    ("handovers", "follow_up"),
    // Schema 19: 轮休交代 of an outgoing person resting the next day (R-HO-9).
    ("handovers", "rest_notes"),
];

/// The value of a `LATER_COLUMNS` column in a row that predates it: NULL, 0 or ''.
fn unset(v: ValueRef<'_>) -> bool {
    match v {
        ValueRef::Null => true,
        ValueRef::Integer(i) => i == 0,
        ValueRef::Text(t) => t.is_empty(),
        _ => false,
    }
}

/// SHA-256 over the record's row and its child rows, every column by name and typed value, so
/// that any change of any stored byte changes the hash (save `LATER_COLUMNS` at their unset value).
pub fn content_hash(tx: &Transaction, what: &Sealable, id: i64) -> Result<Option<String>> {
    let mut h = Sha256::new();
    let found = rows_into(
        &mut h,
        tx,
        what.table,
        &format!("SELECT * FROM {} WHERE id = ?1", what.table),
        id,
    )?;
    if found == 0 {
        return Ok(None);
    }
    for (child, parent) in what.children {
        rows_into(
            &mut h,
            tx,
            child,
            &format!("SELECT * FROM {child} WHERE {parent} = ?1 ORDER BY rowid"),
            id,
        )?;
    }
    Ok(Some(hex(&h.finalize())))
}

fn rows_into(h: &mut Sha256, tx: &Transaction, table: &str, sql: &str, id: i64) -> Result<usize> {
    let mut stmt = tx.prepare_cached(sql)?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let later: Vec<bool> = names
        .iter()
        .map(|n| LATER_COLUMNS.contains(&(table, n.as_str())))
        .collect();
    let mut rows = stmt.query([id])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        n += 1;
        field(h, b'T', table.as_bytes());
        for (i, name) in names.iter().enumerate() {
            if later[i] && unset(row.get_ref(i)?) {
                continue;
            }
            field(h, b'N', name.as_bytes());
            match row.get_ref(i)? {
                ValueRef::Null => field(h, b'0', b""),
                ValueRef::Integer(v) => field(h, b'I', &v.to_le_bytes()),
                ValueRef::Real(v) => field(h, b'R', &v.to_le_bytes()),
                ValueRef::Text(t) => field(h, b'S', t),
                ValueRef::Blob(b) => field(h, b'B', b),
            }
        }
    }
    Ok(n)
}

/// One tagged, length-prefixed field: no two different rows hash the same bytes.
fn field(h: &mut Sha256, tag: u8, bytes: &[u8]) {
    h.update([tag]);
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The link of a seal: the previous link, what is sealed and its content.
pub fn link(prev: &str, table: &str, record_id: i64, content: &str) -> String {
    let mut h = Sha256::new();
    field(&mut h, b'P', prev.as_bytes());
    field(&mut h, b'T', table.as_bytes());
    field(&mut h, b'I', &record_id.to_le_bytes());
    field(&mut h, b'C', content.as_bytes());
    hex(&h.finalize())
}

/// The newest link and how many seals there are.
pub fn head(tx: &Transaction) -> Result<Head> {
    let last: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, hash FROM seals ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match last {
        Some((id, hash)) => Head { seals: id, hash },
        None => Head {
            seals: 0,
            hash: GENESIS.to_string(),
        },
    })
}

/// The chain's newest link, and the number of the newest seal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Head {
    pub seals: i64,
    pub hash: String,
}

impl Head {
    /// The short form printed in the footer of forms and reports: 封存 12345 · 3f9a12c0.
    pub fn short(&self) -> String {
        format!(
            "封存链 {} · {}",
            self.seals,
            &self.hash[..8.min(self.hash.len())]
        )
    }
}

/// Appends one seal of the record as it is now.
fn append(tx: &Transaction, what: &Sealable, id: i64) -> Result<()> {
    let Some(content) = content_hash(tx, what, id)? else {
        return Ok(());
    };
    let prev = head(tx)?;
    let hash = link(&prev.hash, what.table, id, &content);
    tx.execute(
        "INSERT INTO seals (id, entity, record_id, content_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![prev.seals + 1, what.table, id, content, hash],
    )?;
    Ok(())
}

/// Seals what this transaction wrote: every audit row not yet sealed, and each record they name
/// that is in its sealed state or was sealed before. Runs at the end of every write.
pub fn settle(tx: &Transaction) -> Result<()> {
    let last_audit: i64 = tx.query_row(
        "SELECT coalesce(max(record_id), 0) FROM seals WHERE entity = 'audit_log'",
        [],
        |r| r.get(0),
    )?;
    let fresh: Vec<(i64, String, Option<i64>)> = tx
        .prepare_cached("SELECT id, entity, entity_id FROM audit_log WHERE id > ?1 ORDER BY id")?
        .query_map([last_audit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut touched: Vec<(&'static Sealable, i64)> = Vec::new();
    for (audit_id, entity, record) in fresh {
        append(tx, &AUDIT, audit_id)?;
        if let (Some(what), Some(id)) = (RECORDS.iter().find(|s| s.table == entity), record) {
            if !touched.contains(&(what, id)) {
                touched.push((what, id));
            }
        }
    }
    for (what, id) in touched {
        if must_seal(tx, what, id)? {
            append(tx, what, id)?;
        }
    }
    Ok(())
}

/// A record is sealed when it is in its sealed state, or when it was sealed before (a program
/// change of a sealed record, like reopening a closed slip, is sealed again so the chain follows).
fn must_seal(tx: &Transaction, what: &Sealable, id: i64) -> Result<bool> {
    let sql = format!(
        "SELECT ({}) OR EXISTS (SELECT 1 FROM seals WHERE entity = ?2 AND record_id = r.id) FROM {} r WHERE r.id = ?1",
        what.sealed_when, what.table
    );
    Ok(tx
        .query_row(&sql, params![id, what.table], |r| r.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

/// Seals everything that should be sealed and is not: run once when the chain is introduced
/// (schema version 8) and after the generator's bulk writes, which write no audit rows.
pub fn backfill(tx: &Transaction) -> Result<usize> {
    let before = head(tx)?.seals;
    settle(tx)?;
    for what in RECORDS {
        let ids: Vec<i64> = tx
            .prepare(&format!(
                "SELECT r.id FROM {t} r WHERE ({w}) AND NOT EXISTS (SELECT 1 FROM seals s WHERE s.entity = '{t}' AND s.record_id = r.id) ORDER BY r.id",
                t = what.table,
                w = what.sealed_when
            ))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            append(tx, what, id)?;
        }
    }
    Ok((head(tx)?.seals - before) as usize)
}

#[cfg(test)]
mod later_column_tests {
    use super::*;

    /// The hash of row 1 of `handover_open_items` as created by `schema`.
    fn hash_with(schema: &str, insert: &str) -> String {
        let mut c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch(schema).unwrap();
        c.execute_batch(insert).unwrap();
        let tx = c.transaction().unwrap();
        let mut h = Sha256::new();
        rows_into(
            &mut h,
            &tx,
            "handover_open_items",
            "SELECT * FROM handover_open_items WHERE handover_id = ?1 ORDER BY rowid",
            7,
        )
        .unwrap();
        hex(&h.finalize())
    }

    const BEFORE: &str = "CREATE TABLE handover_open_items (id INTEGER PRIMARY KEY, handover_id INTEGER, source TEXT, ref_id INTEGER, summary TEXT, note TEXT);";
    const AFTER: &str = "CREATE TABLE handover_open_items (id INTEGER PRIMARY KEY, handover_id INTEGER, source TEXT, ref_id INTEGER, summary TEXT, note TEXT,
        carried INTEGER NOT NULL DEFAULT 0, settled_note TEXT NOT NULL DEFAULT '', settled_by INTEGER, settled_at TEXT);";
    const ROW: &str = "INSERT INTO handover_open_items (id, handover_id, source, ref_id, summary, note) VALUES (1, 7, '手写', NULL, '5-101 漏水待复查', '');";

    /// A handover signed and sealed before schema 12 keeps its seal after the upgrade adds the
    /// settled columns; a value in one of them is sealed like any other.
    #[test]
    fn columns_added_after_sealing_leave_old_seals_intact_and_seal_their_values() {
        let before = hash_with(BEFORE, ROW);
        assert_eq!(hash_with(AFTER, ROW), before);
        let settled = format!(
            "{ROW} UPDATE handover_open_items SET settled_note = '已回电', settled_by = 2, settled_at = '2026-12-10 17:15:00';"
        );
        assert_ne!(hash_with(AFTER, &settled), before);
        let carried = format!("{ROW} UPDATE handover_open_items SET carried = 1;");
        assert_ne!(hash_with(AFTER, &carried), before);
    }
}
