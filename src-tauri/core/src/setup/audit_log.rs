//! 操作日志: the audit log as supervisors and managers read it in 设置 — who did what, when, to
//! which record, named as the desk names it (周敏 签字 交接班记录 JJ-202612-0003), filtered by
//! person, record type and date, a page at a time. Writing it is `base::audit::record`, inside
//! every change's own transaction.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::ids::StaffId;
use crate::base::role::ACCOUNT_ADMINS;
use crate::store::Store;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    /// The record's own name: a serial (PG-…, TS-…, JJ-…), a person's name, a room's code, a
    /// roster's month; '' when the record has none or is gone.
    pub record: String,
    /// The change in full.
    pub summary: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct AuditQuery {
    /// Only what this person did.
    #[serde(default)]
    pub actor_id: Option<StaffId>,
    /// Only records of this table (`dispatch_slips`, `handovers`, …).
    #[serde(default)]
    pub entity: Option<String>,
    /// First and last day (`YYYY-MM-DD`), both included.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// Entries already shown (the page starts after them).
    #[serde(default)]
    pub offset: Option<i64>,
    #[serde(default)]
    pub limit: Option<i64>,
}

/// The record's name, by its table: what the desk would call it.
const RECORD_NAME_SQL: &str = "CASE a.entity
    WHEN 'dispatch_slips' THEN (SELECT serial FROM dispatch_slips WHERE id = a.entity_id)
    WHEN 'complaints' THEN (SELECT serial FROM complaints WHERE id = a.entity_id)
    WHEN 'handovers' THEN (SELECT serial FROM handovers WHERE id = a.entity_id)
    WHEN 'staff' THEN (SELECT name FROM staff WHERE id = a.entity_id)
    WHEN 'residents' THEN (SELECT name FROM residents WHERE id = a.entity_id)
    WHEN 'rooms' THEN (SELECT code FROM rooms WHERE id = a.entity_id)
    WHEN 'buildings' THEN (SELECT name FROM buildings WHERE id = a.entity_id)
    WHEN 'departments' THEN (SELECT name FROM departments WHERE id = a.entity_id)
    WHEN 'categories' THEN (SELECT name FROM categories WHERE id = a.entity_id)
    WHEN 'rosters' THEN (SELECT month FROM rosters WHERE id = a.entity_id)
    WHEN 'intake_entries' THEN (SELECT substr(received_at, 1, 16) FROM intake_entries WHERE id = a.entity_id)
    WHEN 'duty_requests' THEN (SELECT s.name || ' ' || q.from_day FROM duty_requests q JOIN staff s ON s.id = q.staff_id WHERE q.id = a.entity_id)
    END";

/// The newest entries first, after `offset`; supervisors and managers only.
pub fn list(store: &mut Store, ctx: &Ctx, q: AuditQuery) -> Result<Vec<AuditEntry>> {
    ctx.require(ACCOUNT_ADMINS, "查看操作日志")?;
    let day = |field: &str, v: &Option<String>| -> Result<Option<String>> {
        match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| Some(d.format("%Y-%m-%d").to_string()))
                .map_err(|_| {
                    Error::invalid(field, format!("日期“{s}”格式不正确，应为 2026-11-23"))
                }),
        }
    };
    let from = day("from", &q.from)?;
    // The last day is included: entries before the next day's start.
    let to = day("to", &q.to)?.map(|d| format!("{d} 24"));
    let entity = q.entity.filter(|e| !e.trim().is_empty());
    store.read(|tx| {
        // Only the conditions given, so SQLite can walk audit_log_actor or audit_log_entity_id
        // newest first (`?n IS NULL OR …` hid them: one person's entries in ten years of log
        // meant reading the whole log).
        let limit = q.limit.unwrap_or(100).clamp(1, 1000);
        let offset = q.offset.unwrap_or(0).max(0);
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<&dyn rusqlite::ToSql> = Vec::new();
        let given: [(&str, Option<&dyn rusqlite::ToSql>); 4] = [
            ("a.actor_id =", q.actor_id.as_ref().map(|v| v as &dyn rusqlite::ToSql)),
            ("a.entity =", entity.as_ref().map(|v| v as &dyn rusqlite::ToSql)),
            ("a.at >=", from.as_ref().map(|v| v as &dyn rusqlite::ToSql)),
            ("a.at <", to.as_ref().map(|v| v as &dyn rusqlite::ToSql)),
        ];
        for (cond, value) in given {
            if let Some(v) = value {
                args.push(v);
                conds.push(format!("{cond} ?{}", args.len()));
            }
        }
        args.push(&limit);
        args.push(&offset);
        let sql = format!(
            "SELECT a.id, a.at, a.actor_name, a.action, a.entity, a.entity_id, COALESCE({RECORD_NAME_SQL}, ''), a.summary
             FROM audit_log a {} ORDER BY id DESC LIMIT ?{} OFFSET ?{}",
            if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) },
            args.len() - 1,
            args.len()
        );
        let mut st = tx.prepare(&sql)?;
        let rows = st
            .query_map(
                args.as_slice(),
                |r| {
                    Ok(AuditEntry {
                        id: r.get(0)?,
                        at: r.get(1)?,
                        actor_name: r.get(2)?,
                        action: r.get(3)?,
                        entity: r.get(4)?,
                        entity_id: r.get(5)?,
                        record: r.get(6)?,
                        summary: r.get(7)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::audit;
    use crate::testkit::{as_user, records, Desk};

    /// Entries name their records as the desk does and filter by person, record type and day;
    /// the pages follow one another without a gap or an overlap.
    #[test]
    fn the_log_names_records_and_filters_by_person_type_and_day() {
        let mut d = Desk::new();
        let slip = records::slip(
            &d.store,
            "PG-202611-0007",
            None,
            crate::testkit::at("2026-11-20 09:00"),
            "给排水",
            None,
        );
        let li = d.receptionists[0].clone();
        let zhang = d.technicians[0].clone();
        for (who, at, action, entity, id) in [
            (
                &li,
                "2026-11-20 09:05",
                "派工",
                "dispatch_slips",
                Some(slip),
            ),
            (
                &zhang,
                "2026-11-21 10:00",
                "完工",
                "dispatch_slips",
                Some(slip),
            ),
            (&li, "2026-11-22 11:00", "修改员工", "staff", Some(zhang.id)),
        ] {
            let ctx = as_user(who, at);
            d.store
                .write(|tx| audit::record(tx, &ctx, action, entity, id, "详情"))
                .unwrap();
        }
        let boss = d.as_boss("2026-11-23 10:00");
        let q = |d: &mut Desk, q: AuditQuery| list(&mut d.store, &boss, q).unwrap();

        let mine = q(
            &mut d,
            AuditQuery {
                actor_id: Some(li.id),
                ..Default::default()
            },
        );
        let said: Vec<_> = mine
            .iter()
            .map(|e| (e.action.as_str(), e.record.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                ("修改员工", zhang.name.as_str()),
                ("派工", "PG-202611-0007")
            ]
        );

        let slips = q(
            &mut d,
            AuditQuery {
                entity: Some("dispatch_slips".into()),
                ..Default::default()
            },
        );
        assert_eq!(slips.len(), 2);
        assert!(slips.iter().all(|e| e.record == "PG-202611-0007"));

        let day = q(
            &mut d,
            AuditQuery {
                from: Some("2026-11-21".into()),
                to: Some("2026-11-21".into()),
                ..Default::default()
            },
        );
        assert_eq!(
            day.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
            ["完工"],
            "the last day counts whole"
        );

        // Pages: everything, two at a time, equals the whole list.
        let all = q(&mut d, AuditQuery::default());
        let mut paged = Vec::new();
        for page in 0.. {
            let rows = q(
                &mut d,
                AuditQuery {
                    offset: Some(page * 2),
                    limit: Some(2),
                    ..Default::default()
                },
            );
            if rows.is_empty() {
                break;
            }
            paged.extend(rows.into_iter().map(|e| e.id));
        }
        assert_eq!(paged, all.iter().map(|e| e.id).collect::<Vec<_>>());

        let bad = list(
            &mut d.store,
            &boss,
            AuditQuery {
                from: Some("11月21日".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(bad.field(), Some("from"));
    }
}
