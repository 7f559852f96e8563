//! 值班安排表: the month grid (one row per person, one column per day) with each person's
//! phone (R-DU-5) and a legend of the shift codes and their times.

use crate::duty::roster::Month;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::error::Result;
use crate::base::role::Role;
use crate::base::when::minute;
use crate::duty::roster::RosterView;
use crate::paper::print::page::{Document, Paper, SMALL_PT};
use crate::paper::print::table::{col, col_c, sig, signatures, table, Column};
use crate::paper::print::{FormKind, PrintMeta};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftLegend {
    /// The short mark used in the grid, e.g. 白 / 夜 / 午.
    pub code: String,
    pub name: String,
    /// e.g. 17:30–次日09:00
    pub hours: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RosterPerson {
    pub name: String,
    pub role: String,
    pub phone: String,
    /// One entry per day of the month: the shift codes that day ("" = rest).
    pub days: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RosterSheet {
    /// 'YYYY-MM'
    pub month: String,
    pub days_in_month: u32,
    /// Weekday of each day, 一…日, for the header row.
    pub weekdays: Vec<String>,
    pub people: Vec<RosterPerson>,
    pub legend: Vec<ShiftLegend>,
    pub published_by: String,
    pub published_at: String,
    /// How early the office has people arrive for the handover (设置 › 值班, R-DU-7).
    pub arrival_lead_minutes: i64,
    /// Special days (R-DU-10), one line each: "12月31日 元旦前夜：值班负责人 王主管".
    #[serde(default)]
    pub special_days: Vec<String>,
    /// Per day of the month: marked special (★ in the header).
    #[serde(default)]
    pub special: Vec<bool>,
}

pub fn render(meta: &PrintMeta, r: &RosterSheet) -> Result<Vec<u8>> {
    let kind = FormKind::Roster;
    let month = Month::parse("month", &r.month)
        .map(Month::said)
        .unwrap_or_else(|_| r.month.clone());
    let title = format!("{month} {}", kind.label());
    let mut doc = Document::new(Paper::A4Landscape, meta.header(kind, &title, &r.month))?;
    let n = r.days_in_month as usize;
    let mut cols: Vec<Column> = vec![col("姓名\n岗位", 7.0), col("电话", 9.0)];
    for d in 0..n {
        let wd = r.weekdays.get(d).map(String::as_str).unwrap_or("");
        let star = if r.special.get(d).copied().unwrap_or(false) {
            "★"
        } else {
            ""
        };
        cols.push(col_c(&format!("{}{star}\n{}", d + 1, wd), 2.6));
    }
    let rows: Vec<Vec<String>> = r
        .people
        .iter()
        .map(|p| {
            let mut row = vec![format!("{}\n{}", p.name, p.role), meta.phone(&p.phone)];
            for d in 0..n {
                row.push(p.days.get(d).cloned().unwrap_or_default());
            }
            row
        })
        .collect();
    table(&mut doc, &cols, &rows, SMALL_PT - 0.5, "本月尚未排班");
    doc.y += 3.0;
    if !r.special_days.is_empty() {
        doc.paragraph(
            SMALL_PT + 1.0,
            &format!(
                "★ 特殊日（须有主管或经理值班）：{}",
                r.special_days.join("；")
            ),
        );
    }
    doc.paragraph(SMALL_PT + 1.0, "班次说明：");
    let legend: Vec<Vec<String>> = r
        .legend
        .iter()
        .map(|l| vec![l.code.clone(), l.name.clone(), l.hours.clone()])
        .collect();
    table(
        &mut doc,
        &[col_c("标记", 1.0), col("班次", 2.0), col("时间", 4.0)],
        &legend,
        SMALL_PT + 1.0,
        "未设置班次",
    );
    let arrive = match r.arrival_lead_minutes {
        0 => "值班人员须按时到岗办理交接".to_string(),
        m => format!("值班人员须提前{m}分钟到岗办理交接"),
    };
    doc.paragraph(
        SMALL_PT,
        &format!("{arrive}；调班须提交调班申请并经客服主管批准后方可生效。"),
    );
    signatures(
        &mut doc,
        &[
            sig(
                "编制（客服主管）",
                super::signed(&r.published_by, &r.published_at),
            ),
            sig("审批（项目经理）", None),
        ],
        SMALL_PT + 1.0,
    );
    doc.finish()
}

/// The month's roster as the grid shows it (approved changes applied), with everyone who has a
/// shift in it, their phones, the legend of shift times it was published with, and the office's
/// arrival lead.
pub fn from_view(v: &RosterView, arrival_lead_minutes: i64) -> RosterSheet {
    RosterSheet {
        month: v.month.clone(),
        days_in_month: v.days.len() as u32,
        weekdays: v.days.iter().map(|d| d.weekday.clone()).collect(),
        people: v
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
            .map(|r| RosterPerson {
                name: r.staff.name.clone(),
                role: r.staff.role.label().to_string(),
                phone: r.staff.phone.clone(),
                days: r.cells.clone(),
            })
            .collect(),
        legend: v
            .shifts
            .iter()
            .map(|s| ShiftLegend {
                code: s.code.clone(),
                name: s.name.clone(),
                hours: if s.crosses_midnight {
                    format!("{}–次日{}", s.start_time, s.end_time)
                } else {
                    format!("{}–{}", s.start_time, s.end_time)
                },
            })
            .collect(),
        published_by: v.published_by.clone().unwrap_or_default(),
        published_at: minute(v.published_at.as_deref().unwrap_or("")),
        arrival_lead_minutes,
        special_days: v
            .days
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let reason = d.special.as_ref()?;
                let leaders: Vec<&str> = v
                    .rows
                    .iter()
                    .filter(|r| {
                        matches!(r.staff.role, Role::Supervisor | Role::Manager)
                            && r.cells.get(i).is_some_and(|c| !c.is_empty())
                    })
                    .map(|r| r.staff.name.as_str())
                    .collect();
                let who = if leaders.is_empty() {
                    "未安排".to_string()
                } else {
                    leaders.join("、")
                };
                Some(format!(
                    "{}月{}日 {reason}：值班负责人 {who}",
                    month_of(&v.month),
                    d.day
                ))
            })
            .collect(),
        special: v.days.iter().map(|d| d.special.is_some()).collect(),
    }
}

/// "2026-12" → 12.
fn month_of(ym: &str) -> u32 {
    ym.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0)
}
