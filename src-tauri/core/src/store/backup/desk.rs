//! The backup operations as the desk calls them (through the one list of operations): status,
//! list, back up now, verify one, what a restore would lose, restore. They work on the open
//! store's file; restoring swaps the store in place (the old connection closed, the restored
//! file opened) so the caller carries on with the restored office.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use ts_rs::TS;

use super::{
    list::BackupList, make::Taken, restore::KeepAs, BackupReason, BackupStatus, RestorePlan,
    Restored, Verified,
};
use crate::base::ctx::Ctx;
use crate::base::error::{Error, Result};
use crate::base::role::LEADERS;
use crate::store::Store;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct BackupFileInput {
    /// The backup file, as the list gives it.
    pub file: String,
}

fn db_of(store: &Store) -> Result<PathBuf> {
    store
        .path()
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::invalid("db", "内存数据库不能备份"))
}

fn file_of(input: &BackupFileInput) -> Result<PathBuf> {
    let f = PathBuf::from(input.file.trim());
    if input.file.trim().is_empty() {
        return Err(Error::invalid("file", "请选择一份备份"));
    }
    if !f.is_file() {
        return Err(Error::not_found(
            "file",
            format!("找不到备份文件 {}", f.display()),
        ));
    }
    Ok(f)
}

pub fn status_now(store: &mut Store, ctx: &Ctx) -> Result<BackupStatus> {
    ctx.actor()?;
    super::status(store, ctx.now)
}

pub fn list_now(store: &mut Store, ctx: &Ctx) -> Result<BackupList> {
    ctx.actor()?;
    let settings = super::settings(store)?;
    Ok(super::list(&db_of(store)?, &settings))
}

/// 立即备份: anyone at the desk may take one.
pub fn take_now(store: &mut Store, ctx: &Ctx) -> Result<Taken> {
    ctx.actor()?;
    if store.is_read_only() {
        return Err(Error::forbidden(
            "数据库是只读打开的，不能在这里备份；请复制整个数据库文件",
        ));
    }
    ctx.step("正在备份", 0.1);
    super::take(&db_of(store)?, BackupReason::Manual, ctx.now)
}

pub fn verify_one(store: &mut Store, ctx: &Ctx, input: BackupFileInput) -> Result<Verified> {
    ctx.actor()?;
    let _ = store;
    ctx.step("正在校验备份", 0.1);
    super::verify(&file_of(&input)?)
}

pub fn plan_one(store: &mut Store, ctx: &Ctx, input: BackupFileInput) -> Result<RestorePlan> {
    ctx.require(LEADERS, "从备份恢复")?;
    super::plan(&db_of(store)?, &file_of(&input)?)
}

/// Restores a backup over the open database (supervisor or manager). The store is closed for
/// the swap and reopened on the restored file; if the restore fails the old file stays and is
/// reopened.
pub fn restore_here(store: &mut Store, ctx: &Ctx, input: BackupFileInput) -> Result<Restored> {
    let who = ctx.require(LEADERS, "从备份恢复")?.clone();
    if store.is_read_only() {
        return Err(Error::forbidden(
            "数据库是只读打开的，不能恢复；请先把文件改为可写",
        ));
    }
    let db = db_of(store)?;
    let file = file_of(&input)?;
    // Close our connection so the file can be checkpointed, kept and replaced.
    drop(std::mem::replace(store, Store::open_in_memory()?));
    let out = super::restore(
        &db,
        &file,
        ctx.now,
        Some(&who),
        KeepAs::BeforeRestore,
        &ctx.progress,
    );
    *store = Store::open(&db)?;
    out
}
