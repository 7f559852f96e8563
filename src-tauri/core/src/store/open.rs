//! Opening the database file without ever mistaking a damaged, missing or foreign file for a new
//! office (R-DATA-3, issue 11). A file is created only when asked (`create`, or
//! `open_or_create` where nothing is there and no backups are beside it); an existing file must
//! look like SQLite, be this program's and not newer than it; a file that cannot be written is
//! opened for reading; the schema is upgraded only after a backup of the old one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::base::error::{Error, Result, Unusable};
use crate::store::held::{self, Held};
use crate::store::{schema, Store};

/// How long a second process (e.g. the CLI while the app runs) waits for the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The folder beside the database where backups go by default.
pub const BACKUP_FOLDER: &str = "backups";

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

fn unusable(problem: Unusable, message: impl Into<String>) -> Error {
    Error::Unusable {
        problem,
        message: message.into(),
    }
}

/// The backup files of this database in its default backup folder, newest first.
pub fn backups_beside(db: &Path) -> Vec<PathBuf> {
    crate::store::backup::files_in(&crate::store::backup::default_folder(db), db)
}

impl Store {
    /// Opens an existing database file. A missing file is refused (with `Unusable::Missing` when
    /// backups of it exist), so a mistyped path or an unplugged disk never becomes a new office.
    pub fn open(path: &Path) -> Result<Store> {
        // The header and the write probe open the file with std::fs, which must not happen while
        // this process has it open through SQLite (see `held`): a second open reuses the first's.
        let (first, writable) = {
            let mut gate = held::gate();
            let writable = match gate.held(path) {
                Some(writable) => writable,
                None => {
                    examine(path)?;
                    can_write(path)
                }
            };
            let flags = if writable {
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
            } else {
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
            };
            let opened = Connection::open_with_flags(path, flags)
                .map_err(|e| damaged_or(e, path))
                .map(|conn| (conn, gate.hold(path, writable)));
            (opened, writable)
        };
        let first = first.and_then(|(conn, held)| Store::prepared(conn, held, path, !writable));
        match first {
            // A WAL database on a read-only disk cannot make its -shm: read it as unchangeable.
            Err(Error::Unusable {
                problem: Unusable::CannotOpen,
                ..
            }) if !writable => {
                let uri = format!("file:{}?immutable=1", path.display());
                let conn = Connection::open_with_flags(
                    uri,
                    OpenFlags::SQLITE_OPEN_READ_ONLY
                        | OpenFlags::SQLITE_OPEN_URI
                        | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(|e| damaged_or(e, path))?;
                // Immutable: SQLite takes no locks on it, so there is nothing to hold.
                Store::prepared(conn, None, path, true)
            }
            other => other,
        }
    }

    fn prepared(
        conn: Connection,
        held: Option<Held>,
        path: &Path,
        read_only: bool,
    ) -> Result<Store> {
        let store = Store {
            conn,
            held,
            path: Some(path.to_path_buf()),
            read_only,
        };
        store.prepare_existing().map_err(|e| match e {
            Error::Storage(e) => damaged_or(e, path),
            other => other,
        })
    }

    /// Opens the file, or creates a new empty office there when nothing is there and no backups
    /// of it exist (the first start, `init`, the generator, tests).
    pub fn open_or_create(path: &Path) -> Result<Store> {
        match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if backups_beside(path).is_empty() {
                    Store::create(path)
                } else {
                    Store::open(path)
                }
            }
            _ => Store::open(path),
        }
    }

    /// Creates a new database file with the whole schema. It is built under a temporary name
    /// and renamed into place, so a crash never leaves a half-made or empty file behind.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(Error::conflict(
                "db",
                format!("{} 已经存在，不能新建", path.display()),
            ));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = sibling(path, ".new");
        let _ = std::fs::remove_file(&tmp);
        {
            let conn = Connection::open_with_flags(
                &tmp,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            let mut store = Store {
                conn,
                held: None,
                path: Some(tmp.clone()),
                read_only: false,
            };
            store.apply_pragmas()?;
            crate::store::grams::register(&store.conn)?;
            schema::upgrade(&mut store.conn)?;
            // Closing the only connection checkpoints the WAL into the file.
            store
                .conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        }
        let _ = std::fs::remove_file(sibling(&tmp, "-wal"));
        let _ = std::fs::remove_file(sibling(&tmp, "-shm"));
        std::fs::rename(&tmp, path)?;
        sync_dir(path);
        Store::open(path)
    }

    /// A fresh private database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            held: None,
            path: None,
            read_only: false,
        };
        store.apply_pragmas()?;
        crate::store::grams::register(&store.conn)?;
        schema::upgrade(&mut store.conn)?;
        Ok(store)
    }

    /// The steps after an existing file is open: pragmas, that it is ours, the version, a backup
    /// before an upgrade, the upgrade.
    fn prepare_existing(mut self) -> Result<Store> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the schema is the first read of the file: a damaged header fails here.
        let tables: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        let version = schema::version_of(&self.conn)?;
        if version == 0 && tables > 0 {
            return Err(unusable(
                Unusable::Damaged,
                "这个文件是别的程序的数据库，不是物业客服前台的数据；请检查文件路径",
            ));
        }
        if version == 0 {
            return Err(unusable(
                Unusable::Damaged,
                "数据库文件是空的，没有任何数据表；文件可能在建立时中断或已被清空",
            ));
        }
        if self.read_only {
            self.apply_read_pragmas()?;
            if version < schema::latest_version() {
                return Err(unusable(
                    Unusable::CannotOpen,
                    "数据库文件是只读的，而且需要升级到新版本才能使用；请把文件改为可写（或复制到可写的位置）后再打开",
                ));
            }
            crate::store::grams::register(&self.conn)?;
            return Ok(self);
        }
        self.apply_pragmas()?;
        crate::store::grams::register(&self.conn)?;
        if version < schema::latest_version() {
            // Before an upgrade, keep the old file as it is (R-DATA-1).
            crate::store::backup::before_upgrade(&mut self)?;
            schema::upgrade(&mut self.conn)?;
        }
        Ok(self)
    }

    /// Sets and then verifies the pragmas; a database that does not take them is refused.
    pub(super) fn apply_pragmas(&mut self) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        c.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")?;
        let in_memory = self.path.is_none();
        if !(mode.eq_ignore_ascii_case("wal") || in_memory && mode.eq_ignore_ascii_case("memory")) {
            return Err(Error::Integrity(format!(
                "journal_mode 应为 WAL，实际为 {mode}"
            )));
        }
        let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        if sync != 2 {
            return Err(Error::Integrity(format!(
                "synchronous 应为 FULL（2），实际为 {sync}"
            )));
        }
        let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
        if fk != 1 {
            return Err(Error::Integrity("foreign_keys 未能开启".into()));
        }
        let timeout: i64 = c.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?;
        if timeout <= 0 {
            return Err(Error::Integrity("busy_timeout 未能设置".into()));
        }
        Ok(())
    }

    fn apply_read_pragmas(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.execute_batch("PRAGMA foreign_keys=ON;")?;
        Ok(())
    }

    /// `PRAGMA quick_check`, run at every start of the app and by `check`: `Ok` when the file's
    /// structure is sound, else the damaged-file error with SQLite's findings kept short.
    pub fn quick_check(&self) -> Result<()> {
        let found: Vec<String> = self
            .conn
            .prepare("PRAGMA quick_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| damaged_or(e, self.path.as_deref().unwrap_or(Path::new(""))))?;
        if found == ["ok"] {
            return Ok(());
        }
        Err(unusable(
            Unusable::Damaged,
            format!(
                "数据库文件已损坏（检查发现 {} 处问题）；请从备份恢复",
                found.len()
            ),
        ))
    }
}

/// What can be told from the file itself, before SQLite reads it.
fn examine(path: &Path) -> Result<()> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let backups = backups_beside(path);
            return Err(if backups.is_empty() {
                unusable(
                    Unusable::CannotOpen,
                    format!(
                        "找不到数据库文件 {}；请检查路径（U 盘或网络盘是否已连接）。第一次使用请先完成首次设置",
                        path.display()
                    ),
                )
            } else {
                unusable(
                    Unusable::Missing,
                    format!(
                        "数据库文件 {} 不见了，但旁边的 {BACKUP_FOLDER} 文件夹里有 {} 份备份；请从备份恢复，不要新建",
                        path.display(),
                        backups.len()
                    ),
                )
            });
        }
        Err(e) => {
            return Err(unusable(
                Unusable::CannotOpen,
                format!(
                    "无法读取数据库文件 {}：{}",
                    path.display(),
                    crate::base::error::io_message(&e)
                ),
            ))
        }
    };
    if meta.is_dir() {
        return Err(unusable(
            Unusable::CannotOpen,
            format!(
                "{} 是一个文件夹，不是数据库文件；请检查路径",
                path.display()
            ),
        ));
    }
    if meta.len() == 0 {
        return Err(unusable(
            Unusable::Damaged,
            format!(
                "数据库文件 {} 是空的（0 字节）；请从备份恢复",
                path.display()
            ),
        ));
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| {
        use std::io::Read;
        f.read(&mut head)
    });
    match read {
        Ok(16) if &head == SQLITE_HEADER => Ok(()),
        Ok(_) => Err(unusable(
            Unusable::Damaged,
            format!(
                "{} 不是数据库文件（或文件开头已损坏）；请检查路径，或从备份恢复",
                path.display()
            ),
        )),
        Err(e) => Err(unusable(
            Unusable::CannotOpen,
            format!(
                "无法读取数据库文件 {}：{}",
                path.display(),
                crate::base::error::io_message(&e)
            ),
        )),
    }
}

/// Whether the file and its folder take writes (SQLite needs the folder for its -wal file).
fn can_write(path: &Path) -> bool {
    let file_ok = std::fs::OpenOptions::new().append(true).open(path).is_ok();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = dir.join(format!(".frontdesk-write-test-{}", std::process::id()));
    let dir_ok = std::fs::File::create(&probe).is_ok();
    let _ = std::fs::remove_file(&probe);
    file_ok && dir_ok
}

/// SQLite's "not a database" / "malformed" while opening is a damaged file, said so.
fn damaged_or(e: rusqlite::Error, path: &Path) -> Error {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(NotADatabase | DatabaseCorrupt) => unusable(
            Unusable::Damaged,
            format!(
                "数据库文件 {} 已损坏，无法读取；请从备份恢复",
                path.display()
            ),
        ),
        Some(CannotOpen | PermissionDenied) => unusable(
            Unusable::CannotOpen,
            format!(
                "无法打开数据库文件 {}；请检查文件和文件夹的权限",
                path.display()
            ),
        ),
        _ => Error::Storage(e),
    }
}

/// `frontdesk.db` + "-wal" → `frontdesk.db-wal`.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Makes a rename in `path`'s folder durable.
pub(crate) fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}
