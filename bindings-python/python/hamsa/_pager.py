"""Auto-paging lists. `for item in client.phone_numbers.list()` walks every page; `.pages()` yields
whole pages; `.first_page()` sends exactly the one request the call describes (no page parameter is
added). Nothing is sent until one of them runs, and each run starts again from the page asked for."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Generic, TypeVar

from . import _native
from ._bridge import Core, settle
from ._errors import from_native
from ._generated.tables import OPERATIONS
from ._model import Model

T = TypeVar("T", bound=Model)
P = TypeVar("P", bound=Model)


class Page(Generic[T, P]):
    """One page: its `items` (models) and `data`, the whole page as the API sent it (e.g. `total`)."""

    __slots__ = ("items", "data")

    def __init__(self, items: list[T], data: P) -> None:
        self.items = items
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        """The page's wire JSON."""
        return self.data.to_dict()

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"Page({len(self.items)} items, data={self.data!r})"


class _Pager(Generic[T, P]):
    __slots__ = ("_core", "_operation", "_args", "_options", "_item", "_page")

    def __init__(
        self,
        core: Core,
        operation: str,
        args: dict[str, Any],
        options: dict[str, Any],
        item: type[T],
        page: type[P],
    ) -> None:
        self._core = core
        self._operation = operation
        self._args = args
        self._options = options
        self._item = item
        self._page = page

    def _start(self) -> _native.NativePager:
        return self._core.pager(self._operation, self._args, self._options)

    def _single(self, raw: dict[str, Any]) -> Page[T, P]:
        """A page from the operation's plain result (the page object): its items are under the field
        the catalog names (`items`, `calls`)."""
        items = raw.get(OPERATIONS[self._operation]["items"]) or []
        return Page(self._item._wrap_all(items), self._page._wrap(raw))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._operation})"


class SyncPager(_Pager[T, P]):
    """Iterate for every item of every page."""

    __slots__ = ()

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def pages(self) -> Iterator[Page[T, P]]:
        native = self._start()
        while True:
            try:
                raw = native.next_page()
            except _native.NativeError as error:
                raise from_native(error) from None
            if raw is None:
                return
            yield self._single(raw)

    def first_page(self) -> Page[T, P]:
        """Only the page the call asked for (one request)."""
        return self._single(self._core.invoke(self._operation, self._args, self._options))


class AsyncPager(_Pager[T, P]):
    """`async for` every item of every page."""

    __slots__ = ()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def pages(self) -> AsyncIterator[Page[T, P]]:
        native = self._start()
        while True:
            raw = await settle(native.next_page_async)
            if raw is None:
                return
            yield self._single(raw)

    async def first_page(self) -> Page[T, P]:
        """Only the page the call asked for (one request)."""
        return self._single(await self._core.invoke_async(self._operation, self._args, self._options))
