//! `backup now|list|verify|restore`: the backup commands work on the database file and its
//! backups directly, so a damaged or missing database can still be listed and restored (there
//! is nothing to log in to). `restore` shows what it would lose and needs `--yes`.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use frontdesk_core::base::ctx::Progress;
use frontdesk_core::setup::accounts;
use frontdesk_core::store::backup::{self, BackupReason, BackupSettings, KeepAs};
use frontdesk_core::{Error, Store};
use serde_json::json;

use super::{out, Outcome};
use crate::{args::Cli, Failure};

pub fn run(cli: &Cli, db: &Path, now: NaiveDateTime) -> Result<serde_json::Value, Failure> {
    let verb = cli.words.get(1).map(String::as_str).unwrap_or("");
    match verb {
        "now" => {
            drop(Store::open(db)?);
            out(backup::take(db, BackupReason::Manual, now)?)
        }
        "list" => out(backup::list(db, &settings_of(db))),
        "verify" => out(backup::verify(&chosen(cli, db)?)?),
        "restore" => restore(cli, db, now),
        _ => Err(Failure::Usage(format!("“backup”没有操作“{verb}”"))),
    }
}

/// The settings stored in the database, or the defaults when it cannot be read.
fn settings_of(db: &Path) -> BackupSettings {
    Store::open(db)
        .and_then(|mut s| backup::settings(&mut s))
        .unwrap_or_default()
}

/// `--file F` (or the first word after the verb), else the newest backup.
fn chosen(cli: &Cli, db: &Path) -> Result<PathBuf, Failure> {
    if let Some(f) = cli.fields.get("file").or(cli.words.get(2)) {
        let p = PathBuf::from(f);
        if !p.is_file() {
            return Err(Failure::Usage(format!("找不到备份文件 {f}")));
        }
        return Ok(p);
    }
    let list = backup::list(db, &settings_of(db));
    list.backups
        .iter()
        .find(|b| b.manifest.is_some())
        .map(|b| PathBuf::from(&b.file))
        .ok_or_else(|| {
            Failure::Usage(format!(
                "{} 里没有备份；请用 --file 指定备份文件",
                list.folder
            ))
        })
}

fn restore(cli: &Cli, db: &Path, now: NaiveDateTime) -> Outcome {
    let file = chosen(cli, db)?;
    let plan = backup::plan(db, &file)?;
    // The current file: fine (kept as before-restore), damaged (kept as damaged) or missing.
    let (keep, who) = match Store::open(db) {
        Ok(mut store) => {
            let who = match &cli.as_login {
                Some(login) => {
                    let password = std::env::var("FRONTDESK_PASSWORD").map_err(|_| {
                        "使用 --as 时需要在环境变量 FRONTDESK_PASSWORD 中提供密码".to_string()
                    })?;
                    Some(accounts::login(&mut store, now, login, &password)?)
                }
                None => None,
            };
            (KeepAs::BeforeRestore, who)
        }
        Err(Error::Unusable { .. }) => (KeepAs::Damaged, None),
        Err(e) => return Err(e.into()),
    };
    if !cli.fields.get("yes").is_some_and(|v| v != "false") {
        return Err(Failure::Refused(json!({
            "would_restore": plan.file,
            "backup_time": plan.manifest.created_at,
            "would_lose": plan.losses,
            "next": "确认无误后加上 --yes true 再运行一次",
        })));
    }
    out(backup::restore(
        db,
        &file,
        now,
        who.as_ref(),
        keep,
        &Progress::default(),
    )?)
}
