//! A small office for the duty tests: a supervisor, a manager, three receptionists, three
//! technicians and a security officer, on a fixed clock.

use chrono::{NaiveDate, NaiveDateTime};

use crate::base::ctx::{Actor, Ctx};
use crate::base::role::Role;
use crate::duty::roster::{self, RotationInput};
use crate::setup::accounts::{self, NewLogin};
use crate::setup::first_run::{self, FirstRun};
use crate::setup::office::Office;
use crate::setup::staff::{self, StaffInput};
use crate::Store;

pub const PASSWORD: &str = "secret1";

pub fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test time")
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test day")
}

pub fn as_user(who: &Actor, now: &str) -> Ctx {
    Ctx::as_user(at(now), who.clone())
}

pub struct Desk {
    pub store: Store,
    pub boss: Actor,
    pub manager: Actor,
    /// 李一, 李二, 李三.
    pub receptionists: Vec<Actor>,
    /// 赵一, 赵二, 赵三.
    pub technicians: Vec<Actor>,
    pub security: Actor,
}

impl Desk {
    pub fn new() -> Desk {
        let mut store = Store::open_in_memory().unwrap();
        let now = at("2026-11-20 10:00");
        let boss = first_run::init(
            &mut store,
            now,
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
                supervisor_phone: String::new(),
                login: "wang".into(),
                password: PASSWORD.into(),
            },
        )
        .unwrap();
        let ctx = Ctx::as_user(now, boss.clone());
        let person =
            |store: &mut Store, name: &str, role: Role, dept: &str, login: &str| -> Actor {
                let s = staff::add(
                    store,
                    &ctx,
                    StaffInput {
                        name: name.into(),
                        role,
                        department: dept.into(),
                        phone: String::new(),
                        active: true,
                    },
                )
                .unwrap();
                accounts::set_login(
                    store,
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
        let manager = person(&mut store, "吴经理", Role::Manager, "客服部", "wu");
        let receptionists = vec![
            person(&mut store, "李一", Role::Receptionist, "客服部", "li1"),
            person(&mut store, "李二", Role::Receptionist, "客服部", "li2"),
            person(&mut store, "李三", Role::Receptionist, "客服部", "li3"),
        ];
        let technicians = vec![
            person(&mut store, "赵一", Role::Technician, "工程部", "zhao1"),
            person(&mut store, "赵二", Role::Technician, "工程部", "zhao2"),
            person(&mut store, "赵三", Role::Technician, "工程部", "zhao3"),
        ];
        let security = person(&mut store, "周保安", Role::Security, "秩序维护部", "zhou");
        Desk {
            store,
            boss,
            manager,
            receptionists,
            technicians,
            security,
        }
    }

    pub fn as_boss(&self, now: &str) -> Ctx {
        Ctx::as_user(at(now), self.boss.clone())
    }

    /// Receptionists on 白,白,休 and technicians on 夜,休,休: every minute covered.
    pub fn fill_full(&mut self, month: &str, now: &str) {
        let ctx = self.as_boss(now);
        let _ = roster::create(&mut self.store, &ctx, month);
        roster::fill_rotation(
            &mut self.store,
            &ctx,
            RotationInput {
                month: month.into(),
                staff_ids: self.receptionists.iter().map(|a| a.id).collect(),
                pattern: vec!["白".into(), "白".into(), "休".into()],
            },
        )
        .unwrap();
        roster::fill_rotation(
            &mut self.store,
            &ctx,
            RotationInput {
                month: month.into(),
                staff_ids: self.technicians.iter().map(|a| a.id).collect(),
                pattern: vec!["夜".into(), "休".into(), "休".into()],
            },
        )
        .unwrap();
    }

    /// A full, published roster for `month`.
    pub fn publish_full(&mut self, month: &str, now: &str) {
        self.fill_full(month, now);
        let ctx = self.as_boss(now);
        roster::publish(&mut self.store, &ctx, month).unwrap();
    }

    /// The technician on night duty on `day` in the rotation above.
    pub fn night_tech(&mut self, d: &str) -> Actor {
        let ctx = self.as_boss("2026-11-20 10:00");
        let v = crate::duty::on_duty::on_duty(&mut self.store, &ctx, Some(format!("{d} 23:00")))
            .unwrap();
        let id = v
            .people
            .iter()
            .find(|p| p.shift_code == "夜")
            .expect("a night technician")
            .staff
            .id;
        self.technicians
            .iter()
            .find(|t| t.id == id)
            .unwrap()
            .clone()
    }

    /// `staff` has no shift on `d`, nor a night the evening before.
    pub fn night_tech_free(&mut self, staff: i64, d: &str) -> bool {
        let ctx = self.as_boss("2026-11-20 10:00");
        let prev = (day(d) - chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string();
        let busy = |store: &mut Store, t: String| {
            crate::duty::on_duty::on_duty(store, &ctx, Some(t))
                .unwrap()
                .people
                .iter()
                .any(|p| p.staff.id == staff)
        };
        !busy(&mut self.store, format!("{d} 23:00"))
            && !busy(&mut self.store, format!("{prev} 23:00"))
            && !busy(&mut self.store, format!("{d} 12:00"))
    }
}
