//! Who works which shift on which day: the roster's cells, then the approved overrides in the
//! order they were approved, then (for a check before approving) the proposed changes.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::role::Role;
use crate::duty::shifts::{self, Shift, ShiftId};
use crate::setup::staff::{self, StaffId};

pub const DAY_FORMAT: &str = "%Y-%m-%d";

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StaffBrief {
    pub id: StaffId,
    pub name: String,
    pub role: Role,
    pub phone: String,
}

/// One person on one shift on one day.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub staff: StaffBrief,
    pub day: NaiveDate,
    pub shift: Shift,
    /// Set by an approved swap or leave rather than the published grid.
    pub overridden: bool,
}

/// A change to the plan: `staff` works `shift` on `day` (None = off).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub staff_id: StaffId,
    pub day: NaiveDate,
    pub shift_id: Option<ShiftId>,
}

pub fn brief(tx: &Transaction, id: StaffId) -> Result<StaffBrief> {
    let s = staff::get(tx, id)?;
    Ok(StaffBrief {
        id: s.id,
        name: s.name,
        role: s.role,
        phone: s.phone,
    })
}

/// The plan for `from..=to`: published rosters (or the draft `draft` for its own days) with
/// approved overrides and then `extra` laid over them.
pub fn effective(
    tx: &Transaction,
    from: NaiveDate,
    to: NaiveDate,
    draft: Option<i64>,
    extra: &[Change],
) -> Result<Vec<Assignment>> {
    let (f, t) = (
        from.format(DAY_FORMAT).to_string(),
        to.format(DAY_FORMAT).to_string(),
    );
    let mut plan: BTreeMap<(NaiveDate, StaffId), (Option<ShiftId>, bool)> = BTreeMap::new();
    let mut st = tx.prepare(
        "SELECT c.staff_id, c.day, c.shift_id FROM roster_cells c JOIN rosters r ON r.id = c.roster_id
         WHERE c.day BETWEEN ?1 AND ?2 AND (r.status = 'published' OR r.id = ?3)",
    )?;
    let cells = st.query_map(params![f, t, draft.unwrap_or(-1)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for c in cells {
        let (staff, day, shift) = c?;
        if let Ok(d) = NaiveDate::parse_from_str(&day, DAY_FORMAT) {
            plan.insert((d, staff), (Some(shift), false));
        }
    }
    // Overrides on a published roster are laid over it. Those approved on a draft were made in
    // the draft's cells already: they only mark the cell as changed while it still holds them.
    let mut st = tx.prepare(
        "SELECT o.staff_id, o.day, o.shift_id, o.in_draft FROM roster_overrides o JOIN duty_requests q ON q.id = o.request_id
         WHERE o.day BETWEEN ?1 AND ?2 AND q.status = 'approved' ORDER BY o.id",
    )?;
    let overrides = st.query_map(params![f, t], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, bool>(3)?,
        ))
    })?;
    for o in overrides {
        let (staff, day, shift, in_draft) = o?;
        let Ok(d) = NaiveDate::parse_from_str(&day, DAY_FORMAT) else {
            continue;
        };
        if !in_draft {
            plan.insert((d, staff), (shift, true));
        } else if let Some(cell) = plan.get_mut(&(d, staff)).filter(|c| c.0 == shift) {
            cell.1 = true;
        }
    }
    for c in extra.iter().filter(|c| c.day >= from && c.day <= to) {
        plan.insert((c.day, c.staff_id), (c.shift_id, true));
    }
    let all_shifts: HashMap<ShiftId, Shift> =
        shifts::all(tx)?.into_iter().map(|s| (s.id, s)).collect();
    // A published month keeps the shift times it was published with.
    let mut published: HashMap<(String, ShiftId), (String, String, bool)> = HashMap::new();
    let mut st = tx.prepare(
        "SELECT r.month, t.shift_id, t.start_time, t.end_time, t.covers_desk
         FROM roster_shift_times t JOIN rosters r ON r.id = t.roster_id
         WHERE r.status = 'published' AND r.month BETWEEN ?1 AND ?2",
    )?;
    let rows = st.query_map(params![&f[..7], &t[..7]], |r| {
        Ok((
            (r.get::<_, String>(0)?, r.get::<_, i64>(1)?),
            (r.get(2)?, r.get(3)?, r.get(4)?),
        ))
    })?;
    for row in rows {
        let (k, v) = row?;
        published.insert(k, v);
    }
    let mut people: HashMap<StaffId, StaffBrief> = HashMap::new();
    let mut out = Vec::new();
    for ((day, staff_id), (shift, overridden)) in plan {
        let Some(now) = shift.and_then(|id| all_shifts.get(&id)) else {
            continue;
        };
        let shift = match published.get(&(day.format("%Y-%m").to_string(), now.id)) {
            Some((start, end, covers)) => now.with_times(start, end, *covers),
            None => now.clone(),
        };
        if !people.contains_key(&staff_id) {
            people.insert(staff_id, brief(tx, staff_id)?);
        }
        out.push(Assignment {
            staff: people[&staff_id].clone(),
            day,
            shift,
            overridden,
        });
    }
    Ok(out)
}

/// The shift `staff` works on `day` in that month's roster as it stands — published with its
/// approved changes, or still a draft — if any.
pub fn shift_of(tx: &Transaction, staff: StaffId, day: NaiveDate) -> Result<Option<Shift>> {
    let draft = match super::roster_id(tx, super::Month::of(day))? {
        Some((id, super::RosterStatus::Draft)) => Some(id),
        _ => None,
    };
    Ok(effective(tx, day, day, draft, &[])?
        .into_iter()
        .find(|a| a.staff.id == staff)
        .map(|a| a.shift))
}
