//! Importing rooms with residents, or staff, from an .xlsx/.xls/.csv file, and the templates.

use frontdesk_core::setup::import::{self, ImportFile, ImportKind, ImportReport};

use super::{out, Op, Outcome};
use crate::{Failure, Session};

pub const OPS: &[Op] = &[
    Op {
        area: "import",
        verb: "preview",
        about: "预览导入:逐行检查文件,报告将新增什么、哪些行有问题(不写入)",
        args: "--kind rooms|staff --file PATH",
        run: preview,
    },
    Op {
        area: "import",
        verb: "run",
        about: "导入住户与房间或员工;有问题的行存在时不写入(退出码 1),除非 --only-valid true",
        args: "--kind rooms|staff --file PATH [--only-valid true]",
        run: import_run,
    },
    Op {
        area: "import",
        verb: "template",
        about: "生成导入模板(.xlsx)",
        args: "--kind rooms|staff --out PATH",
        run: template,
    },
];

fn kind(s: &Session) -> Result<ImportKind, Failure> {
    let text: String = s.cli.field("kind")?;
    Ok(ImportKind::parse(&text)?)
}

fn file(s: &Session) -> Result<ImportFile, Failure> {
    let path: String = s.cli.field("file")?;
    let bytes =
        std::fs::read(&path).map_err(|e| Failure::Usage(format!("无法读取文件 {path}:{e}")))?;
    let file_name = std::path::Path::new(&path)
        .file_name()
        .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
    Ok(ImportFile {
        kind: kind(s)?,
        file_name,
        bytes,
    })
}

/// The report as JSON with --json, else as a few Chinese lines.
fn report(s: &Session, r: ImportReport) -> Outcome {
    if s.cli.json {
        out(r)
    } else {
        out(r.describe())
    }
}

fn preview(s: &mut Session) -> Outcome {
    let f = file(s)?;
    let r = import::preview(&mut s.store, &s.ctx, f)?;
    report(s, r)
}

fn import_run(s: &mut Session) -> Outcome {
    let f = file(s)?;
    let only_valid = s.cli.field_or("only_valid", false)?;
    let r = import::run(&mut s.store, &s.ctx, f, only_valid)?;
    let refused = !r.written;
    let shown = report(s, r)?;
    if refused {
        Err(Failure::Refused(shown))
    } else {
        Ok(shown)
    }
}

fn template(s: &mut Session) -> Outcome {
    let kind = kind(s)?;
    let path: String = s.cli.field("out")?;
    let bytes = import::template(kind)?;
    std::fs::write(&path, bytes).map_err(|e| Failure::Usage(format!("无法写入文件 {path}:{e}")))?;
    out(serde_json::json!({ "path": path }))
}
