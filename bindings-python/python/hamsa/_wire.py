"""Python arguments -> wire JSON, driven by the generated tables (never by hand per method).

Keywords are snake_case; the tables give each one's wire name, its conversion (seconds -> milliseconds,
bytes -> text) and the model it holds. Dicts for a typed nested object may use snake_case or wire keys
(an unknown key is sent under its camelCase name, so that the core refuses it like every other language
does); free-form values (`params`, `agent_details`) are sent exactly as given. The methods' signatures
are real, so an unknown keyword is Python's own `TypeError` before anything gets here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ._errors import invalid_argument
from ._generated.tables import MODELS, OPERATIONS

# Values sent as they are when a parameter has no conversion and no model: the common case, checked first.
_AS_IS = frozenset({str, int, float, bool, type(None)})


class _Omit:
    """The default of every keyword: the argument was not given (unlike `None`, which sends null)."""

    _instance: _Omit | None = None

    def __new__(cls) -> _Omit:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OMIT"

    def __bool__(self) -> bool:
        return False


OMIT: Any = _Omit()


def camel(name: str) -> str:
    """`twilio_phone_number` -> `twilioPhoneNumber` (`voice_agent_i_d` -> `voiceAgentID`)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def arguments(operation: str, given: Mapping[str, Any]) -> dict[str, Any]:
    """The wire arguments of one call (`given`: every keyword of the method, OMIT where not given)."""
    spec: dict[str, tuple[str, str | None, str | None, bool]] = OPERATIONS[operation]["params"]
    wire: dict[str, Any] = {}
    for name, value in given.items():
        if value is OMIT:
            continue
        wire_name, conversion, model, many = spec[name]
        if conversion is None and model is None and type(value) in _AS_IS:
            wire[wire_name] = value
        else:
            wire[wire_name] = _value(name, value, conversion, model, many)
    return wire


def _value(name: str, value: Any, conversion: str | None, model: str | None, many: bool) -> Any:
    if value is None:
        return None
    if conversion == "seconds":
        return milliseconds(name, value)
    if conversion == "text":
        return _text(name, value)
    if model is not None:
        if many:
            return [model_to_wire(model, item, name) for item in value]
        return model_to_wire(model, value, name)
    return plain(value)


def _text(name: str, value: Any) -> str:
    """A str, or the bytes a web framework hands over (a raw body, a header). Bytes that are not UTF-8
    cannot be JSON: they are replaced, and the core reports the text as undecodable like any bad JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", errors="replace")
    raise invalid_argument(name, f"expected str or bytes, got {type(value).__name__}")


def milliseconds(name: str, seconds: Any) -> int:
    """Seconds (int or float) -> whole milliseconds; refuses what is not a finite, non-negative number."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise invalid_argument(name, f"expected a number of seconds, got {type(seconds).__name__}")
    if not math.isfinite(seconds) or seconds < 0:
        raise invalid_argument(name, f"expected a finite, non-negative number of seconds, got {seconds!r}")
    return int(round(seconds * 1000))


def model_to_wire(model: str, value: Any, name: str) -> Any:
    """A nested input: a model instance, or a dict with snake_case or wire keys."""
    from ._model import Model

    if isinstance(value, Model):
        return value.to_dict()
    if not isinstance(value, Mapping):
        raise invalid_argument(name, f"expected a {model} or a dict, got {type(value).__name__}")
    fields = MODELS[model]
    wire: dict[str, Any] = {}
    for key, item in value.items():
        if key in fields:
            wire_name, nested, many, _ = fields[key]
            if nested is not None and item is not None:
                item = [model_to_wire(nested, i, key) for i in item] if many else model_to_wire(nested, item, key)
            else:
                item = plain(item)
            wire[wire_name] = item
        else:
            wire[key if _is_wire_key(fields, key) else camel(str(key))] = plain(item)
    return wire


def _is_wire_key(fields: Mapping[str, tuple[str, Any, bool, bool]], key: Any) -> bool:
    return any(spec[0] == key for spec in fields.values())


def plain(value: Any) -> Any:
    """Free-form JSON: models inside become their wire dicts, tuples become lists."""
    from ._model import Model

    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def dumps(what: str, value: Any) -> str:
    """JSON text for the native module; a value JSON cannot hold is an argument mistake."""
    import json  # here, not at the top: `import hamsa` leaves it out (the import-time target)

    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise invalid_argument(what, f"not representable as JSON: {error}") from None
