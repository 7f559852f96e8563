//! 人员工作量 and 人员考核 (R-RP-1, R-RP-2): each active person's work in the period — entries
//! received, slips dispatched and completed, visits, complaints replied — beside their duty
//! discipline (late, absent, early leave) and the residents' word on the slips they completed.

use rusqlite::{params, Transaction};

use super::model::PersonWork;
use crate::base::error::Result;

pub(super) fn workload(
    tx: &Transaction,
    from: &str,
    to: &str,
) -> Result<Vec<(crate::setup::staff::StaffId, PersonWork)>> {
    let mut st = tx.prepare_cached(
        "SELECT s.name, s.role,
            (SELECT count(*) FROM intake_entries e WHERE e.received_by = s.id AND e.received_at >= ?1 AND e.received_at < ?2),
            (SELECT count(*) FROM dispatch_slips d WHERE d.dispatcher_id = s.id AND d.dispatched_at >= ?1 AND d.dispatched_at < ?2),
            (SELECT count(*) FROM dispatch_slips d WHERE d.assignee_id = s.id AND d.completed_at >= ?1 AND d.completed_at < ?2),
            (SELECT count(*) FROM return_visits v WHERE v.by_id = s.id AND v.answered = 1 AND v.at >= ?1 AND v.at < ?2),
            (SELECT count(*) FROM complaints c WHERE c.replied_by = s.id AND c.replied_at >= ?1 AND c.replied_at < ?2),
            s.id,
            (SELECT count(*) FROM handovers h WHERE h.incoming_id = s.id AND h.late = 1 AND h.change_at >= ?1 AND h.change_at < ?2)
              + (SELECT count(*) FROM shift_arrivals a JOIN handovers h ON h.id = a.handover_id
                 WHERE a.staff_id = s.id AND a.late = 1 AND h.change_at >= ?1 AND h.change_at < ?2),
            (SELECT count(*) FROM duty_checks k WHERE k.staff_id = s.id AND k.finding = 'absent' AND k.checked_at >= ?1 AND k.checked_at < ?2),
            (SELECT count(*) FROM duty_checks k WHERE k.staff_id = s.id AND k.finding = 'early_leave' AND k.checked_at >= ?1 AND k.checked_at < ?2)
         FROM staff s WHERE s.active = 1 ORDER BY s.role, s.name",
    )?;
    // The residents' word on each worker's slips, from the period's visits in one pass: asked
    // per person, SQLite walked ten years of each one's slips to find a month's visits (0.4 s).
    let mut rated: std::collections::HashMap<i64, (i64, i64)> = std::collections::HashMap::new();
    let mut vs = tx.prepare_cached(
        "SELECT d.assignee_id, count(*) FILTER (WHERE v.answered = 1), count(*) FILTER (WHERE v.satisfaction = 'satisfied')
         FROM return_visits v JOIN dispatch_slips d ON d.id = v.slip_id
         WHERE v.at >= ?1 AND v.at < ?2 AND d.assignee_id IS NOT NULL GROUP BY d.assignee_id",
    )?;
    for row in vs.query_map(params![from, to], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
    })? {
        let (who, counts) = row?;
        rated.insert(who, counts);
    }
    let rows = st.query_map(params![from, to], |r| {
        let role: String = r.get(1)?;
        Ok((
            r.get::<_, crate::setup::staff::StaffId>(7)?,
            PersonWork {
                name: r.get(0)?,
                role: crate::base::role::Role::parse("role", &role)
                    .map(|x| x.label())
                    .unwrap_or("")
                    .to_string(),
                intake_received: r.get(2)?,
                slips_dispatched: r.get(3)?,
                slips_completed: r.get(4)?,
                return_visits: r.get(5)?,
                complaints_handled: r.get(6)?,
                // Late for the handovers they came in to (R-DU-7, R-RP-2).
                late: r.get(8)?,
                // Discipline found by checks, and the residents' word on their work (R-DU-12, R-RP-2).
                absent: r.get(9)?,
                early_leave: r.get(10)?,
                ..Default::default()
            },
        ))
    })?;
    let mut out: Vec<(crate::setup::staff::StaffId, PersonWork)> =
        rows.collect::<rusqlite::Result<_>>()?;
    for (id, p) in &mut out {
        (p.visits_rated, p.visits_satisfied) = rated.get(id).copied().unwrap_or((0, 0));
    }
    Ok(out)
}
