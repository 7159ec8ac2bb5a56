"""The Python-specific behaviour of the clients: threads, cancellation, fork, context managers."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import hamsa
import pytest
from conformance import Mock
from scripted import JOB_ID, Served, get_job_exchange


def test_threads_share_one_client_and_run_in_parallel(mock: Mock) -> None:
    # 8 requests that each take 300 ms: in parallel only if the GIL is released while waiting.
    served = Served(mock, [get_job_exchange(delay_ms=300) for _ in range(8)])
    client = hamsa.Hamsa(**served.options)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        jobs = list(pool.map(lambda _: client.jobs.get(job_id=JOB_ID), range(8)))
    elapsed = time.monotonic() - started
    assert all(job.id == JOB_ID for job in jobs)
    assert elapsed < 1.5, f"8 x 300 ms took {elapsed:.2f} s: the calls did not overlap"
    assert served.report() == {"requests": 8, "failures": []}


def test_other_python_threads_run_while_a_call_waits(mock: Mock) -> None:
    served = Served(mock, [get_job_exchange(delay_ms=500)])
    client = hamsa.Hamsa(**served.options)
    ticks = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.01)

    counter = threading.Thread(target=count)
    counter.start()
    client.jobs.get(job_id=JOB_ID)
    stop.set()
    counter.join()
    assert ticks > 20


def test_cancelling_the_task_stops_the_rust_side(mock: Mock) -> None:
    # jobs.wait polls every 100 ms; once the task is cancelled no further poll may reach the mock.
    served = Served(mock, [get_job_exchange() for _ in range(20)])

    async def main() -> None:
        async with hamsa.AsyncHamsa(**served.options) as client:
            task = asyncio.ensure_future(client.jobs.wait(job_id=JOB_ID, poll_interval=0.1))
            await asyncio.sleep(0.35)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            await asyncio.sleep(0.6)

    asyncio.run(main())
    report = served.report()
    assert 1 <= report["requests"] <= 4, report
    assert report["failures"] == []


def test_cancelling_a_slow_request_returns_at_once(mock: Mock) -> None:
    served = Served(mock, [get_job_exchange(delay_ms=5000)])

    async def main() -> float:
        async with hamsa.AsyncHamsa(**served.options) as client:
            task = asyncio.ensure_future(client.jobs.get(job_id=JOB_ID))
            await asyncio.sleep(0.2)
            started = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return time.monotonic() - started

    assert asyncio.run(main()) < 0.5
    served.report()


def test_async_calls_run_concurrently_on_one_loop(mock: Mock) -> None:
    served = Served(mock, [get_job_exchange(delay_ms=300) for _ in range(6)])

    async def main() -> None:
        async with hamsa.AsyncHamsa(**served.options) as client:
            jobs = await asyncio.gather(*(client.jobs.get(job_id=JOB_ID) for _ in range(6)))
            assert [job.id for job in jobs] == [JOB_ID] * 6

    started = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - started < 1.5
    assert served.report()["requests"] == 6


class _NoReaderLoop(asyncio.SelectorEventLoop):
    """A loop that cannot watch a descriptor, like Windows' proactor loop."""

    def add_reader(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError


def test_async_calls_work_on_a_loop_without_add_reader(mock: Mock) -> None:
    # The results then arrive through call_soon_threadsafe; cancelling still drops the request.
    served = Served(mock, [get_job_exchange() for _ in range(5)] + [get_job_exchange(delay_ms=5000)])

    async def main() -> None:
        from hamsa._bridge import waker_for

        assert waker_for(asyncio.get_running_loop()).fileno() == -1  # the fallback, not a watched socket
        async with hamsa.AsyncHamsa(**served.options) as client:
            jobs = await asyncio.gather(*(client.jobs.get(job_id=JOB_ID) for _ in range(5)))
            assert [job.id for job in jobs] == [JOB_ID] * 5
            task = asyncio.ensure_future(client.jobs.get(job_id=JOB_ID))
            await asyncio.sleep(0.2)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    loop = _NoReaderLoop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
    assert served.report() == {"requests": 6, "failures": []}


def test_one_client_serves_event_loops_in_several_threads(mock: Mock) -> None:
    # Each loop gets its own waker; no result may reach another loop's future.
    served = Served(mock, [get_job_exchange() for _ in range(4 * 10)])
    client = hamsa.AsyncHamsa(**served.options)

    async def calls() -> list[str]:
        jobs = await asyncio.gather(*(client.jobs.get(job_id=JOB_ID) for _ in range(10)))
        return [job.id for job in jobs]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: asyncio.run(calls()), range(4)))
    assert results == [[JOB_ID] * 10] * 4
    assert served.report() == {"requests": 40, "failures": []}


def test_errors_and_results_settle_in_one_burst(mock: Mock) -> None:
    # Many calls finishing together, some failing: every awaiter gets its own outcome, typed.
    ok = get_job_exchange()
    missing = {
        "request": ok["request"],
        "response": {"status": 404, "body": {"success": False, "message": "Job not found"}},
    }
    served = Served(mock, [ok, missing] * 10)

    async def main() -> list[object]:
        async with hamsa.AsyncHamsa(**served.options, max_retries=0) as client:
            return await asyncio.gather(*(client.jobs.get(job_id=JOB_ID) for _ in range(20)), return_exceptions=True)

    outcomes = asyncio.run(main())
    assert sum(isinstance(o, hamsa.Job) and o.id == JOB_ID for o in outcomes) == 10
    assert sum(isinstance(o, hamsa.NotFoundError) for o in outcomes) == 10
    assert served.report()["requests"] == 20


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_client_works_in_a_forked_child(mock: Mock) -> None:
    served = Served(mock, [get_job_exchange("PENDING"), get_job_exchange("COMPLETED")])
    client = hamsa.Hamsa(**served.options)
    assert client.jobs.get(job_id=JOB_ID).status == "PENDING"  # the runtime and the pool now exist
    pid = os.fork()
    if pid == 0:  # the child: must work (or fail clearly), never hang
        code = 1
        try:
            code = 0 if client.jobs.get(job_id=JOB_ID).status == "COMPLETED" else 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + 20
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung")
        time.sleep(0.05)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    assert served.report() == {"requests": 2, "failures": []}


def test_context_managers_close_the_client(mock: Mock) -> None:
    served = Served(mock, [get_job_exchange()])
    with hamsa.Hamsa(**served.options) as client:
        assert client.jobs.get(job_id=JOB_ID).id == JOB_ID
    assert client.closed
    with pytest.raises(hamsa.ConfigurationError, match="closed"):
        client.jobs.get(job_id=JOB_ID)

    async def main() -> hamsa.AsyncHamsa:
        async with hamsa.AsyncHamsa(**served.options) as aclient:
            pass
        with pytest.raises(hamsa.ConfigurationError, match="closed"):
            await aclient.jobs.get(job_id=JOB_ID)
        return aclient

    assert asyncio.run(main()).closed
    assert served.report()["requests"] == 1


def test_a_panic_becomes_an_internal_hamsa_error() -> None:
    from typing import Any, cast

    from hamsa import _native
    from hamsa._errors import from_native

    # The hooks exist only in a build with the crate's `testing` feature (test.sh makes one), so the
    # production stub does not list them.
    hooks = cast(Any, _native)
    assert hasattr(hooks, "_panic_for_tests"), "build the extension with `maturin develop --features testing`"
    with pytest.raises(_native.NativeError) as caught:
        hooks._panic_for_tests("boom")
    error = from_native(caught.value)
    assert isinstance(error, hamsa.InternalError) and error.code == "internal" and "boom" in error.message

    from hamsa._bridge import settle

    async def main() -> None:
        await settle(lambda waker, future: hooks._panic_async_for_tests(waker, future, "async boom"))

    with pytest.raises(hamsa.InternalError) as raised:
        asyncio.run(main())
    assert raised.value.code == "internal" and "async boom" in raised.value.message


def test_unparseable_argument_json_is_an_invalid_argument_at_every_native_entry_point() -> None:
    import json

    from hamsa import _native
    from hamsa._bridge import waker_for
    from hamsa._errors import from_native

    client = _native.NativeClient(json.dumps({"apiKey": "k", "baseUrl": "http://127.0.0.1:9"}))
    broken = '{"jobId": '

    async def invoke_async() -> None:
        loop = asyncio.get_running_loop()
        client.invoke_async(waker_for(loop), loop.create_future(), "jobs.get", broken, "")

    entry_points = {
        "NativeClient()": lambda: _native.NativeClient(broken),
        "invoke arguments": lambda: client.invoke("jobs.get", broken, ""),
        "invoke options": lambda: client.invoke("jobs.get", '{"jobId": "j"}', broken),
        "invoke_async": lambda: asyncio.run(invoke_async()),
        "pager": lambda: client.pager("phone_numbers.list", broken, ""),
        "webhook": lambda: _native.webhook("webhooks.parse", broken),
        "redact_json": lambda: _native.redact_json(broken),
    }
    for name, call in entry_points.items():
        with pytest.raises(_native.NativeError) as caught:
            call()
        error = from_native(caught.value)
        assert isinstance(error, hamsa.InvalidArgumentError), (name, error)
        assert "not valid JSON" in error.message, (name, error.message)


def test_ctrl_c_interrupts_a_blocking_call(mock: Mock) -> None:
    # The sync client waits in slices without the GIL, so a SIGINT raises KeyboardInterrupt promptly.
    import subprocess
    import sys

    served = Served(mock, [get_job_exchange(delay_ms=10_000)])
    script = (
        "import hamsa, sys, time\n"
        f"client = hamsa.Hamsa(**{served.options!r})\n"
        "print('ready', flush=True)\n"
        "started = time.monotonic()\n"
        "try:\n"
        f"    client.jobs.get(job_id={JOB_ID!r})\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted after', round(time.monotonic() - started, 2), flush=True)\n"
        "    sys.exit(0)\n"
        "sys.exit(3)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    child.send_signal(signal.SIGINT)
    try:
        out, _ = child.communicate(timeout=3)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail("SIGINT did not interrupt the blocking call")
    assert child.returncode == 0 and "interrupted" in out, out
    served.report()
