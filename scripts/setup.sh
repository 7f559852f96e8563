#!/usr/bin/env bash
# Installs what FrontDesk needs to build, run and test, skipping whatever is already there.
# For a Debian 12 machine, run as root (or with sudo available). Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

# ── Debian packages: THE one list. Add a package here (one a line, with why) if the project needs it.
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev         # the Tauri webview
  libgtk-3-dev
  librsvg2-dev
  libayatana-appindicator3-dev
  build-essential
  pkg-config
  file                          # the .deb bundler
  xvfb                          # a display for the end-to-end and .deb tests
  xauth
  webkit2gtk-driver             # WebKitWebDriver, which tauri-driver drives
  poppler-utils                 # pdftoppm: looking at printed forms
  fonts-noto-cjk                # Chinese text on screen and in screenshots
  imagemagick
  xdotool                       # the .deb test finds the app's window by its title
  x11-utils                     # xwininfo
  libreoffice-calc              # report tests open the exported .xlsx in LibreOffice headless
)

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages already installed"
fi

# ── Rust and Node come with the machine; say so plainly if they do not.
export PATH="$HOME/.cargo/bin:$PATH"
for tool in cargo node npm; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is missing: install Rust (rustup) and Node.js 20 first" >&2; exit 1; }
done

# ── tauri-driver (2.x for Tauri 2): the WebDriver bridge the end-to-end tests talk to.
if command -v tauri-driver >/dev/null; then
  echo "setup: tauri-driver already installed"
else
  echo "setup: installing tauri-driver"
  # Its own temporary target dir, so it never waits on (or for) the project's build lock.
  env -u CARGO_TARGET_DIR cargo install tauri-driver --version '^2' --locked
fi

# ── npm packages for ui/ (Vue, Vite, the tauri CLI). Reinstalled when package-lock.json changes.
lock_hash=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
stamp=ui/node_modules/.frontdesk-lock-sha256
if [ -L ui/node_modules ]; then
  echo "setup: ui/node_modules is a link to a shared install; leaving it alone"
elif [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  echo "setup: npm packages up to date"
else
  echo "setup: npm ci in ui/"
  # npm 11 as set up here writes a lock without the other platforms' optional packages (tauri CLI,
  # rollup, esbuild builds for macOS/Windows), and its own `npm ci` then calls the lock out of
  # sync. `npm install --no-save` installs the same locked versions and leaves the lock alone.
  if ! npm ci --prefix ui --no-audit --no-fund; then
    echo "setup: npm ci refused the lock file; installing the locked versions with npm install --no-save"
    npm install --prefix ui --no-save --no-audit --no-fund
  fi
  echo "$lock_hash" >"$stamp"
fi
echo "setup: done"
