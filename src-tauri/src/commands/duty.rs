//! Duty: shift templates, rosters, swap/leave requests, who is on duty, handovers.

use frontdesk_core::duty::handover::{
    self, AddendumInput, AnomalyInput, ArrivalInput, CheckInput, DeskItem, DeskItemInput, Handover,
    HandoverPlan, HandoverStart, HandoverSummary, NotesInput, OpenItemInput, RemoveInput,
    SecurityReadInput, SignInput,
};
use frontdesk_core::duty::on_duty::{self, Cover, CoverEndInput, CoverInput, OnDuty};
use frontdesk_core::duty::requests::{
    self, DecisionInput, DutyRequest, RequestInput, RequestQuery,
};
use frontdesk_core::duty::roster::check::Validation;
use frontdesk_core::duty::roster::{self, CellsInput, Published, RosterView, RotationInput};
use frontdesk_core::duty::settings::{self as duty_settings, DutySettings};
use frontdesk_core::duty::shifts::{self, Shift, ShiftInput};
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn shift_list(desk: State<Desk>) -> Reply<Vec<Shift>> {
    desk.run(|s, c| shifts::list(s, c))
}
#[tauri::command]
pub fn shift_add(desk: State<Desk>, input: ShiftInput) -> Reply<Shift> {
    desk.run(|s, c| shifts::add(s, c, input))
}
#[tauri::command]
pub fn shift_update(desk: State<Desk>, id: i64, input: ShiftInput) -> Reply<Shift> {
    desk.run(|s, c| shifts::update(s, c, id, input))
}
#[tauri::command]
pub fn duty_settings_get(desk: State<Desk>) -> Reply<DutySettings> {
    desk.run(|s, c| duty_settings::get(s, c))
}
#[tauri::command]
pub fn duty_settings_update(desk: State<Desk>, input: DutySettings) -> Reply<DutySettings> {
    desk.run(|s, c| duty_settings::update(s, c, input))
}
#[tauri::command]
pub fn roster_months(desk: State<Desk>) -> Reply<Vec<String>> {
    desk.run(|s, c| roster::months(s, c))
}
#[tauri::command]
pub fn roster_get(desk: State<Desk>, month: String) -> Reply<RosterView> {
    desk.run(|s, c| roster::get(s, c, &month))
}
#[tauri::command]
pub fn roster_create(desk: State<Desk>, month: String) -> Reply<RosterView> {
    desk.run(|s, c| roster::create(s, c, &month))
}
#[tauri::command]
pub fn roster_set_cells(desk: State<Desk>, input: CellsInput) -> Reply<RosterView> {
    desk.run(|s, c| roster::set_cells(s, c, input))
}
#[tauri::command]
pub fn roster_fill_rotation(desk: State<Desk>, input: RotationInput) -> Reply<RosterView> {
    desk.run(|s, c| roster::fill_rotation(s, c, input))
}
#[tauri::command]
pub fn roster_validate(desk: State<Desk>, month: String) -> Reply<Validation> {
    desk.run(|s, c| roster::validate(s, c, &month))
}
#[tauri::command]
pub fn roster_publish(desk: State<Desk>, month: String) -> Reply<Published> {
    desk.run(|s, c| roster::publish(s, c, &month))
}
#[tauri::command]
pub fn request_list(desk: State<Desk>, query: RequestQuery) -> Reply<Vec<DutyRequest>> {
    desk.run(|s, c| requests::list(s, c, query))
}
#[tauri::command]
pub fn request_file(desk: State<Desk>, input: RequestInput) -> Reply<DutyRequest> {
    desk.run(|s, c| requests::file(s, c, input))
}
#[tauri::command]
pub fn request_approve(desk: State<Desk>, input: DecisionInput) -> Reply<DutyRequest> {
    desk.run(|s, c| requests::approve(s, c, input))
}
#[tauri::command]
pub fn request_reject(desk: State<Desk>, input: DecisionInput) -> Reply<DutyRequest> {
    desk.run(|s, c| requests::reject(s, c, input))
}
#[tauri::command]
pub fn duty_now(desk: State<Desk>, at: Option<String>) -> Reply<OnDuty> {
    desk.run(|s, c| on_duty::on_duty(s, c, at))
}
#[tauri::command]
pub fn duty_cover_start(desk: State<Desk>, input: CoverInput) -> Reply<Cover> {
    desk.run(|s, c| on_duty::cover_start(s, c, input))
}
#[tauri::command]
pub fn duty_cover_end(desk: State<Desk>, input: CoverEndInput) -> Reply<Cover> {
    desk.run(|s, c| on_duty::cover_end(s, c, input))
}
#[tauri::command]
pub fn duty_covers(desk: State<Desk>, days: i64) -> Reply<Vec<Cover>> {
    desk.run(|s, c| on_duty::covers(s, c, days))
}
#[tauri::command]
pub fn handover_items(desk: State<Desk>) -> Reply<Vec<DeskItem>> {
    desk.run(|s, c| handover::item_list(s, c))
}
#[tauri::command]
pub fn handover_item_add(desk: State<Desk>, input: DeskItemInput) -> Reply<DeskItem> {
    desk.run(|s, c| handover::item_add(s, c, input))
}
#[tauri::command]
pub fn handover_item_update(desk: State<Desk>, id: i64, input: DeskItemInput) -> Reply<DeskItem> {
    desk.run(|s, c| handover::item_update(s, c, id, input))
}
#[tauri::command]
pub fn handover_plan(desk: State<Desk>, at: Option<String>) -> Reply<HandoverPlan> {
    desk.run(|s, c| handover::plan_for(s, c, at))
}
#[tauri::command]
pub fn handover_list(desk: State<Desk>, days: i64) -> Reply<Vec<HandoverSummary>> {
    desk.run(|s, c| handover::list(s, c, days))
}
#[tauri::command]
pub fn handover_get(desk: State<Desk>, id: i64) -> Reply<Handover> {
    desk.run(|s, c| handover::get(s, c, id))
}
#[tauri::command]
pub fn handover_start(desk: State<Desk>, input: HandoverStart) -> Reply<Handover> {
    desk.run(|s, c| handover::start(s, c, input))
}
#[tauri::command]
pub fn handover_notes(desk: State<Desk>, input: NotesInput) -> Reply<Handover> {
    desk.run(|s, c| handover::set_notes(s, c, input))
}
#[tauri::command]
pub fn handover_check(desk: State<Desk>, input: CheckInput) -> Reply<Handover> {
    desk.run(|s, c| handover::set_check(s, c, input))
}
#[tauri::command]
pub fn handover_open_item(desk: State<Desk>, input: OpenItemInput) -> Reply<Handover> {
    desk.run(|s, c| handover::add_open_item(s, c, input))
}
#[tauri::command]
pub fn handover_drop_item(desk: State<Desk>, input: RemoveInput) -> Reply<Handover> {
    desk.run(|s, c| handover::remove_open_item(s, c, input))
}
#[tauri::command]
pub fn handover_anomaly(desk: State<Desk>, input: AnomalyInput) -> Reply<Handover> {
    desk.run(|s, c| handover::add_anomaly(s, c, input))
}
#[tauri::command]
pub fn handover_drop_anomaly(desk: State<Desk>, input: RemoveInput) -> Reply<Handover> {
    desk.run(|s, c| handover::remove_anomaly(s, c, input))
}
#[tauri::command]
pub fn handover_arrive(desk: State<Desk>, input: ArrivalInput) -> Reply<Handover> {
    desk.run(|s, c| handover::record_arrival(s, c, input))
}
#[tauri::command]
pub fn handover_sign(desk: State<Desk>, input: SignInput) -> Reply<Handover> {
    desk.run(|s, c| handover::sign(s, c, input))
}
#[tauri::command]
pub fn handover_addendum(desk: State<Desk>, input: AddendumInput) -> Reply<Handover> {
    desk.run(|s, c| handover::add_addendum(s, c, input))
}
#[tauri::command]
pub fn handover_read_security(desk: State<Desk>, input: SecurityReadInput) -> Reply<Handover> {
    desk.run(|s, c| handover::read_security_record(s, c, input))
}
