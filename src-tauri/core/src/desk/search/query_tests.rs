//! More of `tests`: the tests split off to keep each file short; the helpers are its own.

use super::*;

use HitKind::{Intake as I, Slip as S};

#[allow(unused_imports)]
use super::tests::*;

#[test]
fn a_record_whose_own_room_or_phone_it_is_ranks_before_one_that_mentions_it() {
    let mut s = store_with_docs();
    put(
        &mut s,
        &Doc {
            kind: "intake",
            id: 9,
            at: "2026-11-20 09:00:00",
            serial: "",
            room: "2-1-502",
            name: "赵敏",
            phone: "13711112222",
            content: "楼上3-2-1201家漏水到我家",
        },
    );
    assert_eq!(
        found(&mut s, "3-2-1201"),
        vec![(S, 1), (I, 1), (I, 9)],
        "own room first, then the newer mention"
    );
    // Paging runs across the two tiers without losing or repeating a hit.
    let q = |offset| SearchQuery {
        text: "3-2-1201".into(),
        limit: Some(1),
        offset: Some(offset),
    };
    let pages: Vec<_> = (0..4)
        .map(|o| search(&mut s, &ctx(), q(o)).unwrap())
        .collect();
    let ids: Vec<_> = pages
        .iter()
        .flat_map(|p| p.hits.iter().map(|h| (h.kind, h.id)))
        .collect();
    assert_eq!(ids, vec![(S, 1), (I, 1), (I, 9)]);
    assert_eq!(
        pages.iter().map(|p| p.has_more).collect::<Vec<_>>(),
        vec![true, true, false, false]
    );
}

#[test]
fn a_hit_shows_its_record() {
    let mut s = store_with_docs();
    let page = search(
        &mut s,
        &ctx(),
        SearchQuery {
            text: "PG-202611-0001".into(),
            limit: None,
            offset: None,
        },
    )
    .unwrap();
    assert_eq!(
        page.hits,
        vec![SearchHit {
            kind: S,
            id: 1,
            serial: "PG-202611-0001".into(),
            at: "2026-11-01 08:05:00".into(),
            room: "3-2-1201".into(),
            name: "张伟".into(),
            phone: "13812345678".into(),
            snippet: "卫生间漏水,请派水电工上门".into(),
            // Only the search row exists here, not the slip: no state to say.
            state: String::new(),
            entry_at: String::new(),
        }]
    );
}

#[test]
fn bad_queries_are_refused_naming_the_field() {
    let mut s = store_with_docs();
    for (text, limit, offset, field) in [
        ("  ", None, None, "text"),
        ("!!,。", None, None, "text"),
        ("水", Some(0), None, "limit"),
        ("水", Some(500), None, "limit"),
        ("水", None, Some(-1), "offset"),
    ] {
        let e = search(
            &mut s,
            &ctx(),
            SearchQuery {
                text: text.into(),
                limit,
                offset,
            },
        )
        .unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            ("invalid", Some(field)),
            "query {text:?}"
        );
    }
    let long = "水".repeat(101);
    let e = search(
        &mut s,
        &ctx(),
        SearchQuery {
            text: long,
            limit: None,
            offset: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("text"));
}

#[test]
fn fts_syntax_in_a_query_is_only_text() {
    let mut s = store_with_docs();
    for text in [
        "\"",
        "水\" OR \"电",
        "NEAR(水 电)",
        "*",
        "led*",
        "uni:水",
        "-",
        "^水",
    ] {
        let r = search(
            &mut s,
            &ctx(),
            SearchQuery {
                text: text.into(),
                limit: None,
                offset: None,
            },
        );
        assert!(
            r.is_ok() || r.as_ref().unwrap_err().kind() == "invalid",
            "{text:?} gave {r:?}"
        );
    }
    assert_eq!(
        found(&mut s, "uni:水"),
        Vec::<(HitKind, i64)>::new(),
        "'uni' is a word here, not a column"
    );
}

#[test]
fn searching_needs_a_login() {
    let mut s = store_with_docs();
    let anon = Ctx::new(ctx().now, None);
    let e = search(
        &mut s,
        &anon,
        SearchQuery {
            text: "水".into(),
            limit: None,
            offset: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "not_logged_in");
}

#[test]
fn a_long_content_is_cut_around_the_first_match() {
    let content = format!("{}卫生间漏水{}", "前".repeat(100), "后".repeat(100));
    let s = snippet(&content, &["漏水".to_string()]);
    assert!(
        s.starts_with('…') && s.ends_with('…') && s.contains("卫生间漏水"),
        "{s}"
    );
    assert_eq!(s.chars().filter(|c| *c != '…').count(), SNIPPET_CHARS);
}

/// Each hit says where its matter stands, and a matter is one row (issue 13): an entry that
/// became a slip is not listed beside its slip; when only the entry's words match, the slip is
/// listed in the entry's place and says so.
#[test]
fn one_row_per_matter_each_saying_where_it_stands() {
    use crate::testkit::{at, records, Desk};
    let mut d = Desk::new();
    // The slip's words are the entry's (卫生间天花板渗水…): found in both, listed once.
    let entry = records::intake(
        &d.store,
        "2026-11-20 08:50:00",
        1,
        "call",
        "repair",
        "卫生间天花板渗水,需检查楼上防水层",
        false,
    );
    let slip = records::slip(
        &d.store,
        "PG-202611-0009",
        Some(entry),
        at("2026-11-20 09:00"),
        "给排水",
        None,
    );
    // This entry says something its slip does not (the slip kept the testkit's words).
    let told = records::intake(
        &d.store,
        "2026-11-22 07:40:00",
        2,
        "call",
        "repair",
        "厨房水管爆裂,已关总阀",
        false,
    );
    let other = records::slip(
        &d.store,
        "PG-202611-0010",
        Some(told),
        at("2026-11-22 07:45"),
        "给排水",
        None,
    );
    let open = records::intake(
        &d.store,
        "2026-11-21 10:00:00",
        2,
        "call",
        "inquiry",
        "询问渗水保修期",
        false,
    );
    let ctx = d.ctx(&d.receptionists[0].clone());
    let mut ask = |text: &str| {
        search(
            &mut d.store,
            &ctx,
            SearchQuery {
                text: text.into(),
                limit: None,
                offset: None,
            },
        )
        .unwrap()
    };

    let page = ask("渗水");
    let rows: Vec<_> = page
        .hits
        .iter()
        .map(|h| (h.kind, h.id, h.state.as_str(), h.entry_at.as_str()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (HitKind::Slip, other, "已接单", ""),
            (HitKind::Intake, open, "未办结", ""),
            (HitKind::Slip, slip, "已接单", ""),
        ],
        "newest first; entry {entry} is inside its slip, not a row of its own"
    );
    assert_eq!(
        (page.total, page.total_exact, page.has_more),
        (3, true, false)
    );

    let page = ask("爆裂");
    assert_eq!(page.hits.len(), 1, "{:?}", page.hits);
    let hit = &page.hits[0];
    assert_eq!(
        (hit.kind, hit.id, hit.serial.as_str()),
        (HitKind::Slip, other, "PG-202611-0010")
    );
    assert_eq!(
        hit.entry_at, "2026-11-22 07:40:00",
        "found in the entry it began as"
    );
    assert_eq!(
        hit.snippet, "厨房水管爆裂,已关总阀",
        "the words that matched"
    );
    assert_eq!(page.total, 1);

    // Paging by next_offset lists each matter once, and the pages add up to the total.
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let p = search(
            &mut d.store,
            &ctx,
            SearchQuery {
                text: "渗水".into(),
                limit: Some(1),
                offset: Some(offset),
            },
        )
        .unwrap();
        seen.extend(p.hits.iter().map(|h| (h.kind, h.id)));
        if !p.has_more {
            break;
        }
        offset = p.next_offset;
    }
    assert_eq!(
        seen,
        vec![
            (HitKind::Slip, other),
            (HitKind::Intake, open),
            (HitKind::Slip, slip)
        ]
    );
}
