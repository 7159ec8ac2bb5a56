"""The bridge to the native module: JSON in, JSON out, native errors turned into `HamsaError`s. `Core`
is shared by `Hamsa` and `AsyncHamsa`; safe to use from many threads at once (the native client is, and
this holds no other state than the closed flag). `call_offline` runs the operations that need no client.

Async calls: the native side starts the call on its runtime and settles an asyncio future that we
create, through the event loop's `NativeWaker` (see `bindings-python/src/completion.rs`): the runtime's
threads never take the GIL, and a burst of results costs one loop callback. If the awaiting task is
cancelled (or the coroutine closed), `NativeCall.cancel()` drops the request in flight.

Results arrive as Python objects: the native side builds them from the core's typed result (what
`json.loads` would build from its wire JSON, with interned keys)."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from . import _native
from ._errors import from_native, invalid_argument
from ._generated.errors import ConfigurationError
from ._wire import dumps, milliseconds

if TYPE_CHECKING:
    # Only async calls need asyncio, and importing it is slow (the import-time target of
    # bench/results.md): `import hamsa` leaves it out. Those
    # calls import it where they run, when whoever runs the event loop has loaded it: a sys.modules
    # lookup. (`import asyncio`, not `from asyncio import ...`: for a package, the latter also runs
    # importlib's Python-level fromlist handling, several times slower.)
    import asyncio


def request_options(
    timeout: float | None,
    deadline: float | None,
    max_retries: int | None,
    extra_headers: Mapping[str, str] | None,
) -> dict[str, Any]:
    """Per-request options as the core's JSON (seconds -> milliseconds)."""
    options: dict[str, Any] = {}
    if timeout is not None:
        options["timeoutMs"] = milliseconds("timeout", timeout)
    if deadline is not None:
        options["deadlineMs"] = milliseconds("deadline", deadline)
    if max_retries is not None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise invalid_argument("max_retries", f"expected a non-negative int, got {max_retries!r}")
        options["maxRetries"] = max_retries
    if extra_headers is not None:
        options["headers"] = headers("extra_headers", extra_headers)
    return options


def headers(name: str, value: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise invalid_argument(name, "expected a mapping of header names to string values")
    return dict(value)


class Core:
    """One native client and whether it was closed."""

    __slots__ = ("_native",)

    def __init__(self, options: dict[str, Any]) -> None:
        try:
            self._native: _native.NativeClient | None = _native.NativeClient(dumps("options", options))
        except _native.NativeError as error:
            raise from_native(error) from None

    def native(self) -> _native.NativeClient:
        client = self._native
        if client is None:
            raise ConfigurationError("the client is closed", code="configuration")
        return client

    def close(self) -> None:
        # Dropping the native client closes its connection pool once no call is using it.
        self._native = None

    @property
    def closed(self) -> bool:
        return self._native is None

    def base_url(self) -> str:
        try:
            return self.native().base_url()
        except _native.NativeError as error:
            raise from_native(error) from None

    def invoke(self, operation: str, args: dict[str, Any], options: dict[str, Any]) -> Any:
        client = self.native()
        try:
            return client.invoke(operation, dumps("arguments", args), dumps("options", options) if options else "")
        except _native.NativeError as error:
            raise from_native(error) from None

    def start(
        self,
        operation: str,
        args: dict[str, Any],
        options: dict[str, Any],
        waker: _native.NativeWaker,
        future: asyncio.Future[Any],
    ) -> _native.NativeCall:
        """Starts an async call whose result settles `future`."""
        client = self.native()
        try:
            return client.invoke_async(
                waker, future, operation, dumps("arguments", args), dumps("options", options) if options else ""
            )
        except _native.NativeError as error:
            raise from_native(error) from None

    async def invoke_async(self, operation: str, args: dict[str, Any], options: dict[str, Any]) -> Any:
        import asyncio  # loaded already: a sys.modules lookup (see the import at the top)

        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        call = self.start(operation, args, options, waker_for(loop), future)
        try:
            return await future
        except _native.NativeError as error:
            raise from_native(error) from None
        except BaseException:
            call.cancel()
            raise

    def pager(self, operation: str, args: dict[str, Any], options: dict[str, Any]) -> _native.NativePager:
        client = self.native()
        try:
            return client.pager(operation, dumps("arguments", args), dumps("options", options) if options else "")
        except _native.NativeError as error:
            raise from_native(error) from None


def call_offline(operation: str, args: dict[str, Any]) -> Any:
    """Runs an operation that needs no client (kind `offline`, e.g. `webhooks.parse`) in the core."""
    import json  # here rather than at the top: `import hamsa` leaves json out

    try:
        # `webhook` is the native module's one entry point for every offline operation, by name.
        return json.loads(_native.webhook(operation, dumps("arguments", args)))
    except _native.NativeError as error:
        raise from_native(error) from None


async def settle(start: Callable[[_native.NativeWaker, asyncio.Future[Any]], _native.NativeCall]) -> Any:
    """Awaits what `start(waker, future)` started on the native side; errors become `HamsaError`s."""
    import asyncio  # loaded already: a sys.modules lookup (see the import at the top)

    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()
    call = start(waker_for(loop), future)
    try:
        return await future
    except _native.NativeError as error:
        raise from_native(error) from None
    except BaseException:
        call.cancel()
        raise


# The waker of each event loop, and the last one used (the common case: one loop).
_wakers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _native.NativeWaker] = weakref.WeakKeyDictionary()
_last: tuple[asyncio.AbstractEventLoop, _native.NativeWaker] | None = None


def waker_for(loop: asyncio.AbstractEventLoop) -> _native.NativeWaker:
    """The loop's waker, made on first use: one watched socket where the loop can watch one (any
    selector loop, uvloop), else `call_soon_threadsafe` (e.g. Windows' proactor loop)."""
    global _last
    last = _last
    if last is not None and last[0] is loop:
        return last[1]
    waker = _wakers.get(loop)
    if waker is None:
        waker = _new_waker(loop)
        _wakers[loop] = waker
    _last = (loop, waker)
    return waker


def _new_waker(loop: asyncio.AbstractEventLoop) -> _native.NativeWaker:
    try:
        waker = _native.NativeWaker.for_selector()
    except NotImplementedError:
        return _native.NativeWaker.for_loop(loop)
    try:
        loop.add_reader(waker.fileno(), waker)
    except NotImplementedError:
        return _native.NativeWaker.for_loop(loop)
    return waker


def _forget_wakers() -> None:
    # A forked child must not share its parent's wake-up sockets.
    global _last
    _last = None
    _wakers.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_wakers)
