"""The native decoder of results builds what `json.loads` builds from the same wire JSON."""

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
    assert json.dumps(decoded) == json.dumps(expected)  # int vs float, key order


def test_a_page_of_many_objects() -> None:
    items = [{"id": f"pn-{i:05d}", "number": f"+97000{i:05d}", "voiceAgentId": None, "n": i} for i in range(3000)]
    text = json.dumps({"items": items, "total": 3000})
    assert _native._loads(text) == json.loads(text)
    assert len({k for item in _native._loads(text)["items"] for k in item}) == 4


def test_invalid_text_is_an_internal_error() -> None:
    with pytest.raises(_native.NativeError) as caught:
        _native._loads('{"a": ')
    assert json.loads(caught.value.args[0])["code"] == "internal"
