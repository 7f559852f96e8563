//! Half-finished periods for the property tests (issue 9): a small office and one month of desk
//! and duty records left in EVERY intermediate state at the moment the report is made — slips
//! opened, dispatched, accepted, on site, paused (before and after their deadline), resumed,
//! returned, transferred, done, visited without an answer, visited, closed, reopened and
//! cancelled; complaints unjudged, escalated and not taken up, overdue, replied, visited,
//! reworked and signed off; unconverted night-log entries; pending callbacks; unsigned and
//! signed handovers with late arrivals and carried items; a roster published with approved and
//! refused requests (or left a draft with gaps); staff with no records; empty categories; and,
//! with `size` 0, an empty month.
//!
//! Everything is written through the core's own operations with the clock set to each step's
//! time, so every record is in a state the app itself can reach. Steps later than the report's
//! moment simply have not happened yet.

use chrono::{Duration, NaiveDateTime};

use super::Rng;
use crate::base::ctx::{Actor, Ctx};
use crate::base::error::Result;
use crate::base::role::Role;
use crate::duty::roster::Month;
use crate::setup::first_run::{self, FirstRun};
use crate::setup::office::Office;
use crate::setup::residents::{self, ResidentInput, ResidentKind};
use crate::setup::rooms::{self, BuildingInput, RoomInput};
use crate::setup::staff::{self, StaffInput};
use crate::store::Store;

mod desk_records;
use desk_records::record;

mod duty_records;
use duty_records::duty;

/// The office a period is generated in.
pub(crate) struct Period {
    pub store: Store,
    pub supervisor: Actor,
    /// Every phone number written anywhere, to check that none prints unmasked.
    pub phones: Vec<String>,
}

struct People {
    supervisor: Actor,
    manager: Actor,
    desk: Vec<Actor>,
    /// By department name: who a slip of that department is dispatched to.
    workers: Vec<(&'static str, Vec<Actor>)>,
    security: Vec<Actor>,
}

const ROOMS: &[&str] = &[
    "3-2-1201", "3-2-1202", "5-1-0402", "5-1-0801", "7-1-2401", "7-2-0303",
];
const PASSWORD: &str = "secret1";

fn ctx(who: &Actor, at: NaiveDateTime) -> Ctx {
    Ctx::as_user(at, who.clone())
}

fn mobile(rng: &mut Rng) -> String {
    format!("13{}{:08}", 5 + rng.below(5), rng.below(100_000_000))
}

/// Builds the office on a fresh in-memory store, a month before `month`.
fn office(rng: &mut Rng, month: Month, phones: &mut Vec<String>) -> Result<(Store, People)> {
    let mut store = Store::open_in_memory()?;
    let start = (month.first - Duration::days(40))
        .and_hms_opt(9, 0, 0)
        .unwrap_or_default();
    let supervisor = first_run::init(
        &mut store,
        start,
        FirstRun {
            office: Office {
                company_name: "阳光物业服务有限公司".into(),
                estate_name: "阳光花园".into(),
                desk_phone: "0755-26668888".into(),
                doc_prefix: "KF".into(),
                doc_version: "A/0".into(),
                idle_lock_minutes: 10,
            },
            supervisor_name: "周主管".into(),
            supervisor_phone: "13600000001".into(),
            login: "zhou".into(),
            password: PASSWORD.into(),
        },
    )?;
    let c = ctx(&supervisor, start);
    let mut person = |store: &mut Store, name: &str, role: Role, dept: &str| -> Result<Actor> {
        let phone = mobile(rng);
        phones.push(phone.clone());
        let s = staff::add(
            store,
            &c,
            StaffInput {
                name: name.into(),
                role,
                department: dept.into(),
                phone,
                active: true,
            },
        )?;
        Ok(Actor {
            id: s.id,
            login: String::new(),
            name: name.into(),
            role,
        })
    };
    let manager = person(&mut store, "吴经理", Role::Manager, "客服部")?;
    let desk = vec![
        person(&mut store, "李一", Role::Receptionist, "客服部")?,
        person(&mut store, "李二", Role::Receptionist, "客服部")?,
        person(&mut store, "李三", Role::Receptionist, "客服部")?,
    ];
    let engineers = vec![
        person(&mut store, "赵一", Role::Technician, "工程部")?,
        person(&mut store, "赵二", Role::Technician, "工程部")?,
        person(&mut store, "赵三", Role::Technician, "工程部")?,
    ];
    let cleaners = vec![person(&mut store, "钱保洁", Role::Technician, "环境部")?];
    let security = vec![
        person(&mut store, "孙保安", Role::Security, "秩序维护部")?,
        person(&mut store, "郑保安", Role::Security, "秩序维护部")?,
    ];
    // Staff with no records at all: they must still appear in the workload with zeros.
    person(&mut store, "冯新人", Role::Receptionist, "客服部")?;
    for b in ["3", "5", "7"] {
        rooms::add_building(
            &mut store,
            &c,
            BuildingInput {
                name: b.into(),
                note: String::new(),
            },
        )?;
    }
    for code in ROOMS {
        let mut p = code.split('-');
        let (b, u, n) = (
            p.next().unwrap_or(""),
            p.next().unwrap_or(""),
            p.next().unwrap_or(""),
        );
        rooms::add_room(
            &mut store,
            &c,
            RoomInput {
                building: b.into(),
                unit: u.into(),
                number: n.into(),
                area_m2: None,
                note: String::new(),
            },
        )?;
        // Every room but the last has an owner; some a tenant too (one with a landline).
        if *code == "7-2-0303" {
            continue;
        }
        let phone = mobile(rng);
        phones.push(phone.clone());
        residents::add(
            &mut store,
            &c,
            ResidentInput {
                room: (*code).into(),
                kind: ResidentKind::Owner,
                name: format!("{}业主", &code[..1]),
                phones: vec![phone],
                note: String::new(),
                active: true,
            },
        )?;
        if rng.chance(40) {
            let phone = if rng.chance(50) {
                "0755-26661234".to_string()
            } else {
                mobile(rng)
            };
            phones.push(phone.clone());
            residents::add(
                &mut store,
                &c,
                ResidentInput {
                    room: (*code).into(),
                    kind: ResidentKind::Tenant,
                    name: format!("{}租户", &code[..1]),
                    phones: vec![phone],
                    note: String::new(),
                    active: true,
                },
            )?;
        }
    }
    Ok((
        store,
        People {
            supervisor,
            manager,
            desk,
            workers: vec![
                ("工程部", engineers),
                ("环境部", cleaners),
                ("秩序维护部", security.clone()),
            ],
            security,
        },
    ))
}

/// One generated month. `size` records (0: an empty month), `report_at` inside or after it.
pub(crate) fn period(
    seed: u64,
    month: Month,
    size: usize,
    report_at: NaiveDateTime,
) -> Result<Period> {
    let mut rng = Rng::new(seed);
    let mut phones = Vec::new();
    let (mut store, people) = office(&mut rng, month, &mut phones)?;
    duty(&mut store, &mut rng, &people, month, report_at)?;
    let from = month.first.and_hms_opt(0, 0, 0).unwrap_or_default();
    let span = (month.next_first() - month.first).num_minutes();
    for i in 0..size {
        // Mostly inside the month; a few just before it, to test the period's edge.
        let at = if i % 9 == 8 {
            from - Duration::minutes(1 + rng.below(3 * 1440) as i64)
        } else {
            from + Duration::minutes(rng.below(span as u64) as i64)
        };
        if at >= report_at {
            continue;
        }
        record(&mut store, &mut rng, &people, at, report_at, &mut phones)?;
    }
    Ok(Period {
        store,
        supervisor: people.supervisor,
        phones,
    })
}

/// Steps of one record's life: each at its own time; a step after `end` has not happened yet.
struct Clock {
    at: NaiveDateTime,
    end: NaiveDateTime,
}

impl Clock {
    /// Moves on by a random time (a few minutes, or now and then days); None once past the end.
    fn next(&mut self, rng: &mut Rng) -> Option<NaiveDateTime> {
        let minutes = match rng.below(10) {
            0..=5 => 1 + rng.below(90),
            6..=8 => 60 + rng.below(600),
            _ => 1440 + rng.below(4 * 1440),
        };
        self.at += Duration::minutes(minutes as i64);
        (self.at < self.end).then_some(self.at)
    }
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len() as u64) as usize]
}

/// A 催办 half an hour after `t`, by the clerk who took the first call.
pub(super) fn urge_soon(
    store: &mut Store,
    clerk: &Actor,
    t: NaiveDateTime,
    slip_id: Option<i64>,
    complaint_id: Option<i64>,
) -> Result<()> {
    crate::desk::urging::urge(
        store,
        &ctx(clerk, t + Duration::minutes(30)),
        crate::desk::urging::UrgeInput {
            slip_id,
            complaint_id,
            note: "住户来电催促".into(),
        },
    )?;
    Ok(())
}
