//! The table of operations. Each area's file lists its verbs with a Chinese description and
//! its arguments; `--help` prints them all, and dispatch finds the one to run.

mod complaint;
mod duty;
mod import;
mod intake;
mod print;
mod report;
mod search;
mod setup;
mod slip;

use serde::Serialize;
use serde_json::Value;

use crate::{Failure, Session};

pub type Outcome = Result<Value, Failure>;

pub struct Op {
    pub area: &'static str,
    pub verb: &'static str,
    pub about: &'static str,
    /// The flags it takes, as shown in --help.
    pub args: &'static str,
    pub run: fn(&mut Session) -> Outcome,
}

/// Every area's operations, in the order --help lists them.
fn all() -> Vec<&'static [Op]> {
    vec![
        setup::OPS,
        import::OPS,
        duty::OPS,
        intake::OPS,
        slip::OPS,
        complaint::OPS,
        search::OPS,
        print::OPS,
        report::OPS,
    ]
}

pub fn out<T: Serialize>(v: T) -> Outcome {
    serde_json::to_value(v).map_err(|e| Failure::Usage(format!("无法输出结果:{e}")))
}

pub fn dispatch(s: &mut Session) -> Outcome {
    let area = s.cli.words.first().cloned().unwrap_or_default();
    let verb = s.cli.words.get(1).cloned().unwrap_or_default();
    let ops: Vec<&Op> = all().into_iter().flatten().collect();
    // Single-word operations (init, check) have an empty verb.
    let found = ops
        .iter()
        .find(|o| o.area == area && o.verb == verb)
        .or_else(|| ops.iter().find(|o| o.area == area && o.verb.is_empty()));
    match found {
        Some(op) => (op.run)(s),
        None if ops.iter().any(|o| o.area == area) => Err(Failure::Usage(format!(
            "“{area}”没有操作“{verb}”。\n{}",
            help(Some(&area))
        ))),
        None => Err(Failure::Usage(format!(
            "未知的功能区“{area}”,请运行 frontdesk-cli --help 查看全部操作"
        ))),
    }
}

pub fn help(area: Option<&str>) -> String {
    let mut s = String::from(
        "物业客服前台 命令行\n\n用法:frontdesk-cli [全局参数] <功能区> <操作> [--参数 取值 …]\n\n全局参数:\n  \
         --db PATH              数据库文件(默认为系统用户数据目录,也可用环境变量 FRONTDESK_DB)\n  \
         --as LOGIN             以该账号身份操作,密码取自环境变量 FRONTDESK_PASSWORD\n  \
         --now \"YYYY-MM-DD HH:MM\" 设定当前时间(脚本与测试用)\n  \
         --json                 以 JSON 输出结果\n  \
         --input JSON           以 JSON 给出整个输入(代替逐个参数)\n\n操作:\n",
    );
    for op in all()
        .into_iter()
        .flatten()
        .filter(|o| area.is_none_or(|a| a == o.area))
    {
        let name = if op.verb.is_empty() {
            op.area.to_string()
        } else {
            format!("{} {}", op.area, op.verb)
        };
        s.push_str(&format!("  {name:<26} {}\n", op.about));
        if !op.args.is_empty() {
            s.push_str(&format!("  {:<26}   {}\n", "", op.args));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_listed_once() {
        let ops: Vec<&Op> = all().into_iter().flatten().collect();
        let mut names: Vec<(&str, &str)> = ops.iter().map(|o| (o.area, o.verb)).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len(), "an operation is listed twice");
        let text = help(None);
        for o in &ops {
            assert!(
                text.contains(o.about),
                "--help must list {} {}",
                o.area,
                o.verb
            );
        }
    }
}
