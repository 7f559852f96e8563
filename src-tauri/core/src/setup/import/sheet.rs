//! Reading the bytes of a chosen file into rows of text. What the file is gets decided by its
//! content, never by its name: people rename files, and Excel in China saves CSV as GBK.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xls, Xlsx};
use encoding_rs::{GB18030, UTF_16LE};

use crate::base::error::{Error, Result};

/// Larger files are not office spreadsheets of rooms or staff.
const MAX_BYTES: usize = 20 * 1024 * 1024;
/// More rows than any estate has rooms or residents.
const MAX_ROWS: usize = 50_000;

/// The rows of the first sheet; `rows[i]` is spreadsheet row `i + 1` (leading blank rows kept,
/// so row numbers in problem reports match what the user sees in Excel).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub format: &'static str,
    pub rows: Vec<Vec<String>>,
    /// The workbook's other worksheets, in order (a cover or notes sheet may come first).
    pub more: Vec<Vec<Vec<String>>>,
}

pub fn read(bytes: &[u8]) -> Result<Sheet> {
    let bad = |m: &str| {
        Err(Error::BadFile {
            message: m.to_string(),
        })
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return bad("文件是空的，没有任何内容");
    }
    if bytes.len() > MAX_BYTES {
        return bad("文件太大（超过 20 MB），不像是住户或员工表格");
    }
    let (format, mut sheets) = if bytes.starts_with(b"PK\x03\x04") {
        ("xlsx", read_xlsx(bytes)?)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        ("xls", read_xls(bytes)?)
    } else if let Some(what) = known_binary(bytes) {
        return Err(Error::BadFile {
            message: format!(
                "这是一个{what}，不是表格；请选择 Excel 表格（.xlsx/.xls）或 CSV 文件"
            ),
        });
    } else {
        ("csv", vec![read_csv(&decode_text(bytes)?)?])
    };
    let blank =
        |rows: &Vec<Vec<String>>| rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty()));
    sheets.retain(|rows| !blank(rows));
    if sheets.is_empty() {
        return bad("表格里没有任何内容");
    }
    let rows = sheets.remove(0);
    let sheet = Sheet {
        format,
        rows,
        more: sheets,
    };
    if std::iter::once(&sheet.rows)
        .chain(&sheet.more)
        .any(|rows| rows.len() > MAX_ROWS)
    {
        return Err(Error::BadFile {
            message: format!("表格超过 {MAX_ROWS} 行，请分成几个文件导入"),
        });
    }
    Ok(sheet)
}

/// Common files people pick by mistake, named so the message says what they chose.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", " PDF 文件"),
        (b"\x89PNG", "图片（PNG）"),
        (b"\xFF\xD8\xFF", "图片（JPEG）"),
        (b"GIF8", "图片（GIF）"),
        (b"BM", "图片（BMP）"),
        (b"Rar!", "压缩包（RAR）"),
        (b"7z\xBC\xAF", "压缩包（7z）"),
        (b"\x1F\x8B", "压缩包（gz）"),
        (b"{\\rtf", " RTF 文档"),
        (b"MZ", "程序文件（exe）"),
        (b"\x7FELF", "程序文件"),
        (b"SQLite format 3", "数据库文件"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, what)| *what)
}

/// A zip that calamine cannot read as a workbook: say what it is if we can tell.
fn not_a_workbook_zip(bytes: &[u8]) -> Error {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let what = if has(b"word/") {
        "这是一个 Word 文档，不是表格"
    } else if has(b"ppt/") {
        "这是一个 PowerPoint 文件，不是表格"
    } else if has(b"content.xml") && has(b"opendocument") {
        "这是一个 WPS/OpenOffice 文件；请在其中“另存为”Excel 表格（.xlsx）后再导入"
    } else if has(b"xl/") {
        "这个 Excel 文件已损坏或无法读取，请用 Excel 打开后重新保存再导入"
    } else {
        "这是一个压缩包（zip），不是 Excel 表格"
    };
    Error::BadFile {
        message: what.to_string(),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<Vec<String>>>> {
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| not_a_workbook_zip(bytes))?;
    match book.worksheet_range_at(0) {
        Some(Ok(_)) => Ok(book
            .worksheets()
            .iter()
            .map(|(_, range)| range_rows(range))
            .collect()),
        Some(Err(_)) => Err(not_a_workbook_zip(bytes)),
        None => Err(Error::BadFile {
            message: "这个 Excel 文件里没有工作表".into(),
        }),
    }
}

fn read_xls(bytes: &[u8]) -> Result<Vec<Vec<Vec<String>>>> {
    let unreadable = || {
        Error::BadFile {
        message: "这是一个旧版 Office 文件，但无法作为 Excel 表格读取（可能是 Word 文档或已加密）；请另存为 .xlsx 后再导入".into(),
    }
    };
    let mut book: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| unreadable())?;
    match book.worksheet_range_at(0) {
        Some(Ok(_)) => Ok(book
            .worksheets()
            .iter()
            .map(|(_, range)| range_rows(range))
            .collect()),
        _ => Err(unreadable()),
    }
}

/// The used range, padded so that row and column indexes are absolute (A1 is [0][0]).
fn range_rows(range: &Range<Data>) -> Vec<Vec<String>> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); top as usize];
    for r in range.rows() {
        let mut cells = vec![String::new(); left as usize];
        cells.extend(r.iter().map(cell_text));
        rows.push(cells);
    }
    rows
}

fn cell_text(d: &Data) -> String {
    match d {
        // Phone numbers typed into Excel become numbers; f64 prints 13812345678.0 as "13812345678".
        Data::Float(f) => f.to_string(),
        Data::Bool(true) => "是".into(),
        Data::Bool(false) => "否".into(),
        Data::Error(_) | Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), else GB18030 (a superset of
/// GBK, which is what Excel in China writes as CSV). Text with control characters is not a table.
fn decode_text(bytes: &[u8]) -> Result<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8(rest.to_vec()).ok()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        UTF_16LE
            .decode_without_bom_handling_and_without_replacement(rest)
            .map(|c| c.into_owned())
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        Some(s.to_string())
    } else {
        GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|c| c.into_owned())
    };
    let not_table = || {
        Error::BadFile {
        message:
            "无法识别这个文件：它既不是 Excel 表格，也不是 CSV 文本；请选择 .xlsx、.xls 或 .csv 文件"
                .into(),
    }
    };
    let text = text.ok_or_else(not_table)?;
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
    {
        return Err(not_table());
    }
    Ok(text)
}

fn read_csv(text: &str) -> Result<Vec<Vec<String>>> {
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // Excel's "text (tab delimited)" and UTF-16 exports use tabs.
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::BadFile {
            message: format!(
                "CSV 文件格式有误（第 {} 行附近），请用 Excel 打开后重新保存",
                e.position().map_or(0, |p| p.line())
            ),
        })?;
        rows.push(record.iter().map(str::to_string).collect());
        if rows.len() > MAX_ROWS {
            break;
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_three_encodings_reads_the_same() {
        let text = "楼栋,房号\n3,1201\n";
        let want = vec![
            vec!["楼栋".to_string(), "房号".into()],
            vec!["3".into(), "1201".into()],
        ];
        assert_eq!(read(text.as_bytes()).unwrap().rows, want);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(read(&bom).unwrap().rows, want);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(read(&gbk).unwrap().rows, want);
    }

    #[test]
    fn bad_files_are_named() {
        for (bytes, kind) in [
            (b"".as_slice(), "empty"),
            (b"%PDF-1.7\n...".as_slice(), "pdf"),
            (b"\x00\x01\x02\xff\xfe".as_slice(), "random"),
        ] {
            let e = read(bytes).unwrap_err();
            assert_eq!(e.kind(), "bad_file", "{kind}");
        }
    }
}
