//! Command-line arguments: global flags, the `<area> <verb>` pair, and `--key value` pairs (read
//! into the operation's input by `frontdesk_core::api::text`).

use std::collections::BTreeMap;

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
                    None => {
                        let v = it.next().ok_or_else(|| format!("参数 --{flag} 缺少取值"))?;
                        (flag.to_string(), v)
                    }
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
