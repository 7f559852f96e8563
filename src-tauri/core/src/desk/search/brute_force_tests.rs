//! The index answers exactly what a brute-force reading of every record answers: a Chinese
//! part of the query must be a substring of the name, the place (public areas) or the content; a Latin/digit part must
//! be one of the record's words or keys (or the start of one, from three characters on).

use super::tests::*;
use super::*;
use crate::base::ctx::Actor;
use crate::base::role::Role;
use crate::store::grams;
use crate::synthetic::{self, GenerateInput, Rng};

struct Row {
    kind: HitKind,
    id: i64,
    /// For an entry carried on by a slip or complaint: that matter.
    carrier: Option<(HitKind, i64)>,
    name: String,
    room: String,
    content: String,
    tokens: Vec<String>,
    keys: Vec<String>,
}

fn fold(s: &str) -> String {
    s.chars().map(grams::fold).collect()
}

fn rows(store: &Store) -> Vec<Row> {
    let mut st = store
        .conn()
        .prepare(
            "SELECT d.kind, d.record_id, d.name, d.content, d.room_code, d.phone, d.serial,
                    e.slip_id, e.complaint_id
             FROM search_docs d LEFT JOIN intake_entries e ON d.kind = 'intake' AND e.id = d.record_id
             ORDER BY d.id DESC",
        )
        .unwrap();
    st.query_map([], |r| {
        let kind = HitKind::from_code(&r.get::<_, String>(0)?)?;
        let content: String = r.get(3)?;
        let keys = grams::keys(
            &r.get::<_, String>(4)?,
            &r.get::<_, String>(5)?,
            &r.get::<_, String>(6)?,
        );
        let keys: Vec<String> = keys.split(' ').map(String::from).collect();
        let mut tokens: Vec<String> = grams::words(&content)
            .split(' ')
            .map(String::from)
            .collect();
        tokens.extend(keys.iter().cloned());
        let room = fold(&r.get::<_, String>(4)?);
        let carrier = match (r.get::<_, Option<i64>>(7)?, r.get::<_, Option<i64>>(8)?) {
            (Some(slip), _) => Some((HitKind::Slip, slip)),
            (None, Some(complaint)) => Some((HitKind::Complaint, complaint)),
            (None, None) => None,
        };
        Ok(Row {
            kind,
            id: r.get(1)?,
            carrier,
            name: fold(&r.get::<_, String>(2)?),
            room,
            content: fold(&content),
            tokens,
            keys,
        })
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The rows a search lists, and its total: matters among the newest `COUNT_CAP` matching
/// documents, and whether that was all of them.
fn brute_force(rows: &[Row], query: &str) -> (Vec<(HitKind, i64)>, i64, bool) {
    let q = fold(query);
    // Split like a person would read it: Chinese runs, and runs of letters/digits/'-'.
    let mut parts: Vec<(bool, String)> = Vec::new();
    for c in q.chars() {
        let class = if grams::is_cjk(c) {
            Some(true)
        } else if c.is_ascii_alphanumeric() || c == '-' {
            Some(false)
        } else {
            None
        };
        match (class, parts.last_mut()) {
            (Some(k), Some((lk, s))) if *lk == k && !s.is_empty() => s.push(c),
            (Some(k), _) => parts.push((k, c.to_string())),
            (None, _) => parts.push((false, String::new())),
        }
    }
    let parts: Vec<(bool, String)> = parts
        .into_iter()
        .map(|(k, s)| {
            (
                k,
                if k {
                    s
                } else {
                    s.trim_matches('-').to_string()
                },
            )
        })
        .filter(|(_, s)| !s.is_empty())
        .collect();
    if parts.is_empty() {
        return (Vec::new(), 0, true);
    }
    let matching: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            parts.iter().all(|(cjk, p)| {
                if *cjk {
                    [&r.name, &r.room, &r.content]
                        .iter()
                        .any(|f| f.contains(p.as_str()))
                } else {
                    r.tokens
                        .iter()
                        .any(|t| t == p || (p.chars().count() >= 3 && t.starts_with(p.as_str())))
                }
            })
        })
        .collect();
    // One word alone is ranked: records whose own key it is come first.
    let own = |r: &Row| matches!(parts.as_slice(), [(false, w)] if r.keys.contains(w));
    let matched: std::collections::HashSet<(HitKind, i64)> =
        matching.iter().map(|r| (r.kind, r.id)).collect();
    let counted = &matching[..matching.len().min(COUNT_CAP as usize)];
    let newest: std::collections::HashSet<(HitKind, i64)> =
        counted.iter().map(|r| (r.kind, r.id)).collect();
    let total = counted
        .iter()
        .filter(|r| !r.carrier.is_some_and(|m| newest.contains(&m)))
        .count() as i64;
    let exact = matching.len() <= COUNT_CAP as usize;
    let (first, rest): (Vec<&Row>, Vec<&Row>) = matching.into_iter().partition(|r| own(r));
    // One row per matter: an entry carried on by a slip or complaint is left out when that
    // matter matches too, and otherwise stands in its place; each matter is listed once.
    let mut listed = std::collections::HashSet::new();
    let list = first
        .into_iter()
        .chain(rest)
        .filter_map(|r| match r.carrier {
            Some(m) if matched.contains(&m) => None,
            Some(m) => Some(m),
            None => Some((r.kind, r.id)),
        })
        .filter(|m| listed.insert(*m))
        .collect();
    (list, total, exact)
}

fn sample_queries(rows: &[Row], rng: &mut Rng) -> Vec<String> {
    let mut out: Vec<String> = vec![
        "水".into(),
        "漏水".into(),
        "电梯".into(),
        "卫生间".into(),
        "电梯困人".into(),
        "led".into(),
        "LED灯".into(),
        "b2".into(),
        "3号楼 电梯".into(),
        "沪A12345".into(),
        "PG-20".into(),
        "量子".into(),
        "1".into(),
        "pg".into(),
        "1201".into(),
        "2-1".into(),
    ];
    for _ in 0..120 {
        let r = &rows[rng.below(rows.len() as u64) as usize];
        let chars: Vec<char> = r.content.chars().collect();
        let len = 1 + rng.below(5) as usize;
        if chars.len() > len {
            let at = rng.below((chars.len() - len) as u64) as usize;
            out.push(chars[at..at + len].iter().collect());
        }
        let t = &r.tokens[rng.below(r.tokens.len() as u64) as usize];
        if !t.is_empty() {
            out.push(t.clone());
        }
        out.push(r.name.clone());
    }
    out
}

/// Compares the index with the brute force for ~400 queries sampled from the data.
fn assert_index_agrees(store: &mut Store, seed: u64) {
    let rows = rows(store);
    let mut rng = Rng::new(seed);
    let mut checked = 0;
    for q in sample_queries(&rows, &mut rng) {
        let (want, total, exact) = brute_force(&rows, &q);
        let got = match search(
            store,
            &ctx(),
            SearchQuery {
                text: q.clone(),
                limit: Some(MAX_LIMIT),
                offset: None,
            },
        ) {
            Ok(page) => {
                assert_eq!(
                    (page.total, page.total_exact),
                    (total, exact),
                    "total of {q:?}"
                );
                page.hits.iter().map(|h| (h.kind, h.id)).collect::<Vec<_>>()
            }
            Err(e) => {
                assert_eq!(e.kind(), "invalid", "{q:?}: {e}");
                assert!(
                    want.is_empty(),
                    "{q:?} was refused but matches {} records",
                    want.len()
                );
                continue;
            }
        };
        let want: Vec<_> = want.into_iter().take(MAX_LIMIT as usize).collect();
        assert_eq!(got, want, "query {q:?}");
        checked += 1;
    }
    assert!(checked > 300, "only {checked} queries were compared");
}

/// Every record has exactly one document, and it says what the record says now.
fn assert_documents_match_records(store: &Store) {
    let records = "
        SELECT 'intake', e.id, e.received_at, '', coalesce(r.code, e.location), e.caller_name, e.caller_phone, e.content
          FROM intake_entries e LEFT JOIN rooms r ON r.id = e.room_id
        UNION ALL
        SELECT 'slip', s.id, s.opened_at, s.serial, coalesce(r.code, s.location), s.caller_name, s.caller_phone, s.content
          FROM dispatch_slips s LEFT JOIN rooms r ON r.id = s.room_id
        UNION ALL
        SELECT 'complaint', c.id, c.opened_at, c.serial, coalesce(r.code, ''), c.complainant_name, c.complainant_phone, c.content
          FROM complaints c LEFT JOIN rooms r ON r.id = c.room_id";
    let docs =
        "SELECT kind, record_id, at, serial, room_code, name, phone, content FROM search_docs";
    let c = store.conn();
    let count = |sql: String| c.query_row(&sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(
        count(format!(
            "SELECT count(*) FROM (SELECT * FROM ({records}) EXCEPT SELECT * FROM ({docs}))"
        )),
        0,
        "a record has no up-to-date document"
    );
    assert_eq!(
        count(format!(
            "SELECT count(*) FROM (SELECT * FROM ({docs}) EXCEPT SELECT * FROM ({records}))"
        )),
        0,
        "a document has no record"
    );
    assert_eq!(
        count(format!("SELECT count(*) FROM ({records})")),
        count(format!("SELECT count(*) FROM ({docs})"))
    );
    // Ids run in time order, so "newest first" is id order.
    assert_eq!(
        count(
            "SELECT count(*) FROM search_docs a JOIN search_docs b ON b.id > a.id AND b.at < a.at"
                .into()
        ),
        0
    );
    c.execute(
        "INSERT INTO search_fts (search_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
}

fn generated() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let input = GenerateInput {
        years: 1,
        seed: 7,
        entries_per_year: Some(1500),
        rooms: Some(60),
    };
    synthetic::generate(&mut store, ctx().now, input).unwrap();
    store
}

#[test]
fn every_sampled_query_matches_the_brute_force_answer() {
    let mut store = generated();
    assert!(
        rows(&store).len() > 2000,
        "the data set is big enough to mean something"
    );
    assert_documents_match_records(&store);
    assert_index_agrees(&mut store, 11);
}

#[test]
fn the_index_follows_edits_new_records_and_a_renamed_room() {
    let mut store = generated();
    let c = store.conn();
    // Edits of searched fields, of a time, and of fields that are not searched.
    c.execute_batch(
        "UPDATE intake_entries SET content = '阳台玻璃门滑轨卡死,推不动' WHERE id % 7 = 0;
         UPDATE intake_entries SET caller_name = '欧阳娜娜', caller_phone = '13955554444' WHERE id % 11 = 0;
         UPDATE intake_entries SET received_at = '2026-01-05 08:00:00' WHERE id % 13 = 0;
         UPDATE dispatch_slips SET content = content || ',已更换PPR水管' WHERE id % 5 = 0;
         UPDATE dispatch_slips SET work_done = '复查' WHERE id % 3 = 0;
         UPDATE complaints SET complainant_phone = '0755-26661234', content = '投诉噪音' WHERE id % 2 = 0;
         UPDATE intake_entries SET room_id = NULL, location = '南门岗亭' WHERE id % 17 = 0;",
    )
    .unwrap();
    let renamed: i64 = c
        .query_row(
            "SELECT room_id FROM dispatch_slips WHERE room_id IS NOT NULL LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let supervisor = Ctx::as_user(
        ctx().now,
        Actor {
            id: 1,
            login: "zhuguan".into(),
            name: "周敏".into(),
            role: Role::Supervisor,
        },
    );
    crate::setup::rooms::add_building(
        &mut store,
        &supervisor,
        crate::setup::rooms::BuildingInput {
            name: "88".into(),
            note: String::new(),
        },
    )
    .unwrap();
    crate::setup::rooms::update_room(
        &mut store,
        &supervisor,
        renamed,
        crate::setup::rooms::RoomInput {
            building: "88".into(),
            unit: "1".into(),
            number: "101".into(),
            area_m2: None,
            note: String::new(),
        },
    )
    .unwrap();
    assert!(
        !found(&mut store, "88-1-101").is_empty(),
        "the renamed room's records are found by its new code"
    );
    assert_documents_match_records(&store);
    assert_index_agrees(&mut store, 12);
    let q = |s: &mut Store, t: &str| found(s, t).len();
    assert!(
        q(&mut store, "滑轨卡死") > 0 && q(&mut store, "欧阳娜娜") > 0 && q(&mut store, "ppr") > 0
    );
    assert!(q(&mut store, "南门岗亭") > 0 && q(&mut store, "1234") > 0);
}
