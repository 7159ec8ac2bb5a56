"""`python-sync`: 2,000 sequential `phone_numbers.get`, `hamsa.Hamsa` vs `requests.Session` + `.json()`
vs `httpx.Client`. Every contender sends the same request (path, `pid` query, Authorization header) over
one kept-alive connection and reads the decoded `id` and `number` of every answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import hamsa
import httpx
import requests

from common import API_KEY, AUTH_HEADERS, GET_PATH, NUMBER, PID, Row, log, run_sync, versions, write_result

CASE = "python-sync"
SDK = "hamsa.Hamsa"


def _contenders(server: str) -> list[tuple[str, Callable[[], bool], Callable[[], None]]]:
    """(name, one request returning whether its answer was right, close) for each contender."""
    sdk = hamsa.Hamsa(api_key=API_KEY, base_url=server)

    def sdk_get() -> bool:
        # A non-2xx status raises, so reaching the model means a 200.
        number = sdk.phone_numbers.get(pid=PID)
        return number.id == PID and number.number == NUMBER

    session = requests.Session()
    session.headers.update(AUTH_HEADERS)
    url = server + GET_PATH

    def requests_get() -> bool:
        response = session.get(url, params={"pid": PID})
        if response.status_code != 200:
            return False
        data = response.json()["data"]
        return data["id"] == PID and data["number"] == NUMBER

    client = httpx.Client(base_url=server, headers=AUTH_HEADERS)

    def httpx_get() -> bool:
        response = client.get(GET_PATH, params={"pid": PID})
        if response.status_code != 200:
            return False
        data = response.json()["data"]
        return data["id"] == PID and data["number"] == NUMBER

    return [
        (SDK, sdk_get, sdk.close),
        ("requests.Session+.json()", requests_get, session.close),
        ("httpx.Client", httpx_get, client.close),
    ]


def run(server: str, out: Path, smoke: bool) -> list[Row]:
    count, rounds, warmup, cap = (20, 1, 5, 5.0) if smoke else (2000, 5, 200, 10.0)
    contenders = _contenders(server)
    rows = {name: Row(name, concurrency=1) for name, _, _ in contenders}
    errors: list[str] = []
    capped: list[str] = []
    # Warm-up (connect, first-call caches) is not timed.
    for name, fetch, _ in contenders:
        try:
            for _ in range(warmup):
                fetch()
        except Exception as error:  # noqa: BLE001 (a broken contender is reported, the others still run)
            rows[name].fail(f"warm-up: {error!r}", errors)
    for round_no in range(rounds):
        # Contenders alternate within each round (A, B, C, A, B, C, ...), as the contract asks.
        for name, fetch, _ in contenders:
            row = rows[name]
            try:
                result = run_sync(fetch, count, cap)
            except Exception as error:  # noqa: BLE001
                row.fail(repr(error), errors)
                continue
            if result.wrong:
                row.fail(f"{result.wrong} wrong answers of {result.done}", errors)
            if result.done < count:
                capped.append(f"{name} round {round_no + 1}: {result.done}/{count} in {cap:.0f}s")
            row.samples.append(result.rate)
        rates = ", ".join(f"{r.contender} {r.samples[-1]:.0f}" for r in rows.values() if r.samples)
        log(f"{CASE} round {round_no + 1}/{rounds} (req/s): {rates}")
    for _, _, close in contenders:
        close()
    notes = [
        f"{count} sequential GETs per contender per round, {rounds} rounds, {warmup} untimed warm-up requests "
        "each, one kept-alive connection; every answer's status, id and number checked",
        versions(),
    ]
    notes += capped + errors
    write_result(
        out,
        CASE,
        "Python sync, 2,000 sequential phone_numbers.get",
        "req/s",
        True,
        SDK,
        list(rows.values()),
        [
            {"vs": "requests.Session+.json()", "concurrency": 1, "at_least": 1.5},
            {"vs": "httpx.Client", "concurrency": 1, "at_least": 2.0},
        ],
        notes,
    )
    return list(rows.values())
