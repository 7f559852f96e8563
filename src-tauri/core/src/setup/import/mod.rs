//! Importing rooms with their residents, or staff, from an Excel or CSV file.
//!
//! Every row is checked with the same rules as the setup forms (the `clean` functions of
//! rooms, residents and staff) before anything is kept. The rows are then applied in one
//! transaction, each inside a savepoint, so that a row the database refuses is reported
//! precisely and the rest still count. A preview, or an import with wrong rows that the user did
//! not ask to skip, rolls the whole transaction back: what it reports is exactly what an import
//! would do, and nothing is written. Rows already in the database count as duplicates.

mod header;
mod rooms;
mod sheet;
mod staff;
mod template;

use std::ops::AddAssign;

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::audit;
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::SETUP_EDITORS;
use crate::store::Store;

pub use header::Column;
pub use sheet::{read as read_sheet, Sheet};
pub use template::{default_template_dir, save_template, template};

crate::coded_enum!(
    /// What a file brings in.
    #[derive(Default)]
    ImportKind {
        /// Rooms with their residents (one row per resident).
        #[default]
        Rooms = ("rooms", "住户与房间", ["room", "residents", "住户", "房间"]),
        Staff = ("staff", "员工"),
    }
);

impl ImportKind {
    fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Rooms => rooms::COLUMNS,
            ImportKind::Staff => staff::COLUMNS,
        }
    }
}

/// A file the user chose: its name (for the report and the log only; the content decides
/// what it is) and its bytes.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ImportFile {
    pub kind: ImportKind,
    #[serde(default)]
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// One thing wrong with one row: the spreadsheet row number (the header is row 1), the column's
/// header text, and what is wrong, in Chinese.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    pub row: u32,
    pub column: String,
    pub message: String,
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub file_name: String,
    /// xlsx, xls or csv: what the content turned out to be.
    pub format: String,
    /// Rows with data (blank rows are not counted).
    pub rows: u32,
    pub new_buildings: u32,
    pub new_rooms: u32,
    pub new_residents: u32,
    /// Numbers added to residents who were already registered.
    pub added_phones: u32,
    pub new_staff: u32,
    /// Rows that were already in the database entirely (nothing to add).
    pub duplicates: u32,
    /// Rows with at least one problem; they are not imported.
    pub invalid_rows: u32,
    pub problems: Vec<ImportProblem>,
    /// Things worth knowing that are not problems (ignored columns, phones added).
    pub notes: Vec<String>,
    /// Whether anything was kept: false for a preview and for a refused import.
    pub written: bool,
}

impl ImportReport {
    /// A few Chinese lines for the terminal.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        let verb = if self.written {
            "已导入"
        } else {
            "预计导入"
        };
        s.push_str(&format!(
            "{}（{}，共 {} 行数据）\n",
            self.file_name, self.format, self.rows
        ));
        match self.kind {
            ImportKind::Staff => s.push_str(&format!("{verb}：新员工 {} 人\n", self.new_staff)),
            ImportKind::Rooms => s.push_str(&format!(
                "{verb}：新楼栋 {} 栋，新房间 {} 间，新住户 {} 位，新增电话 {} 个\n",
                self.new_buildings, self.new_rooms, self.new_residents, self.added_phones
            )),
        }
        s.push_str(&format!(
            "已存在（跳过）：{} 行；有问题：{} 行\n",
            self.duplicates, self.invalid_rows
        ));
        for p in &self.problems {
            s.push_str(&format!(
                "  第 {} 行「{}」：{}\n",
                p.row, p.column, p.message
            ));
        }
        for n in &self.notes {
            s.push_str(&format!("  说明：{n}\n"));
        }
        if !self.written && !self.problems.is_empty() {
            s.push_str("未写入任何数据。请改正后重新导入，或选择“只导入正确的行”。\n");
        } else if !self.written {
            s.push_str("（预览，未写入）\n");
        }
        s.trim_end().to_string()
    }
}

/// What one row added; merged into the report only when the row's savepoint is kept.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tally {
    pub new_buildings: u32,
    pub new_rooms: u32,
    pub new_residents: u32,
    pub added_phones: u32,
    pub new_staff: u32,
    pub note: Option<String>,
}

impl Tally {
    fn is_empty(&self) -> bool {
        self.new_buildings
            + self.new_rooms
            + self.new_residents
            + self.added_phones
            + self.new_staff
            == 0
    }
}

impl AddAssign<Tally> for ImportReport {
    fn add_assign(&mut self, t: Tally) {
        if t.is_empty() {
            self.duplicates += 1;
        }
        self.new_buildings += t.new_buildings;
        self.new_rooms += t.new_rooms;
        self.new_residents += t.new_residents;
        self.added_phones += t.added_phones;
        self.new_staff += t.new_staff;
        self.notes.extend(t.note);
    }
}

/// Problems found while checking or writing one row. Errors about the input (invalid,
/// not found, conflict) become problems of that row; anything else (the disk, the database)
/// stops the import.
pub(crate) struct RowProblems<'a> {
    columns: &'a [Column],
    header: &'a header::Header,
    field_column: fn(&str) -> usize,
    row: u32,
    list: Vec<ImportProblem>,
}

impl RowProblems<'_> {
    pub fn add(&mut self, e: Error) -> Result<()> {
        match e {
            Error::Invalid { .. } | Error::NotFound { .. } | Error::Conflict { .. } => {
                let col = (self.field_column)(e.field().unwrap_or(""));
                self.list.push(ImportProblem {
                    row: self.row,
                    column: self.header.title(self.columns, col),
                    message: e.to_string(),
                });
                Ok(())
            }
            other => Err(other),
        }
    }

    /// `Some(value)` if `r` is Ok; records the problem and gives None otherwise.
    pub fn check<T>(&mut self, r: Result<T>) -> Result<Option<T>> {
        match r {
            Ok(v) => Ok(Some(v)),
            Err(e) => self.add(e).map(|_| None),
        }
    }
}

/// Checks every row of the file against the database as it is now and applies them in `tx`.
fn apply(tx: &Transaction, ctx: &Ctx, file: &ImportFile) -> Result<ImportReport> {
    let book = sheet::read(&file.bytes)?;
    let columns = file.kind.columns();
    // The first worksheet with the expected header; if none has it, say what the first lacks.
    let (index, rows, header) = match std::iter::once(&book.rows)
        .chain(&book.more)
        .enumerate()
        .find_map(|(i, rows)| header::find(rows, columns).ok().map(|h| (i, rows, h)))
    {
        Some(found) => found,
        None => {
            return Err(header::find(&book.rows, columns)
                .err()
                .unwrap_or(Error::BadFile {
                    message: "找不到表头".into(),
                }))
        }
    };
    let mut report = ImportReport {
        kind: file.kind,
        file_name: file.file_name.clone(),
        format: book.format.to_string(),
        ..ImportReport::default()
    };
    if index > 0 {
        report.notes.push(format!(
            "数据取自第 {} 张工作表（前面的工作表没有所需的表头）；行号指该工作表中的行",
            index + 1
        ));
    }
    if !header.ignored.is_empty() {
        report.notes.push(format!(
            "以下列无法识别，已忽略：{}",
            header.ignored.join("、")
        ));
    }
    let field_column = match file.kind {
        ImportKind::Rooms => rooms::column_of,
        ImportKind::Staff => staff::column_of,
    };
    let problems = |row: usize| RowProblems {
        columns,
        header: &header,
        field_column,
        row: row as u32 + 1,
        list: Vec::new(),
    };

    // First every row is checked on its own, before anything is written.
    let mut plans = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header.row + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        report.rows += 1;
        let mut p = problems(i);
        let plan = match file.kind {
            ImportKind::Rooms => rooms::check(&header, row, &mut p)?.map(Plan::Room),
            ImportKind::Staff => staff::check(tx, &header, row, &mut p)?.map(Plan::Staff),
        };
        match plan {
            Some(plan) if p.list.is_empty() => plans.push((i, plan)),
            _ => {
                report.invalid_rows += 1;
                report.problems.extend(p.list);
            }
        }
    }

    // Then the valid rows are applied in order, each in a savepoint so that a row the database
    // refuses leaves no trace and is reported like any other problem.
    for (i, plan) in plans {
        tx.execute_batch("SAVEPOINT import_row")?;
        let written = match &plan {
            Plan::Room(r) => rooms::write(tx, ctx, r),
            Plan::Staff(s) => staff::write(tx, ctx, s),
        };
        match written {
            Ok(tally) => {
                tx.execute_batch("RELEASE import_row")?;
                report += tally;
            }
            Err(e) => {
                tx.execute_batch("ROLLBACK TO import_row; RELEASE import_row")?;
                let mut p = problems(i);
                p.add(e)?;
                report.invalid_rows += 1;
                report.problems.extend(p.list);
            }
        }
    }
    Ok(report)
}

enum Plan {
    Room(rooms::RoomRow),
    Staff(staff::StaffRow),
}

/// What importing this file would do. Writes nothing.
pub fn preview(store: &mut Store, ctx: &Ctx, file: ImportFile) -> Result<ImportReport> {
    ctx.require(SETUP_EDITORS, "导入数据")?;
    store.write_if(|tx| Ok((apply(tx, ctx, &file)?, false)))
}

/// Imports the file. If any row has a problem, nothing is written unless `only_valid`, in
/// which case the correct rows are imported and the others reported.
pub fn run(
    store: &mut Store,
    ctx: &Ctx,
    file: ImportFile,
    only_valid: bool,
) -> Result<ImportReport> {
    ctx.require(SETUP_EDITORS, "导入数据")?;
    ctx.step("正在逐行检查并写入", 0.1);
    let report = store.write_if(|tx| {
        let mut report = apply(tx, ctx, &file)?;
        ctx.step("正在保存", 0.9);
        let keep = report.problems.is_empty() || only_valid;
        if keep {
            let action = match file.kind {
                ImportKind::Rooms => "导入住户",
                ImportKind::Staff => "导入员工",
            };
            let entity = match file.kind {
                ImportKind::Rooms => "rooms",
                ImportKind::Staff => "staff",
            };
            let summary = format!(
                "{}：新楼栋 {}，新房间 {}，新住户 {}，新增电话 {}，新员工 {}，重复 {} 行，有问题未导入 {} 行",
                file.file_name, report.new_buildings, report.new_rooms, report.new_residents, report.added_phones,
                report.new_staff, report.duplicates, report.invalid_rows
            );
            audit::record(tx, ctx, action, entity, None, &summary)?;
        }
        report.written = keep;
        Ok((report, keep))
    })?;
    if report.written {
        // Thousands of new rooms and residents: fresh statistics for the planner (issue 12).
        store.optimize()?;
    }
    Ok(report)
}
