//! The command line's friendlier shapes of a few operations. Each still runs the operation
//! through `api::call` (so the same gate and the same core function); only the way its input
//! arrives or its output leaves differs: a file path instead of bytes, a password that never
//! appears on the command line, `print intake-log --out 登记表.pdf`, `report month 2026-11`.

use frontdesk_core::api;
use frontdesk_core::base::base64;
use frontdesk_core::paper::print::FormKind;
use frontdesk_core::setup::import::ImportReport;
use serde_json::{json, Value};

use super::{out, Outcome};
use crate::{Failure, Session};

/// The shapes `--help` lists besides the operations: (name, help, flags).
pub const SHAPES: &[(&str, &str, &str)] = &[
    (
        "print intake-log",
        "打印来电来访登记表（某日、某班次或某段日期）",
        "--from 2026-11-02|\"2026-11-02 08:30\" [--to 2026-11-30|\"2026-11-02 17:30\"] [--full-phones] [--send] --out",
    ),
    ("print night-log", "打印夜间值班记录表（该日开始的夜班）", "--from 2026-11-02 [--full-phones] [--send] --out"),
    (
        "print dispatch-slip",
        "打印维修派工单（一张，或某日全部；A4 或 A5）",
        "--serial PG-202611-0001 | --from 2026-11-02  [--paper a4|a5] [--full-phones] [--send] --out",
    ),
    ("print complaint", "打印投诉处理记录表", "--serial TS-202611-0001 [--full-phones] [--send] --out"),
    ("print return-visits", "打印回访记录表（某段日期）", "--from 2026-11-01 [--to 2026-11-30] [--full-phones] [--send] --out"),
    ("print roster", "打印值班安排表", "--from 2026-12 [--send] --out"),
    ("print shift-request", "打印调班/请假申请单", "--serial 5 [--send] --out"),
    ("print handover", "打印交接班记录表", "--serial JJ-202611-0001 [--send] --out"),
    ("print period-report", "打印客服统计报表（月/季/年，仅主管、经理）", "--from 2026-11|2026-Q4|2026 [--send] --out"),
    ("report month", "月报：导出 Excel 或打印 PDF（按 --out 的扩展名；不带 --out 时显示汇总数字）", "2026-11 [--out FILE.xlsx|FILE.pdf]"),
    ("report quarter", "季报：导出 Excel 或 PDF", "2026-Q4 [--out FILE.xlsx|FILE.pdf]"),
    ("report year", "年报：导出 Excel 或 PDF", "2026 [--out FILE.xlsx|FILE.pdf]"),
    ("roster set", "设置值班表的一个格子（班次代码，空为休息）", "--month 2026-12 --staff-id 3 --date 2026-12-05 --code 白"),
];

/// Runs `area verb` if it is one of the shapes here; None lets the generic path run it.
pub fn run(s: &mut Session, area: &str, verb: &str) -> Option<Outcome> {
    Some(match (area, verb) {
        ("print", "send") => return None,
        ("print", _) => print(s, verb),
        ("report", "month" | "quarter" | "year" | "export") => report(s, verb),
        ("import", "preview" | "run") => import(s, verb),
        ("import", "template") => template(s),
        ("handover", "sign") => sign(s),
        ("account", "set-login") => set_login(s),
        ("account", "password") => change_password(s),
        ("roster", "set") => set_cell(s),
        ("init", _) => init(s),
        ("search", _) if !s.cli.json => search(s),
        _ => return None,
    })
}

fn write(path: &str, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| Failure::Usage(format!("无法写入 {path}：{e}")))
}

fn bytes_of(v: &Value, field: &str) -> Result<Vec<u8>, Failure> {
    let text = v[field].as_str().unwrap_or_default();
    base64::decode(text).ok_or_else(|| Failure::Usage(format!("结果中的 {field} 无法读取")))
}

/// `print <form> … --out FILE.pdf [--send printer|viewer]`, or `print form --form <form> …`.
fn print(s: &mut Session, verb: &str) -> Outcome {
    let mut fields = s.cli.fields.clone();
    if verb != "form" {
        let key = verb.replace('-', "_");
        let form = FormKind::from_text(&key)
            .ok_or_else(|| Failure::Usage(format!("未知的表单“{verb}”")))?;
        fields.insert("form".into(), form.code().into());
    }
    let path = fields
        .remove("out")
        .ok_or_else(|| Failure::Usage("缺少参数 --out（输出的 PDF 文件）".into()))?;
    let send = fields.remove("send");
    let printed = api::call_text(&mut s.store, &s.ctx, "print_form", &fields)?;
    write(&path, &bytes_of(&printed, "pdf_base64")?)?;
    if let Some(to) = send {
        if to != "printer" && to != "viewer" {
            return Err(Failure::Usage(format!(
                "--send 应为 printer 或 viewer，而不是“{to}”"
            )));
        }
        let input = json!({ "archive_path": printed["archive_path"], "to": to });
        api::call(&mut s.store, &s.ctx, "print_send", input)?;
    }
    out(json!({
        "表单": printed["title"],
        "输出文件": path,
        "归档": printed["archive_path"],
        "字节": printed["bytes"],
    }))
}

/// `report month 2026-11 [--out FILE.xlsx|FILE.pdf]` (also quarter, year; `report export`).
fn report(s: &mut Session, verb: &str) -> Outcome {
    let kind = match verb {
        "export" => s
            .cli
            .fields
            .get("kind")
            .cloned()
            .unwrap_or_else(|| "month".into()),
        other => other.to_string(),
    };
    let period = s
        .cli
        .words
        .get(2)
        .cloned()
        .or_else(|| s.cli.fields.get("period").cloned())
        .ok_or_else(|| {
            Failure::Usage("缺少报表期间，例如：report month 2026-11 --out 月报.xlsx".into())
        })?;
    let input = json!({ "kind": kind, "period": period });
    match s.cli.fields.get("out").cloned() {
        // The same report on paper: a PDF from the print module, archived like every form.
        Some(path) if path.to_lowercase().ends_with(".pdf") => {
            let form = json!({ "form": "period_report", "serial": "", "from": period, "to": "", "paper": null, "full_phones": false });
            let printed = api::call(&mut s.store, &s.ctx, "print_form", form)?;
            write(&path, &bytes_of(&printed, "pdf_base64")?)?;
            out(
                json!({ "输出文件": path, "归档": printed["archive_path"], "字节": printed["bytes"] }),
            )
        }
        Some(path) => {
            let e = api::call(&mut s.store, &s.ctx, "report_export", input)?;
            write(&path, &bytes_of(&e, "xlsx_base64")?)?;
            out(json!({ "输出文件": path, "归档": e["archive_path"], "字节": e["bytes"] }))
        }
        None if verb == "export" => {
            Err(Failure::Usage("缺少参数 --out（导出的 Excel 文件）".into()))
        }
        None => {
            let r = api::call(&mut s.store, &s.ctx, "report_get", input)?;
            if s.cli.json {
                return Ok(r);
            }
            let pct = |x: &Value| {
                x.as_f64()
                    .map_or("—".to_string(), |v| format!("{:.1}%", v * 100.0))
            };
            out(json!({
                "期间": r["period"]["label"],
                "来电来访登记": r["intake"]["total"],
                "派工单": r["slips"]["opened"],
                "完成率": pct(&r["slips"]["completion_rate"]),
                "按时完成率": pct(&r["slips"]["on_time_rate"]),
                "回访率": pct(&r["visits"]["rate"]),
                "满意率": pct(&r["visits"]["satisfaction_rate"]),
                "投诉受理": r["complaints"]["received"],
                "超时未完成": r["slips"]["overdue"].as_array().map_or(0, Vec::len),
            }))
        }
    }
}

/// `import preview|run --kind rooms|staff --file PATH [--only-valid true]`. A refused run prints
/// its report but exits 1, so a script does not mistake it for done.
fn import(s: &mut Session, verb: &str) -> Outcome {
    let path = s
        .cli
        .fields
        .get("file")
        .cloned()
        .ok_or_else(|| Failure::Usage("缺少参数 --file".into()))?;
    let bytes =
        std::fs::read(&path).map_err(|e| Failure::Usage(format!("无法读取文件 {path}：{e}")))?;
    let file_name = std::path::Path::new(&path)
        .file_name()
        .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
    let kind = s.cli.fields.get("kind").cloned().unwrap_or_default();
    let only_valid = s.cli.fields.get("only_valid").is_some_and(|v| v == "true");
    let mut input = json!({ "kind": kind, "file_name": file_name, "bytes": bytes });
    let name = if verb == "run" {
        input["only_valid"] = json!(only_valid);
        "import_run"
    } else {
        "import_preview"
    };
    let v = api::call(&mut s.store, &s.ctx, name, input)?;
    let report: ImportReport = serde_json::from_value(v.clone())
        .map_err(|e| Failure::Usage(format!("无法读取导入报告：{e}")))?;
    let shown = if s.cli.json {
        v
    } else {
        out(report.describe())?
    };
    if name == "import_run" && !report.written {
        Err(Failure::Refused(shown))
    } else {
        Ok(shown)
    }
}

/// `import template --kind rooms|staff [--out PATH]`: the template where the app saves it, or
/// copied to `--out`.
fn template(s: &mut Session) -> Outcome {
    let kind = s.cli.fields.get("kind").cloned().unwrap_or_default();
    let saved = api::call(
        &mut s.store,
        &s.ctx,
        "import_template",
        json!({ "kind": kind }),
    )?;
    let saved = saved.as_str().unwrap_or_default().to_string();
    match s.cli.fields.get("out") {
        Some(path) => {
            std::fs::copy(&saved, path)
                .map_err(|e| Failure::Usage(format!("无法写入 {path}：{e}")))?;
            out(json!({ "path": path }))
        }
        None => out(json!({ "path": saved })),
    }
}

/// A password is never taken from the command line, where the process list and the shell
/// history would keep it: it comes from the environment variable `env`, else one line read
/// from standard input (typed at a prompt, or piped).
fn secret(s: &Session, keys: &[&str], env: &str, prompt: &str) -> Result<String, Failure> {
    let on_line = keys.iter().any(|k| {
        s.cli.fields.contains_key(*k)
            || s.cli
                .fields
                .get("input")
                .is_some_and(|j| j.contains(&format!("\"{k}\"")))
    });
    if on_line {
        return Err(Failure::Usage(format!(
            "不接受在命令行上写密码（会留在命令历史和进程列表里）：请用环境变量 {env}，或运行后按提示输入"
        )));
    }
    match std::env::var(env) {
        Ok(p) => Ok(p),
        Err(_) => {
            eprint!("{prompt}");
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|_| Failure::Usage("无法读取密码".into()))?;
            Ok(line.trim_end_matches(['\r', '\n']).to_string())
        }
    }
}

/// Signing needs the signer's own password (FRONTDESK_SIGN_PASSWORD or standard input).
fn sign(s: &mut Session) -> Outcome {
    let password = secret(
        s,
        &["password"],
        "FRONTDESK_SIGN_PASSWORD",
        "请签字人输入本人密码：",
    )?;
    let mut fields = s.cli.fields.clone();
    fields.insert("password".into(), password);
    Ok(api::call_text(
        &mut s.store,
        &s.ctx,
        "handover_sign",
        &fields,
    )?)
}

/// `account set-login --staff-id 3 --login wang`: the new password from FRONTDESK_NEW_PASSWORD
/// or standard input.
fn set_login(s: &mut Session) -> Outcome {
    let password = secret(
        s,
        &["password"],
        "FRONTDESK_NEW_PASSWORD",
        "请输入该账号的新密码：",
    )?;
    let mut fields = s.cli.fields.clone();
    fields.insert("password".into(), password);
    Ok(api::call_text(
        &mut s.store,
        &s.ctx,
        "account_set_login",
        &fields,
    )?)
}

/// `account password`: the old password is the one `--as` logged in with (FRONTDESK_PASSWORD),
/// the new one from FRONTDESK_NEW_PASSWORD or standard input.
fn change_password(s: &mut Session) -> Outcome {
    let new = secret(
        s,
        &["password", "old_password", "new_password"],
        "FRONTDESK_NEW_PASSWORD",
        "请输入新密码：",
    )?;
    let old = std::env::var("FRONTDESK_PASSWORD").map_err(|_| {
        Failure::Usage("请用 --as 登录（密码在环境变量 FRONTDESK_PASSWORD 中）".into())
    })?;
    let input = json!({ "old_password": old, "new_password": new });
    Ok(api::call(&mut s.store, &s.ctx, "account_password", input)?)
}

/// `init` with the office's fields flat on the command line; 文件编号 KF and 版本 A/0 unless given.
fn init(s: &mut Session) -> Outcome {
    let password = secret(
        s,
        &["password"],
        "FRONTDESK_NEW_PASSWORD",
        "请输入客服主管的新密码：",
    )?;
    let f = &s.cli.fields;
    let get = |k: &str, default: &str| f.get(k).cloned().unwrap_or_else(|| default.to_string());
    let minutes: i64 = get("idle_lock_minutes", "10")
        .parse()
        .map_err(|_| Failure::Usage("参数 --idle-lock-minutes 应为分钟数".into()))?;
    let input = json!({
        "office": {
            "company_name": get("company_name", ""),
            "estate_name": get("estate_name", ""),
            "desk_phone": get("desk_phone", ""),
            "doc_prefix": get("doc_prefix", "KF"),
            "doc_version": get("doc_version", "A/0"),
            "idle_lock_minutes": minutes,
        },
        "supervisor_name": get("supervisor_name", ""),
        "supervisor_phone": get("supervisor_phone", ""),
        "login": get("login", ""),
        "password": password,
    });
    Ok(api::call(&mut s.store, &s.ctx, "setup_init", input)?)
}

/// `roster set --month --staff-id --date --code`: one cell of the grid.
fn set_cell(s: &mut Session) -> Outcome {
    let f = &s.cli.fields;
    let need = |k: &str| {
        f.get(k)
            .cloned()
            .ok_or_else(|| Failure::Usage(format!("缺少参数 --{}", k.replace('_', "-"))))
    };
    let staff_id: i64 = need("staff_id")?
        .parse()
        .map_err(|_| Failure::Usage("参数 --staff-id 应为员工编号".into()))?;
    let input = json!({
        "month": need("month")?,
        "cells": [{ "staff_id": staff_id, "date": need("date")?, "code": f.get("code").cloned().unwrap_or_default() }],
    });
    Ok(api::call(&mut s.store, &s.ctx, "roster_set_cells", input)?)
}

/// The terminal gets one line per hit; `--json` the whole page (with has_more).
fn search(s: &mut Session) -> Outcome {
    let page = api::call_text(&mut s.store, &s.ctx, "search", &s.cli.fields)?;
    Ok(page["hits"].clone())
}
