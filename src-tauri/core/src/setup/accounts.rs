//! Desk accounts: logins with argon2id passwords, a growing delay after each wrong password,
//! and a lock after five that only a supervisor can lift.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::{Actor, Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::{self, Role, ACCOUNT_ADMINS};
use crate::setup::staff::{self, Staff, StaffId};
use crate::store::Store;
use crate::{base::audit, base::validate};

/// Wrong passwords allowed before the account locks.
pub const MAX_FAILURES: i64 = 5;

pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Integrity(format!("密码加密失败：{e}")))
}

fn password_matches(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Seconds to wait after `failures` wrong passwords in a row: 1, 2, 4, 8 …
pub fn delay_after(failures: i64) -> i64 {
    if failures <= 0 {
        0
    } else {
        1 << (failures - 1).min(10)
    }
}

struct Account {
    staff: Staff,
    hash: String,
    failed: i64,
    last_failed: Option<NaiveDateTime>,
}

fn account_by_login(tx: &Transaction, login: &str) -> Result<Option<Account>> {
    let row = tx
        .query_row(
            "SELECT id, password_hash, failed_attempts, last_failed_at FROM staff WHERE login = ?1",
            [login.trim().to_ascii_lowercase()],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((id, hash, failed, last)) = row else {
        return Ok(None);
    };
    Ok(Some(Account {
        staff: staff::get(tx, id)?,
        hash,
        failed,
        last_failed: last.and_then(|t| NaiveDateTime::parse_from_str(&t, TIME_FORMAT).ok()),
    }))
}

fn actor_of(s: &Staff) -> Actor {
    Actor {
        id: s.id,
        login: s.login.clone().unwrap_or_default(),
        name: s.name.clone(),
        role: s.role,
    }
}

/// What a password attempt came to; failures are committed, so they are not errors inside the
/// transaction.
enum Attempt {
    Ok(Actor),
    Refused(Error),
}

/// One login attempt. `record` is false on a read-only database: the password is still checked,
/// but neither the login nor a failure can be written down. `checked` is the slow password hash
/// check, done before the transaction so the write lock is held for milliseconds, not through
/// the hashing (with eight writers at once, a lock held through Argon2 made others wait past the
/// busy timeout); it is used only if the stored hash is still the one that was checked.
fn attempt(
    tx: &Transaction,
    now: NaiveDateTime,
    login: &str,
    password: &str,
    record: bool,
    checked: Option<&(String, bool)>,
) -> Result<Attempt> {
    let wrong = || Error::WrongPassword("登录名或密码不正确".into());
    let Some(acc) = account_by_login(tx, login)? else {
        return Ok(Attempt::Refused(wrong()));
    };
    if acc.staff.locked {
        return Ok(Attempt::Refused(Error::AccountLocked(format!(
            "账号“{}”因连续输错密码已被锁定，请联系客服主管解锁",
            acc.staff.login.as_deref().unwrap_or("")
        ))));
    }
    if !acc.staff.active {
        return Ok(Attempt::Refused(Error::forbidden(format!(
            "{} 已停用，不能登录",
            acc.staff.name
        ))));
    }
    if let Some(last) = acc.last_failed {
        let ready = last + Duration::seconds(delay_after(acc.failed));
        if now < ready {
            let seconds = (ready - now).num_seconds().max(1);
            return Ok(Attempt::Refused(Error::Throttled {
                seconds,
                message: format!("密码错误次数过多，请 {seconds} 秒后再试"),
            }));
        }
    }
    let ctx = Ctx::new(now, Some(actor_of(&acc.staff)));
    let matches = match checked {
        Some((hash, ok)) if *hash == acc.hash => *ok,
        _ => password_matches(&acc.hash, password),
    };
    if matches {
        if !record {
            return Ok(Attempt::Ok(actor_of(&acc.staff)));
        }
        tx.execute(
            "UPDATE staff SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?1",
            [acc.staff.id],
        )?;
        audit::record(tx, &ctx, "登录", "staff", Some(acc.staff.id), "")?;
        return Ok(Attempt::Ok(actor_of(&acc.staff)));
    }
    if !record {
        return Ok(Attempt::Refused(wrong()));
    }
    let failed = acc.failed + 1;
    let locked = failed >= MAX_FAILURES;
    tx.execute(
        "UPDATE staff SET failed_attempts = ?1, last_failed_at = ?2, locked = ?3 WHERE id = ?4",
        params![
            failed,
            now.format(TIME_FORMAT).to_string(),
            locked,
            acc.staff.id
        ],
    )?;
    audit::record(
        tx,
        &ctx,
        "密码错误",
        "staff",
        Some(acc.staff.id),
        &format!("第 {failed} 次"),
    )?;
    Ok(Attempt::Refused(if locked {
        Error::AccountLocked(format!(
            "密码连续错误 {MAX_FAILURES} 次，账号已锁定，请联系客服主管解锁"
        ))
    } else {
        Error::WrongPassword(format!(
            "登录名或密码不正确（还可再试 {} 次）",
            MAX_FAILURES - failed
        ))
    }))
}

/// Logs in; a wrong password is counted even though an error is returned.
pub fn login(store: &mut Store, now: NaiveDateTime, login: &str, password: &str) -> Result<Actor> {
    let hash = store.read(|tx| Ok(account_by_login(tx, login)?.map(|a| a.hash)))?;
    let checked = hash.map(|h| {
        let ok = password_matches(&h, password);
        (h, ok)
    });
    let outcome = if store.is_read_only() {
        store.read(|tx| attempt(tx, now, login, password, false, checked.as_ref()))?
    } else {
        store.write(|tx| attempt(tx, now, login, password, true, checked.as_ref()))?
    };
    match outcome {
        Attempt::Ok(actor) => Ok(actor),
        Attempt::Refused(e) => Err(e),
    }
}

/// Checks a password for a known user without changing the session: unlocking the idle
/// screen and signing records. Counts failures the same way as logging in.
pub fn verify(
    store: &mut Store,
    now: NaiveDateTime,
    staff_id: StaffId,
    password: &str,
) -> Result<Actor> {
    let login_name: Option<String> = store.read(|tx| {
        Ok(tx
            .query_row("SELECT login FROM staff WHERE id = ?1", [staff_id], |r| {
                r.get(0)
            })
            .optional()?
            .flatten())
    })?;
    let Some(name) = login_name else {
        return Err(Error::not_found("staff", "该员工没有登录账号"));
    };
    login(store, now, &name, password)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewLogin {
    pub staff_id: StaffId,
    pub login: String,
    pub password: String,
}

/// Gives a staff member a desk login (or replaces their login name and password).
pub fn set_login(store: &mut Store, ctx: &Ctx, input: NewLogin) -> Result<Staff> {
    ctx.require(ACCOUNT_ADMINS, "管理账号")?;
    let login = validate::login("login", &input.login)?;
    let password = validate::new_password("password", &input.password)?;
    let hash = hash_password(&password)?;
    store.write(|tx| {
        let who = staff::get(tx, input.staff_id)?;
        let me = ctx.actor()?;
        // Giving a first login is how a manager's account comes to exist; replacing one is a reset.
        if who.login.is_some() {
            role::may_manage(me.id, me.role, who.id, who.role, who.role, "重设登录名和密码")?;
        }
        let taken: Option<i64> = tx.query_row("SELECT id FROM staff WHERE login = ?1", [&login], |r| r.get(0)).optional()?;
        if taken.is_some_and(|id| id != who.id) {
            return Err(Error::conflict("login", format!("登录名“{login}”已被使用")));
        }
        tx.execute(
            "UPDATE staff SET login = ?1, password_hash = ?2, failed_attempts = 0, last_failed_at = NULL, locked = 0, updated_at = ?3 WHERE id = ?4",
            params![login, hash, ctx.now.format(TIME_FORMAT).to_string(), who.id],
        )?;
        audit::record(tx, ctx, "设置登录账号", "staff", Some(who.id), &format!("{} 登录名 {login}", who.name))?;
        staff::get(tx, who.id)
    })
}

/// Lifts a lock after too many wrong passwords.
pub fn unlock(store: &mut Store, ctx: &Ctx, staff_id: StaffId) -> Result<Staff> {
    ctx.require(&[Role::Supervisor, Role::Manager], "解锁账号")?;
    store.write(|tx| {
        let who = staff::get(tx, staff_id)?;
        let me = ctx.actor()?;
        role::may_manage(me.id, me.role, who.id, who.role, who.role, "解锁")?;
        tx.execute(
            "UPDATE staff SET locked = 0, failed_attempts = 0, last_failed_at = NULL WHERE id = ?1",
            [staff_id],
        )?;
        audit::record(tx, ctx, "解锁账号", "staff", Some(staff_id), &who.name)?;
        staff::get(tx, staff_id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PasswordChange {
    pub old_password: String,
    pub new_password: String,
}

/// The logged-in user changes their own password, proving the old one.
pub fn change_own_password(store: &mut Store, ctx: &Ctx, input: PasswordChange) -> Result<()> {
    let me = ctx.actor()?.clone();
    let new = validate::new_password("new_password", &input.new_password)?;
    verify(store, ctx.now, me.id, &input.old_password).map_err(|e| match e {
        Error::WrongPassword(_) => Error::invalid("old_password", "原密码不正确"),
        other => other,
    })?;
    let hash = hash_password(&new)?;
    store.write(|tx| {
        tx.execute(
            "UPDATE staff SET password_hash = ?1 WHERE id = ?2",
            params![hash, me.id],
        )?;
        audit::record(tx, ctx, "修改密码", "staff", Some(me.id), "")
    })
}
