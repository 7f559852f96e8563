//! The night log's morning conversion (R-HO-6): each unconverted night-log entry becomes a
//! dispatch slip or a complaint, or is marked settled — all decisions in one transaction, so the
//! handover either converts the whole batch or nothing.

use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::DESK;
use crate::base::validate;
use crate::desk::complaints::{self, ComplaintCategory, OpenComplaintInput, Urgency};
use crate::desk::slips::{self, OpenSlipInput};
use crate::store::Store;
use rusqlite::Transaction;

use crate::desk::intake::{self, get, load_raw, IntakeEntry, NightDecision};

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NightLogDecision {
    pub intake_id: i64,
    pub action: NightDecision,
    /// For a slip: the service category (defaults to the entry's).
    #[serde(default)]
    pub category: Option<String>,
    /// For a complaint.
    #[serde(default)]
    pub complaint_category: Option<ComplaintCategory>,
    #[serde(default)]
    pub urgency: Option<Urgency>,
    /// For settled: what was done.
    #[serde(default)]
    pub outcome: String,
}

pub fn convert_night_log(
    store: &mut Store,
    ctx: &Ctx,
    items: Vec<NightLogDecision>,
) -> Result<Vec<IntakeEntry>> {
    ctx.require(DESK, "转换夜间值班记录")?;
    if items.is_empty() {
        return Err(Error::invalid("items", "请至少选择一条夜间记录"));
    }
    store.write(|tx| {
        let mut out = Vec::new();
        for (i, d) in items.iter().enumerate() {
            let converted = convert_one(tx, ctx, d).map_err(|e| e.within(&format!("items.{i}")))?;
            out.push(converted);
        }
        Ok(out)
    })
}

/// One decision; its errors name the decision's own fields (`outcome`, `category`, …).
fn convert_one(tx: &Transaction, ctx: &Ctx, d: &NightLogDecision) -> Result<IntakeEntry> {
    let night: bool = tx
        .query_row(
            "SELECT night_log FROM intake_entries WHERE id = ?1",
            [d.intake_id],
            |r| r.get(0),
        )
        .map_err(|_| {
            Error::not_found("intake_id", format!("找不到编号为 {} 的登记", d.intake_id))
        })?;
    if !night {
        return Err(Error::conflict(
            "intake_id",
            format!("登记 {} 不是夜间值班记录", d.intake_id),
        ));
    }
    let e = load_raw(tx, d.intake_id)?;
    if e.finished {
        return Err(Error::conflict(
            "intake_id",
            format!("夜间记录 {} 已经处理过", d.intake_id),
        ));
    }
    match d.action {
        NightDecision::Slip => {
            slips::open_in(
                tx,
                ctx,
                &OpenSlipInput {
                    intake_id: d.intake_id,
                    category: d.category.clone(),
                    ..Default::default()
                },
            )?;
        }
        NightDecision::Complaint => {
            let category = d
                .complaint_category
                .ok_or_else(|| Error::invalid("complaint_category", "请选择投诉类别"))?;
            complaints::open_in(
                tx,
                ctx,
                &OpenComplaintInput {
                    intake_id: d.intake_id,
                    category: Some(category),
                    urgency: d.urgency.or(Some(Urgency::Normal)),
                    ..Default::default()
                },
            )?;
        }
        NightDecision::Settled => {
            let outcome = validate::required("outcome", "处理结果", &d.outcome, 500)?;
            intake::finish_in(
                tx,
                ctx,
                d.intake_id,
                &outcome,
                Some(intake::NightDecision::Settled),
            )?;
        }
    }
    get(tx, d.intake_id)
}
