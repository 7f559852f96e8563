//! Search benchmark: first-page latency on ten years of one office, with the FTS5 index and
//! with the `LIKE '%…%'` scan it replaces.
//!
//!   cargo bench -p frontdesk-core --bench search
//!
//! The data set is generated once (seed 1) and cached beside the build output
//! (<target>/frontdesk-bench/), so reruns start at once. FRONTDESK_BENCH_YEARS=1 makes a
//! quick small run. The figures go into README.md "性能 / Benchmarks" by hand.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use frontdesk_core::base::ctx::{Actor, Ctx};
use frontdesk_core::base::role::Role;
use frontdesk_core::desk::search::{self, scan, SearchQuery};
use frontdesk_core::synthetic::{self, GenerateInput};
use frontdesk_core::Store;

/// Bump when the generator or the schema changes what it writes, so the cache is rebuilt.
const DATA_VERSION: u32 = 1;
const PAGE: i64 = 20;

fn main() {
    let years: u32 = std::env::var("FRONTDESK_BENCH_YEARS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let seed = 1;
    let now = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let path = cache_dir().join(format!(
        "search-{years}y-seed{seed}-schema{}-data{DATA_VERSION}.db",
        frontdesk_core::store::latest_version()
    ));
    if !path.exists() {
        let tmp = path.with_extension("building");
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(tmp.with_extension("building-wal"));
        eprintln!("生成 {years} 年演示数据 → {}", path.display());
        let t = Instant::now();
        let mut store = Store::open_or_create(&tmp).expect("open the bench database");
        let report = synthetic::generate(
            &mut store,
            now,
            GenerateInput {
                years,
                seed,
                entries_per_year: None,
                rooms: None,
            },
        )
        .expect("generate the data set");
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;")
            .expect("checkpoint");
        drop(store);
        std::fs::rename(&tmp, &path).expect("move the finished data set into place");
        eprintln!("用时 {:.1} s:{report:?}", t.elapsed().as_secs_f64());
    }
    let mut store = Store::open_or_create(&path).expect("open the cached data set");
    print_sizes(&store);

    let probe = Probe::read(&mut store);
    let ctx = Ctx::as_user(
        now,
        Actor {
            id: 1,
            login: "bench".into(),
            name: "基准".into(),
            role: Role::Receptionist,
        },
    );
    let queries: Vec<(&str, String)> = vec![
        ("1 字", "水".into()),
        ("1 字", "门".into()),
        ("1 字(罕见)", "蚁".into()),
        ("2 字", "漏水".into()),
        ("2 字", "电梯".into()),
        ("2 字(罕见)", "白蚁".into()),
        ("3+ 字", "卫生间".into()),
        ("3+ 字", "电梯困人".into()),
        ("3+ 字(罕见)", "化粪池周边".into()),
        ("无结果", "量子计算机".into()),
        ("两个常见词,极少同现", "漏水 电梯".into()),
        ("常见字 + 罕见字", "水 蚁".into()),
        ("姓名", probe.name.clone()),
        ("房号", probe.room.clone()),
        ("电话", probe.phone.clone()),
        (
            "尾号 4 位",
            probe.phone[probe.phone.len() - 4..].to_string(),
        ),
        ("单号", probe.serial.clone()),
        ("拉丁/数字", "LED".into()),
        ("拉丁/数字", "B2".into()),
        ("混合", "3号楼 电梯".into()),
        ("混合", "沪A12345".into()),
    ];

    println!("\n| 查询类型 | 查询 | 命中(首页) | 索引 p50 | 索引 p95 | 索引 max | LIKE p50 | LIKE p95 | LIKE max |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut worst_index = Duration::ZERO;
    let mut worst_like = Duration::ZERO;
    for (what, text) in &queries {
        let mut hits = 0;
        let index = time(30, || {
            let page = search::search(
                &mut store,
                &ctx,
                SearchQuery {
                    text: text.clone(),
                    limit: Some(PAGE),
                    offset: None,
                },
            )
            .expect("search");
            hits = page.hits.len();
        });
        let like = time(5, || {
            store
                .read(|tx| scan::like_scan(tx, text, PAGE, 0))
                .expect("like scan");
        });
        worst_index = worst_index.max(index.max);
        worst_like = worst_like.max(like.max);
        println!(
            "| {what} | {text} | {hits} | {} | {} | {} | {} | {} | {} |",
            ms(index.p50),
            ms(index.p95),
            ms(index.max),
            ms(like.p50),
            ms(like.p95),
            ms(like.max)
        );
    }
    println!(
        "\n最慢一次:索引 {},LIKE 扫描 {}",
        ms(worst_index),
        ms(worst_like)
    );
}

struct Stats {
    p50: Duration,
    p95: Duration,
    max: Duration,
}

/// Runs `f` once to warm the page cache, then `n` timed times.
fn time(n: usize, mut f: impl FnMut()) -> Stats {
    f();
    let mut d: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    d.sort();
    let at = |q: f64| d[((n as f64 - 1.0) * q).round() as usize];
    Stats {
        p50: at(0.5),
        p95: at(0.95),
        max: d[n - 1],
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Real handles from the data set to search for: a resident with records, one of their
/// phones and room, and a slip serial from the middle of the ten years.
struct Probe {
    name: String,
    room: String,
    phone: String,
    serial: String,
}

impl Probe {
    fn read(store: &mut Store) -> Probe {
        let c = store.conn();
        let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, String>(0)).expect(sql);
        let mid = "(SELECT id FROM search_docs ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM search_docs))";
        Probe {
            name: q(&format!(
                "SELECT name FROM search_docs WHERE id >= {mid} AND phone <> '' LIMIT 1"
            )),
            room: q(&format!(
                "SELECT room_code FROM search_docs WHERE id >= {mid} AND room_code <> '' LIMIT 1"
            )),
            phone: q(&format!(
                "SELECT phone FROM search_docs WHERE id >= {mid} AND length(phone) = 11 LIMIT 1"
            )),
            serial: q(&format!(
                "SELECT serial FROM search_docs WHERE id >= {mid} AND kind = 'slip' LIMIT 1"
            )),
        }
    }
}

fn print_sizes(store: &Store) {
    let c = store.conn();
    let size = |like: &str| -> f64 {
        c.query_row(
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE ?1",
            [like],
            |r| r.get::<_, i64>(0),
        )
        .expect("dbstat") as f64
            / 1_048_576.0
    };
    let count = |t: &str| {
        c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap_or(-1)
    };
    println!("数据集:{} 个搜索文档", count("search_docs"));
    println!(
        "大小:整个数据库 {:.1} MiB;search_fts 索引 {:.1} MiB;search_docs(含自动索引){:.1} MiB",
        size("%"),
        size("search_fts%"),
        size("search_docs") + size("sqlite_autoindex_search_docs%")
    );
}

fn cache_dir() -> PathBuf {
    // target/<profile>/deps/search-… → target/frontdesk-bench
    let exe = std::env::current_exe().expect("current exe");
    let target = exe
        .ancestors()
        .nth(3)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let dir = target.join("frontdesk-bench");
    std::fs::create_dir_all(&dir).expect("create the bench cache dir");
    dir
}
