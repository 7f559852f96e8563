//! Hands an archived PDF (or exported .xlsx, to the viewer only) to the operating system: the default printer (`lp`) or the system
//! viewer (`xdg-open`, from which the user prints with the printer dialog). Only files inside
//! the archive folder are sent, so the UI cannot make this open arbitrary paths.

use std::path::Path;
use std::process::Command;

use serde::Deserialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::ANYONE;
use crate::store::archive_dir;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Destination {
    /// The default printer, via `lp`.
    Printer,
    /// The system PDF viewer, via `xdg-open`.
    Viewer,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SendInput {
    pub archive_path: String,
    pub to: Destination,
}

pub fn send(store: &mut Store, ctx: &Ctx, input: SendInput) -> Result<()> {
    ctx.require(ANYONE, "打印表单")?;
    let archive = archive_dir(store)?;
    let path = Path::new(&input.archive_path);
    let inside = path
        .canonicalize()
        .ok()
        .zip(archive.canonicalize().ok())
        .is_some_and(|(p, a)| p.starts_with(a));
    // A printer takes PDFs only; the viewer also opens an exported report (.xlsx) in the
    // spreadsheet program, from which it is printed.
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let allowed = match input.to {
        Destination::Printer => extension == "pdf",
        Destination::Viewer => extension == "pdf" || extension == "xlsx",
    };
    if !inside || !allowed {
        return Err(Error::invalid(
            "archive_path",
            if input.to == Destination::Printer {
                "只能打印归档目录中的 PDF 文件"
            } else {
                "只能打开归档目录中的 PDF 或 Excel 文件"
            },
        ));
    }
    let (program, what) = match input.to {
        Destination::Printer => ("lp", "打印机"),
        Destination::Viewer => ("xdg-open", "系统查看器"),
    };
    let status = Command::new(program).arg(path).status().map_err(|e| {
        Error::invalid(
            "to",
            format!(
                "无法调用{what}（{program}）：{e}；文件已保存在 {}",
                path.display()
            ),
        )
    })?;
    if !status.success() {
        return Err(Error::invalid(
            "to",
            format!(
                "{what}（{program}）未能接收文件；文件已保存在 {}",
                path.display()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::ctx::Actor;
    use crate::base::role::Role;

    fn desk(dir: &Path) -> (Store, Ctx) {
        let store = Store::open_or_create(&dir.join("frontdesk.db")).unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let actor = Actor {
            id: 1,
            login: "li".into(),
            name: "李小梅".into(),
            role: Role::Receptionist,
        };
        (store, Ctx::as_user(now, actor))
    }

    fn refused(store: &mut Store, ctx: &Ctx, path: &Path, to: Destination) -> Option<String> {
        let input = SendInput {
            archive_path: path.to_string_lossy().into_owned(),
            to,
        };
        send(store, ctx, input)
            .err()
            .and_then(|e| e.field().map(str::to_string))
    }

    /// Only archived files of the right kind reach `lp` or `xdg-open`: every refusal below
    /// happens before either program is started. (The accepted cases start a real program, so
    /// they are covered by the e2e test, which puts stand-ins for `lp`/`xdg-open` on the PATH.)
    #[test]
    fn only_archived_pdfs_print_and_only_archived_pdfs_or_reports_open() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ctx) = desk(dir.path());
        let archive = dir.path().join("archive/2026-11");
        std::fs::create_dir_all(&archive).unwrap();
        let report = archive.join("月报-2026-11.xlsx");
        let note = archive.join("note.txt");
        let outside = dir.path().join("elsewhere.pdf");
        for p in [&report, &note, &outside] {
            std::fs::write(p, b"x").unwrap();
        }
        let s = &mut store;
        assert_eq!(
            refused(s, &ctx, &report, Destination::Printer).as_deref(),
            Some("archive_path")
        );
        assert_eq!(
            refused(s, &ctx, &note, Destination::Viewer).as_deref(),
            Some("archive_path")
        );
        assert_eq!(
            refused(s, &ctx, &outside, Destination::Viewer).as_deref(),
            Some("archive_path")
        );
        assert_eq!(
            refused(
                s,
                &ctx,
                &dir.path().join("missing.pdf"),
                Destination::Printer
            )
            .as_deref(),
            Some("archive_path")
        );
    }
}
