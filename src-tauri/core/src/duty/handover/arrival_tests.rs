//! R-DU-7 and R-DU-12 for everyone taking over: the morning change starts two receptionists;
//! the one who is not the handover's incoming person has their arrival recorded and judged late
//! by the same lead, also after signing, and the month's report counts them per person — compared
//! with a count made here.

use super::arrivals::{self, CoArrivalInput};
use super::tests::morning;
use crate::testkit::as_user;

#[test]
fn r_du_7_everyone_taking_over_at_the_change_is_checked_for_lateness() {
    let (mut d, h) = morning();
    assert_eq!(h.co_arrivals.len(), 1, "{:?}", h.co_arrivals);
    let other = h.co_arrivals[0].staff.clone();
    assert_ne!(other.id, h.incoming.id);
    assert!(
        h.co_arrivals[0].shift_name.starts_with("白班"),
        "{:?}",
        h.co_arrivals[0]
    );
    assert_eq!(h.co_arrivals[0].arrived_at, None);
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:40");
    let arrive = |staff, when: &str| CoArrivalInput {
        id: h.id,
        staff_id: staff,
        arrived_at: Some(when.into()),
    };
    // Someone not starting at this change, or an arrival in the future: refused by field.
    let tech = d.technicians[0].id;
    let e = arrivals::record(&mut d.store, &ctx, arrive(tech, "2026-12-10 08:10")).unwrap_err();
    assert_eq!(e.to_view().field.as_deref(), Some("staff_id"));
    let e = arrivals::record(&mut d.store, &ctx, arrive(other.id, "2026-12-10 09:00")).unwrap_err();
    assert_eq!(e.to_view().field.as_deref(), Some("arrived_at"));
    // 08:20 is after 08:30 minus the 15-minute lead: late. A correction to 08:10 is on time.
    let h2 = arrivals::record(&mut d.store, &ctx, arrive(other.id, "2026-12-10 08:20")).unwrap();
    assert_eq!(
        (
            h2.co_arrivals[0].arrived_at.as_deref(),
            h2.co_arrivals[0].late
        ),
        (Some("2026-12-10 08:20:00"), true)
    );
    let h3 = arrivals::record(&mut d.store, &ctx, arrive(other.id, "2026-12-10 08:10")).unwrap();
    assert!(!h3.co_arrivals[0].late);
    let h4 = arrivals::record(&mut d.store, &ctx, arrive(other.id, "2026-12-10 08:25")).unwrap();
    assert!(h4.co_arrivals[0].late);

    // The month's report: late per person and in all, as the rows hold them.
    let rep = d.month_report("2026-12", "2026-12-20 09:00");
    let (incoming_late, others_late): (i64, i64) = d
        .store
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM handovers WHERE late = 1), (SELECT count(*) FROM shift_arrivals WHERE late = 1)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((incoming_late, others_late), (0, 1));
    assert_eq!(rep.duty.late_arrivals, incoming_late + others_late);
    let person = rep.workload.iter().find(|p| p.name == other.name).unwrap();
    assert_eq!(person.late, 1);
}
