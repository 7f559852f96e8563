//! 今日 (issue 13): how much is waiting at the desk right now — slips past their time limit
//! (R-DS-5), done slips owed their return visit (R-DS-6), callbacks owed (R-IN-4), night-log
//! entries not yet settled (R-HO-6), shift changes without a signed handover (R-HO-8), complaints
//! awaiting their reply (R-CP-1) and swap or leave requests awaiting approval (R-DU-5). The status
//! bar and the 今日 page show these counts (and which return visits are past their deadline, R-DS-7); each uses the condition of the list it links to, so
//! a count and its list never disagree.

use chrono::NaiveDateTime;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::base::when;
use crate::desk::{complaints, deadlines, intake, slips};
use crate::duty::handover::missing;
use crate::duty::requests;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Waiting {
    /// Slips still being worked on and past their time limit (the 已超时 board).
    pub overdue: i64,
    /// Done slips waiting for their return visit (the 待回访 board).
    pub awaiting_visit: i64,
    /// Of those, the ones past the return visit's deadline (the 回访超时 board, R-DS-7).
    pub visits_overdue: i64,
    /// Intake entries whose callback is still owed.
    pub callbacks: i64,
    /// The day of the oldest callback still owed (`YYYY-MM-DD`), where its list starts.
    pub callbacks_since: Option<String>,
    /// Night-log entries not yet converted or settled.
    pub night_log: i64,
    /// Shift changes of the last seven days still without a signed handover.
    pub missing_handovers: i64,
    /// Complaints registered and not yet answered.
    pub awaiting_reply: i64,
    /// Swap and leave requests not yet approved or refused.
    pub pending_requests: i64,
}

pub fn waiting(store: &mut Store, ctx: &Ctx) -> Result<Waiting> {
    ctx.actor()?;
    store.read(|tx| count_at(tx, ctx.now))
}

pub(crate) fn count_at(tx: &Transaction, now: NaiveDateTime) -> Result<Waiting> {
    let at = when::text(now);
    let count = |from: &str, condition: &str| -> Result<i64> {
        let sql = format!("SELECT count(*) FROM {from} WHERE {condition} AND ?1 IS NOT NULL");
        Ok(tx.query_row(&sql, [&at], |r| r.get(0))?)
    };
    let overdue = format!(
        "{} AND {}",
        deadlines::WORKING_SQL,
        deadlines::overdue_sql("?1")
    );
    let callbacks_since: Option<String> = tx.query_row(
        &format!(
            "SELECT substr(min(e.received_at), 1, 10) FROM intake_entries e WHERE {}",
            intake::CALLBACK_PENDING_SQL
        ),
        [],
        |r| r.get(0),
    )?;
    Ok(Waiting {
        overdue: count("dispatch_slips d", &overdue)?,
        awaiting_visit: count("dispatch_slips d", slips::AWAITING_VISIT_SQL)?,
        visits_overdue: tx.query_row(
            &format!(
                "SELECT count(*) FROM dispatch_slips d WHERE {}",
                slips::visit_overdue_sql("?1")
            ),
            [slips::visit_cutoff(tx, now)?],
            |r| r.get(0),
        )?,
        callbacks: count("intake_entries e", intake::CALLBACK_PENDING_SQL)?,
        callbacks_since,
        night_log: count("intake_entries e", intake::NIGHT_LOG_OPEN_SQL)?,
        missing_handovers: missing::recent(tx, now, None)?.len() as i64,
        awaiting_reply: count("complaints c", complaints::AWAITING_REPLY_SQL)?,
        pending_requests: count("duty_requests q", requests::PENDING_SQL)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::complaints::ComplaintFilter;
    use crate::desk::open_items;
    use crate::desk::slips::Board;
    use crate::duty::handover::missing::MissingInput;
    use crate::duty::requests::{RequestInput, RequestKind, RequestQuery};
    use crate::testkit::{at, records, Desk};

    /// A desk with work in every state: the counts equal what the test wrote, and the length of
    /// the list each count links to.
    #[test]
    fn each_count_is_what_was_left_waiting_and_the_length_of_its_list() {
        let now = "2026-11-23 10:00";
        let mut d = Desk::at(now);
        d.publish_full("2026-11", "2026-11-01 09:00");
        let s = &d.store;
        // Slips: one past its 4-hour limit, one still within it, two done (one visited and
        // closed by the visit), one cancelled long past its limit.
        records::slip(
            s,
            "PG-202611-0001",
            None,
            at("2026-11-20 09:00"),
            "给排水",
            None,
        );
        records::slip(
            s,
            "PG-202611-0002",
            None,
            at("2026-11-23 09:30"),
            "给排水",
            None,
        );
        records::slip(
            s,
            "PG-202611-0003",
            None,
            at("2026-11-21 09:00"),
            "给排水",
            Some(2),
        );
        let visited = records::slip(
            s,
            "PG-202611-0004",
            None,
            at("2026-11-21 09:00"),
            "给排水",
            Some(2),
        );
        s.conn()
            .execute(
                "UPDATE dispatch_slips SET state = 'return_visited' WHERE id = ?1",
                [visited],
            )
            .unwrap();
        let cancelled = records::slip(
            s,
            "PG-202611-0005",
            None,
            at("2026-11-01 09:00"),
            "给排水",
            None,
        );
        s.conn()
            .execute(
                "UPDATE dispatch_slips SET state = 'cancelled' WHERE id = ?1",
                [cancelled],
            )
            .unwrap();
        // Intake: two callbacks owed (the older on the 19th), one made; a night entry still
        // open and one settled.
        for (when, state) in [
            ("2026-11-19 20:00", "pending"),
            ("2026-11-22 15:00", "pending"),
            ("2026-11-22 16:00", "done"),
        ] {
            let id = records::intake(s, when, 1, "call", "inquiry", "询问停车月卡办理", false);
            s.conn().execute("UPDATE intake_entries SET callback_state = ?1, callback_phone = '13812345678' WHERE id = ?2", rusqlite::params![state, id]).unwrap();
        }
        records::intake(
            s,
            "2026-11-23 02:00",
            1,
            "call",
            "repair",
            "楼道灯不亮",
            true,
        );
        let settled = records::intake(
            s,
            "2026-11-23 03:00",
            1,
            "call",
            "inquiry",
            "问物业电话",
            true,
        );
        s.conn()
            .execute(
                "UPDATE intake_entries SET finished_at = '2026-11-23 08:40:00', outcome = '已答复' WHERE id = ?1",
                [settled],
            )
            .unwrap();
        // Complaints: one awaiting its reply, one signed off.
        records::complaint(
            s,
            "TS-202611-0001",
            "2026-11-22 09:00:00",
            "neighbour",
            None,
            None,
        );
        records::complaint(
            s,
            "TS-202611-0002",
            "2026-11-20 09:00:00",
            "neighbour",
            Some("valid"),
            Some("2026-11-21 09:00:00"),
        );
        // One leave request filed, not yet decided.
        let li = d.receptionists[0].clone();
        crate::duty::requests::file(
            &mut d.store,
            &crate::testkit::as_user(&li, now),
            RequestInput {
                kind: RequestKind::Leave,
                staff_id: li.id,
                from_day: "2026-11-28".into(),
                to_day: None,
                other_staff_id: None,
                other_day: None,
                reason: "事假".into(),
            },
        )
        .unwrap();

        let ctx = d.as_boss(now);
        let w = waiting(&mut d.store, &ctx).unwrap();
        assert_eq!(
            (
                w.overdue,
                w.awaiting_visit,
                w.callbacks,
                w.night_log,
                w.awaiting_reply,
                w.pending_requests
            ),
            (1, 1, 2, 1, 1, 1)
        );
        assert_eq!(w.callbacks_since.as_deref(), Some("2026-11-19"));
        // The lists the status bar links to say the same.
        let board = |d: &mut Desk, b| {
            crate::desk::slips::board(&mut d.store, &ctx, b)
                .unwrap()
                .len() as i64
        };
        assert_eq!(w.overdue, board(&mut d, Board::Overdue));
        assert_eq!(w.awaiting_visit, board(&mut d, Board::AwaitingVisit));
        let open = open_items::show(&mut d.store, &ctx).unwrap();
        assert_eq!(w.callbacks, open.pending_callbacks.len() as i64);
        assert_eq!(w.night_log, open.night_log_unconverted.len() as i64);
        let replies =
            crate::desk::complaints::list(&mut d.store, &ctx, ComplaintFilter::AwaitingReply)
                .unwrap();
        assert_eq!(w.awaiting_reply, replies.len() as i64);
        let pending = crate::duty::requests::list(
            &mut d.store,
            &ctx,
            RequestQuery {
                pending_only: true,
                limit: None,
            },
        )
        .unwrap();
        assert_eq!(w.pending_requests, pending.len() as i64);
        // The published month's changes of the last week have no handovers at all.
        let missing = missing::missing(&mut d.store, &ctx, MissingInput::default()).unwrap();
        assert!(w.missing_handovers > 0);
        assert_eq!(w.missing_handovers, missing.len() as i64);
    }
}
