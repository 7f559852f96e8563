//! A print job: load the record(s), render the form, keep a copy in the archive folder next to
//! the database (<data dir>/archive/YYYY-MM/<form>-<serial>-<time>.pdf) and write the audit
//! log, all in one transaction so an archived file always has its audit row. Full phone numbers
//! are a supervisor's (or manager's) choice and the audit row says so (R-ROLE-2).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::forms::dispatch_slip::SlipPaper;
use super::forms::{
    complaint, dispatch_slip, entry_pass, goods_pass, handover, hot_work, intake_log, key_register,
    period_report, return_visits, roster, shift_request,
};
use super::{FormKind, PrintMeta};
use crate::base::base64::base64;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::ANYONE;
use crate::base::role::FULL_PHONE_PRINTERS;
use crate::base::role::REPORT_READERS;
use crate::desk::registers::{entry_passes, goods_passes, hot_work as permits};
use crate::desk::{complaints, intake, keys, slips, visits};
use crate::duty::handover as duty_handover;
use crate::duty::roster::{self as duty_roster, Month};
use crate::duty::{on_duty, requests};
use crate::paper::reports::compute::compute;
use crate::paper::reports::period::{Period, PeriodKind};
use crate::store::{archive, archive_dir, Store};
use crate::{base::audit, setup::office};

/// Who may print full phone numbers instead of masked ones.

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PrintInput {
    pub form: FormKind,
    /// The record's serial (派工单 PG-…, 投诉 TS-…). For 维修派工单 an empty serial with `from`
    /// set prints that day's batch.
    #[serde(default)]
    pub serial: String,
    /// Logs: the first day 'YYYY-MM-DD', or a start time 'YYYY-MM-DD HH:MM' for one shift.
    #[serde(default)]
    pub from: String,
    /// Logs: the last day (inclusive) or the end time of the shift; empty = the same day as `from`.
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub paper: Option<SlipPaper>,
    #[serde(default)]
    pub full_phones: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PrintedForm {
    pub form: FormKind,
    pub title: String,
    /// Where the archived copy was written.
    pub archive_path: String,
    pub file_name: String,
    pub bytes: usize,
    /// The PDF itself, base64, for the preview.
    pub pdf_base64: String,
    #[serde(skip)]
    #[ts(skip)]
    pub pdf: Vec<u8>,
}

/// A bound of a log period: a day (start of day, or start of the next day when it is the end)
/// or a time to the minute.
fn bound(field: &str, text: &str, is_end: bool) -> Result<(String, String)> {
    let t = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let day = if is_end { d.succ_opt().unwrap_or(d) } else { d };
        return Ok((format!("{day} 00:00:00"), d.to_string()));
    }
    for f in ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
            return Ok((
                dt.format(crate::base::ctx::TIME_FORMAT).to_string(),
                dt.format("%Y-%m-%d %H:%M").to_string(),
            ));
        }
    }
    Err(Error::invalid(
        field,
        format!("日期“{t}”格式不正确，应为 2026-11-02 或 2026-11-02 08:30"),
    ))
}

/// [from, to) as stored-time text, and the label printed as the log's 记录编号.
fn period(input: &PrintInput) -> Result<(String, String, String)> {
    if input.from.trim().is_empty() {
        return Err(Error::invalid("from", "请选择要打印的日期"));
    }
    let to_text = if input.to.trim().is_empty() {
        input.from.trim()
    } else {
        input.to.trim()
    };
    let (from, from_label) = bound("from", &input.from, false)?;
    let (to, to_label) = bound("to", to_text, true)?;
    if to <= from {
        return Err(Error::invalid("to", "结束时间应晚于开始时间"));
    }
    let label = if from_label == to_label {
        from_label
    } else {
        format!("{from_label} 至 {to_label}")
    };
    Ok((from, to, label))
}

/// The serial of a one-record form, refused when empty with an example of its shape.
fn serial_of<'a>(input: &'a PrintInput, example: &str) -> Result<&'a str> {
    let s = input.serial.trim();
    if s.is_empty() {
        return Err(Error::invalid(
            "serial",
            format!("请填写单号，如 {example}"),
        ));
    }
    Ok(s)
}

fn day(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            format!("日期“{}”格式不正确，应为 2026-11-02", text.trim()),
        )
    })
}

/// Renders the form and returns (pdf, serial-or-period for the file name). Each form asks its
/// concept for the record — the same reads the screens use — and only lays it out.
fn render(
    tx: &rusqlite::Transaction,
    meta: &PrintMeta,
    input: &PrintInput,
) -> Result<(Vec<u8>, String)> {
    let now = meta.printed_at;
    match input.form {
        FormKind::IntakeLog => {
            let (from, to, label) = period(input)?;
            let rows = intake_log::rows_from(&intake::received_between(tx, &from, &to, false)?);
            let log = intake_log::IntakeLog {
                period: label.clone(),
                rows,
            };
            Ok((intake_log::render(meta, &log)?, label))
        }
        FormKind::NightLog => {
            let d = day("from", &input.from)?;
            let s = intake::settings::load(tx)?;
            let end_day = if s.night_end <= s.night_start {
                d.succ_opt().unwrap_or(d)
            } else {
                d
            };
            let (from, to) = (
                format!("{d} {}:00", s.night_start),
                format!("{end_day} {}:00", s.night_end),
            );
            let log = intake_log::night_from(
                format!("{d} {} 至 {end_day} {}", s.night_start, s.night_end),
                &intake::received_between(tx, &from, &to, true)?,
                &on_duty::covers_between(tx, &from, &to)?,
            );
            Ok((intake_log::render_night(meta, &log)?, d.to_string()))
        }
        FormKind::DispatchSlip => {
            let paper = input.paper.unwrap_or(SlipPaper::A4);
            if input.serial.trim().is_empty() {
                let d = day("from", &input.from)?;
                let pages = slips::pages_opened_on(tx, now, d)?;
                if pages.is_empty() {
                    return Err(Error::not_found("from", format!("{d} 没有派工单")));
                }
                let slips: Vec<_> = pages.iter().map(dispatch_slip::from_page).collect();
                Ok((dispatch_slip::render(meta, &slips, paper)?, d.to_string()))
            } else {
                let slip =
                    dispatch_slip::from_page(&slips::page_by_serial(tx, now, &input.serial)?);
                let serial = slip.serial.clone();
                Ok((dispatch_slip::render(meta, &[slip], paper)?, serial))
            }
        }
        FormKind::Complaint => {
            let page = complaints::page_by_serial(tx, now, &input.serial)?;
            let channel = page
                .complaint
                .intake_id
                .map(|id| intake::get(tx, id))
                .transpose()?
                .map(|e| e.channel);
            let c = complaint::from_page(&page, channel);
            let serial = c.serial.clone();
            Ok((complaint::render(meta, &c)?, serial))
        }
        FormKind::ReturnVisits => {
            let (from, to, label) = period(input)?;
            let rows = return_visits::rows_from(&visits::between(tx, &from, &to)?);
            let log = return_visits::ReturnVisitLog {
                period: label.clone(),
                rows,
            };
            Ok((return_visits::render(meta, &log)?, label))
        }
        FormKind::Roster => {
            // A day (2026-11-23) names its month too.
            let text = input.from.trim();
            let month = Month::parse(
                "from",
                text.get(..7).filter(|_| text.len() == 10).unwrap_or(text),
            )?;
            let view = duty_roster::view(tx, month).map_err(|e| e.on_field("from"))?;
            let lead = crate::duty::settings::load(tx)?.arrival_lead_minutes;
            let r = roster::from_view(&view, lead);
            let key = r.month.clone();
            Ok((roster::render(meta, &r)?, key))
        }
        FormKind::ShiftRequest => {
            let id: i64 = input
                .serial
                .trim()
                .trim_start_matches('#')
                .parse()
                .map_err(|_| Error::invalid("serial", "申请编号应为数字"))?;
            let r = shift_request::from_request(&requests::get_tx(tx, id)?);
            let serial = r.serial.trim_start_matches('#').to_string();
            Ok((shift_request::render(meta, &r)?, serial))
        }
        FormKind::Handover => {
            let h = handover::from_record(&duty_handover::load_by_serial(tx, &input.serial)?);
            let serial = h.serial.clone();
            Ok((handover::render(meta, &h)?, serial))
        }
        FormKind::PeriodReport => {
            let text = input.from.trim();
            let kind = if text.contains(['Q', 'q']) {
                PeriodKind::Quarter
            } else if text.len() == 4 {
                PeriodKind::Year
            } else {
                PeriodKind::Month
            };
            let period = Period::parse(kind, text, meta.printed_at.date())
                .map_err(|e| Error::invalid("from", e.to_string()))?;
            let report = compute(tx, &period, &meta.office_name, meta.printed_at)?;
            Ok((period_report::render(meta, &report)?, period.key.clone()))
        }
        FormKind::GoodsPass => {
            let g = goods_passes::by_serial(tx, serial_of(input, "FX-202611-0001")?)?;
            Ok((goods_pass::render(meta, &g)?, g.serial))
        }
        FormKind::HotWork => {
            let p = permits::by_serial(tx, now, serial_of(input, "MH-202611-0001")?)?;
            Ok((hot_work::render(meta, &p)?, p.serial))
        }
        FormKind::EntryPass => {
            let p = entry_passes::by_serial(tx, now, serial_of(input, "CR-202611-0001")?)?;
            Ok((entry_pass::render(meta, &p)?, p.serial))
        }
        FormKind::KeyRegister => {
            let all = keys::all(tx)?;
            Ok((
                key_register::render(meta, &all)?,
                now.format("%Y-%m-%d").to_string(),
            ))
        }
    }
}

fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

pub fn print(store: &mut Store, ctx: &Ctx, input: PrintInput) -> Result<PrintedForm> {
    ctx.require(ANYONE, "打印表单")?;
    if input.form == FormKind::PeriodReport {
        ctx.require(REPORT_READERS, "打印统计报表")?;
    }
    if input.full_phones {
        ctx.require(FULL_PHONE_PRINTERS, "打印完整电话号码")?;
    }
    let dir = archive_dir(store)?;
    store.write(|tx| {
        let office =
            office::load(tx)?.ok_or_else(|| Error::not_found("office", "尚未完成首次设置"))?;
        let meta = PrintMeta::new(&office, ctx.now, input.full_phones)
            .with_chain(crate::base::seal::head(tx)?.short());
        ctx.step("正在生成表单", 0.1);
        let (pdf, serial) = render(tx, &meta, &input)?;
        ctx.step("正在归档", 0.9);
        let month_dir = dir.join(ctx.now.format("%Y-%m").to_string());
        std::fs::create_dir_all(&month_dir)?;
        let (path, file_name) = archive::save_new(
            &month_dir,
            &format!(
                "{}-{}-{}",
                input.form.code(),
                file_safe(&serial),
                ctx.now.format("%Y%m%d%H%M%S")
            ),
            "pdf",
            &pdf,
        )?;
        let phones = if input.full_phones {
            "完整电话号码（主管选择）"
        } else {
            "电话已隐去"
        };
        audit::record(
            tx,
            ctx,
            "打印表单",
            "print",
            None,
            &format!(
                "{} {serial}；{phones}；归档 {file_name}",
                input.form.label()
            ),
        )?;
        Ok(PrintedForm {
            form: input.form,
            title: input.form.label().to_string(),
            archive_path: path.display().to_string(),
            file_name,
            bytes: pdf.len(),
            pdf_base64: base64(&pdf),
            pdf,
        })
    })
}
