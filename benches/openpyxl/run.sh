#!/usr/bin/env bash
# The openpyxl baseline: makes its pinned venv once, then writes INPUT.json's rows to OUT.xlsx.
# stdout is exactly write_rows.py's one JSON line, so a benchmark can read it; anything else
# (pip, on the first run only) goes to stderr.
#
#   bash benches/openpyxl/run.sh INPUT.json OUT.xlsx [--styled]
#
# The venv is ${OPENPYXL_VENV:-/var/tmp/frontdesk-openpyxl-venv}; it is made again when
# requirements.txt changes (a copy of it is kept in the venv to compare).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 INPUT.json OUT.xlsx [--styled]" >&2
  exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
venv=${OPENPYXL_VENV:-/var/tmp/frontdesk-openpyxl-venv}
pinned="$venv/frontdesk-requirements.txt"

if ! cmp -s "$here/requirements.txt" "$pinned"; then
  echo "openpyxl baseline: setting up $venv" >&2
  # Only ever remove a venv (or nothing): never a folder someone named by mistake.
  if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then
    echo "$venv exists and is not a venv; set OPENPYXL_VENV to another path" >&2
    exit 1
  fi
  rm -rf "$venv"
  if ! python3 -m venv "$venv" >&2; then
    echo "python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
  cp "$here/requirements.txt" "$pinned"
fi

exec "$venv/bin/python" "$here/write_rows.py" "$@"
