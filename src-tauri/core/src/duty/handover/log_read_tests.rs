//! R-HO-3: the incoming person reads the duty log, asks what is unfinished and records what must
//! be followed up — confirmed with their signature, kept in the sealed record.

use super::sign::{sign, SignInput};
use super::tests::{morning, sign_as};
use super::*;
use crate::store::seal_check;
use crate::testkit::{as_user, PASSWORD};

#[test]
fn r_ho_3_the_incoming_person_confirms_reading_the_duty_log_and_writes_what_to_follow_up() {
    let (mut d, h) = morning();
    let desk = d.receptionists[0].clone();
    let ask = |party, read_log, follow_up: &str| SignInput {
        id: h.id,
        party,
        password: PASSWORD.into(),
        read_log,
        follow_up: follow_up.into(),
    };
    // The follow-up is the incoming person's to write.
    let ctx = as_user(&desk, "2026-12-10 08:25");
    let e = sign(&mut d.store, &ctx, ask(Party::Outgoing, false, "帮我跟进")).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("follow_up")));
    sign_as(&mut d, &h, Party::Outgoing, PASSWORD, "2026-12-10 08:25").unwrap();

    // Without 已阅值班日志 the incoming signature is refused, under that box, and nothing is signed.
    let ctx = as_user(&desk, "2026-12-10 08:26");
    let e = sign(&mut d.store, &ctx, ask(Party::Incoming, false, "")).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("read_log")));
    assert!(e.to_string().contains("已阅值班日志"));
    let now = get(&mut d.store, &ctx, h.id).unwrap();
    assert_eq!((now.incoming_signed_at, now.log_read_at), (None, None));

    // Confirmed: the time it was read and the follow-up are kept with the signature.
    let signed = sign(
        &mut d.store,
        &ctx,
        ask(Party::Incoming, true, "B2 照明待工程部更换，下午跟进"),
    )
    .unwrap();
    assert_eq!(signed.status, HandoverStatus::Signed);
    assert_eq!(signed.log_read_at.as_deref(), Some("2026-12-10 08:26:00"));
    assert_eq!(signed.follow_up, "B2 照明待工程部更换，下午跟进");
    let said: String = d
        .store
        .conn()
        .query_row(
            "SELECT summary FROM audit_log WHERE action = '已阅值班日志' AND entity_id = ?1",
            [h.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(said, "B2 照明待工程部更换，下午跟进");

    // The record is sealed with them: the chain holds, and a changed follow-up breaks it.
    assert!(seal_check::check(&mut d.store).unwrap().ok);
    let tampered = d
        .store
        .conn()
        .execute("UPDATE handovers SET follow_up = '' WHERE id = ?1", [h.id]);
    if tampered.is_ok() {
        assert!(
            !seal_check::check(&mut d.store).unwrap().ok,
            "a changed follow-up is found"
        );
    }
}
