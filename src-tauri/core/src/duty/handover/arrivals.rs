//! Everyone taking over at a shift change (R-DU-7, R-DU-12): besides the handover's incoming
//! person, the roster may start others at the same minute — the second receptionist on 白班, a
//! technician on the day shift. Each one's arrival is recorded here and judged late the same way
//! (after the change minus the office's arrival lead). A desk handover lists the people of the
//! desk's side, a security handover the security officers.

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{load, Handover, HandoverKind};
use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::{Role, ANYONE};
use crate::base::{audit, when};
use crate::duty::on_duty::time_or_now;
use crate::duty::roster::plan::{self, StaffBrief};
use crate::duty::settings as duty_settings;
use crate::duty::shifts::ShiftPlace;
use crate::setup::staff::StaffId;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CoArrival {
    pub staff: StaffBrief,
    /// The shift they start (白班…); empty for someone recorded though no longer on the roster.
    pub shift_name: String,
    pub arrived_at: Option<String>,
    pub late: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CoArrivalInput {
    /// The handover.
    pub id: i64,
    pub staff_id: StaffId,
    /// Default: now.
    #[serde(default)]
    pub arrived_at: Option<String>,
}

/// The people (other than the incoming person) starting a shift at handover `h`'s change, with
/// their arrival where recorded, in roster order.
pub(super) fn of(tx: &Transaction, h: &Handover) -> Result<Vec<CoArrival>> {
    let Some(change) = when::stored(&h.change_at) else {
        return Ok(Vec::new());
    };
    let security_side = h.kind == HandoverKind::Security;
    let mut out: Vec<CoArrival> = plan::effective(tx, change.date(), change.date(), None, &[])?
        .into_iter()
        .filter(|a| {
            a.shift.place == ShiftPlace::Desk
                && a.shift.span(a.day).0 == change
                && a.staff.id != h.incoming.id
                && (a.staff.role == Role::Security) == security_side
        })
        .map(|a| CoArrival {
            staff: a.staff,
            shift_name: a.shift.name,
            arrived_at: None,
            late: false,
        })
        .collect();
    let mut st = tx.prepare_cached(
        "SELECT staff_id, arrived_at, late FROM shift_arrivals WHERE handover_id = ?1 ORDER BY id",
    )?;
    let recorded = st
        .query_map([h.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (staff, at, late) in recorded {
        match out.iter_mut().find(|c| c.staff.id == staff) {
            Some(c) => {
                c.arrived_at = Some(at);
                c.late = late;
            }
            None => out.push(CoArrival {
                staff: plan::brief(tx, staff)?,
                shift_name: String::new(),
                arrived_at: Some(at),
                late,
            }),
        }
    }
    Ok(out)
}

/// Records (or corrects) when one of the people taking over at the change arrived. Allowed after
/// signing too: it is not part of the signed record.
pub fn record(store: &mut Store, ctx: &Ctx, input: CoArrivalInput) -> Result<Handover> {
    let me = ctx.require(ANYONE, "登记到岗时间")?.id;
    let at = time_or_now("arrived_at", input.arrived_at.as_deref(), ctx.now)?;
    if at > ctx.now {
        return Err(Error::invalid("arrived_at", "到岗时间不能晚于现在"));
    }
    store.write(|tx| {
        let h = load(tx, input.id)?;
        let who = h
            .co_arrivals
            .iter()
            .find(|c| c.staff.id == input.staff_id)
            .map(|c| c.staff.clone())
            .ok_or_else(|| {
                Error::invalid("staff_id", "此人不在这次交接时接班（值班表上没有在这一时刻开始的班次）")
            })?;
        let change = when::stored(&h.change_at)
            .ok_or_else(|| Error::Integrity("交接时间无法读取".into()))?;
        if at < change - Duration::hours(6) {
            return Err(Error::invalid(
                "arrived_at",
                format!("到岗时间早于交接时间 {} 六小时以上，请核对", &h.change_at[..16]),
            ));
        }
        let late = is_late(tx, change, at)?;
        tx.execute(
            "INSERT INTO shift_arrivals (handover_id, staff_id, arrived_at, late, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (handover_id, staff_id) DO UPDATE SET arrived_at = excluded.arrived_at, late = excluded.late,
               recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
            params![h.id, who.id, when::text(at), late, me, ctx.now.format(TIME_FORMAT).to_string()],
        )?;
        audit::record(
            tx,
            ctx,
            "登记到岗时间",
            "handovers",
            Some(h.id),
            &format!("{} {}{}", who.name, when::text(at), if late { " 迟到" } else { "" }),
        )?;
        load(tx, h.id)
    })
}

/// Late: after the change minus the office's arrival lead (one rule for everyone taking over).
pub(super) fn is_late(tx: &Transaction, change: NaiveDateTime, at: NaiveDateTime) -> Result<bool> {
    let lead = duty_settings::load(tx)?.arrival_lead_minutes;
    Ok(at > change - Duration::minutes(lead))
}
