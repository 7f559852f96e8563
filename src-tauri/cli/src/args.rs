//! Command-line arguments: global flags, the `<area> <verb>` pair, and `--key value` pairs (read
//! into the operation's input by `frontdesk_core::api::text`).

use std::collections::BTreeMap;
use std::ffi::OsString;

/// The arguments as text; one that is not valid UTF-8 (a file name in another encoding, stray
/// bytes) is refused with a message instead of a panic.
pub fn utf8(args: impl IntoIterator<Item = OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .enumerate()
        .map(|(i, a)| {
            a.into_string().map_err(|bad| {
                format!(
                    "第 {} 个参数“{}”含有无法识别的字符（不是 UTF-8 文字）；请检查输入法或文件名的编码",
                    i + 1,
                    bad.to_string_lossy()
                )
            })
        })
        .collect()
}

#[derive(Debug, Default, Clone)]
pub struct Cli {
    pub db: Option<String>,
    pub as_login: Option<String>,
    pub now: Option<String>,
    pub json: bool,
    pub help: bool,
    /// area, verb, then positional words.
    pub words: Vec<String>,
    pub fields: BTreeMap<String, String>,
}

impl Cli {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Cli, String> {
        let mut cli = Cli::default();
        let mut it = args.into_iter().peekable();
        while let Some(a) = it.next() {
            if a == "--json" {
                cli.json = true;
            } else if a == "--help" || a == "-h" {
                cli.help = true;
            } else if let Some(flag) = a.strip_prefix("--") {
                let (key, value) = match flag.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    // A flag followed by another flag (or by nothing) is a switch: --yes, --send.
                    None => match it.peek() {
                        Some(next) if !next.starts_with("--") => {
                            (flag.to_string(), it.next().unwrap_or_default())
                        }
                        _ => (flag.to_string(), "true".to_string()),
                    },
                };
                match key.as_str() {
                    "db" => cli.db = Some(value),
                    "as" => cli.as_login = Some(value),
                    "now" => cli.now = Some(value),
                    _ => {
                        let key = key.replace('-', "_");
                        // A repeated flag (e.g. --phones a --phones b) becomes a list.
                        cli.fields
                            .entry(key)
                            .and_modify(|v| {
                                v.push(',');
                                v.push_str(&value)
                            })
                            .or_insert(value);
                    }
                }
            } else {
                cli.words.push(a);
            }
        }
        Ok(cli)
    }
}
