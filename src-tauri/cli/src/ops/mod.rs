//! The command line's verbs: every operation of the core's one list (`frontdesk_core::api`) as
//! `frontdesk-cli <area> <verb> --field value`, its help from the same declaration. A few verbs
//! keep their friendlier shapes through `adapters` (a file path, a password, `print intake-log`,
//! `report month 2026-11 --out 月报.xlsx`); `dev generate` is the command line's own.

mod adapters;
pub mod files;

use frontdesk_core::api::{self, OPERATIONS};
use frontdesk_core::synthetic::{self, GenerateInput};
use serde::Serialize;
use serde_json::Value;

use crate::{Failure, Session};

pub type Outcome = Result<Value, Failure>;

pub fn out<T: Serialize>(v: T) -> Outcome {
    serde_json::to_value(v).map_err(|e| Failure::Usage(format!("无法输出结果：{e}")))
}

/// Verbs of the command line alone, not operations of the office: (area, verb, help, flags).
const OWN: &[(&str, &str, &str, &str)] = &[(
    "dev",
    "generate",
    "向新的空数据库生成演示数据（固定种子，结果可重现）",
    "--years 10 --seed 1 [--entries-per-year 50000] [--rooms 3000]",
)];

pub fn dispatch(s: &mut Session) -> Outcome {
    let area = s.cli.words.first().cloned().unwrap_or_default();
    let verb = s.cli.words.get(1).cloned().unwrap_or_default();
    if let Some(done) = adapters::run(s, &area, &verb) {
        return done;
    }
    if (area.as_str(), verb.as_str()) == ("dev", "generate") {
        let input: GenerateInput = api::text::read(&s.cli.fields)?;
        return out(synthetic::generate(&mut s.store, s.ctx.now, input)?);
    }
    // Single-word operations (init, check, search) have an empty verb.
    let found = OPERATIONS
        .iter()
        .find(|o| o.area == area && o.verb == verb)
        .or_else(|| {
            OPERATIONS
                .iter()
                .find(|o| o.area == area && o.verb.is_empty())
        });
    match found {
        Some(op) => Ok(api::call_text(
            &mut s.store,
            &s.ctx,
            op.name,
            &s.cli.fields,
        )?),
        None if OPERATIONS.iter().any(|o| o.area == area) => Err(Failure::Usage(format!(
            "“{area}”没有操作“{verb}”。\n{}",
            help(Some(&area))
        ))),
        None => Err(Failure::Usage(format!(
            "未知的功能区“{area}”，请运行 frontdesk-cli --help 查看全部操作"
        ))),
    }
}

pub fn help(area: Option<&str>) -> String {
    let mut s = String::from(
        "物业客服前台 命令行\n\n用法：frontdesk-cli [全局参数] <功能区> <操作> [--参数 取值 …]\n\n全局参数：\n  \
         --db PATH              数据库文件（默认为系统用户数据目录，也可用环境变量 FRONTDESK_DB）\n  \
         --as LOGIN             以该账号身份操作，密码取自环境变量 FRONTDESK_PASSWORD\n  \
         --now \"YYYY-MM-DD HH:MM\" 设定当前时间（脚本与测试用）\n  \
         --json                 以 JSON 输出结果\n  \
         --input JSON           以 JSON 给出整个输入（代替逐个参数）\n\n操作：\n",
    );
    let mut line = |name: String, about: &str, args: &str| {
        s.push_str(&format!("  {name:<26} {about}\n"));
        if !args.is_empty() {
            s.push_str(&format!("  {:<26}   {args}\n", ""));
        }
    };
    for op in OPERATIONS
        .iter()
        .filter(|o| area.is_none_or(|a| a == o.area))
    {
        let name = if op.verb.is_empty() {
            op.area.to_string()
        } else {
            format!("{} {}", op.area, op.verb)
        };
        line(name, op.about, op.args);
    }
    for (a, verb, about, args) in OWN.iter().filter(|o| area.is_none_or(|a| a == o.0)) {
        line(format!("{a} {verb}"), about, args);
    }
    for (name, about, args) in adapters::SHAPES
        .iter()
        .filter(|o| area.is_none_or(|a| o.0.starts_with(a)))
    {
        line(name.to_string(), about, args);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_its_verb_and_help_line() {
        let text = help(None);
        for o in OPERATIONS {
            let name = if o.verb.is_empty() {
                o.area.to_string()
            } else {
                format!("{} {}", o.area, o.verb)
            };
            assert!(
                text.contains(&format!("  {name:<26} {}", o.about)),
                "--help must list {name}"
            );
        }
    }
}
