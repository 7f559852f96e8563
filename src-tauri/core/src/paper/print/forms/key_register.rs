//! 客户钥匙登记表 (R-AH-4): every key the desk holds or has held — where it is now, who has it.

use crate::base::error::Result;
use crate::base::when::minute;
use crate::desk::keys::{KeyState, ResidentKey};
use crate::paper::print::page::{Document, Paper, BODY_PT, SMALL_PT};
use crate::paper::print::table::{col, col_c, sig, signatures, table};
use crate::paper::print::{FormKind, PrintMeta};

pub fn render(meta: &PrintMeta, keys: &[ResidentKey]) -> Result<Vec<u8>> {
    let kind = FormKind::KeyRegister;
    let day = meta.printed_at.format("%Y-%m-%d").to_string();
    let mut doc = Document::new(Paper::A4Landscape, meta.header(kind, kind.label(), &day))?;
    let count = |s: KeyState| keys.iter().filter(|k| k.state == s).count();
    doc.paragraph(
        SMALL_PT,
        &format!(
            "截至 {}：在柜 {} 把，借出 {} 把，业主已取回 {} 把",
            meta.printed_at.format("%Y-%m-%d %H:%M"),
            count(KeyState::Kept),
            count(KeyState::Lent),
            count(KeyState::Withdrawn)
        ),
    );
    let rows: Vec<Vec<String>> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            vec![
                (i + 1).to_string(),
                k.room.clone(),
                k.label.clone(),
                format!("{}\n{}", k.owner_name, meta.phone(&k.owner_phone)),
                format!("{}\n{}", minute(&k.deposited_at), k.received_by),
                k.state.label().to_string(),
                match (&k.loan, &k.withdrawn_at) {
                    (Some(l), _) => format!(
                        "{} {} 借给 {}{}",
                        minute(&l.lent_at),
                        l.lent_by,
                        l.lent_to,
                        if l.purpose.is_empty() {
                            String::new()
                        } else {
                            format!("（{}）", l.purpose)
                        }
                    ),
                    (None, Some(at)) => format!("{} 业主取回", minute(at)),
                    (None, None) => String::new(),
                },
                k.times_lent.to_string(),
                k.note.clone(),
            ]
        })
        .collect();
    table(
        &mut doc,
        &[
            col_c("序号", 4.0),
            col("房号", 8.0),
            col("钥匙", 12.0),
            col("业主/电话", 11.0),
            col("寄存时间/经手", 11.0),
            col_c("状态", 7.0),
            col("借出/取回", 22.0),
            col_c("借出次数", 5.0),
            col("备注", 14.0),
        ],
        &rows,
        BODY_PT,
        "没有钥匙登记",
    );
    signatures(
        &mut doc,
        &[sig("当班客服", None), sig("客服主管审阅", None)],
        BODY_PT,
    );
    doc.finish()
}
