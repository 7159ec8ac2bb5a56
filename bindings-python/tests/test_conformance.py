"""Every conformance scenario, through the sync client and through the async client."""

from __future__ import annotations

import pytest
from conformance import Mock, run, scenario_files, scenarios_dir
from conftest import SUMMARY


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_every_scenario(mock: Mock, mode: str) -> None:
    files = scenario_files()
    assert files, f"no scenario found under {scenarios_dir()}"
    failures: list[str] = []
    passed = 0
    for path in files:
        problems = run(mock, path, mode)
        if problems:
            failures.append(f"{path.relative_to(scenarios_dir())}:\n    " + "\n    ".join(problems))
        else:
            passed += 1
    SUMMARY[mode] = (passed, len(failures))
    print(f"conformance (python {mode}): {passed} passed, {len(failures)} failed")
    assert passed + len(failures) == len(files)
    assert not failures, f"{len(failures)} of {len(files)} scenarios failed ({mode}):\n" + "\n".join(failures)
