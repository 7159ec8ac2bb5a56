"""Webhook helpers for web frameworks; they need no client.

from hamsa import webhooks

@app.post("/hamsa/webhook")
async def hook(request):
    webhooks.verify(headers=request.headers, auth_key="Token", auth_secret=SECRET)
    event = webhooks.parse(await request.body())
    if event.event_type == "call.ended": ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import _native
from ._errors import from_native, invalid_argument
from ._generated.models import WebhookEvent
from ._wire import dumps

__all__ = ["parse", "verify"]


def verify(
    authorization: str | None = None,
    *,
    auth_key: str,
    auth_secret: str,
    headers: Mapping[str, str] | None = None,
) -> bool:
    """Checks a webhook request's `Authorization` header (pass it, or the request's `headers`) against
    the `webhook_auth` you gave when placing the call, in constant time. Returns True, or raises
    `WebhookVerificationError`."""
    if headers is not None:
        if authorization is not None:
            raise invalid_argument("headers", "pass either authorization or headers, not both")
        authorization = _header(headers, "authorization")
    args = {"authorization": authorization, "authKey": auth_key, "authSecret": auth_secret}
    return bool(_call("webhooks.verify", args))


def parse(body: str | bytes | bytearray | memoryview) -> WebhookEvent:
    """The event in a webhook request's raw body. An event type this SDK does not know is kept as it
    is (`event.event_type` is then the new name, `event.data` its raw payload)."""
    if isinstance(body, (bytes, bytearray, memoryview)):
        # Invalid UTF-8 cannot be JSON; the core reports the body as undecodable, like any bad JSON.
        body = bytes(body).decode("utf-8", errors="replace")
    if not isinstance(body, str):
        raise invalid_argument("body", f"expected str or bytes, got {type(body).__name__}")
    event: WebhookEvent = WebhookEvent._wrap(_call("webhooks.parse", {"body": body}))
    return event


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, case-insensitively, from any mapping (framework header objects included)."""
    direct = headers.get(name)
    if direct is not None:
        return direct
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == name:
            return value
    return None


def _call(operation: str, args: dict[str, Any]) -> Any:
    import json  # here rather than at the top: `import hamsa` leaves json out

    try:
        return json.loads(_native.webhook(operation, dumps("arguments", args)))
    except _native.NativeError as error:
        raise from_native(error) from None
