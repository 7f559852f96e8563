//! One printed document: A4/A5 pages with the document-control header every form carries
//! (office name, form title, 文件编号, 版本/修改, 记录编号, 打印时间, 共N页 第M页) and a footer.
//! Positions are millimetres from the top-left corner; conversion to PDF points (origin
//! bottom-left) happens only here.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::font::{face, Face, PT_TO_MM};
use crate::base::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A4Landscape,
    A5,
}

impl Paper {
    fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A4Landscape => (297.0, 210.0),
            Paper::A5 => (148.0, 210.0),
        }
    }
    fn margin_mm(self) -> f32 {
        match self {
            Paper::A5 => 10.0,
            _ => 15.0,
        }
    }
}

/// What the header of every page says.
#[derive(Debug, Clone)]
pub struct Header {
    /// Company and estate, e.g. 某某物业服务有限公司 阳光花园.
    pub office_name: String,
    pub title: String,
    /// 文件编号, e.g. KF-JL-03.
    pub doc_no: String,
    /// 版本/修改, e.g. A/0.
    pub version: String,
    /// 记录编号: the record's serial, or the period a log covers.
    pub serial: String,
    /// 打印时间 'YYYY-MM-DD HH:MM'.
    pub printed_at: String,
    /// Footer note, e.g. whether phones are masked.
    pub footer: String,
    /// The tamper-evident chain's head, printed at the right of the footer (R-DATA-4).
    pub chain: String,
    /// Phone numbers inside any text are masked (unless a supervisor chose full numbers).
    pub mask_phones: bool,
}

/// Body text sizes (points) shared by the forms so they look like one family.
pub const BODY_PT: f32 = 9.5;
pub const SMALL_PT: f32 = 8.0;
/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.35;

pub fn line_mm(size_pt: f32) -> f32 {
    size_pt * PT_TO_MM * LEADING
}

pub struct Page {
    ops: Vec<Op>,
}

pub struct Document {
    paper: Paper,
    header: Header,
    pdf: PdfDocument,
    font: FontId,
    pub(crate) face: &'static Face,
    pages: Vec<Page>,
    /// Where the next content goes on the current page (mm from the top).
    pub y: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl Document {
    pub fn new(paper: Paper, header: Header) -> Result<Document> {
        let face = face()?;
        let mut pdf = PdfDocument::new(&header.title);
        let font = pdf.add_font(&face.parsed);
        let mut doc = Document {
            paper,
            header,
            pdf,
            font,
            face,
            pages: Vec::new(),
            y: 0.0,
        };
        doc.new_page();
        Ok(doc)
    }

    pub fn left(&self) -> f32 {
        self.paper.margin_mm()
    }
    pub fn width(&self) -> f32 {
        self.paper.size_mm().0 - 2.0 * self.paper.margin_mm()
    }
    /// Lowest y content may reach before the footer.
    pub fn bottom(&self) -> f32 {
        self.paper.size_mm().1 - self.paper.margin_mm() - 6.0
    }
    /// The 记录编号 of the pages started from now on (a batch of slips, one per page).
    pub fn set_serial(&mut self, serial: &str) {
        self.header.serial = serial.to_string();
    }
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Starts a page and draws its header; the page numbers are filled in by `finish`.
    pub fn new_page(&mut self) {
        self.pages.push(Page { ops: Vec::new() });
        let (l, w) = (self.left(), self.width());
        let top = self.paper.margin_mm() - if self.paper == Paper::A5 { 2.0 } else { 5.0 };
        let h = self.header.clone();
        let small = if self.paper == Paper::A5 {
            7.5
        } else {
            SMALL_PT
        };
        self.text_aligned(l, top, w, 10.0, &h.office_name, Align::Center);
        let title_pt = if self.paper == Paper::A5 { 14.0 } else { 17.0 };
        self.text_aligned(l, top + 6.0, w, title_pt, &h.title, Align::Center);
        // The control strip: one row of labelled cells under the title.
        let strip_y = top + 6.0 + title_pt * PT_TO_MM + 3.0;
        let row_h = line_mm(small) + 2.0;
        let cells: [(&str, &str, f32); 5] = [
            ("文件编号", &h.doc_no, 0.20),
            ("版本/修改", &h.version, 0.15),
            ("记录编号", &h.serial, 0.27),
            ("打印时间", &h.printed_at, 0.23),
            ("页码", "", 0.15),
        ];
        let mut x = l;
        for (label, value, frac) in cells {
            let cw = w * frac;
            self.rect(x, strip_y, cw, row_h, false);
            let text = if label == "页码" {
                String::new()
            } else {
                format!("{label}：{value}")
            };
            // Shrink a long value (e.g. a date range) rather than let it spill into the next cell.
            let mut size = small;
            while size > 5.0 && self.face.width_mm(&text, size) > cw - 2.0 {
                size -= 0.5;
            }
            self.text(x + 1.0, strip_y + 1.0, size, &text);
            x += cw;
        }
        self.y = strip_y + row_h + 4.0;
        // Footer rule and note.
        let fy = self.bottom() + 2.0;
        self.hline(l, fy, w, 0.3);
        let note = h.footer.clone();
        self.text(l, fy + 1.0, 7.0, &note);
        self.text_aligned(l, fy + 1.0, w, 7.0, &h.chain, Align::Right);
    }

    /// Text as this document shows it: a phone number typed inside free text ("业主另一号码
    /// 139…") is masked like the phone fields, unless a supervisor chose full numbers. Applied
    /// before wrapping, so a number split over two lines is masked too.
    pub fn shown<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        if self.header.mask_phones {
            std::borrow::Cow::Owned(crate::base::phone::mask_text(s))
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }

    /// Starts a new page unless `h` mm still fit; returns whether it broke.
    pub fn ensure(&mut self, h: f32) -> bool {
        if self.y + h > self.bottom() {
            self.new_page();
            true
        } else {
            false
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        let last = self.pages.len() - 1;
        &mut self.pages[last].ops
    }

    fn pt(&self, x_mm: f32, y_mm_from_top: f32) -> Point {
        let page_h = self.paper.size_mm().1;
        Point {
            x: Mm(x_mm).into_pt(),
            y: Mm(page_h - y_mm_from_top).into_pt(),
        }
    }

    /// Writes one line of text whose box starts at (`x`, `y_top`).
    pub fn text(&mut self, x: f32, y_top: f32, size_pt: f32, s: &str) {
        if s.is_empty() {
            return;
        }
        let s = self.shown(s).into_owned();
        let s = s.as_str();
        // Baseline sits at ~0.88 em below the top of the line box for this face.
        let pos = self.pt(x, y_top + size_pt * PT_TO_MM * 0.95);
        let font = self.font.clone();
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size_pt),
            },
            Op::SetTextCursor { pos },
            Op::ShowText {
                items: vec![TextItem::Text(s.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    pub fn text_aligned(
        &mut self,
        x: f32,
        y_top: f32,
        w: f32,
        size_pt: f32,
        s: &str,
        align: Align,
    ) {
        let tw = self.face.width_mm(s, size_pt);
        let dx = match align {
            Align::Left => 0.0,
            Align::Center => ((w - tw) / 2.0).max(0.0),
            Align::Right => (w - tw).max(0.0),
        };
        self.text(x + dx, y_top, size_pt, s);
    }

    pub fn hline(&mut self, x: f32, y: f32, w: f32, thickness_pt: f32) {
        let (a, b) = (self.pt(x, y), self.pt(x + w, y));
        self.line(a, b, thickness_pt);
    }

    pub fn vline(&mut self, x: f32, y: f32, h: f32, thickness_pt: f32) {
        let (a, b) = (self.pt(x, y), self.pt(x, y + h));
        self.line(a, b, thickness_pt);
    }

    fn line(&mut self, a: Point, b: Point, thickness_pt: f32) {
        self.ops().extend([
            Op::SetOutlineThickness {
                pt: Pt(thickness_pt),
            },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: a,
                            bezier: false,
                        },
                        LinePoint {
                            p: b,
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A cell border; `shaded` fills it light grey first (header and label cells).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, shaded: bool) {
        let ll = self.pt(x, y + h);
        let r = |mode| Rect {
            x: ll.x,
            y: ll.y,
            width: Mm(w).into_pt(),
            height: Mm(h).into_pt(),
            mode: Some(mode),
            winding_order: None,
        };
        if shaded {
            let grey = Color::Greyscale(Greyscale {
                percent: 0.92,
                icc_profile: None,
            });
            let black = Color::Greyscale(Greyscale {
                percent: 0.0,
                icc_profile: None,
            });
            let fill = r(PaintMode::Fill);
            self.ops().extend([
                Op::SetFillColor { col: grey },
                Op::DrawRectangle { rectangle: fill },
                Op::SetFillColor { col: black },
            ]);
        }
        let stroke = r(PaintMode::Stroke);
        self.ops().extend([
            Op::SetOutlineThickness { pt: Pt(0.5) },
            Op::DrawRectangle { rectangle: stroke },
        ]);
    }

    /// A wrapped paragraph across the full width.
    pub fn paragraph(&mut self, size_pt: f32, s: &str) {
        let s = self.shown(s).into_owned();
        let lines = self.face.wrap(&s, size_pt, self.width());
        for line in lines {
            self.ensure(line_mm(size_pt));
            let (l, y) = (self.left(), self.y);
            self.text(l, y, size_pt, &line);
            self.y += line_mm(size_pt);
        }
    }

    /// Writes 共N页 第M页 into each header and serialises the PDF (font subset embedded).
    pub fn finish(mut self) -> Result<Vec<u8>> {
        let n = self.pages.len();
        let (l, w) = (self.left(), self.width());
        let top = self.paper.margin_mm() - if self.paper == Paper::A5 { 2.0 } else { 5.0 };
        let title_pt = if self.paper == Paper::A5 { 14.0 } else { 17.0 };
        let strip_y = top + 6.0 + title_pt * PT_TO_MM + 3.0;
        let small = if self.paper == Paper::A5 {
            7.5
        } else {
            SMALL_PT
        };
        let x = l + w * 0.85;
        let mut pages = Vec::with_capacity(n);
        let last = std::mem::take(&mut self.pages);
        for (i, page) in last.into_iter().enumerate() {
            self.pages = vec![page];
            self.text(
                x + 1.0,
                strip_y + 1.0,
                small,
                &format!("共{}页 第{}页", n, i + 1),
            );
            let (pw, ph) = self.paper.size_mm();
            let ops = std::mem::take(&mut self.pages[0].ops);
            pages.push(PdfPage::new(Mm(pw), Mm(ph), ops));
        }
        let opts = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        Ok(self.pdf.with_pages(pages).save(&opts, &mut Vec::new()))
    }
}
