//! The return visit on a done slip (R-DS-6): answered, it closes the loop or — unsatisfied —
//! reopens the slip or sends it to the supervisor; unanswered, it is one more attempt.

use rusqlite::params;
use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::base::when;
use crate::desk::visits::{clean, insert, Satisfaction, VisitFollowUp, VisitInput, VisitMethod};
use crate::store::Store;

use super::{reopen_in, step_in, Slip, SlipAction, SlipState};

/// A return visit on a slip: the visit's fields plus the slip (flat, so the CLI's flags map 1:1).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SlipVisitInput {
    pub slip_id: i64,
    pub method: VisitMethod,
    pub answered: bool,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub satisfaction: Option<Satisfaction>,
    #[serde(default)]
    pub follow_up: Option<VisitFollowUp>,
    #[serde(default)]
    pub at: Option<String>,
}

impl SlipVisitInput {
    pub fn new(slip_id: i64, v: VisitInput) -> Self {
        SlipVisitInput {
            slip_id,
            method: v.method,
            answered: v.answered,
            result: v.result,
            satisfaction: v.satisfaction,
            follow_up: v.follow_up,
            at: v.at,
        }
    }
    pub fn visit(&self) -> VisitInput {
        VisitInput {
            method: self.method,
            answered: self.answered,
            result: self.result.clone(),
            satisfaction: self.satisfaction,
            follow_up: self.follow_up,
            at: self.at.clone(),
        }
    }
}

/// Records a return visit (or an unanswered attempt) on a done slip.
pub fn visit_slip(store: &mut Store, ctx: &Ctx, input: SlipVisitInput) -> Result<Slip> {
    ctx.require(crate::base::role::DESK, "回访")?;
    let visit = input.visit();
    let v = clean(&visit, true)?;
    store.write(|tx| {
        let action = if v.answered { SlipAction::ReturnVisit } else { SlipAction::VisitAttempt };
        step_in(tx, ctx, input.slip_id, action, &v.result, visit.at.as_deref(), |slip, at| {
            insert(tx, ctx, Some(slip.id), None, at, &v)?;
            let to = match (v.answered, v.follow_up) {
                (false, _) => SlipState::Done,
                (true, Some(VisitFollowUp::Reopened)) => {
                    reopen_in(tx, slip.id, at)?;
                    SlipState::Dispatched
                }
                (true, Some(VisitFollowUp::ToSupervisor)) => {
                    tx.execute(
                        "UPDATE dispatch_slips SET state = 'return_visited', supervisor_review_at = ?1 WHERE id = ?2",
                        params![when::text(at), slip.id],
                    )?;
                    SlipState::ReturnVisited
                }
                (true, None) => {
                    tx.execute("UPDATE dispatch_slips SET state = 'return_visited' WHERE id = ?1", [slip.id])?;
                    SlipState::ReturnVisited
                }
            };
            Ok((to, slip.assignee_id))
        })
    })
}
