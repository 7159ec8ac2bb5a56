"""The link between the Python clients and the native client: JSON in, JSON out, native errors turned
into `HamsaError`s. Shared by `Hamsa` and `AsyncHamsa`; safe to use from many threads at once (the
native client is, and this holds no other state than the closed flag)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import _native
from ._errors import ConfigurationError, from_native, invalid_argument
from ._wire import dumps, milliseconds


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
            text = client.invoke(operation, dumps("arguments", args), dumps("options", options))
        except _native.NativeError as error:
            raise from_native(error) from None
        return json.loads(text)

    async def invoke_async(self, operation: str, args: dict[str, Any], options: dict[str, Any]) -> Any:
        client = self.native()
        try:
            text = await client.invoke_async(operation, dumps("arguments", args), dumps("options", options))
        except _native.NativeError as error:
            raise from_native(error) from None
        return json.loads(text)

    def pager(self, operation: str, args: dict[str, Any], options: dict[str, Any]) -> _native.NativePager:
        client = self.native()
        try:
            return client.pager(operation, dumps("arguments", args), dumps("options", options))
        except _native.NativeError as error:
            raise from_native(error) from None
