//! frontdesk-cli: every core operation from a terminal, as `frontdesk-cli <area> <verb>`.
//! Global flags: --db PATH, --as LOGIN (password in FRONTDESK_PASSWORD), --now "YYYY-MM-DD HH:MM",
//! --json. Errors go to stderr in Chinese and the exit code is non-zero.

mod args;
mod ops;
mod render;

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDateTime;
use frontdesk_core::{base::ctx, setup::accounts, store, Ctx, Error, Store};
use serde_json::Value;

use args::Cli;

/// Everything an operation needs: the open store, who acts and when, and the parsed arguments.
pub struct Session {
    pub store: Store,
    pub ctx: Ctx,
    pub cli: Cli,
}

/// An operation's failure: a core error (with kind and field) or a usage mistake.
pub enum Failure {
    Core(Error),
    Usage(String),
    /// The operation ran and explains on stdout why it did not do what was asked (an import
    /// refused because of bad rows): the report is printed as for success, but the exit code is 1
    /// so a script does not mistake it for done.
    Refused(Value),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}
impl From<String> for Failure {
    fn from(e: String) -> Self {
        Failure::Usage(e)
    }
}

fn parse_now(text: &str) -> Result<NaiveDateTime, String> {
    for f in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text.trim(), f) {
            return Ok(t);
        }
    }
    Err(format!(
        "--now 的时间“{text}”格式不正确，应为 YYYY-MM-DD HH:MM"
    ))
}

/// How the command treats the database file: only `init` and the generator may create one; the
/// backup commands work on the files themselves (a damaged or missing database can be restored
/// without logging in to it); everything else needs the existing file.
enum FileUse {
    Create,
    Files,
    Existing,
}

fn file_use(cli: &Cli) -> FileUse {
    let word = |i: usize| cli.words.get(i).map(String::as_str).unwrap_or("");
    match (word(0), word(1)) {
        ("init", _) | ("dev", "generate") => FileUse::Create,
        ("backup", "now" | "list" | "verify" | "restore") => FileUse::Files,
        _ => FileUse::Existing,
    }
}

fn run(cli: Cli) -> Result<serde_json::Value, Failure> {
    let now = match &cli.now {
        Some(t) => parse_now(t)?,
        None => ctx::china_now(),
    };
    let path = store::resolve_db_path(cli.db.as_deref());
    let mut store = match file_use(&cli) {
        FileUse::Files => return ops::files::run(&cli, &path, now),
        FileUse::Create => Store::open_or_create(&path)?,
        FileUse::Existing => Store::open(&path)?,
    };
    let actor = match &cli.as_login {
        Some(login) => {
            let password = std::env::var("FRONTDESK_PASSWORD").map_err(|_| {
                "使用 --as 时需要在环境变量 FRONTDESK_PASSWORD 中提供密码".to_string()
            })?;
            Some(accounts::login(&mut store, now, login, &password)?)
        }
        None => None,
    };
    let mut session = Session {
        store,
        ctx: Ctx::new(now, actor),
        cli,
    };
    let done = ops::dispatch(&mut session)?;
    // `check` and `verify` report a problem as a report, and say so by their exit code.
    let area = session.cli.words.first().map(String::as_str);
    if matches!(area, Some("check" | "verify")) && done["ok"] == Value::Bool(false) {
        return Err(Failure::Refused(done));
    }
    Ok(done)
}

/// Writes to stdout without print!'s panic: a reader that stops early (`| head`) closes the
/// pipe, which is not an error of ours; any other write failure is reported on stderr.
fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "错误：无法写出结果：{e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = match args::utf8(std::env::args_os().skip(1)).and_then(Cli::parse) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    if cli.help || cli.words.is_empty() {
        return emit(&ops::help(cli.words.first().map(String::as_str)));
    }
    let json = cli.json;
    let show = |v: &Value| {
        if json {
            serde_json::to_string_pretty(v).unwrap_or_default()
        } else {
            render::render(v)
        }
    };
    match run(cli) {
        Ok(v) => emit(&format!("{}\n", show(&v))),
        Err(Failure::Refused(v)) => {
            emit(&format!("{}\n", show(&v)));
            ExitCode::from(1)
        }
        Err(Failure::Core(e)) => {
            if json {
                eprintln!(
                    "{}",
                    serde_json::to_string(&e.to_view()).unwrap_or_default()
                );
            } else {
                eprintln!("错误：{e}");
            }
            if std::env::var_os("FRONTDESK_DEBUG").is_some() {
                eprintln!("{e:?}");
            }
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("错误：{msg}");
            ExitCode::from(2)
        }
    }
}
