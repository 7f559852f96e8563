//! A small office for the intake, slip and complaint tests: a fixed clock, one of each role,
//! a second technician, a room with a resident.

use chrono::{Duration, NaiveDateTime};

use crate::base::ctx::{Actor, Ctx};
use crate::base::role::Role;
use crate::setup::first_run::{self, FirstRun};
use crate::setup::office::Office;
use crate::setup::residents::{self, ResidentInput, ResidentKind};
use crate::setup::rooms::{self, RoomInput};
use crate::setup::staff::{self, CleanStaff};
use crate::store::Store;
use crate::{base::when, setup::departments};

pub struct Desk {
    pub store: Store,
    pub now: NaiveDateTime,
    pub supervisor: Actor,
    pub receptionist: Actor,
    pub technician: Actor,
    pub technician2: Actor,
    pub cleaner: Actor,
    pub manager: Actor,
    pub security: Actor,
}

pub fn at(s: &str) -> NaiveDateTime {
    when::parse("t", s).unwrap()
}

impl Desk {
    /// Monday 2026-11-23 10:00, a day-shift morning.
    pub fn new() -> Desk {
        Desk::at("2026-11-23 10:00")
    }

    pub fn at(now: &str) -> Desk {
        let now = at(now);
        let mut store = Store::open_in_memory().unwrap();
        let office = Office {
            company_name: "某某物业服务有限公司".into(),
            estate_name: "阳光花园".into(),
            desk_phone: String::new(),
            doc_prefix: "KF".into(),
            doc_version: "A/0".into(),
            idle_lock_minutes: 10,
        };
        let supervisor = first_run::init(
            &mut store,
            now,
            FirstRun {
                office,
                supervisor_name: "王主管".into(),
                supervisor_phone: String::new(),
                login: "wang".into(),
                password: "secret1".into(),
            },
        )
        .unwrap();
        let ctx = Ctx::as_user(now, supervisor.clone());
        let mut person = |name: &str, role: Role, dept: &str, phone: &str| -> Actor {
            store
                .write(|tx| {
                    let d = departments::require_by_name(tx, "department", dept)?;
                    let s = staff::insert(
                        tx,
                        &ctx,
                        &CleanStaff {
                            name: name.into(),
                            role,
                            department_id: d,
                            phone: phone.into(),
                            active: true,
                        },
                    )?;
                    Ok(Actor {
                        id: s.id,
                        login: name.into(),
                        name: name.into(),
                        role,
                    })
                })
                .unwrap()
        };
        let receptionist = person("李前台", Role::Receptionist, "客服部", "13800000001");
        let technician = person("张师傅", Role::Technician, "工程部", "13800000002");
        let technician2 = person("赵师傅", Role::Technician, "工程部", "13800000003");
        let cleaner = person("刘保洁", Role::Technician, "环境部", "13800000004");
        let manager = person("陈经理", Role::Manager, "客服部", "13800000005");
        let security = person("孙保安", Role::Security, "秩序维护部", "13800000006");
        rooms::add_building(
            &mut store,
            &ctx,
            rooms::BuildingInput {
                name: "3".into(),
                note: String::new(),
            },
        )
        .unwrap();
        rooms::add_room(
            &mut store,
            &ctx,
            RoomInput {
                building: "3".into(),
                unit: "2".into(),
                number: "1201".into(),
                area_m2: None,
                note: String::new(),
            },
        )
        .unwrap();
        rooms::add_room(
            &mut store,
            &ctx,
            RoomInput {
                building: "3".into(),
                unit: "2".into(),
                number: "1202".into(),
                area_m2: None,
                note: String::new(),
            },
        )
        .unwrap();
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
            now,
            supervisor,
            receptionist,
            technician,
            technician2,
            cleaner,
            manager,
            security,
        }
    }

    pub fn ctx(&self, who: &Actor) -> Ctx {
        Ctx::as_user(self.now, who.clone())
    }

    /// Moves the clock on.
    pub fn later(&mut self, minutes: i64) {
        self.now += Duration::minutes(minutes);
    }
}
