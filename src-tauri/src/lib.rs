//! The thin desktop shell: the window, the open store, and one command (`op`) through which the
//! UI reaches every operation of the core's list, plus the window's own session.

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
