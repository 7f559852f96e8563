//! Every form is rendered from sample data and read back with poppler's `pdftotext` and
//! `pdffonts`: each Chinese string and serial must come back, and the font must be an embedded subset.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;

use super::forms::complaint::{ComplaintRecord, ComplaintStep};
use super::forms::dispatch_slip::{self, DispatchSlip, SlipPaper};
use super::forms::handover::{HandoverItem, HandoverOpenItem, HandoverSheet};
use super::forms::intake_log::{IntakeLog, IntakeRow, NightCover, NightLog};
use super::forms::return_visits::{ReturnVisitLog, ReturnVisitRow};
use super::forms::roster::{RosterPerson, RosterSheet, ShiftLegend};
use super::forms::shift_request::ShiftRequestForm;
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
    }
}

fn tool(name: &str) -> PathBuf {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .ok();
    match found.filter(|o| o.status.success()) {
        Some(o) => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
        None => panic!("测试需要 {name}(poppler-utils):请先 apt-get install poppler-utils"),
    }
}

fn write_pdf(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
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
fn text_of(path: &Path) -> (String, Vec<String>) {
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

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_fonts_subset(path: &Path) {
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

fn assert_contains_all(name: &str, text: &str, wanted: &[&str]) {
    for w in wanted {
        let w = squash(w);
        assert!(
            text.contains(&w),
            "{name}: “{w}” missing from the printed text:\n{text}"
        );
    }
}

const HEADER: [&str; 6] = [
    "阳光物业服务有限公司阳光花园",
    "文件编号:KF-JL-",
    "版本/修改:A/0",
    "打印时间:2026-11-2309:30",
    "记录编号:",
    "共1页第1页",
];

fn long_text(n: usize) -> String {
    "住户反映卫生间天花板渗水,楼上住户不在家,需联系楼上业主约定时间进入检查防水层并修复。".repeat(n)
}

fn intake_rows(n: usize) -> Vec<IntakeRow> {
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
                format!("第{}条:厨房下水道堵塞", i + 1)
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
            "第3条:厨房下水道堵塞",
            "李小梅",
            "登记人(签字)",
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
            "系统签名:赵师傅2026-11-0308:40",
            "早班接收人(签字)",
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
        work_done: "更换角阀一只,重新做防水处理".into(),
        materials: "角阀×1,防水胶×1".into(),
        fee: "有偿 ¥35.00".into(),
        acceptance: "住户已验收,满意".into(),
        return_visit: "".into(),
        technician_signed_by: "赵师傅".into(),
        technician_signed_at: "2026-11-02 15:31".into(),
    }
}

#[test]
fn dispatch_slip_on_a4_and_a5_and_as_a_batch() {
    for paper in [SlipPaper::A4, SlipPaper::A5] {
        let name = format!("slip_{paper:?}");
        let (_d, path) = write_pdf(
            &name,
            &dispatch_slip::render(&meta(false), &[slip(1)], paper).unwrap(),
        );
        let (text, pages) = text_of(&path);
        assert_eq!(pages.len(), 1, "{name}: one slip fits on one page");
        assert_contains_all(&name, &text, &HEADER);
        assert_contains_all(
            &name,
            &text,
            &[
                "维修派工单",
                "PG-202611-0001",
                "5-1-0802",
                "陈先生",
                "0755-****5678",
                "给排水",
                "工程部",
                &long_text(2),
                "更换角阀一只,重新做防水处理",
                "有偿¥35.00",
                "系统签名:赵师傅2026-11-0215:31",
                "住户验收(签字)",
            ],
        );
        assert_fonts_subset(&path);
    }
    let batch: Vec<DispatchSlip> = (1..=3).map(slip).collect();
    let (_d, path) = write_pdf(
        "slip_batch",
        &dispatch_slip::render(&meta(false), &batch, SlipPaper::A5).unwrap(),
    );
    let (_, pages) = text_of(&path);
    assert_eq!(pages.len(), 3);
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains(&format!("记录编号:PG-202611-{:04}", i + 1)),
            "page {} header names its own slip",
            i + 1
        );
    }
}

#[test]
fn complaint_record_reads_back() {
    let c = ComplaintRecord {
        serial: "TS-202611-0007".into(),
        received_at: "2026-11-05 10:02".into(),
        complainant: "周先生".into(),
        room: "2-3-0601".into(),
        phone: "13987654321".into(),
        channel: "来访".into(),
        category: "噪音扰民".into(),
        department: "秩序维护部".into(),
        urgency: "一般".into(),
        validity: "有效".into(),
        content: "楼上装修每天早上七点开始施工,违反装修管理规定,多次反映未解决。".into(),
        received_by: "李小梅".into(),
        handler: "王主管".into(),
        deadline: "2026-11-07 10:02".into(),
        steps: vec![ComplaintStep {
            at: "2026-11-05 11:00".into(),
            by: "王主管".into(),
            action: "上门约谈装修户,责令调整施工时间".into(),
        }],
        result: "装修户承诺按规定时间施工".into(),
        feedback: "已电话告知周先生处理结果,住户表示满意".into(),
        closed_at: "2026-11-06 16:20".into(),
        closed_by: "王主管".into(),
    };
    let (_d, path) = write_pdf("complaint", &complaint::render(&meta(false), &c).unwrap());
    let (text, _) = text_of(&path);
    assert_contains_all("投诉处理记录表", &text, &HEADER);
    assert_contains_all(
        "投诉处理记录表",
        &text,
        &[
            "投诉处理记录表",
            "TS-202611-0007",
            "周先生",
            "139****4321",
            "噪音扰民",
            "秩序维护部",
            &c.content,
            "上门约谈装修户,责令调整施工时间",
            &c.result,
            &c.feedback,
            "系统签名:王主管2026-11-0616:20",
        ],
    );
}

#[test]
fn return_visit_log_reads_back() {
    let log = ReturnVisitLog {
        period: "2026-11".into(),
        rows: vec![ReturnVisitRow {
            visited_at: "2026-11-03 10:00".into(),
            record_serial: "PG-202611-0001".into(),
            room: "5-1-0802".into(),
            resident: "陈先生".into(),
            phone: "13800001111".into(),
            subject: "卫生间渗水维修".into(),
            satisfaction: "满意".into(),
            opinion: "师傅很准时,处理得很干净".into(),
            visitor: "李小梅".into(),
        }],
    };
    let (_d, path) = write_pdf(
        "return_visits",
        &return_visits::render(&meta(false), &log).unwrap(),
    );
    let (text, _) = text_of(&path);
    assert_contains_all("回访记录表", &text, &HEADER);
    assert_contains_all(
        "回访记录表",
        &text,
        &[
            "回访记录表",
            "PG-202611-0001",
            "陈先生",
            "138****1111",
            "卫生间渗水维修",
            "师傅很准时,处理得很干净",
        ],
    );
}

#[test]
fn roster_prints_the_month_grid_with_phones_and_legend() {
    let weekdays: Vec<String> = (0..30)
        .map(|d| ["日", "一", "二", "三", "四", "五", "六"][d % 7].to_string())
        .collect();
    let people: Vec<RosterPerson> = ["李小梅", "张丽", "赵师傅", "钱师傅"]
        .iter()
        .enumerate()
        .map(|(i, n)| RosterPerson {
            name: n.to_string(),
            role: if i < 2 { "客服专员" } else { "维修工" }.into(),
            phone: format!("1391234{:04}", 5670 + i),
            days: (0..30)
                .map(|d| {
                    if (d + i) % 3 == 0 {
                        "".into()
                    } else if i < 2 {
                        "白".into()
                    } else {
                        "夜".into()
                    }
                })
                .collect(),
        })
        .collect();
    let r = RosterSheet {
        month: "2026-11".into(),
        days_in_month: 30,
        weekdays,
        people,
        legend: vec![
            ShiftLegend {
                code: "白".into(),
                name: "白班".into(),
                hours: "08:30–17:30".into(),
            },
            ShiftLegend {
                code: "夜".into(),
                name: "夜班".into(),
                hours: "17:30–次日09:00".into(),
            },
        ],
        published_by: "王主管".into(),
        published_at: "2026-10-24 16:00".into(),
    };
    let (_d, path) = write_pdf("roster", &roster::render(&meta(false), &r).unwrap());
    let (text, pages) = text_of(&path);
    assert_eq!(pages.len(), 1);
    assert_contains_all("值班安排表", &text, &HEADER);
    assert_contains_all(
        "值班安排表",
        &text,
        &[
            "2026年11月值班安排表",
            "李小梅",
            "钱师傅",
            "139****5673",
            "班次说明",
            "17:30–次日09:00",
            "系统签名:王主管2026-10-2416:00",
        ],
    );
}

#[test]
fn shift_request_reads_back() {
    let r = ShiftRequestForm {
        serial: "TB-202611-0002".into(),
        kind: "调班".into(),
        applicant: "张丽".into(),
        role: "客服专员".into(),
        phone: "13700002222".into(),
        submitted_at: "2026-11-03 09:00".into(),
        original: "2026-11-08 午班 11:30–13:30".into(),
        exchange: "与李小梅 2026-11-09 午班对调".into(),
        period: "".into(),
        reason: "家中有事需外出".into(),
        substitute: "李小梅".into(),
        status: "已批准".into(),
        counterpart_signed_by: "李小梅".into(),
        counterpart_signed_at: "2026-11-03 09:10".into(),
        supervisor_signed_by: "王主管".into(),
        supervisor_signed_at: "2026-11-03 10:00".into(),
        manager_signed_by: "".into(),
        manager_signed_at: "".into(),
    };
    let (_d, path) = write_pdf(
        "shift_request",
        &shift_request::render(&meta(false), &r).unwrap(),
    );
    let (text, _) = text_of(&path);
    assert_contains_all("调班/请假申请单", &text, &HEADER);
    assert_contains_all(
        "调班/请假申请单",
        &text,
        &[
            "调班/请假申请单",
            "TB-202611-0002",
            "张丽",
            "137****2222",
            &r.original,
            &r.exchange,
            "家中有事需外出",
            "系统签名:王主管2026-11-0310:00",
            "项目经理(签字)",
        ],
    );
}

#[test]
fn handover_prints_checklist_open_items_and_both_signatures() {
    let h = HandoverSheet {
        serial: "JJ-202611-0031".into(),
        shift: "2026-11-02 白班 → 夜班".into(),
        outgoing: "李小梅".into(),
        incoming: "赵师傅".into(),
        items: vec![
            HandoverItem {
                name: "对讲机".into(),
                quantity: "2".into(),
                state: "完好".into(),
                note: "".into(),
            },
            HandoverItem {
                name: "公共区域钥匙".into(),
                quantity: "1串".into(),
                state: "缺失".into(),
                note: "3号机房钥匙借给电梯维保,17:00前归还".into(),
            },
        ],
        open_items: vec![HandoverOpenItem {
            record_serial: "PG-202611-0004".into(),
            description: "5-1-0802 渗水待楼上业主回家后检查".into(),
            follow_up: "晚上8点前联系楼上业主".into(),
        }],
        anomalies: "地下车库B区照明一组不亮,交班人说明:已报工程部".into(),
        log_notes: "已阅当班值班日志".into(),
        outgoing_signed_at: "2026-11-02 17:25".into(),
        incoming_signed_at: "2026-11-02 17:28".into(),
    };
    let (_d, path) = write_pdf("handover", &handover::render(&meta(false), &h).unwrap());
    let (text, _) = text_of(&path);
    assert_contains_all("交接班记录表", &text, &HEADER);
    assert_contains_all(
        "交接班记录表",
        &text,
        &[
            "交接班记录表",
            "JJ-202611-0031",
            "对讲机",
            "3号机房钥匙借给电梯维保,17:00前归还",
            "PG-202611-0004",
            "晚上8点前联系楼上业主",
            "地下车库B区照明一组不亮",
            "系统签名:李小梅2026-11-0217:25",
            "系统签名:赵师傅2026-11-0217:28",
        ],
    );
}
