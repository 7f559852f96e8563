//! R-HO-9: a person whose next day is a rest day writes down matters and suggestions (轮休交代) in
//! the handover; the record knows from the roster who rests next, keeps the notes sealed, and
//! prints them.

use super::tests::{morning, sign_as};
use super::*;
use crate::duty::roster;
use crate::paper::print::forms::handover::from_record;
use crate::testkit::{as_user, PASSWORD};

#[test]
fn r_ho_9_an_outgoing_person_resting_next_writes_rest_day_notes_into_the_handover() {
    // 12月10日 08:30: the night technician of the 9th hands over; the rotation 夜, 休, 休 gives
    // them the 10th off.
    let (mut d, h) = morning();
    assert!(
        h.outgoing_rests_next,
        "{} rests on 12月10日",
        h.outgoing.name
    );
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:20");
    let h = set_notes(
        &mut d.store,
        &ctx,
        NotesInput {
            id: h.id,
            work_notes: "夜间接报修 2 件，已派".into(),
            rest_notes: Some("明天轮休：5-1-0802 渗水请白班跟进；建议给对讲机换电池".into()),
        },
    )
    .unwrap();
    assert_eq!(
        h.rest_notes,
        "明天轮休：5-1-0802 渗水请白班跟进；建议给对讲机换电池"
    );
    // Saving the notes again without 轮休交代 leaves it as it was.
    let h = set_notes(
        &mut d.store,
        &ctx,
        NotesInput {
            id: h.id,
            work_notes: "夜间接报修 2 件，均已派工".into(),
            rest_notes: None,
        },
    )
    .unwrap();
    assert!(h.rest_notes.starts_with("明天轮休"));
    sign_as(&mut d, &h, Party::Outgoing, PASSWORD, "2026-12-10 08:25").unwrap();
    let signed = sign_as(&mut d, &h, Party::Incoming, PASSWORD, "2026-12-10 08:26").unwrap();
    assert_eq!(signed.rest_notes, h.rest_notes, "kept in the signed record");
    assert!(crate::store::seal_check::check(&mut d.store).unwrap().ok);
    assert_eq!(
        from_record(&signed).rest_notes,
        signed.rest_notes,
        "printed"
    );

    // At 17:30 the day receptionist hands over: whether they rest next is what the roster says.
    let evening = start(
        &mut d.store,
        &as_user(&d.receptionists[0].clone(), "2026-12-10 17:20"),
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: None,
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap();
    let boss = d.as_boss("2026-12-10 17:20");
    let view = roster::get(&mut d.store, &boss, "2026-12").unwrap();
    let row = view
        .rows
        .iter()
        .find(|r| r.staff.id == evening.outgoing.id)
        .unwrap();
    let works_the_11th = !row.cells[10].is_empty() && row.cells[10] != "休";
    assert_eq!(
        evening.outgoing_rests_next, !works_the_11th,
        "{:?}",
        row.cells
    );
}
