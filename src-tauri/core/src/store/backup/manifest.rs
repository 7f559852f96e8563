//! A backup file's manifest: what is in it, readable without decompressing it. It is written
//! as a zstd *skippable frame* at the start of the file, which zstd itself passes over, so the
//! file stays an ordinary `.zst` that `zstd -d` restores to a plain SQLite file.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::{Error, Result};
use crate::base::seal::Head;

/// zstd's first skippable-frame magic number (little-endian on disk).
const SKIPPABLE_MAGIC: u32 = 0x184D_2A50;
/// A manifest is small; anything bigger is not one of ours.
const MAX_MANIFEST: u32 = 1 << 20;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Manifest {
    /// The manifest's own format, for later versions of the program.
    pub format: u32,
    /// The program that wrote it.
    pub app_version: String,
    /// When the snapshot was taken (the office's local time, `YYYY-MM-DD HH:MM:SS`).
    pub created_at: String,
    /// auto, exit, upgrade, manual.
    pub reason: String,
    pub schema_version: i64,
    /// Rows per table (the search index is left out: a restore rebuilds it).
    #[ts(type = "Record<string, number>")]
    pub counts: BTreeMap<String, i64>,
    /// The highest row id per table, to tell what a restore would lose.
    #[ts(type = "Record<string, number>")]
    pub max_ids: BTreeMap<String, i64>,
    /// `PRAGMA integrity_check` of the copy: "ok" or the first finding.
    pub integrity: String,
    /// The tamper-evident chain's head at the snapshot.
    pub seals: Head,
    /// SHA-256 of the uncompressed database file, checked by every verification and restore.
    pub sha256: String,
    pub db_bytes: u64,
}

pub const FORMAT: u32 = 1;

/// Writes the manifest frame at the start of `out`.
pub fn write(out: &mut impl Write, m: &Manifest) -> Result<()> {
    let json =
        serde_json::to_vec(m).map_err(|e| Error::Integrity(format!("备份清单无法写出：{e}")))?;
    out.write_all(&SKIPPABLE_MAGIC.to_le_bytes())?;
    out.write_all(&(json.len() as u32).to_le_bytes())?;
    out.write_all(&json)?;
    Ok(())
}

/// Reads the manifest frame from the start of `input`, leaving it at the compressed data.
pub fn read(input: &mut impl Read) -> Result<Manifest> {
    let bad = || Error::BadFile {
        message: "这不是本程序的备份文件（没有备份清单），或文件开头已损坏".into(),
    };
    let mut head = [0u8; 8];
    input.read_exact(&mut head).map_err(|_| bad())?;
    let magic = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
    if magic != SKIPPABLE_MAGIC || len > MAX_MANIFEST {
        return Err(bad());
    }
    let mut json = vec![0u8; len as usize];
    input.read_exact(&mut json).map_err(|_| bad())?;
    serde_json::from_slice(&json).map_err(|_| bad())
}

/// The manifest of a backup file on disk.
pub fn of_file(path: &Path) -> Result<Manifest> {
    let mut f = std::io::BufReader::new(std::fs::File::open(path)?);
    read(&mut f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        Manifest {
            format: FORMAT,
            app_version: "0.1.0".into(),
            created_at: "2026-11-29 14:30:00".into(),
            reason: "manual".into(),
            schema_version: 8,
            counts: BTreeMap::from([("dispatch_slips".into(), 3)]),
            max_ids: BTreeMap::from([("dispatch_slips".into(), 7)]),
            integrity: "ok".into(),
            seals: Head {
                seals: 12,
                hash: "ab".repeat(32),
            },
            sha256: "cd".repeat(32),
            db_bytes: 4096,
        }
    }

    #[test]
    fn a_manifest_reads_back_and_zstd_skips_it() {
        let mut file = Vec::new();
        write(&mut file, &sample()).unwrap();
        file.extend(zstd::encode_all(&b"the database"[..], 3).unwrap());
        let mut r = &file[..];
        assert_eq!(read(&mut r).unwrap(), sample());
        // An ordinary zstd decoder reads the whole file as just the database.
        assert_eq!(zstd::decode_all(&file[..]).unwrap(), b"the database");
    }

    #[test]
    fn a_file_without_a_manifest_is_refused_in_chinese() {
        for junk in [
            &b""[..],
            b"\x89PNG\r\n\x1a\n0000",
            &[0x50, 0x2a, 0x4d, 0x18, 255, 255, 255, 255],
        ] {
            let e = read(&mut &junk[..]).unwrap_err();
            assert_eq!(e.kind(), "bad_file");
            assert!(e.to_string().contains("备份文件"));
        }
    }
}
