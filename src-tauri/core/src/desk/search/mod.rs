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
//!
//! One row per matter: an intake entry that became a slip or complaint is that matter's
//! beginning, not a second result. When the slip (or complaint) matches too, the entry is left
//! out; when only the entry matches (its words differ from the slip's), the slip is shown in the
//! entry's place with the entry's words as its snippet (`entry_at` says so). The decision is
//! made per document, so pages never repeat a matter and the total counts matters.

pub mod registers;
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
    /// entry (one not carried on by a slip or complaint) 已办结, 未办结 or 待回电.
    pub state: String,
    /// When the words were found in the intake entry this slip or complaint began as (and not
    /// in the slip or complaint itself): that entry's 受理时间; otherwise ''.
    pub entry_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    /// True when there is at least one more hit after this page.
    pub has_more: bool,
    pub offset: i64,
    /// The `offset` that asks for the page after this one (offsets count index documents,
    /// some of which are folded into their matter's row).
    pub next_offset: i64,
    /// How many matters match (one per row), counted among the newest `COUNT_CAP` documents.
    pub total: i64,
    /// False when more than `COUNT_CAP` documents match: `total` is then a lower bound.
    pub total_exact: bool,
    /// The query's parts as matched (lower-cased words, Chinese runs), for highlighting.
    pub terms: Vec<String>,
    /// Rows of the after-hours and key registers holding every word (first page only).
    pub registers: Vec<registers::RegisterHit>,
}

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 200;
/// How far down the list paging may go; past this, narrow the query instead.
pub const MAX_OFFSET: i64 = 10_000;
/// Matching documents counted for `SearchPage::total`; past this the total says "more than".
pub const COUNT_CAP: i64 = 2_000;
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
    let all = grams::match_expr(text).unwrap_or_default();
    store.read(|tx| {
        let mut hits: Vec<SearchHit> = Vec::with_capacity(limit as usize);
        let (mut pos, mut next_offset, mut has_more) = (offset, offset, false);
        // Documents are read a batch at a time: a few fold into a matter already shown.
        let batch = limit + 1 + limit / 2;
        'pages: loop {
            let ids = page_ids(tx, &tiers, batch, pos)?;
            for &id in &ids {
                pos += 1;
                let Some(hit) = matter_hit(tx, id, &all, &terms)? else {
                    continue;
                };
                if hits.iter().any(|h| h.kind == hit.kind && h.id == hit.id) {
                    continue;
                }
                if hits.len() as i64 == limit {
                    has_more = true;
                    break 'pages;
                }
                hits.push(hit);
                next_offset = pos;
            }
            if (ids.len() as i64) < batch || pos >= MAX_OFFSET {
                break;
            }
        }
        let (total, total_exact) = count_matters(tx, &all)?;
        let registers = if offset == 0 {
            registers::find(tx, ctx.now, text)?
        } else {
            Vec::new()
        };
        Ok(SearchPage {
            registers,
            hits,
            has_more,
            offset,
            next_offset,
            total,
            total_exact,
            terms: terms.clone(),
        })
    })
}

/// The document of the matter that carries on the intake entry of document `id`: its slip,
/// else its complaint. None for any other document.
fn carrier_doc(tx: &rusqlite::Transaction, id: i64) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .prepare_cached(
            "SELECT cd.id FROM search_docs d
               JOIN intake_entries ce ON d.kind = 'intake' AND ce.id = d.record_id
               JOIN search_docs cd
                 ON cd.kind = CASE WHEN ce.slip_id IS NOT NULL THEN 'slip' ELSE 'complaint' END
                AND cd.record_id = coalesce(ce.slip_id, ce.complaint_id)
              WHERE d.id = ?1",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The row document `id` stands for (see "One row per matter" above), or None when the
/// matter's own document matches and will be (or was) listed in its own place.
fn matter_hit(
    tx: &rusqlite::Transaction,
    id: i64,
    all: &str,
    terms: &[String],
) -> Result<Option<SearchHit>> {
    let mut doc = tx.prepare_cached(
        "SELECT kind, record_id, serial, at, room_code, name, phone, content FROM search_docs WHERE id = ?1",
    )?;
    let mut hit = doc.query_row([id], |r| hit_from_row(r, terms))?;
    if let Some(carrier) = carrier_doc(tx, id)? {
        let matches = tx
            .prepare_cached("SELECT 1 FROM search_fts WHERE search_fts MATCH ?1 AND rowid = ?2")?
            .exists(rusqlite::params![all, carrier])?;
        if matches {
            return Ok(None);
        }
        let entry = hit;
        hit = doc.query_row([carrier], |r| hit_from_row(r, terms))?;
        hit.snippet = entry.snippet;
        hit.entry_at = entry.at;
    }
    hit.state = state_of(tx, hit.kind, hit.id)?;
    Ok(Some(hit))
}

/// (matters, exact): how many rows the search lists in all, by the same rule as `matter_hit`
/// (an entry whose carrier also matches is no row of its own), counted over the newest
/// `COUNT_CAP` matching documents so a common word still answers at once (~10 ms).
fn count_matters(tx: &rusqlite::Transaction, all: &str) -> Result<(i64, bool)> {
    let ids = tx
        .prepare_cached(&format!(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid DESC LIMIT {}",
            COUNT_CAP + 1
        ))?
        .query_map([all], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    let exact = ids.len() as i64 <= COUNT_CAP;
    let ids = &ids[..ids.len().min(COUNT_CAP as usize)];
    let matched: std::collections::HashSet<i64> = ids.iter().copied().collect();
    let mut matters = 0;
    for &id in ids {
        match carrier_doc(tx, id)? {
            Some(carrier) if matched.contains(&carrier) => {}
            _ => matters += 1,
        }
    }
    Ok((matters, exact))
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
        entry_at: String::new(),
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
                "SELECT callback_state = 'pending', finished_at IS NOT NULL FROM intake_entries WHERE id = ?1",
                [id],
                |r| {
                    Ok(match (r.get(0)?, r.get(1)?) {
                        (true, _) => "待回电",
                        (false, true) => "已办结",
                        (false, false) => "未办结",
                    }
                    .to_string())
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
mod brute_force_tests;
#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod tests;
