"""`python-decode`: the ~1 MB phone-number list, fetched and decoded, one at a time: the SDK's typed
objects (`hamsa.AsyncHamsa`, `list(...).first_page()`) vs `aiohttp` + `json.loads` (plain dicts) vs
`httpx.AsyncClient` + pydantic v2 models (what generated SDKs do). Milliseconds per list, lower is better.

The SDK cannot decode without fetching, so every contender is timed from request to decoded items: the
same loopback transfer is in every figure and the differences are the decoding. Every contender then
reads the `id` of every item, because the SDK's models read their fields lazily: a fair figure includes
using what was decoded, not just holding it."""

from __future__ import annotations

import asyncio
import gc
import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import hamsa
import httpx

from common import API_KEY, AUTH_HEADERS, LIST_PARAMS, LIST_PATH, Row, check_list, log, versions, write_result
from models import PhoneNumberListEnvelope

CASE = "python-decode"
SDK = "hamsa.AsyncHamsa (typed)"

Fetch = Callable[[], Awaitable[bool]]


async def _contenders(server: str) -> tuple[list[tuple[str, Fetch]], Callable[[], Awaitable[None]]]:
    sdk = hamsa.AsyncHamsa(api_key=API_KEY, base_url=server)
    skip, take = int(LIST_PARAMS["skip"]), int(LIST_PARAMS["take"])

    async def sdk_list() -> bool:
        page = await sdk.phone_numbers.list(skip=skip, take=take).first_page()  # a non-2xx status raises
        items = page.items
        return check_list([item.id for item in items], items[0].number if items else None)

    session = aiohttp.ClientSession(headers=AUTH_HEADERS)
    url = server + LIST_PATH

    async def aiohttp_list() -> bool:
        async with session.get(url, params=LIST_PARAMS) as response:
            if response.status != 200:
                return False
            body = await response.read()
        items = json.loads(body)["data"]
        return check_list([item["id"] for item in items], items[0]["number"] if items else None)

    client = httpx.AsyncClient(base_url=server, headers=AUTH_HEADERS)

    async def pydantic_list() -> bool:
        response = await client.get(LIST_PATH, params=LIST_PARAMS)
        if response.status_code != 200:
            return False
        items = PhoneNumberListEnvelope.model_validate_json(response.content).data
        return check_list([item.id for item in items], items[0].number if items else None)

    async def close() -> None:
        await sdk.close()
        await session.close()
        await client.aclose()

    contenders = [(SDK, sdk_list), ("aiohttp+json.loads (dicts)", aiohttp_list), ("httpx+pydantic v2", pydantic_list)]
    return contenders, close


async def _run(server: str, smoke: bool) -> tuple[list[Row], list[str], str]:
    per_round, rounds, warmup = (1, 1, 1) if smoke else (5, 7, 2)
    contenders, close = await _contenders(server)
    rows = {name: Row(name, concurrency=1) for name, _ in contenders}
    errors: list[str] = []
    for name, fetch in contenders:
        try:
            for _ in range(warmup):
                await fetch()
        except Exception as error:  # noqa: BLE001 (a broken contender is reported, the others still run)
            rows[name].fail(f"warm-up: {error!r}", errors)
    for round_no in range(rounds):
        for name, fetch in contenders:  # alternating within each round
            row = rows[name]
            # Each batch starts from a collected heap, so that a full collection made necessary by one
            # contender's objects (pydantic's models are GC-tracked, the others' are not) is not paid
            # inside another contender's timing; the collections a batch causes itself stay in it.
            gc.collect()
            try:
                wrong = 0
                start = time.perf_counter()
                for _ in range(per_round):
                    if not await fetch():
                        wrong += 1
                elapsed = time.perf_counter() - start
            except Exception as error:  # noqa: BLE001
                row.fail(repr(error), errors)
                continue
            if wrong:
                row.fail(f"{wrong} wrong lists of {per_round}", errors)
            row.samples.append(elapsed * 1000 / per_round)
        times = ", ".join(f"{r.contender} {r.samples[-1]:.1f}" for r in rows.values() if r.samples)
        log(f"{CASE} round {round_no + 1}/{rounds} (ms per list): {times}")
    await close()
    shape = f"{per_round} lists per contender per round (sample = mean ms), {rounds} rounds, {warmup} warm-up each"
    return list(rows.values()), errors, shape


def run(server: str, out: Path, smoke: bool) -> list[Row]:
    rows, errors, shape = asyncio.run(_run(server, smoke))
    notes = [
        f"GET {LIST_PATH}?skip={LIST_PARAMS['skip']}&take={LIST_PARAMS['take']} (the SDK refuses take > 1000; "
        "the canned server sends its whole list), request to decoded items plus reading every item's id; "
        f"{shape}; gc.collect() before each batch (untimed); "
        "pydantic path: model_validate_json on the bytes, timestamps as str (its fastest form); "
        "item count, first/last id and first number checked",
        versions(),
    ]
    write_result(
        out,
        CASE,
        "Python typed decode, the ~1 MB phone-number list",
        "ms",
        False,
        SDK,
        rows,
        [
            {"vs": "httpx+pydantic v2", "concurrency": 1, "at_most": 1.0},
            {"vs": "aiohttp+json.loads (dicts)", "concurrency": 1, "at_most": 1.5},
        ],
        notes + errors,
    )
    return rows
