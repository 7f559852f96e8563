//! This test's own counting: its words for the stored codes, its reading of each slip, rates and means, and the phone and PDF checks.

use crate::base::phone;
use chrono::NaiveDateTime;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::process::Command;

/// This test's own words for the stored codes (not the production labels).
pub(super) fn kind_label(code: &str) -> &'static str {
    match code {
        "repair" => "报修",
        "complaint" => "投诉",
        "inquiry" => "咨询",
        "suggestion" => "建议",
        "help" => "求助",
        "errand" => "委托",
        _ => "其他",
    }
}

pub(super) fn channel_label(code: &str) -> &'static str {
    match code {
        "call" => "来电",
        "visit" => "来访",
        "written" => "书面",
        _ => "员工发现",
    }
}

pub(super) fn complaint_label(code: &str) -> &'static str {
    match code {
        "service_attitude" => "服务态度",
        "repair_quality" => "维修质量",
        "sanitation" => "环境卫生",
        "order_security" => "秩序安全",
        "fees" => "收费",
        "neighbour" => "邻里纠纷",
        _ => "其他",
    }
}

pub(super) fn counted(c: &Connection, sql: &str, from: &str, to: &str) -> BTreeMap<String, i64> {
    let mut st = c.prepare(sql).unwrap();
    let rows = st
        .query_map([from, to], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .unwrap();
    rows.map(|r| r.unwrap()).collect()
}

/// A slip as this test reads it.
pub(super) struct SlipRow {
    pub(super) serial: String,
    pub(super) category: String,
    pub(super) department: String,
    pub(super) opened: NaiveDateTime,
    pub(super) accepted: Option<NaiveDateTime>,
    pub(super) completed: Option<NaiveDateTime>,
    pub(super) due: NaiveDateTime,
    pub(super) paused: Option<NaiveDateTime>,
    pub(super) satisfaction: Option<String>,
}

pub(super) fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

pub(super) fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

pub(super) fn close(a: Option<f64>, b: Option<f64>, what: &str) {
    match (a, b) {
        (None, None) => {}
        (Some(x), Some(y)) => assert!((x - y).abs() < 0.051, "{what}: report {x}, counted {y}"),
        _ => panic!("{what}: report {a:?}, counted {b:?}"),
    }
}

pub(super) fn assert_no_phone(text: &str, phones: &[String], what: &str) {
    if phone::has_unmasked_mobile(text) {
        let chars: Vec<char> = text.chars().collect();
        let at = (0..chars.len())
            .find(|i| {
                phone::has_unmasked_mobile(
                    &chars[*i..chars.len().min(i + 12)]
                        .iter()
                        .collect::<String>(),
                )
            })
            .unwrap_or(0);
        let around: String = chars[at.saturating_sub(10)..].iter().take(40).collect();
        panic!("an unmasked mobile in the {what}: …{around}…");
    }
    for p in phones {
        assert!(!text.contains(p.as_str()), "{p} unmasked in the {what}");
    }
}

pub(super) fn pdftotext(pdf: &[u8], dir: &std::path::Path) -> String {
    let path = dir.join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("测试需要 pdftotext:apt-get install poppler-utils");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl SlipRow {
    /// Overdue at `cutoff`, as the report's 说明 defines it: the deadline passed before the
    /// work was done, before the cutoff, and (for a paused slip) before it was paused.
    pub(super) fn overdue(&self, cutoff: NaiveDateTime) -> bool {
        let mut stop = cutoff;
        if let Some(c) = self.completed {
            stop = stop.min(c);
        }
        if let Some(p) = self.paused {
            stop = stop.min(p);
        }
        self.due < stop
    }
    pub(super) fn on_time(&self) -> bool {
        self.completed.is_some_and(|c| c <= self.due)
    }
}
