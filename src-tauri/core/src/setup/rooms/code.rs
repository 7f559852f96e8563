//! Room codes. The full form is 3栋2单元1201; the desk may type 3-2-1201 instead. Buildings
//! without units are 5栋101 / 5-101. Also accepted: 3号楼2单元1201, 3栋-2-1201, full-width digits.

use crate::base::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RoomCode {
    pub building: String,
    /// Empty when the building has no units.
    pub unit: String,
    pub number: String,
}

impl RoomCode {
    /// The short code the desk types and the store keys on: 3-2-1201 or 5-101.
    pub fn short(&self) -> String {
        if self.unit.is_empty() {
            format!("{}-{}", self.building, self.number)
        } else {
            format!("{}-{}-{}", self.building, self.unit, self.number)
        }
    }

    /// The full form printed on forms: 3栋2单元1201.
    pub fn full(&self) -> String {
        if self.unit.is_empty() {
            format!("{}栋{}", self.building, self.number)
        } else {
            format!("{}栋{}单元{}", self.building, self.unit, self.number)
        }
    }

    /// Builds a code from separate parts (as in a form or an import row), checking each.
    pub fn from_parts(building: &str, unit: &str, number: &str) -> Result<RoomCode> {
        let building = part(building, &["栋", "号楼", "幢", "座"]);
        let unit = part(unit, &["单元"]);
        let number = part(number, &["室", "号"]);
        check("building", "楼栋", &building, 10)?;
        if !unit.is_empty() {
            check("unit", "单元", &unit, 5)?;
        }
        check("number", "房号", &number, 10)?;
        Ok(RoomCode {
            building,
            unit,
            number,
        })
    }

    /// Parses what the desk typed: short or full form.
    pub fn parse(text: &str) -> Result<RoomCode> {
        let t: String = text
            .trim()
            .chars()
            .map(halfwidth)
            .filter(|c| !c.is_whitespace())
            .collect();
        let bad = || {
            Error::invalid(
                "room",
                format!(
                    "房号“{}”无法识别：请输入如 3-2-1201 或 3栋2单元1201",
                    text.trim()
                ),
            )
        };
        if t.is_empty() {
            return Err(Error::invalid("room", "请填写房号"));
        }
        // Full form: <b>栋|号楼|幢|座 [<u>单元] <n>[室]
        for sep in ["号楼", "栋", "幢", "座"] {
            if let Some((b, rest)) = t.split_once(sep) {
                let rest = rest.trim_start_matches('-');
                let (u, n) = match rest.split_once("单元") {
                    Some((u, n)) => (u, n.trim_start_matches('-')),
                    None => match rest.split_once('-') {
                        Some((u, n)) => (u, n),
                        None => ("", rest),
                    },
                };
                return RoomCode::from_parts(b, u, n).map_err(|_| bad());
            }
        }
        let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
        match parts.as_slice() {
            [b, u, n] => RoomCode::from_parts(b, u, n).map_err(|_| bad()),
            [b, n] => RoomCode::from_parts(b, "", n).map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

fn halfwidth(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        'Ａ'..='Ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'A' as u32).unwrap_or(c),
        'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32).unwrap_or(c),
        '－' | '—' | '–' => '-',
        _ => c,
    }
}

fn part(raw: &str, suffixes: &[&str]) -> String {
    let mut t: String = raw
        .trim()
        .chars()
        .map(halfwidth)
        .filter(|c| !c.is_whitespace())
        .collect();
    for s in suffixes {
        if let Some(stripped) = t.strip_suffix(s) {
            t = stripped.to_string();
        }
    }
    t.to_ascii_uppercase()
}

fn check(field: &str, label: &str, v: &str, max: usize) -> Result<()> {
    if v.is_empty() {
        return Err(Error::invalid(field, format!("请填写{label}")));
    }
    if v.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("{label}“{v}”过长：最多 {max} 个字符"),
        ));
    }
    if !v.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::invalid(
            field,
            format!("{label}“{v}”只能包含数字或字母"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(b: &str, u: &str, n: &str) -> RoomCode {
        RoomCode {
            building: b.into(),
            unit: u.into(),
            number: n.into(),
        }
    }

    #[test]
    fn parses_short_and_full_forms() {
        for text in [
            "3-2-1201",
            "3栋2单元1201",
            "3号楼2单元1201室",
            " 3 - 2 - 1201 ",
            "３－２－１２０１",
            "3栋-2-1201",
        ] {
            assert_eq!(
                RoomCode::parse(text).unwrap(),
                code("3", "2", "1201"),
                "{text}"
            );
        }
        assert_eq!(RoomCode::parse("5-101").unwrap(), code("5", "", "101"));
        assert_eq!(RoomCode::parse("5栋101").unwrap(), code("5", "", "101"));
        assert_eq!(RoomCode::parse("a-1-101").unwrap(), code("A", "1", "101"));
    }

    #[test]
    fn prints_both_forms() {
        assert_eq!(code("3", "2", "1201").full(), "3栋2单元1201");
        assert_eq!(code("3", "2", "1201").short(), "3-2-1201");
        assert_eq!(code("5", "", "101").full(), "5栋101");
    }

    #[test]
    fn refuses_nonsense_naming_the_room_field() {
        for text in ["", "1201", "3-2-1201-5", "三栋二单元", "3栋"] {
            let e = RoomCode::parse(text).unwrap_err();
            assert_eq!(e.field(), Some("room"), "{text}");
        }
    }
}
