//! Deciding a swap or leave request (R-DU-4, R-ROLE-1): the roster changes it would make, approval that applies them or is refused with the reason, and rejection or withdrawal.

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, Result};
use crate::base::role::Role;
use crate::base::role::ROSTER_EDITORS;
use crate::duty::roster::check;
use crate::duty::roster::plan::{self, Change, DAY_FORMAT};
use crate::duty::roster::{roster_id, Month, RosterStatus};
use crate::setup::staff::StaffId;
use crate::store::Store;
use crate::{base::audit, base::validate};
use chrono::Duration;
use rusqlite::{params, Transaction};

use super::*;

/// The roster changes an approval would make.
pub(super) fn changes_for(
    tx: &Transaction,
    req: &DutyRequest,
    substitute: Option<StaffId>,
) -> Result<Vec<Change>> {
    let from = parse_day("from_day", &req.from_day)?;
    let to = parse_day("to_day", &req.to_day)?;
    let mut out = Vec::new();
    match req.kind {
        RequestKind::Leave => {
            for day in from.iter_days().take_while(|d| *d <= to) {
                let Some(shift) = plan::shift_of(tx, req.staff.id, day)? else {
                    continue;
                };
                out.push(Change {
                    staff_id: req.staff.id,
                    day,
                    shift_id: None,
                });
                // Without a substitute the person is simply off; the check below refuses if that leaves a gap.
                let Some(sub) = substitute else { continue };
                if sub == req.staff.id {
                    return Err(Error::invalid("substitute_id", "顶班人员不能是请假人本人"));
                }
                if let Some(own) = plan::shift_of(tx, sub, day)? {
                    let name = plan::brief(tx, sub)?.name;
                    return Err(Error::conflict(
                        "substitute_id",
                        format!("{name} 在 {} 已有{}，不能顶班", md(day), own.name),
                    ));
                }
                out.push(Change {
                    staff_id: sub,
                    day,
                    shift_id: Some(shift.id),
                });
            }
        }
        RequestKind::Swap => {
            let other = req
                .other_staff
                .as_ref()
                .ok_or_else(|| Error::invalid("other_staff_id", "调班缺少对方"))?;
            let mine = plan::shift_of(tx, req.staff.id, from)?.ok_or_else(|| {
                Error::conflict(
                    "from_day",
                    format!("{} 在 {} 已没有班次", req.staff.name, md(from)),
                )
            })?;
            let back = req
                .other_day
                .as_deref()
                .map(|d| parse_day("other_day", d))
                .transpose()?;
            match back {
                Some(d2) if d2 == from => {
                    let theirs = plan::shift_of(tx, other.id, from)?.ok_or_else(|| {
                        Error::conflict(
                            "other_day",
                            format!("{} 在 {} 没有班次可换", other.name, md(from)),
                        )
                    })?;
                    out.push(Change {
                        staff_id: req.staff.id,
                        day: from,
                        shift_id: Some(theirs.id),
                    });
                    out.push(Change {
                        staff_id: other.id,
                        day: from,
                        shift_id: Some(mine.id),
                    });
                }
                _ => {
                    if let Some(own) = plan::shift_of(tx, other.id, from)? {
                        return Err(Error::conflict(
                            "other_staff_id",
                            format!("{} 在 {} 已有{}", other.name, md(from), own.name),
                        ));
                    }
                    out.push(Change {
                        staff_id: req.staff.id,
                        day: from,
                        shift_id: None,
                    });
                    out.push(Change {
                        staff_id: other.id,
                        day: from,
                        shift_id: Some(mine.id),
                    });
                    if let Some(d2) = back {
                        let theirs = plan::shift_of(tx, other.id, d2)?.ok_or_else(|| {
                            Error::conflict(
                                "other_day",
                                format!("{} 在 {} 没有班次可换", other.name, md(d2)),
                            )
                        })?;
                        if let Some(own) = plan::shift_of(tx, req.staff.id, d2)? {
                            return Err(Error::conflict(
                                "other_day",
                                format!("{} 在 {} 已有{}", req.staff.name, md(d2), own.name),
                            ));
                        }
                        out.push(Change {
                            staff_id: other.id,
                            day: d2,
                            shift_id: None,
                        });
                        out.push(Change {
                            staff_id: req.staff.id,
                            day: d2,
                            shift_id: Some(theirs.id),
                        });
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Why approving `req` would change nothing: its month has no roster, or the person has no
/// shift on those days. Said instead of an approval that claims the roster was adjusted.
pub(super) fn nothing_to_change(tx: &Transaction, req: &DutyRequest) -> Result<Error> {
    let from = parse_day("from_day", &req.from_day)?;
    let to = parse_day("to_day", &req.to_day)?;
    let mut months: Vec<Month> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .map(Month::of)
        .collect();
    months.dedup();
    for m in months {
        if roster_id(tx, m)?.is_none() {
            return Ok(Error::conflict(
                "from_day",
                format!(
                    "{}的值班表尚未建立，批准后无从调整；请先排出该月值班表，或驳回",
                    m.said()
                ),
            ));
        }
    }
    let days = if from == to {
        md(from)
    } else {
        format!("{}–{}", md(from), md(to))
    };
    Ok(Error::conflict(
        "from_day",
        format!(
            "{} 在 {days} 没有排班，批准不会改变值班表；如无需调整，请驳回并说明",
            req.staff.name
        ),
    ))
}

/// Approves: checks the approver's authority, applies the changes as overrides, and refuses if
/// any affected month would then have a gap or problem it did not have before.
pub fn approve(store: &mut Store, ctx: &Ctx, input: DecisionInput) -> Result<DutyRequest> {
    let me = ctx.require(ROSTER_EDITORS, "审批调班/请假")?.clone();
    let note = validate::optional("note", "审批意见", &input.note, 200)?;
    store.write(|tx| {
        let req = get_tx(tx, input.id)?;
        if req.status != RequestStatus::Pending {
            return Err(Error::conflict("id", format!("该申请{}，不能再审批", req.status.label())));
        }
        if req.kind == RequestKind::Leave && req.days > SUPERVISOR_LEAVE_DAYS && me.role != Role::Manager {
            return Err(Error::forbidden(format!(
                "请假 {} 天超过 {SUPERVISOR_LEAVE_DAYS} 天，需由项目经理审批",
                req.days
            )));
        }
        if req.staff.id == me.id {
            return Err(Error::forbidden("不能审批自己的申请"));
        }
        let from = parse_day("from_day", &req.from_day)?;
        if from < ctx.now.date() {
            return Err(Error::conflict("from_day", "申请的日期已经过去，请驳回"));
        }
        let substitute = if req.kind == RequestKind::Leave { input.substitute_id } else { None };
        let changes = changes_for(tx, &req, substitute)?;
        if changes.is_empty() {
            return Err(nothing_to_change(tx, &req)?);
        }
        let mut months: Vec<Month> = changes.iter().map(|c| Month::of(c.day)).collect();
        // A change on the last day of a month reaches into the next through a night shift.
        months.extend(changes.iter().map(|c| Month::of(c.day + Duration::days(1))));
        months.sort_by_key(|m| m.first);
        months.dedup();
        for m in &months {
            let roster = roster_id(tx, *m)?;
            let touched = changes.iter().any(|c| Month::of(c.day) == *m);
            let draft = match roster {
                Some((_, RosterStatus::Published)) => None,
                Some((id, RosterStatus::Draft)) if touched => Some(id),
                _ if !touched => continue,
                _ => return Err(Error::conflict("from_day", format!("{}的值班表尚未建立，批准后无从调整；请先排出该月值班表，或驳回", m.said()))),
            };
            let before = check::month(tx, *m, draft, &[])?;
            let after = check::month(tx, *m, draft, &changes)?;
            let old = before.lines();
            let new: Vec<String> = after.lines().into_iter().filter(|l| !old.contains(l)).collect();
            if !new.is_empty() {
                return Err(Error::conflict(
                    if after.gaps.len() > before.gaps.len() { "gaps" } else { "substitute_id" },
                    format!("批准后值班安排会出现问题，不能批准：{}", new.join("；")),
                ));
            }
        }
        for c in &changes {
            let day = c.day.format(DAY_FORMAT).to_string();
            let prev = plan::shift_of(tx, c.staff_id, c.day)?.map(|s| s.id);
            // A draft is still the supervisor's to edit: the change goes into its cells, and the
            // request keeps a record of it. A published roster is never rewritten: the change is
            // laid over it.
            let draft = match roster_id(tx, Month::of(c.day))? {
                Some((id, RosterStatus::Draft)) => Some(id),
                _ => None,
            };
            if let Some(roster) = draft {
                match c.shift_id {
                    Some(shift) => tx.execute(
                        "INSERT INTO roster_cells (roster_id, staff_id, day, shift_id) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (roster_id, staff_id, day) DO UPDATE SET shift_id = excluded.shift_id",
                        params![roster, c.staff_id, day, shift],
                    )?,
                    None => tx.execute(
                        "DELETE FROM roster_cells WHERE roster_id = ?1 AND staff_id = ?2 AND day = ?3",
                        params![roster, c.staff_id, day],
                    )?,
                };
            }
            tx.execute(
                "INSERT INTO roster_overrides (request_id, staff_id, day, shift_id, in_draft, prev_shift_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![req.id, c.staff_id, day, c.shift_id, draft.is_some(), prev],
            )?;
        }
        tx.execute(
            "UPDATE duty_requests SET status = 'approved', substitute_id = ?1, decided_at = ?2, decided_by = ?3, decision_note = ?4 WHERE id = ?5",
            params![substitute, ctx.now.format(TIME_FORMAT).to_string(), me.id, note, req.id],
        )?;
        audit::record(tx, ctx, "批准调班/请假", "duty_requests", Some(req.id), &format!("{} {} {} 项调整", req.staff.name, req.kind.label(), changes.len()))?;
        // A published roster changed: everyone whose shifts moved is told (R-DU-11).
        let what = format!("{}的{}（{}）经{}批准", req.staff.name, req.kind.label(), req.from_day, me.name);
        crate::duty::roster::notices::announce(tx, ctx, req.id, &what)?;
        get_tx(tx, req.id)
    })
}

/// Rejects a pending request (a supervisor or manager), or withdraws it (whoever filed it or
/// whom it is for).
pub fn reject(store: &mut Store, ctx: &Ctx, input: DecisionInput) -> Result<DutyRequest> {
    let me = ctx.actor()?.clone();
    let note = validate::optional("note", "意见", &input.note, 200)?;
    store.write(|tx| {
        let req = get_tx(tx, input.id)?;
        if req.status != RequestStatus::Pending {
            return Err(Error::conflict("id", format!("该申请{}，不能再处理", req.status.label())));
        }
        let own = req.staff.id == me.id;
        let status = if ROSTER_EDITORS.contains(&me.role) && !own {
            "rejected"
        } else if own {
            "withdrawn"
        } else {
            return Err(Error::forbidden(format!("{}（{}）无权驳回他人的申请", me.name, me.role.label())));
        };
        tx.execute(
            "UPDATE duty_requests SET status = ?1, decided_at = ?2, decided_by = ?3, decision_note = ?4 WHERE id = ?5",
            params![status, ctx.now.format(TIME_FORMAT).to_string(), me.id, note, req.id],
        )?;
        audit::record(tx, ctx, if status == "rejected" { "驳回调班/请假" } else { "撤回调班/请假" }, "duty_requests", Some(req.id), &note)?;
        get_tx(tx, req.id)
    })
}
