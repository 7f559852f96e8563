//! Which backups to keep, like Anki: the newest few of today, then one a day, one a week and
//! one a month, so about a year is covered by a few dozen files. The numbers are settings.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Retention {
    pub keep_today: u32,
    pub keep_daily: u32,
    pub keep_weekly: u32,
    pub keep_monthly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            keep_today: 8,
            keep_daily: 12,
            keep_weekly: 10,
            keep_monthly: 9,
        }
    }
}

/// For backups taken at `times` (any order), whether each is kept on `today`.
pub fn keep(times: &[NaiveDateTime], today: NaiveDate, r: Retention) -> Vec<bool> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    order.sort_by(|a, b| times[*b].cmp(&times[*a]));
    let mut kept = vec![false; times.len()];
    let mut today_n = 0;
    let (mut days, mut weeks, mut months) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for i in order {
        let date = times[i].date();
        if date >= today {
            if today_n < r.keep_today {
                today_n += 1;
                kept[i] = true;
            }
            continue;
        }
        let week = (date.iso_week().year(), date.iso_week().week());
        let month = (date.year(), date.month());
        kept[i] = if !days.contains(&date) && days.len() < r.keep_daily as usize {
            days.insert(date);
            true
        } else if days.contains(&date) {
            false
        } else if !weeks.contains(&week) && weeks.len() < r.keep_weekly as usize {
            weeks.insert(week);
            true
        } else if weeks.contains(&week) {
            false
        } else if !months.contains(&month) && months.len() < r.keep_monthly as usize {
            months.insert(month);
            true
        } else {
            false
        };
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: NaiveDate, h: u32) -> NaiveDateTime {
        d.and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn a_year_of_half_hourly_backups_keeps_about_forty() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut times = Vec::new();
        for back in 0..400 {
            let d = today - chrono::Duration::days(back);
            for h in 8..20 {
                times.push(at(d, h));
            }
        }
        let kept = keep(&times, today, Retention::default());
        let kept_times: Vec<_> = times
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(t, _)| *t)
            .collect();
        let todays = kept_times.iter().filter(|t| t.date() == today).count();
        assert_eq!(todays, 8, "the newest 8 of today");
        assert!(kept_times.contains(&at(today, 19)) && !kept_times.contains(&at(today, 8)));
        // 12 days before today, one each (the day's newest).
        for back in 1..=12 {
            let d = today - chrono::Duration::days(back);
            assert_eq!(
                kept_times.iter().filter(|t| t.date() == d).count(),
                1,
                "{d}"
            );
            assert!(kept_times.contains(&at(d, 19)));
        }
        assert_eq!(kept_times.len(), 8 + 12 + 10 + 9);
        let oldest = kept_times.iter().min().unwrap().date();
        assert!(
            (today - oldest).num_days() > 300,
            "about a year is covered, oldest {oldest}"
        );
    }

    #[test]
    fn few_backups_are_all_kept() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let times = vec![at(today, 9), at(today - chrono::Duration::days(40), 9)];
        assert_eq!(keep(&times, today, Retention::default()), vec![true, true]);
    }
}
