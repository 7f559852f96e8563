//! Half-finished periods for the property tests (issue 9): a small office and one month of desk
//! and duty records left in EVERY intermediate state at the moment the report is made — slips
//! opened, dispatched, accepted, on site, paused (before and after their deadline), resumed,
//! returned, transferred, done, visited without an answer, visited, closed, reopened and
//! cancelled; complaints unjudged, escalated and not taken up, overdue, replied, visited,
//! reworked and signed off; unconverted night-log entries; pending callbacks; unsigned and
//! signed handovers with late arrivals and carried items; a roster published with approved and
//! refused requests (or left a draft with gaps); staff with no records; empty categories; and,
//! with `size` 0, an empty month.
//!
//! Everything is written through the core's own operations with the clock set to each step's
//! time, so every record is in a state the app itself can reach. Steps later than the report's
//! moment simply have not happened yet.

use chrono::{Duration, NaiveDate, NaiveDateTime};

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
use crate::duty::handover::{
    self, CheckInput, HandoverKind, HandoverStart, ItemState, OpenItemInput,
};
use crate::duty::requests::{self, DecisionInput, RequestInput, RequestKind};
use crate::duty::roster::{self, Month, RotationInput};
use crate::setup::first_run::{self, FirstRun};
use crate::setup::office::Office;
use crate::setup::residents::{self, ResidentInput, ResidentKind};
use crate::setup::rooms::{self, BuildingInput, RoomInput};
use crate::setup::staff::{self, StaffInput};
use crate::store::Store;

/// The office a period is generated in.
pub(crate) struct Period {
    pub store: Store,
    pub supervisor: Actor,
    /// Every phone number written anywhere, to check that none prints unmasked.
    pub phones: Vec<String>,
}

struct People {
    supervisor: Actor,
    manager: Actor,
    desk: Vec<Actor>,
    /// By department name: who a slip of that department is dispatched to.
    workers: Vec<(&'static str, Vec<Actor>)>,
    security: Vec<Actor>,
}

const ROOMS: &[&str] = &[
    "3-2-1201", "3-2-1202", "5-1-0402", "5-1-0801", "7-1-2401", "7-2-0303",
];
const PASSWORD: &str = "secret1";

fn ctx(who: &Actor, at: NaiveDateTime) -> Ctx {
    Ctx::as_user(at, who.clone())
}

fn mobile(rng: &mut Rng) -> String {
    format!("13{}{:08}", 5 + rng.below(5), rng.below(100_000_000))
}

/// Builds the office on a fresh in-memory store, a month before `month`.
fn office(rng: &mut Rng, month: Month, phones: &mut Vec<String>) -> Result<(Store, People)> {
    let mut store = Store::open_in_memory()?;
    let start = (month.first - Duration::days(40))
        .and_hms_opt(9, 0, 0)
        .unwrap_or_default();
    let supervisor = first_run::init(
        &mut store,
        start,
        FirstRun {
            office: Office {
                company_name: "阳光物业服务有限公司".into(),
                estate_name: "阳光花园".into(),
                desk_phone: "0755-26668888".into(),
                doc_prefix: "KF".into(),
                doc_version: "A/0".into(),
                idle_lock_minutes: 10,
            },
            supervisor_name: "周主管".into(),
            supervisor_phone: "13600000001".into(),
            login: "zhou".into(),
            password: PASSWORD.into(),
        },
    )?;
    let c = ctx(&supervisor, start);
    let mut person = |store: &mut Store, name: &str, role: Role, dept: &str| -> Result<Actor> {
        let phone = mobile(rng);
        phones.push(phone.clone());
        let s = staff::add(
            store,
            &c,
            StaffInput {
                name: name.into(),
                role,
                department: dept.into(),
                phone,
                active: true,
            },
        )?;
        Ok(Actor {
            id: s.id,
            login: String::new(),
            name: name.into(),
            role,
        })
    };
    let manager = person(&mut store, "吴经理", Role::Manager, "客服部")?;
    let desk = vec![
        person(&mut store, "李一", Role::Receptionist, "客服部")?,
        person(&mut store, "李二", Role::Receptionist, "客服部")?,
        person(&mut store, "李三", Role::Receptionist, "客服部")?,
    ];
    let engineers = vec![
        person(&mut store, "赵一", Role::Technician, "工程部")?,
        person(&mut store, "赵二", Role::Technician, "工程部")?,
        person(&mut store, "赵三", Role::Technician, "工程部")?,
    ];
    let cleaners = vec![person(&mut store, "钱保洁", Role::Technician, "环境部")?];
    let security = vec![
        person(&mut store, "孙保安", Role::Security, "秩序维护部")?,
        person(&mut store, "郑保安", Role::Security, "秩序维护部")?,
    ];
    // Staff with no records at all: they must still appear in the workload with zeros.
    person(&mut store, "冯新人", Role::Receptionist, "客服部")?;
    for b in ["3", "5", "7"] {
        rooms::add_building(
            &mut store,
            &c,
            BuildingInput {
                name: b.into(),
                note: String::new(),
            },
        )?;
    }
    for code in ROOMS {
        let mut p = code.split('-');
        let (b, u, n) = (
            p.next().unwrap_or(""),
            p.next().unwrap_or(""),
            p.next().unwrap_or(""),
        );
        rooms::add_room(
            &mut store,
            &c,
            RoomInput {
                building: b.into(),
                unit: u.into(),
                number: n.into(),
                area_m2: None,
                note: String::new(),
            },
        )?;
        // Every room but the last has an owner; some a tenant too (one with a landline).
        if *code == "7-2-0303" {
            continue;
        }
        let phone = mobile(rng);
        phones.push(phone.clone());
        residents::add(
            &mut store,
            &c,
            ResidentInput {
                room: (*code).into(),
                kind: ResidentKind::Owner,
                name: format!("{}业主", &code[..1]),
                phones: vec![phone],
                note: String::new(),
                active: true,
            },
        )?;
        if rng.chance(40) {
            let phone = if rng.chance(50) {
                "0755-26661234".to_string()
            } else {
                mobile(rng)
            };
            phones.push(phone.clone());
            residents::add(
                &mut store,
                &c,
                ResidentInput {
                    room: (*code).into(),
                    kind: ResidentKind::Tenant,
                    name: format!("{}租户", &code[..1]),
                    phones: vec![phone],
                    note: String::new(),
                    active: true,
                },
            )?;
        }
    }
    Ok((
        store,
        People {
            supervisor,
            manager,
            desk,
            workers: vec![
                ("工程部", engineers),
                ("环境部", cleaners),
                ("秩序维护部", security.clone()),
            ],
            security,
        },
    ))
}

/// One generated month. `size` records (0: an empty month), `report_at` inside or after it.
pub(crate) fn period(
    seed: u64,
    month: Month,
    size: usize,
    report_at: NaiveDateTime,
) -> Result<Period> {
    let mut rng = Rng::new(seed);
    let mut phones = Vec::new();
    let (mut store, people) = office(&mut rng, month, &mut phones)?;
    duty(&mut store, &mut rng, &people, month, report_at)?;
    let from = month.first.and_hms_opt(0, 0, 0).unwrap_or_default();
    let span = (month.next_first() - month.first).num_minutes();
    for i in 0..size {
        // Mostly inside the month; a few just before it, to test the period's edge.
        let at = if i % 9 == 8 {
            from - Duration::minutes(1 + rng.below(3 * 1440) as i64)
        } else {
            from + Duration::minutes(rng.below(span as u64) as i64)
        };
        if at >= report_at {
            continue;
        }
        record(&mut store, &mut rng, &people, at, report_at, &mut phones)?;
    }
    Ok(Period {
        store,
        supervisor: people.supervisor,
        phones,
    })
}

/// Steps of one record's life: each at its own time; a step after `end` has not happened yet.
struct Clock {
    at: NaiveDateTime,
    end: NaiveDateTime,
}

impl Clock {
    /// Moves on by a random time (a few minutes, or now and then days); None once past the end.
    fn next(&mut self, rng: &mut Rng) -> Option<NaiveDateTime> {
        let minutes = match rng.below(10) {
            0..=5 => 1 + rng.below(90),
            6..=8 => 60 + rng.below(600),
            _ => 1440 + rng.below(4 * 1440),
        };
        self.at += Duration::minutes(minutes as i64);
        (self.at < self.end).then_some(self.at)
    }
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len() as u64) as usize]
}

fn record(
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

fn worker_step(
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

fn slip(
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

fn complaint(
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

/// The month's duty: a roster (published, or a draft with gaps), requests approved and
/// refused, handovers at some shift changes — signed or not, some late, some carrying items —
/// and a security cover.
fn duty(
    store: &mut Store,
    rng: &mut Rng,
    p: &People,
    month: Month,
    end: NaiveDateTime,
) -> Result<()> {
    let sup = &p.supervisor;
    let before = (month.first - Duration::days(20))
        .and_hms_opt(10, 0, 0)
        .unwrap_or_default();
    let c = ctx(sup, before);
    roster::create(store, &c, &month.key())?;
    roster::fill_rotation(
        store,
        &c,
        RotationInput {
            month: month.key(),
            staff_ids: p.desk.iter().map(|a| a.id).collect(),
            pattern: vec!["白".into(), "白".into(), "休".into()],
        },
    )?;
    let engineers: Vec<i64> = p.workers[0].1.iter().map(|a| a.id).collect();
    roster::fill_rotation(
        store,
        &c,
        RotationInput {
            month: month.key(),
            staff_ids: engineers,
            pattern: vec!["夜".into(), "休".into(), "休".into()],
        },
    )?;
    let publish = rng.chance(75);
    if publish {
        roster::publish(store, &c, &month.key())?;
    } else {
        // A draft with a hole in it: one day's 白班 taken out.
        let day = month.first + Duration::days(rng.below(20) as i64 + 3);
        roster::set_cells(
            store,
            &c,
            roster::CellsInput {
                month: month.key(),
                cells: p
                    .desk
                    .iter()
                    .map(|a| roster::CellInput {
                        staff_id: a.id,
                        date: day.format("%Y-%m-%d").to_string(),
                        code: String::new(),
                    })
                    .collect(),
            },
        )?;
    }
    // Requests: some approved (the roster changes), some refused, one left pending.
    for _ in 0..(1 + rng.below(3)) {
        let day = month.first + Duration::days(rng.below(25) as i64 + 2);
        let who = pick(rng, &p.desk).clone();
        let filed = ctx(&who, before);
        let Ok(q) = requests::file(
            store,
            &filed,
            RequestInput {
                kind: RequestKind::Leave,
                staff_id: who.id,
                from_day: day.format("%Y-%m-%d").to_string(),
                to_day: None,
                other_staff_id: None,
                other_day: None,
                reason: "事假".into(),
            },
        ) else {
            continue;
        };
        match rng.below(3) {
            0 => {
                // Refused when it would leave a gap or the person has no shift: fine either way.
                let _ = requests::approve(
                    store,
                    &c,
                    DecisionInput {
                        id: q.id,
                        substitute_id: None,
                        note: String::new(),
                    },
                );
            }
            1 => {
                requests::reject(
                    store,
                    &c,
                    DecisionInput {
                        id: q.id,
                        substitute_id: None,
                        note: "人手不足".into(),
                    },
                )?;
            }
            _ => {}
        }
    }
    // Handovers at some morning changes: most signed, some left open, some late.
    for d in 0..(month.next_first() - month.first).num_days() {
        if !rng.chance(20) {
            continue;
        }
        let day: NaiveDate = month.first + Duration::days(d);
        let change = day.and_hms_opt(8, 30, 0).unwrap_or_default();
        if change + Duration::hours(1) >= end {
            break;
        }
        let (out, inc) = (pick(rng, &p.desk).clone(), pick(rng, &p.desk).clone());
        if out.id == inc.id {
            continue;
        }
        let start = change - Duration::minutes(20);
        let h = handover::start(
            store,
            &ctx(&out, start),
            HandoverStart {
                kind: HandoverKind::Desk,
                change_at: Some(change.format("%Y-%m-%d %H:%M").to_string()),
                outgoing_id: Some(out.id),
                incoming_id: Some(inc.id),
            },
        )?;
        let arrive = change - Duration::minutes(rng.below(30) as i64) + Duration::minutes(10);
        handover::record_arrival(
            store,
            &ctx(&out, arrive.max(start)),
            handover::ArrivalInput {
                id: h.id,
                arrived_at: None,
            },
        )?;
        if let Some(item) = h.checks.first() {
            let missing = rng.chance(30);
            handover::set_check(
                store,
                &ctx(&inc, arrive.max(start)),
                CheckInput {
                    id: h.id,
                    item_id: item.item_id,
                    actual_qty: if missing {
                        item.expected_qty - 1
                    } else {
                        item.expected_qty
                    },
                    state: if missing {
                        ItemState::Missing
                    } else {
                        ItemState::Ok
                    },
                    note: String::new(),
                    explanation: if missing {
                        "借出未还".into()
                    } else {
                        String::new()
                    },
                },
            )?;
        }
        if rng.chance(40) {
            handover::add_open_item(
                store,
                &ctx(&out, arrive.max(start)),
                OpenItemInput {
                    id: h.id,
                    summary: "3栋电梯异响待厂家".into(),
                    note: "已报厂家".into(),
                },
            )?;
        }
        if rng.chance(80) {
            let t = arrive.max(start) + Duration::minutes(5);
            handover::sign_as(store, &ctx(&out, t), h.id, handover::Party::Outgoing)?;
            handover::sign_as(store, &ctx(&inc, t), h.id, handover::Party::Incoming)?;
        }
    }
    // A security cover in the month.
    let cover_at = month.first.and_hms_opt(22, 0, 0).unwrap_or_default()
        + Duration::days(rng.below(20) as i64);
    if cover_at < end {
        let guard = pick(rng, &p.security).clone();
        crate::duty::on_duty::cover_start(
            store,
            &ctx(sup, cover_at),
            crate::duty::on_duty::CoverInput {
                cover_staff_id: guard.id,
                for_staff_id: None,
                start_at: None,
                end_at: None,
                reason: "夜班维修员外出抢修".into(),
            },
        )?;
    }
    Ok(())
}
