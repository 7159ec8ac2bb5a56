"""The catalog (`catalog.json`, see docs/catalog.md) read once into a language-neutral model.

Every backend works on this model and never on the JSON Schemas: references are resolved, nullable
alternatives folded, open enums and secrets recognised, and fields kept in the order the core declares
them. A new kind of field or operation is taught here, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The operation kinds every backend generates. The catalog reserves more (binary, audio_stream,
# session); meeting one of those fails loudly instead of leaving an operation out.
SUPPORTED_KINDS = ("plain", "paged", "waiter", "offline")


class CatalogError(Exception):
    """The catalog has something the generator cannot express; the message names it."""


@dataclass(frozen=True)
class Type:
    """A field, argument or result type.

    kind: string | int | long | double | bool | json | model | enum | array.
    `name` is the definition's name for model and enum; `item` the element type of an array.
    """

    kind: str
    name: str = ""
    item: "Type | None" = None
    secret: bool = False

    def spelled(self, scalars: dict[str, str], array: str, named: str = "{}") -> str:
        """The type in a language's spelling: `scalars` spells each scalar kind (string, int, json...),
        `array` wraps an element's spelling (`"[{}]"`, `"List<{}>"`), `named` a model's or enum's name."""
        if self.kind == "array":
            return array.format(self.item.spelled(scalars, array, named))
        return scalars[self.kind] if self.kind in scalars else named.format(self.name)

    def refs(self) -> list[str]:
        """The definitions this type names (itself or its elements)."""
        if self.kind in ("model", "enum"):
            return [self.name]
        return self.item.refs() if self.item else []


@dataclass(frozen=True)
class Field:
    wire: str  # the wire name, camelCase
    type: Type
    required: bool
    doc: str
    default_empty: bool = False  # an array the core fills with [] when the server leaves it out
    # The schema also allows null. Types fold it away; a binding whose types tell an absent field from a
    # null one (TypeScript's `?:` and `| null`) reads it here.
    nullable: bool = False

    @property
    def when_absent(self) -> str:
        """What a binding holds when the field is missing: "required" (it cannot be), "empty" (an array
        the core fills with []) or "none" (no value: nil, null, None)."""
        if self.required:
            return "required"
        return "empty" if self.default_empty else "none"

    @property
    def milliseconds(self) -> bool:
        """A duration in milliseconds (`timeoutMs`): a binding whose convention is seconds converts it."""
        return self.wire.endswith("Ms") and self.type.kind in ("int", "long")


@dataclass
class Model:
    name: str
    doc: str
    fields: list[Field]
    open: bool  # response models keep unknown fields; requests refuse them
    # `additionalProperties: true` is declared (the response models). `open` is also true for a schema
    # that says nothing (a nested input such as WebhookAuth): its unknown fields are not refused, but
    # a type that invites them (an index signature) would hide a misspelt field.
    unknown_fields_kept: bool = False

    def field(self, wire: str) -> Field:
        for candidate in self.fields:
            if candidate.wire == wire:
                return candidate
        raise CatalogError(f"{self.name} has no field {wire!r}")

    @property
    def has_secret(self) -> bool:
        return any(f.type.secret for f in self.fields)


@dataclass
class OpenEnum:
    name: str
    doc: str
    values: list[str]  # the known values; any other string is kept as it is


@dataclass(frozen=True)
class Http:
    method: str
    path: str
    query: tuple[str, ...]


@dataclass(frozen=True)
class Follow:
    operation: str  # the waiter that can follow the result
    source: str  # the result's field (wire name) that is the waiter's positional argument


@dataclass
class Operation:
    name: str  # calls.create_twilio
    resource: str  # calls
    method: str  # create_twilio
    kind: str  # one of SUPPORTED_KINDS
    summary: str
    params: Model  # the arguments
    result: Type
    positional: Field | None  # the argument a user passes first, if any
    http: Http | None
    safety: str | None  # safe | idempotent | unsafe; None for offline operations
    items: str | None = None  # paged: the page's field that holds the items
    item: Type | None = None  # paged: the type of one item
    polls: str | None = None  # waiter: the operation polled
    follow: Follow | None = None

    @property
    def needs_client(self) -> bool:
        return self.kind != "offline"

    def accepts_bytes(self, f: Field) -> bool:
        """Whether the argument may be handed over as raw bytes (decoded as UTF-8): the positional string
        argument of an offline operation, which works on what an HTTP request brought (a header value, a
        body), and web frameworks give that as bytes as often as text."""
        is_positional = self.positional is not None and f.wire == self.positional.wire
        return self.kind == "offline" and is_positional and f.type.kind == "string"

    def keyword_fields(self) -> list[Field]:
        """The arguments other than the positional one, in declaration order."""
        return [f for f in self.params.fields if self.positional is None or f.wire != self.positional.wire]

    def plain_parameters(self) -> list[Field] | None:
        """The arguments as a parameter list, for bindings that offer, next to the one taking the arguments
        object, an overload taking them one by one (`jobs.get(jobId)`): the positional argument first, then
        the other required ones, then the optional ones. None when the operation has no positional argument
        and more than its one required argument (spelling out every field of a large request would only
        repeat its model)."""
        fields = self.params.fields
        if self.positional is None and not (len(fields) == 1 and fields[0].required):
            return None
        return self.parameter_order()

    def parameter_order(self) -> list[Field]:
        """Every argument: the positional one first, then the other required ones, then the optional ones
        (declaration order within each)."""
        leading = [self.positional] if self.positional else []
        return leading + required_first([f for f in self.params.fields if f not in leading])


@dataclass(frozen=True)
class ErrorCode:
    code: str  # not_found
    exit_code: int  # the CLI's exit code
    http_status: str  # "404", "400, 422", "5xx", "other", or ""
    summary: str


@dataclass
class Catalog:
    version: str
    models: dict[str, Model]  # in the catalog's order
    enums: dict[str, OpenEnum]
    operations: list[Operation]  # the core's order: endpoints, then helpers
    errors: list[ErrorCode] = field(default_factory=list)

    def resources(self) -> list[str]:
        """Resource names in the order they first appear."""
        seen: list[str] = []
        for op in self.operations:
            if op.resource not in seen:
                seen.append(op.resource)
        return seen

    def operations_of(self, resource: str) -> list[Operation]:
        return [op for op in self.operations if op.resource == resource]

    def result_types(self) -> list[tuple[str, Type]]:
        """Each operation's name and result type (for a binding's table of typed round trips)."""
        return [(op.name, op.result) for op in self.operations]

    def item_types(self) -> list[tuple[str, Type]]:
        """Each paged operation's name and the type of one of its items."""
        return [(op.name, op.item) for op in self.operations if op.kind == "paged"]

    def is_offline(self, resource: str) -> bool:
        """Whether every operation of the resource runs without a client (the webhook helpers), so that a
        binding can put the resource on a client-free object. A resource mixing both is refused: no binding
        has a place for it."""
        kinds = {op.needs_client for op in self.operations_of(resource)}
        if len(kinds) > 1:
            raise CatalogError(f"resource {resource} mixes operations that need a client with ones that do not")
        return kinds == {False}

    def operation(self, name: str) -> Operation:
        for op in self.operations:
            if op.name == name:
                return op
        raise CatalogError(f"no operation {name!r}")

    def request_models(self) -> set[str]:
        return {op.params.name for op in self.operations}

    def reachable(self, names: list[str]) -> set[str]:
        """Every definition the given ones name, directly or through their fields."""
        found: set[str] = set()
        pending = list(names)
        while pending:
            name = pending.pop()
            if name in found:
                continue
            found.add(name)
            if name in self.models:
                for f in self.models[name].fields:
                    pending.extend(f.type.refs())
        return found


def load(document: dict) -> Catalog:
    definitions: dict = document["definitions"]
    enums: dict[str, OpenEnum] = {}
    models: dict[str, Model] = {}
    for name, schema in definitions.items():
        if name == "Secret":
            continue  # a secret is a string with `secret` set, wherever it appears
        if _is_open_enum(schema):
            values = next(s["enum"] for s in schema["anyOf"] if "enum" in s)
            enums[name] = OpenEnum(name, schema.get("description", ""), list(values))
    resolver = _Resolver(definitions, enums)
    for name, schema in definitions.items():
        if name == "Secret" or name in enums:
            continue
        if schema.get("type") != "object":
            raise CatalogError(f"definition {name} is neither an object nor an open enum")
        models[name] = Model(
            name,
            schema.get("description", ""),
            resolver.fields(schema),
            open=schema.get("additionalProperties", True) is not False,
            unknown_fields_kept=schema.get("additionalProperties") is True,
        )
    catalog = Catalog(document["sdkVersion"], models, enums, [], [_error(e) for e in document["errors"]])
    catalog.operations = [_operation(entry, catalog, resolver) for entry in document["operations"]]
    return catalog


def _operation(entry: dict, catalog: Catalog, resolver: "_Resolver") -> Operation:
    name = entry["name"]
    if entry["kind"] not in SUPPORTED_KINDS:
        raise CatalogError(f"{name}: operation kind {entry['kind']!r} is not generated yet")
    request = entry["request"]
    if "$ref" not in request:
        raise CatalogError(f"{name}: its arguments must be a named definition")
    params = catalog.models[_ref_name(request["$ref"])]
    positional = params.field(entry["positional"]) if entry.get("positional") else None
    http = entry.get("http")
    follow = entry.get("follow")
    op = Operation(
        name=name,
        resource=entry["resource"],
        method=entry["method"],
        kind=entry["kind"],
        summary=entry.get("summary", ""),
        params=params,
        result=resolver.type_of(entry["response"]),
        positional=positional,
        http=Http(http["method"], http["path"], tuple(http["query"])) if http else None,
        safety=entry.get("safety"),
        items=entry.get("items"),
        polls=entry.get("polls"),
        follow=Follow(follow["operation"], follow["from"]) if follow else None,
    )
    if op.kind == "paged":
        if op.result.kind != "model" or not op.items:
            raise CatalogError(f"{name}: a paged operation needs a page model and its items field")
        items = catalog.models[op.result.name].field(op.items).type
        if items.kind != "array" or items.item is None:
            raise CatalogError(f"{name}: the page's {op.items!r} is not an array")
        op.item = items.item
    return op


def _error(entry: dict) -> ErrorCode:
    return ErrorCode(entry["code"], entry["exitCode"], entry["httpStatus"], entry["summary"])


class _Resolver:
    def __init__(self, definitions: dict, enums: dict[str, OpenEnum]) -> None:
        self.definitions = definitions
        self.enums = enums

    def fields(self, schema: dict) -> list[Field]:
        required = schema.get("required", [])
        result = []
        for wire, prop in schema.get("properties", {}).items():
            doc = prop.get("description", "") if isinstance(prop, dict) else ""
            typ = self.type_of(prop)
            default_empty = isinstance(prop, dict) and prop.get("default") == [] and typ.kind == "array"
            result.append(Field(wire, typ, wire in required, doc, default_empty, nullable=_nullable(prop)))
        return result

    def type_of(self, schema) -> Type:
        """One schema as a Type. Nullability is folded away: an absent or null value is `None` anyway."""
        if schema is True or not isinstance(schema, dict) or _free_form(schema):
            return Type("json")
        if "$ref" in schema:
            name = _ref_name(schema["$ref"])
            if name == "Secret":
                return Type("string", secret=True)
            return Type("enum" if name in self.enums else "model", name=name)
        if "anyOf" in schema:
            options = [s for s in schema["anyOf"] if s != {"type": "null"}]
            return self.type_of(options[0]) if len(options) == 1 else Type("json")
        kinds = schema.get("type")
        kinds = [kinds] if isinstance(kinds, str) else [k for k in (kinds or []) if k != "null"]
        if len(kinds) != 1:
            return Type("json")
        kind = kinds[0]
        if kind == "string":
            return Type("string", secret=bool(schema.get("x-secret")))
        if kind == "integer":
            return Type("int" if schema.get("format") in ("int32", "uint32", "uint16", "uint8") else "long")
        if kind == "number":
            return Type("double")
        if kind == "boolean":
            return Type("bool")
        if kind == "array":
            return Type("array", item=self.type_of(schema.get("items", True)))
        return Type("json")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _free_form(schema: dict) -> bool:
    """`true`, `{}` or a schema with only a description/default: any JSON value."""
    return not (set(schema) - {"description", "default", "title"})


def _nullable(schema) -> bool:
    """`type: [X, "null"]` or `anyOf: [X, {"type": "null"}]`."""
    if not isinstance(schema, dict):
        return False
    kinds = schema.get("type")
    if isinstance(kinds, list) and "null" in kinds:
        return True
    return {"type": "null"} in schema.get("anyOf", [])


def _is_open_enum(schema) -> bool:
    return isinstance(schema, dict) and schema.get("x-open-enum") is True


# Names, for every backend.


def words(text: str) -> list[str]:
    """`create_twilio` / `IN_PROGRESS` / `call.started` / `phoneNumber` -> lower-case words."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", text) if w]


def snake(text: str) -> str:
    return "_".join(words(text))


def camel(text: str) -> str:
    parts = words(text)
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def pascal(text: str) -> str:
    return "".join(p.capitalize() for p in words(text))


def upper_snake(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


def kebab(text: str) -> str:
    return "-".join(words(text))


def error_name(code: str) -> str:
    """An error code as the stem of a type name: `not_found` -> `NotFound`, `api_error` -> `Api`. A trailing
    `error` word is dropped so that `<stem>Error` classes, or the cases of an `...Error` enum, never say it
    twice (the UniFFI enum in bindings-swift/ffi/src/error.rs is named this way)."""
    parts = words(code)
    if len(parts) > 1 and parts[-1] == "error":
        parts = parts[:-1]
    return "".join(p.capitalize() for p in parts)


def required_first(fields: list[Field]) -> list[Field]:
    """Required fields, then optional ones, each in declaration order (for languages whose parameter
    lists need the required ones first)."""
    return [f for f in fields if f.required] + [f for f in fields if not f.required]
