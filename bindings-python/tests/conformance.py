"""The Python conformance runner: every scenario of `tests/scenarios` (see tests/README.md) through the
public API of `hamsa`, against one `conformance-mock` process. The runner only reports what it saw
(`POST /scenarios/{id}/outcome`); the mock judges it with the suite's one judge (`tests/src/verdict.rs`),
so that a scenario passes or fails the same way in every language."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import hamsa
from hamsa._generated.tables import OPERATIONS

REPO = Path(__file__).resolve().parents[2]
SCENARIO_TIME_LIMIT = 30.0
# The control API is on loopback: never go through a proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def scenarios_dir() -> Path:
    return Path(os.environ.get("HAMSA_SCENARIOS_DIR", REPO / "tests" / "scenarios"))


def scenario_files() -> list[Path]:
    return sorted(scenarios_dir().rglob("*.json"))


def mock_binary() -> Path:
    if "HAMSA_CONFORMANCE_MOCK" in os.environ:
        return Path(os.environ["HAMSA_CONFORMANCE_MOCK"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return target / "debug" / "conformance-mock"


class Mock:
    """The `conformance-mock` process and its control API."""

    def __init__(self, binary: Path) -> None:
        self.process = subprocess.Popen([str(binary)], stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        match = re.match(r"listening on (http://\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"conformance-mock did not start (first line {line!r})")
        self.url = match.group(1)

    def request(self, method: str, path: str, body: bytes | None = None) -> Any:
        request = urllib.request.Request(self.url + path, data=body, method=method)
        request.add_header("content-type", "application/json")
        with _OPENER.open(request, timeout=60) as response:
            return json.loads(response.read())

    def close(self) -> None:
        try:
            self.request("POST", "/shutdown", b"{}")
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# What the runner saw, as the outcome report's keys: {"result": ...}, {"error": {...}} or {"failure": "..."}.
Outcome = dict[str, Any]


def client_kwargs(client: dict[str, Any]) -> dict[str, Any]:
    """The mock's effective client options (camelCase, ms) as `Hamsa(...)` keywords (seconds)."""
    names = {
        "apiKey": "api_key",
        "baseUrl": "base_url",
        "region": "region",
        "authScheme": "auth_scheme",
        "maxRetries": "max_retries",
        "defaultHeaders": "default_headers",
    }
    seconds = {
        "timeoutMs": "timeout",
        "connectTimeoutMs": "connect_timeout",
        "deadlineMs": "deadline",
        "retryInitialDelayMs": "retry_initial_delay",
        "retryMaxDelayMs": "retry_max_delay",
    }
    kwargs: dict[str, Any] = {}
    for key, value in client.items():
        if key in names:
            kwargs[names[key]] = value
        elif key in seconds:
            kwargs[seconds[key]] = value / 1000
        else:
            raise ValueError(f"unknown client option {key!r} in a scenario")
    return kwargs


def request_kwargs(options: dict[str, Any] | None) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for key, value in (options or {}).items():
        if key == "timeoutMs":
            kwargs["timeout"] = value / 1000
        elif key == "deadlineMs":
            kwargs["deadline"] = value / 1000
        elif key == "maxRetries":
            kwargs["max_retries"] = value
        elif key == "headers":
            kwargs["extra_headers"] = value
        else:
            raise ValueError(f"unknown request option {key!r} in a scenario")
    return kwargs


def method_kwargs(operation: str, args: dict[str, Any]) -> dict[str, Any]:
    """Wire arguments -> the method's keywords, through the generated table (the public naming)."""
    by_wire = {spec[0]: (name, spec[1]) for name, spec in OPERATIONS[operation]["params"].items()}
    kwargs: dict[str, Any] = {}
    for wire, value in (args or {}).items():
        if wire in by_wire:
            name, unit = by_wire[wire]
            kwargs[name] = value / 1000 if unit == "seconds" and isinstance(value, (int, float)) else value
        else:
            # Not an argument of this method: pass it as it is, as a user copying the API's docs would.
            kwargs[wire] = value
    return kwargs


def refused_keyword(error: TypeError) -> dict[str, Any] | None:
    """Python refuses an unknown keyword with a TypeError before the SDK runs (nothing is sent): that
    is this language's `invalid_argument`, reported as such. Any other TypeError is a bug, not this."""
    if "unexpected keyword argument" not in str(error):
        return None
    return {
        "code": "invalid_argument",
        "status": None,
        "message": str(error),
        "messageKey": None,
        "requestId": None,
        "attempts": 0,
        "display": str(error),
        "debug": repr(error),
    }


def wire(result: Any) -> Any:
    if isinstance(result, (hamsa.Model, hamsa.Page)):
        return result.to_dict()
    if isinstance(result, list):  # a result that is a list of models
        return [wire(item) for item in result]
    return result


def facts(error: hamsa.HamsaError) -> dict[str, Any]:
    """The error as the outcome report describes it."""
    return {
        "code": error.code,
        "status": error.status_code,
        "message": error.message,
        "messageKey": error.message_key,
        "requestId": error.request_id,
        "attempts": len(error.attempts),
        "display": str(error),
        "debug": repr(error),
    }


def _offline(operation: str, args: dict[str, Any]) -> Any:
    """An operation that needs no client: a module-level function of the resource's module."""
    resource, method = operation.split(".")
    return wire(getattr(getattr(hamsa, resource), method)(**method_kwargs(operation, args)))


def call_sync(scenario: dict[str, Any], client: dict[str, Any]) -> Any:
    operation: str = scenario["operation"]
    if OPERATIONS[operation]["kind"] == "offline":
        return _offline(operation, scenario.get("args") or {})
    resource, method = operation.split(".")
    kwargs = {**method_kwargs(operation, scenario.get("args") or {}), **request_kwargs(scenario.get("options"))}
    with hamsa.Hamsa(**client_kwargs(client)) as sdk:
        result = getattr(getattr(sdk, resource), method)(**kwargs)
        if OPERATIONS[operation]["kind"] == "paged":
            if scenario.get("paginate"):
                return [wire(item) for item in result]
            return wire(result.first_page())
        return wire(result)


async def call_async(scenario: dict[str, Any], client: dict[str, Any]) -> Any:
    operation: str = scenario["operation"]
    if OPERATIONS[operation]["kind"] == "offline":
        return _offline(operation, scenario.get("args") or {})
    resource, method = operation.split(".")
    kwargs = {**method_kwargs(operation, scenario.get("args") or {}), **request_kwargs(scenario.get("options"))}
    async with hamsa.AsyncHamsa(**client_kwargs(client)) as sdk:
        call = getattr(getattr(sdk, resource), method)
        if OPERATIONS[operation]["kind"] == "paged":
            pager = call(**kwargs)
            if scenario.get("paginate"):
                return [wire(item) async for item in pager]
            return wire(await pager.first_page())
        return wire(await call(**kwargs))


def outcome_sync(scenario: dict[str, Any], client: dict[str, Any]) -> Outcome:
    """Runs the call in a worker thread, so that a hang becomes a failure instead of a stuck suite."""
    box: list[Outcome] = []

    def work() -> None:
        box.append(_capture(lambda: call_sync(scenario, client)))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(SCENARIO_TIME_LIMIT)
    return box[0] if box else {"failure": f"stuck: no outcome after {SCENARIO_TIME_LIMIT} s"}


def outcome_async(scenario: dict[str, Any], client: dict[str, Any]) -> Outcome:
    async def main() -> Outcome:
        try:
            return {"result": await asyncio.wait_for(call_async(scenario, client), SCENARIO_TIME_LIMIT)}
        except hamsa.HamsaError as error:
            return {"error": facts(error)}
        except TypeError as error:
            refused = refused_keyword(error)
            return {"error": refused} if refused else {"failure": f"foreign exception TypeError: {error}"}
        except asyncio.TimeoutError:
            return {"failure": f"stuck: no outcome after {SCENARIO_TIME_LIMIT} s"}
        except Exception as error:  # a non-SDK exception is a failure to report, not to crash on
            return {"failure": f"foreign exception {type(error).__name__}: {error}"}

    return asyncio.run(main())


def _capture(call: Any) -> Outcome:
    try:
        return {"result": call()}
    except hamsa.HamsaError as error:
        return {"error": facts(error)}
    except TypeError as error:
        refused = refused_keyword(error)
        return {"error": refused} if refused else {"failure": f"foreign exception TypeError: {error}"}
    except Exception as error:
        return {"failure": f"foreign exception {type(error).__name__}: {error}"}


def not_plain_json(value: Any, path: str = "$") -> str | None:
    """Where `value` is not made of JSON's own types (a tuple, a `str` subclass, a non-string key: what
    `json.dumps` would quietly turn into JSON), or None. A wire result has nothing else."""
    if value is None or type(value) is str or isinstance(value, (bool, int, float)):
        return None
    if type(value) is list:
        return next((p for i, item in enumerate(value) if (p := not_plain_json(item, f"{path}[{i}]"))), None)
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str:
                return f"{path}: the key {key!r} is a {type(key).__name__}"
            problem = not_plain_json(item, f"{path}.{key}")
            if problem:
                return problem
        return None
    return f"{path}: a {type(value).__name__}"


def run(mock: Mock, path: Path, mode: str) -> list[str]:
    """One scenario in one mode; the mock's reasons it failed, or nothing."""
    try:
        text = path.read_text(encoding="utf-8")
        scenario = json.loads(text)
        started = mock.request("POST", "/scenarios", text.encode())
    except (OSError, ValueError) as error:
        return [f"cannot start: {error}"]
    began = time.monotonic()
    outcome = (
        outcome_sync(scenario, started["client"]) if mode == "sync" else outcome_async(scenario, started["client"])
    )
    elapsed_ms = (time.monotonic() - began) * 1000
    return send_outcome(mock, started["id"], outcome, elapsed_ms)


def send_outcome(mock: Mock, scenario_id: str, outcome: Outcome, elapsed_ms: float) -> list[str]:
    """Reports what the runner saw to the mock, which judges it (tests/README.md); its failures."""
    problem = not_plain_json(outcome["result"]) if "result" in outcome else None
    if problem:
        outcome = {"failure": f"the result is not plain JSON: {problem}"}
    try:
        body = json.dumps({**outcome, "elapsedMs": elapsed_ms}, allow_nan=False)
    except ValueError as error:  # NaN or infinity
        body = json.dumps({"failure": f"the result is not JSON: {error}", "elapsedMs": elapsed_ms})
    try:
        verdict = mock.request("POST", f"/scenarios/{scenario_id}/outcome", body.encode())
    except urllib.error.HTTPError as error:
        return [f"the mock refused the report ({error.code}): {error.read().decode(errors='replace')}"]
    failures: list[str] = verdict["failures"]
    return failures
