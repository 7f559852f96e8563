//! Every form is rendered from sample data and read back with poppler's `pdftotext` and
//! `pdffonts`: each Chinese string and serial must come back, and the font must be an embedded subset.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;

use super::forms::dispatch_slip::DispatchSlip;
use super::forms::intake_log::{IntakeLog, IntakeRow, NightCover, NightLog};
use super::forms::*;
use super::PrintMeta;

pub(crate) fn meta(full_phones: bool) -> PrintMeta {
    PrintMeta {
        office_name: "阳光物业服务有限公司 阳光花园".into(),
        doc_prefix: "KF".into(),
        doc_version: "A/0".into(),
        printed_at: NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap(),
        full_phones,
        chain: "封存链 42 · 3f9a12c0".into(),
    }
}

pub(crate) fn tool(name: &str) -> PathBuf {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .ok();
    match found.filter(|o| o.status.success()) {
        Some(o) => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
        None => panic!("测试需要 {name}(poppler-utils)：请先 apt-get install poppler-utils"),
    }
}

pub(crate) fn write_pdf(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    assert!(bytes.starts_with(b"%PDF-"), "{name} should be a PDF");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    if let Ok(out) = std::env::var("FRONTDESK_PRINT_SAMPLES") {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(Path::new(&out).join(format!("{name}.pdf")), bytes).unwrap();
    }
    (dir, path)
}

/// The PDF's text with all whitespace removed (pdftotext may break a wrapped cell anywhere).
pub(crate) fn text_of(path: &Path) -> (String, Vec<String>) {
    let out = Command::new(tool("pdftotext"))
        .arg("-raw")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let pages: Vec<String> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(squash)
        .collect();
    (squash(&text), pages)
}

/// `text_of` for bytes not yet on disk.
pub(crate) fn text_of_bytes(pdf: &[u8]) -> (String, Vec<String>) {
    let (_d, path) = write_pdf("bytes", pdf);
    text_of(&path)
}

pub(crate) fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub(crate) fn assert_fonts_subset(path: &Path) {
    let out = Command::new(tool("pdffonts")).arg(path).output().unwrap();
    let listing = String::from_utf8_lossy(&out.stdout).to_string();
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!fonts.is_empty(), "no font in PDF:\n{listing}");
    for f in fonts {
        let cols: Vec<&str> = f.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert!(
            cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+',
            "font should be a subset (ABCDEF+Name): {f}"
        );
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "font should be embedded, subset, with ToUnicode: {f}"
        );
    }
}

pub(crate) fn assert_contains_all(name: &str, text: &str, wanted: &[&str]) {
    for w in wanted {
        let w = squash(w);
        assert!(
            text.contains(&w),
            "{name}: “{w}” missing from the printed text:\n{text}"
        );
    }
}

pub(crate) const HEADER: [&str; 6] = [
    "阳光物业服务有限公司阳光花园",
    "文件编号：KF-JL-",
    "版本/修改：A/0",
    "打印时间：2026-11-2309:30",
    "记录编号：",
    "共1页第1页",
];

pub(crate) fn long_text(n: usize) -> String {
    "住户反映卫生间天花板渗水，楼上住户不在家，需联系楼上业主约定时间进入检查防水层并修复。"
        .repeat(n)
}

pub(crate) fn intake_rows(n: usize) -> Vec<IntakeRow> {
    (0..n)
        .map(|i| IntakeRow {
            serial: format!("DJ-202611-{:04}", i + 1),
            received_at: format!("2026-11-02 {:02}:{:02}", 8 + i % 10, i % 60),
            room: "3-2-1502".into(),
            caller: "王女士".into(),
            phone: "13812345678".into(),
            channel: "来电".into(),
            kind: "报修".into(),
            content: if i == 0 {
                long_text(3)
            } else {
                format!("第{}条：厨房下水道堵塞", i + 1)
            },
            received_by: "李小梅".into(),
            result: "已派工 PG-202611-0001".into(),
        })
        .collect()
}

#[test]
fn intake_log_reads_back_with_header_and_masked_phones() {
    let log = IntakeLog {
        period: "2026-11-02 白班".into(),
        rows: intake_rows(3),
    };
    let (_d, path) = write_pdf(
        "intake_log",
        &intake_log::render(&meta(false), &log).unwrap(),
    );
    let (text, _) = text_of(&path);
    assert_contains_all("来电来访登记表", &text, &HEADER);
    assert_contains_all(
        "来电来访登记表",
        &text,
        &[
            "来电来访登记表",
            "2026-11-02白班",
            "DJ-202611-0001",
            "3-2-1502",
            "王女士",
            "138****5678",
            &long_text(3),
            "第3条：厨房下水道堵塞",
            "李小梅",
            "登记人（签字）",
            "住户电话已隐去中间四位",
        ],
    );
    assert!(
        !text.contains("13812345678"),
        "phones must be masked by default"
    );
    assert_fonts_subset(&path);
}

#[test]
fn full_phones_print_only_when_chosen() {
    let log = IntakeLog {
        period: "2026-11-02".into(),
        rows: intake_rows(1),
    };
    let (_d, path) = write_pdf(
        "intake_full",
        &intake_log::render(&meta(true), &log).unwrap(),
    );
    let (text, _) = text_of(&path);
    assert_contains_all("完整号码", &text, &["13812345678", "主管授权打印"]);
}

#[test]
fn long_tables_break_across_pages_and_repeat_their_header() {
    let log = IntakeLog {
        period: "2026-11-01 至 2026-11-30".into(),
        rows: intake_rows(120),
    };
    let (_d, path) = write_pdf(
        "intake_month",
        &intake_log::render(&meta(false), &log).unwrap(),
    );
    let (text, pages) = text_of(&path);
    assert!(
        pages.len() >= 3,
        "120 rows should need several pages, got {}",
        pages.len()
    );
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains("受理时间") && p.contains("编号/处理结果"),
            "page {} lacks the table header",
            i + 1
        );
        assert!(
            p.contains(&format!("共{n}页第{}页", i + 1)),
            "page {} lacks 共{n}页 第{}页",
            i + 1,
            i + 1
        );
    }
    for i in 1..=120 {
        assert!(
            text.contains(&format!("DJ-202611-{i:04}")),
            "row {i} missing"
        );
    }
}

#[test]
fn a_cell_taller_than_a_page_is_split_not_clipped() {
    let mut rows = intake_rows(2);
    rows[1].content = long_text(40);
    let log = IntakeLog {
        period: "2026-11-03".into(),
        rows,
    };
    let (_d, path) = write_pdf(
        "intake_tall",
        &intake_log::render(&meta(false), &log).unwrap(),
    );
    let (text, pages) = text_of(&path);
    assert!(pages.len() >= 2);
    // Every character of the long content appears, in order, across the pages.
    let body: String = pages.concat();
    let needle = squash(&long_text(1));
    assert!(
        body.matches(&needle).count() >= 30,
        "long content lost text"
    );
    assert!(text.contains("DJ-202611-0002"));
}

#[test]
fn night_log_prints_entries_covers_and_signatures() {
    let log = NightLog {
        period: "2026-11-02 17:30 至 2026-11-03 09:00".into(),
        on_duty: "赵师傅".into(),
        rows: intake_rows(2),
        covers: vec![NightCover {
            from: "23:10".into(),
            to: "23:55".into(),
            covered_by: "秩序维护员孙强".into(),
            reason: "5栋电梯困人紧急处理".into(),
        }],
        signed_by: "赵师傅".into(),
        signed_at: "2026-11-03 08:40".into(),
        received_by: "".into(),
        received_at: "".into(),
    };
    let (_d, path) = write_pdf(
        "night_log",
        &intake_log::render_night(&meta(false), &log).unwrap(),
    );
    let (text, _) = text_of(&path);
    assert_contains_all("夜间值班记录表", &text, &HEADER);
    assert_contains_all(
        "夜间值班记录表",
        &text,
        &[
            "夜间值班记录表",
            "赵师傅",
            "秩序维护员孙强",
            "5栋电梯困人紧急处理",
            "系统签名：赵师傅2026-11-0308:40",
            "早班接收人（签字）",
        ],
    );
}

pub(crate) fn slip(i: usize) -> DispatchSlip {
    DispatchSlip {
        serial: format!("PG-202611-{:04}", i),
        opened_at: "2026-11-02 09:15".into(),
        room: "5-1-0802".into(),
        caller: "陈先生".into(),
        phone: "0755-12345678".into(),
        category: "给排水".into(),
        department: "工程部".into(),
        content: long_text(2),
        appointment: "2026-11-02 14:00".into(),
        assignee: "赵师傅".into(),
        dispatcher: "李小梅".into(),
        status: "已完成".into(),
        accepted_at: "2026-11-02 09:20".into(),
        arrived_at: "2026-11-02 14:05".into(),
        completed_at: "2026-11-02 15:30".into(),
        work_done: "更换角阀一只，重新做防水处理".into(),
        materials: "角阀×1，防水胶×1".into(),
        fee: "有偿 ¥35.00".into(),
        acceptance: "住户已验收，满意".into(),
        return_visit: "".into(),
        technician_signed_by: "赵师傅".into(),
        technician_signed_at: "2026-11-02 15:31".into(),
        completion_entered_by: String::new(),
        completion_entered_at: String::new(),
    }
}
