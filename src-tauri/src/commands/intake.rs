//! 来电来访: registering, look-up, lists, results, call-backs, major incidents, the night log.

use frontdesk_core::desk::intake::settings::IntakeSettings;
use frontdesk_core::desk::intake::{
    self, IntakeEntry, IntakeInput, IntakePage, IntakeQuery, NoteInput, Registered,
};
use frontdesk_core::desk::lookup::{Lookup, LookupInput};
use frontdesk_core::desk::night_log::NightLogDecision;
use frontdesk_core::desk::open_items::{self, OpenItems};
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn intake_register(desk: State<Desk>, input: IntakeInput) -> Reply<Registered> {
    desk.run(|s, c| intake::register(s, c, input))
}
#[tauri::command]
pub fn intake_lookup(desk: State<Desk>, input: LookupInput) -> Reply<Lookup> {
    desk.run(|s, c| frontdesk_core::desk::lookup::lookup(s, c, input))
}
#[tauri::command]
pub fn intake_list(desk: State<Desk>, input: IntakeQuery) -> Reply<Vec<IntakeEntry>> {
    desk.run(|s, c| intake::list(s, c, input))
}
#[tauri::command]
pub fn intake_detail(desk: State<Desk>, id: i64) -> Reply<IntakePage> {
    desk.run(|s, c| intake::detail(s, c, id))
}
#[tauri::command]
pub fn intake_finish(desk: State<Desk>, input: NoteInput) -> Reply<IntakeEntry> {
    desk.run(|s, c| intake::finish(s, c, input))
}
#[tauri::command]
pub fn intake_callback_done(desk: State<Desk>, input: NoteInput) -> Reply<IntakeEntry> {
    desk.run(|s, c| intake::callback_done(s, c, input))
}
#[tauri::command]
pub fn intake_take_up_major(desk: State<Desk>, input: NoteInput) -> Reply<IntakeEntry> {
    desk.run(|s, c| intake::take_up_major(s, c, input))
}
#[tauri::command]
pub fn intake_follow_up(desk: State<Desk>, input: NoteInput) -> Reply<IntakePage> {
    desk.run(|s, c| intake::add_followup(s, c, input))
}
#[tauri::command]
pub fn intake_convert_night_log(
    desk: State<Desk>,
    items: Vec<NightLogDecision>,
) -> Reply<Vec<IntakeEntry>> {
    desk.run(|s, c| frontdesk_core::desk::night_log::convert_night_log(s, c, items))
}
#[tauri::command]
pub fn intake_open_items(desk: State<Desk>) -> Reply<OpenItems> {
    desk.run(|s, c| open_items::show(s, c))
}
#[tauri::command]
pub fn intake_settings_get(desk: State<Desk>) -> Reply<IntakeSettings> {
    desk.run(|s, c| intake::settings::get(s, c))
}
#[tauri::command]
pub fn intake_settings_update(desk: State<Desk>, input: IntakeSettings) -> Reply<IntakeSettings> {
    desk.run(|s, c| intake::settings::update(s, c, input))
}
