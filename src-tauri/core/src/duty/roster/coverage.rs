//! Desk coverage, minute-exact: which stretches of a window no desk-covering shift covers.
//! Pure arithmetic on naive China-time instants (the office keeps UTC+8 all year, no DST,
//! so every day is exactly 1440 minutes).

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

/// An uncovered stretch within one calendar day (gaps across midnight are split at midnight).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Gap {
    /// "YYYY-MM-DD".
    pub date: String,
    /// "HH:MM".
    pub from: String,
    /// "HH:MM", "24:00" when the gap runs to midnight.
    pub to: String,
    pub minutes: i64,
    /// "11月3日 00:00–08:30".
    pub text: String,
}

/// The uncovered parts of `[start, end)` given covered spans (each `[from, to)`).
pub fn uncovered(
    start: NaiveDateTime,
    end: NaiveDateTime,
    spans: &[(NaiveDateTime, NaiveDateTime)],
) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    let mut spans: Vec<_> = spans
        .iter()
        .filter(|(a, b)| b > a && *b > start && *a < end)
        .copied()
        .collect();
    spans.sort();
    let mut out = Vec::new();
    let mut cursor = start;
    for (a, b) in spans {
        if a > cursor {
            out.push((cursor, a.min(end)));
        }
        if b > cursor {
            cursor = b;
        }
        if cursor >= end {
            break;
        }
    }
    if cursor < end {
        out.push((cursor, end));
    }
    out
}

/// Splits uncovered stretches at midnight and labels each with its date and times.
pub fn to_gaps(stretches: &[(NaiveDateTime, NaiveDateTime)]) -> Vec<Gap> {
    let mut out = Vec::new();
    for &(mut a, b) in stretches {
        while a < b {
            let midnight = a.date().and_hms_opt(0, 0, 0).unwrap_or(a) + Duration::days(1);
            let piece_end = b.min(midnight);
            let to = if piece_end == midnight {
                "24:00".to_string()
            } else {
                piece_end.format("%H:%M").to_string()
            };
            let from = a.format("%H:%M").to_string();
            out.push(Gap {
                date: a.format("%Y-%m-%d").to_string(),
                text: format!("{} {from}–{to}", a.format("%-m月%-d日")),
                from,
                to,
                minutes: (piece_end - a).num_minutes(),
            });
            a = piece_end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn a_night_shift_covers_across_midnight() {
        // 白班 08:30–17:30 on the 1st, 夜班 17:30 on the 1st to 09:00 on the 2nd.
        let spans = [(t(1, 8, 30), t(1, 17, 30)), (t(1, 17, 30), t(2, 9, 0))];
        let gaps = to_gaps(&uncovered(t(1, 0, 0), t(3, 0, 0), &spans));
        let texts: Vec<&str> = gaps.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["12月1日 00:00–08:30", "12月2日 09:00–24:00"]);
        assert_eq!(gaps[1].minutes, 15 * 60);
    }

    #[test]
    fn overlapping_spans_merge_and_a_one_minute_hole_is_found() {
        let spans = [
            (t(1, 0, 0), t(1, 12, 0)),
            (t(1, 6, 0), t(1, 10, 0)),
            (t(1, 12, 1), t(2, 0, 0)),
        ];
        let gaps = to_gaps(&uncovered(t(1, 0, 0), t(2, 0, 0), &spans));
        assert_eq!(gaps.len(), 1);
        assert_eq!(
            (gaps[0].from.as_str(), gaps[0].to.as_str(), gaps[0].minutes),
            ("12:00", "12:01", 1)
        );
    }

    #[test]
    fn a_gap_over_midnight_is_listed_once_per_day() {
        let gaps = to_gaps(&uncovered(
            t(1, 0, 0),
            t(3, 0, 0),
            &[(t(1, 0, 0), t(1, 22, 0)), (t(2, 3, 0), t(3, 0, 0))],
        ));
        let texts: Vec<&str> = gaps.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["12月1日 22:00–24:00", "12月2日 00:00–03:00"]);
    }
}
