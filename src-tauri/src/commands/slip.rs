//! 维修派工单: opening, every step of the state machine, boards, return visits.

use frontdesk_core::desk::slips::SlipVisitInput;
use frontdesk_core::desk::slips::{
    self, AssignInput, Board, CompleteInput, OpenSlipInput, Slip, SlipPage, StepInput,
};
use frontdesk_core::setup::staff::Staff;
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn slip_open(desk: State<Desk>, input: OpenSlipInput) -> Reply<Slip> {
    desk.run(|s, c| slips::open(s, c, input))
}
#[tauri::command]
pub fn slip_detail(desk: State<Desk>, id: i64) -> Reply<SlipPage> {
    desk.run(|s, c| slips::detail(s, c, id))
}
#[tauri::command]
pub fn slip_board(desk: State<Desk>, board: Board) -> Reply<Vec<Slip>> {
    desk.run(|s, c| slips::board(s, c, board))
}
#[tauri::command]
pub fn slip_assignable(desk: State<Desk>, slip_id: i64) -> Reply<Vec<Staff>> {
    desk.run(|s, c| slips::assignable(s, c, slip_id))
}
#[tauri::command]
pub fn slip_dispatch(desk: State<Desk>, input: AssignInput) -> Reply<Slip> {
    desk.run(|s, c| slips::dispatch(s, c, input))
}
#[tauri::command]
pub fn slip_transfer(desk: State<Desk>, input: AssignInput) -> Reply<Slip> {
    desk.run(|s, c| slips::transfer(s, c, input))
}
#[tauri::command]
pub fn slip_accept(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::accept(s, c, input))
}
#[tauri::command]
pub fn slip_return(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::return_slip(s, c, input))
}
#[tauri::command]
pub fn slip_arrive(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::arrive(s, c, input))
}
#[tauri::command]
pub fn slip_complete(desk: State<Desk>, input: CompleteInput) -> Reply<Slip> {
    desk.run(|s, c| slips::complete(s, c, input))
}
#[tauri::command]
pub fn slip_visit(desk: State<Desk>, input: SlipVisitInput) -> Reply<Slip> {
    desk.run(|s, c| slips::visit_slip(s, c, input))
}
#[tauri::command]
pub fn slip_pause(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::pause(s, c, input))
}
#[tauri::command]
pub fn slip_resume(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::resume(s, c, input))
}
#[tauri::command]
pub fn slip_cancel(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::cancel(s, c, input))
}
#[tauri::command]
pub fn slip_close(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::close(s, c, input))
}
#[tauri::command]
pub fn slip_reopen(desk: State<Desk>, input: StepInput) -> Reply<Slip> {
    desk.run(|s, c| slips::reopen(s, c, input))
}
