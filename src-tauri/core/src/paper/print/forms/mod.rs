//! One module per paper form. Each takes the print job's `PrintMeta` and a plain data struct
//! (filled by a core query, or by a test) and returns the PDF bytes.

pub mod complaint;
pub mod dispatch_slip;
pub mod entry_pass;
pub mod goods_pass;
pub mod handover;
pub mod hot_work;
pub mod intake_log;
pub mod key_register;
pub mod period_report;
pub mod return_visits;
pub mod roster;
pub mod shift_request;

/// `Some((name, time))` → the "signed in the software" note of a signature box.
pub(crate) fn signed(name: &str, at: &str) -> Option<(String, String)> {
    if name.is_empty() {
        None
    } else {
        Some((name.to_string(), at.to_string()))
    }
}
