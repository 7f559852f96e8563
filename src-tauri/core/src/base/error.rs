//! The one error type of the core. Every variant carries a Chinese message for the person at
//! the desk, a stable machine `kind` for code and tests, and the offending field where there is one.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names the form field (e.g. "phone").
    #[error("{message}")]
    Invalid { field: String, message: String },
    /// Several fields of one form break their rules: all are said at once (`FieldErrors`).
    #[error("{}", .0.first().map(|f| f.message.as_str()).unwrap_or_default())]
    InvalidFields(Vec<FieldError>),
    /// A referenced record does not exist.
    #[error("{message}")]
    NotFound {
        field: Option<String>,
        message: String,
    },
    /// The record already exists or the change clashes with the current state.
    #[error("{message}")]
    Conflict {
        field: Option<String>,
        message: String,
    },
    /// The logged-in user's role does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// No user is logged in, or the session is locked.
    #[error("请先登录")]
    NotLoggedIn,
    /// Wrong login name or password.
    #[error("{0}")]
    WrongPassword(String),
    /// Too soon after a wrong password; the message says how long to wait.
    #[error("{message}")]
    Throttled { seconds: i64, message: String },
    /// The account is locked after too many wrong passwords.
    #[error("{0}")]
    AccountLocked(String),
    /// A file the user chose cannot be read as what it should be.
    #[error("{message}")]
    BadFile { message: String },
    /// The database refused or failed; said in Chinese by what happened (`storage_message`).
    #[error("{}", storage_message(.0))]
    Storage(#[from] rusqlite::Error),
    /// Reading or writing a file failed; said in Chinese by what happened.
    #[error("{}", io_message(.0))]
    Io(#[from] std::io::Error),
    /// The database file cannot be used as it is (missing, damaged, newer than the app): the
    /// app shows its recovery screen instead of the login, the CLI refuses.
    #[error("{message}")]
    Unusable { problem: Unusable, message: String },
    /// Something the store promises did not hold (e.g. a pragma was not applied).
    #[error("数据库状态异常：{0}")]
    Integrity(String),
}

impl Error {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }
    pub fn not_found(field: &str, message: impl Into<String>) -> Self {
        Error::NotFound {
            field: Some(field.to_string()),
            message: message.into(),
        }
    }
    pub fn conflict(field: &str, message: impl Into<String>) -> Self {
        Error::Conflict {
            field: Some(field.to_string()),
            message: message.into(),
        }
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Error::Forbidden(message.into())
    }

    /// The same error placed inside one item of a batch: field `outcome` of item 2 becomes
    /// `items.2.outcome` (a field-less invalid/not-found/conflict gets `items.2`), so the UI can
    /// put the message under that row.
    pub fn within(self, prefix: &str) -> Self {
        let place = |f: Option<String>| match f {
            Some(f) => format!("{prefix}.{f}"),
            None => prefix.to_string(),
        };
        match self {
            Error::Invalid { field, message } => Error::Invalid {
                field: place(Some(field)),
                message,
            },
            Error::NotFound { field, message } => Error::NotFound {
                field: Some(place(field)),
                message,
            },
            Error::Conflict { field, message } => Error::Conflict {
                field: Some(place(field)),
                message,
            },
            other => other,
        }
    }

    /// The same error about the form field the caller knows it by: a print job's 月份 is `from`,
    /// though the roster calls it `month`.
    pub fn on_field(self, name: &str) -> Self {
        match self {
            Error::Invalid { message, .. } => Error::Invalid {
                field: name.to_string(),
                message,
            },
            Error::NotFound { message, .. } => Error::NotFound {
                field: Some(name.to_string()),
                message,
            },
            Error::Conflict { message, .. } => Error::Conflict {
                field: Some(name.to_string()),
                message,
            },
            other => other,
        }
    }

    /// Stable machine-readable kind; tests match on this, never on the text.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid { .. } | Error::InvalidFields(_) => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } => "conflict",
            Error::Forbidden(_) => "forbidden",
            Error::NotLoggedIn => "not_logged_in",
            Error::WrongPassword(_) => "wrong_password",
            Error::Throttled { .. } => "throttled",
            Error::AccountLocked(_) => "account_locked",
            Error::BadFile { .. } => "bad_file",
            Error::Storage(e) => storage_kind(e),
            Error::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => "disk_full",
            Error::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => "read_only",
            Error::Io(_) => "io",
            Error::Unusable { problem, .. } => problem.kind(),
            Error::Integrity(_) => "integrity",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            Error::InvalidFields(all) => all.first().map(|f| f.field.as_str()),
            Error::NotFound { field, .. } | Error::Conflict { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// The shape the UI and the CLI's `--json` receive.
    pub fn to_view(&self) -> ErrorView {
        ErrorView {
            kind: self.kind().to_string(),
            message: self.to_string(),
            field: self.field().map(str::to_string),
            fields: match self {
                Error::InvalidFields(all) => all.clone(),
                _ => Vec::new(),
            },
        }
    }
}

/// Why a database file cannot be opened for work (R-DATA-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Unusable {
    /// The file is not there, but backups are beside where it should be.
    Missing,
    /// The file is there but damaged, empty, or not a database of this program.
    Damaged,
    /// Written by a newer version of the program.
    Newer,
    /// The file or its folder cannot be read.
    CannotOpen,
}

impl Unusable {
    pub fn kind(self) -> &'static str {
        match self {
            Unusable::Missing => "db_missing",
            Unusable::Damaged => "db_damaged",
            Unusable::Newer => "db_newer",
            Unusable::CannotOpen => "db_cannot_open",
        }
    }
}

fn sqlite_code(e: &rusqlite::Error) -> Option<rusqlite::ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    }
}

/// The stable kind of a database error: what the person must do differs by what happened.
fn storage_kind(e: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode::*;
    match sqlite_code(e) {
        Some(DiskFull) => "disk_full",
        Some(ReadOnly) => "read_only",
        Some(DatabaseBusy | DatabaseLocked) => "busy",
        Some(NotADatabase | DatabaseCorrupt) => "db_damaged",
        Some(SystemIoFailure) => "io",
        _ => "storage",
    }
}

/// SQLite's English, said as what happened and what to do (issue 11): nothing in English
/// reaches the person at the desk.
pub fn storage_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    if let rusqlite::Error::SqliteFailure(f, msg) = e {
        return match f.code {
            DiskFull => "磁盘空间不足，本条未保存，请清理磁盘后重试".into(),
            ReadOnly => {
                "数据库文件或所在文件夹是只读的，本条未保存；请检查文件权限，或请管理员处理".into()
            }
            DatabaseBusy | DatabaseLocked => {
                "数据库正被另一个程序使用，本条未保存；请稍候几秒再试".into()
            }
            NotADatabase | DatabaseCorrupt => {
                "数据库文件已损坏，本条未保存；请重新启动程序，按提示从备份恢复".into()
            }
            SystemIoFailure => "读写磁盘时出错，本条未保存；请检查磁盘或 U 盘后重试".into(),
            CannotOpen => "无法打开数据库文件；请检查文件路径和权限".into(),
            ConstraintViolation => match msg.as_deref() {
                // A trigger's RAISE carries the program's own Chinese reason.
                Some(m) if m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) => {
                    m.to_string()
                }
                _ => "数据不符合规则，未保存；请检查输入后重试".into(),
            },
            _ => format!(
                "数据库出错，本条未保存（错误码 {}）；请重试，仍不行请联系管理员",
                f.extended_code
            ),
        };
    }
    match e {
        rusqlite::Error::QueryReturnedNoRows => "找不到该记录".into(),
        _ => "数据库读出的数据与程序不符；请联系管理员检查数据库".into(),
    }
}

/// A file error, said as what happened and what to do.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        StorageFull => "磁盘空间不足，未能写入文件；请清理磁盘后重试".into(),
        PermissionDenied | ReadOnlyFilesystem => "没有权限写入该文件或文件夹；请检查权限".into(),
        NotFound => "找不到该文件或文件夹；请检查路径（U 盘是否已插好）".into(),
        _ => "读写文件时出错；请检查磁盘后重试".into(),
    }
}

/// An error as the UI sees it: `{kind, message, field}`, and `fields` when a form had several.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorView {
    pub kind: String,
    pub message: String,
    pub field: Option<String>,
    /// Every field error of the form when there were several (the first is `field`/`message`).
    pub fields: Vec<FieldError>,
}

/// One field's error within `Error::InvalidFields`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Collects the field errors of a whole form, so a person who made three mistakes hears of all
/// three at once instead of one per try:
///
/// ```ignore
/// let mut errors = FieldErrors::default();
/// let name = errors.take(validate::required("name", "姓名", &input.name, 30));
/// let phone = errors.take(phone::normalize_optional("phone", &input.phone));
/// errors.finish()?; // the values are only used when every field was right
/// ```
#[derive(Debug, Default)]
pub struct FieldErrors {
    found: Vec<FieldError>,
    /// An error about no field (the database failed): it ends the form at once.
    other: Option<Error>,
}

impl FieldErrors {
    /// The value, or (after noting why) a stand-in that `finish` keeps from being used.
    pub fn take<T: Default>(&mut self, r: Result<T>) -> T {
        match r {
            Ok(v) => v,
            Err(Error::Invalid { field, message }) => {
                self.found.push(FieldError { field, message });
                T::default()
            }
            Err(Error::InvalidFields(all)) => {
                self.found.extend(all);
                T::default()
            }
            Err(e) => {
                self.other.get_or_insert(e);
                T::default()
            }
        }
    }

    /// Notes a field's error found by the form itself (a number out of range, a missing room).
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.found.push(FieldError {
            field: field.to_string(),
            message: message.into(),
        });
    }

    /// Ok when every field was right; else all the field errors as one (or the other error).
    pub fn finish(self) -> Result<()> {
        if let Some(e) = self.other {
            return Err(e);
        }
        let mut found = self.found;
        match found.len() {
            0 => Ok(()),
            1 => {
                let FieldError { field, message } = found.remove(0);
                Err(Error::Invalid { field, message })
            }
            _ => Err(Error::InvalidFields(found)),
        }
    }
}
