//! Finding the header row and the columns in it by name: in any order, with the spaces,
//! full-width letters, "*" marks and "(…)" hints people and templates put around them.

use crate::base::error::{Error, Result};

/// One column an import understands: the name shown in templates and messages, the other
/// names accepted for it, and whether a file must have it.
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// Where each known column sits in a file, and its header text as written there.
pub struct Header {
    /// Index of the header row (0-based; spreadsheet row = index + 1).
    pub row: usize,
    /// For each known column (same order as the `Column` list): its cell index and header text.
    pub found: Vec<Option<(usize, String)>>,
    /// Header cells that match no column; they are ignored and the report says so.
    pub ignored: Vec<String>,
}

impl Header {
    /// The cell of column `i` in `row`, trimmed; empty when the column is absent.
    pub fn cell<'a>(&self, row: &'a [String], i: usize) -> &'a str {
        self.found[i]
            .as_ref()
            .and_then(|(c, _)| row.get(*c))
            .map_or("", |s| s.trim())
    }

    /// The header text of column `i` as the file wrote it (its canonical name if absent).
    pub fn title(&self, columns: &[Column], i: usize) -> String {
        self.found[i]
            .as_ref()
            .map_or_else(|| columns[i].name.to_string(), |(_, t)| t.clone())
    }
}

/// Tidies a header cell for matching: no spaces, half-width, no "*", no trailing "(…)".
pub fn normalize(text: &str) -> String {
    let mut t: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '\u{FEFF}')
        .collect();
    if let Some(open) = t.find('(') {
        if open > 0 {
            t.truncate(open);
        }
    }
    t.trim_end_matches([':', '：']).to_ascii_lowercase()
}

/// The first of the top rows that names every required column is the header.
pub fn find(rows: &[Vec<String>], columns: &[Column]) -> Result<Header> {
    for (index, row) in rows.iter().enumerate().take(10) {
        let mut found: Vec<Option<(usize, String)>> = vec![None; columns.len()];
        let mut ignored = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            let key = normalize(cell);
            if key.is_empty() {
                continue;
            }
            match columns
                .iter()
                .position(|col| col.name == key || col.aliases.contains(&key.as_str()))
            {
                Some(i) if found[i].is_none() => found[i] = Some((c, cell.trim().to_string())),
                _ => ignored.push(cell.trim().to_string()),
            }
        }
        if columns
            .iter()
            .zip(&found)
            .all(|(col, f)| !col.required || f.is_some())
        {
            return Ok(Header {
                row: index,
                found,
                ignored,
            });
        }
        // A row that names some columns but not all is the header with columns missing.
        if found.iter().filter(|f| f.is_some()).count() >= 2 {
            let missing: Vec<&str> = columns
                .iter()
                .zip(&found)
                .filter(|(c, f)| c.required && f.is_none())
                .map(|(c, _)| c.name)
                .collect();
            return Err(Error::BadFile {
                message: format!(
                    "第 {} 行表头缺少必需的列：{}；可下载模板对照",
                    index + 1,
                    missing.join("、")
                ),
            });
        }
    }
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    Err(Error::BadFile {
        message: format!(
            "找不到表头：第一行应为列名 {}；可下载模板对照",
            names.join("、")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_what_people_type() {
        assert_eq!(normalize(" 住户类型(业主/租户) "), "住户类型");
        assert_eq!(normalize("*楼　栋"), "楼栋");
        assert_eq!(normalize("电话（多个用逗号分隔）"), "电话");
        assert_eq!(normalize("面积(㎡)"), "面积");
    }
}
