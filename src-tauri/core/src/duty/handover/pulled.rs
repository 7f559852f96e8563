//! What is still open elsewhere at a shift change, pulled into the handover automatically
//! (R-HO-1, R-HO-3, R-IN-6): unfinished and overdue dispatch slips, slips awaiting their return
//! visit, complaints awaiting a reply, pending callbacks, night-log entries not yet converted,
//! major incidents nobody has taken up, any other intake entry not yet ended, residents' keys
//! lent and not yet back (R-AH-4), goods passes not yet checked out, hot-work permits not yet
//! closed and temporary passes overdue (R-AH-1..3). The list comes from `open_items`, the one definition of
//! "open" that the desk's screens and the CLI also use; only records that existed at the change
//! time are kept, so a handover entered afterwards does not inherit later records.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use rusqlite::Transaction;

use crate::base::ctx::TIME_FORMAT;
use crate::base::error::Result;
use crate::desk::open_items::{open_items, OpenItems};

/// The source of a pulled-in night-log entry not yet converted.
pub const NIGHT_LOG: &str = "夜间记录未处理";

pub struct Pulled {
    pub source: &'static str,
    pub ref_id: i64,
    pub summary: String,
}

fn short(text: &str) -> String {
    let t: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        format!("{t}…")
    } else {
        t
    }
}

/// The open items at `at`, keeping only records created by then.
fn open_at(tx: &Transaction, at: NaiveDateTime) -> Result<OpenItems> {
    let until = at.format(TIME_FORMAT).to_string();
    let mut open = open_items(tx, at)?;
    open.unfinished_slips.retain(|s| s.opened_at <= until);
    open.return_visits_due.retain(|s| s.opened_at <= until);
    open.overdue.retain(|s| s.opened_at <= until);
    open.complaints_awaiting_reply
        .retain(|c| c.opened_at <= until);
    open.pending_callbacks.retain(|e| e.received_at <= until);
    open.night_log_unconverted
        .retain(|e| e.received_at <= until);
    open.major_incidents.retain(|e| e.received_at <= until);
    open.unfinished_entries.retain(|e| e.received_at <= until);
    open.keys_out
        .retain(|k| k.loan.as_ref().is_some_and(|l| l.lent_at <= until));
    open.goods_waiting.retain(|g| g.issued_at <= until);
    open.hot_work_open.retain(|p| p.issued_at <= until);
    open.passes_overdue.retain(|p| p.issued_at <= until);
    Ok(open)
}

/// Open records at `at`, each once, in a stable order.
pub fn open_records(tx: &Transaction, at: NaiveDateTime) -> Result<Vec<Pulled>> {
    let open = open_at(tx, at)?;
    let overdue: HashSet<i64> = open.overdue.iter().map(|s| s.id).collect();
    let mut out = Vec::new();
    for s in &open.unfinished_slips {
        out.push(Pulled {
            source: if overdue.contains(&s.id) {
                "超时派工单"
            } else {
                "未完成派工单"
            },
            ref_id: s.id,
            summary: format!("{}（{}）{}", s.serial, s.state.label(), short(&s.content)),
        });
    }
    for s in &open.return_visits_due {
        out.push(Pulled {
            source: "待回访",
            ref_id: s.id,
            summary: format!("{}（已完工待回访）{}", s.serial, short(&s.content)),
        });
    }
    for c in &open.complaints_awaiting_reply {
        out.push(Pulled {
            source: "待回复投诉",
            ref_id: c.id,
            summary: format!("{} {}", c.serial, short(&c.content)),
        });
    }
    for e in &open.pending_callbacks {
        out.push(Pulled {
            source: "待回电",
            ref_id: e.id,
            summary: format!(
                "{} {}：{}",
                e.caller_name,
                e.callback_phone,
                short(&e.content)
            ),
        });
    }
    for e in &open.night_log_unconverted {
        out.push(Pulled {
            source: NIGHT_LOG,
            ref_id: e.id,
            summary: format!(
                "{} {}",
                &e.received_at[..16.min(e.received_at.len())],
                short(&e.content)
            ),
        });
    }
    for e in &open.major_incidents {
        out.push(Pulled {
            source: "突发事件未接手",
            ref_id: e.id,
            summary: format!("{} {}", e.room, short(&e.content)),
        });
    }
    for e in &open.unfinished_entries {
        out.push(Pulled {
            source: "未办结登记",
            ref_id: e.id,
            summary: format!(
                "{} {}（{}）{}",
                e.received_at.get(5..16).unwrap_or(&e.received_at),
                e.kind.label(),
                if e.room.is_empty() {
                    &e.caller_name
                } else {
                    &e.room
                },
                short(&e.content)
            ),
        });
    }
    for k in &open.keys_out {
        if let Some(l) = &k.loan {
            out.push(Pulled {
                source: "借出钥匙",
                ref_id: k.id,
                summary: format!(
                    "{} {} 借给 {}（{}）{}",
                    k.room,
                    k.label,
                    l.lent_to,
                    l.lent_at.get(5..16).unwrap_or(&l.lent_at),
                    l.purpose
                )
                .trim_end()
                .to_string(),
            });
        }
    }
    for g in &open.goods_waiting {
        out.push(Pulled {
            source: "待放行物品",
            ref_id: g.id,
            summary: format!(
                "{} {} {}：{}",
                g.serial,
                g.room,
                g.carrier_name,
                short(&g.items)
            ),
        });
    }
    for p in &open.hot_work_open {
        out.push(Pulled {
            source: "动火作业未结束",
            ref_id: p.id,
            summary: format!(
                "{} {} {}（{} 至 {}）",
                p.serial,
                p.place,
                short(&p.work),
                p.starts_at.get(5..16).unwrap_or(&p.starts_at),
                p.ends_at.get(5..16).unwrap_or(&p.ends_at)
            ),
        });
    }
    for p in &open.passes_overdue {
        out.push(Pulled {
            source: "出入证逾期未收回",
            ref_id: p.id,
            summary: format!(
                "{} {}（{}）有效期至 {}",
                p.serial,
                p.holder_name,
                short(&p.purpose),
                p.valid_to
            ),
        });
    }
    Ok(out)
}

/// Night-log entries received by `at` that are neither converted nor settled (R-HO-6).
pub fn unhandled_night_log(tx: &Transaction, at: NaiveDateTime) -> Result<i64> {
    let open = open_at(tx, at)?;
    Ok(open.night_log_unconverted.len() as i64)
}
