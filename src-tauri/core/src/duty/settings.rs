//! The office's duty settings: minimum rest, arrival lead before a handover, publishing lead,
//! and when a shift change without a signed handover is flagged.

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::SETUP_EDITORS;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DutySettings {
    /// 两班之间最少休息(分钟).
    pub min_rest_minutes: i64,
    /// 接班人应提前到岗(分钟), R-DU-7.
    pub arrival_lead_minutes: i64,
    /// 值班表应提前发布(天), R-DU-5.
    pub publish_lead_days: i64,
    /// 交接班后多久仍未双方签字即为未交接(分钟), R-HO-8.
    pub handover_due_minutes: i64,
}

pub fn load(tx: &Transaction) -> Result<DutySettings> {
    Ok(tx.query_row(
        "SELECT min_rest_minutes, arrival_lead_minutes, publish_lead_days, handover_due_minutes FROM duty_settings WHERE id = 1",
        [],
        |r| Ok(DutySettings { min_rest_minutes: r.get(0)?, arrival_lead_minutes: r.get(1)?, publish_lead_days: r.get(2)?, handover_due_minutes: r.get(3)? }),
    )?)
}

pub fn get(store: &mut Store, ctx: &Ctx) -> Result<DutySettings> {
    ctx.actor()?;
    store.read(load)
}

pub fn update(store: &mut Store, ctx: &Ctx, input: DutySettings) -> Result<DutySettings> {
    ctx.require(SETUP_EDITORS, "修改值班设置")?;
    if !(0..=1440).contains(&input.min_rest_minutes) {
        return Err(Error::invalid(
            "min_rest_minutes",
            "最少休息时间应在 0 到 1440 分钟之间",
        ));
    }
    if !(0..=120).contains(&input.arrival_lead_minutes) {
        return Err(Error::invalid(
            "arrival_lead_minutes",
            "提前到岗时间应在 0 到 120 分钟之间",
        ));
    }
    if !(0..=31).contains(&input.publish_lead_days) {
        return Err(Error::invalid(
            "publish_lead_days",
            "提前发布天数应在 0 到 31 天之间",
        ));
    }
    if !(10..=1440).contains(&input.handover_due_minutes) {
        return Err(Error::invalid(
            "handover_due_minutes",
            "未交接提醒时间应在 10 到 1440 分钟之间",
        ));
    }
    store.write(|tx| {
        let before = load(tx)?;
        tx.execute(
            "UPDATE duty_settings SET min_rest_minutes = ?1, arrival_lead_minutes = ?2, publish_lead_days = ?3,
                 handover_due_minutes = ?4 WHERE id = 1",
            params![input.min_rest_minutes, input.arrival_lead_minutes, input.publish_lead_days, input.handover_due_minutes],
        )?;
        audit::record(tx, ctx, "修改值班设置", "duty_settings", Some(1), &audit::diff(&before, &input))?;
        Ok(input)
    })
}
