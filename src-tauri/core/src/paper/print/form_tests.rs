//! More of `tests`: the tests split off to keep each file short; the helpers are its own.

use super::forms::complaint::{ComplaintRecord, ComplaintStep};
use super::forms::dispatch_slip::{self, DispatchSlip, SlipPaper};
use super::forms::handover::{HandoverItem, HandoverOpenItem, HandoverSheet};
use super::forms::return_visits::{ReturnVisitLog, ReturnVisitRow};
use super::forms::roster::{RosterPerson, RosterSheet, ShiftLegend};
use super::forms::shift_request::ShiftRequestForm;
use super::forms::*;

#[allow(unused_imports)]
use super::tests::*;

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
                "更换角阀一只，重新做防水处理",
                "有偿¥35.00",
                "系统签名：赵师傅2026-11-0215:31",
                "住户验收（签字）",
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
            p.contains(&format!("记录编号：PG-202611-{:04}", i + 1)),
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
        content: "楼上装修每天早上七点开始施工，违反装修管理规定，多次反映未解决。".into(),
        received_by: "李小梅".into(),
        handler: "王主管".into(),
        deadline: "2026-11-07 10:02".into(),
        steps: vec![ComplaintStep {
            at: "2026-11-05 11:00".into(),
            by: "王主管".into(),
            action: "上门约谈装修户，责令调整施工时间".into(),
        }],
        result: "装修户承诺按规定时间施工".into(),
        feedback: "已电话告知周先生处理结果，住户表示满意".into(),
        closed_at: "2026-11-06 16:20".into(),
        closed_by: "王主管".into(),
        status: "已回访".into(),
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
            "上门约谈装修户，责令调整施工时间",
            &c.result,
            &c.feedback,
            "系统签名：王主管2026-11-0616:20",
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
            opinion: "师傅很准时，处理得很干净".into(),
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
            "师傅很准时，处理得很干净",
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
        arrival_lead_minutes: 15,
        special_days: vec!["11月1日 台风预警：值班负责人 王主管".into()],
        special: (0..30).map(|d| d == 0).collect(),
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
            "系统签名：王主管2026-10-2416:00",
            "特殊日（须有主管或经理值班）",
            "台风预警",
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
            "系统签名：王主管2026-11-0310:00",
            "项目经理（签字）",
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
                note: "3号机房钥匙借给电梯维保，17:00前归还".into(),
            },
        ],
        open_items: vec![HandoverOpenItem {
            record_serial: "PG-202611-0004".into(),
            description: "5-1-0802 渗水待楼上业主回家后检查".into(),
            follow_up: "晚上8点前联系楼上业主".into(),
            settled: String::new(),
        }],
        anomalies: "地下车库B区照明一组不亮，交班人说明：已报工程部".into(),
        log_notes: "白班接报修 12 件，已派 11 件".into(),
        log_read: "已阅值班日志（2026-11-02 17:28）；需跟进：B区照明明早确认".into(),
        rest_notes: "明天轮休：建议给对讲机换电池".into(),
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
            "3号机房钥匙借给电梯维保，17:00前归还",
            "PG-202611-0004",
            "晚上8点前联系楼上业主",
            "地下车库B区照明一组不亮",
            // What each party wrote, under that party's name (R-HO-3).
            "交班人填写的值班情况",
            "白班接报修12件，已派11件",
            "接班人查阅值班日志及需跟进事项",
            "已阅值班日志（2026-11-0217:28）；需跟进：B区照明明早确认",
            "交班人轮休交代",
            "明天轮休：建议给对讲机换电池",
            "系统签名：李小梅2026-11-0217:25",
            "系统签名：赵师傅2026-11-0217:28",
        ],
    );
}
