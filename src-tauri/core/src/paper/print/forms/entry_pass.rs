//! 出入证 (R-AH-3): the temporary pass as issued — holder, masked ID number, what for, valid
//! from/to and who issued it — with the desk's stub for taking it back.

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::registers::entry_passes::{EntryPass, EntryPassState};
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{field, fields, sig, signatures};
use crate::paper::print::{FormKind, PrintMeta};

pub fn render(meta: &PrintMeta, p: &EntryPass) -> Result<Vec<u8>> {
    let kind = FormKind::EntryPass;
    let mut doc = Document::new(Paper::A5, meta.header(kind, "临时出入证", &p.serial))?;
    let closed = p.closed_at.as_deref().map(minute).unwrap_or_default();
    fields(
        &mut doc,
        &[
            vec![field("证号", &p.serial), field("当前状态", p.state.label())],
            vec![
                field("持证人", &p.holder_name),
                field("联系电话", meta.phone(&p.holder_phone)),
            ],
            vec![
                field("证件类型", p.id_kind.label()),
                field("证件号码", &p.id_masked),
            ],
            vec![field("单位", &p.company), field("房号", &p.room)],
            vec![field("事由", &p.purpose)],
            vec![
                field("有效期自", &p.valid_from),
                field("有效期至", &p.valid_to),
            ],
            vec![
                field("发证人", &p.issued_by),
                field("发证时间", minute(&p.issued_at)),
            ],
            vec![field(
                "收回",
                match p.state {
                    EntryPassState::Returned => format!("{closed} {} 收回", p.closed_by),
                    EntryPassState::Voided => format!("{closed} 作废：{}", p.close_note),
                    _ => String::new(),
                },
            )],
        ],
        BODY_PT,
    );
    doc.y += 2.0;
    doc.paragraph(
        SMALL_PT,
        "本证仅限持证人本人在有效期内使用，进出请主动出示；不得转借。工作结束或有效期满请交回客服中心。",
    );
    signatures(
        &mut doc,
        &[
            sig("发证人", super::signed(&p.issued_by, &minute(&p.issued_at))),
            sig("持证人签字", None),
        ],
        BODY_PT,
    );
    doc.finish()
}
