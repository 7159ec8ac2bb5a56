#!/usr/bin/env bash
# The Node binding's whole test run, for CI and for developers (fresh Debian 12 with node, npm, cargo):
# install the dev tools from package-lock.json, build the addon (debug: the tests do not need speed) and
# the suite's conformance-mock, then run every test with node's runner (every conformance scenario,
# AbortSignal, Worker termination, ESM/CJS loading, error classes, tsc type tests, npm pack). Whether the
# generated files are up to date is checked once for every binding by scripts/test-all.sh (python3
# codegen/generate.py --check). Exits non-zero on any failure; a skipped or todo test is a failure.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export RUST_BACKTRACE=0

# `npm install`, not `npm ci`: the lock lists optional per-platform packages of @napi-rs/cli's
# dependencies, and `npm ci` refuses a lock that misses those a registry mirror does not serve; `npm
# install` still installs the locked versions. --ignore-scripts: the package's own install script would
# build a release addon; the debug build below is what the tests use.
npm install --ignore-scripts --no-audit --no-fund

npx napi build --platform --no-js --dts lib/native.d.ts --features testing
(cd "$root" && cargo build -p hamsa-conformance --bin conformance-mock)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One test file at a time: conformance scenarios have timing expectations.
node --test --test-concurrency=1 --test-reporter=spec test/*.test.mjs 2>&1 | tee "$log"

scenarios=$(find "$root/tests/scenarios" -name '*.json' | wc -l)
grep -Eq "^conformance \(node\): $scenarios passed, 0 failed$" "$log" || {
  echo "the Node conformance count does not match the $scenarios scenario files" >&2
  exit 1
}
for counter in skipped todo cancelled; do
  grep -Eq "^ℹ $counter 0$" "$log" || {
    echo "some tests were $counter: they do not count as passing" >&2
    exit 1
  }
done
