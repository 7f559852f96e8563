//! R-HO-4: anomalies in the area are recorded with the outgoing person's explanation — refused
//! without one, kept whole in the signed record, and printed beside it.

use super::tests::{morning, sign_as};
use super::*;
use crate::paper::print::forms::handover::from_record;
use crate::testkit::{as_user, PASSWORD};

#[test]
fn r_ho_4_an_anomaly_is_recorded_with_the_outgoing_persons_explanation() {
    let (mut d, h) = morning();
    let ctx = as_user(&d.receptionists[0].clone(), "2026-12-10 08:20");
    let anomaly = |explanation: &str| AnomalyInput {
        id: h.id,
        area: "地下车库".into(),
        description: "B2 照明灯坏两盏".into(),
        explanation: explanation.into(),
    };
    // No explanation: refused under that field, nothing written.
    let e = add_anomaly(&mut d.store, &ctx, anomaly("  ")).unwrap_err();
    assert_eq!((e.kind(), e.field()), ("invalid", Some("explanation")));
    assert!(get(&mut d.store, &ctx, h.id).unwrap().anomalies.is_empty());

    let with = add_anomaly(&mut d.store, &ctx, anomaly("已报工程部，今天下午更换")).unwrap();
    assert_eq!(with.anomalies.len(), 1);
    assert_eq!(
        (
            with.anomalies[0].area.as_str(),
            with.anomalies[0].explanation.as_str()
        ),
        ("地下车库", "已报工程部，今天下午更换")
    );

    // Signed by both, the record keeps it, and no anomaly can be added or taken away any more.
    sign_as(&mut d, &h, Party::Outgoing, PASSWORD, "2026-12-10 08:25").unwrap();
    let signed = sign_as(&mut d, &h, Party::Incoming, PASSWORD, "2026-12-10 08:26").unwrap();
    assert_eq!(signed.status, HandoverStatus::Signed);
    assert_eq!(
        add_anomaly(&mut d.store, &ctx, anomaly("补一条"))
            .unwrap_err()
            .kind(),
        "conflict"
    );
    let row = signed.anomalies[0].id;
    let e = remove_anomaly(
        &mut d.store,
        &ctx,
        RemoveInput {
            id: h.id,
            row_id: row,
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "conflict");

    // The printed record names whose explanation it is.
    let sheet = from_record(&get(&mut d.store, &ctx, h.id).unwrap());
    assert_eq!(
        sheet.anomalies,
        "地下车库：B2 照明灯坏两盏（交班人说明：已报工程部，今天下午更换）"
    );
}
