"""`Hamsa` (blocking) and `AsyncHamsa` (asyncio): the same options and resources, one core each."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from types import TracebackType
from typing import Any, NoReturn

from ._bridge import Core, headers
from ._errors import invalid_argument
from ._generated.errors import ConfigurationError
from ._generated.resources import AsyncResources, SyncResources
from ._wire import milliseconds

_BINDING = f"python/{sys.version_info.major}.{sys.version_info.minor}"


def client_options(
    api_key: str | None,
    base_url: str | None,
    region: str | None,
    timeout: float | None,
    max_retries: int | None,
    default_headers: Mapping[str, str] | None,
    auth_scheme: str | None,
    connect_timeout: float | None,
    deadline: float | None,
    retry_initial_delay: float | None,
    retry_max_delay: float | None,
) -> dict[str, Any]:
    """The core's client options (camelCase, milliseconds); unset ones are left to the core."""
    options: dict[str, Any] = {"binding": _BINDING}
    for name, wire, value in (
        ("api_key", "apiKey", api_key),
        ("base_url", "baseUrl", base_url),
        ("region", "region", region),
        ("auth_scheme", "authScheme", auth_scheme),
    ):
        if value is not None:
            if not isinstance(value, str):
                raise invalid_argument(name, f"expected a str, got {type(value).__name__}")
            options[wire] = value
    for name, wire, seconds in (
        ("timeout", "timeoutMs", timeout),
        ("connect_timeout", "connectTimeoutMs", connect_timeout),
        ("deadline", "deadlineMs", deadline),
        ("retry_initial_delay", "retryInitialDelayMs", retry_initial_delay),
        ("retry_max_delay", "retryMaxDelayMs", retry_max_delay),
    ):
        if seconds is not None:
            options[wire] = milliseconds(name, seconds)
    if max_retries is not None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise invalid_argument("max_retries", f"expected a non-negative int, got {max_retries!r}")
        options["maxRetries"] = max_retries
    if default_headers is not None:
        options["defaultHeaders"] = headers("default_headers", default_headers)
    return options


class _Client:
    """What both clients share: construction from options, repr, close, no pickling."""

    _core: Core

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        region: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        auth_scheme: str | None = None,
        connect_timeout: float | None = None,
        deadline: float | None = None,
        retry_initial_delay: float | None = None,
        retry_max_delay: float | None = None,
    ) -> None:
        options = client_options(
            api_key,
            base_url,
            region,
            timeout,
            max_retries,
            default_headers,
            auth_scheme,
            connect_timeout,
            deadline,
            retry_initial_delay,
            retry_max_delay,
        )
        self._core = Core(options)
        self._init_resources()

    def _init_resources(self) -> None:
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        return self._core.base_url()

    @property
    def closed(self) -> bool:
        return self._core.closed

    def __repr__(self) -> str:
        if self._core.closed:
            return f"{type(self).__name__}(closed)"
        # The API key never leaves the native side, so there is nothing to redact but to say so.
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key='[REDACTED]')"

    def __reduce__(self) -> NoReturn:
        raise ConfigurationError(
            f"a {type(self).__name__} client cannot be pickled or copied: create one in each process "
            "(clients are cheap and safe to share between threads)",
            code="configuration",
        )


class Hamsa(_Client, SyncResources):
    """The blocking client. One instance can be shared by many threads; each call releases the GIL
    while it waits. Use it as a context manager, or call `close()`, to free its connections early."""

    def _init_resources(self) -> None:
        SyncResources.__init__(self, self._core)

    def close(self) -> None:
        """Closes the connections; any later call raises `ConfigurationError`."""
        self._core.close()

    def __enter__(self) -> Hamsa:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncHamsa(_Client, AsyncResources):
    """The asyncio client: every call is an awaitable on the running event loop, and cancelling the
    task that awaits it cancels the request. Use it with `async with`, or `await client.close()`."""

    def _init_resources(self) -> None:
        AsyncResources.__init__(self, self._core)

    async def close(self) -> None:
        """Closes the connections; any later call raises `ConfigurationError`."""
        self._core.close()

    async def __aenter__(self) -> AsyncHamsa:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
