"""Run by footprint_case in a fresh interpreter: a client makes `--first` requests, then more up to
`--total`, and the resident set size is read after each (after a full GC, so garbage not yet collected is
not counted as growth). A fresh process so that nothing else the bench ran is in its memory.

Prints one JSON line: {"rss_first_mb", "rss_total_mb", "done", "wrong", "seconds"}."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import time

import hamsa

from common import API_KEY, NUMBER, PID, Run, run_async, run_sync


def rss_mb() -> float:
    # VmRSS is the current resident set (not the peak): growth between two readings is what stayed.
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def reading() -> float:
    gc.collect()
    return rss_mb()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--client", choices=["sync", "async"], required=True)
    parser.add_argument("--first", type=int, required=True)
    parser.add_argument("--total", type=int, required=True)
    parser.add_argument("--in-flight", type=int, default=64)
    parser.add_argument("--cap", type=float, required=True, help="seconds for all the requests")
    args = parser.parse_args()
    start = time.perf_counter()
    deadline = start + args.cap
    if args.client == "sync":
        client = hamsa.Hamsa(api_key=API_KEY, base_url=args.server)

        def get() -> bool:
            number = client.phone_numbers.get(pid=PID)
            return number.id == PID and number.number == NUMBER

        first = run_sync(get, args.first, args.cap)
        rss_first = reading()
        rest = run_sync(get, args.total - first.done, max(deadline - time.perf_counter(), 0.001))
        rss_total = reading()
        client.close()
    else:

        async def measure() -> tuple[Run, float, Run, float]:
            client = hamsa.AsyncHamsa(api_key=API_KEY, base_url=args.server)

            async def get() -> bool:
                number = await client.phone_numbers.get(pid=PID)
                return number.id == PID and number.number == NUMBER

            first = await run_async(get, args.first, args.in_flight, args.cap)
            rss_first = reading()
            left = max(deadline - time.perf_counter(), 0.001)
            rest = await run_async(get, args.total - first.done, args.in_flight, left)
            rss_total = reading()
            await client.close()
            return first, rss_first, rest, rss_total

        first, rss_first, rest, rss_total = asyncio.run(measure())
    print(
        json.dumps(
            {
                "rss_first_mb": rss_first,
                "rss_total_mb": rss_total,
                "done": first.done + rest.done,
                "wrong": first.wrong + rest.wrong,
                "seconds": time.perf_counter() - start,
            }
        )
    )


if __name__ == "__main__":
    main()  # and a normal exit, as in bench.py
