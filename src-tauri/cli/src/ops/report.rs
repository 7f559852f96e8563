//! Reports from the command line: `report month 2026-11 --out FILE.xlsx` (or FILE.pdf; also
//! quarter, year).

use frontdesk_core::paper::reports::{self, PeriodKind, ReportInput};

use super::{out, Op, Outcome};
use crate::{Failure, Session};

pub const OPS: &[Op] = &[
    Op {
        area: "report",
        verb: "month",
        about: "月报:导出 Excel 或打印 PDF(按 --out 的扩展名;不带 --out 时显示汇总数字)",
        args: "2026-11 [--out FILE.xlsx|FILE.pdf]",
        run,
    },
    Op {
        area: "report",
        verb: "quarter",
        about: "季报:导出 Excel 或 PDF",
        args: "2026-Q4 [--out FILE.xlsx|FILE.pdf]",
        run,
    },
    Op {
        area: "report",
        verb: "year",
        about: "年报:导出 Excel 或 PDF",
        args: "2026 [--out FILE.xlsx|FILE.pdf]",
        run,
    },
];

fn run(s: &mut Session) -> Outcome {
    let kind = match s.cli.words.get(1).map(String::as_str) {
        Some("quarter") => PeriodKind::Quarter,
        Some("year") => PeriodKind::Year,
        _ => PeriodKind::Month,
    };
    let period = s
        .cli
        .words
        .get(2)
        .cloned()
        .or_else(|| s.cli.fields.get("period").cloned())
        .ok_or_else(|| {
            Failure::Usage("缺少报表期间,例如:report month 2026-11 --out 月报.xlsx".into())
        })?;
    let input = ReportInput { kind, period };
    match s.cli.fields.get("out").cloned() {
        // The same report on paper: a PDF from the print module, archived like every form.
        Some(path) if path.to_lowercase().ends_with(".pdf") => {
            let printed = frontdesk_core::paper::print::job::print(
                &mut s.store,
                &s.ctx,
                frontdesk_core::paper::print::job::PrintInput {
                    form: frontdesk_core::paper::print::FormKind::PeriodReport,
                    serial: String::new(),
                    from: input.period,
                    to: String::new(),
                    paper: None,
                    full_phones: false,
                },
            )?;
            std::fs::write(&path, &printed.pdf)
                .map_err(|err| Failure::Usage(format!("无法写入 {path}:{err}")))?;
            out(
                serde_json::json!({ "输出文件": path, "归档": printed.archive_path, "字节": printed.bytes }),
            )
        }
        Some(path) => {
            let e = reports::export(&mut s.store, &s.ctx, input)?;
            std::fs::write(&path, &e.xlsx)
                .map_err(|err| Failure::Usage(format!("无法写入 {path}:{err}")))?;
            out(serde_json::json!({ "输出文件": path, "归档": e.archive_path, "字节": e.bytes }))
        }
        None => {
            let r = reports::report(&mut s.store, &s.ctx, input)?;
            if s.cli.json {
                return out(r);
            }
            let pct =
                |x: Option<f64>| x.map_or("—".to_string(), |v| format!("{:.1}%", v * 100.0));
            out(serde_json::json!({
                "期间": r.period.label,
                "来电来访登记": r.intake.total,
                "派工单": r.slips.opened,
                "完成率": pct(r.slips.completion_rate),
                "按时完成率": pct(r.slips.on_time_rate),
                "回访率": pct(r.visits.rate),
                "满意率": pct(r.visits.satisfaction_rate),
                "投诉受理": r.complaints.received,
                "超时未完成": r.slips.overdue.len(),
            }))
        }
    }
}
