//! Print jobs against a seeded database: the form comes from the records, is archived beside
//! the database, and the audit log records the job and any full-phone choice.

use super::job::{print, PrintInput};
use super::tests::text_of_bytes;
use super::FormKind;
use crate::testkit::{at, records, Desk};

fn input(form: FormKind) -> PrintInput {
    PrintInput {
        form,
        serial: String::new(),
        from: String::new(),
        to: String::new(),
        paper: None,
        full_phones: false,
    }
}

#[test]
fn prints_each_intake_form_from_the_database_and_archives_it() {
    let mut d = Desk::on_disk("2026-11-23 09:30");
    let i1 = records::intake(
        &d.store,
        "2026-11-02 08:05:00",
        1,
        "call",
        "repair",
        "厨房下水道堵塞，水漫到客厅",
        false,
    );
    records::intake(
        &d.store,
        "2026-11-02 22:40:00",
        2,
        "visit",
        "help",
        "夜间门禁卡失灵无法进入单元门",
        true,
    );
    d.store
        .conn()
        .execute(
            "INSERT INTO duty_covers (cover_staff_id, for_staff_id, start_at, end_at, reason, recorded_by, recorded_at)
             VALUES (1, 3, '2026-11-02 23:10:00', '2026-11-02 23:55:00', '5栋电梯困人紧急处理', 1, '2026-11-02 23:10:00')",
            [],
        )
        .unwrap();
    let s = records::slip(
        &d.store,
        "PG-202611-0001",
        Some(i1),
        at("2026-11-02 08:06"),
        "给排水",
        Some(3),
    );
    records::visit_slip(&d.store, s, "2026-11-03 10:00:00", Some("satisfied"));
    records::complaint(
        &d.store,
        "TS-202611-0001",
        "2026-11-05 10:02:00",
        "neighbour",
        Some("valid"),
        Some("2026-11-06 16:20:00"),
    );
    let ctx = d.ctx(&d.receptionists[0]);

    let cases: Vec<(PrintInput, Vec<&str>)> = vec![
        (
            PrintInput {
                from: "2026-11-02".into(),
                ..input(FormKind::IntakeLog)
            },
            vec![
                "来电来访登记表",
                "厨房下水道堵塞，水漫到客厅",
                "PG-202611-0001",
                "3-2-1502",
                "138****5678",
                "李小梅",
                "夜间门禁卡失灵无法进入单元门",
            ],
        ),
        (
            PrintInput {
                from: "2026-11-02 08:00".into(),
                to: "2026-11-02 17:30".into(),
                ..input(FormKind::IntakeLog)
            },
            vec!["2026-11-0208:00至2026-11-0217:30", "厨房下水道堵塞"],
        ),
        (
            PrintInput {
                from: "2026-11-02".into(),
                ..input(FormKind::NightLog)
            },
            vec![
                "夜间值班记录表",
                "夜间门禁卡失灵无法进入单元门",
                "5-1-0802",
                "5栋电梯困人紧急处理",
                "2026-11-0223:10",
            ],
        ),
        (
            PrintInput {
                serial: "PG-202611-0001".into(),
                ..input(FormKind::DispatchSlip)
            },
            vec![
                "维修派工单",
                "PG-202611-0001",
                "给排水",
                "工程部",
                "赵师傅",
                "更换角阀一只",
                "有偿¥35.00",
                "师傅很准时",
                "系统签名：赵师傅",
            ],
        ),
        (
            PrintInput {
                from: "2026-11-02".into(),
                ..input(FormKind::DispatchSlip)
            },
            vec!["PG-202611-0001"],
        ),
        (
            PrintInput {
                serial: "TS-202611-0001".into(),
                ..input(FormKind::Complaint)
            },
            vec![
                "投诉处理记录表",
                "TS-202611-0001",
                "邻里纠纷",
                "周先生",
                "139****4321",
                "上门约谈装修户",
                "装修户承诺按规定时间施工",
                "系统签名：王主管",
            ],
        ),
        (
            PrintInput {
                from: "2026-11-01".into(),
                to: "2026-11-30".into(),
                ..input(FormKind::ReturnVisits)
            },
            vec!["回访记录表", "PG-202611-0001", "满意", "师傅很准时"],
        ),
    ];
    for (inp, wanted) in cases {
        let form = inp.form;
        let printed = print(&mut d.store, &ctx, inp).unwrap();
        let path = std::path::Path::new(&printed.archive_path);
        assert!(
            path.starts_with(d.dir().join("archive").join("2026-11")),
            "archived beside the database: {path:?}"
        );
        assert_eq!(
            std::fs::read(path).unwrap(),
            printed.pdf,
            "the archive holds exactly what was printed"
        );
        let (text, _) = text_of_bytes(&printed.pdf);
        for w in wanted {
            let w: String = w.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&w), "{form:?}: “{w}” missing:\n{text}");
        }
        assert!(!text.contains("13812345678"));
    }
    let audits: i64 = d
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = '打印表单'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audits, 7);
}

#[test]
fn full_phones_are_a_supervisors_choice_and_are_audited() {
    let mut d = Desk::on_disk("2026-11-23 09:30");
    let i1 = records::intake(
        &d.store,
        "2026-11-02 08:05:00",
        1,
        "call",
        "repair",
        "厨房下水道堵塞",
        false,
    );
    records::slip(
        &d.store,
        "PG-202611-0001",
        Some(i1),
        at("2026-11-02 08:06"),
        "给排水",
        None,
    );
    let want = PrintInput {
        serial: "PG-202611-0001".into(),
        full_phones: true,
        ..input(FormKind::DispatchSlip)
    };
    let (clerk, boss) = (d.ctx(&d.receptionists[0]), d.ctx(&d.boss));
    let e = print(&mut d.store, &clerk, want.clone()).unwrap_err();
    assert_eq!(e.kind(), "forbidden");
    let printed = print(&mut d.store, &boss, want).unwrap();
    assert!(text_of_bytes(&printed.pdf).0.contains("13812345678"));
    let summary: String = d
        .store
        .conn()
        .query_row(
            "SELECT summary FROM audit_log WHERE action = '打印表单' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(summary.contains("完整电话号码"), "{summary}");
}

#[test]
fn bad_selections_name_their_field() {
    let mut d = Desk::on_disk("2026-11-23 09:30");
    let ctx = d.ctx(&d.receptionists[0]);
    for (inp, field) in [
        (
            PrintInput {
                serial: "PG-209901-0001".into(),
                ..input(FormKind::DispatchSlip)
            },
            "serial",
        ),
        (
            PrintInput {
                from: "2026-11-02".into(),
                ..input(FormKind::DispatchSlip)
            },
            "from",
        ),
        (
            PrintInput {
                from: "11/02".into(),
                ..input(FormKind::IntakeLog)
            },
            "from",
        ),
        (
            PrintInput {
                from: "2026-11-03".into(),
                to: "2026-11-01".into(),
                ..input(FormKind::IntakeLog)
            },
            "to",
        ),
        (input(FormKind::ReturnVisits), "from"),
        (
            PrintInput {
                serial: "TS-1".into(),
                ..input(FormKind::Complaint)
            },
            "serial",
        ),
    ] {
        let e = print(&mut d.store, &ctx, inp).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
    }
    // A day with no entries still prints a valid, empty log.
    let p = print(
        &mut d.store,
        &ctx,
        PrintInput {
            from: "2026-11-04".into(),
            ..input(FormKind::IntakeLog)
        },
    )
    .unwrap();
    assert!(text_of_bytes(&p.pdf).0.contains("本期间无来电来访登记"));
}

#[test]
fn base64_matches_the_standard() {
    assert_eq!(crate::base::base64::base64(b""), "");
    assert_eq!(crate::base::base64::base64(b"f"), "Zg==");
    assert_eq!(crate::base::base64::base64(b"fo"), "Zm8=");
    assert_eq!(crate::base::base64::base64(b"foobar"), "Zm9vYmFy");
}

#[test]
fn prints_the_duty_forms_from_the_duty_tables() {
    let mut d = Desk::on_disk("2026-11-23 09:30");
    d.store
        .conn()
        .execute_batch(&format!(
            "INSERT INTO rosters (id, month, status, created_at, created_by) VALUES (1, '2026-11', 'draft', '2026-10-20 09:00:00', 1);
             INSERT INTO roster_cells (roster_id, staff_id, day, shift_id) VALUES
               (1, {li}, '2026-11-01', (SELECT id FROM shifts WHERE code = '白')),
               (1, {zhao}, '2026-11-01', (SELECT id FROM shifts WHERE code = '夜')),
               (1, {li}, '2026-11-02', (SELECT id FROM shifts WHERE code = '中'));
             UPDATE rosters SET status = 'published', published_at = '2026-10-24 16:00:00', published_by = 1 WHERE id = 1;
             INSERT INTO duty_requests (id, kind, staff_id, from_day, to_day, reason, filed_at, filed_by, status, substitute_id, decided_at, decided_by)
               VALUES (5, 'leave', {li}, '2026-11-10', '2026-11-11', '家中老人住院需陪护', '2026-11-03 09:00:00', {li}, 'approved', {zhao}, '2026-11-03 10:00:00', 1);
             INSERT INTO handovers (id, serial, kind, change_at, outgoing_id, incoming_id, work_notes, status, outgoing_signed_at, incoming_signed_at, created_at, created_by)
               VALUES (1, 'JJ-202611-0001', 'desk', '2026-11-02 17:30:00', {li}, {zhao}, '已阅当班值班日志', 'open', NULL, NULL, '2026-11-02 17:20:00', {li});
             INSERT INTO handover_checks (handover_id, item_id, item_name, expected_qty, actual_qty, state, note, explanation)
               VALUES (1, (SELECT id FROM handover_items WHERE name = '对讲机'), '对讲机', 2, 1, 'missing', '少一台', '借给秩序维护部巡逻');
             INSERT INTO handover_open_items (handover_id, source, summary, note) VALUES (1, 'PG-202611-0004', '5-1-0802 渗水待楼上业主回家后检查', '晚上8点前联系');
             INSERT INTO handover_anomalies (handover_id, area, description, explanation) VALUES (1, '地下车库B区', '照明一组不亮', '已报工程部');
             UPDATE handovers SET status = 'signed', outgoing_signed_at = '2026-11-02 17:25:00', incoming_signed_at = '2026-11-02 17:28:00' WHERE id = 1;",
            li = d.receptionists[0].id,
            zhao = d.technicians[1].id,
        ))
        .unwrap();
    let ctx = d.ctx(&d.receptionists[0]);
    let cases: Vec<(PrintInput, Vec<&str>)> = vec![
        (
            PrintInput {
                from: "2026-11".into(),
                ..input(FormKind::Roster)
            },
            vec![
                "2026年11月值班安排表",
                "李小梅",
                "赵师傅",
                "138****0001",
                "夜班",
                "17:30–次日09:00",
                "系统签名：王主管2026-10-2416:00",
            ],
        ),
        (
            PrintInput {
                serial: "5".into(),
                ..input(FormKind::ShiftRequest)
            },
            vec![
                "调班/请假申请单",
                "#5",
                "请假",
                "家中老人住院需陪护",
                "2026-11-10至2026-11-11，共2天",
                "赵师傅",
                "已批准",
                "系统签名：王主管2026-11-0310:00",
            ],
        ),
        (
            PrintInput {
                serial: "JJ-202611-0001".into(),
                ..input(FormKind::Handover)
            },
            vec![
                "交接班记录表",
                "JJ-202611-0001",
                "对讲机",
                "1/2",
                "缺失",
                "借给秩序维护部巡逻",
                "5-1-0802渗水待楼上业主回家后检查",
                "照明一组不亮",
                "系统签名：李小梅2026-11-0217:25",
                "系统签名：赵师傅2026-11-0217:28",
            ],
        ),
    ];
    for (inp, wanted) in cases {
        let form = inp.form;
        let printed = print(&mut d.store, &ctx, inp).unwrap();
        let (text, _) = text_of_bytes(&printed.pdf);
        for w in wanted {
            let w: String = w.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&w), "{form:?}: “{w}” missing:\n{text}");
        }
    }
    let e = print(
        &mut d.store,
        &ctx,
        PrintInput {
            from: "2026-10".into(),
            ..input(FormKind::Roster)
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("from"));
}

/// 客服统计报表 prints the numbers of the one report computation, for the supervisor only.
#[test]
fn the_period_report_prints_the_reports_numbers() {
    use crate::paper::reports::ops::{report, ReportInput};
    use crate::paper::reports::period::PeriodKind;

    let mut d = Desk::on_disk("2026-11-23 09:30");
    let i1 = records::intake(
        &d.store,
        "2026-11-02 08:05:00",
        1,
        "call",
        "repair",
        "厨房下水道堵塞",
        false,
    );
    records::intake(
        &d.store,
        "2026-11-02 22:40:00",
        2,
        "visit",
        "help",
        "夜间门禁卡失灵",
        true,
    );
    let s = records::slip(
        &d.store,
        "PG-202611-0001",
        Some(i1),
        at("2026-11-02 08:06"),
        "给排水",
        Some(3),
    );
    records::visit_slip(&d.store, s, "2026-11-03 10:00:00", Some("satisfied"));
    records::complaint(
        &d.store,
        "TS-202611-0001",
        "2026-11-05 10:02:00",
        "neighbour",
        Some("valid"),
        Some("2026-11-06 16:20:00"),
    );

    let clerk = d.ctx(&d.receptionists[0]);
    let refused = print(
        &mut d.store,
        &clerk,
        PrintInput {
            from: "2026-11".into(),
            ..input(FormKind::PeriodReport)
        },
    )
    .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");
    let boss = d.ctx(&d.boss);
    let bad = print(
        &mut d.store,
        &boss,
        PrintInput {
            from: "2026-13".into(),
            ..input(FormKind::PeriodReport)
        },
    )
    .unwrap_err();
    assert_eq!(bad.field(), Some("from"));

    let r = report(
        &mut d.store,
        &boss,
        ReportInput {
            kind: PeriodKind::Month,
            period: "2026-11".into(),
        },
    )
    .unwrap();
    let printed = print(
        &mut d.store,
        &boss,
        PrintInput {
            from: "2026-11".into(),
            ..input(FormKind::PeriodReport)
        },
    )
    .unwrap();
    assert!(std::path::Path::new(&printed.archive_path).exists());
    let (text, _) = text_of_bytes(&printed.pdf);
    let pct = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.1}%", v * 100.0));
    for want in [
        "2026年11月客服统计报表".to_string(),
        "KF-BB-01".to_string(),
        format!("{}条（夜间{}条）", r.intake.total, r.intake.night_entries),
        format!("{}张，完工{}张", r.slips.opened, r.slips.completed),
        format!("按时完成率{}", pct(r.slips.on_time_rate)),
        format!(
            "{}/{}/{}",
            r.complaints.received, r.complaints.valid, r.complaints.closed
        ),
        "给排水".to_string(),
        "邻里纠纷".to_string(),
        "十一、值班统计".to_string(),
        "编制（客服主管）".to_string(),
    ] {
        assert!(text.contains(&want), "“{want}” missing:\n{text}");
    }
    assert_eq!(
        (r.intake.total, r.intake.night_entries, r.slips.opened),
        (2, 1, 1)
    );
}

/// R-DU-7: the printed roster says the arrival lead the office set (some offices: 10 minutes),
/// not a fixed 15.
#[test]
fn r_du_7_the_printed_roster_states_the_offices_arrival_lead() {
    let mut d = Desk::on_disk("2026-11-20 10:00");
    d.publish_full("2026-12", "2026-11-20 10:00");
    let boss = d.as_boss("2026-11-20 10:00");
    let mut settings = d.store.read(|tx| crate::duty::settings::load(tx)).unwrap();
    let printed_with = |d: &mut Desk| {
        let printed = print(
            &mut d.store,
            &boss,
            PrintInput {
                from: "2026-12".into(),
                ..input(FormKind::Roster)
            },
        )
        .unwrap();
        let (text, _) = text_of_bytes(&printed.pdf);
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    assert!(printed_with(&mut d).contains("值班人员须提前15分钟到岗办理交接"));
    settings.arrival_lead_minutes = 10;
    crate::duty::settings::update(&mut d.store, &boss, settings.clone()).unwrap();
    let text = printed_with(&mut d);
    assert!(text.contains("值班人员须提前10分钟到岗办理交接"), "{text}");
    assert!(!text.contains("15分钟"), "{text}");
}
