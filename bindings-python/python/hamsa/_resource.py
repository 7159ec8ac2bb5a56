"""The base classes of the generated resources, and the one function behind the generated module-level
functions: one call = wire arguments + request options -> the core -> a typed result. The generated
methods only name their arguments and pass them here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from . import _native
from ._bridge import Core, call_offline, request_options, waker_for
from ._errors import from_native
from ._generated.tables import OPERATIONS
from ._model import Model
from ._pager import AsyncPager, SyncPager
from ._wire import OMIT, arguments

__all__ = ["OMIT", "AsyncResource", "SyncResource", "invoke_offline"]

Options = Optional[Mapping[str, str]]


def _result(operation: str, raw: Any) -> Any:
    model = OPERATIONS[operation]["result"]
    if model is None:
        return raw
    if isinstance(raw, list):
        # A result that is a list of models (the table names the item's model).
        wrap = Model._registry[model]._wrap
        return [wrap(item) if isinstance(item, dict) else item for item in raw]
    if not isinstance(raw, dict):
        return raw
    return Model._registry[model]._wrap(raw)


NativeError = _native.NativeError


def _pager_types(operation: str) -> tuple[type[Model], type[Model]]:
    spec = OPERATIONS[operation]
    return Model._registry[spec["item"]], Model._registry[spec["result"]]


def invoke_offline(operation: str, given: dict[str, Any]) -> Any:
    """An operation that needs no client (kind `offline`): what the generated functions of
    `hamsa.webhooks` call."""
    return _result(operation, call_offline(operation, arguments(operation, given)))


class _Resource:
    __slots__ = ("_core",)

    def __init__(self, core: Core) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"<{type(self).__name__} resource>"


class SyncResource(_Resource):
    __slots__ = ()

    def _invoke(
        self,
        operation: str,
        given: dict[str, Any],
        timeout: float | None,
        deadline: float | None,
        max_retries: int | None,
        extra_headers: Options,
    ) -> Any:
        args = arguments(operation, given)
        options = request_options(timeout, deadline, max_retries, extra_headers)
        return _result(operation, self._core.invoke(operation, args, options))

    def _pager(
        self,
        operation: str,
        given: dict[str, Any],
        timeout: float | None,
        deadline: float | None,
        max_retries: int | None,
        extra_headers: Options,
    ) -> SyncPager[Any, Any]:
        args = arguments(operation, given)
        options = request_options(timeout, deadline, max_retries, extra_headers)
        return SyncPager(self._core, operation, args, options, *_pager_types(operation))


class AsyncResource(_Resource):
    __slots__ = ()

    async def _invoke(
        self,
        operation: str,
        given: dict[str, Any],
        timeout: float | None,
        deadline: float | None,
        max_retries: int | None,
        extra_headers: Options,
    ) -> Any:
        args = arguments(operation, given)
        options = request_options(timeout, deadline, max_retries, extra_headers)
        # Core.invoke_async, inlined: one coroutine less to step through on every call.
        import asyncio  # loaded already: a sys.modules lookup (see _bridge.py)

        loop = asyncio.get_running_loop()
        future = loop.create_future()
        call = self._core.start(operation, args, options, waker_for(loop), future)
        try:
            raw = await future
        except NativeError as error:
            raise from_native(error) from None
        except BaseException:
            call.cancel()
            raise
        return _result(operation, raw)

    def _pager(
        self,
        operation: str,
        given: dict[str, Any],
        timeout: float | None,
        deadline: float | None,
        max_retries: int | None,
        extra_headers: Options,
    ) -> AsyncPager[Any, Any]:
        args = arguments(operation, given)
        options = request_options(timeout, deadline, max_retries, extra_headers)
        return AsyncPager(self._core, operation, args, options, *_pager_types(operation))
