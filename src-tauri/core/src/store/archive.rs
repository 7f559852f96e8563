//! Where the files the app keeps beside the database go: printed forms and exported reports
//! under `archive/YYYY-MM/` next to the database file, each a new file (an archive copy is
//! never overwritten).

use std::path::{Path, PathBuf};

use crate::base::error::{Error, Result};
use crate::store::Store;

/// The archive folder beside the database file.
pub fn archive_dir(store: &Store) -> Result<PathBuf> {
    let db = store
        .path()
        .ok_or_else(|| Error::invalid("form", "内存数据库没有归档目录"))?;
    Ok(db
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("archive"))
}

/// Writes a new archive file `base.ext` in `dir` (made if missing), never over an existing one:
/// two prints in the same second become `base.ext` and `base-2.ext`. The file is fsynced.
/// Returns its path and name.
pub fn save_new(dir: &Path, base: &str, ext: &str, bytes: &[u8]) -> Result<(PathBuf, String)> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{base}.{ext}")
        } else {
            format!("{base}-{n}.{ext}")
        };
        let path = dir.join(&name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                let written = f.write_all(bytes).and_then(|()| f.sync_all());
                if let Err(e) = written {
                    let _ = std::fs::remove_file(&path);
                    return Err(e.into());
                }
                return Ok((path, name));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(Error::conflict(
        "file",
        format!("归档文件夹 {} 里同名文件太多", dir.display()),
    ))
}
