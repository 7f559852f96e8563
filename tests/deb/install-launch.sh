#!/usr/bin/env bash
# Installs the built .deb with apt (so its dependencies resolve), checks what it put on the
# machine, launches the installed app under Xvfb with a temp database, and checks that its window
# "物业客服前台" appears and that it stays up. Saves tests/deb/out/deb-launch.png.
# Usage: tests/deb/install-launch.sh [path/to/frontdesk.deb]   (default: what scripts/build-deb.sh built)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${CARGO_TARGET_DIR:-/var/tmp/frontdesk-target}"
deb="${1:-$(ls -t "$target"/release/bundle/deb/frontdesk_*.deb 2>/dev/null | head -n1)}"
title='物业客服前台'
passed=0
failed=0
ok() { echo "ok   - $1"; passed=$((passed + 1)); }
bad() { echo "FAIL - $1"; failed=$((failed + 1)); }
finish() {
  echo "deb: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  bad "no .deb found (build it: bash scripts/build-deb.sh)"
  finish
fi
echo "deb: $deb"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

# The package metadata must be something dpkg accepts (the product name is Chinese).
pkg="$(dpkg-deb --field "$deb" Package)"
if [[ "$pkg" =~ ^[a-z0-9][a-z0-9.+-]+$ ]]; then ok "package name '$pkg' is a valid Debian name"; else bad "package name '$pkg'"; fi

if DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --reinstall "$(realpath "$deb")" >/tmp/frontdesk-deb-install.log 2>&1; then
  ok "apt-get install $(basename "$deb")"
else
  tail -20 /tmp/frontdesk-deb-install.log
  bad "apt-get install failed"
  finish
fi
if [ -x /usr/bin/frontdesk ]; then ok "/usr/bin/frontdesk installed"; else bad "/usr/bin/frontdesk missing"; fi
desktop="$(dpkg -L "$pkg" | grep '^/usr/share/applications/.*\.desktop$' | head -n1)"
if [ -n "$desktop" ] && grep -q '^Exec=frontdesk' "$desktop"; then
  ok "desktop entry $desktop (Exec=frontdesk, $(grep '^Name=' "$desktop"))"
else
  bad "no .desktop file running frontdesk"
fi

# Launch the installed app on its own display, with a temp database.
tmp="$(mktemp -d)"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  kill "$xvfb_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$tmp/display")"
FRONTDESK_DB="$tmp/desk.db" WEBKIT_DISABLE_DMABUF_RENDERER=1 /usr/bin/frontdesk >"$tmp/app.log" 2>&1 &
app_pid=$!

window=
for _ in $(seq 60); do
  window="$(xdotool search --name "^${title}\$" 2>/dev/null | head -n1)"
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -n "$window" ]; then ok "window '$title' appeared ($(xwininfo -id "$window" | grep -E 'Width|Height' | tr -s ' ' | tr '\n' ' '))"; else bad "no window titled '$title'"; fi

sleep 5
if kill -0 "$app_pid" 2>/dev/null; then ok "app still running after 5 s"; else bad "app exited: $(tail -5 "$tmp/app.log")"; fi
if [ -s "$tmp/desk.db" ]; then ok "app opened the database given in FRONTDESK_DB"; else bad "no database at FRONTDESK_DB"; fi

mkdir -p "$here/out"
if import -window root "$here/out/deb-launch.png" 2>/dev/null; then ok "screenshot $here/out/deb-launch.png"; else bad "screenshot failed"; fi
finish
