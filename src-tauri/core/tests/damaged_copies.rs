//! 500 damaged copies of a small office (issue 11, R-DATA-3): bytes flipped in the header, the
//! middle and the last pages, truncated files, empty files, a PNG renamed to .db, a garbage -wal
//! beside a good file. Each copy is opened as the app opens it (open, start-up check, the first
//! reads). Zero panics; each copy is refused with a Chinese message or, where the damage missed
//! anything that matters, opens with the office's data whole — never as a new empty office.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use chrono::NaiveDate;
use frontdesk_core::setup::first_run;
use frontdesk_core::synthetic::{self, GenerateInput};
use frontdesk_core::{Error, Store};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

/// What the app does with a file at start, as far as the login screen.
fn start(path: &Path) -> Result<(bool, i64), Error> {
    let mut store = Store::open(path)?;
    store.quick_check()?;
    let status = first_run::status(&mut store)?;
    let entries: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM intake_entries", [], |r| r.get(0))?;
    Ok((status.initialized, entries))
}

#[test]
fn five_hundred_damaged_copies_give_clear_errors_and_no_panic() {
    let copies: usize = std::env::var("FRONTDESK_DAMAGED_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.db");
    {
        let mut store = Store::create(&good).unwrap();
        let now = NaiveDate::from_ymd_opt(2026, 11, 20)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        synthetic::generate(
            &mut store,
            now,
            GenerateInput {
                years: 1,
                seed: 3,
                entries_per_year: Some(200),
                rooms: Some(20),
            },
        )
        .unwrap();
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let _ = std::fs::remove_file(dir.path().join("good.db-wal"));
    let _ = std::fs::remove_file(dir.path().join("good.db-shm"));
    let bytes = std::fs::read(&good).unwrap();
    let (_, entries) = start(&good).unwrap();
    let page = 4096usize;
    let pages = bytes.len() / page;
    let mut rng = Lcg(11);
    let (mut refused, mut whole, mut panics, mut emptied) = (0, 0, 0, 0);
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for i in 0..copies {
        let case = dir.path().join(format!("copy{i}.db"));
        let mut b = bytes.clone();
        let mut wal: Option<Vec<u8>> = None;
        match i % 8 {
            // The 100-byte header: page size, versions, counters, schema cookie …
            0 => {
                for _ in 0..1 + rng.next(4) {
                    let at = rng.next(100) as usize;
                    b[at] ^= 1 << rng.next(8);
                }
            }
            // A page in the middle.
            1 | 2 => {
                let p = pages / 4 + rng.next((pages / 2) as u64) as usize;
                for _ in 0..1 + rng.next(16) {
                    let at = p * page + rng.next(page as u64) as usize;
                    b[at] ^= 0xff;
                }
            }
            // The last page.
            3 => {
                let p = pages - 1;
                for _ in 0..1 + rng.next(16) {
                    let at = p * page + rng.next(page as u64) as usize;
                    b[at] = rng.next(256) as u8;
                }
            }
            // Cut short somewhere.
            4 => b.truncate(rng.next(b.len() as u64) as usize),
            5 => b.clear(),
            6 => {
                b = [
                    &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
                    &vec![0x42u8; 4096][..],
                ]
                .concat()
            }
            // A good file with a garbage -wal beside it.
            _ => wal = Some((0..64 * 1024).map(|_| rng.next(256) as u8).collect()),
        }
        std::fs::write(&case, &b).unwrap();
        if let Some(w) = &wal {
            std::fs::write(dir.path().join(format!("copy{i}.db-wal")), w).unwrap();
        }
        match catch_unwind(AssertUnwindSafe(|| start(&case))) {
            Err(_) => panics += 1,
            Ok(Ok((initialized, n))) => {
                if !initialized || n != entries {
                    emptied += 1;
                } else {
                    whole += 1;
                }
            }
            Ok(Err(e)) => {
                let text = e.to_string();
                assert!(
                    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                        && !text.contains("database")
                        && !text.contains("malformed"),
                    "copy {i}: the message must be Chinese: {text}"
                );
                *kinds.entry(e.kind().to_string()).or_default() += 1;
                refused += 1;
            }
        }
        let _ = std::fs::remove_file(&case);
    }
    eprintln!(
        "损坏副本：{copies} 份，{refused} 份被拒绝并说明原因 {kinds:?}，{whole} 份损坏处无关紧要、数据完整，崩溃 {panics} 次，被当成新办公室 {emptied} 次"
    );
    assert_eq!(panics, 0);
    assert_eq!(
        emptied, 0,
        "a damaged copy must never look like an empty office"
    );
    assert!(refused > copies / 2, "most copies are refused: {refused}");
}
