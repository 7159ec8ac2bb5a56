"""The exception hierarchy: `HamsaError` at the root, one class per core error code.

Every exception the SDK raises is a `HamsaError` (argument mistakes included: `InvalidArgumentError`
is also a `ValueError`), so `except hamsa.HamsaError` is enough. Each carries the core's facts: `code`,
`status_code`, `message`, `message_key`, `request_id`, `attempts`, and for invalid arguments `field`.
"""

from __future__ import annotations

from typing import Any

from . import _native


class Attempt:
    """One attempt of a request: how it ended (`"503"`, `"timeout"`, `"connect_failed"`,
    `"connection_lost"`) and how long the client waited before making it, in seconds. Read-only;
    compares and hashes by value."""

    # What `@dataclass(frozen=True)` gave, written out: `dataclasses` takes ~8 ms to import.
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


class APIStatusError(HamsaError):
    """The API answered with a non-2xx status (`status_code`); the base of the status-specific classes
    and the class of any status without its own (code `http_status`)."""


class BadRequestError(APIStatusError):
    """400 or 422: the server rejected the request's content."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class InsufficientBalanceError(APIStatusError):
    """402: not enough balance or credits."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this."""


class NotFoundError(APIStatusError):
    """404."""


class ConflictError(APIStatusError):
    """409."""


class RateLimitError(APIStatusError):
    """429, after the retries allowed."""


class InternalServerError(APIStatusError):
    """5xx, after the retries allowed."""


class APIError(HamsaError):
    """The API answered 2xx with `success: false`."""


class APIConnectionError(HamsaError):
    """The connection failed (refused, DNS, TLS, reset)."""


class APITimeoutError(APIConnectionError):
    """An attempt or the overall deadline ran out."""


class DecodeError(HamsaError):
    """The response could not be decoded."""


class InvalidArgumentError(HamsaError, ValueError):
    """An argument was invalid; nothing was sent. `field` names it (wire name)."""


class OutcomeUnknownError(HamsaError):
    """An operation that is unsafe to repeat (it places a call or starts a billed job) may or may not
    have taken effect, and was not retried. `cause` says what happened (e.g. `"timeout"`)."""


class RequestCancelledError(HamsaError):
    """The operation was cancelled."""


class ConfigurationError(HamsaError):
    """The client is misconfigured (no API key, an unusable base URL) or closed."""


class WebhookVerificationError(HamsaError):
    """A webhook request failed verification."""


class InternalError(HamsaError):
    """A bug in the SDK (a Rust panic, caught at the boundary). Please report it."""


# The core's error code -> its class. `tests/test_errors.py` checks it covers every catalog code.
CLASSES: dict[str, type[HamsaError]] = {
    "authentication": AuthenticationError,
    "permission_denied": PermissionDeniedError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "bad_request": BadRequestError,
    "insufficient_balance": InsufficientBalanceError,
    "rate_limited": RateLimitError,
    "server": InternalServerError,
    "http_status": APIStatusError,
    "api_error": APIError,
    "timeout": APITimeoutError,
    "connection": APIConnectionError,
    "decode": DecodeError,
    "invalid_argument": InvalidArgumentError,
    "outcome_unknown": OutcomeUnknownError,
    "cancelled": RequestCancelledError,
    "configuration": ConfigurationError,
    "webhook_verification": WebhookVerificationError,
    "internal": InternalError,
}


def from_native(error: _native.NativeError) -> HamsaError:
    """The Python exception for a native error."""
    import json  # only errors need it (cached in sys.modules after the first)

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
    message = f"{field}: {problem}"
    return InvalidArgumentError(message, code="invalid_argument", field=field, display=f"[invalid_argument] {message}")
