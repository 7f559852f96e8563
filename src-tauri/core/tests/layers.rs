//! The core's shape, checked on its sources (issue 10): every module lives in a layer that may
//! only use the layers below it, no two concepts use each other in a circle, and no file grows
//! past 600 lines. See docs/architecture.md for the layers and what each may import.
//!
//! A concept is a folder or file directly under a layer (`desk/slips/…` is `desk::slips`);
//! `store`, `api` and `synthetic` are one concept each. Test code (files named `tests.rs` or
//! `*_tests.rs`, inline `mod tests`, the shared `testkit`) is left out: tests may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers from the bottom up; a module may use its own layer and those before it.
const LAYERS: &[&str] = &[
    "base",
    "store",
    "setup",
    "desk",
    "duty",
    "paper",
    "api",
    "synthetic",
];
const MAX_LINES: usize = 600;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn is_test_file(rel: &str) -> bool {
    rel.starts_with("testkit")
        || rel.split('/').any(|part| {
            let part = part.trim_end_matches(".rs");
            part == "tests" || part.ends_with("_tests")
        })
}

/// `desk/slips/steps.rs` → `desk::slips`; `store/mod.rs` → `store`; `lib.rs` → None.
fn node_of(rel: &str) -> Option<String> {
    let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    match parts.as_slice() {
        ["lib"] => None,
        [one] => Some(one.to_string()),
        [layer, rest @ ..] if ["store", "api", "synthetic"].contains(layer) => {
            let _ = rest;
            Some(layer.to_string())
        }
        [layer, "mod"] => Some(layer.to_string()),
        [layer, concept, ..] => Some(format!("{layer}::{concept}")),
        _ => None,
    }
}

/// A `crate::` path as the node it names.
fn node_of_path(path: &[&str]) -> Option<String> {
    match path {
        [] => None,
        [layer, ..] if ["store", "api", "synthetic"].contains(layer) => Some(layer.to_string()),
        [layer, concept, ..] if LAYERS.contains(layer) => Some(format!("{layer}::{concept}")),
        [layer] if LAYERS.contains(layer) => Some(layer.to_string()),
        _ => None,
    }
}

fn layer_rank(node: &str) -> usize {
    let layer = node.split("::").next().unwrap_or(node);
    LAYERS
        .iter()
        .position(|l| *l == layer)
        .unwrap_or(usize::MAX)
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every node a source text names through `crate::…` paths, grouped imports included.
fn references(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // crate::{a::b, c::{d, e}}: each first-level item is a path.
            let mut depth = 1;
            let mut end = 0;
            for (j, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let mut item = String::new();
            let mut d = 0;
            for ch in group[..end].chars().chain(std::iter::once(',')) {
                match ch {
                    '{' => d += 1,
                    '}' => d -= 1,
                    ',' if d == 0 => {
                        let path: Vec<&str> = item
                            .trim()
                            .split("::")
                            .map(str::trim)
                            .take_while(|s| s.chars().all(is_ident) && !s.is_empty())
                            .collect();
                        if let Some(n) = node_of_path(&path) {
                            out.insert(n);
                        }
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(ch);
            }
        } else {
            let path_text: String = rest
                .chars()
                .take_while(|c| is_ident(*c) || *c == ':')
                .collect();
            let path: Vec<&str> = path_text.split("::").filter(|s| !s.is_empty()).collect();
            if let Some(n) = node_of_path(&path) {
                out.insert(n);
            }
        }
    }
    out
}

/// The production part of a file: an inline `#[cfg(test)] mod tests { … }` at its end is cut.
fn production(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => &text[..i],
        None => text,
    }
}

struct Graph {
    edges: BTreeMap<String, BTreeSet<String>>,
    /// (from, to) → a file that makes the edge, for the failure message.
    why: BTreeMap<(String, String), String>,
}

fn graph() -> Graph {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut g = Graph {
        edges: BTreeMap::new(),
        why: BTreeMap::new(),
    };
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if is_test_file(&rel) {
            continue;
        }
        let Some(from) = node_of(&rel) else { continue };
        let text = std::fs::read_to_string(&f).unwrap();
        let refs = references(production(&text));
        let entry = g.edges.entry(from.clone()).or_default();
        for to in refs {
            if to != from && !from.starts_with(&format!("{to}::")) {
                g.why
                    .entry((from.clone(), to.clone()))
                    .or_insert(rel.clone());
                entry.insert(to);
            }
        }
    }
    g
}

/// Strongly connected components with more than one node (Tarjan).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        on: BTreeSet<String>,
        stack: Vec<String>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit(t: &mut T, v: &str) {
        t.index.insert(v.to_string(), t.next);
        t.low.insert(v.to_string(), t.next);
        t.next += 1;
        t.stack.push(v.to_string());
        t.on.insert(v.to_string());
        let next: Vec<String> = t
            .edges
            .get(v)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default();
        for w in next {
            if !t.index.contains_key(&w) {
                visit(t, &w);
                let lw = t.low[&w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(&w) {
                let iw = t.index[&w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(&w);
                let done = w == v;
                comp.push(w);
                if done {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        on: BTreeSet::new(),
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    let nodes: Vec<String> = edges.keys().cloned().collect();
    for v in nodes {
        if !t.index.contains_key(&v) {
            visit(&mut t, &v);
        }
    }
    t.out
}

#[test]
fn no_two_concepts_use_each_other_in_a_circle() {
    let g = graph();
    let found = cycles(&g.edges);
    let described: Vec<String> = found
        .iter()
        .map(|c| {
            let links: Vec<String> = c
                .iter()
                .flat_map(|a| c.iter().map(move |b| (a, b)))
                .filter_map(|(a, b)| {
                    g.why
                        .get(&(a.clone(), b.clone()))
                        .map(|f| format!("{a} → {b} ({f})"))
                })
                .collect();
            format!("{}: {}", c.join(" ↔ "), links.join(", "))
        })
        .collect();
    assert!(
        described.is_empty(),
        "import circles:\n{}",
        described.join("\n")
    );
}

#[test]
fn each_layer_uses_only_the_layers_below_it() {
    let g = graph();
    let mut wrong = Vec::new();
    for (from, tos) in &g.edges {
        for to in tos {
            if layer_rank(to) > layer_rank(from) {
                wrong.push(format!(
                    "{from} → {to} ({})",
                    g.why[&(from.clone(), to.clone())]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a layer uses one above it (order: {}):\n{}",
        LAYERS.join(" < "),
        wrong.join("\n")
    );
}

#[test]
fn no_core_file_is_over_600_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut files,
    );
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn every_core_file_names_its_rules_or_purpose_first() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let bare: Vec<String> = files
        .iter()
        .filter(|f| {
            !std::fs::read_to_string(f)
                .unwrap()
                .trim_start()
                .starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        bare.is_empty(),
        "files without a first //! comment:\n{}",
        bare.join("\n")
    );
}

/// Every enum with a Chinese label is a `coded_enum!` (base/coded.rs): one way to store, read,
/// parse and label it, so no screen, paper or import spells a value its own way.
#[test]
fn every_labelled_enum_is_a_coded_enum() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let hand_written: Vec<String> = files
        .iter()
        .filter(|p| !p.ends_with("base/coded.rs"))
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("fn label(self) -> &'static str")
        })
        .map(|p| p.strip_prefix(src()).unwrap().display().to_string())
        .collect();
    assert!(
        hand_written.is_empty(),
        "labels written by hand instead of coded_enum!: {hand_written:?}"
    );
}
