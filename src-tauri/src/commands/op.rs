//! The one command behind every operation. It runs off the window's thread (`async`), so a
//! year's report, a big print or an import never freezes the window, and long work tells the
//! window how far it has got through `progress` events.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use frontdesk_core::api;
use frontdesk_core::base::ctx::Progress;
use serde::Serialize;
use serde_json::Value;
use tauri::{AppHandle, Emitter, State};

use crate::desk::{Desk, Reply};

/// One step of a long operation, as the window shows it.
#[derive(Clone, Serialize)]
struct Step {
    op: String,
    step: String,
    fraction: f32,
}

#[tauri::command(async)]
pub fn op(desk: State<'_, Desk>, app: AppHandle, name: String, input: Value) -> Reply<Value> {
    let reported = Arc::new(AtomicBool::new(false));
    let emit = {
        let (app, op, reported) = (app.clone(), name.clone(), reported.clone());
        move |step: &str, fraction: f32| {
            reported.store(true, Ordering::Relaxed);
            let _ = app.emit(
                "progress",
                Step {
                    op: op.clone(),
                    step: step.to_string(),
                    fraction,
                },
            );
        }
    };
    // A restore replaces the file: the second connection must not hold the old one open.
    if name == "backup_restore" {
        desk.forget_beside();
    }
    let work = |store: &mut frontdesk_core::Store, ctx: &frontdesk_core::Ctx| {
        api::call(store, ctx, &name, input)
    };
    crate::desk::take_wait_ms();
    let asked = std::time::Instant::now();
    let result = if api::runs_beside(&name) {
        desk.run_beside(Progress::to(emit.clone()), work)
    } else {
        desk.run_with(Progress::to(emit.clone()), work)
    };
    log_time(&name, asked);
    crate::memory::give_back_freed_memory();
    // A restore replaced the file under the second connection.
    if name == "backup_restore" && result.is_ok() {
        desk.forget_beside();
    }
    // Work that showed its progress also shows its end, done or refused.
    if reported.load(Ordering::Relaxed) {
        emit(
            if result.is_ok() {
                "完成"
            } else {
                "未完成"
            },
            1.0,
        );
    }
    let out = result?;
    // The first-run wizard ends logged in as the supervisor it created.
    if name == "setup_init" {
        if let Ok(actor) = serde_json::from_value(out.clone()) {
            desk.set_actor(Some(actor));
        }
    }
    Ok(out)
}

/// With `FRONTDESK_OP_LOG=<file>`, one line per operation: its name, how long it waited for a
/// connection and how long it ran (ms) — for telling the core's time from the page's when the
/// window is slow (tests/perf/README.md); nothing is written otherwise.
fn log_time(name: &str, asked: std::time::Instant) {
    let Some(path) = std::env::var_os("FRONTDESK_OP_LOG") else {
        return;
    };
    let total = asked.elapsed().as_secs_f64() * 1000.0;
    let waited = crate::desk::take_wait_ms();
    let line = format!("{name}\t{waited:.1}\t{:.1}\n", total - waited);
    use std::io::Write;
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = f.write_all(line.as_bytes());
    }
}
