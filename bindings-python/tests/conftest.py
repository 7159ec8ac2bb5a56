"""Shared fixtures: the conformance mock process, and the summary lines the CI log shows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from conformance import Mock, mock_binary

# Filled by test_conformance.py: mode -> (passed, failed).
SUMMARY: dict[str, tuple[int, int]] = {}


@pytest.fixture(scope="session")
def mock() -> Iterator[Mock]:
    binary = mock_binary()
    if not binary.exists():
        pytest.fail(
            f"{binary} not found: build it with `cargo build -p hamsa-conformance --bin conformance-mock` "
            "or set HAMSA_CONFORMANCE_MOCK"
        )
    server = Mock(binary)
    yield server
    server.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for mode, (passed, failed) in sorted(SUMMARY.items()):
        terminalreporter.write_line(f"conformance (python {mode}): {passed} passed, {failed} failed")


# With HAMSA_FAIL_ON_SKIP=1 (test.sh sets it) a skipped test fails the run: skipped is not passed.
_SKIPPED: list[str] = []


def pytest_runtest_logreport(report: Any) -> None:
    if report.skipped:
        _SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    if _SKIPPED and os.environ.get("HAMSA_FAIL_ON_SKIP") == "1" and exitstatus == 0:
        print(f"\n{len(_SKIPPED)} test(s) skipped, which HAMSA_FAIL_ON_SKIP=1 counts as failures: {_SKIPPED}")
        session.exitstatus = 1
