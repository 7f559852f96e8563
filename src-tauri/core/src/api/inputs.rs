//! The inputs of operations whose core function takes plain values (an id, a month, a day count)
//! rather than a struct: every operation takes exactly one input, so the app, the command line
//! and the typed TypeScript client all pass it the same way.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::desk::complaints::ComplaintFilter;
use crate::desk::slips::Board;
use crate::setup::import::ImportKind;

/// Nothing: the operation needs no input.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct NoInput {}

/// One record by its number.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct IdInput {
    pub id: i64,
}

/// A month, YYYY-MM.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct MonthInput {
    pub month: String,
}

/// How many days back (each operation has its default).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct DaysInput {
    #[serde(default)]
    #[ts(optional)]
    pub days: Option<i64>,
}

/// A moment (YYYY-MM-DD HH:MM); none means now.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct AtInput {
    #[serde(default)]
    #[ts(optional)]
    pub at: Option<String>,
}

/// How many rows at most.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct LimitInput {
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct SlipIdInput {
    pub slip_id: i64,
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct StaffIdInput {
    pub staff_id: i64,
}

/// The staff list; `all` includes those no longer active.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct StaffListInput {
    #[serde(default)]
    pub all: bool,
}

/// A room as the desk types it: 3-2-1201 or 3栋2单元1201.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct RoomRef {
    pub room: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct BoardInput {
    pub board: Board,
}

/// A slip by its number or its serial (PG-202611-0001).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct SlipRef {
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<i64>,
    #[serde(default)]
    #[ts(optional)]
    pub serial: Option<String>,
}

/// The complaint list; none means the unfinished ones.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct ComplaintQuery {
    #[serde(default)]
    #[ts(optional)]
    pub filter: Option<ComplaintFilter>,
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct ImportKindInput {
    pub kind: ImportKind,
}

/// A file to import; `only_valid` writes the good rows even when some are refused.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct ImportRunInput {
    pub kind: ImportKind,
    #[serde(default)]
    pub file_name: String,
    pub bytes: Vec<u8>,
    #[serde(default)]
    pub only_valid: bool,
}

/// A change to the record `id`: its new contents.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct Update<T> {
    pub id: i64,
    pub input: T,
}
