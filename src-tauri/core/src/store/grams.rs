//! How text becomes index terms, and how a query becomes an FTS5 MATCH expression.
//!
//! SQLite's `unicode61` tokenizer keeps a run of Chinese characters as ONE token, so
//! "卫生间漏水" could only be found whole. Chinese has no spaces, so we split it ourselves and
//! hand FTS5 text that is already in words:
//! - `uni`:   every CJK character on its own           → finds 1-character queries (水)
//! - `bi`:    every overlapping pair in a CJK run       → finds 2-character queries (漏水) and,
//!   as a phrase of consecutive pairs, 3+-character queries (卫生间 = "卫生 生间")
//! - `words`: the runs of Latin letters, digits and '-' (LED, 3-2-1201, 10a), lower-cased
//! - `keys`:  room code, phone (and its digits and last four), serial — the exact handles the
//!   desk types; hyphenated keys also give their parts (3-2-1201 → 3, 2, 1201).
//!
//! The same functions build the index text (called from SQL triggers through the functions
//! `register` installs) and the query, so both sides always split alike.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

/// Between two CJK runs in the `bi` column, so that a phrase of pairs cannot join the end of
/// one run to the start of the next ("…卫生,生间…" must not match 卫生间). A Latin token never
/// matches a CJK query.
const RUN_BREAK: &str = "z";

/// Chinese (and the other CJK scripts) — the characters that are split into grams.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF        // kana
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xF900..=0xFAFF      // compatibility ideographs
        | 0x20000..=0x3134F) // extensions B–G
}

/// Characters that make up a Latin/digit word; '-' joins room codes and serials.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Full-width ASCII (０-９, Ａ-Ｚ, －) to half-width, then lower case: what people type on a
/// Chinese input method and what the index stores are compared alike.
pub fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The text split into maximal runs: `(true, run)` for CJK, `(false, run)` for words.
/// Everything else (spaces, punctuation) separates runs and is dropped.
fn runs(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut cur = String::new();
    let mut cur_cjk = false;
    for c in text.chars().map(fold) {
        let kind = if is_cjk(c) {
            Some(true)
        } else if is_word_char(c) {
            Some(false)
        } else {
            None
        };
        match kind {
            Some(k) if !cur.is_empty() && k == cur_cjk => cur.push(c),
            Some(k) => {
                if !cur.is_empty() {
                    out.push((cur_cjk, std::mem::take(&mut cur)));
                }
                cur_cjk = k;
                cur.push(c);
            }
            None => {
                if !cur.is_empty() {
                    out.push((cur_cjk, std::mem::take(&mut cur)));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push((cur_cjk, cur));
    }
    // A word made only of '-' is no word.
    out.into_iter()
        .filter_map(|(cjk, r)| {
            if cjk {
                Some((cjk, r))
            } else {
                let t = r.trim_matches('-').to_string();
                (!t.is_empty()).then_some((cjk, t))
            }
        })
        .collect()
}

/// `uni` column text: every CJK character, space-separated.
pub fn unigrams(text: &str) -> String {
    let mut out = String::new();
    for (cjk, run) in runs(text) {
        if cjk {
            for c in run.chars() {
                push_token(&mut out, c.encode_utf8(&mut [0; 4]));
            }
        }
    }
    out
}

/// `bi` column text: overlapping pairs of each CJK run, runs separated by `RUN_BREAK`.
pub fn bigrams(text: &str) -> String {
    let mut out = String::new();
    for (cjk, run) in runs(text) {
        if !cjk {
            continue;
        }
        let chars: Vec<char> = run.chars().collect();
        if chars.len() < 2 {
            continue;
        }
        if !out.is_empty() {
            push_token(&mut out, RUN_BREAK);
        }
        for w in chars.windows(2) {
            let pair: String = w.iter().collect();
            push_token(&mut out, &pair);
        }
    }
    out
}

/// `words` / `keys` column text: the Latin/digit words, and the parts of hyphenated ones.
pub fn words(text: &str) -> String {
    let mut out = String::new();
    for (cjk, run) in runs(text) {
        if cjk {
            continue;
        }
        push_token(&mut out, &run);
        if run.contains('-') {
            for part in run.split('-').filter(|p| !p.is_empty()) {
                push_token(&mut out, part);
            }
        }
    }
    out
}

/// `keys` column text from a record's handles. A phone is also given as bare digits and as
/// its last four (the desk's 尾号).
pub fn keys(room_code: &str, phone: &str, serial: &str) -> String {
    let mut text = format!("{room_code} {phone}");
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() >= 4 {
        text.push(' ');
        text.push_str(&digits);
        text.push(' ');
        text.push_str(&digits[digits.len() - 4..]);
    }
    let mut out = words(&text);
    // A serial is kept whole (its parts, 202611 or 0001, would match hundreds of others);
    // its start still finds it, as a prefix.
    let serial: String = serial
        .chars()
        .map(fold)
        .filter(|c| is_word_char(*c))
        .collect();
    let serial = serial.trim_matches('-');
    if !serial.is_empty() {
        push_token(&mut out, serial);
    }
    out
}

fn push_token(out: &mut String, token: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(token);
}

/// Words shorter than this are matched whole; longer ones also match as a prefix
/// (138 finds 13812345678). A one- or two-character prefix would fan out to thousands of
/// distinct tokens and is not what someone typing "A" or "12" means.
pub const PREFIX_MIN_CHARS: usize = 3;

/// The FTS5 MATCH expression for what the user typed, or None when nothing in it can be
/// searched (only punctuation). Every term is quoted, so no input is read as FTS5 syntax;
/// all parts must match (AND).
pub fn match_expr(query: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for (cjk, run) in runs(query) {
        if cjk {
            let chars: Vec<char> = run.chars().collect();
            if chars.len() == 1 {
                parts.push(format!("uni : {}", quote(&run)));
            } else {
                let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
                parts.push(format!("bi : {}", quote(&pairs.join(" "))));
            }
        } else {
            let star = if run.chars().count() >= PREFIX_MIN_CHARS {
                "*"
            } else {
                ""
            };
            parts.push(format!("{{words keys}} : {}{star}", quote(&run)));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// An FTS5 string literal. Runs hold only CJK, [a-z0-9-] and spaces, but quote defensively.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The FTS5 expressions to run in turn (see `search::page_ids`). A query that is a single
/// Latin/digit word — a room, phone, last four or serial — is ranked: first the records
/// that have it as their own key, then the rest that match. Anything else is one tier.
pub fn match_tiers(query: &str) -> Option<Vec<String>> {
    let all = match_expr(query)?;
    match runs(query).as_slice() {
        [(false, word)] => {
            let own = format!("keys : {}", quote(word));
            Some(vec![own.clone(), format!("({all}) NOT {own}")])
        }
        _ => Some(vec![all]),
    }
}

/// The query's parts as plain strings, for highlighting a snippet: CJK runs and words.
pub fn query_terms(query: &str) -> Vec<String> {
    runs(query).into_iter().map(|(_, r)| r).collect()
}

/// Fills the search index from `search_docs`, exactly as the `search_docs_ai` trigger
/// (migration 004) files each document: a restored backup carries no index.
pub const REBUILD_INDEX: &str = "INSERT INTO search_fts (rowid, uni, bi, words, keys)
    SELECT id,
        search_unigrams(name || ' ' || room_code || ' ' || content),
        search_bigrams(name || ' ' || room_code || ' ' || content),
        search_words(content),
        search_keys(room_code, phone, serial)
    FROM search_docs ORDER BY id";

/// Installs the SQL functions the search triggers call. Deterministic, so SQLite may use them
/// in triggers and indexes.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("search_unigrams", 1, flags, |ctx| {
        Ok(unigrams(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })?;
    conn.create_scalar_function("search_bigrams", 1, flags, |ctx| {
        Ok(bigrams(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })?;
    conn.create_scalar_function("search_words", 1, flags, |ctx| {
        Ok(words(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })?;
    // The folding of `fold`, for searches that scan small tables in SQL (the registers).
    conn.create_scalar_function("search_fold", 1, flags, |ctx| {
        Ok(ctx
            .get::<Option<String>>(0)?
            .unwrap_or_default()
            .chars()
            .map(fold)
            .collect::<String>())
    })?;
    conn.create_scalar_function("search_keys", 3, flags, |ctx| {
        let s = |i| ctx.get::<Option<String>>(i).map(Option::unwrap_or_default);
        Ok(keys(&s(0)?, &s(1)?, &s(2)?))
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_split_into_characters_and_pairs() {
        assert_eq!(unigrams("卫生间漏水"), "卫 生 间 漏 水");
        assert_eq!(bigrams("卫生间漏水"), "卫生 生间 间漏 漏水");
        assert_eq!(bigrams("卫生,生间"), "卫生 z 生间");
        assert_eq!(bigrams("水"), "", "a lone character has no pair");
    }

    #[test]
    fn latin_and_digits_become_lower_case_words_with_their_parts() {
        assert_eq!(
            words("3-2-1201 的 LED灯坏了,Ａ座"),
            "3-2-1201 3 2 1201 led a"
        );
        assert_eq!(words("--"), "");
        assert_eq!(
            keys("3-2-1201", "13812345678", "PG-202611-0001"),
            "3-2-1201 3 2 1201 13812345678 13812345678 5678 pg-202611-0001"
        );
        assert_eq!(
            keys("", "0755-1234567", ""),
            "0755-1234567 0755 1234567 07551234567 4567"
        );
    }

    #[test]
    fn queries_become_quoted_fts_expressions() {
        assert_eq!(match_expr("水").unwrap(), "uni : \"水\"");
        assert_eq!(match_expr("漏水").unwrap(), "bi : \"漏水\"");
        assert_eq!(match_expr("卫生间").unwrap(), "bi : \"卫生 生间\"");
        assert_eq!(
            match_expr("LED灯").unwrap(),
            "{words keys} : \"led\"* AND uni : \"灯\""
        );
        assert_eq!(match_expr("12").unwrap(), "{words keys} : \"12\"");
        assert_eq!(
            match_expr("\"* OR NEAR(").unwrap(),
            "{words keys} : \"or\" AND {words keys} : \"near\"*"
        );
        assert!(match_expr(" ,。!").is_none());
        assert_eq!(
            match_tiers("3-2-1201").unwrap(),
            vec![
                "keys : \"3-2-1201\"".to_string(),
                "({words keys} : \"3-2-1201\"*) NOT keys : \"3-2-1201\"".to_string(),
            ]
        );
        assert_eq!(
            match_tiers("漏水").unwrap(),
            vec!["bi : \"漏水\"".to_string()]
        );
    }
}
