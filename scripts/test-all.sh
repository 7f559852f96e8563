#!/usr/bin/env bash
# Sets up the machine, then runs EVERY test: core + CLI (cargo), UI typecheck + unit tests,
# the release build with its .deb, the .deb install-and-launch test, and the end-to-end tests
# against that same release binary. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/frontdesk-target}"
export PATH="$HOME/.cargo/bin:$PATH"
logs="$(mktemp -d /tmp/frontdesk-test-all.XXXXXX)"

sections=()
results=()
failures=0
# section NAME COMMAND... — runs one step with a header, its output also kept for the summary.
section() {
  local name="$1"
  shift
  local start=$SECONDS
  echo
  echo "════════════════════════════════════════════════════════════════════"
  echo "▶ $name"
  echo "════════════════════════════════════════════════════════════════════"
  "$@" 2>&1 | tee "$logs/${#sections[@]}.log"
  local rc=${PIPESTATUS[0]}
  local took=$((SECONDS - start))
  sections+=("$name")
  if [ "$rc" -eq 0 ]; then
    results+=("ok    ${took}s")
  else
    results+=("FAIL  ${took}s (exit $rc)")
    failures=$((failures + 1))
  fi
  return "$rc"
}
skip() {
  sections+=("$1")
  results+=("SKIP  ($2)")
  failures=$((failures + 1))
}

bindings_unchanged() {
  if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "not a git checkout: drift check skipped"
    return 0
  fi
  local drift
  # The types (ts-rs), and the client, the role policy and the labels generated from the core's
  # one list of operations and its enums (frontdesk-core api::typescript_tests).
  local generated=(ui/src/bindings ui/src/api/ops.ts ui/src/api/policy.ts ui/src/api/labels.ts)
  drift="$(git status --porcelain -- "${generated[@]}")"
  if [ -n "$drift" ]; then
    echo "generated TypeScript differs from what the core generates — run cargo test and commit:"
    echo "$drift"
    git --no-pager diff --stat -- "${generated[@]}"
    return 1
  fi
  echo "ui/src/bindings and ui/src/api/{ops,policy,labels}.ts match the core"
}

rust_format() {
  # rustfmt ships with every rustup toolchain; add it if this one was installed minimal.
  if ! cargo fmt --version >/dev/null 2>&1; then
    rustup component add rustfmt
  fi
  cargo fmt --all --check && echo "Rust code is formatted (cargo fmt)"
}

ui_checks() {
  (cd ui && npx vue-tsc --noEmit && npx vitest run)
}

release_build() {
  # One release build; the tauri CLI builds ui/dist first (beforeBuildCommand) and bundles the .deb.
  bash scripts/build-deb.sh
}

e2e() {
  FRONTDESK_APP="$CARGO_TARGET_DIR/release/frontdesk" node --test --test-concurrency=1 tests/e2e/*.test.mjs
}

section "setup (scripts/setup.sh)" bash scripts/setup.sh || { echo "setup failed: stopping"; exit 1; }
section "Rust formatting (cargo fmt --check)" rust_format
section "core + CLI tests (cargo test)" cargo test
section "generated TypeScript is committed" bindings_unchanged
section "UI typecheck + unit tests (vue-tsc, vitest)" ui_checks
if section "release build + .deb (scripts/build-deb.sh)" release_build; then
  section ".deb install + launch (tests/deb)" bash tests/deb/install-launch.sh
  section "end-to-end tests (tests/e2e, node --test)" e2e
else
  skip ".deb install + launch (tests/deb)" "no release build"
  skip "end-to-end tests (tests/e2e, node --test)" "no release build"
fi

# Add up what every runner reported, so one closing line says how many tests ran.
strip() { sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$@"; }
passed=0
failed=0
for f in "$logs"/*.log; do
  while read -r p fl; do
    passed=$((passed + p))
    failed=$((failed + fl))
  done < <(strip "$f" | sed -nE \
    -e 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p' \
    -e 's/^ *Tests +([0-9]+) passed.*/\1 0/p' \
    -e 's/^ *Tests +([0-9]+) failed \| ([0-9]+) passed.*/\2 \1/p' \
    -e 's/^(#|ℹ) pass ([0-9]+)$/\2 0/p' \
    -e 's/^(#|ℹ) fail ([0-9]+)$/0 \2/p' \
    -e 's/^deb: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p')
done
rm -rf "$logs"

echo
echo "════════════════════════════════════════════════════════════════════"
echo "Summary"
echo "════════════════════════════════════════════════════════════════════"
for i in "${!sections[@]}"; do
  printf '%-24s %s\n' "${results[$i]}" "${sections[$i]}"
done
if [ "$failures" -gt 0 ]; then
  echo "$failures section(s) failed — see above"
  echo "tests: $passed passed, $((failed > 0 ? failed : 1)) failed"
  exit 1
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
