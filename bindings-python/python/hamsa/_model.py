"""The base of every model: a thin, immutable wrapper over the wire JSON object.

Attributes are the snake_case names of the wire fields (generated from the catalog); nested objects come
back as models; unknown fields are kept (`model["newField"]`, `to_dict()`); open enums are plain strings.
`repr` redacts secrets with the core's rules; equality compares the wire JSON.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, ClassVar

from . import _native
from ._generated.tables import MODELS

# Names a wire field may not take as an attribute, since the base class uses them.
RESERVED = frozenset({"to_dict"})


class _Field:
    """One generated attribute that holds models: reads its wire field and wraps them. (Plain fields
    are `_native.NativeField`s: the same dict lookup, done in C.)"""

    __slots__ = ("wire", "model", "many")

    def __init__(self, wire: str, model: str | None, many: bool) -> None:
        self.wire = wire
        self.model = model
        self.many = many

    def __get__(self, instance: Model | None, owner: type) -> Any:
        if instance is None:
            return self
        value = instance._data.get(self.wire)
        if value is None or self.model is None:
            return value
        cls = Model._registry[self.model]
        if self.many:
            return [cls._wrap(item) if isinstance(item, dict) else item for item in value]
        return cls._wrap(value) if isinstance(value, dict) else value


class Model:
    """A Hamsa object: snake_case attributes over its wire JSON."""

    __slots__ = ("_data",)
    _registry: ClassVar[dict[str, type[Model]]] = {}
    # Whether instances hold nothing but `_data` (no `__dict__`, no other slot): see `_wrap_all`.
    _plain: ClassVar[bool] = True
    _data: dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        Model._registry[cls.__name__] = cls
        cls._plain = cls.__basicsize__ == Model.__basicsize__ and cls.__dictoffset__ == 0
        for name, (wire, model, many, _secret) in MODELS.get(cls.__name__, {}).items():
            if name in RESERVED:
                raise TypeError(f"{cls.__name__}.{name} clashes with a Model method")
            setattr(cls, name, _native.NativeField(wire) if model is None else _Field(wire, model, many))

    def __init__(self, data: Mapping[str, Any] | None = None, /, **fields: Any) -> None:
        from ._wire import model_to_wire

        wire = copy.deepcopy(dict(data)) if data is not None else {}
        wire.update(model_to_wire(type(self).__name__, fields, type(self).__name__))
        self._data = wire

    @classmethod
    def _wrap(cls, data: dict[str, Any]) -> Any:
        """A model over JSON the SDK just decoded (no copy)."""
        instance = cls.__new__(cls)
        instance._data = data
        return instance

    @classmethod
    def _wrap_all(cls, items: list[Any]) -> list[Any]:
        """`_wrap` over a page's items. For the generated classes, in one native call that also leaves
        the models out of the cyclic GC (they cannot be part of a cycle); see `_native.wrap_all`."""
        if cls._plain and type(items) is list:
            return _native.wrap_all(cls, items)
        new = cls.__new__
        wrapped = []
        for data in items:
            instance = new(cls)
            instance._data = data
            wrapped.append(instance)
        return wrapped

    def to_dict(self) -> dict[str, Any]:
        """The wire JSON (camelCase keys, unknown fields included), as a fresh copy."""
        return copy.deepcopy(self._data)

    def __getitem__(self, wire_name: str) -> Any:
        """A field by its wire name, known to this SDK or not."""
        return self._data[wire_name]

    def __contains__(self, wire_name: object) -> bool:
        return wire_name in self._data

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Model)
        return self._data == other._data

    # Models compare by value and wrap mutable JSON: not hashable, like dicts.
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        # Attribute-style names (snake_case) for every top-level field, known or not.
        fields = ", ".join(f"{_snake(k)}={v!r}" for k, v in self._redacted().items())
        return f"{type(self).__name__}({fields})"

    def _redacted(self) -> dict[str, Any]:
        import json  # only repr needs it: `import hamsa` leaves it out

        data: dict[str, Any] = json.loads(_native.redact_json(json.dumps(self._data)))
        for _name, (wire, _model, _many, secret) in MODELS.get(type(self).__name__, {}).items():
            if secret and data.get(wire) is not None:
                data[wire] = "[REDACTED]"
        return data

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._data))

    def __copy__(self) -> Any:
        return type(self)._wrap(dict(self._data))

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return type(self)._wrap(copy.deepcopy(self._data, memo))


def _snake(wire: str) -> str:
    import re  # only repr needs it: `import hamsa` leaves it out

    return re.sub(r"([A-Z])", r"_\1", wire).lower()


def _rebuild(cls: type[Model], data: dict[str, Any]) -> Model:
    return cls._wrap(data)  # type: ignore[no-any-return]
