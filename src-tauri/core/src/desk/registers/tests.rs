//! R-AH-1..3 on a fixed clock: each register issued (every missing field named at once),
//! handed on at a shift change while open, closed by someone else, refused when closed twice or
//! voided without a reason, found by search and printed with its document-control header.

use super::entry_passes::{self, EntryPassInput, EntryPassState, IdKind};
use super::goods_passes::{self, GoodsPassInput, GoodsPassState};
use super::hot_work::{self, HotWorkInput, HotWorkState};
use super::{RegisterCloseInput, RegisterQuery};
use crate::base::ctx::Ctx;
use crate::desk::search::{self, SearchQuery};
use crate::duty::handover::{self, pulled, HandoverKind, HandoverStart};
use crate::paper::print::job::{print, PrintInput};
use crate::paper::print::tests::text_of_bytes;
use crate::paper::print::FormKind;
use crate::testkit::{as_user, Desk};

fn fields_of(e: crate::base::error::Error) -> Vec<String> {
    let v = e.to_view();
    if v.fields.is_empty() {
        v.field.into_iter().collect()
    } else {
        v.fields.into_iter().map(|f| f.field).collect()
    }
}

/// What a handover at `now` pulls in from `source` (the desk's `handover start` shows the same).
fn carried(d: &mut Desk, ctx: &Ctx, source: &str) -> Vec<String> {
    d.store
        .read(|tx| pulled::open_records(tx, ctx.now))
        .unwrap()
        .into_iter()
        .filter(|o| o.source == source)
        .map(|o| o.summary)
        .collect()
}

fn printed(d: &mut Desk, ctx: &Ctx, form: FormKind, serial: &str) -> String {
    let p = print(
        &mut d.store,
        ctx,
        PrintInput {
            form,
            serial: serial.into(),
            from: String::new(),
            to: String::new(),
            paper: None,
            full_phones: false,
        },
    )
    .unwrap();
    text_of_bytes(&p.pdf).0
}

fn close(id: i64, void: bool, note: &str) -> RegisterCloseInput {
    RegisterCloseInput {
        id,
        void,
        note: note.into(),
    }
}

fn found(d: &mut Desk, ctx: &Ctx, text: &str) -> Vec<(String, String)> {
    let page = search::search(
        &mut d.store,
        ctx,
        SearchQuery {
            text: text.into(),
            limit: None,
            offset: None,
        },
    )
    .unwrap();
    page.registers
        .into_iter()
        .map(|h| (h.serial, h.state))
        .collect()
}

#[test]
fn r_ah_1_a_goods_pass_is_issued_handed_on_until_the_gate_lets_the_goods_out() {
    let mut d = Desk::on_disk("2026-11-20 10:00");
    d.publish_full("2026-12", "2026-11-20 10:00");
    let desk = d.receptionists[0].clone();
    let guard = d.security.clone();
    let at = |t: &str| as_user(&desk, t);

    let e = goods_passes::issue(
        &mut d.store,
        &at("2026-12-10 16:00"),
        GoodsPassInput::default(),
    )
    .unwrap_err();
    assert_eq!(
        fields_of(e),
        ["room", "resident_name", "carrier_name", "items"]
    );
    let g = goods_passes::issue(
        &mut d.store,
        &at("2026-12-10 16:00"),
        GoodsPassInput {
            room: "3-2-1502".into(),
            resident_name: "王女士".into(),
            resident_phone: "13812345678".into(),
            carrier_name: "刘师傅".into(),
            carrier_phone: "13700001111".into(),
            items: "旧沙发 1 张，纸箱 3 个".into(),
            note: String::new(),
        },
    )
    .unwrap();
    assert_eq!(
        (g.serial.as_str(), g.state, g.issued_by.as_str()),
        (
            "FX-202612-0001",
            GoodsPassState::Waiting,
            desk.name.as_str()
        )
    );

    // Not yet out at the 17:30 change: the next shift is told.
    assert_eq!(
        carried(&mut d, &at("2026-12-10 17:20"), "待放行物品"),
        ["FX-202612-0001 3-2-1502 刘师傅：旧沙发 1 张，纸箱 3 个"]
    );
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
    assert!(h
        .open_items
        .iter()
        .any(|o| o.source == "待放行物品" && o.summary.starts_with("FX-202612-0001")));
    assert_eq!(
        found(&mut d, &at("2026-12-10 17:21"), "1111"),
        [("FX-202612-0001".into(), "待放行".into())]
    );

    // The guard checks the goods at 18:10 and lets them out; the checker is the guard.
    let out = goods_passes::release(
        &mut d.store,
        &as_user(&guard, "2026-12-10 18:10"),
        close(g.id, false, ""),
    )
    .unwrap();
    assert_eq!(
        (out.state, out.closed_by.as_str()),
        (GoodsPassState::Released, guard.name.as_str())
    );
    let again = goods_passes::release(
        &mut d.store,
        &at("2026-12-10 18:11"),
        close(g.id, true, "重复"),
    )
    .unwrap_err();
    assert_eq!(again.kind(), "conflict");
    assert!(
        again.to_string().contains("已于 2026-12-10 18:10 放行"),
        "{again}"
    );
    assert!(carried(&mut d, &at("2026-12-10 23:20"), "待放行物品").is_empty());

    // A slip issued by mistake is voided, with its reason.
    let wrong = goods_passes::issue(
        &mut d.store,
        &at("2026-12-11 09:00"),
        GoodsPassInput {
            room: "3-2-1201".into(),
            resident_name: "周业主".into(),
            carrier_name: "搬家公司".into(),
            items: "冰箱".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(wrong.serial, "FX-202612-0002");
    let e = goods_passes::release(
        &mut d.store,
        &at("2026-12-11 09:01"),
        close(wrong.id, true, ""),
    )
    .unwrap_err();
    assert_eq!(fields_of(e), ["note"]);
    let voided = goods_passes::release(
        &mut d.store,
        &at("2026-12-11 09:02"),
        close(wrong.id, true, "业主改期搬运"),
    )
    .unwrap();
    assert_eq!(voided.state, GoodsPassState::Voided);
    let open = goods_passes::list(
        &mut d.store,
        &at("2026-12-11 09:03"),
        RegisterQuery { open_only: true },
    )
    .unwrap();
    assert!(open.is_empty());

    let text = printed(
        &mut d,
        &at("2026-12-11 09:05"),
        FormKind::GoodsPass,
        "fx-202612-0001",
    );
    for want in [
        "物品出入放行单",
        "FX-202612-0001",
        "3-2-1502",
        "刘师傅",
        "137****1111",
        "旧沙发1张，纸箱3个",
        "已放行",
        "门岗核对放行",
    ] {
        assert!(text.contains(want), "{want} missing from {text}");
    }
    assert!(!text.contains("13700001111"), "phones are masked");
}

fn permit(approver: Option<i64>) -> HotWorkInput {
    HotWorkInput {
        room: "5-1-0802".into(),
        place: "5-1-0802 阳台".into(),
        applicant: "美家装饰 陈工".into(),
        applicant_phone: "13600002222".into(),
        work: "焊接阳台防盗网".into(),
        starts_at: "2026-12-10 14:00".into(),
        ends_at: "2026-12-10 18:00".into(),
        fire_measures: "配灭火器 2 具，清理周边易燃物".into(),
        guardian: "陈工".into(),
        approver_id: approver,
    }
}

#[test]
fn r_ah_2_a_hot_work_permit_needs_a_leaders_approval_and_stays_open_until_the_site_is_checked() {
    let mut d = Desk::on_disk("2026-11-20 10:00");
    d.publish_full("2026-12", "2026-11-20 10:00");
    let desk = d.receptionists[0].clone();
    let at = |t: &str| as_user(&desk, t);

    let e = hot_work::issue(
        &mut d.store,
        &at("2026-12-10 09:00"),
        HotWorkInput::default(),
    )
    .unwrap_err();
    assert_eq!(
        fields_of(e),
        [
            "place",
            "applicant",
            "work",
            "fire_measures",
            "guardian",
            "starts_at",
            "ends_at"
        ]
    );
    let backwards = HotWorkInput {
        ends_at: "2026-12-10 13:00".into(),
        ..permit(Some(d.boss.id))
    };
    assert_eq!(
        fields_of(hot_work::issue(&mut d.store, &at("2026-12-10 09:00"), backwards).unwrap_err()),
        ["ends_at"]
    );
    // A receptionist is no approver; nor may the desk leave the approver out.
    let e = hot_work::issue(
        &mut d.store,
        &at("2026-12-10 09:00"),
        permit(Some(d.receptionists[1].id)),
    )
    .unwrap_err();
    assert!(e.to_string().contains("须由主管或经理批准"), "{e}");
    assert_eq!(
        fields_of(
            hot_work::issue(&mut d.store, &at("2026-12-10 09:00"), permit(None)).unwrap_err()
        ),
        ["approver_id"]
    );

    let p = hot_work::issue(
        &mut d.store,
        &at("2026-12-10 09:00"),
        permit(Some(d.boss.id)),
    )
    .unwrap();
    assert_eq!(
        (p.serial.as_str(), p.state, p.approved_by.as_str()),
        (
            "MH-202612-0001",
            HotWorkState::Approved,
            d.boss.name.as_str()
        )
    );
    // A leader entering it approves it themselves.
    let boss = d.as_boss("2026-12-10 09:10");
    let own = hot_work::issue(&mut d.store, &boss, permit(None)).unwrap();
    assert_eq!(own.approved_by, d.boss.name);
    hot_work::finish(&mut d.store, &boss, close(own.id, true, "重复登记")).unwrap();

    let show = |d: &mut Desk, t: &str| hot_work::show(&mut d.store, &at(t), p.id).unwrap().state;
    assert_eq!(show(&mut d, "2026-12-10 15:00"), HotWorkState::Working);
    assert_eq!(show(&mut d, "2026-12-10 18:30"), HotWorkState::Overrun);
    assert_eq!(
        carried(&mut d, &at("2026-12-10 17:20"), "动火作业未结束"),
        ["MH-202612-0001 5-1-0802 阳台 焊接阳台防盗网（12-10 14:00 至 12-10 18:00）"]
    );
    assert_eq!(
        found(&mut d, &at("2026-12-10 17:21"), "防盗网"),
        [
            ("MH-202612-0002".into(), "已作废".into()),
            ("MH-202612-0001".into(), "作业中".into())
        ]
    );

    let done = hot_work::finish(
        &mut d.store,
        &at("2026-12-10 18:20"),
        close(p.id, false, "现场已检查，无遗留火种"),
    )
    .unwrap();
    assert_eq!(done.state, HotWorkState::Finished);
    assert!(carried(&mut d, &at("2026-12-10 23:20"), "动火作业未结束").is_empty());

    let text = printed(
        &mut d,
        &at("2026-12-10 18:30"),
        FormKind::HotWork,
        "MH-202612-0001",
    );
    for want in [
        "动用明火审批表",
        "MH-202612-0001",
        "焊接阳台防盗网",
        "配灭火器2具",
        "批准人",
        &d.boss.name,
        "现场已检查，无遗留火种",
        "已结束",
    ] {
        assert!(text.contains(want), "{want} missing from {text}");
    }
}

#[test]
fn r_ah_3_an_entry_pass_keeps_only_the_masked_id_and_is_handed_on_when_overdue() {
    let mut d = Desk::on_disk("2026-11-20 10:00");
    d.publish_full("2026-12", "2026-11-20 10:00");
    let desk = d.receptionists[0].clone();
    let at = |t: &str| as_user(&desk, t);
    let input = |number: &str, to: &str| EntryPassInput {
        holder_name: "李师傅".into(),
        holder_phone: String::new(),
        id_kind: IdKind::IdCard,
        id_number: number.into(),
        company: "美家装饰".into(),
        purpose: "3-2-1202 装修施工".into(),
        room: "3-2-1202".into(),
        valid_from: String::new(),
        valid_to: to.into(),
    };

    let e = entry_passes::issue(
        &mut d.store,
        &at("2026-12-10 09:00"),
        input("1234", "2026-12-09"),
    )
    .unwrap_err();
    assert_eq!(fields_of(e), ["id_number", "valid_to"]);
    let p = entry_passes::issue(
        &mut d.store,
        &at("2026-12-10 09:00"),
        input("11010519800101123x", "2026-12-12"),
    )
    .unwrap();
    assert_eq!(
        (
            p.serial.as_str(),
            p.id_masked.as_str(),
            p.valid_from.as_str(),
            p.state
        ),
        (
            "CR-202612-0001",
            "110***********123X",
            "2026-12-10",
            EntryPassState::Valid
        )
    );
    let stored: i64 = d
        .store
        .read(|tx| {
            Ok(tx.query_row(
                "SELECT count(*) FROM entry_passes WHERE id_masked LIKE '%0519%'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(stored, 0, "the full number is never stored");

    // Valid passes are no matter for the next shift; one past its last day is.
    assert!(carried(&mut d, &at("2026-12-12 17:20"), "出入证逾期未收回").is_empty());
    assert_eq!(
        carried(&mut d, &at("2026-12-13 08:20"), "出入证逾期未收回"),
        ["CR-202612-0001 李师傅（3-2-1202 装修施工）有效期至 2026-12-12"]
    );
    assert_eq!(
        found(&mut d, &at("2026-12-13 08:21"), "李师傅 装修"),
        [("CR-202612-0001".into(), "逾期未收回".into())]
    );
    let back = entry_passes::take_back(
        &mut d.store,
        &at("2026-12-13 09:00"),
        close(p.id, false, ""),
    )
    .unwrap();
    assert_eq!(back.state, EntryPassState::Returned);
    assert!(carried(&mut d, &at("2026-12-13 17:20"), "出入证逾期未收回").is_empty());

    let text = printed(
        &mut d,
        &at("2026-12-13 09:05"),
        FormKind::EntryPass,
        "CR-202612-0001",
    );
    for want in [
        "临时出入证",
        "CR-202612-0001",
        "李师傅",
        "居民身份证",
        "110***********123X",
        "2026-12-12",
        "已收回",
    ] {
        assert!(text.contains(want), "{want} missing from {text}");
    }
}

#[test]
fn r_ah_4_the_key_register_prints_where_every_key_is() {
    use crate::desk::keys::{self, KeyDepositInput, KeyLendInput};
    let mut d = Desk::on_disk("2026-12-10 09:00");
    let desk = d.receptionists[0].clone();
    let at = |t: &str| as_user(&desk, t);
    let k = keys::deposit(
        &mut d.store,
        &at("2026-12-10 09:00"),
        KeyDepositInput {
            room: "3-2-1502".into(),
            label: "入户门钥匙".into(),
            owner_name: "王女士".into(),
            ..Default::default()
        },
    )
    .unwrap();
    keys::lend(
        &mut d.store,
        &at("2026-12-10 10:00"),
        KeyLendInput {
            key_id: k.id,
            lent_to: "张师傅".into(),
            lent_phone: String::new(),
            purpose: "检修渗水".into(),
        },
    )
    .unwrap();
    let text = printed(&mut d, &at("2026-12-10 11:00"), FormKind::KeyRegister, "");
    for want in [
        "客户钥匙登记表",
        "在柜0把，借出1把",
        "3-2-1502",
        "入户门钥匙",
        "借给张师傅（检修渗水）",
    ] {
        assert!(text.contains(want), "{want} missing from {text}");
    }
    assert_eq!(
        found(&mut d, &at("2026-12-10 11:01"), "张师傅"),
        [(String::new(), "借出".into())]
    );
}
