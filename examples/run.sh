#!/usr/bin/env bash
# Runs the Python and Node quickstarts, each against its own `hamsa mock`, and checks that each created
# the web tool and the voice agent (and printed the agent's id), assigned the number to that agent, placed
# the call, verified the webhook events, printed the transcript with the greeting filled in ("Hello Sara")
# and the outcome, and printed the analytics of that agent counting the call. Needs the bindings built
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
  local agent
  agent=$(sed -n 's/^Created voice agent .* (\(.*\))$/\1/p' "$log")
  [ -n "$agent" ] || { echo "missing from the output: the voice agent's id (Created voice agent ... (<id>))" >&2; return 1; }
  for expected in "Created web tool book_appointment" "Assigned .* to agent $agent\$" "Call placed" \
    "webhook call.started" "webhook call.ended" "ended: COMPLETED" "Agent: Hello Sara," "Outcome:" \
    "Analytics of agent $agent: [1-9][0-9]* sessions today, average duration [0-9.]* s"; do
    grep -q "$expected" "$log" || { echo "missing from the output: $expected" >&2; return 1; }
  done
}

echo "== Python quickstart"
# bindings-python/test.sh lints its own examples folder, not this one: the same ruff rules and mypy here.
"$venv/bin/ruff" check --config bindings-python/pyproject.toml examples/python
"$venv/bin/ruff" format --config bindings-python/pyproject.toml --check examples/python
"$venv/bin/mypy" --strict examples/python
with_mock "$venv/bin/python" examples/python/quickstart.py
echo "== Node quickstart"
(cd examples/node && npm install --ignore-scripts --no-audit --no-fund --silent)
with_mock node examples/node/quickstart.mjs
echo "examples: 2 passed, 0 failed"
