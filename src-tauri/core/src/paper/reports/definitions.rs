//! What each figure of the report means (R-RP-1, R-RP-2), in the words the Excel file's 说明
//! sheet and the printed report's notes use. The rules themselves are written once where their
//! concept lives — overdue and on time in `deadlines` (`overdue_sql`, `ON_TIME_SQL`, `assess`),
//! rates in `model::rate` — and this list says them in Chinese; a test checks that the words and
//! the rules agree on the cases they name.

/// (figure, definition), in the order the notes print them.
pub const DEFINITIONS: &[(&str, &str)] = &[
    (
        "统计口径",
        "来电来访按受理时间、派工单按开单时间、投诉按受理时间计入所在期间；作废的派工单不计。",
    ),
    (
        "统计时点",
        "已结束的期间为期末，当前期间为报表生成时刻；超时按统计时点判断。",
    ),
    ("完成率", "已完工的派工单 ÷ 本期派工单。"),
    (
        "按时完成",
        "完工时间不晚于时限。时限 = 开单时间 + 服务类别的时限，暂停期间不计时。",
    ),
    ("按时完成率", "按时完成的派工单 ÷ 已完工的派工单。"),
    (
        "超时",
        "时限在完工之前、且在统计时点之前已过：含超时完工的和超时仍未完工的；暂停中的派工单只在暂停前已过时限时算超时。",
    ),
    ("超时未完成", "超时且到统计时点仍未完工的派工单，逐张列出。"),
    ("平均响应时间", "开单到接单的平均分钟数，只计已接单的派工单。"),
    ("平均完成时间", "开单到完工的平均小时数，只计已完工的派工单。"),
    (
        "回访率",
        "已接通回访的派工单 ÷ 已完工的派工单；一张派工单以最近一次接通的回访为准。",
    ),
    ("满意率", "回访结果为满意或基本满意的 ÷ 已接通回访的派工单。"),
    (
        "投诉有效",
        "主管认定为有效的投诉；尚未认定的投诉既不计有效，也不计无效。",
    ),
    ("投诉结案", "主管已签字办结的投诉。"),
    (
        "在办",
        "派工单未关闭、未作废；投诉未签字办结；登记既无结果、也未转为派工单或投诉。",
    ),
    (
        "值班班次与时长",
        "按已发布的值班表及已批准的调班、请假计算；草稿值班表不计。",
    ),
    (
        "迟到",
        "接班人到岗晚于交接时间减去规定的提前到岗分钟数。",
    ),
    ("交接遗留事项", "已签字的交接班记录移交给下一班的未完成事项。"),
    ("比率为“—”", "分母为 0，本期没有可计算的记录，不是 0%。"),
];
