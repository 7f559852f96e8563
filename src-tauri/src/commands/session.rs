//! The window's session: who is logged in, logging in and out, the idle lock. (The first-run
//! wizard and changing one's password are operations, through `op`.)

use frontdesk_core::setup::accounts;
use frontdesk_core::Actor;
use serde::Serialize;
use tauri::State;

use crate::desk::{Desk, Reply};

#[derive(Serialize)]
pub struct AppInfo {
    db_path: String,
    version: &'static str,
}

#[tauri::command]
pub fn app_info(desk: State<Desk>) -> AppInfo {
    AppInfo {
        db_path: desk.db_path.display().to_string(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

#[tauri::command]
pub fn login(desk: State<Desk>, login: String, password: String) -> Reply<Actor> {
    let actor = desk.run_open(|s, now| accounts::login(s, now, &login, &password))?;
    desk.set_actor(Some(actor.clone()));
    Ok(actor)
}

#[tauri::command]
pub fn logout(desk: State<Desk>) {
    desk.set_actor(None);
}

#[tauri::command]
pub fn current_user(desk: State<Desk>) -> Option<Actor> {
    desk.actor()
}

#[tauri::command]
pub fn lock(desk: State<Desk>) {
    desk.set_locked(true);
}

/// Unlocks the idle screen with the current user's own password.
#[tauri::command]
pub fn unlock(desk: State<Desk>, password: String) -> Reply<Actor> {
    let me = desk
        .actor()
        .ok_or_else(|| frontdesk_core::Error::NotLoggedIn.to_view())?;
    let actor = desk.run_open(|s, now| accounts::verify(s, now, me.id, &password))?;
    desk.set_actor(Some(actor.clone()));
    Ok(actor)
}
