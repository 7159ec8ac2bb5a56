"""`python-footprint`: what the SDK costs a program besides time per request.

- `import hamsa` time: the cumulative figure of `python -X importtime -c "import hamsa"` (ms), in a fresh
  interpreter each round, alternating with `import requests`, `httpx`, `aiohttp` for scale.
- RSS growth between 10k and 100k requests (MB), for `hamsa.Hamsa` and `hamsa.AsyncHamsa` (64 in flight),
  each in a fresh interpreter (rss_probe.py): memory that grows with the request count is a leak.
- Wheel size (MB): `maturin build --release` in a real run (the same cargo artifacts `maturin develop
  --release` just built, so it is quick); the installed extension's size in every run.

Rows have different units, so each row carries its own `unit`; the file's `unit` says "mixed"."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import Row, extension_build, log, versions, write_result

CASE = "python-footprint"
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
IMPORTS = ("hamsa", "requests", "httpx", "aiohttp")


def import_ms(module: str) -> float:
    """The cumulative import time of `module` as `-X importtime` reports it, in ms."""
    with tempfile.TemporaryDirectory() as empty:  # a cwd with nothing importable in it
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            cwd=empty,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    # Lines look like `import time:       412 |      23315 | hamsa`; the top-level one is not indented.
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].rstrip() == f" {module}":
            return int(parts[1].strip()) / 1000
    raise RuntimeError(f"no importtime line for {module}: {done.stderr[-500:]}")


def rss_growth(server: str, client: str, first: int, total: int, cap: float) -> dict[str, Any]:
    done = subprocess.run(
        [
            sys.executable,
            str(HERE / "rss_probe.py"),
            "--server",
            server,
            "--client",
            client,
            "--first",
            str(first),
            "--total",
            str(total),
            "--cap",
            str(cap),
        ],
        capture_output=True,
        text=True,
        timeout=cap + 60,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def build_wheel() -> tuple[str, int] | str:
    """The release wheel's file name and size, built into a temporary directory, or why it could not be."""
    maturin = Path(sys.executable).parent / "maturin"
    if not maturin.exists():
        return f"no maturin beside {sys.executable}"
    with tempfile.TemporaryDirectory(prefix="hamsa-wheel-") as out:
        try:
            done = subprocess.run(
                [str(maturin), "build", "--release", "--quiet", "--out", out, "-i", sys.executable],
                cwd=REPO / "bindings-python",
                capture_output=True,
                text=True,
                timeout=300,
            )
        except subprocess.TimeoutExpired:
            return "maturin build --release took over 300 s"
        wheels = sorted(Path(out).glob("hamsa-*.whl"))
        if done.returncode != 0 or not wheels:
            return f"maturin build --release failed: {done.stderr.strip()[-300:]}"
        return wheels[0].name, wheels[0].stat().st_size


def run(server: str, out: Path, smoke: bool) -> list[Row]:
    rounds = 1 if smoke else 5
    first, total, cap = (100, 1000, 20.0) if smoke else (10_000, 100_000, 60.0)
    errors: list[str] = []
    notes: list[str] = []
    rows: list[Row] = []

    imports = {module: Row(f"import {module}", extra={"unit": "ms"}) for module in IMPORTS}
    rows += imports.values()
    for module in IMPORTS:  # untimed: writes the .pyc files a first import would otherwise compile
        try:
            import_ms(module)
        except Exception as error:  # noqa: BLE001 (reported; the other rows still run)
            imports[module].fail(repr(error), errors)
    for _ in range(rounds):
        for module in IMPORTS:  # alternating within each round
            if imports[module].correct:
                try:
                    imports[module].samples.append(import_ms(module))
                except Exception as error:  # noqa: BLE001
                    imports[module].fail(repr(error), errors)
    log(
        f"{CASE} import (ms, median): " + ", ".join(f"{r.contender} {_median(r.samples):.1f}" for r in imports.values())
    )

    for client, name in (("sync", "hamsa.Hamsa"), ("async", "hamsa.AsyncHamsa (64 in flight)")):
        row = Row(f"{name} RSS growth {_count(first)}->{_count(total)} requests", extra={"unit": "MB"})
        rows.append(row)
        try:
            probe = rss_growth(server, client, first, total, cap)
        except Exception as error:  # noqa: BLE001
            row.fail(repr(error), errors)
            continue
        row.samples.append(probe["rss_total_mb"] - probe["rss_first_mb"])
        row.extra.update(
            rss_at_first_mb=round(probe["rss_first_mb"], 1), rss_at_total_mb=round(probe["rss_total_mb"], 1)
        )
        row.extra.update(requests=probe["done"])
        if probe["wrong"]:
            row.fail(f"{probe['wrong']} wrong answers of {probe['done']}", errors)
        if probe["done"] < total:
            notes.append(f"{name}: only {probe['done']} of {total} requests within {cap:.0f}s")
        log(
            f"{CASE} {name}: RSS {probe['rss_first_mb']:.1f} MB after {first}, {probe['rss_total_mb']:.1f} MB after "
            f"{probe['done']} ({probe['seconds']:.1f}s)"
        )

    build, so_path, so_size = extension_build()
    sizes = len(rows)
    rows.append(Row(f"hamsa._native installed ({build} build)", samples=[so_size / 1e6], extra={"unit": "MB"}))
    if not smoke:
        wheel = build_wheel()
        if isinstance(wheel, str):
            errors.append(f"wheel: {wheel}; only the installed extension's size is reported")
        else:
            rows.append(Row(f"hamsa wheel ({wheel[0]})", samples=[wheel[1] / 1e6], extra={"unit": "MB"}))
    if build == "debug" and not smoke:
        errors.append("the installed extension is a DEBUG build: these figures are not the release SDK's")
    log(f"{CASE} sizes (MB): " + ", ".join(f"{r.contender} {r.samples[0]:.1f}" for r in rows[sizes:]))

    notes = [
        f"import: {rounds} rounds of a fresh `python -X importtime -c 'import X'` after one untimed import; "
        f"RSS: VmRSS after gc.collect(), after {first} and after {total} requests, each client in a fresh "
        f"interpreter; installed extension: {so_path.name}",
        versions(),
    ] + notes
    write_result(
        out,
        CASE,
        "Python footprint: import time, RSS growth, wheel size",
        "mixed",
        False,
        "hamsa",
        rows,
        [
            {"contender": "import hamsa", "at_most": 50.0, "unit": "ms"},
            {"contender": rows[len(IMPORTS)].contender, "at_most": 10.0, "unit": "MB"},
            {"contender": rows[len(IMPORTS) + 1].contender, "at_most": 10.0, "unit": "MB"},
        ],
        notes + errors,
    )
    return rows


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")


def _count(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and not n % 1000 else str(n)
