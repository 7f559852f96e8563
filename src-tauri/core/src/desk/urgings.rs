//! The calls urging a slip or complaint (催办, recorded by `urging`), as the record and its
//! timeline show them. Kept apart from the act so the slip and complaint pages can read them
//! without the act's own use of slips and complaints coming back round.

use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::base::error::Result;

/// One call urging a record, for its timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Urging {
    pub at: String,
    pub by: String,
    pub note: String,
}

/// Each call urging slip `id` (or complaint, with `column` = "complaint_id"), oldest first.
pub(crate) fn of(tx: &Transaction, column: &str, id: i64) -> Result<Vec<Urging>> {
    let mut st = tx.prepare(&format!(
        "SELECT u.at, s.name, u.note FROM urgings u JOIN staff s ON s.id = u.by_id
         WHERE u.{column} = ?1 ORDER BY u.at, u.id"
    ))?;
    let out = st
        .query_map([id], |r| {
            Ok(Urging {
                at: r.get(0)?,
                by: r.get(1)?,
                note: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
