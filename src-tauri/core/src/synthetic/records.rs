//! The desk's records, day by day: what was reported, by whom, when, and what it led to.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::Transaction;

use super::phrases::{self, pick};
use super::{days, GenResident, GenRoom, GenStaff, Rng};
use crate::base::error::Result;

pub(crate) struct Plan<'a> {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The moment the demo starts from: nothing happens after it.
    pub now: NaiveDateTime,
    pub per_year: u32,
    pub rooms: &'a [GenRoom],
    pub residents: &'a [Vec<GenResident>],
    pub staff: &'a [GenStaff],
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub intake_entries: i64,
    pub slips: i64,
    pub complaints: i64,
}

/// What a desk record is about, and what carries it on.
pub(crate) enum Topic {
    /// A repair or service request → a dispatch slip to the category's department.
    Dispatch { category: &'static str },
    /// A complaint → a complaint record.
    Complaint { category: &'static str },
    /// Answered at the desk: 咨询 / 建议 / 求助.
    Answered {
        kind: &'static str,
        result: &'static str,
    },
}

/// One generated desk record.
pub(crate) struct Entry {
    pub at: NaiveDateTime,
    /// Index into `Plan::rooms`; None for staff-found problems in public areas.
    pub room: Option<usize>,
    pub caller_name: String,
    pub caller_phone: String,
    /// 来电 / 来访 / 书面 / 员工发现, as intake_entries.channel codes.
    pub channel: &'static str,
    pub topic: Topic,
    pub content: String,
    /// Index into `Plan::staff` of the receptionist who took it.
    pub receiver: usize,
}

/// Generates the records one day at a time and hands each to the writer, oldest first.
pub(crate) fn write(tx: &Transaction, rng: &mut Rng, plan: &Plan) -> Result<Counts> {
    let mut writer = super::store_records::Writer::new(tx, plan)?;
    let receptionists: Vec<usize> = (0..plan.staff.len())
        .filter(|i| plan.staff[*i].role == "receptionist")
        .collect();
    let per_day = plan.per_year as u64 * 1000 / 365;
    for day in days(plan.first_day, plan.last_day) {
        // ±30 % around the average, in thousandths so small rates still produce records.
        let n = (per_day * (70 + rng.below(61)) / 100 + rng.below(1000)) / 1000;
        let mut times: Vec<i64> = (0..n).map(|_| seconds_of_day(rng)).collect();
        times.sort_unstable();
        for secs in times {
            let at = day.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::seconds(secs);
            let receiver = receptionists[rng.below(receptionists.len().max(1) as u64) as usize
                % receptionists.len().max(1)];
            let entry = entry(rng, plan, at, receiver);
            writer.write(rng, &entry)?;
        }
    }
    writer.finish()
}

/// Most calls come in working hours; one in ten at night.
fn seconds_of_day(rng: &mut Rng) -> i64 {
    let hour = if rng.chance(10) {
        [22, 23, 0, 1, 2, 3, 4, 5, 6][rng.below(9) as usize]
    } else {
        7 + rng.below(15) as i64
    };
    hour * 3600 + rng.below(3600) as i64
}

fn entry(rng: &mut Rng, plan: &Plan, at: NaiveDateTime, receiver: usize) -> Entry {
    let staff_found = rng.chance(8);
    let roll = rng.below(100);
    let (topic, content) = if staff_found || roll < 50 {
        let (cat, places, problems, details) =
            phrases::REPAIRS[weighted(rng, phrases::REPAIRS.len())];
        (
            Topic::Dispatch { category: cat },
            phrases::request_text(rng, places, problems, details),
        )
    } else if roll < 65 {
        let (cat, places, problems, details) =
            phrases::SERVICES[rng.below(phrases::SERVICES.len() as u64) as usize];
        (
            Topic::Dispatch { category: cat },
            phrases::request_text(rng, places, problems, details),
        )
    } else if roll < 71 {
        let (cat, subjects, issues) =
            phrases::COMPLAINTS[rng.below(phrases::COMPLAINTS.len() as u64) as usize];
        (
            Topic::Complaint { category: cat },
            phrases::complaint_text(rng, subjects, issues),
        )
    } else if roll < 90 {
        (
            Topic::Answered {
                kind: "enquiry",
                result: "已当场答复",
            },
            pick(rng, phrases::ENQUIRIES).to_string(),
        )
    } else if roll < 94 {
        (
            Topic::Answered {
                kind: "suggestion",
                result: "已记录并转主管",
            },
            pick(rng, phrases::SUGGESTIONS).to_string(),
        )
    } else {
        (
            Topic::Answered {
                kind: "help",
                result: "已协助处理完毕",
            },
            pick(rng, phrases::HELP).to_string(),
        )
    };
    if staff_found {
        let finder = &plan.staff[rng.below(plan.staff.len() as u64) as usize];
        return Entry {
            at,
            room: None,
            caller_name: finder.name.clone(),
            caller_phone: String::new(),
            channel: "staff_found",
            topic,
            content: format!("巡查发现：{content}"),
            receiver,
        };
    }
    let room = rng.below(plan.rooms.len() as u64) as usize;
    let people = &plan.residents[room];
    let (caller_name, caller_phone) =
        match people.get(rng.below(people.len().max(1) as u64) as usize) {
            Some(p) => (p.name.clone(), p.phone.clone()),
            None => (phrases::person_name(rng), String::new()),
        };
    let channel = match rng.below(100) {
        0..=64 => "call",
        65..=94 => "visit",
        _ => "written",
    };
    Entry {
        at,
        room: Some(room),
        caller_name,
        caller_phone,
        channel,
        topic,
        content,
        receiver,
    }
}

/// Water and lighting problems are far commoner than fire alarms: earlier categories win.
fn weighted(rng: &mut Rng, n: usize) -> usize {
    let a = rng.below(n as u64);
    let b = rng.below(n as u64);
    a.min(b) as usize
}
