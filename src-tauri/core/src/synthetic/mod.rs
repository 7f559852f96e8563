//! Seeded synthetic data: years of one office — about 3,000 rooms with residents, the staff,
//! and ~137 desk records a day (50,000 a year) with their dispatch slips and complaints —
//! for demos (`frontdesk-cli dev generate --years 10 --seed 1`), tests and the search
//! benchmark. The same seed always gives the same database; nothing is fetched.
//!
//! It writes through the app's own tables (so every trigger, CHECK and FK applies, and the
//! search index is filled exactly as the desk fills it), in one transaction with prepared
//! statements, so ten years take about a minute.

mod duty_history;
#[cfg(test)]
pub(crate) mod half_finished;
mod phrases;
mod records;
mod store_records;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::setup::first_run::{self, FirstRun};
use crate::setup::office::Office;
use crate::store::Store;
use crate::{base::audit, setup::accounts};

/// A small deterministic generator (SplitMix64): no dependency, same numbers on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct GenerateInput {
    /// How many years of records, ending yesterday (1–20).
    pub years: u32,
    pub seed: u64,
    /// Desk records per year; default 50,000 (a busy 3,000-home estate).
    #[serde(default)]
    #[ts(optional)]
    pub entries_per_year: Option<u32>,
    /// Rooms; default 3,000.
    #[serde(default)]
    #[ts(optional)]
    pub rooms: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GenerateReport {
    pub rooms: i64,
    pub residents: i64,
    pub staff: i64,
    pub intake_entries: i64,
    pub slips: i64,
    pub complaints: i64,
    /// Published monthly rosters, through next month.
    pub rosters: i64,
    /// 交接班 records: one at every desk shift change, the latest still unsigned.
    pub handovers: i64,
    /// Swap and leave requests (approved, refused, pending).
    pub duty_requests: i64,
    /// 代值 covers.
    pub covers: i64,
    /// The supervisor login created for the demo, and its password.
    pub login: String,
    pub password: String,
    pub first_day: String,
    pub last_day: String,
}

pub const DEMO_LOGIN: &str = "zhuguan";
pub const DEMO_PASSWORD: &str = "demo123456";
/// Logins for the other desk roles, all with `DEMO_PASSWORD`.
const ROLE_LOGINS: &[(&str, &str, &str)] = &[
    ("qiantai", "receptionist", "客服部"),
    ("weixiu", "technician", "工程部"),
    ("baoan", "security", "秩序维护部"),
    ("jingli", "manager", "客服部"),
];

/// Fills an EMPTY database (no first-run yet): the office and its supervisor, buildings,
/// rooms, residents, staff, then `years` of desk records up to the day before `now`.
pub fn generate(
    store: &mut Store,
    now: NaiveDateTime,
    input: GenerateInput,
) -> Result<GenerateReport> {
    if !(1..=20).contains(&input.years) {
        return Err(Error::invalid("years", "年数应在 1 到 20 之间"));
    }
    let per_year = input.entries_per_year.unwrap_or(50_000);
    if !(1..=200_000).contains(&per_year) {
        return Err(Error::invalid(
            "entries_per_year",
            "每年记录数应在 1 到 200000 之间",
        ));
    }
    let room_count = input.rooms.unwrap_or(3_000);
    if !(10..=20_000).contains(&room_count) {
        return Err(Error::invalid("rooms", "房间数应在 10 到 20000 之间"));
    }
    if first_run::status(store)?.initialized {
        return Err(Error::conflict(
            "seed",
            "数据库已有数据；演示数据只能生成到一个新的空数据库中",
        ));
    }
    let last_day = now.date() - Duration::days(1);
    let first_day = last_day - Duration::days(365 * input.years as i64 - 1);
    let start = first_day.and_hms_opt(8, 0, 0).unwrap_or(now);
    let supervisor = first_run::init(
        store,
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
            supervisor_name: "周敏".into(),
            supervisor_phone: "13600000001".into(),
            login: DEMO_LOGIN.into(),
            password: DEMO_PASSWORD.into(),
        },
    )?;
    let hash = accounts::hash_password(DEMO_PASSWORD)?;
    let ctx = Ctx::as_user(start, supervisor);
    let mut rng = Rng::new(input.seed);
    // Years written in one transaction: with SQLite's default 2 MB page cache the search index's
    // merges re-read the same pages from the file millions of times (a ten-year office took over
    // half an hour). A large cache for the generation only; the connection's own is put back
    // afterwards, whether the generation succeeded or not.
    let own_cache: i64 = store
        .conn()
        .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    store.conn().execute_batch("PRAGMA cache_size = -524288")?;
    let written = store
        .write(|tx| {
            let at = start.format(TIME_FORMAT).to_string();
            let rooms = rooms(tx, room_count)?;
            let residents = residents(tx, &mut rng, &rooms, &at)?;
            let staff = staff(tx, &mut rng, &hash, &at)?;
            // The search index is filled once at the end, not a statement at a time: FTS5 flushes
            // and merges its segments at every statement's savepoint, which made a ten-year office
            // take most of an hour. Its two triggers are set aside and put back as they were.
            let index_triggers: Vec<String> = tx
                .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('search_docs_ai', 'search_docs_ad') ORDER BY name")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute_batch("DROP TRIGGER search_docs_ai; DROP TRIGGER search_docs_ad;")?;
            let plan = records::Plan {
                first_day,
                last_day,
                now,
                per_year,
                rooms: &rooms,
                residents: &residents,
                staff: &staff,
            };
            let counts = records::write(tx, &mut rng, &plan)?;
            let duty = duty_history::write(tx, &mut rng, &staff, first_day, last_day, now)?;
            for sql in &index_triggers {
                tx.execute_batch(sql)?;
            }
            tx.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')", [])?;
            tx.execute(crate::store::grams::REBUILD_INDEX, [])?;
            let report = GenerateReport {
                rooms: rooms.len() as i64,
                residents: residents.iter().map(Vec::len).sum::<usize>() as i64,
                staff: staff.len() as i64 + 1,
                intake_entries: counts.intake_entries,
                slips: counts.slips,
                complaints: counts.complaints,
                rosters: duty.rosters,
                handovers: duty.handovers,
                duty_requests: duty.requests,
                covers: duty.covers,
                login: DEMO_LOGIN.into(),
                password: DEMO_PASSWORD.into(),
                first_day: first_day.to_string(),
                last_day: last_day.to_string(),
            };
            let summary = format!(
            "种子 {}；{} 间房，{} 条来电来访，{} 张派工单，{} 件投诉，{} 个月值班表，{} 次交接班",
            input.seed,
            report.rooms,
            report.intake_entries,
            report.slips,
            report.complaints,
            report.rosters,
            report.handovers
        );
            audit::record(tx, &ctx, "生成演示数据", "office", Some(1), &summary)?;
            // The generator writes records in bulk, without audit rows: seal what is finished.
            crate::base::seal::backfill(tx)?;
            Ok(report)
        });
    store
        .conn()
        .execute_batch(&format!("PRAGMA cache_size = {own_cache}"))?;
    written.and_then(|report| {
        // Years of records at once: statistics for the planner, as after an import.
        store.optimize()?;
        Ok(report)
    })
}

/// A generated room.
pub(crate) struct GenRoom {
    pub id: i64,
}

/// A generated resident: name and first phone.
pub(crate) struct GenResident {
    pub name: String,
    pub phone: String,
}

/// A generated member of staff: id, role code, department name.
pub(crate) struct GenStaff {
    pub id: i64,
    pub name: String,
    pub role: &'static str,
    pub department: &'static str,
}

/// High-rise buildings of 2 units × 2 homes a floor; as many floors as it takes.
fn rooms(tx: &Transaction, count: u32) -> Result<Vec<GenRoom>> {
    let floors = 30u32;
    let per_building = 2 * floors * 2;
    let buildings = count.div_ceil(per_building);
    let mut add_building = tx.prepare("INSERT INTO buildings (name) VALUES (?1)")?;
    let mut add_room = tx.prepare(
        "INSERT INTO rooms (building_id, unit, number, code, area_m2) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut out = Vec::with_capacity(count as usize);
    'all: for b in 1..=buildings {
        add_building.execute([b.to_string()])?;
        let building_id = tx.last_insert_rowid();
        for unit in 1..=2u32 {
            for floor in 1..=floors {
                for home in 1..=2u32 {
                    if out.len() as u32 == count {
                        break 'all;
                    }
                    let number = format!("{floor}{home:02}");
                    let code = format!("{b}-{unit}-{number}");
                    let area = if home == 1 { 89.5 } else { 126.0 };
                    add_room.execute(params![building_id, unit.to_string(), number, code, area])?;
                    out.push(GenRoom {
                        id: tx.last_insert_rowid(),
                    });
                }
            }
        }
    }
    Ok(out)
}

fn mobile(rng: &mut Rng) -> String {
    let prefixes = ["13", "15", "18", "17", "19"];
    let p = prefixes[rng.below(prefixes.len() as u64) as usize];
    format!("{p}{}{:08}", 3 + rng.below(7), rng.below(100_000_000))
}

/// One owner per room, a tenant in about a quarter; one or two phones each.
fn residents(
    tx: &Transaction,
    rng: &mut Rng,
    rooms: &[GenRoom],
    at: &str,
) -> Result<Vec<Vec<GenResident>>> {
    let mut add = tx.prepare(
        "INSERT INTO residents (room_id, kind, name, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (room_id, name) DO NOTHING",
    )?;
    let mut add_phone =
        tx.prepare("INSERT OR IGNORE INTO resident_phones (resident_id, phone) VALUES (?1, ?2)")?;
    let mut out = Vec::with_capacity(rooms.len());
    for room in rooms {
        let mut people = Vec::new();
        let kinds: &[&str] = if rng.chance(25) {
            &["owner", "tenant"]
        } else {
            &["owner"]
        };
        for kind in kinds {
            let name = phrases::person_name(rng);
            if add.execute(params![room.id, kind, name, at])? == 0 {
                continue;
            }
            let id = tx.last_insert_rowid();
            let phone = mobile(rng);
            add_phone.execute(params![id, phone])?;
            if rng.chance(20) {
                add_phone.execute(params![id, mobile(rng)])?;
            }
            people.push(GenResident { name, phone });
        }
        out.push(people);
    }
    Ok(out)
}

/// The office's people; one login per role (besides the supervisor) for trying the demo.
fn staff(tx: &Transaction, rng: &mut Rng, hash: &str, at: &str) -> Result<Vec<GenStaff>> {
    let plan: &[(&'static str, &'static str, usize)] = &[
        ("receptionist", "客服部", 8),
        ("supervisor", "客服部", 1),
        ("manager", "客服部", 1),
        ("technician", "工程部", 14),
        ("security", "秩序维护部", 12),
        ("technician", "环境部", 6),
    ];
    let mut add = tx.prepare(
        "INSERT INTO staff (name, role, department_id, phone, created_at, updated_at)
         SELECT ?1, ?2, id, ?4, ?5, ?5 FROM departments WHERE name = ?3
         ON CONFLICT (name, phone) DO NOTHING",
    )?;
    let mut set_login =
        tx.prepare("UPDATE staff SET login = ?1, password_hash = ?2 WHERE id = ?3")?;
    let mut out: Vec<GenStaff> = Vec::new();
    for (role, dept, n) in plan {
        for _ in 0..*n {
            let name = phrases::person_name(rng);
            if add.execute(params![name, role, dept, mobile(rng), at])? == 0 {
                continue;
            }
            let id = tx.last_insert_rowid();
            out.push(GenStaff {
                id,
                name,
                role,
                department: dept,
            });
        }
    }
    for (login, role, dept) in ROLE_LOGINS {
        if let Some(s) = out
            .iter()
            .find(|s| s.role == *role && s.department == *dept)
        {
            set_login.execute(params![login, hash, s.id])?;
        }
    }
    Ok(out)
}

/// The days from `first` to `last`, inclusive.
pub(crate) fn days(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |d| *d <= last)
}
