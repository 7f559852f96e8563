//! What the window can call: `op`, the one entry to every operation of the core's list
//! (`frontdesk_core::api`), and the session of this window (logging in and out, the idle lock),
//! which belongs to the shell rather than to the office's records.

mod op;
mod recovery;
mod session;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        op::op,
        recovery::startup,
        recovery::recovery_restore,
        recovery::recovery_start_over,
        session::app_info,
        session::login,
        session::logout,
        session::current_user,
        session::lock,
        session::unlock,
    ]
}
