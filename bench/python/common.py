"""What every Python case shares: the canned data fixed by bench/CONTRACT.md, the bounded timing loops,
and the result file. Each case module (sync_case, async_case, decode_case, footprint_case) only says which
contenders run and how one request looks for each."""

from __future__ import annotations

import asyncio
import json
import os
import platform
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

# The canned server's answers (bench/CONTRACT.md). Every contender is checked against them.
PID = "d949f13f-40d2-4e48-ac86-b66633070603"
NUMBER = "+9700000000"
GET_PATH = "/v1/voice-agents/phone-number"
LIST_PATH = "/v1/voice-agents/phone-number/list"
# The contract's list is ~1 MB: PhoneNumbers `pn-00000`, `pn-00001`, ... (5,000 of them). The contract
# writes the request as `take=5000`, but the SDK's core refuses a `take` above 1000 (core/src/endpoints/
# phone_numbers.rs, validate::in_range), so every contender asks `take=1000` (the same request for all)
# and the canned server, which answers the list path from bytes prepared at start-up, sends it all.
LIST_PARAMS = {"skip": "1", "take": "1000"}
LIST_ITEMS = 5000
FIRST_LIST_ID = "pn-00000"
API_KEY = "bench"
# The header the SDK sends (`Authorization: Token <key>`), so the plain clients send the same bytes.
AUTH_HEADERS = {"Authorization": f"Token {API_KEY}"}
# Deadline checks cost a clock read: do one every this many requests (a power of two, for the mask).
CHECK_EVERY = 64


@dataclass
class Row:
    """One contender (at one concurrency): a sample per round, and whether every answer was right."""

    contender: str
    concurrency: int | None = None
    samples: list[float] = field(default_factory=list)
    correct: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def fail(self, why: str, errors: list[str]) -> None:
        self.correct = False
        errors.append(f"{self.contender}{'' if self.concurrency is None else f' @{self.concurrency}'}: {why}")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"contender": self.contender}
        if self.concurrency is not None:
            out["concurrency"] = self.concurrency
        out["samples"] = [round(s, 3) for s in self.samples]
        out["correct"] = self.correct
        out.update(self.extra)
        return out


@dataclass
class Run:
    """The outcome of one timed loop: how many requests ran, how long they took, how many were wrong."""

    done: int
    seconds: float
    wrong: int

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0


def run_sync(fetch: Callable[[], bool], count: int, cap_seconds: float) -> Run:
    """`count` sequential calls of `fetch` (True = a correct answer), stopped early after `cap_seconds`:
    the rate of a capped run is still a rate, and the whole harness stays bounded in time."""
    wrong = 0
    done = 0
    start = time.perf_counter()
    deadline = start + cap_seconds
    while done < count:
        if not fetch():
            wrong += 1
        done += 1
        if not done % CHECK_EVERY and time.perf_counter() > deadline:
            break
    return Run(done, time.perf_counter() - start, wrong)


async def run_async(fetch: Callable[[], Awaitable[bool]], count: int, in_flight: int, cap_seconds: float) -> Run:
    """`count` calls of `fetch` with `in_flight` of them awaiting at any time: `in_flight` workers share
    one counter. Workers (not one task per request behind a semaphore) so that no contender pays for
    5,000 task creations that a real program would not make either."""
    remaining = count
    wrong = 0
    done = 0
    start = time.perf_counter()
    deadline = start + cap_seconds
    stop = False

    async def worker() -> None:
        nonlocal remaining, wrong, done, stop
        while remaining > 0 and not stop:
            remaining -= 1
            if not await fetch():
                wrong += 1
            done += 1
            if not done % CHECK_EVERY and time.perf_counter() > deadline:
                stop = True

    await asyncio.gather(*(worker() for _ in range(min(in_flight, count))))
    return Run(done, time.perf_counter() - start, wrong)


def check_list(ids: list[str], first_number: str | None) -> bool:
    """The decoded list: the item count, the first and last ids in order, the first number's prefix."""
    return (
        len(ids) == LIST_ITEMS
        and ids[0] == FIRST_LIST_ID
        and ids[-1] == f"pn-{LIST_ITEMS - 1:05d}"
        and (first_number or "").startswith("+97000")
    )


def extension_build() -> tuple[str, Path, int]:
    """Whether the installed `hamsa._native` is a debug or a release build, its path and its size in
    bytes. A dev build keeps line tables (a `.debug_line` section); a release build has no debug section.
    A real run on a debug build would measure the wrong thing, so the notes say which it was."""
    import hamsa._native as native

    path = Path(native.__file__ or "")
    data = path.read_bytes()
    sections = _elf_sections(data)
    if sections is None:
        return "unknown", path, len(data)
    return ("debug" if ".debug_line" in sections else "release"), path, len(data)


def _elf_sections(data: bytes) -> set[str] | None:
    """The section names of a 64-bit little-endian ELF file (Linux x86-64/arm64), or None if it is not one.
    (Searching the bytes for ".debug_line" is not enough: the unwinder in every Rust binary holds that
    string as data.)"""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    shoff = int.from_bytes(data[0x28:0x30], "little")
    shentsize = int.from_bytes(data[0x3A:0x3C], "little")
    shnum = int.from_bytes(data[0x3C:0x3E], "little")
    shstrndx = int.from_bytes(data[0x3E:0x40], "little")

    def header(index: int) -> tuple[int, int, int]:
        at = shoff + index * shentsize
        name = int.from_bytes(data[at : at + 4], "little")
        offset = int.from_bytes(data[at + 0x18 : at + 0x20], "little")
        size = int.from_bytes(data[at + 0x20 : at + 0x28], "little")
        return name, offset, size

    _, strings_at, strings_size = header(shstrndx)
    strings = data[strings_at : strings_at + strings_size]
    return {
        strings[name : strings.index(b"\0", name)].decode("ascii", "replace")
        for name, _, _ in map(header, range(shnum))
    }


def versions() -> str:
    """Interpreter, platform, CPU pinning and every contender's version, for the notes."""
    names = ["hamsa", "requests", "httpx", "aiohttp", "pydantic", "pydantic_core"]
    parts = [f"Python {platform.python_version()} ({platform.python_implementation()})", platform.platform()]
    try:
        parts.append(f"CPUs allowed {sorted(os.sched_getaffinity(0))} of {os.cpu_count()}")
    except AttributeError:  # not Linux
        parts.append(f"{os.cpu_count()} CPUs")
    for name in names:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} not installed")
    build, _path, size = extension_build()
    parts.append(f"hamsa._native {build} build, {size / 1e6:.1f} MB")
    return "; ".join(parts)


def write_result(
    out_dir: Path,
    case: str,
    title: str,
    unit: str,
    higher_is_better: bool,
    sdk: str,
    rows: list[Row],
    targets: list[dict[str, Any]],
    notes: list[str],
) -> Path:
    """`<out>/<case>.json` in the contract's format."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{case}.json"
    document = {
        "case": case,
        "title": title,
        "unit": unit,
        "higher_is_better": higher_is_better,
        "sdk": sdk,
        "rows": [row.to_json() for row in rows],
        "targets": targets,
        "notes": " | ".join(notes),
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def log(message: str) -> None:
    """Progress on stderr, so stdout stays for the summary lines."""
    print(message, file=sys.stderr, flush=True)
