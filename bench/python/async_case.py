"""`python-async`: 5,000 `phone_numbers.get` at 1/16/64/256 in flight, `hamsa.AsyncHamsa` vs
`httpx.AsyncClient` vs `aiohttp`, all on one default asyncio event loop (no uvloop: what most programs
run). Each client may open as many connections as there are requests in flight (httpx and aiohttp cap
their pools at 100 by default; the SDK's pool has no cap), so no contender queues behind its own pool."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import hamsa
import httpx

from common import API_KEY, AUTH_HEADERS, GET_PATH, NUMBER, PID, Row, log, run_async, versions, write_result

CASE = "python-async"
SDK = "hamsa.AsyncHamsa"
LEVELS = (1, 16, 64, 256)

Fetch = Callable[[], Awaitable[bool]]


async def _contenders(server: str) -> tuple[list[tuple[str, Fetch]], Callable[[], Awaitable[None]]]:
    """(name, one request returning whether its answer was right) for each contender, and a closer."""
    sdk = hamsa.AsyncHamsa(api_key=API_KEY, base_url=server)

    async def sdk_get() -> bool:
        number = await sdk.phone_numbers.get(pid=PID)  # a non-2xx status raises
        return number.id == PID and number.number == NUMBER

    most = max(LEVELS)
    client = httpx.AsyncClient(
        base_url=server,
        headers=AUTH_HEADERS,
        limits=httpx.Limits(max_connections=most, max_keepalive_connections=most),
    )

    async def httpx_get() -> bool:
        response = await client.get(GET_PATH, params={"pid": PID})
        if response.status_code != 200:
            return False
        data = response.json()["data"]
        return data["id"] == PID and data["number"] == NUMBER

    session = aiohttp.ClientSession(headers=AUTH_HEADERS, connector=aiohttp.TCPConnector(limit=most))
    url = server + GET_PATH

    async def aiohttp_get() -> bool:
        async with session.get(url, params={"pid": PID}) as response:
            if response.status != 200:
                return False
            data = (await response.json())["data"]
        return data["id"] == PID and data["number"] == NUMBER

    async def close() -> None:
        await sdk.close()
        await client.aclose()
        await session.close()

    return [(SDK, sdk_get), ("httpx.AsyncClient", httpx_get), ("aiohttp", aiohttp_get)], close


async def _run(server: str, smoke: bool) -> tuple[list[Row], list[str], dict[str, float]]:
    count, rounds, cap = (40, 1, 5.0) if smoke else (5000, 3, 5.0)
    contenders, close = await _contenders(server)
    rows: list[Row] = []
    errors: list[str] = []
    capped: list[str] = []
    for level in LEVELS:
        level_rows = {name: Row(name, concurrency=level) for name, _ in contenders}
        rows += level_rows.values()
        # Untimed warm-up at this level: opens the connections the timed rounds will reuse.
        for name, fetch in contenders:
            try:
                await run_async(fetch, min(count, 4 * level), level, cap)
            except Exception as error:  # noqa: BLE001 (a broken contender is reported, the others still run)
                level_rows[name].fail(f"warm-up: {error!r}", errors)
        for round_no in range(rounds):
            for name, fetch in contenders:  # alternating within each round
                row = level_rows[name]
                try:
                    result = await run_async(fetch, count, level, cap)
                except Exception as error:  # noqa: BLE001
                    row.fail(repr(error), errors)
                    continue
                if result.wrong:
                    row.fail(f"{result.wrong} wrong answers of {result.done}", errors)
                if result.done < count:
                    capped.append(f"{name} @{level} round {round_no + 1}: {result.done}/{count} in {cap:.0f}s")
                row.samples.append(result.rate)
            rates = ", ".join(f"{r.contender} {r.samples[-1]:.0f}" for r in level_rows.values() if r.samples)
            log(f"{CASE} {level} in flight, round {round_no + 1}/{rounds} (req/s): {rates}")
    await close()
    return rows, capped + errors, {"count": count, "rounds": rounds, "cap": cap}


def run(server: str, out: Path, smoke: bool) -> list[Row]:
    rows, problems, sizes = asyncio.run(_run(server, smoke))
    notes = [
        f"{sizes['count']:.0f} GETs per contender per level per round, {sizes['rounds']:.0f} rounds, "
        f"runs capped at {sizes['cap']:.0f}s; N workers share one counter for N in flight; untimed warm-up "
        "of 4N requests per level; default asyncio loop; pools sized to 256 connections; "
        "every answer's status, id and number checked",
        versions(),
    ]
    write_result(
        out,
        CASE,
        "Python asyncio, 5,000 requests",
        "req/s",
        True,
        SDK,
        rows,
        [
            {"vs": "httpx.AsyncClient", "concurrency": 64, "at_least": 3.0},
            {"vs": "aiohttp", "concurrency": 64, "at_least": 1.2},
        ],
        notes + problems,
    )
    return rows
