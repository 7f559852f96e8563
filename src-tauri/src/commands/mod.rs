//! Every command the UI can call. Each area has its own file; `handler` lists them all.

mod import;
mod duty;
mod search;
mod print;
mod report;
mod session;
mod setup;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        // session
        session::app_info,
        session::setup_status,
        session::setup_init,
        session::login,
        session::logout,
        session::current_user,
        session::lock,
        session::unlock,
        session::change_password,
        // setup
        setup::office_get,
        setup::office_update,
        setup::department_list,
        setup::department_add,
        setup::department_update,
        setup::staff_list,
        setup::staff_add,
        setup::staff_update,
        setup::account_set_login,
        setup::account_unlock,
        setup::building_list,
        setup::building_add,
        setup::building_update,
        setup::room_list,
        setup::room_detail,
        setup::room_add,
        setup::room_update,
        setup::resident_add,
        setup::resident_update,
        setup::category_list,
        setup::category_add,
        setup::category_update,
        setup::audit_list,
        setup::db_check,
        // import
        import::import_preview,
        import::import_run,
        import::import_template,
        // duty
        duty::shift_list,
        duty::shift_add,
        duty::shift_update,
        duty::duty_settings_get,
        duty::duty_settings_update,
        duty::roster_months,
        duty::roster_get,
        duty::roster_create,
        duty::roster_set_cells,
        duty::roster_fill_rotation,
        duty::roster_validate,
        duty::roster_publish,
        duty::request_list,
        duty::request_file,
        duty::request_approve,
        duty::request_reject,
        duty::duty_now,
        duty::duty_cover_start,
        duty::duty_cover_end,
        duty::duty_covers,
        duty::handover_items,
        duty::handover_item_add,
        duty::handover_item_update,
        duty::handover_plan,
        duty::handover_list,
        duty::handover_get,
        duty::handover_start,
        duty::handover_notes,
        duty::handover_check,
        duty::handover_open_item,
        duty::handover_drop_item,
        duty::handover_anomaly,
        duty::handover_drop_anomaly,
        duty::handover_arrive,
        duty::handover_sign,
        duty::handover_addendum,
        duty::handover_read_security,
        // search
        search::search,
        // print
        print::print_form,
        print::print_send,
        // report
        report::report_get,
        report::report_export,
    ]
}
