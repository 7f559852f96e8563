//! Verifying a backup file again: its manifest is read, the data decompressed to a scratch file
//! and hashed against the manifest, and the copy opened and checked with `integrity_check` and
//! the manifest's record counts. Restore does this first, every time.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::make::counts_of;
use super::manifest::{self, Manifest};
use crate::base::error::{Error, Result};
use crate::base::seal;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Verified {
    pub file: String,
    pub manifest: Manifest,
    pub millis: u64,
}

fn broken(file: &Path, what: &str) -> Error {
    Error::BadFile {
        message: format!(
            "备份 {} 已损坏（{what}），不能用来恢复；请选择另一份备份",
            file.file_name().unwrap_or_default().to_string_lossy()
        ),
    }
}

/// SHA-256 and size of the database inside a backup file.
pub(super) fn hash_of(file: &Path) -> Result<(String, u64)> {
    let mut input = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(file)?);
    manifest::read(&mut input)?;
    let mut dec =
        zstd::Decoder::with_buffer(input).map_err(|_| broken(file, "压缩数据无法读取"))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = dec
            .read(&mut buf)
            .map_err(|_| broken(file, "压缩数据不完整"))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    Ok((seal::hex(&hasher.finalize()), total))
}

/// Decompresses the backup into `out` and checks it against its manifest; `out` is left in
/// place for a restore (the caller removes it otherwise).
pub(super) fn unpack(file: &Path, out: &Path) -> Result<Manifest> {
    let mut input = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(file)?);
    let m = manifest::read(&mut input)?;
    if m.integrity != "ok" {
        return Err(broken(file, "备份时的检查没有通过"));
    }
    let _ = std::fs::remove_file(out);
    let mut dec =
        zstd::Decoder::with_buffer(input).map_err(|_| broken(file, "压缩数据无法读取"))?;
    let mut hasher = Sha256::new();
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = dec
            .read(&mut buf)
            .map_err(|_| broken(file, "压缩数据不完整"))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        w.write_all(&buf[..n])?;
    }
    let f = w.into_inner().map_err(|e| Error::Io(e.into_error()))?;
    f.sync_all()?;
    drop(f);
    if seal::hex(&hasher.finalize()) != m.sha256 {
        return Err(broken(file, "内容与备份清单的校验值不符"));
    }
    let c = Connection::open_with_flags(
        out,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| broken(file, "解压后无法打开"))?;
    let integrity: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|_| broken(file, "解压后无法检查"))?;
    if integrity != ["ok"] {
        return Err(broken(file, "完整性检查没有通过"));
    }
    let (counts, _) = counts_of(&c)?;
    if counts != m.counts {
        return Err(broken(file, "记录条数与备份清单不符"));
    }
    Ok(m)
}

/// Verifies a backup file fully, using a scratch copy beside it that is removed afterwards.
pub fn verify(file: &Path) -> Result<Verified> {
    let started = Instant::now();
    let scratch = scratch_for(file);
    let out = unpack(file, &scratch);
    let _ = std::fs::remove_file(&scratch);
    let manifest = out?;
    Ok(Verified {
        file: file.display().to_string(),
        manifest,
        millis: started.elapsed().as_millis() as u64,
    })
}

fn scratch_for(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    file.with_file_name(format!(".{name}.verify-{}", std::process::id()))
}
