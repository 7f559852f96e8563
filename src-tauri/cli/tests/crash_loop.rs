//! The crash loop (issue 11, R-DATA-5): the real CLI registers a call and is killed with SIGKILL
//! at a random moment, over and over. After every cycle the database must pass
//! `integrity_check` and hold every registration the CLI reported as saved. 300 cycles here
//! (FRONTDESK_CRASH_CYCLES sets more; the README gives the 1,000-cycle command).

mod common;

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{stderr, Cli};

/// A small deterministic random source (no extra crate for one test).
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

#[test]
fn killed_at_random_moments_nothing_saved_is_lost_and_the_file_stays_whole() {
    let cycles: usize = std::env::var("FRONTDESK_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let cli = Cli::new();
    let out = cli.init();
    assert!(out.status.success(), "{}", stderr(&out));
    // How long one registration takes here, so the kills land before, during and after it.
    let started = std::time::Instant::now();
    let warm = cli.run(
        Some("secret123"),
        &[
            "--as",
            "chen",
            "intake",
            "register",
            "--location",
            "大堂",
            "--channel",
            "来电",
            "--kind",
            "咨询",
            "--content",
            "预热",
        ],
    );
    assert!(warm.status.success(), "{}", stderr(&warm));
    let span = (started.elapsed().as_millis() as u64).max(10) * 3 / 2;
    let mut rng = Lcg(20261129);
    let mut saved = BTreeSet::new();
    let mut killed = 0;
    for cycle in 0..cycles {
        let mut child = Command::new(env!("CARGO_BIN_EXE_frontdesk-cli"))
            .arg("--db")
            .arg(&cli.db)
            .args([
                "--as",
                "chen",
                "intake",
                "register",
                "--location",
                "大堂",
                "--channel",
                "来电",
                "--kind",
                "咨询",
                "--content",
            ])
            .arg(format!("崩溃测试第{cycle}条"))
            .env("FRONTDESK_PASSWORD", "secret123")
            .env_remove("FRONTDESK_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next(span)));
        let finished = child.try_wait().unwrap();
        let status = match finished {
            Some(s) => s,
            None => {
                child.kill().unwrap(); // SIGKILL
                let s = child.wait().unwrap();
                // It may have finished between the look and the kill.
                if !s.success() {
                    killed += 1;
                }
                s
            }
        };
        if status.success() {
            saved.insert(format!("崩溃测试第{cycle}条"));
        }
        let c = rusqlite::Connection::open(&cli.db).unwrap();
        let integrity: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "cycle {cycle}");
        let present: BTreeSet<String> = c
            .prepare("SELECT content FROM intake_entries WHERE content LIKE '崩溃测试%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let lost: Vec<_> = saved.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "cycle {cycle}: reported saved but missing: {lost:?}"
        );
    }
    // The office still opens and verifies through the program itself.
    let check = cli.run(None, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let verify = cli.run(None, &["verify"]);
    assert!(verify.status.success(), "{}", common::stdout(&verify));
    eprintln!(
        "崩溃循环：{cycles} 次，其中 {killed} 次在运行中被 SIGKILL 杀掉；报告成功的 {} 条全部在库，每次完整性检查都通过",
        saved.len()
    );
}
