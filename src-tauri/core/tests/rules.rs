//! Every rule of docs/REQUIREMENTS.md (R-IN-1 …) is matched by a test named for it (issue 14):
//! a Rust test `fn r_in_1_…` or an e2e test whose title ends in `（R-IN-1）`. A rule with no such
//! test must be listed in `NOT_YET` — the rules still waiting for their named test — and a rule
//! that gets one must leave that list, so the list only ever shrinks and says what is missing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Rules with no test named for them yet (none since 2026-11-30). Remove a rule when its test lands.
const NOT_YET: &[&str] = &[];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if p.is_dir() {
            if !matches!(name.as_str(), "node_modules" | "target" | "out" | ".git") {
                files(&p, ext, out);
            }
        } else if name.ends_with(ext) {
            out.push(p);
        }
    }
}

/// The rule ids of docs/REQUIREMENTS.md, in order.
fn rules() -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("docs/REQUIREMENTS.md")).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("- R-"))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(|id| format!("R-{id}"))
        .collect()
}

/// `r_ds_2_…` → R-DS-2; `r_data_10_…` → R-DATA-10.
fn rule_of_fn(name: &str) -> Option<String> {
    let mut parts = name.strip_prefix("r_")?.split('_');
    let area = parts.next()?;
    let n = parts.next()?;
    (area.chars().all(|c| c.is_ascii_lowercase())
        && n.chars().all(|c| c.is_ascii_digit())
        && !n.is_empty())
    .then(|| format!("R-{}-{n}", area.to_ascii_uppercase()))
}

/// The rule ids named by tests: Rust test functions and e2e test titles.
fn tested() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rust = Vec::new();
    files(&repo().join("src-tauri"), ".rs", &mut rust);
    for f in rust {
        let text = std::fs::read_to_string(&f).unwrap();
        let mut after_test = false;
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with("#[test]") {
                after_test = true;
                continue;
            }
            if after_test && !t.starts_with("#[") && !t.starts_with("//") {
                if let Some(name) = t.strip_prefix("fn ").and_then(|r| r.split('(').next()) {
                    found.extend(rule_of_fn(name));
                }
                after_test = false;
            }
        }
    }
    let mut e2e = Vec::new();
    files(&repo().join("tests/e2e"), ".test.mjs", &mut e2e);
    for f in e2e {
        for line in std::fs::read_to_string(&f).unwrap().lines() {
            let Some(title) = line.trim().strip_prefix("test('") else {
                continue;
            };
            let title = title.split('\'').next().unwrap_or("");
            if let Some(inner) = title.strip_suffix('）').and_then(|t| t.rsplit('（').next()) {
                found.extend(
                    inner
                        .split(['、', '，', ','])
                        .map(str::trim)
                        .filter(|id| id.starts_with("R-"))
                        .map(String::from),
                );
            }
        }
    }
    found
}

#[test]
fn every_rule_has_a_test_named_for_it_or_is_listed_as_not_yet() {
    let rules = rules();
    assert!(
        rules.len() >= 55,
        "docs/REQUIREMENTS.md lists {} rules",
        rules.len()
    );
    let tested = tested();
    let untested: Vec<&String> = rules
        .iter()
        .filter(|r| !tested.contains(*r) && !NOT_YET.contains(&r.as_str()))
        .collect();
    assert!(
        untested.is_empty(),
        "rules with no test named for them: {untested:?}"
    );
    let now_tested: Vec<&&str> = NOT_YET.iter().filter(|r| tested.contains(**r)).collect();
    assert!(
        now_tested.is_empty(),
        "these rules have their test now: take them out of NOT_YET: {now_tested:?}"
    );
    let unknown: Vec<&&str> = NOT_YET
        .iter()
        .filter(|r| !rules.iter().any(|x| x == **r))
        .collect();
    assert!(
        unknown.is_empty(),
        "NOT_YET names rules that do not exist: {unknown:?}"
    );
    let named_but_unknown: Vec<&String> = tested.iter().filter(|t| !rules.contains(t)).collect();
    assert!(
        named_but_unknown.is_empty(),
        "tests named for rules that do not exist: {named_but_unknown:?}"
    );
}
