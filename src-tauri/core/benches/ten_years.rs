//! What a user waits for on ten years of records (issue 12): the real operations — the same
//! `api::call` the app makes — over a generated ten-year office, each figure beside its goal,
//! and openpyxl writing the same rows in the same run as the baseline.
//!
//!   cargo bench -p frontdesk-core --bench ten_years
//!
//! The office is `FRONTDESK_BENCH_DB` (default /var/tmp/frontdesk-bench/ten.db), generated on
//! the first run (`--years 10 --seed 1`, a few minutes) and reused afterwards; an older file is
//! upgraded as the app would. The openpyxl venv is made by benches/openpyxl/run.sh (PyPI on its
//! first run); without python3-venv that column says so and the rest still runs.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use calamine::{Data, Reader, Xlsx};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use frontdesk_core::api;
use frontdesk_core::paper::reports::{self, xlsx, PeriodKind, ReportInput};
use frontdesk_core::setup::accounts;
use frontdesk_core::synthetic::{self, GenerateInput, DEMO_LOGIN, DEMO_PASSWORD};
use frontdesk_core::{Ctx, Store};
use serde_json::{json, Value};

fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn office(path: &Path) -> Store {
    if path.exists() {
        let t = Instant::now();
        let store = Store::open(path).expect("open the ten-year office");
        eprintln!(
            "opened {} in {:.1} s",
            path.display(),
            t.elapsed().as_secs_f64()
        );
        return store;
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    eprintln!(
        "generating the ten-year office at {} (once) …",
        path.display()
    );
    let t = Instant::now();
    let mut store = Store::create(path).unwrap();
    synthetic::generate(
        &mut store,
        now(),
        GenerateInput {
            years: 10,
            seed: 1,
            entries_per_year: None,
            rooms: None,
        },
    )
    .unwrap();
    eprintln!("generated in {:.0} s", t.elapsed().as_secs_f64());
    store
}

/// Peak resident memory of this process so far (VmHWM), in MB.
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Best of `n` runs, in seconds.
fn best<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..n {
        let t = Instant::now();
        let out = f();
        best = best.min(t.elapsed().as_secs_f64());
        last = Some(out);
    }
    (best, last.unwrap())
}

/// Our workbook read back as openpyxl's input: every sheet's cells, as text or numbers.
fn rows_of(bytes: &[u8]) -> (Value, usize) {
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut sheets = Vec::new();
    let mut total = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let rows: Vec<Value> = range
            .rows()
            .map(|r| {
                Value::Array(
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => Value::Null,
                            Data::Float(f) => json!(f),
                            Data::Int(i) => json!(i),
                            other => json!(other.to_string()),
                        })
                        .collect(),
                )
            })
            .collect();
        total += rows.len();
        sheets.push(json!({ "name": name, "rows": rows }));
    }
    (json!({ "sheets": sheets }), total)
}

/// openpyxl writing the same rows (plain and styled); None when its venv cannot be made here.
fn openpyxl(rows: &Value, dir: &Path) -> Option<(f64, f64)> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../benches/openpyxl/run.sh");
    let input = dir.join("rows.json");
    std::fs::write(&input, rows.to_string()).ok()?;
    let run = |styled: bool| -> Option<f64> {
        let mut cmd = Command::new("bash");
        cmd.arg(&script).arg(&input).arg(dir.join("openpyxl.xlsx"));
        if styled {
            cmd.arg("--styled");
        }
        let out = cmd.output().ok()?;
        if !out.status.success() {
            eprintln!("openpyxl: {}", String::from_utf8_lossy(&out.stderr).trim());
            return None;
        }
        let v: Value = serde_json::from_slice(&out.stdout).ok()?;
        v["seconds"].as_f64()
    };
    Some((run(false)?, run(true)?))
}

fn row(what: &str, seconds: f64, goal: &str) {
    println!(
        "| {what} | {:.2} s | {goal} | {:.0} MB |",
        seconds,
        peak_mb()
    );
}

fn main() {
    let path = std::env::var_os("FRONTDESK_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/frontdesk-bench/ten.db"));
    let mut store = office(&path);
    let t = now();
    let me = accounts::login(&mut store, t, DEMO_LOGIN, DEMO_PASSWORD).unwrap();
    let ctx = Ctx::as_user(t, me);

    let last_month = NaiveDate::from_ymd_opt(t.year(), t.month(), 1).unwrap() - Duration::days(1);
    let month = format!("{}-{:02}", last_month.year(), last_month.month());
    let quarter = format!(
        "{}-Q{}",
        last_month.year(),
        (last_month.month() - 1) / 3 + 1
    );
    let year = format!("{}", t.year() - 1);
    let input = |kind: PeriodKind, period: &str| ReportInput {
        kind,
        period: period.to_string(),
    };

    println!(
        "\n十年办公室 {}（{:.2} GB），{}\n",
        path.display(),
        std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1e9),
        t.format("%Y-%m-%d")
    );
    println!("| 操作 | 用时（三次取最好） | 目标 | 进程峰值内存 |");
    println!("|---|---|---|---|");
    for (name, kind, period) in [
        ("月报统计", PeriodKind::Month, &month),
        ("季报统计", PeriodKind::Quarter, &quarter),
        ("年报统计", PeriodKind::Year, &year),
    ] {
        let (s, _) = best(3, || {
            reports::report(&mut store, &ctx, input(kind, period)).unwrap()
        });
        row(&format!("{name} {period}"), s, "≤ 0.3 s（月）/ ≤ 2 s（年）");
    }
    let (s, month_book) = best(3, || {
        let r = reports::report(&mut store, &ctx, input(PeriodKind::Month, &month)).unwrap();
        xlsx::write(&r).unwrap()
    });
    row(&format!("月报 → xlsx {month}（统计 + 写）"), s, "≤ 0.3 s");
    let (s, _) = best(3, || {
        let r = reports::report(&mut store, &ctx, input(PeriodKind::Year, &year)).unwrap();
        xlsx::write(&r).unwrap()
    });
    row(
        &format!("年报 → xlsx {year}（统计 + 写）"),
        s,
        "≤ 2 s，峰值 ≤ 150 MB",
    );
    let (s, _) = best(3, || {
        api::call(
            &mut store,
            &ctx,
            "print_form",
            json!({"form": "period_report", "serial": "", "from": year, "to": "", "paper": null, "full_phones": false}),
        )
        .unwrap()
    });
    row(&format!("年报 PDF {year}"), s, "≤ 2 s");

    let dir = tempfile::tempdir().unwrap();
    let (rows, n) = rows_of(&month_book);
    let r = reports::report(&mut store, &ctx, input(PeriodKind::Month, &month)).unwrap();
    let (ours, _) = best(3, || xlsx::write(&r).unwrap());
    match openpyxl(&rows, dir.path()) {
        Some((plain, styled)) => println!(
            "\n同样的 {n} 行写成 xlsx：本程序 {ours:.3} s；openpyxl write_only {plain:.3} s（快 {:.1} 倍），带格式 {styled:.3} s（快 {:.1} 倍）；目标 ≥ 5 倍",
            plain / ours,
            styled / ours
        ),
        None => println!("\n同样的 {n} 行写成 xlsx：本程序 {ours:.3} s；openpyxl 无法在本机运行（见上）"),
    }
}
