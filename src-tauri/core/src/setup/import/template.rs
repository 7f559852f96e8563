//! The .xlsx templates the desk downloads: the header row the import expects, two example rows,
//! sensible column widths, and a second sheet explaining every column in Chinese.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Color, Format, Workbook, XlsxError};

use super::ImportKind;
use crate::base::error::{Error, Result};

struct Spec {
    sheet: &'static str,
    file_name: &'static str,
    /// (header, width, explanation)
    columns: &'static [(&'static str, f64, &'static str)],
    examples: [&'static [&'static str]; 2],
}

const ROOMS: Spec = Spec {
    sheet: "住户导入",
    file_name: "住户导入模板",
    columns: &[
        (
            "楼栋",
            8.0,
            "必填。楼栋号，如 3（表示 3栋）或 A。不存在的楼栋会自动新增。",
        ),
        ("单元", 8.0, "选填。单元号，如 2；没有单元的楼栋留空。"),
        ("房号", 10.0, "必填。房间号，如 1201。"),
        ("面积", 10.0, "选填。建筑面积（平方米），如 89.5。"),
        ("住户类型", 12.0, "选填。业主 或 租户；留空按业主处理。"),
        (
            "住户姓名",
            14.0,
            "选填。一行一位住户；同一房间有多位住户时写多行。只登记房间时留空。",
        ),
        (
            "电话",
            28.0,
            "选填。可写多个号码，用逗号、分号、顿号或空格分开；手机 11 位，固话带区号。",
        ),
        ("备注", 24.0, "选填。有住户时记在住户上，否则记在房间上。"),
    ],
    examples: [
        &[
            "3",
            "2",
            "1201",
            "89.5",
            "业主",
            "张三",
            "13812345678、0755-12345678",
            "",
        ],
        &[
            "3",
            "2",
            "1201",
            "89.5",
            "租户",
            "李四",
            "13912345678",
            "2026年租约到期",
        ],
    ],
};

const STAFF: Spec = Spec {
    sheet: "员工导入",
    file_name: "员工导入模板",
    columns: &[
        ("姓名", 12.0, "必填。员工姓名。"),
        (
            "角色",
            14.0,
            "必填。前台接待员、客服主管、维修工、秩序维护员 或 项目经理。",
        ),
        (
            "部门",
            14.0,
            "必填。须是“设置 → 部门”中已有的部门，如 客服部、工程部、秩序维护部、环境部。",
        ),
        (
            "电话",
            16.0,
            "选填。手机 11 位，固话带区号。姓名和电话都相同的员工视为同一人，不会重复导入。",
        ),
        ("在职", 8.0, "选填。是 或 否；留空按在职处理。"),
    ],
    examples: [
        &["王五", "维修工", "工程部", "13712345678", "是"],
        &["赵六", "秩序维护员", "秩序维护部", "13612345678", "是"],
    ],
};

fn spec(kind: ImportKind) -> &'static Spec {
    match kind {
        ImportKind::Rooms => &ROOMS,
        ImportKind::Staff => &STAFF,
    }
}

/// The template as .xlsx bytes.
pub fn template(kind: ImportKind) -> Result<Vec<u8>> {
    build(spec(kind)).map_err(|e| Error::Integrity(format!("生成导入模板失败：{e}")))
}

fn build(spec: &Spec) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    // Every cell is text, so that Excel keeps 0755-… and long phone numbers exactly as typed.
    let text = Format::new().set_num_format("@");
    let sheet = book.add_worksheet();
    sheet.set_name(spec.sheet)?;
    for (c, (name, width, _)) in spec.columns.iter().enumerate() {
        let c = c as u16;
        sheet.set_column_width(c, *width)?;
        sheet.set_column_format(c, &text)?;
        sheet.write_string_with_format(0, c, *name, &head)?;
    }
    for (r, example) in spec.examples.iter().enumerate() {
        for (c, value) in example.iter().enumerate() {
            sheet.write_string_with_format(r as u32 + 1, c as u16, *value, &text)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;

    let notes = book.add_worksheet();
    notes.set_name("填写说明")?;
    notes.set_column_width(0, 12)?;
    notes.set_column_width(1, 80)?;
    notes.write_string_with_format(0, 0, "列名", &head)?;
    notes.write_string_with_format(0, 1, "说明", &head)?;
    for (r, (name, _, about)) in spec.columns.iter().enumerate() {
        notes.write_string(r as u32 + 1, 0, *name)?;
        notes.write_string(r as u32 + 1, 1, *about)?;
    }
    let after = spec.columns.len() as u32 + 2;
    notes.write_string(
        after,
        1,
        format!(
            "第一张表“{}”的第 1 行是表头，请勿修改；第 2、3 行是示例，导入前请删除或替换为真实数据。",
            spec.sheet
        ),
    )?;
    notes.write_string(
        after + 1,
        1,
        "列的顺序可以调整；同一个文件重复导入不会产生重复记录。",
    )?;
    notes.write_string(
        after + 2,
        1,
        "也可以另存为 CSV（逗号分隔）后导入，UTF-8 或 GBK 编码均可。",
    )?;
    book.save_to_buffer()
}

/// Where the app saves templates: the user's Downloads folder, else their home folder.
pub fn default_template_dir() -> PathBuf {
    dirs::download_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Writes the template into `dir` as 住户导入模板.xlsx (or 员工导入模板.xlsx), adding (2), (3)…
/// rather than overwriting a file that is already there. Returns the path written.
pub fn save_template(dir: &Path, kind: ImportKind) -> Result<PathBuf> {
    let bytes = template(kind)?;
    std::fs::create_dir_all(dir)?;
    let base = spec(kind).file_name;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{base}.xlsx")
        } else {
            format!("{base}({n}).xlsx")
        };
        let path = dir.join(name);
        // create_new refuses to replace an existing file, even one that appears meanwhile.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                std::io::Write::write_all(&mut f, &bytes)?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(Error::conflict(
        "file",
        format!("{} 中同名模板文件过多，请清理后再试", dir.display()),
    ))
}
