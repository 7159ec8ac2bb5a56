#!/usr/bin/env bash
# Builds the Python binding and runs everything that proves it: every conformance scenario through the
# sync and the async client (the counts must equal the number of scenario files), the Python-specific
# tests, ruff, and mypy --strict. (Whether the generated code matches the catalog is checked once for
# every binding by scripts/test-all.sh: python3 codegen/generate.py --check.)
# Exits non-zero on any failure; a skipped test counts as a failure.
#
# Needs only python3 (>= 3.9, with venv) and a Rust toolchain. Environment:
#   HAMSA_PYTHON_VENV  the virtualenv to use/create (default: ~/.cache/hamsa-python-venv)
#   CARGO_TARGET_DIR   the cargo target directory (default: the workspace's target/)
#   PYTHON             the interpreter that creates the venv (default: python3)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
target=${CARGO_TARGET_DIR:-$repo/target}
venv=${HAMSA_PYTHON_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hamsa-python-venv}
step() { printf '\n== %s\n' "$*"; }

step "virtualenv $venv"
if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check "maturin>=1.16,<2" "pytest>=8" "mypy>=1.10" "ruff>=0.6"

step "build and install the extension (maturin develop, with the test-only entry points)"
(cd "$here" && CARGO_TARGET_DIR="$target" VIRTUAL_ENV="$venv" "$venv/bin/maturin" develop --quiet --features testing)

step "build conformance-mock"
(cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --quiet -p hamsa-conformance --bin conformance-mock)
export HAMSA_CONFORMANCE_MOCK="$target/debug/conformance-mock"
export HAMSA_SCENARIOS_DIR="$repo/tests/scenarios"

trap 'rm -f "${log:-}"' EXIT

step "ruff"
(cd "$here" && "$venv/bin/ruff" check . && "$venv/bin/ruff" format --check .)

step "mypy --strict"
(cd "$here" && "$venv/bin/mypy" --strict python/hamsa examples tests/typecheck_public_api.py)

step "pytest"
log=$(mktemp)
# Exit code 5 (nothing collected) is a failure like any other non-zero code, thanks to `set -e`.
(cd "$here" && HAMSA_FAIL_ON_SKIP=1 "$py" -m pytest -p no:cacheprovider -rfEs tests) 2>&1 | tee "$log"

step "conformance counts"
scenarios=$(find "$HAMSA_SCENARIOS_DIR" -name '*.json' | wc -l)
for mode in sync async; do
    line=$(grep -E "^conformance \(python $mode\): [0-9]+ passed, [0-9]+ failed$" "$log" | tail -1 || true)
    if [ -z "$line" ]; then
        echo "no conformance summary for python $mode" >&2
        exit 1
    fi
    passed=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1/' <<<"$line")
    failed=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\2/' <<<"$line")
    if [ "$failed" -ne 0 ] || [ "$passed" -ne "$scenarios" ]; then
        echo "python $mode: $passed passed, $failed failed, but there are $scenarios scenario files" >&2
        exit 1
    fi
    echo "$line (of $scenarios scenario files)"
done
