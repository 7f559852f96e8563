//! The `LIKE '%…%'` scan the index replaces, kept as the benchmark's baseline: each
//! space-separated part of the query must appear somewhere in the record's content, name,
//! room, phone or serial. Newest first, by walking the time-ordered ids backwards.

use rusqlite::Transaction;

use super::{hit_from_row, SearchHit};
use crate::base::error::Result;

pub fn like_scan(tx: &Transaction, text: &str, limit: i64, offset: i64) -> Result<Vec<SearchHit>> {
    let parts: Vec<String> = text.split_whitespace().map(like_pattern).collect();
    let mut sql = String::from(
        "SELECT kind, record_id, serial, at, room_code, name, phone, content FROM search_docs WHERE 1",
    );
    for i in 1..=parts.len() {
        sql.push_str(&format!(
            " AND (content LIKE ?{i} ESCAPE '\\' OR name LIKE ?{i} ESCAPE '\\' OR room_code LIKE ?{i} ESCAPE '\\'
                   OR phone LIKE ?{i} ESCAPE '\\' OR serial LIKE ?{i} ESCAPE '\\')"
        ));
    }
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {limit} OFFSET {offset}"));
    let terms: Vec<String> = parts
        .iter()
        .map(|p| p.trim_matches('%').to_string())
        .collect();
    let mut st = tx.prepare(&sql)?;
    let hits = st
        .query_map(rusqlite::params_from_iter(parts.iter()), |r| {
            hit_from_row(r, &terms)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

fn like_pattern(part: &str) -> String {
    let mut p = String::from("%");
    for c in part.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}
