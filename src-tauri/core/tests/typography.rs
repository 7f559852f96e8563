//! Chinese text uses full-width punctuation (，：；（）): every message, label, form heading and
//! sheet text the program writes. This reads the program's own string literals (not tests,
//! which hold user-typed input on purpose) and fails on a half-width , : ; ( ) next to a Chinese
//! character, or a bracket pair of mixed kinds, naming the file and line.

use std::path::{Path, PathBuf};

fn wide(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        matches!(c as u32, 0x4e00..=0x9fff | 0x3000..=0x303f | 0xff00..=0xffef)
            || "“”‘’…—·".contains(c)
    })
}

/// The problems in one literal's text.
fn problems(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let bad = match c {
            '(' => wide(next) || wide(prev),
            ')' => wide(prev) || wide(next),
            ',' | ':' | ';' => wide(prev) || wide(next) && prev != Some('{'),
            _ => false,
        };
        if bad && prev != Some('\\') {
            out.push(format!("半角“{c}”"));
        }
    }
    let mut open = Vec::new();
    for &c in &chars {
        match c {
            '(' | '（' => open.push(c),
            ')' | '）' => {
                if let Some(o) = open.pop() {
                    if (o == '（') != (c == '）') {
                        out.push(format!("括号不成对：{o}…{c}"));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The ordinary "…" literals of a Rust source, with their line numbers (raw strings, which
/// hold SQL, and comments are skipped).
fn literals(src: &str) -> Vec<(usize, String)> {
    let b: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
        } else if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        } else if c == 'r'
            && matches!(b.get(i + 1), Some('"') | Some('#'))
            && (i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_'))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&'"') {
                j += 1;
                while j < b.len() {
                    if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                        break;
                    }
                    if b[j] == '\n' {
                        line += 1;
                    }
                    j += 1;
                }
                i = j + 1 + hashes;
                continue;
            }
        } else if c == '\'' {
            // A char literal such as '"' or '\'' (a lifetime has no closing quote).
            if b.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            if b.get(i + 1) == Some(&'\\') && b.get(i + 3) == Some(&'\'') {
                i += 4;
                continue;
            }
        } else if c == '"' {
            let start = line;
            let mut j = i + 1;
            let mut text = String::new();
            while j < b.len() && b[j] != '"' {
                if b[j] == '\\' {
                    text.push(b[j]);
                    j += 1;
                }
                if let Some(&ch) = b.get(j) {
                    if ch == '\n' {
                        line += 1;
                    }
                    text.push(ch);
                }
                j += 1;
            }
            out.push((start, text));
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            if !matches!(
                name.as_str(),
                "tests" | "half_finished" | "property_tests" | "testkit"
            ) {
                sources(&p, out);
            }
        } else if name.ends_with(".rs") && !name.ends_with("tests.rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_programs_chinese_text_uses_full_width_punctuation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["core/src", "cli/src", "src"] {
        sources(&root.join(dir), &mut files);
    }
    files.sort();
    let mut found = Vec::new();
    let mut checked = 0;
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        // Unit tests at the end of a file hold user-typed input on purpose. Only a test MODULE
        // ends the program's text: a `#[cfg(test)]` on one import near the top (handover/mod.rs)
        // once hid the whole file from this check.
        let end = src
            .match_indices("#[cfg(test)]")
            .map(|(i, m)| i + m.len())
            .find(|&i| src[i..].trim_start().starts_with("mod "))
            .unwrap_or(src.len());
        let src = &src[..end];
        for (line, text) in literals(src) {
            if !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                continue;
            }
            checked += 1;
            for p in problems(&text) {
                found.push(format!("{}:{line}: {p} in \"{text}\"", f.display()));
            }
        }
    }
    eprintln!("全角标点：检查了 {checked} 条中文字符串");
    assert!(checked > 1000, "the sources were read: {checked}");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_itself_finds_what_it_should() {
    assert_eq!(problems("格式不正确:应为").len(), 1);
    assert_eq!(problems("{}(签字)").len(), 2);
    assert!(!problems("前次答复（{}):{}").is_empty());
    assert!(problems("时间 {:?} 为 08:30，{}：{}").is_empty());
    assert_eq!(
        literals("let a = \"一,二\"; // \"三,四\"\nlet b = r\"五,六\";").len(),
        1
    );
}
