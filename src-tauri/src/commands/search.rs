//! The one search box.

use frontdesk_core::desk::search::{self, SearchPage, SearchQuery};
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn search(desk: State<Desk>, input: SearchQuery) -> Reply<SearchPage> {
    desk.run(|s, c| search::search(s, c, input))
}
