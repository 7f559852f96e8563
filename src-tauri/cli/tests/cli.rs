//! The real `frontdesk-cli` binary on a temp database: init, --as with FRONTDESK_PASSWORD, --now,
//! --json, check, --help, errors in Chinese with a non-zero exit, and importing a file.

mod common;

use std::process::Command;

use common::{stderr, stdout, Cli};
use serde_json::Value;

#[test]
fn init_creates_the_office_and_logs_in_as_the_supervisor() {
    let cli = Cli::new();
    let out = cli.init();
    assert!(out.status.success(), "{}", stderr(&out));
    let actor: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(actor["login"], "chen");
    assert_eq!(actor["role"], "supervisor");
    let status = cli.json(&["setup", "status"]);
    assert_eq!(status["initialized"], true);
    assert_eq!(status["office"]["estate_name"], "阳光花园");

    let again = cli.init();
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("首次设置已经完成"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn now_sets_the_clock_stamped_on_records() {
    let cli = Cli::new();
    assert!(cli.init().status.success());
    let out = cli.run(
        Some("secret123"),
        &[
            "--as",
            "chen",
            "--now",
            "2026-11-21 14:30",
            "building",
            "add",
            "--name",
            "3",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let log = cli.json(&["audit", "list", "--limit", "5"]);
    let entry = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "新增楼栋")
        .expect("the building is logged");
    assert_eq!(entry["at"], "2026-11-21 14:30:00");
    assert_eq!(entry["actor_name"], "陈主管");
    let bad = cli.run(None, &["--now", "昨天", "check"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--now"), "{}", stderr(&bad));
}

#[test]
fn as_needs_the_password_from_the_environment() {
    let cli = Cli::new();
    assert!(cli.init().status.success());
    let no_password = cli.run(None, &["--as", "chen", "staff", "list"]);
    assert_ne!(no_password.status.code(), Some(0));
    assert!(
        stderr(&no_password).contains("FRONTDESK_PASSWORD"),
        "{}",
        stderr(&no_password)
    );

    // At an early --now, so that the delay after it has passed when the next call logs in.
    let wrong = cli.run(
        Some("wrong-password"),
        &["--as", "chen", "--now", "2026-01-01 08:00", "staff", "list"],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stderr(&wrong).contains("密码不正确"), "{}", stderr(&wrong));

    let staff = cli.json(&["staff", "list"]);
    assert_eq!(staff[0]["name"], "陈主管");
}

#[test]
fn check_prints_the_schema_version() {
    let cli = Cli::new();
    assert!(cli.init().status.success());
    let version = frontdesk_core::store::latest_version();
    let out = cli.run(None, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("schema_version: {version}")),
        "{}",
        stdout(&out)
    );
    let out = cli.run(None, &["--json", "check"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["schema_version"], version);
}

#[test]
fn help_lists_every_area() {
    let cli = Cli::new();
    let out = cli.run(None, &["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for area in [
        "init",
        "check",
        "setup status",
        "office update",
        "department add",
        "staff add",
        "account unlock",
        "building add",
        "room list",
        "resident add",
        "category update",
        "audit list",
        "import preview",
        "import run",
        "import template",
    ] {
        assert!(text.contains(area), "--help must list {area}:\n{text}");
    }
    for flag in ["--db", "--as", "--now", "--json"] {
        assert!(text.contains(flag), "--help must explain {flag}");
    }
    // No arguments at all prints the same help.
    assert_eq!(stdout(&cli.run(None, &[])), text);
}

#[test]
fn errors_exit_non_zero_with_the_chinese_message() {
    let cli = Cli::new();
    assert!(cli.init().status.success());
    let out = cli.run(
        Some("secret123"),
        &["--as", "chen", "room", "show", "--room", "9-9-999"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("房间 9栋9单元999 不存在"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    // With --json the error is {kind, message, field} on stderr.
    let out = cli.run(
        Some("secret123"),
        &[
            "--as",
            "chen",
            "--json",
            "staff",
            "add",
            "--name",
            "王师傅",
            "--role",
            "technician",
            "--department",
            "财务部",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let e: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(
        (e["kind"].as_str(), e["field"].as_str()),
        (Some("not_found"), Some("department"))
    );
    assert!(e["message"].as_str().unwrap().contains("财务部"));

    let unknown = cli.run(None, &["nonsense"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("未知的功能区"),
        "{}",
        stderr(&unknown)
    );

    let not_logged_in = cli.run(None, &["building", "add", "--name", "3"]);
    assert_eq!(not_logged_in.status.code(), Some(1));
    assert!(stderr(&not_logged_in).contains("请先登录"));
}

#[test]
fn import_through_the_cli() {
    let cli = Cli::new();
    assert!(cli.init().status.success());
    let tpl = cli.dir.join("模板.xlsx");
    let out = cli.run(
        None,
        &[
            "import",
            "template",
            "--kind",
            "rooms",
            "--out",
            tpl.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&tpl).unwrap().starts_with(b"PK"));

    let good = cli.file("rooms.csv", "楼栋,单元,房号,住户类型,住户姓名,电话\n3,2,1201,业主,张三,13812345678\n3,2,1202,租户,李四,13912345678\n".as_bytes());
    let preview = cli.json(&["import", "preview", "--kind", "rooms", "--file", &good]);
    assert_eq!(
        (preview["new_rooms"].as_u64(), preview["written"].as_bool()),
        (Some(2), Some(false))
    );
    let rooms = cli.json(&["room", "list"]);
    assert!(
        rooms["rooms"].as_array().unwrap().is_empty() && rooms["total"] == 0,
        "a preview writes nothing: {rooms}"
    );

    let report = cli.json(&["import", "run", "--kind", "rooms", "--file", &good]);
    assert_eq!(
        (
            report["new_rooms"].as_u64(),
            report["new_residents"].as_u64(),
            report["written"].as_bool()
        ),
        (Some(2), Some(2), Some(true))
    );
    let room = cli.json(&["room", "show", "--room", "3栋2单元1201"]);
    assert_eq!(room["residents"][0]["name"], "张三");

    // The text report names the problem row and column, nothing is written, and the exit code
    // says so.
    let bad = cli.file(
        "bad.csv",
        "楼栋,房号,住户姓名,电话\n5,101,王五,12345\n".as_bytes(),
    );
    let out = cli.run(
        Some("secret123"),
        &[
            "--as", "chen", "import", "run", "--kind", "rooms", "--file", &bad,
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("第 2 行「电话」"), "{}", stdout(&out));
    assert!(stdout(&out).contains("未写入任何数据"), "{}", stdout(&out));
    let rooms = cli.json(&["room", "list"]);
    assert_eq!(
        (
            rooms["rooms"].as_array().unwrap().len(),
            rooms["total"].as_i64()
        ),
        (2, Some(2))
    );
    let out = cli.run(
        Some("secret123"),
        &[
            "--as",
            "chen",
            "import",
            "run",
            "--kind",
            "rooms",
            "--file",
            &bad,
            "--only-valid",
            "true",
        ],
    );
    assert!(out.status.success());
    assert!(stdout(&out).contains("已导入"), "{}", stdout(&out));

    let pdf = cli.file("rooms.xlsx", b"%PDF-1.4\n%....");
    let out = cli.run(
        Some("secret123"),
        &[
            "--as", "chen", "import", "run", "--kind", "rooms", "--file", &pdf,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("PDF"), "{}", stderr(&out));

    let missing = cli.run(
        Some("secret123"),
        &[
            "--as",
            "chen",
            "import",
            "run",
            "--kind",
            "rooms",
            "--file",
            "/nonexistent/x.csv",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("无法读取文件"));
}

/// `frontdesk-cli --help | head -1`: the reader is gone before the help is written. The read end
/// is closed before the child starts, so every write hits EPIPE; that must end quietly, not panic.
#[test]
fn a_closed_stdout_pipe_is_not_a_panic() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk-cli"))
        .arg("--help")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert!(
        out.status.success(),
        "status {:?}, stderr: {err}",
        out.status
    );
}

/// `handover sign` never takes the password from the command line (ps and the shell history
/// would keep it): FRONTDESK_SIGN_PASSWORD, or one line on standard input.
#[test]
fn handover_sign_reads_the_password_from_the_environment_or_stdin() {
    use std::io::Write as _;
    let cli = Cli::new();
    assert!(cli.init().status.success());
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
    let li_id = li["id"].to_string();
    cli.json_new_password(
        "limima123",
        &[
            "account",
            "set-login",
            "--staff-id",
            &li_id,
            "--login",
            "li",
        ],
    );
    let h = cli.json(&[
        "handover",
        "start",
        "--kind",
        "desk",
        "--outgoing-id",
        "1",
        "--incoming-id",
        &li_id,
    ]);
    let id = h["id"].to_string();
    let sign = |party: &str, env: Option<&str>, stdin: Option<&str>, extra: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk-cli"));
        cmd.arg("--db")
            .arg(&cli.db)
            .args([
                "--as", "chen", "--json", "handover", "sign", "--id", &id, "--party", party,
            ])
            .args(extra)
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_SIGN_PASSWORD")
            .env("FRONTDESK_PASSWORD", "secret123")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        if let Some(p) = env {
            cmd.env("FRONTDESK_SIGN_PASSWORD", p);
        }
        let mut child = cmd.spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).unwrap();
        }
        drop(input);
        child.wait_with_output().unwrap()
    };
    let refused = sign("outgoing", None, None, &["--password", "secret123"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("FRONTDESK_SIGN_PASSWORD"),
        "{}",
        stderr(&refused)
    );
    let shown = cli.json(&["handover", "show", "--id", &id]);
    assert!(shown["outgoing_signed_at"].is_null(), "nothing signed");

    let piped = sign("outgoing", None, Some("secret123\n"), &[]);
    assert!(piped.status.success(), "{}", stderr(&piped));
    // The incoming person confirms 已阅值班日志 (R-HO-3); without it the signature is refused.
    let unread = sign("incoming", Some("limima123"), None, &[]);
    assert_eq!(unread.status.code(), Some(1));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&unread.stdout),
        stderr(&unread)
    );
    assert!(said.contains("已阅值班日志"), "{said}");
    let read = ["--read-log", "true", "--follow-up", "明早确认门禁维修"];
    let wrong = sign("incoming", Some("not-hers"), None, &read);
    assert_eq!(wrong.status.code(), Some(1), "{}", stderr(&wrong));
    std::thread::sleep(std::time::Duration::from_millis(1100)); // the retry delay after a wrong password
    let env = sign("incoming", Some("limima123"), None, &read);
    assert!(env.status.success(), "{}", stderr(&env));
    let signed = cli.json(&["handover", "show", "--id", &id]);
    assert_eq!(signed["status"], "signed");
    assert_eq!(signed["follow_up"], "明早确认门禁维修");
    assert!(signed["log_read_at"].is_string());
}
