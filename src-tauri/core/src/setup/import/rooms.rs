//! The rooms-and-residents file: one row per resident; a room may appear on several rows, and a
//! row without a resident just makes sure the room exists. Missing buildings are created.

use rusqlite::Transaction;

use super::header::{Column, Header};
use super::{RowProblems, Tally};
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::setup::residents::{self, CleanResident, ResidentInput, ResidentKind};
use crate::setup::rooms::{self, CleanRoom, RoomInput};

const BUILDING: usize = 0;
const UNIT: usize = 1;
const NUMBER: usize = 2;
const AREA: usize = 3;
const KIND: usize = 4;
const NAME: usize = 5;
const PHONES: usize = 6;
const NOTE: usize = 7;

pub const COLUMNS: &[Column] = &[
    Column {
        name: "楼栋",
        aliases: &["楼号", "栋", "楼栋号", "栋号", "楼", "幢"],
        required: true,
    },
    Column {
        name: "单元",
        aliases: &["单元号"],
        required: false,
    },
    Column {
        name: "房号",
        aliases: &["房间号", "房间", "室号", "门牌号", "户号"],
        required: true,
    },
    Column {
        name: "面积",
        aliases: &["建筑面积", "面积㎡", "面积m²", "面积m2", "房屋面积"],
        required: false,
    },
    Column {
        name: "住户类型",
        aliases: &["类型", "身份", "业主/租户", "业主租户"],
        required: false,
    },
    Column {
        name: "住户姓名",
        aliases: &["姓名", "住户", "业主姓名", "业主", "联系人"],
        required: false,
    },
    Column {
        name: "电话",
        aliases: &[
            "手机",
            "手机号",
            "联系电话",
            "电话号码",
            "手机号码",
            "联系方式",
        ],
        required: false,
    },
    Column {
        name: "备注",
        aliases: &["说明"],
        required: false,
    },
];

/// The column a core error's field refers to.
pub fn column_of(field: &str) -> usize {
    match field {
        "building" => BUILDING,
        "unit" => UNIT,
        "area_m2" => AREA,
        "kind" => KIND,
        "name" => NAME,
        "phones" | "phone" => PHONES,
        "note" => NOTE,
        _ => NUMBER,
    }
}

pub struct RoomRow {
    room: CleanRoom,
    resident: Option<CleanResident>,
}

pub fn check(header: &Header, row: &[String], p: &mut RowProblems) -> Result<Option<RoomRow>> {
    let cell = |i| header.cell(row, i);
    let name = cell(NAME);
    let area = p.check(area(cell(AREA)))?;
    let room = p.check(rooms::clean_room(&RoomInput {
        building: cell(BUILDING).to_string(),
        unit: cell(UNIT).to_string(),
        number: cell(NUMBER).to_string(),
        area_m2: area.flatten(),
        // The note belongs to the resident when the row has one, else to the room.
        note: if name.is_empty() {
            cell(NOTE).to_string()
        } else {
            String::new()
        },
    }))?;
    let resident = if name.is_empty() {
        if !cell(PHONES).is_empty() || !cell(KIND).is_empty() {
            p.add(Error::invalid(
                "name",
                "填写了电话或住户类型，但没有填写住户姓名",
            ))?;
        }
        None
    } else {
        let kind = p.check(match cell(KIND) {
            // A blank 类型 is the usual case: the room's owner.
            "" => Ok(ResidentKind::Owner),
            text => ResidentKind::parse("kind", text),
        })?;
        // The rest is checked even when the type is wrong, so every problem of the row shows.
        let phones = split_phones(cell(PHONES));
        p.check(residents::clean(&ResidentInput {
            room: String::new(),
            kind: kind.unwrap_or(ResidentKind::Owner),
            name: name.to_string(),
            phones,
            note: cell(NOTE).to_string(),
            active: true,
        }))?
        .filter(|_| kind.is_some())
    };
    Ok(room.map(|room| RoomRow { room, resident }))
}

/// 89.5, 89.5㎡, 89.5平方米; empty is no area.
fn area(text: &str) -> Result<Option<f64>> {
    let t = text.trim();
    let number = ["平方米", "平米", "㎡", "m²", "m2", "M2"]
        .iter()
        .fold(t, |t, s| t.strip_suffix(s).unwrap_or(t))
        .trim();
    if number.is_empty() {
        return Ok(None);
    }
    number
        .parse::<f64>()
        .ok()
        .filter(|a| a.is_finite())
        .map(Some)
        .ok_or_else(|| Error::invalid("area_m2", format!("面积“{t}”不是数字，应填写如 89.5")))
}

/// Several numbers in one cell, separated by , ; 、 / or spaces. A piece that is one number
/// written with spaces (138 1234 5678) stays whole.
fn split_phones(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text
        .split([',', ',', ';', ';', '、', '/', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if piece.contains(char::is_whitespace)
            && crate::base::phone::normalize("phones", piece).is_err()
        {
            out.extend(piece.split_whitespace().map(str::to_string));
        } else {
            out.push(piece.to_string());
        }
    }
    out
}

pub fn write(tx: &Transaction, ctx: &Ctx, row: &RoomRow) -> Result<Tally> {
    let mut t = Tally::default();
    let room_id = match rooms::find_by_code(tx, &row.room.code)? {
        Some(room) => room.id,
        None => {
            if rooms::building_id(tx, &row.room.code.building)?.is_none() {
                t.new_buildings += 1;
            }
            t.new_rooms += 1;
            rooms::insert_room(tx, ctx, &row.room, true)?.id
        }
    };
    if let Some(res) = &row.resident {
        match residents::find_same(tx, room_id, &res.name)? {
            Some(id) => {
                let added = residents::add_phones(tx, ctx, id, &res.phones)?;
                if !added.is_empty() {
                    t.added_phones += added.len() as u32;
                    t.note = Some(format!(
                        "{} 的住户“{}”已登记，为其新增电话 {}",
                        row.room.code.full(),
                        res.name,
                        added.join("、")
                    ));
                }
            }
            None => {
                residents::insert(tx, ctx, room_id, res)?;
                t.new_residents += 1;
            }
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_split_on_the_usual_separators() {
        assert_eq!(
            split_phones("13812345678、13912345678"),
            ["13812345678", "13912345678"]
        );
        assert_eq!(split_phones("138 1234 5678"), ["138 1234 5678"]);
        assert_eq!(
            split_phones("13812345678 13912345678;0755-1234567"),
            ["13812345678", "13912345678", "0755-1234567"]
        );
        assert!(split_phones("").is_empty());
    }

    #[test]
    fn area_takes_units() {
        assert_eq!(area("89.5㎡").unwrap(), Some(89.5));
        assert_eq!(area("").unwrap(), None);
        assert_eq!(area("很大").unwrap_err().field(), Some("area_m2"));
    }
}
