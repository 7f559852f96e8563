//! Every command the UI can call. Each area has its own file; `handler` lists them all.

mod import;
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
    ]
}
