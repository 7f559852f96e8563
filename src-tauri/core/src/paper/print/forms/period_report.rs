//! 客服统计报表: the month's (quarter's, year's) report on paper, for the supervisor to sign
//! and file (R-RP-1). It prints the same `Report` the dashboard and the Excel file show, so the
//! three cannot disagree; only the layout is this module's.

use crate::base::error::Result;
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{col, col_c, sig, signatures, table};
use crate::paper::print::{FormKind, PrintMeta};
use crate::paper::reports::model::{ComplaintGroup, Count, Report, SlipGroup};

const HEADING_PT: f32 = 11.0;

fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "—".to_string(), |r| format!("{:.1}%", r * 100.0))
}

fn num(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v:.1} {unit}"))
}

fn heading(doc: &mut Document, text: &str) {
    doc.paragraph(BODY_PT, "");
    doc.paragraph(HEADING_PT, text);
}

fn counts(rows: &[Count]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|c| vec![c.label.clone(), c.count.to_string()])
        .collect()
}

fn slip_groups(rows: &[SlipGroup]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|g| {
            vec![
                g.label.clone(),
                g.opened.to_string(),
                g.completed.to_string(),
                g.on_time.to_string(),
                g.overdue.to_string(),
            ]
        })
        .collect()
}

fn complaint_groups(rows: &[ComplaintGroup]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|g| {
            vec![
                g.label.clone(),
                g.received.to_string(),
                g.valid.to_string(),
                g.closed.to_string(),
            ]
        })
        .collect()
}

pub fn render(meta: &PrintMeta, r: &Report) -> Result<Vec<u8>> {
    let kind = FormKind::PeriodReport;
    let title = format!("{}{}", r.period.label, kind.label());
    let mut doc = Document::new(Paper::A4, meta.header(kind, &title, &r.period.key))?;
    let (s, v, c, d) = (&r.slips, &r.visits, &r.complaints, &r.duty);
    doc.paragraph(
        SMALL_PT,
        &format!(
            "统计期间：{}    数据截至：{}",
            r.period.label,
            &r.generated_at[..16.min(r.generated_at.len())]
        ),
    );

    heading(&mut doc, "一、汇总");
    let summary = vec![
        vec![
            "来电来访登记".into(),
            format!(
                "{} 条（夜间 {} 条）",
                r.intake.total, r.intake.night_entries
            ),
        ],
        vec![
            "派工单".into(),
            format!("{} 张，完工 {} 张", s.opened, s.completed),
        ],
        vec!["完成率".into(), pct(s.completion_rate)],
        vec!["按时完成率".into(), pct(s.on_time_rate)],
        vec![
            "平均响应时间（开单→接单）".into(),
            num(s.avg_response_minutes, "分钟"),
        ],
        vec![
            "平均完成时间（开单→完工）".into(),
            num(s.avg_completion_hours, "小时"),
        ],
        vec![
            "回访率".into(),
            format!("{}({} / {})", pct(v.rate), v.done, v.due),
        ],
        vec![
            "满意率".into(),
            format!("{}({} / {})", pct(v.satisfaction_rate), v.satisfied, v.done),
        ],
        vec!["回访超时".into(), format!("{} 张", v.late)],
        vec![
            "投诉受理 / 有效 / 结案".into(),
            format!("{} / {} / {}", c.received, c.valid, c.closed),
        ],
        vec![
            "被催办 派工单 / 投诉".into(),
            format!("{} 张（催办 {} 次）/ {} 件", s.urged, s.urge_calls, c.urged),
        ],
    ];
    table(
        &mut doc,
        &[col("指标", 3.0), col("数值", 4.0)],
        &summary,
        BODY_PT,
        "",
    );
    let two = [col("项目", 3.0), col_c("数量", 1.0)];
    heading(&mut doc, "二、来电来访按类型");
    table(
        &mut doc,
        &two,
        &counts(&r.intake.by_type),
        BODY_PT,
        "本期无登记",
    );
    heading(&mut doc, "三、来电来访按来源");
    table(
        &mut doc,
        &two,
        &counts(&r.intake.by_channel),
        BODY_PT,
        "本期无登记",
    );

    let slip_cols = [
        col("类别/部门", 3.0),
        col_c("报修", 1.0),
        col_c("完工", 1.0),
        col_c("按时", 1.0),
        col_c("超时", 1.0),
    ];
    heading(&mut doc, "四、报修分析（按类别）");
    table(
        &mut doc,
        &slip_cols,
        &slip_groups(&s.by_category),
        BODY_PT,
        "本期无派工单",
    );
    heading(&mut doc, "五、报修分析（按部门）");
    table(
        &mut doc,
        &slip_cols,
        &slip_groups(&s.by_department),
        BODY_PT,
        "本期无派工单",
    );
    heading(&mut doc, "六、超时未完成派工单");
    let overdue: Vec<Vec<String>> = s
        .overdue
        .iter()
        .map(|o| {
            vec![
                o.serial.clone(),
                o.room.clone(),
                o.category.clone(),
                o.assignee.clone(),
                o.deadline.clone(),
                format!("{:.1}", o.hours_over),
            ]
        })
        .collect();
    table(
        &mut doc,
        &[
            col("派工单号", 2.4),
            col("房号", 1.4),
            col("类别", 1.4),
            col("维修人", 1.2),
            col("时限", 2.2),
            col_c("超时（小时）", 1.2),
        ],
        &overdue,
        BODY_PT,
        "本期没有超时未完成的派工单",
    );

    let complaint_cols = [
        col("类别/部门", 3.0),
        col_c("受理", 1.0),
        col_c("有效", 1.0),
        col_c("结案", 1.0),
    ];
    heading(&mut doc, "七、投诉分析（按类别）");
    table(
        &mut doc,
        &complaint_cols,
        &complaint_groups(&c.by_category),
        BODY_PT,
        "本期无投诉",
    );
    heading(&mut doc, "八、投诉分析（按部门）");
    table(
        &mut doc,
        &complaint_cols,
        &complaint_groups(&c.by_department),
        BODY_PT,
        "本期无投诉",
    );
    heading(&mut doc, "九、回访与满意度");
    table(
        &mut doc,
        &[col("回访结果", 3.0), col_c("次数", 1.0)],
        &counts(&v.by_result),
        BODY_PT,
        "本期无回访",
    );

    heading(&mut doc, "十、人员工作量");
    let people: Vec<Vec<String>> = r
        .workload
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.role.clone(),
                p.intake_received.to_string(),
                p.slips_dispatched.to_string(),
                p.slips_completed.to_string(),
                p.return_visits.to_string(),
                p.complaints_handled.to_string(),
                p.shifts.to_string(),
                format!("{:.1}", p.hours),
                p.late.to_string(),
                p.early_leave.to_string(),
                p.absent.to_string(),
                p.satisfaction.clone(),
            ]
        })
        .collect();
    table(
        &mut doc,
        &[
            col("姓名", 1.3),
            col("岗位", 1.5),
            col_c("受理", 0.9),
            col_c("派工", 0.9),
            col_c("完工", 0.9),
            col_c("回访", 0.9),
            col_c("投诉", 0.9),
            col_c("班次", 0.9),
            col_c("工时", 1.0),
            col_c("迟到", 0.9),
            col_c("早退", 0.9),
            col_c("脱岗", 0.9),
            col_c("回访满意率", 2.0),
        ],
        &people,
        SMALL_PT,
        "本期无人员记录",
    );

    heading(&mut doc, "十一、值班统计");
    let duty = vec![
        vec![
            "值班班次 / 时长".into(),
            format!("{} 班 / {:.1} 小时", d.shifts, d.hours),
        ],
        vec![
            "调班 / 请假".into(),
            format!("{} 次 / {} 天", d.swaps, d.leaves),
        ],
        vec![
            "交接班 / 接班迟到".into(),
            format!("{} 次 / {} 次", d.handovers, d.late_arrivals),
        ],
        vec![
            "早退 / 脱岗".into(),
            format!("{} 次 / {} 次", d.early_leaves, d.absences),
        ],
        vec!["主任巡查与夜间查岗".into(), format!("{} 次", d.inspections)],
        vec!["交接遗留事项".into(), format!("{} 项", d.carried_over)],
        vec![
            "代值 / 离岗替值".into(),
            format!("{} 次 / {} 次", d.covers, d.leave_covers),
        ],
        vec![
            "值守空档".into(),
            if d.coverage_gaps.is_empty() {
                "无".into()
            } else {
                d.coverage_gaps.join(";")
            },
        ],
    ];
    table(
        &mut doc,
        &[col("指标", 3.0), col("数值", 4.0)],
        &duty,
        BODY_PT,
        "",
    );
    heading(&mut doc, "十二、指标说明");
    let notes: Vec<Vec<String>> = crate::paper::reports::definitions::DEFINITIONS
        .iter()
        .map(|(name, text)| vec![name.to_string(), text.to_string()])
        .collect();
    table(
        &mut doc,
        &[col("指标", 1.6), col("说明", 6.0)],
        &notes,
        SMALL_PT,
        "",
    );
    signatures(
        &mut doc,
        &[sig("编制（客服主管）", None), sig("审核（项目经理）", None)],
        BODY_PT,
    );
    doc.finish()
}
