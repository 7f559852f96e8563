//! 查岗记录 (R-DU-9, R-DU-12): the office head's visits to the duty posts (主任巡查), the
//! supervisors' night spot checks (夜间查岗), and duty discipline found per person — absent from
//! the post (脱岗) or gone before the shift ended without a handover (早退). Each is recorded by a
//! supervisor or manager with when, which post, whom it is about and what was found; 值班统计 and
//! the per-person assessment (R-RP-2) count them.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::LEADERS;
use crate::base::{validate, when};
use crate::coded_enum;
use crate::duty::roster::Month;
use crate::store::Store;

coded_enum!(
    /// What kind of check it was.
    CheckKind {
        Visit = ("visit", "主任巡查"),
        NightCheck = ("night_check", "夜间查岗"),
        /// A finding recorded without a round: early leave noticed the next morning.
        Discipline = ("discipline", "值班纪律登记"),
    }
);

coded_enum!(
    /// What the check found.
    Finding {
        Ok = ("ok", "在岗正常"),
        Absent = ("absent", "脱岗", ["离岗"]),
        EarlyLeave = ("early_leave", "早退"),
        Other = ("other", "其他问题"),
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DutyCheck {
    pub id: i64,
    pub kind: CheckKind,
    pub checked_at: String,
    pub checker: String,
    pub post: String,
    /// The person the finding is about; '' when the post was found in order with nobody named.
    pub person: String,
    pub person_id: Option<i64>,
    pub finding: Finding,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DutyCheckInput {
    pub kind: CheckKind,
    /// 'YYYY-MM-DD HH:MM'; empty = now. Not in the future.
    #[serde(default)]
    pub checked_at: String,
    #[serde(default)]
    pub post: String,
    /// The person on duty the finding is about (required unless 在岗正常).
    #[serde(default)]
    #[ts(optional)]
    pub person_id: Option<i64>,
    pub finding: Finding,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DutyCheckQuery {
    /// 'YYYY-MM'.
    pub month: String,
}

const SQL: &str = "SELECT c.id, c.kind, c.checked_at, k.name, c.post, coalesce(p.name, ''), c.staff_id, c.finding, c.note
   FROM duty_checks c
   JOIN staff k ON k.id = c.checker_id
   LEFT JOIN staff p ON p.id = c.staff_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<DutyCheck> {
    let kind: String = r.get(1)?;
    let finding: String = r.get(7)?;
    Ok(DutyCheck {
        id: r.get(0)?,
        kind: CheckKind::from_text(&kind).unwrap_or(CheckKind::Discipline),
        checked_at: r.get(2)?,
        checker: r.get(3)?,
        post: r.get(4)?,
        person: r.get(5)?,
        person_id: r.get(6)?,
        finding: Finding::from_text(&finding).unwrap_or(Finding::Other),
        note: r.get(8)?,
    })
}

/// The checks made in [from, to), oldest first.
pub(crate) fn between(tx: &Transaction, from: &str, to: &str) -> Result<Vec<DutyCheck>> {
    let mut st = tx.prepare_cached(&format!(
        "{SQL} WHERE c.checked_at >= ?1 AND c.checked_at < ?2 ORDER BY c.checked_at, c.id"
    ))?;
    let rows = st
        .query_map(params![from, to], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A month's checks, newest first (the 查岗记录 tab). Leaders only: they are assessments.
pub fn list(store: &mut Store, ctx: &Ctx, query: DutyCheckQuery) -> Result<Vec<DutyCheck>> {
    ctx.require(LEADERS, "查看查岗记录")?;
    let month = Month::parse("month", &query.month)?;
    let (from, to) = (
        format!("{} 00:00:00", month.first),
        format!("{} 00:00:00", month.next_first()),
    );
    store.read(|tx| {
        let mut rows = between(tx, &from, &to)?;
        rows.reverse();
        Ok(rows)
    })
}

/// A supervisor or manager records a check and what it found.
pub fn record(store: &mut Store, ctx: &Ctx, input: DutyCheckInput) -> Result<DutyCheck> {
    let me = ctx.require(LEADERS, "登记查岗记录")?.id;
    let mut errors = FieldErrors::default();
    let at = errors.take(when::happened(
        "checked_at",
        Some(&input.checked_at),
        ctx.now,
        None,
    ));
    let post = errors.take(validate::optional("post", "岗位", &input.post, 30));
    let note = errors.take(validate::optional("note", "检查情况", &input.note, 300));
    if input.finding != Finding::Ok {
        if input.person_id.is_none() {
            errors.add(
                "person_id",
                format!("{}须写明是哪位值班人员", input.finding.label()),
            );
        }
        if note.is_empty() && input.finding == Finding::Other {
            errors.add("note", "请写明发现的问题");
        }
    }
    errors.finish()?;
    store.write(|tx| {
        if let Some(id) = input.person_id {
            let known: Option<String> = tx
                .query_row("SELECT name FROM staff WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if known.is_none() {
                return Err(Error::not_found("person_id", format!("找不到编号为 {id} 的员工")));
            }
        }
        tx.execute(
            "INSERT INTO duty_checks (kind, checked_at, checker_id, post, staff_id, finding, note, entered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                input.kind.code(),
                when::text(at),
                me,
                post,
                input.person_id,
                input.finding.code(),
                note,
                when::text(ctx.now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        let c = tx.query_row(&format!("{SQL} WHERE c.id = ?1"), [id], from_row)?;
        audit::record(
            tx,
            ctx,
            &format!("登记{}", c.kind.label()),
            "duty_checks",
            Some(id),
            &format!("{} {} {} {}", when::minute(&c.checked_at), c.person, c.finding.label(), c.note).trim_end().to_string(),
        )?;
        Ok(c)
    })
}

#[cfg(test)]
mod tests;
