"""The catalog's JSON Schemas reduced to what the generators need: models, open enums and operations.

Language-neutral; swift.py and kotlin.py turn the result into source text.
"""

import re
from dataclasses import dataclass, field


@dataclass
class Type:
    """A field or result type. kind: string, int, long, double, bool, json, ref, array."""

    kind: str
    ref: str = ""  # for ref
    item: "Type | None" = None  # for array
    secret: bool = False


@dataclass
class Field:
    wire: str
    type: Type
    required: bool
    doc: str
    default_empty: bool = False  # an array the core defaults to [] when absent


@dataclass
class Model:
    name: str
    doc: str
    fields: list
    open: bool  # additionalProperties: unknown fields are kept in `extra`


@dataclass
class OpenEnum:
    name: str
    doc: str
    values: list


@dataclass
class Operation:
    name: str  # calls.create_twilio
    resource: str  # calls
    method: str  # create_twilio
    summary: str
    paged: bool
    params: "str | None"  # the params model, when the request is a $ref
    inline: list  # the request's fields, when it is an inline object (helpers)
    result: Type
    item: "Type | None" = None  # for paged operations: the item type of a page


@dataclass
class Catalog:
    version: str
    models: dict
    enums: dict
    operations: list
    error_codes: list = field(default_factory=list)


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def to_type(schema, definitions) -> Type:
    """One property schema as a Type; nullability is handled by the caller (absent = nil anyway)."""
    if schema is True or not isinstance(schema, dict) or _free_form(schema):
        return Type("json")
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        if name == "Secret":
            return Type("string", secret=True)
        return Type("ref", ref=name)
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s != {"type": "null"}]
        if len(options) == 1:
            return to_type(options[0], definitions)
        return Type("json")
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else [k for k in (kinds or []) if k != "null"]
    if len(kinds) != 1:
        return Type("json")
    kind = kinds[0]
    if kind == "string":
        return Type("string", secret=bool(schema.get("x-secret")))
    if kind == "integer":
        return Type("int" if schema.get("format") in ("int32", "uint32") else "long")
    if kind == "number":
        return Type("double")
    if kind == "boolean":
        return Type("bool")
    if kind == "array":
        return Type("array", item=to_type(schema.get("items", True), definitions))
    return Type("json")


def _free_form(schema: dict) -> bool:
    """`true`, `{}` or a schema with only a description/default: any JSON value."""
    return not (set(schema) - {"description", "default", "title"})


def is_open_enum(schema) -> bool:
    return isinstance(schema, dict) and schema.get("x-open-enum") is True


def load(catalog: dict) -> Catalog:
    definitions = catalog["definitions"]
    models, enums = {}, {}
    for name, schema in sorted(definitions.items()):
        if name == "Secret":
            continue
        if is_open_enum(schema):
            values = next(s["enum"] for s in schema["anyOf"] if "enum" in s)
            enums[name] = OpenEnum(name, schema.get("description", ""), values)
        elif schema.get("type") == "object":
            models[name] = Model(name, schema.get("description", ""), fields_of(schema, definitions),
                                 open=schema.get("additionalProperties", True) is not False)
        else:
            raise SystemExit(f"generate: definition {name} is neither an object nor an open enum")

    operations = []
    for entry in catalog["operations"] + catalog["helpers"]:
        request, response = entry["request"], entry["response"]
        params = ref_name(request["$ref"]) if "$ref" in request else None
        inline = [] if params else fields_of(request, definitions)
        result = to_type(response, definitions)
        operation = Operation(entry["name"], entry["resource"], entry["method"], entry.get("summary", ""),
                              entry.get("paged", False), params, inline, result)
        if operation.paged:
            operation.item = page_item(models[result.ref])
        operations.append(operation)
    return Catalog(catalog["sdkVersion"], models, enums, operations, catalog["errorCodes"])


def fields_of(schema: dict, definitions: dict) -> list:
    required = schema.get("required", [])
    properties = schema.get("properties", {})
    # Required fields first, in declaration order (Swift labels must follow it), then the rest by name.
    order = required + sorted(k for k in properties if k not in required)
    fields = []
    for wire in order:
        prop = properties[wire]
        doc = prop.get("description", "") if isinstance(prop, dict) else ""
        typ = to_type(prop, definitions)
        default_empty = isinstance(prop, dict) and prop.get("default") == [] and typ.kind == "array"
        fields.append(Field(wire, typ, wire in required, doc, default_empty))
    return fields


def page_item(page: Model) -> Type:
    """A page's items: its one array-of-model field."""
    arrays = [f for f in page.fields if f.type.kind == "array" and f.type.item.kind == "ref"]
    if len(arrays) != 1:
        raise SystemExit(f"generate: page {page.name} has no single array of items")
    return arrays[0].type.item


def words(text: str) -> list:
    """`create_twilio` / `IN_PROGRESS` / `call.started` / `phoneNumber` -> lower-case words."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", text) if w]


def camel(text: str) -> str:
    parts = words(text)
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def pascal(text: str) -> str:
    return "".join(p.capitalize() for p in words(text))


def upper_snake(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


def has_secret(model: Model) -> bool:
    return any(f.type.secret for f in model.fields)
