//! Writes generated records into the desk's own tables — intake entries, dispatch slips with
//! their steps and return visits, complaints — with prepared statements, so every CHECK, FK
//! and search trigger applies exactly as when the desk writes them.
//!
//! Records older than three weeks are finished (slips closed after a return visit, complaints
//! signed off). The last three weeks are half-finished, more so the more recent, as a real desk
//! is: slips at every step, paused, cancelled, awaiting their return visit or the supervisor's
//! close; complaints unjudged, escalated and not yet taken up, replied, visited; callbacks
//! pending; and last night's night-log entries not yet converted.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Timelike};
use rusqlite::{params, Statement, Transaction};

use super::phrases::pick;
use super::records::{Counts, Entry, Plan, Topic};
use super::Rng;

mod complaints;
use crate::base::ctx::TIME_FORMAT;
use crate::base::error::{Error, Result};

/// A category as the generator needs it: id, department, department name, time limit.
struct Category {
    id: i64,
    department_id: i64,
    department: String,
    hours: i64,
}

pub(crate) struct Writer<'t> {
    tx: &'t Transaction<'t>,
    entry: Statement<'t>,
    finish_entry: Statement<'t>,
    slip: Statement<'t>,
    slip_event: Statement<'t>,
    visit: Statement<'t>,
    complaint: Statement<'t>,
    categories: HashMap<String, Category>,
    room_ids: Vec<i64>,
    /// Staff ids by department name and role.
    staff: HashMap<(String, &'static str), Vec<i64>>,
    staff_ids: Vec<i64>,
    supervisor: i64,
    /// Last serial number used per (PG|TS, YYYYMM).
    serials: HashMap<(&'static str, String), i64>,
    /// Records after this time may be left half-finished.
    open_after: NaiveDateTime,
    /// The end of the last generated day: the more recent a record, the likelier it is open.
    end: NaiveDateTime,
    /// Steps after this moment have not happened yet.
    now: NaiveDateTime,
    counts: Counts,
}

fn t(at: NaiveDateTime) -> String {
    at.format(TIME_FORMAT).to_string()
}

impl<'t> Writer<'t> {
    pub fn new(tx: &'t Transaction<'t>, plan: &Plan) -> Result<Writer<'t>> {
        let mut categories = HashMap::new();
        let mut st = tx.prepare(
            "SELECT c.name, c.id, c.department_id, d.name, c.time_limit_hours FROM categories c JOIN departments d ON d.id = c.department_id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Category {
                    id: r.get(1)?,
                    department_id: r.get(2)?,
                    department: r.get(3)?,
                    hours: r.get(4)?,
                },
            ))
        })?;
        for row in rows {
            let (name, c) = row?;
            categories.insert(name, c);
        }
        let mut staff: HashMap<(String, &'static str), Vec<i64>> = HashMap::new();
        for s in plan.staff {
            staff
                .entry((s.department.to_string(), s.role))
                .or_default()
                .push(s.id);
        }
        let supervisor: i64 = tx.query_row(
            "SELECT min(id) FROM staff WHERE role = 'supervisor'",
            [],
            |r| r.get(0),
        )?;
        Ok(Writer {
            tx,
            entry: tx.prepare(
                "INSERT INTO intake_entries (received_at, entered_at, room_id, location, caller_name, caller_phone, channel, kind,
                     category_id, content, received_by, night_log, night_decision, night_decided_at, night_decided_by, outcome,
                     finished_at, finished_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?,
            finish_entry: tx.prepare(
                "UPDATE intake_entries SET slip_id = ?2, complaint_id = ?3, finished_at = ?4, finished_by = ?5 WHERE id = ?1",
            )?,
            slip: tx.prepare(
                "INSERT INTO dispatch_slips (serial, intake_id, opened_at, opened_by, room_id, location, caller_name, caller_phone,
                     category_id, department_id, content, appointment_at, state, assignee_id, dispatcher_id, dispatched_at,
                     accepted_at, arrived_at, completed_at, closed_at, closed_by, deadline_at, due_at, work_done, materials,
                     fee_kind, fee_cents, resident_accepted, resident_satisfaction, technician_signed_by, technician_signed_at,
                     paused_from, paused_at, cancelled_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                         ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)",
            )?,
            slip_event: tx.prepare(
                "INSERT INTO slip_events (slip_id, at, actor_id, actor_name, action, from_state, to_state, assignee_id)
                 SELECT ?1, ?2, ?3, name, ?4, ?5, ?6, ?7 FROM staff WHERE id = ?3",
            )?,
            visit: tx.prepare(
                "INSERT INTO return_visits (slip_id, complaint_id, at, by_id, method, answered, result, satisfaction)
                 VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)",
            )?,
            complaint: tx.prepare(
                "INSERT INTO complaints (serial, intake_id, opened_at, opened_by, room_id, complainant_name, complainant_phone,
                     category, department_id, content, validity, urgency, state, escalated_at, taken_up_at, taken_up_by,
                     reply_deadline_at, reply, replied_at, replied_by, signed_off_at, signed_off_by, sign_off_note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
            )?,
            categories,
            room_ids: plan.rooms.iter().map(|r| r.id).collect(),
            staff,
            staff_ids: plan.staff.iter().map(|s| s.id).collect(),
            supervisor,
            serials: HashMap::new(),
            open_after: plan.last_day.and_hms_opt(0, 0, 0).unwrap_or_default() - Duration::days(21),
            end: (plan.last_day + Duration::days(1)).and_hms_opt(0, 0, 0).unwrap_or_default(),
            now: plan.now,
            counts: Counts::default(),
        })
    }

    /// Whether a record received at `at` is still open: never before `open_after`; then more
    /// likely the more recent it is (most of the last day's, a few of last week's).
    fn unfinished(&self, rng: &mut Rng, at: NaiveDateTime) -> bool {
        if at <= self.open_after {
            return false;
        }
        let age = (self.end - at).num_days();
        rng.chance(match age {
            0 => 85,
            1 => 45,
            2..=6 => 12,
            _ => 3,
        })
    }

    /// Last night's entries (after 17:30 on the last day) are still waiting for the morning.
    fn from_last_night(&self, at: NaiveDateTime) -> bool {
        at >= self.end - Duration::minutes(6 * 60 + 30)
    }

    fn one_of(&self, rng: &mut Rng, department: &str, role: &'static str) -> i64 {
        match self.staff.get(&(department.to_string(), role)) {
            Some(ids) if !ids.is_empty() => ids[rng.below(ids.len() as u64) as usize],
            _ => self.staff_ids[rng.below(self.staff_ids.len() as u64) as usize],
        }
    }

    fn serial(&mut self, prefix: &'static str, at: NaiveDateTime) -> String {
        let month = format!("{:04}{:02}", at.year(), at.month());
        let n = self.serials.entry((prefix, month.clone())).or_insert(0);
        *n += 1;
        format!("{prefix}-{month}-{:04}", n)
    }

    pub fn write(&mut self, rng: &mut Rng, e: &Entry) -> Result<()> {
        let receiver = self
            .staff_ids
            .get(e.receiver)
            .copied()
            .unwrap_or(self.supervisor);
        let entered = e.at + Duration::seconds(30 + rng.below(150) as i64);
        let night = is_night(e.at.time());
        let (kind, category, outcome) = match &e.topic {
            Topic::Dispatch { category } => ("repair", self.categories.get(*category), ""),
            Topic::Complaint { .. } => ("complaint", None, ""),
            Topic::Answered { kind, result } => (*kind, None, *result),
        };
        let kind = match kind {
            "enquiry" => "inquiry",
            other => other,
        };
        let category_id = category.map(|c| c.id);
        let room_id = e.room.map(|i| self.room_ids[i]);
        let location = if e.room.is_none() {
            pick(
                rng,
                &[
                    "3号楼电梯厅",
                    "地下车库B2",
                    "东门岗亭",
                    "中心花园",
                    "1号楼楼道",
                ],
            )
        } else {
            ""
        };
        // Night entries are decided in the morning hand-over (R-HO-6); last night's still wait.
        let waiting = night && self.from_last_night(e.at);
        let decided_at = (night && !waiting).then(|| next_morning(e.at));
        let night_decision = (night && !waiting).then_some(match e.topic {
            Topic::Dispatch { .. } => "slip",
            Topic::Complaint { .. } => "complaint",
            Topic::Answered { .. } => "settled",
        });
        // Now and then the desk could not answer at once: a callback is pending (R-IN-5).
        let callback =
            !outcome.is_empty() && !waiting && self.unfinished(rng, e.at) && rng.chance(40);
        let outcome = if callback || waiting { "" } else { outcome };
        let finished = (!outcome.is_empty()).then(|| t(entered));
        self.entry.execute(params![
            t(e.at),
            t(entered),
            room_id,
            location,
            e.caller_name,
            e.caller_phone,
            e.channel,
            kind,
            category_id,
            e.content,
            receiver,
            night,
            night_decision,
            decided_at.map(t),
            decided_at.map(|_| receiver),
            outcome,
            finished,
            finished.as_ref().map(|_| receiver)
        ])?;
        let intake_id = self.tx.last_insert_rowid();
        self.counts.intake_entries += 1;
        if callback {
            self.tx.execute(
                "UPDATE intake_entries SET callback_phone = ?2, callback_state = 'pending' WHERE id = ?1",
                params![intake_id, if e.caller_phone.is_empty() { "13800138000" } else { e.caller_phone.as_str() }],
            )?;
        }
        if waiting {
            return Ok(());
        }
        let opened = entered + Duration::seconds(20 + rng.below(120) as i64);
        match &e.topic {
            Topic::Dispatch { category } => {
                let Some(cat) = self.categories.get(*category) else {
                    return Err(Error::Integrity(format!(
                        "演示数据的类别“{category}”不在类别表中"
                    )));
                };
                let (cat_id, dept_id, dept, hours) =
                    (cat.id, cat.department_id, cat.department.clone(), cat.hours);
                let slip_id = self.write_slip(
                    rng, e, intake_id, receiver, opened, room_id, location, cat_id, dept_id, &dept,
                    hours,
                )?;
                self.finish_entry.execute(params![
                    intake_id,
                    slip_id,
                    Option::<i64>::None,
                    t(opened),
                    receiver
                ])?;
            }
            Topic::Complaint { category } => {
                let complaint_id =
                    self.write_complaint(rng, e, intake_id, receiver, opened, room_id, category)?;
                self.finish_entry.execute(params![
                    intake_id,
                    Option::<i64>::None,
                    complaint_id,
                    t(opened),
                    receiver
                ])?;
            }
            Topic::Answered { .. } => {}
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn write_slip(
        &mut self,
        rng: &mut Rng,
        e: &Entry,
        intake_id: i64,
        opener: i64,
        opened: NaiveDateTime,
        room_id: Option<i64>,
        location: &str,
        category_id: i64,
        department_id: i64,
        department: &str,
        hours: i64,
    ) -> Result<i64> {
        let serial = self.serial("PG", opened);
        let role = if department == "秩序维护部" {
            "security"
        } else {
            "technician"
        };
        let assignee = self.one_of(rng, department, role);
        let deadline = opened + Duration::hours(hours);
        // Steps, minutes apart; finished well within the limit most of the time.
        let dispatched = opened + Duration::minutes(2 + rng.below(15) as i64);
        let accepted = dispatched + Duration::minutes(1 + rng.below(20) as i64);
        let arrived = accepted + Duration::minutes(10 + rng.below(50) as i64);
        let completed = arrived + Duration::minutes(20 + rng.below(hours as u64 * 40) as i64);
        let visited = completed + Duration::hours(2 + rng.below(20) as i64);
        let closed = visited + Duration::minutes(5 + rng.below(60) as i64);
        let steps: [(&str, Option<&str>, &str, NaiveDateTime, i64); 7] = [
            ("open", None, "opened", opened, opener),
            ("dispatch", Some("opened"), "dispatched", dispatched, opener),
            ("accept", Some("dispatched"), "accepted", accepted, assignee),
            ("arrive", Some("accepted"), "on_site", arrived, assignee),
            ("complete", Some("on_site"), "done", completed, assignee),
            (
                "return_visit",
                Some("done"),
                "return_visited",
                visited,
                opener,
            ),
            (
                "close",
                Some("return_visited"),
                "closed",
                closed,
                self.supervisor,
            ),
        ];
        let open = self.unfinished(rng, e.at);
        let mut reached = if open {
            1 + rng.below(6) as usize
        } else {
            steps.len()
        };
        // Steps after the present have not happened.
        while reached > 1 && steps[reached - 1].3 > self.now {
            reached -= 1;
        }
        let fate = if !open || reached > 4 {
            Fate::AsReached
        } else {
            match rng.below(100) {
                0..=14 => Fate::Paused,
                15..=19 => Fate::Cancelled,
                _ => Fate::AsReached,
            }
        };
        let step_state = steps[reached - 1].2;
        let last_step = steps[reached - 1].3;
        let stopped = (last_step + Duration::minutes(10 + rng.below(120) as i64)).min(self.now);
        let state = match fate {
            Fate::Paused => "paused",
            Fate::Cancelled => "cancelled",
            Fate::AsReached => step_state,
        };
        let at_least = |n: usize, at: NaiveDateTime| (reached >= n).then(|| t(at));
        let paid = rng.chance(15);
        let satisfaction = match rng.below(100) {
            0..=79 => "satisfied",
            80..=95 => "basic",
            _ => "unsatisfied",
        };
        let done = reached >= 5;
        self.slip.execute(params![
            serial,
            intake_id,
            t(opened),
            opener,
            room_id,
            location,
            e.caller_name,
            e.caller_phone,
            category_id,
            department_id,
            e.content,
            Some(t(opened + Duration::hours(1 + rng.below(4) as i64))),
            state,
            (reached >= 2).then_some(assignee),
            (reached >= 2).then_some(opener),
            at_least(2, dispatched),
            at_least(3, accepted),
            at_least(4, arrived),
            at_least(5, completed),
            at_least(7, closed),
            (reached >= 7).then_some(self.supervisor),
            t(deadline),
            if done {
                "已处理完毕，现场测试正常"
            } else {
                ""
            },
            if done && paid { "配件一套" } else { "" },
            done.then_some(if paid { "paid" } else { "free" }),
            if done && paid {
                2000 + rng.below(30000) as i64
            } else {
                0
            },
            done.then_some(1),
            done.then_some(satisfaction),
            done.then_some(assignee),
            at_least(5, completed),
            matches!(fate, Fate::Paused).then_some(step_state),
            matches!(fate, Fate::Paused).then(|| t(stopped)),
            matches!(fate, Fate::Cancelled).then(|| t(stopped))
        ])?;
        let slip_id = self.tx.last_insert_rowid();
        self.counts.slips += 1;
        for (action, from, to, at, actor) in steps.iter().take(reached) {
            let who = if *action == "dispatch" {
                Some(assignee)
            } else {
                None
            };
            self.slip_event
                .execute(params![slip_id, t(*at), actor, action, from, to, who])?;
        }
        match fate {
            Fate::Paused => {
                let by = if reached >= 3 { assignee } else { opener };
                self.slip_event.execute(params![
                    slip_id,
                    t(stopped),
                    by,
                    "pause",
                    step_state,
                    "paused",
                    Option::<i64>::None
                ])?;
                self.tx.execute(
                    "INSERT INTO slip_pauses (slip_id, started_at, reason) VALUES (?1, ?2, '等待配件到货')",
                    params![slip_id, t(stopped)],
                )?;
            }
            Fate::Cancelled => {
                self.slip_event.execute(params![
                    slip_id,
                    t(stopped),
                    self.supervisor,
                    "cancel",
                    step_state,
                    "cancelled",
                    Option::<i64>::None
                ])?;
            }
            Fate::AsReached => {}
        }
        if reached >= 6 {
            let result = if satisfaction == "unsatisfied" {
                "业主表示仍有问题，已转主管跟进"
            } else {
                "业主表示已修好"
            };
            self.visit.execute(params![
                slip_id,
                Option::<i64>::None,
                t(visited),
                opener,
                "phone",
                result,
                satisfaction
            ])?;
        }
        Ok(slip_id)
    }

    /// Stores the last serial used per month, as the desk's own allocation would have left it.
    pub fn finish(&mut self) -> Result<Counts> {
        let mut st = self.tx.prepare(
            "INSERT INTO serial_counters (kind, month, last) VALUES (?1, ?2, ?3)
             ON CONFLICT (kind, month) DO UPDATE SET last = max(last, excluded.last)",
        )?;
        for ((kind, month), last) in &self.serials {
            st.execute(params![kind, month, last])?;
        }
        Ok(self.counts)
    }
}

/// Where a recent slip stopped besides its last step.
enum Fate {
    AsReached,
    Paused,
    Cancelled,
}

/// The default night window of intake_settings: 17:30–09:00.
fn is_night(time: NaiveTime) -> bool {
    let minutes = time.hour() * 60 + time.minute();
    !(9 * 60..17 * 60 + 30).contains(&minutes)
}

/// 09:00 on the morning that ends the night `at` falls in.
fn next_morning(at: NaiveDateTime) -> NaiveDateTime {
    let day = if at.hour() < 9 {
        at.date()
    } else {
        at.date() + Duration::days(1)
    };
    day.and_hms_opt(9, 0, 0).unwrap_or(at)
}
