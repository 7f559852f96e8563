//! Ruled tables for forms. Cells wrap long Chinese text at their edge; a table that reaches
//! the bottom of the page continues on the next one under a repeated header row, and a row
//! taller than what is left is split between pages line by line, so nothing is ever clipped.

use super::page::{line_mm, Align, Document};

const PAD: f32 = 1.2;

pub struct Column {
    pub title: String,
    /// Share of the table width (any unit; they are normalised).
    pub weight: f32,
    pub align: Align,
}

pub fn col(title: &str, weight: f32) -> Column {
    Column {
        title: title.to_string(),
        weight,
        align: Align::Left,
    }
}

pub fn col_c(title: &str, weight: f32) -> Column {
    Column {
        title: title.to_string(),
        weight,
        align: Align::Center,
    }
}

/// Draws a table at the document's cursor; `empty` is what the single row says when there are none.
pub fn table(doc: &mut Document, cols: &[Column], rows: &[Vec<String>], size_pt: f32, empty: &str) {
    let total: f32 = cols.iter().map(|c| c.weight).sum::<f32>().max(1e-3);
    let widths: Vec<f32> = cols
        .iter()
        .map(|c| doc.width() * c.weight / total)
        .collect();
    let header: Vec<String> = cols.iter().map(|c| c.title.clone()).collect();
    let centred: Vec<Align> = cols.iter().map(|_| Align::Center).collect();
    let header_h = row_height(doc, &widths, &header, size_pt);
    // Never leave a header alone at the bottom of a page.
    doc.ensure(header_h + line_mm(size_pt) + 2.0 * PAD);
    draw_header(doc, &widths, &header, &centred, size_pt);
    if rows.is_empty() {
        let (l, y, w) = (doc.left(), doc.y, doc.width());
        let h = line_mm(size_pt) + 2.0 * PAD;
        doc.rect(l, y, w, h, false);
        doc.text_aligned(l, y + PAD, w, size_pt, empty, Align::Center);
        doc.y += h;
        return;
    }
    let aligns: Vec<Align> = cols.iter().map(|c| c.align).collect();
    for row in rows {
        let wrapped = wrap_cells(doc, &widths, row, size_pt);
        let total_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut done = 0;
        while done < total_lines {
            let avail = doc.bottom() - doc.y - 2.0 * PAD;
            let fit = (avail / line_mm(size_pt)).floor() as usize;
            // Keep short rows whole; split only rows that cannot fit on any page section.
            let remaining = total_lines - done;
            if fit == 0 || (fit < remaining && remaining <= 6) {
                doc.new_page();
                draw_header(doc, &widths, &header, &centred, size_pt);
                let avail = doc.bottom() - doc.y - 2.0 * PAD;
                if (avail / line_mm(size_pt)).floor() as usize == 0 {
                    return; // page too small for even one line: a layout bug, never user data
                }
                continue;
            }
            let take = remaining.min(fit);
            draw_chunk(doc, &widths, &wrapped, &aligns, done, take, size_pt, false);
            done += take;
            if done < total_lines {
                doc.new_page();
                draw_header(doc, &widths, &header, &centred, size_pt);
            }
        }
    }
}

fn wrap_cells(doc: &Document, widths: &[f32], row: &[String], size_pt: f32) -> Vec<Vec<String>> {
    widths
        .iter()
        .enumerate()
        .map(|(i, w)| {
            doc.face.wrap(
                &doc.shown(row.get(i).map(String::as_str).unwrap_or("")),
                size_pt,
                w - 2.0 * PAD,
            )
        })
        .collect()
}

fn row_height(doc: &Document, widths: &[f32], row: &[String], size_pt: f32) -> f32 {
    let lines = wrap_cells(doc, widths, row, size_pt)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(1)
        .max(1);
    lines as f32 * line_mm(size_pt) + 2.0 * PAD
}

fn draw_header(
    doc: &mut Document,
    widths: &[f32],
    header: &[String],
    aligns: &[Align],
    size_pt: f32,
) {
    let wrapped = wrap_cells(doc, widths, header, size_pt);
    let n = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    draw_chunk(doc, widths, &wrapped, aligns, 0, n, size_pt, true);
}

#[allow(clippy::too_many_arguments)]
fn draw_chunk(
    doc: &mut Document,
    widths: &[f32],
    wrapped: &[Vec<String>],
    aligns: &[Align],
    from: usize,
    take: usize,
    size_pt: f32,
    shaded: bool,
) {
    let h = take as f32 * line_mm(size_pt) + 2.0 * PAD;
    let mut x = doc.left();
    let y = doc.y;
    for (i, w) in widths.iter().enumerate() {
        doc.rect(x, y, *w, h, shaded);
        for (k, line) in wrapped[i].iter().skip(from).take(take).enumerate() {
            let ly = y + PAD + k as f32 * line_mm(size_pt);
            doc.text_aligned(x + PAD, ly, w - 2.0 * PAD, size_pt, line, aligns[i]);
        }
        x += w;
    }
    doc.y += h;
}

/// One labelled value in a record form; `min_lines` leaves room to write by hand.
pub struct Field {
    pub label: String,
    pub value: String,
    pub min_lines: usize,
}

pub fn field(label: &str, value: impl Into<String>) -> Field {
    Field {
        label: label.to_string(),
        value: value.into(),
        min_lines: 1,
    }
}

pub fn field_tall(label: &str, value: impl Into<String>, min_lines: usize) -> Field {
    Field {
        label: label.to_string(),
        value: value.into(),
        min_lines,
    }
}

/// A record laid out as label/value cells, one or more pairs per row (label cells shaded).
pub fn fields(doc: &mut Document, rows: &[Vec<Field>], size_pt: f32) {
    let label_w = if doc.width() < 150.0 { 19.0 } else { 24.0 };
    for row in rows {
        if row.is_empty() {
            continue;
        }
        let value_w = (doc.width() - label_w * row.len() as f32) / row.len() as f32;
        let wrapped: Vec<(Vec<String>, Vec<String>)> = row
            .iter()
            .map(|f| {
                let mut v = doc
                    .face
                    .wrap(&doc.shown(&f.value), size_pt, value_w - 2.0 * PAD);
                while v.len() < f.min_lines {
                    v.push(String::new());
                }
                (doc.face.wrap(&f.label, size_pt, label_w - 2.0 * PAD), v)
            })
            .collect();
        let lines = wrapped
            .iter()
            .map(|(l, v)| l.len().max(v.len()))
            .max()
            .unwrap_or(1);
        let mut done = 0;
        while done < lines {
            let fit = ((doc.bottom() - doc.y - 2.0 * PAD) / line_mm(size_pt)).floor() as usize;
            let remaining = lines - done;
            if fit == 0 || (fit < remaining && remaining <= 6) {
                doc.new_page();
                continue;
            }
            let take = remaining.min(fit);
            let h = take as f32 * line_mm(size_pt) + 2.0 * PAD;
            let (mut x, y) = (doc.left(), doc.y);
            for (label, value) in &wrapped {
                doc.rect(x, y, label_w, h, true);
                for (k, line) in label.iter().skip(done).take(take).enumerate() {
                    doc.text_aligned(
                        x + PAD,
                        y + PAD + k as f32 * line_mm(size_pt),
                        label_w - 2.0 * PAD,
                        size_pt,
                        line,
                        Align::Center,
                    );
                }
                x += label_w;
                doc.rect(x, y, value_w, h, false);
                for (k, line) in value.iter().skip(done).take(take).enumerate() {
                    doc.text(
                        x + PAD,
                        y + PAD + k as f32 * line_mm(size_pt),
                        size_pt,
                        line,
                    );
                }
                x += value_w;
            }
            doc.y += h;
            done += take;
            if done < lines {
                doc.new_page();
            }
        }
    }
}

/// A signature box: blank for the pen; a record signed in the software also shows who and when.
pub struct Signature {
    pub role: String,
    /// (name, 'YYYY-MM-DD HH:MM') when signed in the software.
    pub signed: Option<(String, String)>,
    /// The supervisor entered it for the person in the box (主管代录): `signed` names who
    /// entered it, and the box says so instead of showing a signature that was never given.
    pub on_behalf: bool,
}

pub fn sig(role: &str, signed: Option<(String, String)>) -> Signature {
    Signature {
        role: role.to_string(),
        signed,
        on_behalf: false,
    }
}

/// A box whose record the supervisor entered for its owner: `by` = (who entered, when).
pub fn sig_on_behalf(role: &str, by: (String, String)) -> Signature {
    Signature {
        role: role.to_string(),
        signed: Some(by),
        on_behalf: true,
    }
}

/// A row of signature boxes at the cursor, kept together on one page.
pub fn signatures(doc: &mut Document, boxes: &[Signature], size_pt: f32) {
    if boxes.is_empty() {
        return;
    }
    let h = 22.0;
    doc.ensure(h + 3.0);
    doc.y += 3.0;
    let w = doc.width() / boxes.len() as f32;
    let y = doc.y;
    for (i, b) in boxes.iter().enumerate() {
        let x = doc.left() + i as f32 * w;
        doc.rect(x, y, w, h, false);
        doc.text(x + PAD, y + PAD, size_pt, &format!("{}（签字）：", b.role));
        let note = match &b.signed {
            Some((name, at)) if b.on_behalf => format!("主管代录：{name} {at}（本人未签名）"),
            Some((name, at)) => format!("系统签名：{name} {at}"),
            None => "日期：      年    月    日".to_string(),
        };
        let small = size_pt - 1.5;
        let lines = doc.face.wrap(&note, small, w - 2.0 * PAD);
        let n = lines.len() as f32;
        for (k, line) in lines.iter().enumerate() {
            let ly = y + h - PAD - (n - k as f32) * line_mm(small);
            doc.text(x + PAD, ly, small, line);
        }
    }
    doc.y += h;
}
