//! The bundled CJK font (WenQuanYi Micro Hei, Apache-2.0; licence beside it in assets/fonts/),
//! parsed once, and the text measurement that wrapping needs. It is a TrueType (glyf) face, so
//! printpdf's subsetter embeds only the glyphs a document uses.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::base::error::{Error, Result};

const FONT_BYTES: &[u8] = include_bytes!("../../../../../assets/fonts/wqy-microhei.ttc");

pub(crate) struct Face {
    pub parsed: ParsedFont,
    units_per_em: f32,
}

static FACE: OnceLock<Option<Face>> = OnceLock::new();

/// The parsed face; parsing the 5 MB collection happens once per process.
pub(crate) fn face() -> Result<&'static Face> {
    FACE.get_or_init(|| {
        let parsed = ParsedFont::from_bytes(FONT_BYTES, 0, &mut Vec::new())?;
        let upm = parsed.font_metrics.units_per_em.max(1) as f32;
        Some(Face {
            parsed,
            units_per_em: upm,
        })
    })
    .as_ref()
    .ok_or_else(|| Error::Integrity("内置字体无法读取".into()))
}

impl Face {
    /// Advance width of `c` in em units; characters the face lacks count as one em (they print
    /// as a box, but the layout keeps its place so nothing overlaps).
    fn advance_em(&self, c: char) -> f32 {
        match self.parsed.lookup_glyph_index(c as u32) {
            Some(g) => self.parsed.get_horizontal_advance(g) as f32 / self.units_per_em,
            None => 1.0,
        }
    }

    /// Width of `text` in millimetres at `size_pt`.
    pub fn width_mm(&self, text: &str, size_pt: f32) -> f32 {
        let em: f32 = text.chars().map(|c| self.advance_em(c)).sum();
        em * size_pt * PT_TO_MM
    }

    /// Breaks `text` into lines no wider than `width_mm`. Explicit newlines are kept; Chinese
    /// breaks between any two characters, while a run of Latin letters/digits stays whole
    /// unless it alone is wider than the line.
    pub fn wrap(&self, text: &str, size_pt: f32, width_mm: f32) -> Vec<String> {
        let max_em = (width_mm / (size_pt * PT_TO_MM)).max(1.0);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut line_em = 0.0f32;
            for token in tokens(para) {
                let token_em: f32 = token.chars().map(|c| self.advance_em(c)).sum();
                if line_em + token_em <= max_em + 1e-3 {
                    line.push_str(token);
                    line_em += token_em;
                    continue;
                }
                if token_em <= max_em && !line.is_empty() {
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                    let t = token.trim_start();
                    line.push_str(t);
                    line_em = t.chars().map(|c| self.advance_em(c)).sum();
                    continue;
                }
                // A token longer than the line (or a CJK char that just overflows): char by char.
                for c in token.chars() {
                    let w = self.advance_em(c);
                    if line_em + w > max_em + 1e-3 && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_em = 0.0;
                        if c == ' ' {
                            continue;
                        }
                    }
                    line.push(c);
                    line_em += w;
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// Splits text into breakable units: each CJK character (and punctuation) alone, runs of
/// ASCII word characters together, each space alone.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None::<usize>;
    for (i, c) in s.char_indices() {
        let wordish = c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | ':' | '/' | '*' | '_' | '@' | '(' | ')');
        if wordish {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(st) = start.take() {
            out.push(&s[st..i]);
        }
        out.push(&s[i..i + c.len_utf8()]);
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

pub const PT_TO_MM: f32 = 25.4 / 72.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_chinese_at_the_width_and_keeps_words_whole() {
        let f = face().unwrap();
        let w10 = f.width_mm("一二三四五六七八九十", 10.0);
        assert!(
            (w10 - 10.0 * 10.0 * PT_TO_MM).abs() < 0.5,
            "CJK glyphs are one em wide: {w10}"
        );
        let lines = f.wrap("一二三四五六七八九十一二三四五", 10.0, w10 + 0.1);
        assert_eq!(lines, vec!["一二三四五六七八九十", "一二三四五"]);
        let lines = f.wrap("房号 A1-2-0301 漏水", 10.0, f.width_mm("房号 A1-2-", 10.0));
        assert!(lines.iter().any(|l| l.contains("A1-2-0301")), "{lines:?}");
        for l in &lines {
            assert!(
                f.width_mm(l, 10.0) <= f.width_mm("房号 A1-2-", 10.0) + 0.01 || l == "A1-2-0301"
            );
        }
        assert_eq!(f.wrap("", 10.0, 20.0), vec![String::new()]);
        assert_eq!(f.wrap("甲\n乙", 10.0, 50.0), vec!["甲", "乙"]);
    }
}
