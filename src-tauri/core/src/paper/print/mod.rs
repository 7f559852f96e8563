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

use crate::base::phone;
use crate::setup::office::Office;

crate::coded_enum!(
    /// The printable forms; `doc_code` makes up their 文件编号 (doc_prefix-code).
    FormKind {
        IntakeLog = ("intake_log", "来电来访登记表"),
        NightLog = ("night_log", "夜间值班记录表"),
        DispatchSlip = ("dispatch_slip", "维修派工单"),
        Complaint = ("complaint", "投诉处理记录表"),
        ReturnVisits = ("return_visits", "回访记录表"),
        Roster = ("roster", "值班安排表"),
        ShiftRequest = ("shift_request", "调班/请假申请单"),
        Handover = ("handover", "交接班记录表"),
        /// The month's, quarter's or year's statistics (`from` = 2026-11, 2026-Q4 or 2026).
        PeriodReport = ("period_report", "客服统计报表"),
        GoodsPass = ("goods_pass", "物品出入放行单"),
        HotWork = ("hot_work", "动用明火审批表"),
        EntryPass = ("entry_pass", "出入证"),
        /// Every key held or once held, as it stands at printing.
        KeyRegister = ("key_register", "客户钥匙登记表"),
    }
);

impl FormKind {
    /// The form's number in the office's document system (JL-01 …, BB-01).
    pub fn doc_code(self) -> &'static str {
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
            FormKind::GoodsPass => "JL-09",
            FormKind::HotWork => "JL-10",
            FormKind::EntryPass => "JL-11",
            FormKind::KeyRegister => "JL-12",
        }
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
            doc_no: format!("{}-{}", self.doc_prefix, kind.doc_code()),
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
