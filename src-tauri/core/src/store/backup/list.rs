//! What the desk sees of its backups: the list in 设置 › 数据安全 (from each file's manifest,
//! without unpacking any), the space they use and what is left, and the status bar's line.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::manifest::{self, Manifest};
use super::settings::BackupSettings;
use super::{default_folder, files_in, free_bytes};
use crate::base::error::Result;
use crate::base::when;
use crate::store::Store;

/// Warn when the backup disk has less free space than this many backups of today's size (or
/// less than 1 GB).
const LOW_SPACE_BACKUPS: u64 = 5;
const LOW_SPACE_FLOOR: u64 = 1 << 30;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub file: String,
    pub name: String,
    /// 本机 (the default folder) or 第二位置.
    pub place: String,
    pub bytes: u64,
    /// None when the file has no readable manifest (damaged or not ours).
    pub manifest: Option<Manifest>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupList {
    pub folder: String,
    pub second_folder: String,
    /// The second folder is set but not there now (USB disk unplugged).
    pub second_missing: bool,
    pub backups: Vec<BackupInfo>,
    pub total_bytes: u64,
    pub free_bytes: Option<u64>,
    /// Said when the backup disk is running low.
    pub low_space: Option<String>,
}

/// Every backup of `db` in its folders, newest first.
pub fn list(db: &Path, settings: &BackupSettings) -> BackupList {
    let folder = default_folder(db);
    let mut places: Vec<(PathBuf, &str)> = vec![(folder.clone(), "本机")];
    let second = settings.second_folder.trim();
    let second_missing = !second.is_empty() && !Path::new(second).is_dir();
    if !second.is_empty() && !second_missing {
        places.push((PathBuf::from(second), "第二位置"));
    }
    let mut backups = Vec::new();
    for (dir, place) in &places {
        for f in files_in(dir, db) {
            let bytes = f.metadata().map(|m| m.len()).unwrap_or(0);
            backups.push(BackupInfo {
                file: f.display().to_string(),
                name: f
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string(),
                place: place.to_string(),
                bytes,
                manifest: manifest::of_file(&f).ok(),
            });
        }
    }
    backups.sort_by(|a, b| b.name.cmp(&a.name).then(a.place.cmp(&b.place)));
    let total_bytes = backups.iter().map(|b| b.bytes).sum();
    let free =
        free_bytes(&folder).or_else(|| free_bytes(folder.parent().unwrap_or(Path::new("."))));
    let newest = backups.first().map(|b| b.bytes).unwrap_or(0);
    let low_space = free.and_then(|f| {
        let need = (newest * LOW_SPACE_BACKUPS).max(LOW_SPACE_FLOOR);
        (f < need).then(|| {
            format!(
                "备份所在磁盘只剩 {}，快不够了；请清理磁盘或设置第二备份位置",
                human_bytes(f)
            )
        })
    });
    BackupList {
        folder: folder.display().to_string(),
        second_folder: second.to_string(),
        second_missing,
        backups,
        total_bytes,
        free_bytes: free,
        low_space,
    }
}

/// 1.2 GB, 350 MB, 12 KB.
pub fn human_bytes(n: u64) -> String {
    let n = n as f64;
    if n >= 1e9 {
        format!("{:.1} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.0} MB", n / 1e6)
    } else {
        format!("{:.0} KB", (n / 1e3).max(1.0))
    }
}

/// The status bar's line about backups.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupStatus {
    /// When the last good backup was taken (None: never).
    pub last_good: Option<String>,
    /// Set when the last good backup is older than a day, or the last attempt failed, or the
    /// second folder is missing: supervisors see it as a warning.
    pub warning: Option<String>,
    /// The database is open for reading only.
    pub read_only: bool,
}

pub fn status(store: &mut Store, now: NaiveDateTime) -> Result<BackupStatus> {
    let read_only = store.is_read_only();
    let db = store.path().map(Path::to_path_buf);
    store.read(|tx| {
        let last_good: Option<String> = tx
            .query_row(
                "SELECT at FROM backup_runs WHERE ok = 1 AND reason <> 'restore' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let last: Option<(bool, String, String)> = tx
            .query_row(
                "SELECT ok, message, at FROM backup_runs WHERE reason <> 'restore' ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let settings = super::settings::read(tx)?;
        let mut warning = None;
        if let Some((false, message, at)) = &last {
            warning = Some(format!("{} 的备份没有成功：{message}", when::minute(at)));
        } else if let Some((true, message, _)) = &last {
            if !message.is_empty() {
                warning = Some(message.clone());
            }
        }
        if warning.is_none() {
            let stale = match last_good.as_deref().and_then(when::stored) {
                None => db.is_some(),
                Some(t) => now - t > chrono::Duration::hours(24),
            };
            if stale {
                warning = Some(match &last_good {
                    Some(t) => format!("最近一次成功备份在 {}，已超过 24 小时", when::minute(t)),
                    None => "还没有任何备份；请在 设置 › 数据安全 点“立即备份”".into(),
                });
            }
        }
        if warning.is_none() && !settings.second_folder.is_empty() && !Path::new(&settings.second_folder).is_dir() {
            warning = Some(format!(
                "第二备份位置 {} 不在（U 盘没插？），备份只保存在本机",
                settings.second_folder
            ));
        }
        Ok(BackupStatus {
            last_good,
            warning,
            read_only,
        })
    })
}
