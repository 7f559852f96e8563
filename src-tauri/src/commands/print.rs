//! Paper forms: render + archive (the preview shows the returned PDF), then send to the OS.

use frontdesk_core::paper::print::deliver::{self, SendInput};
use frontdesk_core::paper::print::job::{self, PrintInput, PrintedForm};
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn print_form(desk: State<Desk>, input: PrintInput) -> Reply<PrintedForm> {
    desk.run(|s, c| job::print(s, c, input))
}
#[tauri::command]
pub fn print_send(desk: State<Desk>, input: SendInput) -> Reply<()> {
    desk.run(|s, c| deliver::send(s, c, input))
}
