//! Backups (R-DATA-1, issue 11): verified, compressed snapshots of the database taken every
//! half hour while something changes, when the app closes and before a schema upgrade; kept
//! like Anki's (the newest of today, then daily, weekly, monthly); listed with their manifests;
//! verified again and restored with the file they replace kept beside.
//!
//! A backup is `backups/frontdesk-YYYYMMDD-HHMMSS.db.zst` beside the database (and in a second
//! folder when one is set): a manifest frame (`manifest.rs`) followed by the zstd-compressed
//! database without its search index, which a restore rebuilds.

pub mod desk;
mod list;
mod make;
pub mod manifest;
mod restore;
pub mod retention;
mod settings;
mod verify;

use std::path::{Path, PathBuf};

pub use list::{list, status, BackupInfo, BackupList, BackupStatus};
pub use make::{before_upgrade, take, take_if_changed, Step, Taken};
pub use manifest::Manifest;
pub use restore::{plan, restore, KeepAs, Loss, RestorePlan, Restored};
pub use retention::Retention;
pub use settings::{read as settings_of, settings, update_settings, BackupSettings};
pub use verify::{verify, Verified};

crate::coded_enum!(
    /// Why a backup was taken.
    BackupReason {
        Auto = ("auto", "定时备份"),
        Exit = ("exit", "退出时备份"),
        Upgrade = ("upgrade", "升级前备份"),
        Manual = ("manual", "立即备份"),
        Restore = ("restore", "恢复"),
    }
);

/// `backups/` beside the database.
pub fn default_folder(db: &Path) -> PathBuf {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(crate::store::BACKUP_FOLDER)
}

/// The database file's name without `.db`: the prefix of its backups' names.
fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "frontdesk".into())
}

/// The time a backup's name carries, if `name` is a backup of `db`.
fn time_in_name(db: &Path, name: &str) -> Option<chrono::NaiveDateTime> {
    let rest = name.strip_prefix(&format!("{}-", stem(db)))?;
    let rest = rest.strip_suffix(".db.zst")?;
    // YYYYMMDD-HHMMSS, maybe followed by -2, -3 … for two in the same second.
    let stamp = rest.get(..15)?;
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()
}

/// The backup files of `db` in `folder`, newest first.
pub fn files_in(folder: &Path, db: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(chrono::NaiveDateTime, String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            time_in_name(db, &name).map(|t| (t, name, e.path()))
        })
        .collect();
    found.sort_by(|a, b| (b.0, &b.1).cmp(&(a.0, &a.1)));
    found.into_iter().map(|(_, _, p)| p).collect()
}

/// Free bytes on the disk holding `folder` (None where the system does not say).
pub fn free_bytes(folder: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let c = CString::new(folder.as_os_str().as_bytes()).ok()?;
        let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
        // SAFETY: `c` is a valid NUL-terminated path and `st` a properly sized out-parameter.
        let rc = unsafe { libc::statvfs(c.as_ptr(), &mut st) };
        if rc != 0 {
            return None;
        }
        Some(st.f_bavail as u64 * st.f_frsize as u64)
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        None
    }
}

#[cfg(test)]
mod restore_tests;
#[cfg(test)]
pub(crate) mod tests;
