//! Signing a handover (R-HO-5): each party with their own password, then locked; corrections are
//! addenda; the incoming person signs only after confirming 已阅值班日志, and may write what must
//! be followed up (R-HO-3); the morning desk confirms it read security's night record (R-HO-7).

use rusqlite::params;
use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::ANYONE;
use crate::base::when;
use crate::store::Store;
use crate::{base::audit, base::validate, setup::accounts};

use super::*;

use super::record::mark_arrival;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SignInput {
    pub id: i64,
    pub party: Party,
    /// The signer's own password, typed at the desk.
    pub password: String,
    /// The incoming person has read the duty log (the outgoing notes, open items, anomalies):
    /// required to sign as incoming (R-HO-3).
    #[serde(default)]
    pub read_log: bool,
    /// What the incoming person records must be followed up (optional; incoming only).
    #[serde(default)]
    pub follow_up: String,
}

/// One party signs with their own password. When both have signed the record is locked and
/// the number of items carried over is kept. A handover from the night shift cannot be
/// completed while night-log entries are still unhandled (R-HO-6).
pub fn sign(store: &mut Store, ctx: &Ctx, input: SignInput) -> Result<Handover> {
    ctx.require(ANYONE, "交接班签字")?;
    let h = store.read(|tx| load(tx, input.id))?;
    if h.status == HandoverStatus::Signed {
        return Err(Error::conflict(
            "id",
            format!("交接班记录 {} 已签字锁定", h.serial),
        ));
    }
    let signer = if input.party == Party::Outgoing {
        &h.outgoing
    } else {
        &h.incoming
    };
    let follow_up = validate::optional("follow_up", "需跟进事项", &input.follow_up, 1000)?;
    if input.party == Party::Incoming && !input.read_log {
        return Err(Error::invalid(
            "read_log",
            "请接班人先阅读值班日志（交班人填写的工作情况、未办结事项和异常情况），勾选“已阅值班日志”后再签字",
        ));
    }
    if input.party == Party::Outgoing && !follow_up.is_empty() {
        return Err(Error::invalid(
            "follow_up",
            "需跟进事项由接班人在签字时填写",
        ));
    }
    if input.password.is_empty() {
        return Err(Error::invalid(
            "password",
            format!("请{}{}输入自己的密码", input.party.label(), signer.name),
        ));
    }
    // The password check is its own transaction on purpose: a wrong password is counted (and
    // may lock the account) even though the signature is refused.
    accounts::verify(store, ctx.now, signer.id, &input.password).map_err(|e| match e {
        Error::WrongPassword(_) => {
            Error::invalid("password", format!("{} 的密码不正确", signer.name))
        }
        Error::NotFound { .. } => Error::invalid(
            "password",
            format!(
                "{} 没有登录账号，不能签字；请主管先为其开通账号",
                signer.name
            ),
        ),
        other => other,
    })?;
    sign_as(store, ctx, input.id, input.party, &follow_up)
}

/// The signature itself, once the signer is known to be who they say (the password checked by
/// `sign`; the half-finished-period generator signs as its people directly). An incoming
/// signature records that the duty log was read, and the follow-up notes.
pub(crate) fn sign_as(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    party: Party,
    follow_up: &str,
) -> Result<Handover> {
    let input = SignParty { id, party };
    store.write(|tx| {
        let h = load(tx, input.id)?;
        if h.status == HandoverStatus::Signed {
            return Err(Error::conflict("id", format!("交接班记录 {} 已签字锁定", h.serial)));
        }
        let already = if input.party == Party::Outgoing { &h.outgoing_signed_at } else { &h.incoming_signed_at };
        if already.is_some() {
            return Err(Error::conflict("party", format!("{}已经签过字", input.party.label())));
        }
        let other_signed = if input.party == Party::Outgoing { h.incoming_signed_at.is_some() } else { h.outgoing_signed_at.is_some() };
        if other_signed && h.from_night {
            let pending = pulled::unhandled_night_log(tx, ctx.now)?;
            if pending > 0 {
                return Err(Error::conflict(
                    "night_log",
                    format!("还有 {pending} 条夜间值班记录未转为派工单/投诉或标记已处理，处理后才能完成早班交接"),
                ));
            }
        }
        if input.party == Party::Incoming && h.arrived_at.is_none() {
            mark_arrival(tx, &h, ctx.now)?;
        }
        let col = if input.party == Party::Outgoing { "outgoing_signed_at" } else { "incoming_signed_at" };
        tx.execute(&format!("UPDATE handovers SET {col} = ?1 WHERE id = ?2"), params![when::text(ctx.now), h.id])?;
        if input.party == Party::Incoming {
            tx.execute(
                "UPDATE handovers SET log_read_at = ?1, follow_up = ?2 WHERE id = ?3",
                params![when::text(ctx.now), follow_up, h.id],
            )?;
            audit::record(tx, ctx, "已阅值班日志", "handovers", Some(h.id), follow_up)?;
        }
        audit::record(tx, ctx, "交接班签字", "handovers", Some(h.id), &format!("{} {}", input.party.label(), signer_name(&h, input.party)))?;
        if other_signed {
            tx.execute(
                "UPDATE handovers SET status = 'signed', carried_over = (SELECT count(*) FROM handover_open_items WHERE handover_id = ?1) WHERE id = ?1",
                [h.id],
            )?;
            audit::record(tx, ctx, "交接班完成", "handovers", Some(h.id), &h.serial)?;
        }
        load(tx, h.id)
    })
}

struct SignParty {
    id: i64,
    party: Party,
}

fn signer_name(h: &Handover, p: Party) -> String {
    if p == Party::Outgoing {
        h.outgoing.name.clone()
    } else {
        h.incoming.name.clone()
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AddendumInput {
    pub id: i64,
    pub text: String,
}

/// A correction to a signed record: a new row pointing at it.
pub fn add_addendum(store: &mut Store, ctx: &Ctx, input: AddendumInput) -> Result<Handover> {
    let me = ctx.require(ANYONE, "追加补充说明")?.id;
    let text = validate::required("text", "补充说明", &input.text, 1000)?;
    store.write(|tx| {
        let h = load(tx, input.id)?;
        if h.status != HandoverStatus::Signed {
            return Err(Error::conflict("id", "记录尚未签字，请直接修改内容"));
        }
        tx.execute(
            "INSERT INTO handover_addenda (handover_id, text, written_at, written_by) VALUES (?1, ?2, ?3, ?4)",
            params![h.id, text, when::text(ctx.now), me],
        )?;
        audit::record(tx, ctx, "追加交接补充说明", "handovers", Some(h.id), &text)?;
        load(tx, h.id)
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SecurityReadInput {
    pub id: i64,
    #[serde(default)]
    pub note: String,
}

/// Next morning the desk records it has read security's night record (R-HO-7).
pub fn read_security_record(
    store: &mut Store,
    ctx: &Ctx,
    input: SecurityReadInput,
) -> Result<Handover> {
    let me = ctx.require(ANYONE, "确认已阅夜间记录")?.id;
    let note = validate::optional("note", "备注", &input.note, 300)?;
    store.write(|tx| {
        let h = load(tx, input.id)?;
        if h.kind != HandoverKind::Security {
            return Err(Error::invalid("id", "只有移交秩序维护岗的交接需要确认夜间记录"));
        }
        if h.security_read.is_some() {
            return Err(Error::conflict("id", "已经确认过"));
        }
        tx.execute(
            "INSERT INTO security_night_reads (handover_id, read_at, read_by, note) VALUES (?1, ?2, ?3, ?4)",
            params![h.id, when::text(ctx.now), me, note],
        )?;
        audit::record(tx, ctx, "已阅秩序维护岗夜间记录", "handovers", Some(h.id), &note)?;
        load(tx, h.id)
    })
}
