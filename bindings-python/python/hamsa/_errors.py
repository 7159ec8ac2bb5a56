"""The exception hierarchy: `HamsaError` at the root, one class per core error code (generated into
`_generated/errors.py` from the catalog's error table; the root and the two bases are here).

Every exception the SDK raises is a `HamsaError` (argument mistakes included: `InvalidArgumentError`
is also a `ValueError`), so `except hamsa.HamsaError` is enough. Each carries the core's facts: `code`,
`status_code`, `message`, `message_key`, `request_id`, `attempts`, and for invalid arguments `field`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _native

if TYPE_CHECKING:
    from ._generated.errors import InvalidArgumentError


class Attempt:
    """One attempt of a request: how it ended (`"503"`, `"timeout"`, `"connect_failed"`,
    `"connection_lost"`) and how long the client waited before making it, in seconds. Read-only;
    compares and hashes by value."""

    # What `@dataclass(frozen=True)` gave, written out: importing `dataclasses` costs the import-time
    # target of bench/results.md more than these lines do.
    __slots__ = ("_outcome", "_delay")
    __match_args__ = ("outcome", "delay")

    def __init__(self, outcome: str, delay: float) -> None:
        self._outcome = outcome
        self._delay = delay

    @property
    def outcome(self) -> str:
        return self._outcome

    @property
    def delay(self) -> float:
        return self._delay

    def __repr__(self) -> str:
        return f"Attempt(outcome={self._outcome!r}, delay={self._delay!r})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Attempt)
        return (self._outcome, self._delay) == (other._outcome, other._delay)

    def __hash__(self) -> int:
        return hash((self._outcome, self._delay))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as the call that makes it, with any protocol (slots alone need protocol 2 or later).
        return (type(self), (self._outcome, self._delay))


class HamsaError(Exception):
    """Any failure of the Hamsa SDK."""

    code: str
    status_code: int | None
    message: str
    message_key: str | None
    request_id: str | None
    attempts: tuple[Attempt, ...]
    field: str | None
    cause: str | None

    def __init__(
        self,
        message: str,
        *,
        code: str = "internal",
        status_code: int | None = None,
        message_key: str | None = None,
        request_id: str | None = None,
        attempts: tuple[Attempt, ...] = (),
        field: str | None = None,
        cause: str | None = None,
        display: str | None = None,
    ) -> None:
        self.code = code
        self.status_code = status_code
        self.message = message
        self.message_key = message_key
        self.request_id = request_id
        self.attempts = tuple(attempts)
        self.field = field
        self.cause = cause
        self._display = display if display is not None else f"[{code}] {message}"
        super().__init__(self._display)

    def __str__(self) -> str:
        return self._display

    def __repr__(self) -> str:
        parts = [f"code={self.code!r}"]
        if self.status_code is not None:
            parts.append(f"status_code={self.status_code}")
        parts.append(f"message={self.message!r}")
        if self.message_key is not None:
            parts.append(f"message_key={self.message_key!r}")
        if self.request_id is not None:
            parts.append(f"request_id={self.request_id!r}")
        if self.attempts:
            parts.append(f"attempts={len(self.attempts)}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The keyword-only fields would be lost by Exception's default pickling (it replays `args`).
        state = {
            "code": self.code,
            "status_code": self.status_code,
            "message_key": self.message_key,
            "request_id": self.request_id,
            "attempts": self.attempts,
            "field": self.field,
            "cause": self.cause,
            "display": self._display,
        }
        return (_rebuild, (type(self), self.message, state))


def _rebuild(cls: type[HamsaError], message: str, state: dict[str, Any]) -> HamsaError:
    return cls(message, **state)


# The bases the generated classes derive from (`_generated/errors.py`: one class per error code of the
# core, and `CLASSES`, the table from code to class). Each is also the class of one code.


class APIStatusError(HamsaError):
    """The API answered with a non-2xx status (`status_code`); the base of the status-specific classes
    and the class of any status without its own (code `http_status`)."""


class APIConnectionError(HamsaError):
    """The connection failed (refused, DNS, TLS, reset); the base of `APITimeoutError` (code
    `connection`)."""


def from_native(error: _native.NativeError) -> HamsaError:
    """The Python exception for a native error."""
    import json  # only errors need it (cached in sys.modules after the first)

    # Imported here, not at the top: the generated classes derive from this module's.
    from ._generated.errors import CLASSES, InternalError

    try:
        facts: dict[str, Any] = json.loads(error.args[0])
    except (IndexError, TypeError, ValueError):
        return InternalError(f"unreadable native error: {error!r}", code="internal")
    code = str(facts.get("code") or "internal")
    attempts = tuple(
        Attempt(outcome=str(a.get("outcome")), delay=float(a.get("delayBeforeMs") or 0) / 1000.0)
        for a in facts.get("attempts") or ()
    )
    return CLASSES.get(code, HamsaError)(
        str(facts.get("message") or ""),
        code=code,
        status_code=facts.get("status"),
        message_key=facts.get("messageKey"),
        request_id=facts.get("requestId"),
        attempts=attempts,
        field=facts.get("field"),
        cause=facts.get("cause"),
        display=facts.get("display"),
    )


def invalid_argument(field: str, problem: str) -> InvalidArgumentError:
    """An argument mistake found in Python before the core saw it (wrong Python type, unusable value)."""
    from ._generated.errors import InvalidArgumentError  # (not at the top: see from_native)

    message = f"{field}: {problem}"
    return InvalidArgumentError(message, code="invalid_argument", field=field, display=f"[invalid_argument] {message}")
