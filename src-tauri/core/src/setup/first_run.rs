//! First run: creates the office and its first supervisor, once.

use chrono::NaiveDateTime;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::{Actor, Ctx};
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::Role;
use crate::setup::accounts;
use crate::setup::office::{self, Office};
use crate::setup::staff::{self, CleanStaff};
use crate::store::Store;
use crate::{base::phone, base::validate, setup::departments};

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SetupStatus {
    pub initialized: bool,
    pub office: Option<Office>,
}

pub fn status(store: &mut Store) -> Result<SetupStatus> {
    store.read(|tx| {
        let office = office::load(tx)?;
        Ok(SetupStatus {
            initialized: office.is_some(),
            office,
        })
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct FirstRun {
    pub office: Office,
    pub supervisor_name: String,
    #[serde(default)]
    pub supervisor_phone: String,
    pub login: String,
    pub password: String,
}

/// Creates the office and the first supervisor, and returns them logged in.
pub fn init(store: &mut Store, now: NaiveDateTime, input: FirstRun) -> Result<Actor> {
    // Every mistake on the two pages is said at once, each under its field.
    let mut errors = FieldErrors::default();
    let office = errors.take(input.office.cleaned());
    let name = errors.take(validate::required(
        "supervisor_name",
        "主管姓名",
        &input.supervisor_name,
        30,
    ));
    let phone = errors.take(phone::normalize_optional(
        "supervisor_phone",
        &input.supervisor_phone,
    ));
    let login = errors.take(validate::login("login", &input.login));
    let password = errors.take(validate::new_password("password", &input.password));
    errors.finish()?;
    let hash = accounts::hash_password(&password)?;
    store.write(|tx| {
        if office::load(tx)?.is_some() {
            return Err(Error::conflict("office", "首次设置已经完成，不能重复进行"));
        }
        let ctx = Ctx::new(now, None);
        office::insert(tx, &ctx, &office)?;
        let dept = departments::require_by_name(tx, "department", "客服部")?;
        let s = CleanStaff {
            name,
            role: Role::Supervisor,
            department_id: dept,
            phone,
            active: true,
        };
        let boss = staff::insert(tx, &ctx, &s)?;
        tx.execute(
            "UPDATE staff SET login = ?1, password_hash = ?2 WHERE id = ?3",
            params![login, hash, boss.id],
        )?;
        let actor = Actor {
            id: boss.id,
            login,
            name: boss.name.clone(),
            role: Role::Supervisor,
        };
        let ctx = Ctx::new(now, Some(actor.clone()));
        audit::record(
            tx,
            &ctx,
            "首次设置",
            "office",
            Some(1),
            &format!("{} {}", office.company_name, office.estate_name),
        )?;
        Ok(actor)
    })
}
