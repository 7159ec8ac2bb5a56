"""'Every public name' is checked, not claimed: each name `hamsa` exports, and each operation as
`<resource>.<method>(`, appears in typecheck_public_api.py, which the test script runs mypy --strict on."""

from __future__ import annotations

import re
from pathlib import Path

import hamsa
from hamsa._generated.tables import OPERATIONS

USAGE = (Path(__file__).parent / "typecheck_public_api.py").read_text(encoding="utf-8")


def test_every_exported_name_is_type_checked() -> None:
    assert len(hamsa.__all__) > 20
    unused = [name for name in hamsa.__all__ if not re.search(rf"\b{re.escape(name)}\b", USAGE)]
    assert unused == [], f"names typecheck_public_api.py never uses: {unused}"


def test_every_operation_is_type_checked() -> None:
    assert len(OPERATIONS) > 10
    uncalled = [name for name in OPERATIONS if not re.search(rf"\b{re.escape(name)}\(", USAGE)]
    assert uncalled == [], f"operations typecheck_public_api.py never calls: {uncalled}"
