//! One box that finds intake entries, dispatch slips and complaints by room, name, phone
//! (full or last four), serial, or any Chinese word in the content — newest first.
//!
//! Design (why not `LIKE '%…%'`): a LIKE scan reads every row, and a query that matches
//! few records (a rare word, a serial) must read all 500,000 entries before it can answer.
//! Instead every record has one row in `search_docs` and one in the FTS5 table `search_fts`,
//! written by triggers in the same transaction as the record (migration `search`). Chinese is
//! indexed as single characters and overlapping pairs (see `grams`), so 1-, 2- and
//! 3+-character queries are all index look-ups. Document ids are ordered by the record's
//! time, so FTS5 returns the newest matches first and stops after one page.
//!
//! Ranking: a query that is one room code, phone, last four, or serial lists the records
//! whose own handle it is first, then records that merely mention it (e.g. in the content);
//! within each tier, newest first. Other queries are newest first.

pub mod scan;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::ANYONE;
use crate::coded_enum;
use crate::desk::complaints::ComplaintState;
use crate::desk::slips::SlipState;
use crate::store::grams;
use crate::store::Store;

coded_enum!(
    /// What kind of record a hit is.
    HitKind {
        Intake = ("intake", "来电来访"),
        Slip = ("slip", "派工单"),
        Complaint = ("complaint", "投诉"),
    }
);

impl HitKind {
    fn from_code(code: &str) -> rusqlite::Result<HitKind> {
        match code {
            "intake" => Ok(HitKind::Intake),
            "slip" => Ok(HitKind::Slip),
            "complaint" => Ok(HitKind::Complaint),
            other => Err(rusqlite::Error::InvalidColumnType(
                0,
                format!("search_docs.kind = {other}"),
                rusqlite::types::Type::Text,
            )),
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SearchQuery {
    /// What was typed in the box.
    pub text: String,
    /// Hits per page; default 20, at most 200.
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<i64>,
    /// How many hits to skip (for the next page); default 0.
    #[serde(default)]
    #[ts(optional)]
    pub offset: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    /// The record's id in its own table (intake entry, slip or complaint).
    pub id: i64,
    /// PG-202611-0001 / TS-202611-0001; empty for intake entries without one.
    pub serial: String,
    /// The record's time (受理时间 / 开单时间 / 登记时间), 'YYYY-MM-DD HH:MM:SS'.
    pub at: String,
    pub room: String,
    pub name: String,
    pub phone: String,
    /// The part of the content around the first match, with "…" where it was cut.
    pub snippet: String,
    /// Where the matter stands, in its screen's words: a slip's or complaint's state; for an
    /// entry 已办结, 未办结, 待回电, or the slip or complaint that carries it on (已转派工单
    /// PG-…), so an entry and its slip read as one matter.
    pub state: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    /// True when there is at least one more hit after this page.
    pub has_more: bool,
    pub offset: i64,
    /// The query's parts as matched (lower-cased words, Chinese runs), for highlighting.
    pub terms: Vec<String>,
}

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 200;
/// How far down the list paging may go; past this, narrow the query instead.
pub const MAX_OFFSET: i64 = 10_000;
const MAX_TEXT_CHARS: usize = 100;
/// Characters of content shown around the first match.
const SNIPPET_CHARS: usize = 60;

/// Finds records matching every part of `text`, newest first. Anyone logged in may search.
pub fn search(store: &mut Store, ctx: &Ctx, query: SearchQuery) -> Result<SearchPage> {
    ctx.require(ANYONE, "搜索")?;
    let (limit, offset) = page_bounds(&query)?;
    let text = query.text.trim();
    if text.is_empty() {
        return Err(Error::invalid(
            "text",
            "请输入要搜索的内容：房号、姓名、电话、单号或内容中的词",
        ));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(Error::invalid(
            "text",
            format!("搜索内容不能超过 {MAX_TEXT_CHARS} 个字"),
        ));
    }
    let terms = grams::query_terms(text);
    let Some(tiers) = grams::match_tiers(text) else {
        return Err(Error::invalid(
            "text",
            "搜索内容只有标点符号；请输入文字、数字或字母",
        ));
    };
    store.read(|tx| {
        let ids = page_ids(tx, &tiers, limit + 1, offset)?;
        let has_more = ids.len() as i64 > limit;
        let mut doc = tx.prepare_cached(
            "SELECT kind, record_id, serial, at, room_code, name, phone, content FROM search_docs WHERE id = ?1",
        )?;
        let mut hits = Vec::with_capacity(limit as usize);
        for id in ids.into_iter().take(limit as usize) {
            let mut hit = doc.query_row([id], |r| hit_from_row(r, &terms))?;
            hit.state = state_of(tx, hit.kind, hit.id)?;
            hits.push(hit);
        }
        Ok(SearchPage { hits, has_more, offset, terms: terms.clone() })
    })
}

/// The document ids of one page: `count` ids after skipping `offset`, taking each tier's
/// matches newest first before the next tier's. Each tier is one FTS5 query that walks its
/// index backwards by time and stops as soon as it has enough, so no query sorts all its
/// matches; an earlier tier is read to its end only when the page reaches past it.
fn page_ids(
    tx: &rusqlite::Transaction,
    tiers: &[String],
    count: i64,
    offset: i64,
) -> Result<Vec<i64>> {
    let mut st = tx.prepare_cached(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
    )?;
    let mut ids: Vec<i64> = Vec::new();
    let mut skip = offset;
    for expr in tiers {
        let want = skip + count - ids.len() as i64;
        let found = st
            .query_map(rusqlite::params![expr, want], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let n = found.len() as i64;
        ids.extend(found.into_iter().skip(skip as usize));
        skip = (skip - n).max(0);
        if ids.len() as i64 >= count {
            break;
        }
    }
    Ok(ids)
}

pub(crate) fn page_bounds(query: &SearchQuery) -> Result<(i64, i64)> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::invalid(
            "limit",
            format!("每页条数应在 1 到 {MAX_LIMIT} 之间"),
        ));
    }
    let offset = query.offset.unwrap_or(0);
    if !(0..=MAX_OFFSET).contains(&offset) {
        return Err(Error::invalid(
            "offset",
            format!("翻页位置应在 0 到 {MAX_OFFSET} 之间；请把搜索条件写得更具体"),
        ));
    }
    Ok((limit, offset))
}

/// A hit from `kind, record_id, serial, at, room_code, name, phone, content`.
pub(crate) fn hit_from_row(r: &rusqlite::Row, terms: &[String]) -> rusqlite::Result<SearchHit> {
    let content: String = r.get(7)?;
    Ok(SearchHit {
        kind: HitKind::from_code(&r.get::<_, String>(0)?)?,
        id: r.get(1)?,
        serial: r.get(2)?,
        at: r.get(3)?,
        room: r.get(4)?,
        name: r.get(5)?,
        phone: r.get(6)?,
        snippet: snippet(&content, terms),
        state: String::new(),
    })
}

/// The state of the record behind a hit (see `SearchHit::state`); '' if it is gone.
fn state_of(tx: &rusqlite::Transaction, kind: HitKind, id: i64) -> Result<String> {
    use rusqlite::OptionalExtension;
    let code = |sql: &str| -> Result<Option<String>> {
        Ok(tx.query_row(sql, [id], |r| r.get(0)).optional()?)
    };
    Ok(match kind {
        HitKind::Slip => code("SELECT state FROM dispatch_slips WHERE id = ?1")?
            .and_then(|c| SlipState::from_text(&c))
            .map(|s| s.label().to_string()),
        HitKind::Complaint => code("SELECT state FROM complaints WHERE id = ?1")?
            .and_then(|c| ComplaintState::from_text(&c))
            .map(|s| s.label().to_string()),
        HitKind::Intake => tx
            .query_row(
                "SELECT (SELECT serial FROM dispatch_slips WHERE id = e.slip_id),
                        (SELECT serial FROM complaints WHERE id = e.complaint_id),
                        e.callback_state = 'pending', e.finished_at IS NOT NULL
                 FROM intake_entries e WHERE e.id = ?1",
                [id],
                |r| {
                    let (slip, complaint): (Option<String>, Option<String>) =
                        (r.get(0)?, r.get(1)?);
                    let (callback, finished): (bool, bool) = (r.get(2)?, r.get(3)?);
                    Ok(match (slip, complaint) {
                        (Some(s), _) => format!("已转派工单 {s}"),
                        (_, Some(c)) => format!("已转投诉 {c}"),
                        _ if callback => "待回电".to_string(),
                        _ if finished => "已办结".to_string(),
                        _ => "未办结".to_string(),
                    })
                },
            )
            .optional()?,
    }
    .unwrap_or_default())
}

/// Up to `SNIPPET_CHARS` characters of `content`, starting a little before the first term
/// found in it, so a match late in a long text is still visible.
pub fn snippet(content: &str, terms: &[String]) -> String {
    let chars: Vec<char> = content.chars().collect();
    if chars.len() <= SNIPPET_CHARS {
        return content.to_string();
    }
    let folded: Vec<char> = chars.iter().map(|c| grams::fold(*c)).collect();
    let first = terms
        .iter()
        .filter_map(|t| {
            let t: Vec<char> = t.chars().collect();
            (!t.is_empty())
                .then(|| folded.windows(t.len()).position(|w| w == t.as_slice()))
                .flatten()
        })
        .min()
        .unwrap_or(0);
    let start = first.saturating_sub(10).min(chars.len() - SNIPPET_CHARS);
    let end = start + SNIPPET_CHARS;
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.extend(&chars[start..end]);
    if end < chars.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod tests;
