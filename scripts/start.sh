#!/usr/bin/env bash
# Sets up the machine, builds the app (release, no installer) and starts it.
# Arguments go to the app, e.g.  bash scripts/start.sh --db /path/to/desk.db
# With no display (a bare server), the app runs on a virtual Xvfb display instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/frontdesk-target}"
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
echo "start: building the app (the first build takes several minutes)"
# `-p frontdesk`: the workspace's default members are the GUI-free crates.
npm --prefix ui run tauri build -- --no-bundle -- -p frontdesk
app="$CARGO_TARGET_DIR/release/frontdesk"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "start: starting 物业客服前台"
  exec "$app" "$@"
fi
echo "start: no display here (DISPLAY is unset): starting 物业客服前台 on a virtual Xvfb display."
echo "start: on a desktop machine, run it from a terminal in the desktop session instead."
exec xvfb-run -a -s "-screen 0 1440x900x24" env WEBKIT_DISABLE_DMABUF_RENDERER=1 "$app" "$@"
