//! A bare Tauri 2 window: the same Tauri, WebKitGTK and window size as the app, showing an
//! empty page from the app's own asset protocol (`ui/public/bare.html`: about:blank would start
//! no web process at all), with no commands, store or UI. Its idle memory is the floor the app is compared
//! with (issue 12: the app's PSS should stay within 1.3× of it).
//!
//!     cargo build --release --example bare_window --features tauri/custom-protocol
//!     node tests/perf/ui-timings.mjs --db ten.db --bare $CARGO_TARGET_DIR/release/examples/bare_window

use tauri::{WebviewUrl, WebviewWindowBuilder};

fn main() {
    let mut context = tauri::generate_context!();
    // The app's own window (and its UI) is not wanted here: only an empty page.
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .setup(|app| {
            WebviewWindowBuilder::new(app, "bare", WebviewUrl::App("bare.html".into()))
                .title("bare")
                .inner_size(1366.0, 820.0)
                .build()?;
            Ok(())
        })
        .run(context)
        .expect("the bare window runs");
}
