//! Search over the after-hours registers and the key register (R-AH-1..4). These are small
//! (a desk writes a few a day: some thousands of rows in ten years), so they are not in the
//! full-text index: each search reads them and keeps the rows holding every word typed. The
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

/// Rows of every register holding each word of `text` (case-folded), newest first.
pub(crate) fn find(tx: &Transaction, now: NaiveDateTime, text: &str) -> Result<Vec<RegisterHit>> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let holds = |parts: &[&str]| {
        let hay = fold(&parts.join(" "));
        words.iter().all(|w| hay.contains(w.as_str()))
    };
    let mut hits = Vec::new();
    for g in goods_passes::all(tx)? {
        if holds(&[
            &g.serial,
            &g.room,
            &g.resident_name,
            &g.resident_phone,
            &g.carrier_name,
            &g.carrier_phone,
            &g.items,
            &g.note,
        ]) {
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
    }
    for p in hot_work::all(tx, now)? {
        if holds(&[
            &p.serial,
            &p.room,
            &p.place,
            &p.applicant,
            &p.applicant_phone,
            &p.work,
            &p.guardian,
        ]) {
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
    }
    for p in entry_passes::all(tx, now)? {
        if holds(&[
            &p.serial,
            &p.room,
            &p.holder_name,
            &p.holder_phone,
            &p.company,
            &p.purpose,
        ]) {
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
    }
    for k in keys::all(tx)? {
        let lent_to = k.loan.as_ref().map_or("", |l| l.lent_to.as_str());
        if holds(&[
            &k.room,
            &k.label,
            &k.owner_name,
            &k.owner_phone,
            &k.note,
            lent_to,
        ]) {
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
    }
    hits.sort_by(|a, b| b.at.cmp(&a.at));
    hits.truncate(MAX_HITS);
    Ok(hits)
}

fn fold(s: &str) -> String {
    s.chars().map(grams::fold).collect()
}
