//! 投诉: opening, escalation and taking up, handling steps, validity, reply, return visit, sign-off.

use frontdesk_core::desk::complaints::{
    self, Alerts, Complaint, ComplaintFilter, ComplaintNoteInput, ComplaintPage,
    ComplaintVisitInput, OpenComplaintInput, ReplyInput, ValidityInput,
};
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn complaint_open(desk: State<Desk>, input: OpenComplaintInput) -> Reply<Complaint> {
    desk.run(|s, c| complaints::open(s, c, input))
}
#[tauri::command]
pub fn complaint_list(desk: State<Desk>, filter: ComplaintFilter) -> Reply<Vec<Complaint>> {
    desk.run(|s, c| complaints::list(s, c, filter))
}
#[tauri::command]
pub fn complaint_detail(desk: State<Desk>, id: i64) -> Reply<ComplaintPage> {
    desk.run(|s, c| complaints::detail(s, c, id))
}
#[tauri::command]
pub fn complaint_alerts(desk: State<Desk>) -> Reply<Alerts> {
    desk.run(|s, c| complaints::alerts(s, c))
}
#[tauri::command]
pub fn complaint_take_up(desk: State<Desk>, input: ComplaintNoteInput) -> Reply<ComplaintPage> {
    desk.run(|s, c| complaints::take_up(s, c, input))
}
#[tauri::command]
pub fn complaint_step(desk: State<Desk>, input: ComplaintNoteInput) -> Reply<ComplaintPage> {
    desk.run(|s, c| complaints::add_step(s, c, input))
}
#[tauri::command]
pub fn complaint_validity(desk: State<Desk>, input: ValidityInput) -> Reply<ComplaintPage> {
    desk.run(|s, c| complaints::set_validity(s, c, input))
}
#[tauri::command]
pub fn complaint_reply(desk: State<Desk>, input: ReplyInput) -> Reply<ComplaintPage> {
    desk.run(|s, c| complaints::reply(s, c, input))
}
#[tauri::command]
pub fn complaint_visit(desk: State<Desk>, input: ComplaintVisitInput) -> Reply<ComplaintPage> {
    desk.run(|s, c| complaints::visit(s, c, input))
}
#[tauri::command]
pub fn complaint_sign_off(desk: State<Desk>, input: ComplaintNoteInput) -> Reply<ComplaintPage> {
    desk.run(|s, c| complaints::sign_off(s, c, input))
}
