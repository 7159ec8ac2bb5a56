#!/usr/bin/env bash
# bench/run.sh [--smoke]: the whole benchmark in one command (bench/CONTRACT.md, bench/README.md).
#
# Builds what it needs (release; debug for --smoke), installs the contenders if missing, starts the canned
# server pinned to CPU 0, runs every language's cases pinned to CPU 1 (when there are two CPUs or more),
# each writing bench/out/<case>.json, then bench/report.py writes bench/results.md and bench/chart.png.
# --smoke runs tiny counts, writes no report, and only checks that every contender ran and answered
# correctly: it prints `bench smoke: N passed, M failed` and exits non-zero on any failure.
#
# Environment: CARGO_TARGET_DIR (default: the workspace's target/), HAMSA_PYTHON_VENV (default:
# ~/.cache/hamsa-python-venv, the one bindings-python/test.sh uses).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

smoke=false
case "${1:-}" in
  "") ;;
  --smoke) smoke=true ;;
  *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac

# The Python cases are written separately (bench/python); without them the run cannot be complete.
if [ ! -f bench/python/bench.py ]; then
  echo "bench/run.sh: bench/python/bench.py is missing: the Python cases cannot run" >&2
  exit 1
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
venv="${HAMSA_PYTHON_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hamsa-python-venv}"
if $smoke; then
  # A smoke run checks answers only; it leaves the real run's figures in bench/out alone.
  out=$(mktemp -d)
  profile=debug cargo_flag=() napi_script=build:debug maturin_flag=() smoke_flag=(--smoke)
else
  out=bench/out
  profile=release cargo_flag=(--release) napi_script=build maturin_flag=(--release) smoke_flag=()
fi
step() { printf '\n=== %s\n' "$*"; }

step "contenders and tools"
# wrk is the limit row; a real run installs it (Debian), a smoke run uses the hyper generator without it.
if ! command -v wrk >/dev/null && ! $smoke; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } ||
      echo "could not install wrk: the limit row comes from the hyper load generator"
  else
    echo "wrk is missing (apt-get install wrk): the limit row comes from the hyper load generator"
  fi
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
py="$venv/bin/python"
# Pinned: the Python contenders (bench/python/requirements.txt), matplotlib for the chart, maturin as in
# bindings-python/test.sh. Already-satisfied pins cost no network.
"$py" -m pip install --quiet --disable-pip-version-check -r bench/python/requirements.txt \
  matplotlib==3.11.2 "maturin>=1.16,<2"
[ -d bench/node/node_modules/undici ] || (cd bench/node && npm ci --no-audit --no-fund)
# The napi CLI that builds the addon (installed without running the package's own install script).
[ -x bindings-node/node_modules/.bin/napi ] || (cd bindings-node && npm install --ignore-scripts --no-audit --no-fund)

step "build ($profile)"
cargo build --quiet "${cargo_flag[@]}" -p hamsa-bench-server -p hamsa-bench
(cd bindings-python && VIRTUAL_ENV="$venv" "$venv/bin/maturin" develop --quiet "${maturin_flag[@]}")
(cd bindings-node && npm run --silent "$napi_script")
bin="$CARGO_TARGET_DIR/$profile"

# Server on CPU 0, every client on CPU 1, so that they never compete for a core.
pin_server=() pin_client=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  pin_server=(taskset -c 0) pin_client=(taskset -c 1)
  pinning="server on CPU 0, clients on CPU 1 (taskset)"
else
  pinning="not pinned ($(nproc) CPU(s) or no taskset): server and clients share the CPUs"
fi
echo "pinning: $pinning"

rm -rf "$out"
mkdir -p "$out"
server_log=$(mktemp)
"${pin_server[@]}" "$bin/hamsa-bench-server" >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$server_log"; if $smoke; then rm -rf "$out"; fi' EXIT
url=""
for _ in $(seq 100); do
  line=$(head -n 1 "$server_log")
  if [[ $line == "listening on "* ]]; then
    url=${line#listening on }
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "bench/run.sh: the server did not start: $(cat "$server_log")" >&2
  exit 1
fi
echo "server: $url (pid $server_pid)"

failed=()
started=$SECONDS
# run_case NAME COMMAND...: one language's cases on the client CPU; a failure is recorded, the rest run.
run_case() {
  local name=$1 t=$SECONDS
  shift
  step "$name"
  if "${pin_client[@]}" "$@"; then
    echo "($name: $((SECONDS - t)) s)"
  else
    failed+=("$name")
    echo "=== $name FAILED"
  fi
}
run_case limit "$bin/hamsa-bench" limit --server "$url" --out "$out" "${smoke_flag[@]}"
run_case rust "$bin/hamsa-bench" rust --server "$url" --out "$out" "${smoke_flag[@]}"
run_case node node bench/node/bench.mjs --server "$url" --out "$out" "${smoke_flag[@]}"
run_case python "$py" bench/python/bench.py --server "$url" --out "$out" "${smoke_flag[@]}"
duration=$((SECONDS - started))
kill -0 "$server_pid" 2>/dev/null || failed+=("the server died during the run")

cat >"$out/run.json" <<JSON
{"mode": "$($smoke && echo smoke || echo real)", "pinning": "$pinning", "duration_s": $duration,
 "finished": "$(date -u '+%Y-%m-%d %H:%M UTC')", "server": "$url"}
JSON

step "report (${duration} s of measuring)"
if $smoke; then
  "$py" bench/report.py --out "$out" --smoke || failed+=(report)
else
  "$py" bench/report.py --out "$out" || failed+=(report)
fi
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'bench/run.sh: failed: %s\n' "${failed[*]}" >&2
  exit 1
fi
