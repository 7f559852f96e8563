//! The one test office every core test starts from (issue 10): the same company, people and
//! rooms on a fixed clock, so a test reads like a day at the desk and no test builds its own.
//!
//! Crate tests use it as `crate::testkit`; the tests under `tests/` get it with the `testkit`
//! feature (turned on by the crate's own dev-dependency). `records` writes finished history
//! straight into the tables for the paper tests; `roster` fills a covered month for duty tests.

pub mod records;
pub mod roster;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::base::ctx::{Actor, Ctx};
use crate::base::role::Role;
use crate::setup::accounts::{self, NewLogin};
use crate::setup::first_run::{self, FirstRun};
use crate::setup::office::Office;
use crate::setup::residents::{self, ResidentInput, ResidentKind};
use crate::setup::rooms::{self, BuildingInput, RoomInput};
use crate::setup::staff::{self, StaffInput};
use crate::store::Store;

/// Everyone's password.
pub const PASSWORD: &str = "secret1";

/// `2026-11-23 10:00` (seconds optional).
pub fn at(text: &str) -> NaiveDateTime {
    crate::base::when::parse("t", text).expect("a test time like 2026-11-23 10:00")
}

/// `2026-11-23`.
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test day like 2026-11-23")
}

/// `who` acting at `now`.
pub fn as_user(who: &Actor, now: &str) -> Ctx {
    Ctx::as_user(at(now), who.clone())
}

/// 阳光物业's desk at 阳光花园. Everyone has a login (pinyin, `PASSWORD`).
pub struct Desk {
    pub store: Store,
    /// The desk's clock; `ctx` acts at it, `later` moves it.
    pub now: NaiveDateTime,
    /// 王主管, the customer-service supervisor (login wang).
    pub boss: Actor,
    /// 吴经理, the project manager.
    pub manager: Actor,
    /// 李小梅, 李二, 李三 of 客服部 (the rotation of `fill_full`).
    pub receptionists: Vec<Actor>,
    /// 李四 of 客服部, on no rotation: the one free to stand in for anyone.
    pub spare: Actor,
    /// 张师傅, 赵师傅, 赵三 of 工程部.
    pub technicians: Vec<Actor>,
    /// 刘保洁, a technician of 环境部 (another department's worker).
    pub cleaner: Actor,
    /// 周保安 of 秩序维护部.
    pub security: Actor,
    _dir: Option<tempfile::TempDir>,
}

/// When the office was set up: before every month the tests look at.
const FOUNDED: &str = "2026-10-01 09:00";

impl Desk {
    /// Monday 2026-11-23 10:00, a day-shift morning, in memory.
    pub fn new() -> Desk {
        Desk::at("2026-11-23 10:00")
    }

    /// The office in memory, its clock at `now`.
    pub fn at(now: &str) -> Desk {
        Desk::build(Store::open_in_memory().unwrap(), None, now)
    }

    /// The office in a database file (for what writes beside it: print archives, backups).
    pub fn on_disk(now: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("frontdesk.db")).unwrap();
        Desk::build(store, Some(dir), now)
    }

    /// The office's rooms: 3-2-1502, 5-1-0802, 3-2-1201 (周业主, 13912345678) and 3-2-1202.
    fn build(mut store: Store, dir: Option<tempfile::TempDir>, now: &str) -> Desk {
        let founded = at(FOUNDED);
        let boss = first_run::init(
            &mut store,
            founded,
            FirstRun {
                office: Office {
                    company_name: "阳光物业服务有限公司".into(),
                    estate_name: "阳光花园".into(),
                    desk_phone: String::new(),
                    doc_prefix: "KF".into(),
                    doc_version: "A/0".into(),
                    idle_lock_minutes: 10,
                },
                supervisor_name: "王主管".into(),
                supervisor_phone: "13900000001".into(),
                login: "wang".into(),
                password: PASSWORD.into(),
            },
        )
        .unwrap();
        let ctx = Ctx::as_user(founded, boss.clone());
        let mut person = |name: &str, role: Role, department: &str, phone: &str, login: &str| {
            let s = staff::add(
                &mut store,
                &ctx,
                StaffInput {
                    name: name.into(),
                    role,
                    department: department.into(),
                    phone: phone.into(),
                    active: true,
                },
            )
            .unwrap();
            accounts::set_login(
                &mut store,
                &ctx,
                NewLogin {
                    staff_id: s.id,
                    login: login.into(),
                    password: PASSWORD.into(),
                },
            )
            .unwrap();
            Actor {
                id: s.id,
                login: login.into(),
                name: name.into(),
                role,
            }
        };
        let receptionists = vec![
            person("李小梅", Role::Receptionist, "客服部", "13800000001", "li"),
            person("李二", Role::Receptionist, "客服部", "13800000011", "li2"),
            person("李三", Role::Receptionist, "客服部", "13800000021", "li3"),
        ];
        let spare = person("李四", Role::Receptionist, "客服部", "13800000031", "li4");
        let technicians = vec![
            person("张师傅", Role::Technician, "工程部", "13800000002", "zhang"),
            person("赵师傅", Role::Technician, "工程部", "13800000003", "zhao"),
            person("赵三", Role::Technician, "工程部", "13800000013", "zhao3"),
        ];
        let cleaner = person("刘保洁", Role::Technician, "环境部", "13800000004", "liu");
        let manager = person("吴经理", Role::Manager, "客服部", "13800000005", "wu");
        let security = person(
            "周保安",
            Role::Security,
            "秩序维护部",
            "13800000006",
            "zhou",
        );
        for building in ["3", "5"] {
            rooms::add_building(
                &mut store,
                &ctx,
                BuildingInput {
                    name: building.into(),
                    note: String::new(),
                },
            )
            .unwrap();
        }
        for (building, unit, number) in [
            ("3", "2", "1502"),
            ("5", "1", "0802"),
            ("3", "2", "1201"),
            ("3", "2", "1202"),
        ] {
            rooms::add_room(
                &mut store,
                &ctx,
                RoomInput {
                    building: building.into(),
                    unit: unit.into(),
                    number: number.into(),
                    area_m2: None,
                    note: String::new(),
                },
            )
            .unwrap();
        }
        residents::add(
            &mut store,
            &ctx,
            ResidentInput {
                room: "3-2-1201".into(),
                kind: ResidentKind::Owner,
                name: "周业主".into(),
                phones: vec!["13912345678".into()],
                note: String::new(),
                active: true,
            },
        )
        .unwrap();
        Desk {
            store,
            now: at(now),
            boss,
            manager,
            receptionists,
            spare,
            technicians,
            cleaner,
            security,
            _dir: dir,
        }
    }

    /// `who` acting at the desk's clock.
    pub fn ctx(&self, who: &Actor) -> Ctx {
        Ctx::as_user(self.now, who.clone())
    }

    /// The supervisor acting at `now`.
    pub fn as_boss(&self, now: &str) -> Ctx {
        as_user(&self.boss, now)
    }

    /// The folder of an `on_disk` desk's database.
    pub fn dir(&self) -> &std::path::Path {
        self._dir.as_ref().expect("an on_disk desk").path()
    }

    /// The month report of `month` ("2026-12") as computed at `at` ("2026-12-20 09:00"): what
    /// the rule tests compare with their own counts.
    pub fn month_report(
        &mut self,
        month: &str,
        at_text: &str,
    ) -> crate::paper::reports::model::Report {
        let t = at(at_text);
        let period = crate::paper::reports::period::Period::parse(
            crate::paper::reports::period::PeriodKind::Month,
            month,
            t.date(),
        )
        .unwrap();
        self.store
            .read(|tx| crate::paper::reports::compute::compute(tx, &period, "测试", t))
            .unwrap()
    }

    /// Moves the clock on.
    pub fn later(&mut self, minutes: i64) {
        self.now += Duration::minutes(minutes);
    }
}
