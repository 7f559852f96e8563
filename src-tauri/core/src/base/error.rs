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
    /// The database refused or failed.
    #[error("数据库错误:{0}")]
    Storage(#[from] rusqlite::Error),
    /// Reading or writing a file failed.
    #[error("文件读写失败:{0}")]
    Io(#[from] std::io::Error),
    /// Something the store promises did not hold (e.g. a pragma was not applied).
    #[error("数据库状态异常:{0}")]
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
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } => "conflict",
            Error::Forbidden(_) => "forbidden",
            Error::NotLoggedIn => "not_logged_in",
            Error::WrongPassword(_) => "wrong_password",
            Error::Throttled { .. } => "throttled",
            Error::AccountLocked(_) => "account_locked",
            Error::BadFile { .. } => "bad_file",
            Error::Storage(_) => "storage",
            Error::Io(_) => "io",
            Error::Integrity(_) => "integrity",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
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
        }
    }
}

/// An error as the UI sees it: `{kind, message, field}`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorView {
    pub kind: String,
    pub message: String,
    pub field: Option<String>,
}
