//! Search over the after-hours registers and the key register (R-AH-1..4). These are small
//! (a desk writes a few a day: some thousands of rows in ten years), so they are not in the
//! full-text index: each search scans them in SQL for the rows holding every word typed. The
//! hits come on the first page of a search, beside the intake log's, slips' and complaints'.

use chrono::NaiveDateTime;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::base::error::Result;
use crate::coded_enum;
use crate::desk::keys;
use crate::desk::registers::{entry_passes, goods_passes, hot_work};
use crate::store::grams;

coded_enum!(
    /// Which register a hit is from.
    RegisterKind {
        Goods = ("goods", "物品放行单"),
        HotWork = ("hot_work", "动火审批"),
        Pass = ("pass", "出入证"),
        Key = ("key", "客户钥匙"),
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RegisterHit {
    pub kind: RegisterKind,
    pub id: i64,
    /// FX / MH / CR-…; '' for a key.
    pub serial: String,
    /// When it was issued (deposited, for a key).
    pub at: String,
    pub room: String,
    /// The person it is about: the carrier, the applicant, the holder, the key's owner.
    pub name: String,
    /// What it is: the items, the work, the purpose, the key.
    pub summary: String,
    /// Where it stands, in its register's words.
    pub state: String,
}

/// The most register hits a search shows.
pub const MAX_HITS: usize = 20;

/// Rows of every register holding each word of `text` (case-folded), newest first. Each table
/// is filtered in SQL (`search_fold` folds as the index does) and gives at most `MAX_HITS`, so
/// a search reads no more records than it shows, however long the registers grow.
pub(crate) fn find(tx: &Transaction, now: NaiveDateTime, text: &str) -> Result<Vec<RegisterHit>> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let mut hits = Vec::new();
    for id in matching(tx, GOODS, &words)? {
        let g = goods_passes::get(tx, id)?;
        hits.push(RegisterHit {
            kind: RegisterKind::Goods,
            id: g.id,
            serial: g.serial,
            at: g.issued_at,
            room: g.room,
            name: g.carrier_name,
            summary: g.items,
            state: g.state.label().to_string(),
        });
    }
    for id in matching(tx, HOT_WORK, &words)? {
        let p = hot_work::get(tx, now, id)?;
        hits.push(RegisterHit {
            kind: RegisterKind::HotWork,
            id: p.id,
            serial: p.serial,
            at: p.issued_at,
            room: if p.room.is_empty() { p.place } else { p.room },
            name: p.applicant,
            summary: p.work,
            state: p.state.label().to_string(),
        });
    }
    for id in matching(tx, PASSES, &words)? {
        let p = entry_passes::get(tx, now, id)?;
        hits.push(RegisterHit {
            kind: RegisterKind::Pass,
            id: p.id,
            serial: p.serial,
            at: p.issued_at,
            room: p.room,
            name: p.holder_name,
            summary: format!("{}（{} 至 {}）", p.purpose, p.valid_from, p.valid_to),
            state: p.state.label().to_string(),
        });
    }
    for id in matching(tx, KEYS, &words)? {
        let k = keys::get(tx, id)?;
        hits.push(RegisterHit {
            kind: RegisterKind::Key,
            id: k.id,
            serial: String::new(),
            at: k.deposited_at,
            room: k.room,
            name: k.owner_name,
            summary: match &k.loan {
                Some(l) => format!("{}（借给 {}）", k.label, l.lent_to),
                None => k.label,
            },
            state: k.state.label().to_string(),
        });
    }
    hits.sort_by(|a, b| b.at.cmp(&a.at));
    hits.truncate(MAX_HITS);
    Ok(hits)
}

// Each register as (id, when, what a search looks through): the fields the desk would type.
const GOODS: &str = "SELECT t.id AS id, t.issued_at AS at, search_fold(t.serial || ' ' || r.code || ' ' ||
        t.resident_name || ' ' || t.resident_phone || ' ' || t.carrier_name || ' ' || t.carrier_phone || ' ' ||
        t.items || ' ' || t.note) AS h
    FROM goods_passes t JOIN rooms r ON r.id = t.room_id";
const HOT_WORK: &str = "SELECT t.id AS id, t.issued_at AS at, search_fold(t.serial || ' ' || coalesce(r.code, '') || ' ' ||
        t.place || ' ' || t.applicant || ' ' || t.applicant_phone || ' ' || t.work || ' ' || t.guardian) AS h
    FROM hot_work_permits t LEFT JOIN rooms r ON r.id = t.room_id";
const PASSES: &str = "SELECT t.id AS id, t.issued_at AS at, search_fold(t.serial || ' ' || coalesce(r.code, '') || ' ' ||
        t.holder_name || ' ' || t.holder_phone || ' ' || t.company || ' ' || t.purpose) AS h
    FROM entry_passes t LEFT JOIN rooms r ON r.id = t.room_id";
const KEYS: &str = "SELECT k.id AS id, k.deposited_at AS at, search_fold(coalesce(r.code, '') || ' ' || k.label || ' ' ||
        k.owner_name || ' ' || k.owner_phone || ' ' || k.note || ' ' || coalesce(l.lent_to, '')) AS h
    FROM resident_keys k LEFT JOIN rooms r ON r.id = k.room_id
    LEFT JOIN key_loans l ON l.key_id = k.id AND l.returned_at IS NULL";

/// Ids of the rows of `register` holding every word, newest first, at most `MAX_HITS`.
fn matching(tx: &Transaction, register: &str, words: &[String]) -> Result<Vec<i64>> {
    let each: Vec<String> = (1..=words.len())
        .map(|i| format!("instr(h, ?{i}) > 0"))
        .collect();
    let sql = format!(
        "SELECT id FROM ({register}) WHERE {} ORDER BY at DESC, id DESC LIMIT {MAX_HITS}",
        each.join(" AND ")
    );
    let ids = tx
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(words), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn fold(s: &str) -> String {
    s.chars().map(grams::fold).collect()
}
