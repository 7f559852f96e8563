//! Hands an archived PDF to the operating system: the default printer (`lp`) or the system
//! viewer (`xdg-open`, from which the user prints with the printer dialog). Only files inside
//! the archive folder are sent, so the UI cannot make this open arbitrary paths.

use std::path::Path;
use std::process::Command;

use serde::Deserialize;
use ts_rs::TS;

use super::job::archive_dir;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::role::ANYONE;
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
    if !inside || path.extension().and_then(|e| e.to_str()) != Some("pdf") {
        return Err(Error::invalid(
            "archive_path",
            "只能打印归档目录中的 PDF 文件",
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
                "无法调用{what}({program}):{e};文件已保存在 {}",
                path.display()
            ),
        )
    })?;
    if !status.success() {
        return Err(Error::invalid(
            "to",
            format!(
                "{what}({program})未能接收文件;文件已保存在 {}",
                path.display()
            ),
        ));
    }
    Ok(())
}
