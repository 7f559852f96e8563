//! How backups are kept: the second folder, the retention numbers and the interval (one row of
//! `backup_settings`, changed by a supervisor or manager and audited).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::LEADERS;
use crate::store::backup::Retention;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupSettings {
    /// A second folder every backup is also written to ('' = none).
    pub second_folder: String,
    pub retention: Retention,
    /// Minutes between automatic backups while something changes.
    pub every_minutes: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            second_folder: String::new(),
            retention: Retention::default(),
            every_minutes: 30,
        }
    }
}

/// The settings as stored; the defaults for a database from before version 8.
pub fn read(conn: &Connection) -> Result<BackupSettings> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'backup_settings')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(BackupSettings::default());
    }
    Ok(conn
        .query_row(
            "SELECT second_folder, keep_today, keep_daily, keep_weekly, keep_monthly, every_minutes FROM backup_settings WHERE id = 1",
            [],
            |r| {
                Ok(BackupSettings {
                    second_folder: r.get(0)?,
                    retention: Retention {
                        keep_today: r.get(1)?,
                        keep_daily: r.get(2)?,
                        keep_weekly: r.get(3)?,
                        keep_monthly: r.get(4)?,
                    },
                    every_minutes: r.get(5)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub fn settings(store: &mut Store) -> Result<BackupSettings> {
    store.read(|tx| read(tx))
}

/// Changes the settings (supervisor or manager). A second folder must exist now, so a typo is
/// caught while the person is still at the screen.
pub fn update_settings(
    store: &mut Store,
    ctx: &Ctx,
    input: BackupSettings,
) -> Result<BackupSettings> {
    ctx.require(LEADERS, "修改备份设置")?;
    let folder = input.second_folder.trim().to_string();
    if !folder.is_empty() {
        let p = std::path::Path::new(&folder);
        if !p.is_absolute() {
            return Err(Error::invalid(
                "second_folder",
                "第二备份位置请填写完整路径，例如 /media/U盘/物业备份",
            ));
        }
        if !p.is_dir() {
            return Err(Error::invalid(
                "second_folder",
                format!("找不到文件夹 {folder}；请先插好 U 盘或建好文件夹"),
            ));
        }
    }
    let r = input.retention;
    let check = |field: &str, name: &str, v: u32, lo: u32, hi: u32| {
        if v < lo || v > hi {
            Err(Error::invalid(
                field,
                format!("{name}应在 {lo} 到 {hi} 之间"),
            ))
        } else {
            Ok(())
        }
    };
    check("retention.keep_today", "当天保留份数", r.keep_today, 1, 100)?;
    check("retention.keep_daily", "按天保留份数", r.keep_daily, 0, 365)?;
    check(
        "retention.keep_weekly",
        "按周保留份数",
        r.keep_weekly,
        0,
        520,
    )?;
    check(
        "retention.keep_monthly",
        "按月保留份数",
        r.keep_monthly,
        0,
        1200,
    )?;
    check(
        "every_minutes",
        "自动备份间隔（分钟）",
        input.every_minutes,
        5,
        1440,
    )?;
    let clean = BackupSettings {
        second_folder: folder,
        ..input
    };
    store.write(|tx| {
        let before = read(tx)?;
        tx.execute(
            "UPDATE backup_settings SET second_folder = ?1, keep_today = ?2, keep_daily = ?3, keep_weekly = ?4, keep_monthly = ?5, every_minutes = ?6 WHERE id = 1",
            params![clean.second_folder, r.keep_today, r.keep_daily, r.keep_weekly, r.keep_monthly, clean.every_minutes],
        )?;
        audit::record(tx, ctx, "修改备份设置", "backup_settings", Some(1), &audit::diff(&before, &clean))?;
        Ok(clean.clone())
    })
}
