//! The report operations: compute a period's report (dashboard), and export it as .xlsx, kept in
//! the archive folder beside the database like every printed form.

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period::{Period, PeriodKind};
use super::{compute, xlsx, Report};
use crate::base::base64::base64;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::REPORT_READERS;
use crate::store::Store;
use crate::store::{archive, archive_dir};
use crate::{base::audit, setup::office};

/// Reports are the supervisor's (003 主管职责 12) and the manager's.

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReportInput {
    pub kind: PeriodKind,
    /// 2026-11, 2026-Q4 or 2026.
    pub period: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExportedReport {
    pub file_name: String,
    pub archive_path: String,
    pub bytes: usize,
    pub xlsx_base64: String,
    #[serde(skip)]
    #[ts(skip)]
    pub xlsx: Vec<u8>,
}

pub fn report(store: &mut Store, ctx: &Ctx, input: ReportInput) -> Result<Report> {
    ctx.require(REPORT_READERS, "查看报表")?;
    let today = ctx.now.date();
    let period = Period::parse(input.kind, &input.period, today)?;
    store.read(|tx| {
        let office =
            office::load(tx)?.ok_or_else(|| Error::not_found("office", "尚未完成首次设置"))?;
        compute::compute(
            tx,
            &period,
            &format!("{} {}", office.company_name, office.estate_name),
            ctx.now,
        )
    })
}

pub fn export(store: &mut Store, ctx: &Ctx, input: ReportInput) -> Result<ExportedReport> {
    ctx.step("正在统计本期数字", 0.05);
    let report = report(store, ctx, input)?;
    ctx.step("正在写 Excel 工作簿", 0.6);
    let bytes = xlsx::write(&report)?;
    ctx.step("正在归档", 0.9);
    let dir = archive_dir(store)?.join(format!("{}-{:02}", ctx.now.year(), ctx.now.month()));
    store.write(|tx| {
        let (path, file_name) = archive::save_new(
            &dir,
            &format!(
                "{}-{}-{}",
                report.period.kind.label(),
                report.period.key,
                ctx.now.format("%Y%m%d%H%M%S")
            ),
            "xlsx",
            &bytes,
        )?;
        audit::record(
            tx,
            ctx,
            "导出报表",
            "report",
            None,
            &format!(
                "{}{}；归档 {file_name}",
                report.period.label,
                report.period.kind.label()
            ),
        )?;
        Ok(ExportedReport {
            file_name,
            archive_path: path.display().to_string(),
            bytes: bytes.len(),
            xlsx_base64: base64(&bytes),
            xlsx: bytes.clone(),
        })
    })
}
