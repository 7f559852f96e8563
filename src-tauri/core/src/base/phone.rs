//! Phone numbers: what counts as one, how it is stored, and how it is masked on paper.

use crate::base::error::{Error, Result};

/// Normalises and checks a phone number: a mobile (13812345678), a landline with area code
/// (0755-12345678), a local landline (7–8 digits), optionally with an extension (转123).
/// Spaces, dashes and a leading +86 are tidied; anything else is refused naming `field`.
pub fn normalize(field: &str, raw: &str) -> Result<String> {
    let t: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{3000}'))
        .collect();
    let t = t
        .strip_prefix("+86")
        .or_else(|| t.strip_prefix("86-"))
        .unwrap_or(&t)
        .to_string();
    let (main, ext) = match t.split_once(['转', '#', 'x', 'X']) {
        Some((m, e)) => (m.to_string(), Some(e.to_string())),
        None => (t.clone(), None),
    };
    let digits: String = main
        .chars()
        .filter(|c| *c != '-' && *c != '—' && *c != '－')
        .collect();
    let bad = || {
        Error::invalid(
            field,
            format!(
                "电话号码“{}”格式不正确：应为 11 位手机号或带区号的固话，如 13800138000 或 0755-12345678",
                raw.trim()
            ),
        )
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let number = if digits.len() == 11 && digits.starts_with('1') {
        if !matches!(digits.as_bytes()[1], b'3'..=b'9') {
            return Err(bad());
        }
        digits
    } else if digits.starts_with('0') && (10..=12).contains(&digits.len()) {
        // Area codes are 010 and 02X (three digits) or 0XXX (four), then 7–8 digits.
        let area = if digits.starts_with("010") || digits.starts_with("02") {
            3
        } else {
            4
        };
        format!("{}-{}", &digits[..area], &digits[area..])
    } else if (7..=8).contains(&digits.len()) && !digits.starts_with(['0', '1']) {
        // A local landline without its area code starts with 2–9; "1380013" is a mobile number
        // cut short, not a landline.
        digits
    } else {
        return Err(bad());
    };
    match ext {
        Some(e) if !e.is_empty() && e.len() <= 6 && e.chars().all(|c| c.is_ascii_digit()) => {
            Ok(format!("{number}转{e}"))
        }
        Some(_) => Err(bad()),
        None => Ok(number),
    }
}

/// Like `normalize`, but an empty value is allowed and stays empty.
pub fn normalize_optional(field: &str, raw: &str) -> Result<String> {
    if raw.trim().is_empty() {
        Ok(String::new())
    } else {
        normalize(field, raw)
    }
}

/// Masks a number for paper and exports (R-ROLE-2): 138****5678; landlines keep the
/// area code and the last four digits.
pub fn mask(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    if digits < 7 {
        return phone.to_string();
    }
    if chars.len() == 11 && phone.starts_with('1') {
        return format!("{}****{}", &phone[..3], &phone[7..]);
    }
    // Keep the first 3 and last 4 digit positions; star the digits between.
    let (prefix, rest) = match phone.split_once('-') {
        Some((area, rest)) => (format!("{area}-"), rest.to_string()),
        None => (String::new(), phone.to_string()),
    };
    let main: String = rest.split('转').next().unwrap_or("").to_string();
    let n = main.chars().count();
    if n <= 4 {
        return phone.to_string();
    }
    let masked: String = main
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i < n.saturating_sub(4) && (prefix.is_empty() && i >= 2 || !prefix.is_empty()) {
                '*'
            } else {
                c
            }
        })
        .collect();
    format!("{prefix}{masked}")
}

/// Masks every phone number written inside free text (content, outcome, notes, replies):
/// "业主另一号码13912345678请回电" → "业主另一号码139****5678请回电" (R-ROLE-2). A mobile is 11
/// digits from 13–19; a landline is 0 + area code (dash optional) + 7–8 digits. Other numbers
/// (rooms, fees, dates, serials) are left alone.
pub fn mask_text(text: &str) -> String {
    // Fewer than ten digits in all cannot hold a phone number (a mobile has 11, a landline
    // with its area code at least 10): most cells of a year's workbook end here.
    if text.bytes().filter(u8::is_ascii_digit).count() < 10 {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A run of digits, with single dashes allowed between digit groups (0755-1234 5678 is
        // two runs; 0755-12345678 one).
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (chars[i] == '-' && i + 1 < chars.len() && chars[i + 1].is_ascii_digit()))
        {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        // A digit glued to letters (a serial like PG-202611-0001) is not a phone.
        let after_letter = start > 0 && chars[start - 1].is_ascii_alphabetic();
        let mobile = digits.len() == 11
            && digits.starts_with('1')
            && matches!(digits.as_bytes()[1], b'3'..=b'9');
        let landline = digits.starts_with('0') && (10..=12).contains(&digits.len());
        if after_letter || !(mobile || landline) {
            out.push_str(&run);
        } else if mobile {
            out.push_str(&mask(&digits));
        } else {
            out.push_str(&mask(&normalize("", &digits).unwrap_or(run)));
        }
    }
    out
}

/// True if `text` holds an unmasked mobile number (1[3-9] and nine more digits in a row):
/// what the export and print tests look for.
pub fn has_unmasked_mobile(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(11).enumerate().any(|(i, w)| {
        w[0] == b'1'
            && (b'3'..=b'9').contains(&w[1])
            && w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 11).is_none_or(|c| !c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_numbers_inside_free_text_and_nothing_else() {
        assert_eq!(
            mask_text("业主另一号码13912345678请回电"),
            "业主另一号码139****5678请回电"
        );
        assert_eq!(
            mask_text("打0755-26661234或075526661234"),
            "打0755-****1234或0755-****1234"
        );
        assert_eq!(mask_text("010-87654321转8"), "010-****4321转8");
        // Rooms, fees, dates, serials, short numbers stay as they are.
        for keep in [
            "3-2-1201 漏水",
            "收费 35.50 元",
            "2026-11-23 10:00",
            "PG-202611-0001",
            "房间1201",
            "12812345678",
            "138123456789",
        ] {
            assert_eq!(mask_text(keep), keep);
        }
        assert!(!has_unmasked_mobile(&mask_text(
            "号码13912345678和13800001111"
        )));
        assert!(has_unmasked_mobile("号码13912345678"));
        assert!(!has_unmasked_mobile("138123456789"));
    }

    #[test]
    fn accepts_common_forms() {
        assert_eq!(normalize("phone", "138 1234 5678").unwrap(), "13812345678");
        assert_eq!(normalize("phone", "+8613812345678").unwrap(), "13812345678");
        assert_eq!(
            normalize("phone", "0755-12345678").unwrap(),
            "0755-12345678"
        );
        assert_eq!(normalize("phone", "075512345678").unwrap(), "0755-12345678");
        assert_eq!(normalize("phone", "010-87654321").unwrap(), "010-87654321");
        assert_eq!(normalize("phone", "87654321").unwrap(), "87654321");
        assert_eq!(
            normalize("phone", "87654321转808").unwrap(),
            "87654321转808"
        );
    }

    #[test]
    fn refuses_malformed_numbers_naming_the_field() {
        for bad in [
            "",
            "abc",
            "1381234567",
            "12812345678",
            "138123456789",
            "0755-12",
            "12-34",
            // A mobile number cut short is not a local landline (those start with 2–9).
            "1380013",
            "13800138",
        ] {
            let e = normalize("phone", bad).unwrap_err();
            assert_eq!(e.kind(), "invalid", "{bad} should be refused");
            assert_eq!(e.field(), Some("phone"));
            assert!(
                e.to_string().contains("格式不正确：应为 11 位手机号"),
                "{e}"
            );
        }
        assert_eq!(normalize("phone", "26668888").unwrap(), "26668888");
    }

    #[test]
    fn masks_the_middle() {
        assert_eq!(mask("13812345678"), "138****5678");
        assert_eq!(mask("0755-12345678"), "0755-****5678");
        assert_eq!(mask("87654321"), "87**4321");
        assert_eq!(mask(""), "");
    }
}
