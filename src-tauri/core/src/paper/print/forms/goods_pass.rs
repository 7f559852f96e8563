//! 物品出入放行单 (R-AH-1): one slip, carried by whoever moves the goods and kept by the gate.

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::registers::goods_passes::{GoodsPass, GoodsPassState};
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{field, field_tall, fields, sig, signatures};
use crate::paper::print::{FormKind, PrintMeta};

pub fn render(meta: &PrintMeta, g: &GoodsPass) -> Result<Vec<u8>> {
    let kind = FormKind::GoodsPass;
    let mut doc = Document::new(Paper::A4, meta.header(kind, kind.label(), &g.serial))?;
    let closed = g.closed_at.as_deref().map(minute).unwrap_or_default();
    let outcome = match g.state {
        GoodsPassState::Waiting => "待门岗核对放行".to_string(),
        GoodsPassState::Released => format!("{closed} 由 {} 核对放行", g.closed_by),
        GoodsPassState::Voided => format!("{closed} 由 {} 作废：{}", g.closed_by, g.close_note),
    };
    fields(
        &mut doc,
        &[
            vec![
                field("放行单号", &g.serial),
                field("开单时间", minute(&g.issued_at)),
            ],
            vec![field("房号", &g.room), field("当前状态", g.state.label())],
            vec![
                field("业主/住户", &g.resident_name),
                field("联系电话", meta.phone(&g.resident_phone)),
            ],
            vec![
                field("搬运人", &g.carrier_name),
                field("搬运人电话", meta.phone(&g.carrier_phone)),
            ],
            vec![field_tall("物品名称及数量", &g.items, 4)],
            vec![field_tall("备注", &g.note, 1)],
            vec![field("开单人", &g.issued_by), field("放行情况", outcome)],
        ],
        BODY_PT,
    );
    doc.y += 2.0;
    doc.paragraph(
        SMALL_PT,
        "门岗凭本单核对物品，物品与本单不符的不予放行；本单当日有效，放行后由门岗留存。",
    );
    signatures(
        &mut doc,
        &[
            sig("业主/住户签字", None),
            sig(
                "客服开单",
                super::signed(&g.issued_by, &minute(&g.issued_at)),
            ),
            sig(
                "门岗核对放行",
                (g.state == GoodsPassState::Released)
                    .then(|| super::signed(&g.closed_by, &closed))
                    .flatten(),
            ),
        ],
        BODY_PT,
    );
    doc.finish()
}
