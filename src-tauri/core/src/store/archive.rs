//! Where the files the app keeps beside the database go: printed forms and exported reports
//! under `archive/YYYY-MM/` next to the database file.

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
