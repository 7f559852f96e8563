//! The thin desktop shell: the window, the open store, and one command (`op`) through which the
//! UI reaches every operation of the core's list, plus the window's own session, the start-up
//! check and recovery, and the automatic backups (every half hour when something changed, and
//! when the app closes).

mod commands;
mod desk;
mod memory;

use std::time::Duration;

use desk::Desk;
use frontdesk_core::base::ctx;
use frontdesk_core::store::backup::{self, BackupReason};
use tauri::{Emitter, Manager, RunEvent};

/// How often the backup clock looks whether a backup is due (the interval itself is a setting).
const BACKUP_TICK: Duration = Duration::from_secs(60);

pub fn run() {
    memory::keep_big_blocks_out_of_the_heap();
    let desk = Desk::open(desk::db_path_from_args());
    let app = tauri::Builder::default()
        .manage(desk)
        .invoke_handler(commands::handler())
        .setup(|app| {
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let desk = handle.state::<Desk>();
                desk.check_at_start();
                let _ = handle.emit("startup", ());
                loop {
                    std::thread::sleep(BACKUP_TICK);
                    back_up(&handle, BackupReason::Auto);
                }
            });
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while building the FrontDesk window");
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            // As SQLite advises for a long-lived connection: refresh the planner's statistics.
            handle.state::<Desk>().optimize();
            back_up(handle, BackupReason::Exit);
        }
    });
}

/// Takes a backup when one is due; the outcome is in the backup log, and the window is told.
fn back_up(handle: &tauri::AppHandle, reason: BackupReason) {
    let desk = handle.state::<Desk>();
    if !desk.can_back_up() {
        return;
    }
    if let Ok(Some(_)) | Err(_) = backup::take_if_changed(&desk.db_path, reason, ctx::china_now()) {
        let _ = handle.emit("backup", ());
    }
}
