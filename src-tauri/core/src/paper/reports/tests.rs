//! The Excel writer read back two ways: calamine (cell by cell) and LibreOffice headless
//! (every sheet converted to CSV), both compared with the `Report` that was written.

use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::NaiveDate;

use super::model::*;
use super::period::{Period, PeriodKind};
use super::xlsx;

pub(crate) fn sample_report() -> Report {
    let period = Period::parse(
        PeriodKind::Month,
        "2026-11",
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
    .unwrap();
    let per_day = period
        .days()
        .iter()
        .enumerate()
        .map(|(i, d)| DayCount {
            day: d.to_string(),
            count: (i % 5) as i64,
        })
        .collect();
    Report {
        chain: "封存链 42 · 3f9a12c0".into(),
        office_name: "阳光物业服务有限公司 阳光花园".into(),
        generated_at: "2026-11-23 09:30:00".into(),
        intake: IntakeStats {
            total: 60,
            by_type: vec![
                Count {
                    label: "报修".into(),
                    count: 40,
                },
                Count {
                    label: "投诉".into(),
                    count: 8,
                },
                Count {
                    label: "咨询".into(),
                    count: 12,
                },
            ],
            by_channel: vec![
                Count {
                    label: "来电".into(),
                    count: 45,
                },
                Count {
                    label: "来访".into(),
                    count: 15,
                },
            ],
            per_day,
            night_entries: 7,
        },
        slips: SlipStats {
            urged: 3,
            urge_calls: 5,
            opened: 40,
            completed: 36,
            completion_rate: rate(36, 40),
            on_time: 30,
            on_time_rate: rate(30, 36),
            avg_response_minutes: Some(12.5),
            avg_completion_hours: Some(5.25),
            by_category: vec![SlipGroup {
                label: "给排水".into(),
                opened: 25,
                completed: 22,
                on_time: 20,
                overdue: 2,
            }],
            by_department: vec![SlipGroup {
                label: "工程部".into(),
                opened: 40,
                completed: 36,
                on_time: 30,
                overdue: 3,
            }],
            overdue: vec![OverdueSlip {
                serial: "PG-202611-0031".into(),
                opened_at: "2026-11-20 10:00:00".into(),
                room: "5-1-0802".into(),
                category: "给排水".into(),
                assignee: "赵师傅".into(),
                deadline: "2026-11-21 10:00:00".into(),
                hours_over: 47.5,
            }],
        },
        visits: VisitStats {
            due: 36,
            done: 33,
            rate: rate(33, 36),
            satisfied: 31,
            satisfaction_rate: rate(31, 33),
            by_result: vec![
                Count {
                    label: "满意".into(),
                    count: 31,
                },
                Count {
                    label: "不满意".into(),
                    count: 2,
                },
            ],
            late: 2,
        },
        complaints: ComplaintStats {
            urged: 1,
            received: 8,
            valid: 6,
            closed: 5,
            avg_close_hours: Some(30.0),
            by_category: vec![ComplaintGroup {
                label: "维修质量".into(),
                received: 5,
                valid: 4,
                closed: 3,
            }],
            by_department: vec![ComplaintGroup {
                label: "工程部".into(),
                received: 5,
                valid: 4,
                closed: 3,
            }],
        },
        workload: vec![PersonWork {
            name: "李小梅".into(),
            role: "前台接待员".into(),
            intake_received: 38,
            slips_dispatched: 25,
            return_visits: 20,
            shifts: 22,
            hours: 198.0,
            early_leave: 1,
            absent: 2,
            visits_rated: 4,
            visits_satisfied: 3,
            satisfaction: "75.0%（3/4）".into(),
            ..Default::default()
        }],
        duty: DutyStats {
            shifts: 90,
            hours: 810.0,
            swaps: 3,
            leaves: 1,
            late_arrivals: 2,
            coverage_gaps: vec!["2026-11-08 夜班 缺1人".into()],
            handovers: 60,
            carried_over: 14,
            covers: 1,
            leave_covers: 0,
            missing_handovers: 2,
            inspections: 5,
            absences: 2,
            early_leaves: 1,
        },
        intake_rows: vec![IntakeDetail {
            serial: "DJ-202611-0001".into(),
            received_at: "2026-11-02 08:05:00".into(),
            room: "3-2-1502".into(),
            caller: "王女士".into(),
            phone: "138****5678".into(),
            channel: "来电".into(),
            kind: "报修".into(),
            content: "厨房下水道堵塞".into(),
            received_by: "李小梅".into(),
            outcome: "已派工 PG-202611-0001".into(),
        }],
        slip_rows: vec![SlipDetail {
            serial: "PG-202611-0001".into(),
            opened_at: "2026-11-02 08:06:00".into(),
            room: "3-2-1502".into(),
            category: "给排水".into(),
            department: "工程部".into(),
            assignee: "赵师傅".into(),
            status: "已关闭".into(),
            deadline: "2026-11-03 08:06:00".into(),
            completed_at: "2026-11-02 11:00:00".into(),
            on_time: Some(true),
            satisfaction: "满意".into(),
        }],
        complaint_rows: vec![ComplaintDetail {
            serial: "TS-202611-0001".into(),
            received_at: "2026-11-05 10:02:00".into(),
            room: "2-3-0601".into(),
            category: "维修质量".into(),
            department: "工程部".into(),
            validity: "有效".into(),
            status: "已结案".into(),
            closed_at: "2026-11-06 16:20:00".into(),
        }],
        period,
    }
}

const SHEETS: [&str; 8] = [
    "汇总",
    "报修分析",
    "投诉分析",
    "回访与满意度",
    "人员工作量",
    "值班统计",
    "明细",
    "说明",
];

pub(crate) fn cell_str(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::DateTime(t) => {
            // Excel serial days since 1899-12-30.
            let base = NaiveDate::from_ymd_opt(1899, 12, 30)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap();
            let secs = (t.as_f64() * 86400.0).round() as i64;
            (base + chrono::Duration::seconds(secs))
                .format("%Y-%m-%d %H:%M")
                .to_string()
        }
        other => other.to_string(),
    }
}

/// The value in column B of the row whose column A is `label`.
pub(crate) fn value_of(rows: &[Vec<Data>], label: &str) -> Data {
    rows.iter()
        .find(|r| r.first().map(cell_str).as_deref() == Some(label))
        .and_then(|r| r.get(1).cloned())
        .unwrap_or_else(|| panic!("row {label} missing"))
}

pub(crate) fn read_sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the workbook");
    wb.sheet_names()
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            // Absolute rows (calamine's range starts at the first used cell).
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut rows = vec![Vec::new(); r0 as usize];
            for r in range.rows() {
                let mut row = vec![Data::Empty; c0 as usize];
                row.extend(r.iter().cloned());
                rows.push(row);
            }
            (n, rows)
        })
        .collect()
}

#[test]
fn r_rp_1_workbook_has_every_sheet_and_its_numbers_read_back_with_calamine() {
    let r = sample_report();
    let bytes = xlsx::write(&r).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let sheets = read_sheets(&path);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, SHEETS);
    let sum = &sheets[0].1;
    assert_eq!(
        cell_str(&sum[0][0]),
        "阳光物业服务有限公司 阳光花园 2026年11月客服工作汇总"
    );
    assert_eq!(value_of(sum, "来电来访登记（件）"), Data::Float(60.0));
    assert_eq!(value_of(sum, "派工单（张）"), Data::Float(40.0));
    assert_eq!(value_of(sum, "完成率"), Data::Float(0.9));
    assert_eq!(value_of(sum, "平均完成时间（小时）"), Data::Float(5.25));
    assert_eq!(value_of(sum, "投诉受理（件）"), Data::Float(8.0));
    assert_eq!(value_of(sum, "报修"), Data::Float(40.0));
    assert_eq!(value_of(sum, "2026-11-30"), Data::Float(4.0));
    let detail = &sheets[6].1;
    let flat: Vec<String> = detail.iter().flatten().map(cell_str).collect();
    for want in [
        "DJ-202611-0001",
        "138****5678",
        "PG-202611-0001",
        "按时",
        "TS-202611-0001",
        "2026-11-02 08:05",
    ] {
        assert!(
            flat.iter().any(|c| c == want),
            "明细 lacks {want}: {flat:?}"
        );
    }
    assert!(
        !flat.iter().any(|c| c.contains("13812345678")),
        "phones must be masked"
    );
    let duty = &sheets[5].1;
    assert_eq!(value_of(duty, "值守空档（处）"), Data::Float(1.0));
    assert_eq!(value_of(duty, "交接遗留事项（项）"), Data::Float(14.0));
    // The workbook carries native charts (drawing parts) and print setup.
    let zip = String::from_utf8_lossy(&bytes);
    assert!(
        zip.contains("xl/charts/chart1.xml"),
        "汇总 should carry native charts"
    );
}

/// Converts every sheet to CSV with LibreOffice headless; the tests need it installed.
pub(crate) fn libreoffice_csv(path: &Path) -> Vec<String> {
    let ok = Command::new("sh")
        .arg("-c")
        .arg("command -v soffice")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "测试需要 LibreOffice：请先 apt-get install --no-install-recommends libreoffice-calc"
    );
    let out_dir = path.parent().unwrap().join("csv");
    let profile = path.parent().unwrap().join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
        ])
        .arg(&out_dir)
        .arg(path)
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    SHEETS
        .iter()
        .map(|s| {
            let p = out_dir.join(format!("{stem}-{s}.csv"));
            std::fs::read_to_string(&p)
                .unwrap_or_else(|_| panic!("LibreOffice did not write {}", p.display()))
        })
        .collect()
}

#[test]
fn libreoffice_opens_the_workbook_and_its_csv_matches() {
    let r = sample_report();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    std::fs::write(&path, xlsx::write(&r).unwrap()).unwrap();
    let csv = libreoffice_csv(&path);
    assert!(
        csv[0].contains("来电来访登记（件）,60"),
        "汇总 CSV:\n{}",
        csv[0]
    );
    assert!(csv[0].contains("完成率,90.0%"), "汇总 CSV:\n{}", csv[0]);
    assert!(csv[0].contains("报修,40"));
    assert!(
        csv[1].contains("给排水,25,22,88.0%,20,90.9%,2"),
        "报修分析 CSV:\n{}",
        csv[1]
    );
    assert!(
        csv[1].contains("PG-202611-0031,2026年11月20日 10:00"),
        "dates print in Chinese format:\n{}",
        csv[1]
    );
    assert!(
        csv[2].contains("维修质量,5,4,3,60.0%"),
        "投诉分析 CSV:\n{}",
        csv[2]
    );
    assert!(
        csv[3].contains("36,33,91.7%,31,93.9%"),
        "回访 CSV:\n{}",
        csv[3]
    );
    assert!(
        csv[4].contains("李小梅,前台接待员,38,25,0,20,0,22,198.0,0"),
        "人员 CSV:\n{}",
        csv[4]
    );
    assert!(
        csv[5].contains("2026-11-08 夜班 缺1人"),
        "值班 CSV:\n{}",
        csv[5]
    );
    assert!(
        csv[6].contains("来电来访,DJ-202611-0001,2026年11月2日 08:05,3-2-1502,王女士,138****5678"),
        "明细 CSV:\n{}",
        csv[6]
    );
}

#[test]
fn an_empty_report_is_a_valid_workbook() {
    let mut r = sample_report();
    r.intake = IntakeStats::default();
    r.slips = SlipStats::default();
    r.visits = VisitStats::default();
    r.complaints = ComplaintStats::default();
    r.workload.clear();
    r.duty = DutyStats::default();
    r.intake_rows.clear();
    r.slip_rows.clear();
    r.complaint_rows.clear();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.xlsx");
    std::fs::write(&path, xlsx::write(&r).unwrap()).unwrap();
    let sheets = read_sheets(&path);
    assert_eq!(sheets.len(), SHEETS.len(), "every sheet, 说明 included");
    assert_eq!(
        value_of(&sheets[0].1, "来电来访登记（件）"),
        Data::Float(0.0)
    );
    assert_eq!(cell_str(&value_of(&sheets[0].1, "完成率")), "—");
}
