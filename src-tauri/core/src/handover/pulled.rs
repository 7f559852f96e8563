//! What is still open elsewhere at a shift change, pulled into the handover automatically
//! (R-HO-1, R-HO-3): unfinished and overdue dispatch slips, slips awaiting their return visit,
//! complaints awaiting a reply, pending callbacks, and night-log entries not yet converted.
//! Reads the intake tables of migration 002 as they stand.

use rusqlite::Transaction;

use crate::error::Result;

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

fn slip_state(s: &str) -> &'static str {
    match s {
        "opened" => "待派工",
        "dispatched" => "已派工",
        "accepted" => "已接单",
        "on_site" => "已到场",
        "paused" => "暂停",
        "done" => "已完工待回访",
        _ => "进行中",
    }
}

/// Open records at `at` ("YYYY-MM-DD HH:MM:SS"), each once, in a stable order.
pub fn open_records(tx: &Transaction, at: &str) -> Result<Vec<Pulled>> {
    let mut out = Vec::new();
    let mut st = tx.prepare(
        "SELECT id, serial, content, state, deadline_at < ?1 FROM dispatch_slips
         WHERE state IN ('opened', 'dispatched', 'accepted', 'on_site', 'paused', 'done') AND opened_at <= ?1 ORDER BY id",
    )?;
    let rows = st.query_map([at], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, bool>(4)?,
        ))
    })?;
    for row in rows {
        let (id, serial, content, state, overdue) = row?;
        let source = if state == "done" {
            "待回访"
        } else if overdue {
            "超时派工单"
        } else {
            "未完成派工单"
        };
        out.push(Pulled {
            source,
            ref_id: id,
            summary: format!("{serial}({}){}", slip_state(&state), short(&content)),
        });
    }
    let mut st = tx.prepare("SELECT id, serial, content FROM complaints WHERE state = 'open' AND opened_at <= ?1 ORDER BY id")?;
    for row in st.query_map([at], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (id, serial, content) = row?;
        out.push(Pulled {
            source: "待回复投诉",
            ref_id: id,
            summary: format!("{serial} {}", short(&content)),
        });
    }
    let mut st = tx.prepare(
        "SELECT id, caller_name, callback_phone, content FROM intake_entries
         WHERE callback_state = 'pending' AND received_at <= ?1 ORDER BY received_at",
    )?;
    for row in st.query_map([at], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })? {
        let (id, name, phone, content) = row?;
        out.push(Pulled {
            source: "待回电",
            ref_id: id,
            summary: format!("{name} {phone}:{}", short(&content)),
        });
    }
    let mut st = tx.prepare(
        "SELECT id, received_at, content FROM intake_entries
         WHERE night_log = 1 AND night_decision IS NULL AND received_at <= ?1 ORDER BY received_at",
    )?;
    for row in st.query_map([at], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (id, received, content) = row?;
        out.push(Pulled {
            source: "夜间记录未处理",
            ref_id: id,
            summary: format!(
                "{} {}",
                &received[..16.min(received.len())],
                short(&content)
            ),
        });
    }
    Ok(out)
}

/// Night-log entries received by `at` that are neither converted nor settled (R-HO-6).
pub fn unhandled_night_log(tx: &Transaction, at: &str) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT count(*) FROM intake_entries WHERE night_log = 1 AND night_decision IS NULL AND received_at <= ?1",
        [at],
        |r| r.get(0),
    )?)
}
