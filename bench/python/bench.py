"""The Python benchmarks of bench/CONTRACT.md, run by bench/run.sh:

    "$venv/bin/python" bench/python/bench.py --server http://127.0.0.1:PORT --out bench/out [--smoke]

writes python-sync.json, python-async.json, python-decode.json and python-footprint.json into --out.
`--smoke` runs tiny counts (on a debug build) to check every contender's answers, not to measure them.
Either way the exit status is non-zero if any contender returned a wrong answer or failed, so a broken
contender never turns into a figure unnoticed. Progress goes to stderr, one line per contender to stdout.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# The cases import the contenders; importing them here, up front, fails fast with one clear message if
# the orchestrator did not install bench/python/requirements.txt (or the SDK) into this interpreter.
try:
    import async_case
    import decode_case
    import footprint_case
    import sync_case
except ImportError as error:
    sys.exit(f"bench.py: {error}; install the SDK and bench/python/requirements.txt into {sys.executable}'s venv")

from common import Row, extension_build, log

CASES = {
    "python-sync": sync_case.run,
    "python-async": async_case.run,
    "python-decode": decode_case.run,
    "python-footprint": footprint_case.run,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", required=True, help="the canned server's base URL, http://127.0.0.1:PORT")
    parser.add_argument("--out", required=True, type=Path, help="the directory for the result files")
    parser.add_argument("--smoke", action="store_true", help="tiny counts: check correctness only")
    parser.add_argument("--only", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    args = parser.parse_args()
    server = args.server.rstrip("/")

    build, path, _size = extension_build()
    log(f"bench python: {'smoke' if args.smoke else 'real'} run against {server}, hamsa._native {build} build ({path})")
    if build == "debug" and not args.smoke:
        log("bench python: WARNING: a debug build of the SDK; run `maturin develop --release` for real figures")

    failed: list[Row] = []
    passed = 0
    for case, run in CASES.items():
        if args.only and case not in args.only:
            continue
        start = time.perf_counter()
        rows = run(server, args.out, args.smoke)
        log(f"{case}: {time.perf_counter() - start:.1f}s -> {args.out / (case + '.json')}")
        for row in rows:
            at = "" if row.concurrency is None else f" @{row.concurrency}"
            print(f"{case}: {row.contender}{at}: {'ok' if row.correct else 'FAILED'}", flush=True)
            if row.correct:
                passed += 1
            else:
                failed.append(row)
    print(f"bench python: {passed} passed, {len(failed)} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    # A normal exit, interpreter finalization included: a process that used the SDK must exit cleanly.
    # (Once about 1 run in 10 died here, while the async client's results were settled through
    # pyo3-async-runtimes; none has since the binding's own waker replaced it, in 120+ runs.)
    sys.exit(main())
