//! 动用明火审批表 (R-AH-2): one permit — the place, the work, the period, the fire-safety
//! measures, the site guardian and who approved it; closed after the site is checked.

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::registers::hot_work::{HotWorkPermit, HotWorkState};
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{field, field_tall, fields, sig, signatures};
use crate::paper::print::{FormKind, PrintMeta};

pub fn render(meta: &PrintMeta, p: &HotWorkPermit) -> Result<Vec<u8>> {
    let kind = FormKind::HotWork;
    let mut doc = Document::new(Paper::A4, meta.header(kind, kind.label(), &p.serial))?;
    let closed = p.closed_at.as_deref().map(minute).unwrap_or_default();
    let ended = match p.state {
        HotWorkState::Finished => format!("{closed} {} 检查现场：{}", p.closed_by, p.close_note),
        HotWorkState::Voided => format!("{closed} 由 {} 作废：{}", p.closed_by, p.close_note),
        other => other.label().to_string(),
    };
    fields(
        &mut doc,
        &[
            vec![
                field("审批编号", &p.serial),
                field("登记时间", minute(&p.issued_at)),
            ],
            vec![field("动火地点", &p.place), field("房号", &p.room)],
            vec![
                field("申请人/单位", &p.applicant),
                field("联系电话", meta.phone(&p.applicant_phone)),
            ],
            vec![field_tall("动火作业内容", &p.work, 2)],
            vec![
                field("动火开始", minute(&p.starts_at)),
                field("动火结束", minute(&p.ends_at)),
            ],
            vec![field_tall("防火措施", &p.fire_measures, 3)],
            vec![
                field("现场监护人", &p.guardian),
                field("批准人", &p.approved_by),
            ],
            vec![
                field("登记人", &p.issued_by),
                field("当前状态", p.state.label()),
            ],
            vec![field_tall("作业结束检查", ended, 2)],
        ],
        BODY_PT,
    );
    doc.y += 2.0;
    doc.paragraph(
        SMALL_PT,
        "动火须在批准的时间和地点内进行，现场配备灭火器材并有专人监护；作业结束后检查确认无遗留火种，方可关闭本审批。",
    );
    signatures(
        &mut doc,
        &[
            sig("申请人", None),
            sig("现场监护人", None),
            sig(
                "批准人",
                super::signed(&p.approved_by, &minute(&p.issued_at)),
            ),
            sig(
                "结束检查",
                (p.state == HotWorkState::Finished)
                    .then(|| super::signed(&p.closed_by, &closed))
                    .flatten(),
            ),
        ],
        BODY_PT,
    );
    doc.finish()
}
