//! The desk's records of a half-finished month: intake entries, and the slips and complaints they lead to, each stopped wherever the clock runs out.

use super::Rng;
use crate::base::ctx::{Actor, Ctx};
use crate::base::error::Result;
use crate::base::role::Role;
use crate::desk::complaints::{self, ComplaintCategory, ComplaintNoteInput, OpenComplaintInput};
use crate::desk::complaints::{ComplaintVisitInput, ReplyInput, Urgency, Validity, ValidityInput};
use crate::desk::intake::{self, Channel, IntakeInput, IntakeKind, NoteInput};
use crate::desk::slips::SlipVisitInput;
use crate::desk::slips::{
    self, AssignInput, CompleteInput, FeeKind, OpenSlipInput, Satisfaction, StepInput,
};
use crate::desk::visits::{VisitFollowUp, VisitMethod};
use crate::store::Store;
use chrono::{Duration, NaiveDateTime};

use super::*;

pub(super) fn record(
    store: &mut Store,
    rng: &mut Rng,
    p: &People,
    at: NaiveDateTime,
    end: NaiveDateTime,
    phones: &mut Vec<String>,
) -> Result<()> {
    let clerk = pick(rng, &p.desk).clone();
    let room = if rng.chance(85) {
        pick(rng, ROOMS).to_string()
    } else {
        String::new()
    };
    // A number typed into the free text, as desks do ("业主另一号码…请回电"): it must print masked.
    let extra = mobile(rng);
    let content_phone = rng.chance(20);
    if content_phone {
        phones.push(extra.clone());
    }
    let kind = match rng.below(100) {
        0..=54 => IntakeKind::Repair,
        55..=69 => IntakeKind::Complaint,
        70..=79 => IntakeKind::Inquiry,
        80..=85 => IntakeKind::Suggestion,
        86..=90 => IntakeKind::Help,
        91..=96 => IntakeKind::Errand,
        _ => IntakeKind::Other,
    };
    let category = (kind == IntakeKind::Repair).then(|| {
        pick(
            rng,
            &[
                "给排水",
                "配电/照明",
                "空调",
                "门窗",
                "清洁",
                "秩序维护",
                "电梯",
            ],
        )
        .to_string()
    });
    let callback = rng.chance(12);
    let callback_phone = if callback { mobile(rng) } else { String::new() };
    if callback {
        phones.push(callback_phone.clone());
    }
    let answered_now =
        !callback && matches!(kind, IntakeKind::Inquiry | IntakeKind::Help) && rng.chance(60);
    let reg = intake::register(
        store,
        &ctx(&clerk, at),
        IntakeInput {
            received_at: None,
            room: room.clone(),
            location: if room.is_empty() {
                "地下车库B2".into()
            } else {
                String::new()
            },
            caller_name: "来电人".into(),
            caller_phone: String::new(),
            channel: Some(*pick(
                rng,
                &[
                    Channel::Call,
                    Channel::Call,
                    Channel::Visit,
                    Channel::Written,
                    Channel::StaffFound,
                ],
            )),
            kind: Some(kind),
            category: category.clone().unwrap_or_default(),
            content: if content_phone {
                format!("业主另一号码{extra}请回电")
            } else {
                "卫生间漏水，请尽快处理".into()
            },
            callback_phone,
            major_incident: rng.chance(3),
            outcome: if answered_now {
                "已当场答复".into()
            } else {
                String::new()
            },
        },
    )?;
    let entry = reg.entry;
    let mut clock = Clock { at, end };
    // Night-log entries wait for the morning handover; a third are still unconverted.
    if entry.night_log && rng.chance(35) {
        return Ok(());
    }
    if callback {
        if let (Some(t), true) = (clock.next(rng), rng.chance(50)) {
            intake::callback_done(
                store,
                &ctx(&clerk, t),
                NoteInput {
                    intake_id: entry.id,
                    note: "已回电答复".into(),
                },
            )?;
        }
        return Ok(());
    }
    match (kind, category) {
        (IntakeKind::Repair, Some(_)) => {
            if let Some(t) = clock.next(rng) {
                slip(store, rng, p, &clerk, entry.id, t, &mut clock)?;
            }
        }
        (IntakeKind::Complaint, _) => {
            if let Some(t) = clock.next(rng) {
                complaint(store, rng, p, &clerk, entry.id, t, &mut clock)?;
            }
        }
        _ if answered_now => {}
        // 委托、建议、未答复的咨询: some are finished with a result, the rest stay open.
        _ => {
            if let (Some(t), true) = (clock.next(rng), rng.chance(50)) {
                intake::finish(
                    store,
                    &ctx(&clerk, t),
                    NoteInput {
                        intake_id: entry.id,
                        note: "已办理".into(),
                    },
                )?;
            }
        }
    }
    Ok(())
}

/// The scripts a slip may follow; each stops wherever the clock runs out.
#[derive(Clone, Copy)]
enum SlipScript {
    Straight,
    PauseAndResume,
    PauseLate,
    Return,
    Transfer,
    Cancel,
    UnansweredVisit,
    Reopen,
}

pub(super) fn worker_step(
    store: &mut Store,
    who: &Actor,
    supervisor: &Actor,
    t: NaiveDateTime,
    f: fn(&mut Store, &Ctx, StepInput) -> Result<slips::Slip>,
    slip_id: i64,
    reason: &str,
) -> Result<()> {
    // A technician records their own steps; for anyone else the supervisor records them.
    let by = if who.role == Role::Technician {
        who
    } else {
        supervisor
    };
    f(
        store,
        &ctx(by, t),
        StepInput {
            slip_id,
            reason: reason.into(),
            at: None,
        },
    )?;
    Ok(())
}

pub(super) fn slip(
    store: &mut Store,
    rng: &mut Rng,
    p: &People,
    clerk: &Actor,
    intake_id: i64,
    t: NaiveDateTime,
    clock: &mut Clock,
) -> Result<()> {
    let s = slips::open(
        store,
        &ctx(clerk, t),
        OpenSlipInput {
            intake_id,
            category: None,
            content: None,
            appointment_at: None,
        },
    )?;
    // Every fourth slip: the resident calls again half an hour later (催办). Chosen by id, not
    // the generator's dice, so the rest of the data stays as it was.
    if s.id % 4 == 0 {
        super::urge_soon(store, clerk, t, Some(s.id), None)?;
    }
    let script = *pick(
        rng,
        &[
            SlipScript::Straight,
            SlipScript::Straight,
            SlipScript::Straight,
            SlipScript::PauseAndResume,
            SlipScript::PauseLate,
            SlipScript::Return,
            SlipScript::Transfer,
            SlipScript::Cancel,
            SlipScript::UnansweredVisit,
            SlipScript::Reopen,
        ],
    );
    let team = p
        .workers
        .iter()
        .find(|(d, _)| *d == s.department)
        .map(|(_, w)| w.as_slice())
        .unwrap_or(&[]);
    let sup = &p.supervisor;
    if team.is_empty() {
        return Ok(());
    }
    let mut who = pick(rng, team).clone();
    // The deadline passes before a late pause: wait past it first.
    if matches!(script, SlipScript::PauseLate) {
        clock.at += Duration::hours(30);
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    if matches!(script, SlipScript::Cancel) && rng.chance(50) {
        slips::cancel(
            store,
            &ctx(sup, t),
            StepInput {
                slip_id: s.id,
                reason: "业主取消".into(),
                at: None,
            },
        )?;
        return Ok(());
    }
    slips::dispatch(
        store,
        &ctx(clerk, t),
        AssignInput {
            slip_id: s.id,
            assignee_id: who.id,
            appointment_at: None,
            reason: String::new(),
            at: None,
        },
    )?;
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    match script {
        SlipScript::Return => {
            worker_step(
                store,
                &who,
                sup,
                t,
                slips::return_slip,
                s.id,
                "非本部门工作",
            )?;
            return Ok(());
        }
        SlipScript::Transfer if team.len() > 1 => {
            let other = team
                .iter()
                .find(|x| x.id != who.id)
                .cloned()
                .unwrap_or_else(|| who.clone());
            slips::transfer(
                store,
                &ctx(clerk, t),
                AssignInput {
                    slip_id: s.id,
                    assignee_id: other.id,
                    appointment_at: None,
                    reason: "原维修人请假".into(),
                    at: None,
                },
            )?;
            who = other;
            let Some(_) = clock.next(rng) else {
                return Ok(());
            };
        }
        _ => {}
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    worker_step(store, &who, sup, t, slips::accept, s.id, "")?;
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    if matches!(script, SlipScript::PauseAndResume | SlipScript::PauseLate) {
        worker_step(store, &who, sup, t, slips::pause, s.id, "等待配件")?;
        let Some(t) = clock.next(rng) else {
            return Ok(());
        };
        worker_step(store, &who, sup, t, slips::resume, s.id, "")?;
    }
    if matches!(script, SlipScript::Cancel) {
        slips::cancel(
            store,
            &ctx(sup, t),
            StepInput {
                slip_id: s.id,
                reason: "业主自行处理".into(),
                at: None,
            },
        )?;
        return Ok(());
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    worker_step(store, &who, sup, t, slips::arrive, s.id, "")?;
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    let by = if who.role == Role::Technician {
        &who
    } else {
        sup
    };
    let paid = rng.chance(20);
    slips::complete(
        store,
        &ctx(by, t),
        CompleteInput {
            slip_id: s.id,
            work_done: "已更换阀门，试水正常".into(),
            materials: if paid {
                "阀门一个".into()
            } else {
                String::new()
            },
            fee_kind: Some(if paid { FeeKind::Paid } else { FeeKind::Free }),
            fee: if paid { "35.50".into() } else { String::new() },
            resident_accepted: Some(true),
            resident_satisfaction: Some(*pick(
                rng,
                &[
                    Satisfaction::Satisfied,
                    Satisfaction::Basic,
                    Satisfaction::Unsatisfied,
                ],
            )),
            at: None,
        },
    )?;
    if matches!(script, SlipScript::UnansweredVisit) {
        let Some(t) = clock.next(rng) else {
            return Ok(());
        };
        slips::visit_slip(
            store,
            &ctx(clerk, t),
            SlipVisitInput {
                slip_id: s.id,
                method: VisitMethod::Phone,
                answered: false,
                result: "无人接听".into(),
                satisfaction: None,
                follow_up: None,
                at: None,
            },
        )?;
        return Ok(());
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    let unhappy = matches!(script, SlipScript::Reopen);
    let satisfaction = if unhappy {
        Satisfaction::Unsatisfied
    } else {
        *pick(
            rng,
            &[
                Satisfaction::Satisfied,
                Satisfaction::Satisfied,
                Satisfaction::Basic,
            ],
        )
    };
    slips::visit_slip(
        store,
        &ctx(clerk, t),
        SlipVisitInput {
            slip_id: s.id,
            method: VisitMethod::Phone,
            answered: true,
            result: if unhappy {
                "仍然漏水".into()
            } else {
                "业主表示已修好".into()
            },
            satisfaction: Some(satisfaction),
            follow_up: unhappy.then_some(VisitFollowUp::Reopened),
            at: None,
        },
    )?;
    if unhappy {
        return Ok(());
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    slips::close(
        store,
        &ctx(sup, t),
        StepInput {
            slip_id: s.id,
            reason: String::new(),
            at: None,
        },
    )?;
    Ok(())
}

pub(super) fn complaint(
    store: &mut Store,
    rng: &mut Rng,
    p: &People,
    clerk: &Actor,
    intake_id: i64,
    t: NaiveDateTime,
    clock: &mut Clock,
) -> Result<()> {
    let urgency = *pick(
        rng,
        &[
            Urgency::Normal,
            Urgency::Normal,
            Urgency::Normal,
            Urgency::Urgent,
            Urgency::Major,
        ],
    );
    let c = complaints::open(
        store,
        &ctx(clerk, t),
        OpenComplaintInput {
            intake_id,
            category: Some(*pick(
                rng,
                &[
                    ComplaintCategory::Neighbour,
                    ComplaintCategory::ServiceAttitude,
                    ComplaintCategory::RepairQuality,
                    ComplaintCategory::Fees,
                ],
            )),
            urgency: Some(urgency),
            department: if rng.chance(50) {
                "工程部".into()
            } else {
                String::new()
            },
            content: None,
        },
    )?;
    let id = c.id;
    if id % 3 == 0 {
        super::urge_soon(store, clerk, t, None, Some(id))?;
    }
    let sup = &p.supervisor;
    let note = |t| ComplaintNoteInput {
        complaint_id: id,
        note: format!("已跟进 {t}"),
    };
    // Unjudged and untouched: a third stop here.
    if rng.chance(30) {
        return Ok(());
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    if urgency != Urgency::Normal {
        let leader = if rng.chance(50) { &p.manager } else { sup };
        complaints::take_up(store, &ctx(leader, t), note(t))?;
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    if rng.chance(70) {
        let validity = if rng.chance(80) {
            Validity::Valid
        } else {
            Validity::Invalid
        };
        complaints::set_validity(
            store,
            &ctx(sup, t),
            ValidityInput {
                complaint_id: id,
                validity,
            },
        )?;
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    complaints::reply(
        store,
        &ctx(clerk, t),
        ReplyInput {
            complaint_id: id,
            reply: "已向业主说明处理结果".into(),
            at: None,
        },
    )?;
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    let rework = rng.chance(20);
    complaints::visit(
        store,
        &ctx(clerk, t),
        ComplaintVisitInput {
            complaint_id: id,
            method: VisitMethod::Phone,
            answered: true,
            result: if rework {
                "业主仍不满意".into()
            } else {
                "业主认可".into()
            },
            satisfaction: Some(if rework {
                Satisfaction::Unsatisfied
            } else {
                Satisfaction::Basic
            }),
            follow_up: rework.then_some(VisitFollowUp::Reopened),
            at: None,
        },
    )?;
    if rework {
        return Ok(());
    }
    let Some(t) = clock.next(rng) else {
        return Ok(());
    };
    let page = complaints::detail(store, &ctx(sup, t), id)?;
    if page.complaint.validity.is_none() {
        complaints::set_validity(
            store,
            &ctx(sup, t),
            ValidityInput {
                complaint_id: id,
                validity: Validity::Valid,
            },
        )?;
    }
    complaints::sign_off(
        store,
        &ctx(sup, t),
        ComplaintNoteInput {
            complaint_id: id,
            note: "同意办结".into(),
        },
    )?;
    Ok(())
}
