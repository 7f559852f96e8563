//! Benchmarks for paper forms and the Excel report (targets from issue 5):
//! one dispatch slip < 20 ms and < 100 KB; a 3,000-row intake log < 1 s; a 5,000-record monthly
//! report as xlsx < 1 s. Run: `cargo bench -p frontdesk-core --bench print_report`.

use std::time::Instant;

use chrono::NaiveDate;
use frontdesk_core::paper::print::forms::dispatch_slip::{self, DispatchSlip, SlipPaper};
use frontdesk_core::paper::print::forms::intake_log::{self, IntakeLog, IntakeRow};
use frontdesk_core::paper::print::PrintMeta;
use frontdesk_core::paper::reports::model::*;
use frontdesk_core::paper::reports::{xlsx, Period, PeriodKind};

fn meta() -> PrintMeta {
    PrintMeta {
        office_name: "阳光物业服务有限公司 阳光花园".into(),
        doc_prefix: "KF".into(),
        doc_version: "A/0".into(),
        printed_at: NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap(),
        full_phones: false,
    }
}

fn slip(i: usize) -> DispatchSlip {
    DispatchSlip {
        serial: format!("PG-202611-{i:04}"),
        opened_at: "2026-11-02 09:15".into(),
        room: "5-1-0802".into(),
        caller: "陈先生".into(),
        phone: "13812345678".into(),
        category: "给排水".into(),
        department: "工程部".into(),
        content:
            "住户反映卫生间天花板渗水,楼上住户不在家,需联系楼上业主约定时间进入检查防水层并修复。"
                .into(),
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
        return_visit: "2026-11-03 10:00 电话回访 满意".into(),
        technician_signed_by: "赵师傅".into(),
        technician_signed_at: "2026-11-02 15:31".into(),
    }
}

fn peak_rss_kb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string())
        })
        .unwrap_or_else(|| "?".into())
}

fn main() {
    let m = meta();
    // Warm up: the font is parsed once per process.
    dispatch_slip::render(&m, &[slip(0)], SlipPaper::A4).unwrap();
    let n = 50;
    let t = Instant::now();
    let mut size = 0;
    for i in 0..n {
        size = dispatch_slip::render(&m, &[slip(i)], SlipPaper::A4)
            .unwrap()
            .len();
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
    println!(
        "维修派工单 1 张 (A4): {per:.2} ms/张, {:.1} KB",
        size as f64 / 1024.0
    );

    let rows: Vec<IntakeRow> = (0..3000)
        .map(|i| IntakeRow {
            serial: if i % 3 == 0 {
                format!("PG-202611-{:04}", i / 3 + 1)
            } else {
                String::new()
            },
            received_at: format!("2026-11-{:02} {:02}:{:02}", 1 + i % 30, 8 + i % 12, i % 60),
            room: format!("{}-{}-{:04}", 1 + i % 12, 1 + i % 3, 101 + i % 30),
            caller: "王女士".into(),
            phone: "13812345678".into(),
            channel: "来电".into(),
            kind: "报修".into(),
            content: format!("第{i}条:厨房下水道堵塞,水漫到客厅,请尽快安排师傅上门处理"),
            received_by: "李小梅".into(),
            result: "已派工".into(),
        })
        .collect();
    let log = IntakeLog {
        period: "2026-11-01 至 2026-11-30".into(),
        rows,
    };
    let t = Instant::now();
    let pdf = intake_log::render(&m, &log).unwrap();
    println!(
        "来电来访登记表 3000 行: {:.0} ms, {:.0} KB",
        t.elapsed().as_secs_f64() * 1000.0,
        pdf.len() as f64 / 1024.0
    );

    let period = Period::parse(
        PeriodKind::Month,
        "2026-11",
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    )
    .unwrap();
    let report = Report {
        office_name: "阳光物业服务有限公司 阳光花园".into(),
        generated_at: "2026-12-01 09:00:00".into(),
        intake: IntakeStats {
            total: 3000,
            by_type: vec![
                Count {
                    label: "报修".into(),
                    count: 2000,
                },
                Count {
                    label: "咨询".into(),
                    count: 1000,
                },
            ],
            by_channel: vec![Count {
                label: "来电".into(),
                count: 3000,
            }],
            per_day: period
                .days()
                .iter()
                .map(|d| DayCount {
                    day: d.to_string(),
                    count: 100,
                })
                .collect(),
            night_entries: 300,
        },
        slips: SlipStats {
            opened: 1500,
            completed: 1400,
            completion_rate: Some(0.93),
            on_time: 1300,
            on_time_rate: Some(0.92),
            ..Default::default()
        },
        visits: VisitStats::default(),
        complaints: ComplaintStats::default(),
        workload: vec![
            PersonWork {
                name: "李小梅".into(),
                role: "前台接待员".into(),
                ..Default::default()
            };
            30
        ],
        duty: DutyStats::default(),
        intake_rows: (0..3000)
            .map(|i| IntakeDetail {
                serial: String::new(),
                received_at: "2026-11-02 08:05:00".into(),
                room: "3-2-1502".into(),
                caller: "王女士".into(),
                phone: "138****5678".into(),
                channel: "来电".into(),
                kind: "报修".into(),
                content: format!("第{i}条:厨房下水道堵塞"),
                received_by: "李小梅".into(),
                outcome: "已派工".into(),
            })
            .collect(),
        slip_rows: (0..1500)
            .map(|i| SlipDetail {
                serial: format!("PG-202611-{:04}", i + 1),
                opened_at: "2026-11-02 08:06:00".into(),
                room: "3-2-1502".into(),
                category: "给排水".into(),
                department: "工程部".into(),
                assignee: "赵师傅".into(),
                status: "已关闭".into(),
                deadline: "2026-11-02 12:06:00".into(),
                completed_at: "2026-11-02 11:00:00".into(),
                on_time: Some(true),
                satisfaction: "满意".into(),
            })
            .collect(),
        complaint_rows: (0..500)
            .map(|i| ComplaintDetail {
                serial: format!("TS-202611-{:04}", i + 1),
                received_at: "2026-11-05 10:02:00".into(),
                room: "2-3-0601".into(),
                category: "维修质量".into(),
                department: "工程部".into(),
                validity: "有效".into(),
                status: "已结案".into(),
                closed_at: "2026-11-06 16:20:00".into(),
            })
            .collect(),
        period,
    };
    let t = Instant::now();
    let bytes = xlsx::write(&report).unwrap();
    println!(
        "月报 xlsx 5000 条明细: {:.0} ms, {:.0} KB",
        t.elapsed().as_secs_f64() * 1000.0,
        bytes.len() as f64 / 1024.0
    );
    println!("峰值内存 (VmHWM,整个进程): {} KB", peak_rss_kb());
}
