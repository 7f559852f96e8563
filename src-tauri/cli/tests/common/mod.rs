//! The real `frontdesk-cli` binary on a temp database, shared by the command-line tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

pub struct Cli {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
    pub dir: PathBuf,
}

impl Cli {
    pub fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        Cli {
            db: dir.path().join("desk.db"),
            dir: dir.path().to_path_buf(),
            _dir: dir,
        }
    }

    /// Runs the binary on this database; `password` goes in FRONTDESK_PASSWORD.
    pub fn run(&self, password: Option<&str>, args: &[&str]) -> Output {
        self.run_with(password, None, args)
    }

    /// Runs with FRONTDESK_PASSWORD (`--as`) and FRONTDESK_NEW_PASSWORD (a password being set),
    /// and an empty standard input so nothing waits at a prompt.
    pub fn run_with(
        &self,
        password: Option<&str>,
        new_password: Option<&str>,
        args: &[&str],
    ) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk-cli"));
        cmd.arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_PASSWORD")
            .env_remove("FRONTDESK_NEW_PASSWORD")
            .stdin(std::process::Stdio::null());
        if let Some(p) = password {
            cmd.env("FRONTDESK_PASSWORD", p);
        }
        if let Some(p) = new_password {
            cmd.env("FRONTDESK_NEW_PASSWORD", p);
        }
        cmd.output().unwrap()
    }

    /// `json` for a command that sets a password, given in FRONTDESK_NEW_PASSWORD.
    pub fn json_new_password(&self, new_password: &str, args: &[&str]) -> Value {
        let mut all = vec!["--as", "chen", "--json"];
        all.extend_from_slice(args);
        let out = self.run_with(Some("secret123"), Some(new_password), &all);
        assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Runs as the supervisor with --json and parses stdout; panics with stderr on failure.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--as", "chen", "--json"];
        all.extend_from_slice(args);
        let out = self.run(Some("secret123"), &all);
        assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", stdout(&out)))
    }

    pub fn init(&self) -> Output {
        self.run_with(
            None,
            Some("secret123"),
            &[
                "--now",
                "2026-11-20 09:00",
                "--json",
                "init",
                "--company-name",
                "阳光物业服务有限公司",
                "--estate-name",
                "阳光花园",
                "--supervisor-name",
                "陈主管",
                "--login",
                "chen",
            ],
        )
    }

    pub fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
