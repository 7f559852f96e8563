//! The dispatch slip's state machine (R-DS-4): every legal step, the states it starts from, where
//! it goes, who may take it and whether it needs a reason. Anything not listed here is refused.

use crate::base::ctx::{Actor, Ctx};
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::coded_enum;

coded_enum!(SlipState {
    Opened = ("opened", "待派工"),
    Dispatched = ("dispatched", "已派工"),
    Accepted = ("accepted", "已接单"),
    OnSite = ("on_site", "已到场"),
    Done = ("done", "已完工"),
    ReturnVisited = ("return_visited", "已回访"),
    Closed = ("closed", "已关闭"),
    Paused = ("paused", "已暂停"),
    Cancelled = ("cancelled", "已作废"),
});

impl SlipState {
    /// Work still to do: the time limit runs (unless paused) and the slip is on the open boards.
    pub fn is_working(self) -> bool {
        matches!(
            self,
            SlipState::Opened
                | SlipState::Dispatched
                | SlipState::Accepted
                | SlipState::OnSite
                | SlipState::Paused
        )
    }
    /// Not closed and not cancelled.
    pub fn is_open(self) -> bool {
        !matches!(self, SlipState::Closed | SlipState::Cancelled)
    }
}

coded_enum!(SlipAction {
    Open = ("open", "开单"),
    Dispatch = ("dispatch", "派工"),
    Transfer = ("transfer", "转派"),
    Accept = ("accept", "接单"),
    Return = ("return", "退单"),
    Arrive = ("arrive", "到场"),
    Complete = ("complete", "完工"),
    ReturnVisit = ("return_visit", "回访"),
    VisitAttempt = ("visit_attempt", "回访未接通"),
    Close = ("close", "关闭"),
    Pause = ("pause", "暂停"),
    Resume = ("resume", "恢复"),
    Cancel = ("cancel", "作废"),
    Reopen = ("reopen", "重新派工"),
    Escalate = ("escalate", "转主管"),
});

pub struct Rule {
    pub action: SlipAction,
    pub from: &'static [SlipState],
    /// None: the target depends on the slip (resume → the state it was paused in;
    /// return visit → closed-loop or reopened).
    pub to: Option<SlipState>,
    pub roles: &'static [Role],
    /// The slip's assignee may take it too, whatever their role or department (R-DS-2: every
    /// department works its own slips: a 秩序维护 slip is accepted and completed by the guard).
    pub assignee_may: bool,
    pub needs_reason: bool,
}

use crate::base::role::{DESK, ON_BEHALF_OF_WORKERS, SUPERVISOR};
use SlipState::*;

pub const RULES: &[Rule] = &[
    Rule {
        action: SlipAction::Dispatch,
        from: &[Opened],
        to: Some(Dispatched),
        roles: DESK,
        assignee_may: false,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::Transfer,
        from: &[Dispatched, Accepted],
        to: Some(Dispatched),
        roles: DESK,
        assignee_may: false,
        needs_reason: true,
    },
    Rule {
        action: SlipAction::Accept,
        from: &[Dispatched],
        to: Some(Accepted),
        roles: ON_BEHALF_OF_WORKERS,
        assignee_may: true,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::Return,
        from: &[Dispatched, Accepted],
        to: Some(Opened),
        roles: ON_BEHALF_OF_WORKERS,
        assignee_may: true,
        needs_reason: true,
    },
    Rule {
        action: SlipAction::Arrive,
        from: &[Accepted],
        to: Some(OnSite),
        roles: ON_BEHALF_OF_WORKERS,
        assignee_may: true,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::Complete,
        from: &[OnSite],
        to: Some(Done),
        roles: ON_BEHALF_OF_WORKERS,
        assignee_may: true,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::ReturnVisit,
        from: &[Done],
        to: None,
        roles: DESK,
        assignee_may: false,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::VisitAttempt,
        from: &[Done],
        to: Some(Done),
        roles: DESK,
        assignee_may: false,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::Close,
        from: &[ReturnVisited],
        to: Some(Closed),
        roles: SUPERVISOR,
        assignee_may: false,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::Pause,
        from: &[Opened, Dispatched, Accepted, OnSite],
        to: Some(Paused),
        roles: DESK,
        assignee_may: true,
        needs_reason: true,
    },
    Rule {
        action: SlipAction::Resume,
        from: &[Paused],
        to: None,
        roles: DESK,
        assignee_may: true,
        needs_reason: false,
    },
    Rule {
        action: SlipAction::Cancel,
        from: &[Opened, Dispatched, Accepted, OnSite, Paused],
        to: Some(Cancelled),
        roles: SUPERVISOR,
        assignee_may: false,
        needs_reason: true,
    },
    Rule {
        action: SlipAction::Reopen,
        from: &[Done, ReturnVisited, Closed],
        to: Some(Dispatched),
        roles: SUPERVISOR,
        assignee_may: false,
        needs_reason: true,
    },
];

/// The rule of a user action; `Open` and `Escalate` are recorded by the system, never taken.
pub fn rule(action: SlipAction) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.action == action)
}

/// Checks that `action` may be taken now by this user: the state first (a clear Chinese
/// refusal naming the state), then who: the rule's roles, or the slip's own assignee for a
/// worker's step (only the supervisor records a worker's step for someone else).
pub fn check<'a>(
    ctx: &'a Ctx,
    action: SlipAction,
    state: SlipState,
    assignee: Option<i64>,
) -> Result<&'a Actor> {
    let rule = rule(action)
        .ok_or_else(|| Error::conflict("action", format!("“{}”不能手动操作", action.label())))?;
    if !rule.from.contains(&state) {
        let from: Vec<&str> = rule.from.iter().map(|s| s.label()).collect();
        return Err(Error::conflict(
            "state",
            format!(
                "派工单当前为“{}”，不能{}；只有“{}”的派工单可以{}",
                state.label(),
                action.label(),
                from.join("”“"),
                action.label()
            ),
        ));
    }
    let actor = ctx.actor()?;
    if rule.assignee_may && assignee == Some(actor.id) {
        return Ok(actor);
    }
    if rule.assignee_may && !rule.roles.contains(&actor.role) {
        return Err(Error::forbidden(format!(
            "{}只能处理派给自己的派工单",
            actor.name
        )));
    }
    ctx.require(rule.roles, &format!("{}派工单", action.label()))
}

/// The actions this user may take on a slip in `state` assigned to `assignee`, for the UI's buttons.
pub fn allowed(actor: &Actor, state: SlipState, assignee: Option<i64>) -> Vec<SlipAction> {
    RULES
        .iter()
        .filter(|r| r.from.contains(&state))
        .filter(|r| (r.assignee_may && assignee == Some(actor.id)) || r.roles.contains(&actor.role))
        .map(|r| r.action)
        .collect()
}
