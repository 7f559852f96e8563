//! The report as an Excel workbook (rust_xlsxwriter): 汇总 with native charts, 报修分析,
//! 投诉分析, 回访与满意度, 人员工作量, 值班统计, 明细. Each sheet is set up to be read and printed:
//! column widths, frozen header rows, Chinese date formats, number formats, print areas.

use crate::base::phone;
use chrono::NaiveDateTime;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::base::error::{Error, Result};
use crate::paper::reports::model::*;

pub(super) struct Styles {
    title: Format,
    head: Format,
    text: Format,
    int: Format,
    pct: Format,
    dec: Format,
    when: Format,
    note: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_font_name("宋体")
            .set_font_size(10);
        Styles {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_font_name("黑体"),
            head: cell
                .clone()
                .set_bold()
                .set_background_color("#DDEBF7")
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            int: cell.clone().set_num_format("#,##0"),
            pct: cell.clone().set_num_format("0.0%"),
            dec: cell.clone().set_num_format("0.0"),
            when: cell.set_num_format("yyyy\"年\"m\"月\"d\"日\" hh:mm"),
            note: Format::new().set_font_size(9).set_font_color("#666666"),
        }
    }
}

pub(super) fn xe(e: XlsxError) -> Error {
    match e {
        // The detail sheet streams through a temporary file (constant memory): a full or
        // unwritable temporary folder is said as the file error it is, in Chinese.
        XlsxError::TempFileError(_, io) | XlsxError::IoError(io) => Error::Io(io),
        other => Error::Io(std::io::Error::other(format!("生成 Excel 失败：{other}"))),
    }
}

/// A value in a table cell.
pub(super) enum V<'a> {
    T(&'a str),
    S(String),
    I(i64),
    F(f64),
    Pct(Option<f64>),
    When(&'a str),
}

pub(super) fn put(
    ws: &mut Worksheet,
    st: &Styles,
    row: u32,
    col: u16,
    v: V,
) -> Result<(), XlsxError> {
    match v {
        // An empty cell keeps the table's format but holds no string: a year's detail sheet has
        // some 400k of them, and a blank is a fraction of an empty inline string to write.
        V::T("") | V::When("") => ws.write_blank(row, col, &st.text).map(|_| ()),
        V::S(s) if s.is_empty() => ws.write_blank(row, col, &st.text).map(|_| ()),
        // Free text may hold a phone number typed into it: masked like the phone columns.
        V::T(s) => ws
            .write_string_with_format(row, col, phone::mask_text(s), &st.text)
            .map(|_| ()),
        V::S(s) => ws
            .write_string_with_format(row, col, phone::mask_text(&s), &st.text)
            .map(|_| ()),
        V::I(n) => ws
            .write_number_with_format(row, col, n as f64, &st.int)
            .map(|_| ()),
        V::F(x) => ws
            .write_number_with_format(row, col, x, &st.dec)
            .map(|_| ()),
        V::Pct(Some(x)) => ws
            .write_number_with_format(row, col, x, &st.pct)
            .map(|_| ()),
        V::Pct(None) => ws
            .write_string_with_format(row, col, "—", &st.text)
            .map(|_| ()),
        V::When(s) => match parse_time(s) {
            Some(t) => ws
                .write_datetime_with_format(row, col, t, &st.when)
                .map(|_| ()),
            None => ws
                .write_string_with_format(row, col, s, &st.text)
                .map(|_| ()),
        },
    }
}

pub(super) fn parse_time(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()
}

/// Writes a header row and rows at `row`; returns the row after the table.
pub(super) fn table(
    ws: &mut Worksheet,
    st: &Styles,
    row: u32,
    col: u16,
    heads: &[&str],
    rows: Vec<Vec<V>>,
) -> Result<u32, XlsxError> {
    for (i, h) in heads.iter().enumerate() {
        ws.write_string_with_format(row, col + i as u16, *h, &st.head)?;
    }
    let mut r = row + 1;
    for values in rows {
        for (i, v) in values.into_iter().enumerate() {
            put(ws, st, r, col + i as u16, v)?;
        }
        r += 1;
    }
    Ok(r)
}

pub(super) fn caption(
    ws: &mut Worksheet,
    st: &Styles,
    row: u32,
    text: &str,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(
        row,
        0,
        text,
        &st.head
            .clone()
            .set_border(FormatBorder::None)
            .set_background_color("#FFFFFF")
            .set_align(FormatAlign::Left),
    )?;
    Ok(())
}

pub(super) fn setup_print(
    ws: &mut Worksheet,
    last_row: u32,
    last_col: u16,
    header_row: u32,
    landscape: bool,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9); // A4
    if landscape {
        ws.set_landscape();
    }
    ws.set_print_area(0, 0, last_row.max(1), last_col)?;
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

pub(super) fn title(
    ws: &mut Worksheet,
    st: &Styles,
    r: &Report,
    name: &str,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(
        0,
        0,
        format!("{} {}{}", r.office_name, r.period.label, name),
        &st.title,
    )?;
    ws.set_row_height(0, 24)?;
    ws.write_string_with_format(
        1,
        0,
        format!(
            "统计期间：{} 至 {}（不含）；生成时间：{}；电话号码已隐去中间四位",
            r.period.start, r.period.end, r.generated_at
        ),
        &st.note,
    )?;
    Ok(())
}

mod sheets;

use sheets::*;

pub fn write(r: &Report) -> Result<Vec<u8>> {
    build(r).map_err(xe)
}

fn build(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    // A year's detail (86k rows) spends most of its saving in deflate: level 3 took the year
    // workbook from 1.9–2.05 s to 1.67 s on the ten-year office (level 1 was faster still but
    // its larger buffer pushed the peak past 150 MB); a month keeps the default level.
    if r.intake_rows.len() + r.slip_rows.len() + r.complaint_rows.len() > 20_000 {
        wb.set_zip_compression_level(3);
    }
    summary(wb.add_worksheet(), &st, r)?;
    slips(wb.add_worksheet(), &st, r)?;
    complaints(wb.add_worksheet(), &st, r)?;
    visits(wb.add_worksheet(), &st, r)?;
    workload(wb.add_worksheet(), &st, r)?;
    duty(wb.add_worksheet(), &st, r)?;
    // The detail sheet holds every record of the period (86k rows for a year): written row by
    // row to a temporary file (constant memory) rather than held as cells until the end.
    detail(wb.add_worksheet_with_constant_memory()?, &st, r)?;
    notes(wb.add_worksheet(), &st, r)?;
    // Every printed sheet carries the chain's head: a copy kept outside the database.
    let footer = format!("&L{}&C第 &P 页，共 &N 页", r.chain.replace('&', "&&"));
    for ws in wb.worksheets_mut() {
        ws.set_footer(&footer);
    }
    wb.save_to_buffer()
}
