//! The thin desktop shell: one `#[tauri::command]` per core operation, nothing else.

mod commands;
mod desk;

use desk::Desk;

pub fn run() {
    let desk = Desk::open(desk::db_path_from_args());
    tauri::Builder::default()
        .manage(desk)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("error while running the FrontDesk window");
}
