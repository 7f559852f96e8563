//! The period a report covers: a month (2026-11), a quarter (2026-Q4) or a year (2026).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::base::error::{Error, Result};
use crate::coded_enum;

coded_enum!(
    PeriodKind {
        Month = ("month", "月报"),
        Quarter = ("quarter", "季报"),
        Year = ("year", "年报"),
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Period {
    pub kind: PeriodKind,
    /// 2026-11, 2026-Q4 or 2026: used in file names.
    pub key: String,
    /// 2026年11月, 2026年第4季度, 2026年.
    pub label: String,
    /// First day, 'YYYY-MM-DD'.
    pub start: NaiveDate,
    /// The day after the last day (exclusive bound for queries).
    pub end: NaiveDate,
}

impl Period {
    /// Parses `text` for `kind`; a malformed period or one that has not begun by `today` is refused
    /// naming the `period` field. The current period is allowed (a report so far).
    pub fn parse(kind: PeriodKind, text: &str, today: NaiveDate) -> Result<Period> {
        let t = text.trim();
        let bad =
            |hint: &str| Error::invalid("period", format!("报表期间“{t}”格式不正确，应为 {hint}"));
        let year = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
                .filter(|y| (2000..=2100).contains(y))
        };
        let (start, end, key, label) = match kind {
            PeriodKind::Month => {
                let (y, m) = t.split_once('-').ok_or_else(|| bad("2026-11"))?;
                let y = year(y).ok_or_else(|| bad("2026-11"))?;
                let m: u32 = m
                    .parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| bad("2026-11"))?;
                let start = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(|| bad("2026-11"))?;
                let end = add_months(start, 1).ok_or_else(|| bad("2026-11"))?;
                (start, end, format!("{y}-{m:02}"), format!("{y}年{m}月"))
            }
            PeriodKind::Quarter => {
                let (y, q) = t
                    .split_once(['-', 'Q', 'q'])
                    .ok_or_else(|| bad("2026-Q4"))?;
                let q = q.trim_start_matches(['Q', 'q']);
                let y = year(y).ok_or_else(|| bad("2026-Q4"))?;
                let q: u32 = q
                    .parse()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| bad("2026-Q4"))?;
                let start =
                    NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1).ok_or_else(|| bad("2026-Q4"))?;
                let end = add_months(start, 3).ok_or_else(|| bad("2026-Q4"))?;
                (start, end, format!("{y}-Q{q}"), format!("{y}年第{q}季度"))
            }
            PeriodKind::Year => {
                let y = year(t).ok_or_else(|| bad("2026"))?;
                let start = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(|| bad("2026"))?;
                let end = NaiveDate::from_ymd_opt(y + 1, 1, 1).ok_or_else(|| bad("2026"))?;
                (start, end, y.to_string(), format!("{y}年"))
            }
        };
        if start > today {
            return Err(Error::invalid(
                "period",
                format!("{label}尚未开始，不能生成报表"),
            ));
        }
        Ok(Period {
            kind,
            key,
            label,
            start,
            end,
        })
    }

    /// Every day of the period, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.start
            .iter_days()
            .take_while(|d| *d < self.end)
            .collect()
    }

    /// Bounds as stored text, for `WHERE at >= ?1 AND at < ?2`.
    pub fn bounds(&self) -> (String, String) {
        (
            format!("{} 00:00:00", self.start),
            format!("{} 00:00:00", self.end),
        )
    }
}

fn add_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    let total = d.year() * 12 + d.month0() as i32 + n as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn parses_months_quarters_and_years() {
        let m = Period::parse(PeriodKind::Month, "2026-11", today()).unwrap();
        assert_eq!(
            (m.key.as_str(), m.label.as_str(), m.days().len()),
            ("2026-11", "2026年11月", 30)
        );
        assert_eq!(
            m.bounds(),
            ("2026-11-01 00:00:00".into(), "2026-12-01 00:00:00".into())
        );
        let d = Period::parse(PeriodKind::Month, "2025-12", today()).unwrap();
        assert_eq!(d.end, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let q = Period::parse(PeriodKind::Quarter, "2026-Q4", today()).unwrap();
        assert_eq!(
            (q.start.to_string(), q.end.to_string(), q.label),
            (
                "2026-10-01".into(),
                "2027-01-01".into(),
                "2026年第4季度".into()
            )
        );
        let y = Period::parse(PeriodKind::Year, "2025", today()).unwrap();
        assert_eq!(y.days().len(), 365);
    }

    #[test]
    fn refuses_malformed_and_future_periods_naming_the_field() {
        for (kind, text) in [
            (PeriodKind::Month, "2026-13"),
            (PeriodKind::Month, "2026/11"),
            (PeriodKind::Month, "11-2026"),
            (PeriodKind::Month, ""),
            (PeriodKind::Month, "2026-12"),
            (PeriodKind::Month, "2027-01"),
            (PeriodKind::Quarter, "2026-Q5"),
            (PeriodKind::Year, "26"),
            (PeriodKind::Year, "2027"),
        ] {
            let e = Period::parse(kind, text, today()).unwrap_err();
            assert_eq!((e.kind(), e.field()), ("invalid", Some("period")), "{text}");
        }
    }
}
