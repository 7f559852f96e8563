//! Paper forms as PDF (REQUIREMENTS §7). Each form is a function from a plain data struct to
//! PDF bytes; `page` draws the document-control header every form carries, `table` draws
//! ruled tables, record grids and signature boxes, `font` measures the bundled CJK font.

pub mod deliver;
pub mod font;
pub mod forms;
pub mod job;
pub mod page;
pub mod table;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::phone;
use crate::setup::office::Office;

/// The printable forms, with the code that makes up their 文件编号 (doc_prefix-code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FormKind {
    IntakeLog,
    NightLog,
    DispatchSlip,
    Complaint,
    ReturnVisits,
    Roster,
    ShiftRequest,
    Handover,
    /// The month's, quarter's or year's statistics (`from` = 2026-11, 2026-Q4 or 2026).
    PeriodReport,
}

impl FormKind {
    pub const ALL: [FormKind; 9] = [
        FormKind::IntakeLog,
        FormKind::NightLog,
        FormKind::DispatchSlip,
        FormKind::Complaint,
        FormKind::ReturnVisits,
        FormKind::Roster,
        FormKind::ShiftRequest,
        FormKind::Handover,
        FormKind::PeriodReport,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FormKind::IntakeLog => "来电来访登记表",
            FormKind::NightLog => "夜间值班记录表",
            FormKind::DispatchSlip => "维修派工单",
            FormKind::Complaint => "投诉处理记录表",
            FormKind::ReturnVisits => "回访记录表",
            FormKind::Roster => "值班安排表",
            FormKind::ShiftRequest => "调班/请假申请单",
            FormKind::Handover => "交接班记录表",
            FormKind::PeriodReport => "客服统计报表",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            FormKind::IntakeLog => "JL-01",
            FormKind::NightLog => "JL-02",
            FormKind::DispatchSlip => "JL-03",
            FormKind::Complaint => "JL-04",
            FormKind::ReturnVisits => "JL-05",
            FormKind::Roster => "JL-06",
            FormKind::ShiftRequest => "JL-07",
            FormKind::Handover => "JL-08",
            FormKind::PeriodReport => "BB-01",
        }
    }

    /// The snake_case name used on the command line and in archive file names.
    pub fn key(self) -> &'static str {
        match self {
            FormKind::IntakeLog => "intake_log",
            FormKind::NightLog => "night_log",
            FormKind::DispatchSlip => "dispatch_slip",
            FormKind::Complaint => "complaint",
            FormKind::ReturnVisits => "return_visits",
            FormKind::Roster => "roster",
            FormKind::ShiftRequest => "shift_request",
            FormKind::Handover => "handover",
            FormKind::PeriodReport => "period_report",
        }
    }

    pub fn from_key(key: &str) -> Option<FormKind> {
        FormKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What every print job knows besides its record: who the office is, when, and whether the
/// supervisor chose to print full phone numbers (R-ROLE-2).
#[derive(Debug, Clone)]
pub struct PrintMeta {
    pub office_name: String,
    pub doc_prefix: String,
    pub doc_version: String,
    pub printed_at: NaiveDateTime,
    pub full_phones: bool,
    /// The tamper-evident chain's head at printing (封存链 N · xxxxxxxx), in every footer.
    pub chain: String,
}

impl PrintMeta {
    pub fn new(office: &Office, printed_at: NaiveDateTime, full_phones: bool) -> PrintMeta {
        PrintMeta {
            office_name: format!("{} {}", office.company_name, office.estate_name),
            doc_prefix: office.doc_prefix.clone(),
            doc_version: office.doc_version.clone(),
            printed_at,
            full_phones,
            chain: String::new(),
        }
    }

    /// The same, with the chain's head to print in the footer.
    pub fn with_chain(mut self, chain: String) -> PrintMeta {
        self.chain = chain;
        self
    }

    /// A phone as this job prints it: masked unless a supervisor chose full numbers.
    pub fn phone(&self, p: &str) -> String {
        if self.full_phones {
            p.to_string()
        } else {
            phone::mask(p)
        }
    }

    pub(crate) fn header(&self, kind: FormKind, title: &str, serial: &str) -> page::Header {
        page::Header {
            office_name: self.office_name.clone(),
            title: title.to_string(),
            doc_no: format!("{}-{}", self.doc_prefix, kind.code()),
            version: self.doc_version.clone(),
            serial: serial.to_string(),
            printed_at: self.printed_at.format("%Y-%m-%d %H:%M").to_string(),
            footer: if self.full_phones {
                "本表含住户完整电话号码（主管授权打印），请妥善保管，不得外传".to_string()
            } else {
                "住户电话已隐去中间四位；本表仅供物业服务中心内部使用".to_string()
            },
            chain: self.chain.clone(),
            mask_phones: !self.full_phones,
        }
    }
}

#[cfg(test)]
mod form_tests;
#[cfg(test)]
mod job_tests;
#[cfg(test)]
mod state_names_tests;
#[cfg(test)]
pub(crate) mod tests;
