//! Setup data: office, departments, staff and accounts, buildings, rooms, residents, categories.

use frontdesk_core::setup::accounts::{self, NewLogin};
use frontdesk_core::setup::audit_log::AuditEntry;
use frontdesk_core::setup::categories::{self, Category, CategoryInput};
use frontdesk_core::setup::departments::{self, Department, DepartmentInput};
use frontdesk_core::setup::directory::{RoomDetail, RoomQuery};
use frontdesk_core::setup::office::{self, Office};
use frontdesk_core::setup::residents::{self, Resident, ResidentInput};
use frontdesk_core::setup::rooms::{self, Building, BuildingInput, Room, RoomInput};
use frontdesk_core::setup::staff::{self, Staff, StaffInput};
use frontdesk_core::store::CheckReport;
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn office_get(desk: State<Desk>) -> Reply<Office> {
    desk.run(|s, _| office::get(s))
}
#[tauri::command]
pub fn office_update(desk: State<Desk>, input: Office) -> Reply<Office> {
    desk.run(|s, c| office::update(s, c, input))
}
#[tauri::command]
pub fn department_list(desk: State<Desk>) -> Reply<Vec<Department>> {
    desk.run(|s, _| departments::list(s))
}
#[tauri::command]
pub fn department_add(desk: State<Desk>, input: DepartmentInput) -> Reply<Department> {
    desk.run(|s, c| departments::add(s, c, input))
}
#[tauri::command]
pub fn department_update(desk: State<Desk>, id: i64, input: DepartmentInput) -> Reply<Department> {
    desk.run(|s, c| departments::update(s, c, id, input))
}
#[tauri::command]
pub fn staff_list(desk: State<Desk>, include_inactive: bool) -> Reply<Vec<Staff>> {
    desk.run(|s, c| staff::list(s, c, include_inactive))
}
#[tauri::command]
pub fn staff_add(desk: State<Desk>, input: StaffInput) -> Reply<Staff> {
    desk.run(|s, c| staff::add(s, c, input))
}
#[tauri::command]
pub fn staff_update(desk: State<Desk>, id: i64, input: StaffInput) -> Reply<Staff> {
    desk.run(|s, c| staff::update(s, c, id, input))
}
#[tauri::command]
pub fn account_set_login(desk: State<Desk>, input: NewLogin) -> Reply<Staff> {
    desk.run(|s, c| accounts::set_login(s, c, input))
}
#[tauri::command]
pub fn account_unlock(desk: State<Desk>, staff_id: i64) -> Reply<Staff> {
    desk.run(|s, c| accounts::unlock(s, c, staff_id))
}
#[tauri::command]
pub fn building_list(desk: State<Desk>) -> Reply<Vec<Building>> {
    desk.run(|s, _| rooms::list_buildings(s))
}
#[tauri::command]
pub fn building_add(desk: State<Desk>, input: BuildingInput) -> Reply<Building> {
    desk.run(|s, c| rooms::add_building(s, c, input))
}
#[tauri::command]
pub fn building_update(desk: State<Desk>, id: i64, input: BuildingInput) -> Reply<Building> {
    desk.run(|s, c| rooms::update_building(s, c, id, input))
}
#[tauri::command]
pub fn room_list(desk: State<Desk>, query: RoomQuery) -> Reply<Vec<RoomDetail>> {
    desk.run(|s, c| frontdesk_core::setup::directory::list_rooms(s, c, query))
}
#[tauri::command]
pub fn room_detail(desk: State<Desk>, room: String) -> Reply<RoomDetail> {
    desk.run(|s, c| frontdesk_core::setup::directory::room_detail(s, c, &room))
}
#[tauri::command]
pub fn room_add(desk: State<Desk>, input: RoomInput) -> Reply<Room> {
    desk.run(|s, c| rooms::add_room(s, c, input))
}
#[tauri::command]
pub fn room_update(desk: State<Desk>, id: i64, input: RoomInput) -> Reply<Room> {
    desk.run(|s, c| rooms::update_room(s, c, id, input))
}
#[tauri::command]
pub fn resident_add(desk: State<Desk>, input: ResidentInput) -> Reply<Resident> {
    desk.run(|s, c| residents::add(s, c, input))
}
#[tauri::command]
pub fn resident_update(desk: State<Desk>, id: i64, input: ResidentInput) -> Reply<Resident> {
    desk.run(|s, c| residents::update(s, c, id, input))
}
#[tauri::command]
pub fn category_list(desk: State<Desk>) -> Reply<Vec<Category>> {
    desk.run(|s, _| categories::list(s))
}
#[tauri::command]
pub fn category_add(desk: State<Desk>, input: CategoryInput) -> Reply<Category> {
    desk.run(|s, c| categories::add(s, c, input))
}
#[tauri::command]
pub fn category_update(desk: State<Desk>, id: i64, input: CategoryInput) -> Reply<Category> {
    desk.run(|s, c| categories::update(s, c, id, input))
}
#[tauri::command]
pub fn audit_list(desk: State<Desk>, limit: i64) -> Reply<Vec<AuditEntry>> {
    desk.run(|s, c| frontdesk_core::setup::audit_log::list(s, c, limit))
}
#[tauri::command]
pub fn db_check(desk: State<Desk>) -> Reply<CheckReport> {
    desk.run(|s, c| {
        c.actor()?;
        s.check()
    })
}
