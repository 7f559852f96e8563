//! 出入证 (R-AH-3): a temporary pass for someone who is not a resident (a decorator's worker, a
//! mover, a housekeeper) — name, ID type and number, what for, valid from/to, issued by. Only the
//! masked ID number is stored (110***********1234): the desk checks the card by eye and the
//! register needs no more to identify the pass. The pass is taken back when the work ends; one
//! past its last day and not taken back is an open item of the handover (逾期未收回).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{close, list_tail, optional_room, RegisterCloseInput, RegisterQuery};
use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::ANYONE;
use crate::base::serials::{self, SerialKind};
use crate::base::{phone, validate, when};
use crate::coded_enum;
use crate::store::Store;

coded_enum!(
    /// The identity document shown for a pass.
    IdKind {
        IdCard = ("id_card", "居民身份证", ["身份证"]),
        Passport = ("passport", "护照"),
        HkMacau = ("hk_macau", "港澳居民来往内地通行证", ["回乡证", "港澳通行证"]),
        Other = ("other", "其他证件"),
    }
);

coded_enum!(
    /// Where a pass stands on the day asked.
    EntryPassState {
        Pending = ("pending", "未生效"),
        Valid = ("valid", "有效"),
        Expired = ("expired", "逾期未收回"),
        Returned = ("returned", "已收回"),
        Voided = ("voided", "已作废"),
    }
);

/// The longest a temporary pass may run; a longer stay takes a new pass.
pub const MAX_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EntryPass {
    pub id: i64,
    /// CR-202611-0001
    pub serial: String,
    pub holder_name: String,
    pub holder_phone: String,
    pub id_kind: IdKind,
    /// The ID number as stored: masked (110***********1234).
    pub id_masked: String,
    /// 单位 (the decoration company, the removal firm); may be ''.
    pub company: String,
    /// 事由.
    pub purpose: String,
    /// The room they work at or visit; may be ''.
    pub room: String,
    /// 'YYYY-MM-DD', inclusive.
    pub valid_from: String,
    pub valid_to: String,
    pub issued_at: String,
    pub issued_by: String,
    pub state: EntryPassState,
    pub closed_at: Option<String>,
    pub closed_by: String,
    pub close_note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct EntryPassInput {
    #[serde(default)]
    pub holder_name: String,
    #[serde(default)]
    pub holder_phone: String,
    pub id_kind: IdKind,
    /// The full number as read off the card; only its masked form is kept.
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub room: String,
    /// 'YYYY-MM-DD'; empty = today.
    #[serde(default)]
    pub valid_from: String,
    #[serde(default)]
    pub valid_to: String,
}

/// The number with its middle hidden: the first three and last four of a long number
/// (110***********1234), the first and last two of a short one (E******78).
pub fn mask_id(number: &str) -> String {
    let c: Vec<char> = number.chars().collect();
    let (head, tail) = if c.len() >= 10 { (3, 4) } else { (1, 2) };
    c.iter()
        .enumerate()
        .map(|(i, ch)| {
            if i < head || i + tail >= c.len() {
                *ch
            } else {
                '*'
            }
        })
        .collect()
}

/// Checks the number's shape for its kind and returns it upper-cased, spaces removed.
fn id_number(kind: IdKind, raw: &str) -> Result<String> {
    let n: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if n.is_empty() {
        return Err(Error::invalid("id_number", "请填写证件号码"));
    }
    let ok = match kind {
        IdKind::IdCard => {
            (n.len() == 18
                && n[..17].bytes().all(|b| b.is_ascii_digit())
                && n[17..].bytes().all(|b| b.is_ascii_digit() || b == b'X'))
                || (n.len() == 15 && n.bytes().all(|b| b.is_ascii_digit()))
        }
        _ => {
            (5..=20).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
    };
    if ok {
        Ok(n)
    } else if kind == IdKind::IdCard {
        Err(Error::invalid(
            "id_number",
            "身份证号码应为 18 位（最后一位可以是 X），或旧版 15 位数字",
        ))
    } else {
        Err(Error::invalid(
            "id_number",
            "证件号码应为 5 到 20 位字母或数字",
        ))
    }
}

fn day(field: &str, raw: &str, default: NaiveDate) -> Result<NaiveDate> {
    if raw.trim().is_empty() {
        return Ok(default);
    }
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            format!("日期“{}”格式不正确，应为 2026-11-30", raw.trim()),
        )
    })
}

const SQL: &str =
    "SELECT t.id, t.serial, t.holder_name, t.holder_phone, t.id_kind, t.id_masked, t.company,
        t.purpose, coalesce(r.code, ''), t.valid_from, t.valid_to, t.issued_at, i.name, t.closed_at,
        coalesce(c.name, ''), t.voided, t.close_note
   FROM entry_passes t
   LEFT JOIN rooms r ON r.id = t.room_id
   JOIN staff i ON i.id = t.issued_by
   LEFT JOIN staff c ON c.id = t.closed_by";

fn from_row(r: &rusqlite::Row, today: &str) -> rusqlite::Result<EntryPass> {
    let closed_at: Option<String> = r.get(13)?;
    let voided: bool = r.get(15)?;
    let (valid_from, valid_to): (String, String) = (r.get(9)?, r.get(10)?);
    let kind: String = r.get(4)?;
    Ok(EntryPass {
        id: r.get(0)?,
        serial: r.get(1)?,
        holder_name: r.get(2)?,
        holder_phone: r.get(3)?,
        id_kind: IdKind::from_text(&kind).unwrap_or(IdKind::Other),
        id_masked: r.get(5)?,
        company: r.get(6)?,
        purpose: r.get(7)?,
        room: r.get(8)?,
        state: match (&closed_at, voided) {
            (Some(_), true) => EntryPassState::Voided,
            (Some(_), false) => EntryPassState::Returned,
            (None, _) if today < valid_from.as_str() => EntryPassState::Pending,
            (None, _) if today <= valid_to.as_str() => EntryPassState::Valid,
            (None, _) => EntryPassState::Expired,
        },
        valid_from,
        valid_to,
        issued_at: r.get(11)?,
        issued_by: r.get(12)?,
        closed_at,
        closed_by: r.get(14)?,
        close_note: r.get(16)?,
    })
}

fn query(
    tx: &Transaction,
    now: NaiveDateTime,
    tail: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<EntryPass>> {
    let today = now.date().to_string();
    let mut st = tx.prepare_cached(&format!("{SQL} {tail}"))?;
    let rows = st
        .query_map(args, |r| from_row(r, &today))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn get(tx: &Transaction, now: NaiveDateTime, id: i64) -> Result<EntryPass> {
    query(tx, now, "WHERE t.id = ?1", &[&id])?
        .pop()
        .ok_or_else(|| Error::not_found("id", format!("找不到编号为 {id} 的出入证")))
}

/// By serial (CR-202611-0001), for printing.
pub(crate) fn by_serial(tx: &Transaction, now: NaiveDateTime, serial: &str) -> Result<EntryPass> {
    let s = serial.trim().to_uppercase();
    query(tx, now, "WHERE t.serial = ?1", &[&s])?
        .pop()
        .ok_or_else(|| Error::not_found("serial", format!("找不到出入证 {s}")))
}

/// Passes past their last day and not taken back, the longest overdue first (the handover's
/// 出入证逾期未收回). A pass still valid is not a matter for the next shift.
pub(crate) fn overdue(tx: &Transaction, now: NaiveDateTime) -> Result<Vec<EntryPass>> {
    query(
        tx,
        now,
        "WHERE t.closed_at IS NULL AND t.valid_to < ?1 ORDER BY t.valid_to, t.id",
        &[&now.date().to_string()],
    )
}

/// The register, open passes first (the soonest to end first), then the closed, newest first.
pub fn list(store: &mut Store, ctx: &Ctx, q: RegisterQuery) -> Result<Vec<EntryPass>> {
    ctx.require(ANYONE, "查看出入证")?;
    let tail = list_tail(
        &q,
        "CASE WHEN t.closed_at IS NULL THEN t.valid_to END, t.issued_at DESC",
    );
    store.read(|tx| query(tx, ctx.now, &tail, &[]))
}

pub fn show(store: &mut Store, ctx: &Ctx, id: i64) -> Result<EntryPass> {
    ctx.require(ANYONE, "查看出入证")?;
    store.read(|tx| get(tx, ctx.now, id))
}

/// The desk issues a temporary pass.
pub fn issue(store: &mut Store, ctx: &Ctx, input: EntryPassInput) -> Result<EntryPass> {
    let me = ctx.require(ANYONE, "办理出入证")?.id;
    let today = ctx.now.date();
    let mut errors = FieldErrors::default();
    let holder = errors.take(validate::required(
        "holder_name",
        "持证人姓名",
        &input.holder_name,
        30,
    ));
    let holder_phone = errors.take(phone::normalize_optional(
        "holder_phone",
        &input.holder_phone,
    ));
    let number = errors.take(id_number(input.id_kind, &input.id_number));
    let company = errors.take(validate::optional("company", "单位", &input.company, 40));
    let purpose = errors.take(validate::required("purpose", "事由", &input.purpose, 100));
    let from = errors.take(day("valid_from", &input.valid_from, today));
    let to = if input.valid_to.trim().is_empty() {
        errors.add("valid_to", "请填写有效期至哪一天");
        from
    } else {
        errors.take(day("valid_to", &input.valid_to, today))
    };
    if from < today {
        errors.add("valid_from", "有效期不能从过去的日期开始");
    } else if !input.valid_to.trim().is_empty() && to < from {
        errors.add("valid_to", "有效期截止日不能早于起始日");
    } else if (to - from).num_days() > MAX_DAYS {
        errors.add("valid_to", format!("出入证最长有效 {MAX_DAYS} 天"));
    }
    errors.finish()?;
    store.write(|tx| {
        let room = optional_room(tx, &input.room)?;
        let serial = serials::next(tx, SerialKind::EntryPass, ctx.now)?;
        tx.execute(
            "INSERT INTO entry_passes (serial, holder_name, holder_phone, id_kind, id_masked, company, purpose,
                 room_id, valid_from, valid_to, issued_at, issued_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                serial,
                holder,
                holder_phone,
                input.id_kind.code(),
                mask_id(&number),
                company,
                purpose,
                room.as_ref().map(|r| r.id),
                from.to_string(),
                to.to_string(),
                when::text(ctx.now),
                me
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(tx, ctx, "办理出入证", "entry_passes", Some(id), &format!("{serial} {holder} {from} 至 {to}"))?;
        get(tx, ctx.now, id)
    })
}

/// The pass is taken back (or voided).
pub fn take_back(store: &mut Store, ctx: &Ctx, input: RegisterCloseInput) -> Result<EntryPass> {
    ctx.require(ANYONE, "收回出入证")?;
    store.write(|tx| {
        close(tx, ctx, "entry_passes", "出入证", "收回", &input)?;
        get(tx, ctx.now, input.id)
    })
}
