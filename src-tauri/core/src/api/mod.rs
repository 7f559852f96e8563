//! The one list of operations (issue 10): each is declared once, in `list`, with its name, the
//! command line's `<area> <verb>` and help, who may run it, its input and output types and the
//! core function it calls. From that one declaration come the app's single IPC command (the shell
//! dispatches by name), the command line's verbs and `--help`, the typed TypeScript client
//! (`ui/src/api/ops.ts`) and the role policy the UI hides buttons by (`ui/src/api/policy.ts`),
//! both written by `cargo test`. Adding an operation: one line in `list`, one core function, one
//! test.

pub mod inputs;
#[cfg(test)]
mod tests;
pub mod text;
#[cfg(test)]
mod typescript_tests;

use serde_json::Value;
use ts_rs::Config;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::store::Store;
use text::Fields;

pub use list::OPERATIONS;

/// Who may run an operation.
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// Anyone, logged in or not: the first-run wizard, the database check.
    Public,
    /// A logged-in user of one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    pub fn allows(self, role: Option<Role>) -> bool {
        match self {
            Access::Public => true,
            Access::Roles(roles) => role.is_some_and(|r| roles.contains(&r)),
        }
    }
}

/// The TypeScript names of an operation's input and output.
pub struct TsTypes {
    pub input: String,
    pub output: String,
}

/// One operation of the office, as declared in `list`.
pub struct Operation {
    /// snake_case, unique: the IPC name and (camelCased) the TypeScript function.
    pub name: &'static str,
    /// The command line's `<area> <verb>` (verb empty for one-word commands such as `check`).
    pub area: &'static str,
    pub verb: &'static str,
    /// One line of Chinese help.
    pub about: &'static str,
    /// The command line's flags, as `--help` shows them.
    pub args: &'static str,
    pub access: Access,
    /// Runs it with its input as JSON (the app, and command-line adapters that build JSON).
    pub call: fn(&mut Store, &Ctx, Value) -> Result<Value>,
    /// Runs it with its input as `--key value` text (the command line).
    pub call_text: fn(&mut Store, &Ctx, &Fields) -> Result<Value>,
    pub ts: fn(&Config) -> TsTypes,
}

impl Operation {
    pub fn allows(&self, role: Option<Role>) -> bool {
        self.access.allows(role)
    }

    /// The gate every call passes: the policy says no before anything is read or written. The
    /// core function checks again for its own callers (defense in depth) with the same groups.
    fn admit(&self, ctx: &Ctx) -> Result<()> {
        match self.access {
            Access::Public => Ok(()),
            Access::Roles(roles) => ctx.require(roles, self.about).map(|_| ()),
        }
    }
}

/// The operation of that name.
pub fn find(name: &str) -> Result<&'static Operation> {
    OPERATIONS
        .iter()
        .find(|o| o.name == name)
        .ok_or_else(|| Error::not_found("name", format!("没有名为“{name}”的操作")))
}

/// May a user of `role` (None: nobody logged in) run the operation `name`?
pub fn may(role: Option<Role>, name: &str) -> bool {
    find(name).is_ok_and(|o| o.allows(role))
}

/// Long reads the app runs on a second connection, so the desk's own is never held by them:
/// backups, verifying them, 验证数据, 检查数据库, and reports over long periods.
pub const BESIDE: &[&str] = &[
    "db_check",
    "backup_now",
    "backup_verify",
    "backup_list",
    "data_verify",
    "report_get",
    "report_export",
];

pub fn runs_beside(name: &str) -> bool {
    BESIDE.contains(&name)
}

/// Runs `name` with its input as JSON: the app's one entry point.
pub fn call(store: &mut Store, ctx: &Ctx, name: &str, input: Value) -> Result<Value> {
    let op = find(name)?;
    op.admit(ctx)?;
    (op.call)(store, ctx, input)
}

/// Runs `name` with its input as command-line text.
pub fn call_text(store: &mut Store, ctx: &Ctx, name: &str, fields: &Fields) -> Result<Value> {
    let op = find(name)?;
    op.admit(ctx)?;
    (op.call_text)(store, ctx, fields)
}

/// An input that does not fit its operation, said in Chinese with the field it is about.
pub(crate) fn bad_input(e: serde_json::Error) -> Error {
    let text = e.to_string();
    if let Some(field) = text
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return Error::invalid(field, format!("缺少“{field}”"));
    }
    if let Some(field) = text
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
    {
        return Error::invalid(field, format!("不认识的输入项“{field}”"));
    }
    Error::invalid("input", "输入的内容格式不正确，请检查后重试")
}

/// serde's English about a value, said in Chinese: nothing English reaches the person typing.
pub(crate) fn serde_words(text: &str) -> String {
    let quoted = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let words = quoted(rest);
        if let Some((given, allowed)) = words.split_first() {
            return format!("“{given}”无法识别，应为：{}", allowed.join("、"));
        }
    }
    if text.starts_with("invalid type") || text.starts_with("invalid value") {
        return "取值的类型不对（例如应为数字却写了文字）".into();
    }
    if text.starts_with("unknown field") {
        if let Some(f) = quoted(text).first() {
            return format!("不认识的参数“{f}”");
        }
    }
    if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return text.split(" at line ").next().unwrap_or(text).to_string();
    }
    "格式不正确，请检查后重试".into()
}

pub(crate) fn to_output<T: serde::Serialize>(v: T) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::Integrity(format!("结果无法输出：{e}")))
}

/// Declares the operations: one entry each, see `list.rs`.
macro_rules! operations {
    ($(
        $name:ident: $area:literal $verb:literal, $access:expr,
        $input:ty => $output:ty, $run:expr $(, text = $text:path)?;
        $about:literal, $args:literal;
    )*) => {
        pub const OPERATIONS: &[$crate::api::Operation] = &[$(
            $crate::api::Operation {
                name: stringify!($name),
                area: $area,
                verb: $verb,
                about: $about,
                args: $args,
                access: $access,
                call: {
                    fn call(store: &mut Store, ctx: &Ctx, input: serde_json::Value) -> Result<serde_json::Value> {
                        let input: $input = serde_json::from_value(input).map_err($crate::api::bad_input)?;
                        let run: fn(&mut Store, &Ctx, $input) -> Result<$output> = $run;
                        $crate::api::to_output(run(store, ctx, input)?)
                    }
                    call
                },
                call_text: {
                    fn call_text(store: &mut Store, ctx: &Ctx, fields: &$crate::api::text::Fields) -> Result<serde_json::Value> {
                        let input: $input = operations!(@text $($text)?)(fields)?;
                        let run: fn(&mut Store, &Ctx, $input) -> Result<$output> = $run;
                        $crate::api::to_output(run(store, ctx, input)?)
                    }
                    call_text
                },
                ts: {
                    fn ts(cfg: &ts_rs::Config) -> $crate::api::TsTypes {
                        $crate::api::TsTypes {
                            input: <$input as ts_rs::TS>::name(cfg),
                            output: <$output as ts_rs::TS>::name(cfg),
                        }
                    }
                    ts
                },
            },
        )*];
    };
    (@text) => { $crate::api::text::read };
    (@text $text:path) => { $text };
}
pub(crate) use operations;

mod list;
