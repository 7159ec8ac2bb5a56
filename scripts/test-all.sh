#!/usr/bin/env bash
# Every test in every language: Rust (fmt, clippy, unit, property, CLI, mock, conformance), the
# quickstart, and each binding's own suite, which runs every conformance scenario. At the end the
# conformance counts of all languages are compared with the number of scenario files.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export RUST_BACKTRACE=0
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

suites_passed=0
suites_failed=0
failed_names=()

# run NAME COMMAND...: runs one suite, keeps its output for the count check, never stops the others.
run() {
  local name=$1
  shift
  echo
  echo "=== $name: $*"
  if "$@" 2>&1 | tee "$log_dir/$name.log"; then
    suites_passed=$((suites_passed + 1))
  else
    suites_failed=$((suites_failed + 1))
    failed_names+=("$name")
    echo "=== $name FAILED"
  fi
}

run rust-fmt cargo fmt --all --check
run rust-clippy cargo clippy --workspace --all-targets -- -D warnings
run rust-tests cargo test
run codegen-check python3 codegen/generate.py --check
run quickstart-rust cargo run -q -p hamsa-examples --bin quickstart

# Each binding that exists brings its own test script; none is optional once it is in the tree.
for script in bindings-python/test.sh bindings-node/test.sh bindings-swift/test-kotlin.sh bindings-swift/test-swift.sh; do
  if [ -d "$(dirname "$script")" ]; then
    name=$(basename "$(dirname "$script")")-$(basename "$script" .sh)
    run "$name" bash "$script"
  fi
done

# The Python and Node quickstarts, on the packages the binding suites just built.
if [ -d bindings-python ] && [ -d bindings-node ]; then
  run quickstart-python-node bash examples/run.sh
fi

# The benchmark harness in its smoke mode: every contender runs and answers correctly (no timings).
run bench-smoke bash bench/run.sh --smoke

# Every language must have run every scenario.
scenarios=$(find tests/scenarios -name '*.json' | wc -l)
echo
echo "=== conformance counts (scenario files: $scenarios)"
count_lines=$(cat "$log_dir"/*.log | grep -E '^conformance \([^)]*\): [0-9]+ passed, [0-9]+ failed' | sort -u || true)
echo "$count_lines"
while read -r line; do
  [ -z "$line" ] && continue
  passed=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
  if [ "$passed" != "$scenarios" ]; then
    suites_failed=$((suites_failed + 1))
    failed_names+=("count: $line")
  fi
done <<< "$count_lines"
if ! echo "$count_lines" | grep -q '^conformance (rust)'; then
  suites_failed=$((suites_failed + 1))
  failed_names+=("count: no Rust conformance line")
fi

echo
if [ "$suites_failed" -gt 0 ]; then
  printf 'failed: %s\n' "${failed_names[@]}"
fi
echo "suites: $suites_passed passed, $suites_failed failed"
[ "$suites_failed" -eq 0 ]
