//! Paper forms from the command line: `print <form> … --out FILE.pdf` (a copy is always archived).

use frontdesk_core::paper::print::deliver::{self, Destination, SendInput};
use frontdesk_core::paper::print::job::{self, PrintInput};
use frontdesk_core::paper::print::FormKind;

use super::{out, Op, Outcome};
use crate::{Failure, Session};

const SELECT: &str = "[--full-phones true(仅主管)] [--send printer|viewer] --out FILE.pdf";

pub const OPS: &[Op] = &[
    Op { area: "print", verb: "intake-log", about: "打印来电来访登记表(某日、某班次或某段日期)",
         args: "--from 2026-11-02|\"2026-11-02 08:30\" [--to 2026-11-30|\"2026-11-02 17:30\"] [--full-phones] [--send] --out", run },
    Op { area: "print", verb: "night-log", about: "打印夜间值班记录表(该日开始的夜班)", args: "--from 2026-11-02 [--full-phones] [--send] --out", run },
    Op { area: "print", verb: "dispatch-slip", about: "打印维修派工单(一张,或某日全部;A4 或 A5)",
         args: "--serial PG-202611-0001 | --from 2026-11-02  [--paper a4|a5] [--full-phones] [--send] --out", run },
    Op { area: "print", verb: "complaint", about: "打印投诉处理记录表", args: "--serial TS-202611-0001 [--full-phones] [--send] --out", run },
    Op { area: "print", verb: "period-report", about: "打印客服统计报表(月/季/年,仅主管、经理)", args: "--from 2026-11|2026-Q4|2026 [--send] --out", run },
    Op { area: "print", verb: "return-visits", about: "打印回访记录表(某段日期)", args: "--from 2026-11-01 [--to 2026-11-30] [--full-phones] [--send] --out", run },
];

fn run(s: &mut Session) -> Outcome {
    let verb = s
        .cli
        .words
        .get(1)
        .cloned()
        .unwrap_or_default()
        .replace('-', "_");
    let form =
        FormKind::from_key(&verb).ok_or_else(|| Failure::Usage(format!("未知的表单“{verb}”")))?;
    let out_path: String = s
        .cli
        .field("out")
        .map_err(|_| format!("缺少参数 --out;用法:{SELECT}"))?;
    let send = s.cli.fields.remove("send");
    s.cli.fields.insert("form".into(), form.key().into());
    let input: PrintInput = s.cli.input()?;
    let printed = job::print(&mut s.store, &s.ctx, input)?;
    std::fs::write(&out_path, &printed.pdf)
        .map_err(|e| Failure::Usage(format!("无法写入 {out_path}:{e}")))?;
    if let Some(to) = send {
        let to = match to.as_str() {
            "printer" => Destination::Printer,
            "viewer" => Destination::Viewer,
            other => {
                return Err(Failure::Usage(format!(
                    "--send 应为 printer 或 viewer,而不是“{other}”"
                )))
            }
        };
        deliver::send(
            &mut s.store,
            &s.ctx,
            SendInput {
                archive_path: printed.archive_path.clone(),
                to,
            },
        )?;
    }
    out(serde_json::json!({
        "表单": printed.title,
        "输出文件": out_path,
        "归档": printed.archive_path,
        "字节": printed.bytes,
    }))
}
