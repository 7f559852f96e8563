//! Importing rooms with residents, or staff, from a file the user chose; and the templates.

use frontdesk_core::setup::import::{self, ImportFile, ImportKind, ImportReport};
use tauri::State;

use crate::desk::{Desk, Reply};

#[tauri::command]
pub fn import_preview(
    desk: State<Desk>,
    kind: ImportKind,
    file_name: String,
    bytes: Vec<u8>,
) -> Reply<ImportReport> {
    desk.run(|s, c| {
        import::preview(
            s,
            c,
            ImportFile {
                kind,
                file_name,
                bytes,
            },
        )
    })
}
#[tauri::command]
pub fn import_run(
    desk: State<Desk>,
    kind: ImportKind,
    file_name: String,
    bytes: Vec<u8>,
    only_valid: bool,
) -> Reply<ImportReport> {
    desk.run(|s, c| {
        import::run(
            s,
            c,
            ImportFile {
                kind,
                file_name,
                bytes,
            },
            only_valid,
        )
    })
}
/// Saves the template into the user's Downloads folder and returns where.
#[tauri::command]
pub fn import_template(desk: State<Desk>, kind: ImportKind) -> Reply<String> {
    desk.run(|_, c| {
        c.actor()?;
        import::save_template(&import::default_template_dir(), kind)
            .map(|p| p.display().to_string())
    })
}
