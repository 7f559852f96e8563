//! Before the login: what state the database is in, and the recovery screen's two ways out —
//! restore a backup, or (when none helps) keep the broken file aside and start again.

use std::path::PathBuf;

use frontdesk_core::store::backup::Restored;
use tauri::State;

use crate::desk::{Desk, Reply, Startup};

#[tauri::command]
pub fn startup(desk: State<'_, Desk>) -> Startup {
    desk.startup()
}

#[tauri::command(async)]
pub fn recovery_restore(desk: State<'_, Desk>, file: String) -> Reply<Restored> {
    desk.recover_from(PathBuf::from(file))
}

#[tauri::command]
pub fn recovery_start_over(desk: State<'_, Desk>) -> Reply<String> {
    desk.start_over()
}
