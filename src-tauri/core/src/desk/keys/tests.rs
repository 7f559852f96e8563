//! R-AH-4 on a fixed clock: a key deposited, lent, handed on at the shift change while out,
//! returned, and taken back by its resident; each wrong step refused with its reason.

use super::*;
use crate::duty::handover::{self, HandoverKind, HandoverStart};
use crate::testkit::{as_user, Desk};

#[test]
fn r_ah_4_a_key_is_deposited_lent_handed_on_while_out_and_returned() {
    let mut d = Desk::new();
    d.publish_full("2026-12", "2026-11-20 10:00");
    let desk = d.receptionists[0].clone();
    let at = |t: &str| as_user(&desk, t);

    // Deposit: every missing field named at once; then the key is in the cabinet.
    let e = deposit(
        &mut d.store,
        &at("2026-12-10 09:00"),
        KeyDepositInput::default(),
    )
    .unwrap_err();
    let fields: Vec<String> = e.to_view().fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["label", "owner_name", "room"]);
    let key = deposit(
        &mut d.store,
        &at("2026-12-10 09:00"),
        KeyDepositInput {
            room: "3-2-1502".into(),
            label: "入户门钥匙 2 把".into(),
            owner_name: "王女士".into(),
            owner_phone: "13812345678".into(),
            note: "出差一周，期间允许维修工进门".into(),
        },
    )
    .unwrap();
    assert_eq!(
        (key.state, key.room.as_str(), key.received_by.as_str()),
        (KeyState::Kept, "3-2-1502", desk.name.as_str())
    );
    let back = |id| KeyBackInput {
        key_id: id,
        note: String::new(),
    };
    assert_eq!(
        give_back(&mut d.store, &at("2026-12-10 09:05"), back(key.id))
            .unwrap_err()
            .kind(),
        "conflict"
    );

    // Lent to the technician at 10:00.
    let lend_to = |who: &str| KeyLendInput {
        key_id: key.id,
        lent_to: who.into(),
        lent_phone: String::new(),
        purpose: "上门检修卫生间渗水".into(),
    };
    let lent = lend(&mut d.store, &at("2026-12-10 10:00"), lend_to("张师傅")).unwrap();
    assert_eq!(lent.state, KeyState::Lent);
    assert_eq!(
        lent.loan.as_ref().map(|l| l.lent_to.as_str()),
        Some("张师傅")
    );
    let e = lend(&mut d.store, &at("2026-12-10 10:05"), lend_to("赵师傅")).unwrap_err();
    assert_eq!(e.kind(), "conflict");
    assert!(e.to_string().contains("张师傅"), "{e}");
    assert_eq!(
        withdraw(&mut d.store, &at("2026-12-10 10:06"), back(key.id))
            .unwrap_err()
            .kind(),
        "conflict"
    );

    // Still out at the 17:30 change: the handover carries it, saying who has it.
    let h = handover::start(
        &mut d.store,
        &at("2026-12-10 17:20"),
        HandoverStart {
            kind: HandoverKind::Desk,
            change_at: None,
            outgoing_id: None,
            incoming_id: None,
        },
    )
    .unwrap();
    let carried: Vec<&str> = h
        .open_items
        .iter()
        .filter(|o| o.source == "借出钥匙")
        .map(|o| o.summary.as_str())
        .collect();
    assert_eq!(
        carried,
        ["3-2-1502 入户门钥匙 2 把 借给 张师傅（12-10 10:00）上门检修卫生间渗水"]
    );

    // Back at 18:00: in the cabinet again, and no longer open.
    let returned = give_back(&mut d.store, &at("2026-12-10 18:00"), back(key.id)).unwrap();
    assert_eq!((returned.state, returned.times_lent), (KeyState::Kept, 1));
    let still_out = d.store.read(|tx| out(tx)).unwrap();
    assert!(still_out.is_empty());
    let listed = list(
        &mut d.store,
        &at("2026-12-10 18:01"),
        KeyQuery {
            state: Some(KeyState::Lent),
        },
    )
    .unwrap();
    assert!(listed.is_empty());

    // The resident takes it back; it can no longer be lent.
    let gone = withdraw(&mut d.store, &at("2026-12-17 19:00"), back(key.id)).unwrap();
    assert_eq!(gone.state, KeyState::Withdrawn);
    assert_eq!(
        lend(&mut d.store, &at("2026-12-17 19:05"), lend_to("李阿姨"))
            .unwrap_err()
            .kind(),
        "conflict"
    );
}
