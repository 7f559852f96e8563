//! The workbook's sheets, one function each: 汇总 (with native charts), 报修分析, 投诉分析,
//! 回访与满意度, 人员工作量, 值班统计, 明细 and 说明.

use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use crate::base::error::Result;
use crate::paper::reports::model::*;

use super::*;

pub(super) fn summary(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("汇总")?;
    title(ws, st, r, "客服工作汇总")?;
    let s = &r.slips;
    let c = &r.complaints;
    let v = &r.visits;
    let ind: Vec<Vec<V>> = vec![
        vec![V::T("来电来访登记（件）"), V::I(r.intake.total)],
        vec![V::T("其中夜间登记（件）"), V::I(r.intake.night_entries)],
        vec![V::T("派工单（张）"), V::I(s.opened)],
        vec![V::T("已完成（张）"), V::I(s.completed)],
        vec![V::T("完成率"), V::Pct(s.completion_rate)],
        vec![V::T("按时完成率"), V::Pct(s.on_time_rate)],
        vec![
            V::T("平均响应时间（分钟）"),
            s.avg_response_minutes.map(V::F).unwrap_or(V::T("—")),
        ],
        vec![
            V::T("平均完成时间（小时）"),
            s.avg_completion_hours.map(V::F).unwrap_or(V::T("—")),
        ],
        vec![V::T("回访率"), V::Pct(v.rate)],
        vec![V::T("满意率"), V::Pct(v.satisfaction_rate)],
        vec![V::T("回访超时（张）"), V::I(v.late)],
        vec![V::T("投诉受理（件）"), V::I(c.received)],
        vec![V::T("有效投诉（件）"), V::I(c.valid)],
        vec![V::T("投诉结案（件）"), V::I(c.closed)],
        vec![V::T("被催办派工单（张）"), V::I(s.urged)],
        vec![V::T("派工单催办次数（次）"), V::I(s.urge_calls)],
        vec![V::T("被催办投诉（件）"), V::I(c.urged)],
    ];
    let mut row = table(ws, st, 3, 0, &["指标", "数值"], ind)?;
    row += 1;
    caption(ws, st, row, "按类别")?;
    let type_top = row + 1;
    row = table(
        ws,
        st,
        type_top,
        0,
        &["类别", "件数"],
        r.intake
            .by_type
            .iter()
            .map(|c| vec![V::T(&c.label), V::I(c.count)])
            .collect(),
    )?;
    row += 1;
    caption(ws, st, row, "按方式")?;
    let chan_top = row + 1;
    row = table(
        ws,
        st,
        chan_top,
        0,
        &["方式", "件数"],
        r.intake
            .by_channel
            .iter()
            .map(|c| vec![V::T(&c.label), V::I(c.count)])
            .collect(),
    )?;
    row += 1;
    caption(ws, st, row, "每日登记")?;
    let day_top = row + 1;
    row = table(
        ws,
        st,
        day_top,
        0,
        &["日期", "件数"],
        r.intake
            .per_day
            .iter()
            .map(|d| vec![V::T(&d.day), V::I(d.count)])
            .collect(),
    )?;
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 12)?;
    ws.set_freeze_panes(3, 0)?;

    // Native charts beside the tables.
    if !r.intake.by_type.is_empty() {
        let n = r.intake.by_type.len() as u32;
        let mut ch = Chart::new(ChartType::Column);
        ch.title().set_name("登记按类别");
        ch.add_series()
            .set_categories(("汇总", type_top + 1, 0, type_top + n, 0))
            .set_values(("汇总", type_top + 1, 1, type_top + n, 1))
            .set_name("件数");
        ch.legend().set_hidden();
        ws.insert_chart(3, 3, &ch)?;
    }
    if !r.intake.by_channel.is_empty() {
        let n = r.intake.by_channel.len() as u32;
        let mut ch = Chart::new(ChartType::Pie);
        ch.title().set_name("登记按方式");
        ch.add_series()
            .set_categories(("汇总", chan_top + 1, 0, chan_top + n, 0))
            .set_values(("汇总", chan_top + 1, 1, chan_top + n, 1))
            .set_name("件数");
        ws.insert_chart(19, 3, &ch)?;
    }
    if !r.intake.per_day.is_empty() {
        let n = r.intake.per_day.len() as u32;
        let mut ch = Chart::new(ChartType::Line);
        ch.title().set_name("每日登记量");
        ch.add_series()
            .set_categories(("汇总", day_top + 1, 0, day_top + n, 0))
            .set_values(("汇总", day_top + 1, 1, day_top + n, 1))
            .set_name("件数");
        ch.legend().set_hidden();
        ws.insert_chart(35, 3, &ch)?;
    }
    setup_print(ws, row.max(50), 10, 3, false)
}

fn group_rows(groups: &[SlipGroup]) -> Vec<Vec<V<'_>>> {
    groups
        .iter()
        .map(|g| {
            vec![
                V::T(&g.label),
                V::I(g.opened),
                V::I(g.completed),
                V::Pct(rate(g.completed, g.opened)),
                V::I(g.on_time),
                V::Pct(rate(g.on_time, g.completed)),
                V::I(g.overdue),
            ]
        })
        .collect()
}

pub(super) fn slips(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("报修分析")?;
    title(ws, st, r, "报修分析")?;
    let heads = [
        "类别",
        "派工（张）",
        "完成（张）",
        "完成率",
        "按时（张）",
        "按时率",
        "超时（张）",
    ];
    let mut row = table(ws, st, 3, 0, &heads, group_rows(&r.slips.by_category))?;
    row += 1;
    let mut dept_heads = heads;
    dept_heads[0] = "责任部门";
    row = table(
        ws,
        st,
        row,
        0,
        &dept_heads,
        group_rows(&r.slips.by_department),
    )?;
    row += 1;
    caption(ws, st, row, "超时未完成派工单")?;
    row = table(
        ws,
        st,
        row + 1,
        0,
        &[
            "派工单号",
            "报修时间",
            "房号",
            "类别",
            "维修人",
            "时限",
            "超时（小时）",
        ],
        r.slips
            .overdue
            .iter()
            .map(|o| {
                vec![
                    V::T(&o.serial),
                    V::When(&o.opened_at),
                    V::T(&o.room),
                    V::T(&o.category),
                    V::T(&o.assignee),
                    V::When(&o.deadline),
                    V::F(o.hours_over),
                ]
            })
            .collect(),
    )?;
    for (c, w) in [
        (0, 16),
        (1, 18),
        (2, 12),
        (3, 12),
        (4, 12),
        (5, 18),
        (6, 12),
    ] {
        ws.set_column_width(c, w)?;
    }
    ws.set_freeze_panes(4, 1)?;
    setup_print(ws, row, 6, 3, false)
}

fn complaint_rows(groups: &[ComplaintGroup]) -> Vec<Vec<V<'_>>> {
    groups
        .iter()
        .map(|g| {
            vec![
                V::T(&g.label),
                V::I(g.received),
                V::I(g.valid),
                V::I(g.closed),
                V::Pct(rate(g.closed, g.received)),
            ]
        })
        .collect()
}

pub(super) fn complaints(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("投诉分析")?;
    title(ws, st, r, "投诉分析")?;
    let c = &r.complaints;
    let mut row = table(
        ws,
        st,
        3,
        0,
        &[
            "受理（件）",
            "有效（件）",
            "结案（件）",
            "结案率",
            "平均结案时间（小时）",
        ],
        vec![vec![
            V::I(c.received),
            V::I(c.valid),
            V::I(c.closed),
            V::Pct(rate(c.closed, c.received)),
            c.avg_close_hours.map(V::F).unwrap_or(V::T("—")),
        ]],
    )?;
    row += 1;
    row = table(
        ws,
        st,
        row,
        0,
        &[
            "投诉类别",
            "受理（件）",
            "有效（件）",
            "结案（件）",
            "结案率",
        ],
        complaint_rows(&c.by_category),
    )?;
    row += 1;
    row = table(
        ws,
        st,
        row,
        0,
        &[
            "责任部门",
            "受理（件）",
            "有效（件）",
            "结案（件）",
            "结案率",
        ],
        complaint_rows(&c.by_department),
    )?;
    for c in 0..5 {
        ws.set_column_width(c, 16)?;
    }
    ws.set_freeze_panes(4, 0)?;
    setup_print(ws, row, 4, 3, false)
}

pub(super) fn visits(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("回访与满意度")?;
    title(ws, st, r, "回访与满意度")?;
    let v = &r.visits;
    let mut row = table(
        ws,
        st,
        3,
        0,
        &[
            "应回访（张）",
            "已回访（张）",
            "回访率",
            "满意（张）",
            "满意率",
        ],
        vec![vec![
            V::I(v.due),
            V::I(v.done),
            V::Pct(v.rate),
            V::I(v.satisfied),
            V::Pct(v.satisfaction_rate),
        ]],
    )?;
    row += 1;
    let top = row;
    row = table(
        ws,
        st,
        row,
        0,
        &["回访结果", "张数"],
        v.by_result
            .iter()
            .map(|c| vec![V::T(&c.label), V::I(c.count)])
            .collect(),
    )?;
    if !v.by_result.is_empty() {
        let n = v.by_result.len() as u32;
        let mut ch = Chart::new(ChartType::Pie);
        ch.title().set_name("满意度分布");
        ch.add_series()
            .set_categories(("回访与满意度", top + 1, 0, top + n, 0))
            .set_values(("回访与满意度", top + 1, 1, top + n, 1));
        ws.insert_chart(3, 6, &ch)?;
    }
    for c in 0..5 {
        ws.set_column_width(c, 14)?;
    }
    ws.set_freeze_panes(4, 0)?;
    setup_print(ws, row.max(20), 12, 3, true)
}

pub(super) fn workload(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("人员工作量")?;
    title(ws, st, r, "人员工作量")?;
    let row = table(
        ws,
        st,
        3,
        0,
        &[
            "姓名",
            "岗位",
            "登记（件）",
            "派工（张）",
            "完成维修（张）",
            "回访（次）",
            "处理投诉（件）",
            "值班（班次）",
            "值班时长（小时）",
            "迟到（次）",
            "早退（次）",
            "脱岗（次）",
            "回访满意率",
        ],
        r.workload
            .iter()
            .map(|p| {
                vec![
                    V::T(&p.name),
                    V::T(&p.role),
                    V::I(p.intake_received),
                    V::I(p.slips_dispatched),
                    V::I(p.slips_completed),
                    V::I(p.return_visits),
                    V::I(p.complaints_handled),
                    V::I(p.shifts),
                    V::F(p.hours),
                    V::I(p.late),
                    V::I(p.early_leave),
                    V::I(p.absent),
                    V::T(&p.satisfaction),
                ]
            })
            .collect(),
    )?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 12)?;
    for c in 2..13 {
        ws.set_column_width(c, 11)?;
    }
    ws.set_freeze_panes(4, 1)?;
    setup_print(ws, row, 12, 3, true)
}

pub(super) fn duty(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("值班统计")?;
    title(ws, st, r, "值班统计")?;
    let d = &r.duty;
    let mut row = table(
        ws,
        st,
        3,
        0,
        &["指标", "数值"],
        vec![
            vec![V::T("值班（班次）"), V::I(d.shifts)],
            vec![V::T("值班时长（小时）"), V::F(d.hours)],
            vec![V::T("调班（次）"), V::I(d.swaps)],
            vec![V::T("请假（天）"), V::I(d.leaves)],
            vec![V::T("迟到（次）"), V::I(d.late_arrivals)],
            vec![V::T("早退（次）"), V::I(d.early_leaves)],
            vec![V::T("脱岗（次）"), V::I(d.absences)],
            vec![V::T("主任巡查与夜间查岗（次）"), V::I(d.inspections)],
            vec![V::T("代值（次）"), V::I(d.covers)],
            vec![V::T("离岗替值（次）"), V::I(d.leave_covers)],
            vec![V::T("交接班（次）"), V::I(d.handovers)],
            vec![V::T("交接遗留事项（项）"), V::I(d.carried_over)],
            vec![V::T("值守空档（处）"), V::I(d.coverage_gaps.len() as i64)],
        ],
    )?;
    row += 1;
    row = table(
        ws,
        st,
        row,
        0,
        &["值守空档明细"],
        d.coverage_gaps.iter().map(|g| vec![V::T(g)]).collect(),
    )?;
    ws.set_column_width(0, 36)?;
    ws.set_column_width(1, 14)?;
    ws.set_freeze_panes(4, 0)?;
    setup_print(ws, row, 1, 3, false)
}

/// 说明: what each figure means, from `definitions` (the same words the printed report uses).
pub(super) fn notes(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("说明")?;
    title(ws, st, r, "指标说明")?;
    let row = table(
        ws,
        st,
        3,
        0,
        &["指标", "说明"],
        crate::paper::reports::definitions::DEFINITIONS
            .iter()
            .map(|(name, text)| vec![V::T(name), V::T(text)])
            .collect(),
    )?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 90)?;
    setup_print(ws, row, 1, 3, false)
}

pub(super) fn detail(ws: &mut Worksheet, st: &Styles, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("明细")?;
    title(ws, st, r, "明细")?;
    let heads = [
        "记录类型",
        "编号",
        "时间",
        "房号",
        "联系人",
        "电话",
        "方式",
        "类别",
        "责任部门",
        "内容",
        "经办人",
        "状态/结果",
        "完成/结案时间",
        "是否按时",
        "满意度/有效性",
    ];
    let mut rows: Vec<Vec<V>> = Vec::new();
    for i in &r.intake_rows {
        rows.push(vec![
            V::T("来电来访"),
            V::T(&i.serial),
            V::When(&i.received_at),
            V::T(&i.room),
            V::T(&i.caller),
            V::T(&i.phone),
            V::T(&i.channel),
            V::T(&i.kind),
            V::T(""),
            V::T(&i.content),
            V::T(&i.received_by),
            V::T(&i.outcome),
            V::T(""),
            V::T(""),
            V::T(""),
        ]);
    }
    for s in &r.slip_rows {
        let on_time = match s.on_time {
            Some(true) => "按时",
            Some(false) => "超时",
            None => "",
        };
        rows.push(vec![
            V::T("派工单"),
            V::T(&s.serial),
            V::When(&s.opened_at),
            V::T(&s.room),
            V::T(""),
            V::T(""),
            V::T(""),
            V::T(&s.category),
            V::T(&s.department),
            V::T(""),
            V::T(&s.assignee),
            V::T(&s.status),
            V::When(&s.completed_at),
            V::S(on_time.to_string()),
            V::T(&s.satisfaction),
        ]);
    }
    for c in &r.complaint_rows {
        rows.push(vec![
            V::T("投诉"),
            V::T(&c.serial),
            V::When(&c.received_at),
            V::T(&c.room),
            V::T(""),
            V::T(""),
            V::T(""),
            V::T(&c.category),
            V::T(&c.department),
            V::T(""),
            V::T(""),
            V::T(&c.status),
            V::When(&c.closed_at),
            V::T(""),
            V::T(&c.validity),
        ]);
    }
    let n = rows.len() as u32;
    let row = table(ws, st, 3, 0, &heads, rows)?;
    let widths = [10, 16, 18, 11, 10, 14, 8, 10, 10, 40, 10, 16, 18, 8, 12];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(4, 2)?;
    ws.autofilter(3, 0, 3 + n, (heads.len() - 1) as u16)?;
    setup_print(ws, row, (heads.len() - 1) as u16, 3, true)
}
