#!/usr/bin/env bash
# Builds the release app and its Debian package:
#   $CARGO_TARGET_DIR/release/frontdesk              the app
#   $CARGO_TARGET_DIR/release/bundle/deb/frontdesk_<version>_<arch>.deb
#
# Why the second step: tauri names the Debian package after productName (kebab-cased), and has
# no setting for the package name (checked up to @tauri-apps/cli 2.12: bundle > linux > deb has
# depends/files/section/… but no name). Our product name is 物业客服前台, which dpkg refuses as a
# package name ("must start with an alphanumeric character"). We keep the product name — window
# title, menu entry 物业客服前台 — and repack tauri's .deb with `Package: frontdesk`, the binary's name.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/frontdesk-target}"
export PATH="$HOME/.cargo/bin:$PATH"
out="$CARGO_TARGET_DIR/release/bundle/deb"
package=frontdesk

rm -f "$out"/*.deb
# `-p frontdesk`: the workspace's default members are the GUI-free crates.
npm --prefix ui run tauri build -- --bundles deb -- -p frontdesk

built="$(ls "$out"/*.deb)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb --raw-extract "$built" "$work/root"
sed -i "s/^Package: .*/Package: $package/" "$work/root/DEBIAN/control"
version="$(sed -n 's/^Version: //p' "$work/root/DEBIAN/control")"
arch="$(sed -n 's/^Architecture: //p' "$work/root/DEBIAN/control")"
deb="$out/${package}_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$work/root" "$deb" >/dev/null
rm -f "$built"
echo "build-deb: $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends
