//! The audit log: who did what, when, to which record, with a short before/after summary.
//! Always written inside the transaction of the change it describes.

use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::Result;

/// Appends one audit row. `entity` is the table's name, `summary` a short human text.
pub fn record(
    tx: &Transaction,
    ctx: &Ctx,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    summary: &str,
) -> Result<()> {
    let (actor_id, actor_name) = match &ctx.actor {
        Some(a) => (Some(a.id), a.name.clone()),
        None => (None, "系统".to_string()),
    };
    tx.execute(
        "INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            ctx.now.format(TIME_FORMAT).to_string(),
            actor_id,
            actor_name,
            action,
            entity,
            entity_id,
            summary
        ],
    )?;
    Ok(())
}

/// "field: old → new" for every top-level field that differs between two serialisable values;
/// fields only in `after` are listed as new values. Keeps summaries short and uniform.
pub fn diff<T: Serialize>(before: &T, after: &T) -> String {
    let (Ok(serde_json::Value::Object(b)), Ok(serde_json::Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return String::new();
    };
    let mut parts = Vec::new();
    for (k, av) in &a {
        match b.get(k) {
            Some(bv) if bv == av => {}
            Some(bv) => parts.push(format!("{k}: {} → {}", short(bv), short(av))),
            None => parts.push(format!("{k}: {}", short(av))),
        }
    }
    parts.join("; ")
}

fn short(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}
