"""The native builder of results makes what `json.loads` makes of the same wire JSON. (`_native._loads`
reads the text into the core's JSON tree, whose objects keep their keys sorted, then builds from it.)"""

from __future__ import annotations

import json

import pytest
from hamsa import _native

DOCUMENTS = [
    "null",
    "true",
    "false",
    "0",
    "-7",
    "18446744073709551615",
    "-9223372036854775808",
    "1.5",
    "-0.0",
    "1e-7",
    "2.5e+300",
    '""',
    '"plain"',
    '"\\u00e9t\\u00e9 \\ud83d\\ude00 \\"quoted\\" back\\\\slash\\n\\t\\u0000"',
    '"مرحبا"',
    "[]",
    "{}",
    '[1, "a", null, true, 2.5, [], {}]',
    '{"a": {"b": {"c": [1, {"d": "e"}]}}, "é": "k", "": 0}',
    '{"same": 1, "same": 2}',
]


# Not here: `-0`, which json.loads reads as the int 0 and serde_json as the float -0.0. The core's
# serializer never writes it (an integer zero is `0`, a float negative zero `-0.0`).


@pytest.mark.parametrize("text", DOCUMENTS)
def test_decodes_like_json_loads(text: str) -> None:
    decoded = _native._loads(text)
    expected = json.loads(text)
    assert decoded == expected
    assert type(decoded) is type(expected)
    assert json.dumps(decoded, sort_keys=True) == json.dumps(expected, sort_keys=True)  # int vs float


def test_a_page_of_many_objects() -> None:
    items = [{"id": f"pn-{i:05d}", "number": f"+97000{i:05d}", "voiceAgentId": None, "n": i} for i in range(3000)]
    text = json.dumps({"items": items, "total": 3000})
    assert _native._loads(text) == json.loads(text)
    assert len({k for item in _native._loads(text)["items"] for k in item}) == 4


def test_invalid_text_is_an_invalid_argument_not_a_crash() -> None:
    with pytest.raises(_native.NativeError) as caught:
        _native._loads('{"a": ')
    assert json.loads(caught.value.args[0])["code"] == "invalid_argument"


def test_page_items_are_plain_models_outside_the_cyclic_gc() -> None:
    import gc

    import hamsa

    items = [{"id": f"pn-{i}", "number": "+9700000000"} for i in range(10)]
    models = hamsa.PhoneNumber._wrap_all(items)
    assert [type(m) for m in models] == [hamsa.PhoneNumber] * 10
    assert [m.id for m in models] == [f"pn-{i}" for i in range(10)]
    assert models[3].to_dict() == items[3] and models[3] == hamsa.PhoneNumber._wrap(items[3])
    assert not any(gc.is_tracked(m) for m in models)

    class WithDict(hamsa.Model):  # a __dict__ could hold a cycle: such models stay tracked
        pass

    assert not WithDict._plain
    assert all(gc.is_tracked(m) for m in WithDict._wrap_all([{"a": 1}]))
