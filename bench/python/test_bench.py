"""Tests of the Python bench against the stand-in server (no Rust server needed):

    "$venv/bin/python" -m pytest -q bench/python/test_bench.py

A smoke run passes and writes the four result files in the contract's shape; wrong answers fail it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = ("python-sync", "python-async", "python-decode", "python-footprint")


@contextmanager
def standin(*flags: str) -> Iterator[str]:
    server = subprocess.Popen(
        [sys.executable, str(HERE / "standin_server.py"), *flags], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line.startswith("listening on "), line
        yield line.removeprefix("listening on ").strip()
    finally:
        server.terminate()
        server.wait(timeout=10)


def bench(server: str, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HERE / "bench.py"), "--server", server, "--out", str(out), "--smoke", *flags],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_smoke_passes_and_writes_the_contract_format(tmp_path: Path) -> None:
    with standin() as server:
        done = bench(server, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith("failed") and " 0 failed" in done.stdout.splitlines()[-1]
    for case in CASES:
        result = json.loads((tmp_path / f"{case}.json").read_text())
        assert result["case"] == case
        assert {"title", "unit", "higher_is_better", "sdk", "rows", "targets", "notes"} <= result.keys()
        assert result["rows"] and all(row["correct"] and row["samples"] for row in result["rows"])
    sync = json.loads((tmp_path / "python-sync.json").read_text())
    assert [row["contender"] for row in sync["rows"]] == ["hamsa.Hamsa", "requests.Session+.json()", "httpx.Client"]
    levels = {row["concurrency"] for row in json.loads((tmp_path / "python-async.json").read_text())["rows"]}
    assert levels == {1, 16, 64, 256}


def test_wrong_answers_fail_the_run(tmp_path: Path) -> None:
    with standin("--wrong") as server:
        done = bench(server, tmp_path, "--only", "python-sync", "--only", "python-decode")
    assert done.returncode != 0
    rows = [
        row
        for case in ("python-sync", "python-decode")
        for row in json.loads((tmp_path / f"{case}.json").read_text())["rows"]
    ]
    assert rows and not any(row["correct"] for row in rows)
