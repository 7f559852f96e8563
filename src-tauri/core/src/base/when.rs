//! Times the desk types (for back-entry and reported times) and the stored text form.
//! A typed time may not lie in the future: the clock is `ctx.now`.

use chrono::{Duration, NaiveDateTime};

use crate::base::ctx::TIME_FORMAT;
use crate::base::error::{Error, Result};

pub fn text(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

/// Reads a stored time; a malformed one (never written by this program) reads as `fallback`.
pub fn stored(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, TIME_FORMAT).ok()
}

/// Parses `YYYY-MM-DD HH:MM[:SS]` (a `T` or `/` is accepted too), naming `field` when it cannot.
pub fn parse(field: &str, raw: &str) -> Result<NaiveDateTime> {
    let t = raw.trim().replace('T', " ").replace('/', "-");
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(v) = NaiveDateTime::parse_from_str(&t, f) {
            return Ok(v);
        }
    }
    Err(Error::invalid(
        field,
        format!("时间“{}”格式不正确，应为 2026-11-23 14:30", raw.trim()),
    ))
}

/// An optional time the user typed for when something happened: not in the future and not
/// before `not_before` (e.g. when the slip was opened). Empty means now.
pub fn happened(
    field: &str,
    raw: Option<&str>,
    now: NaiveDateTime,
    not_before: Option<NaiveDateTime>,
) -> Result<NaiveDateTime> {
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return Ok(now);
    };
    let t = parse(field, raw)?;
    // A minute of grace: the form may be filled in with the clock's current minute.
    if t > now + Duration::minutes(1) {
        return Err(Error::invalid(
            field,
            format!("时间 {} 晚于当前时间，不能登记未来的时间", text(t)),
        ));
    }
    if let Some(nb) = not_before {
        if t < nb {
            return Err(Error::invalid(
                field,
                format!("时间 {} 早于上一步的时间 {}，请检查", text(t), text(nb)),
            ));
        }
    }
    Ok(t.min(now))
}

/// A stored time 'YYYY-MM-DD HH:MM:SS' as screens and paper show it: to the minute; empty stays empty.
pub fn minute(t: &str) -> String {
    t.get(..16).unwrap_or(t).to_string()
}

/// The office's clock as the window needs it: the window's own clock runs in the computer's
/// time zone (UTC on some machines), so "today" and "this month" come from here instead.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DeskClock {
    /// `YYYY-MM-DD HH:MM:SS`, China Standard Time (the window derives its day and month).
    pub now: String,
}

impl DeskClock {
    pub fn at(now: NaiveDateTime) -> DeskClock {
        DeskClock { now: text(now) }
    }
}
