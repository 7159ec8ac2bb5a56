#!/usr/bin/env bash
# Runs the Python and Node quickstarts, each against its own `hamsa mock`, and checks that each placed
# the call, verified the webhook events, and printed the transcript and outcome. Needs the bindings built
# by their test scripts (bindings-python/test.sh installs into the venv below; bindings-node/test.sh
# builds the addon).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
venv=${HAMSA_PYTHON_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hamsa-python-venv}
cargo build -q -p hamsa-cli

pids=()
logs=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -f "${logs[@]}"
}
trap cleanup EXIT

# with_mock COMMAND...: runs COMMAND with HAMSA_API_KEY/HAMSA_BASE_URL pointing at a fresh mock, then
# checks what it printed.
with_mock() {
  local out log
  out=$(mktemp)
  log=$(mktemp)
  logs+=("$out" "$log")
  "$target/debug/hamsa" mock --port 0 --call-duration-ms 1500 >"$out" &
  pids+=($!)
  for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.1; done
  local url
  url=$(awk '/listening/ {print $NF}' "$out")
  HAMSA_API_KEY=mock-key HAMSA_BASE_URL="$url" "$@" | tee "$log"
  for expected in "Call placed" "webhook call.started" "webhook call.ended" "ended: COMPLETED" "Agent: Hello Layla" "Outcome:"; do
    grep -q "$expected" "$log" || { echo "missing from the output: $expected" >&2; return 1; }
  done
}

echo "== Python quickstart"
"$venv/bin/mypy" --strict examples/python
with_mock "$venv/bin/python" examples/python/quickstart.py
echo "== Node quickstart"
(cd examples/node && npm install --ignore-scripts --no-audit --no-fund --silent)
with_mock node examples/node/quickstart.mjs
echo "examples: 2 passed, 0 failed"
