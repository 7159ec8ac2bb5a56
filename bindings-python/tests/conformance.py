"""The Python conformance runner: every scenario of `tests/scenarios` (see tests/README.md) through the
public API of `hamsa`, against one `conformance-mock` process. `judge` mirrors the Rust crate's
`verdict.rs` so that a scenario passes or fails the same way in every language."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

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


@dataclass
class ErrorFacts:
    code: str
    status: int | None
    message: str
    message_key: str | None
    request_id: str | None
    attempts: int
    display: str
    debug: str


Outcome = Union[tuple[str, Any], tuple[str, ErrorFacts]]


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
            # Not an argument of this method: pass it under its snake_case name, as a user would mistype it.
            kwargs[re.sub(r"([A-Z])", r"_\1", wire).lower()] = value
    return kwargs


def wire(result: Any) -> Any:
    if isinstance(result, (hamsa.Model, hamsa.Page)):
        return result.to_dict()
    return result


def facts(error: hamsa.HamsaError) -> ErrorFacts:
    return ErrorFacts(
        code=error.code,
        status=error.status_code,
        message=error.message,
        message_key=error.message_key,
        request_id=error.request_id,
        attempts=len(error.attempts),
        display=str(error),
        debug=repr(error),
    )


def _webhook(operation: str, args: dict[str, Any]) -> Any:
    if operation == "webhooks.verify":
        return hamsa.webhooks.verify(
            args.get("authorization"), auth_key=args["authKey"], auth_secret=args["authSecret"]
        )
    return wire(hamsa.webhooks.parse(args["body"]))


def call_sync(scenario: dict[str, Any], client: dict[str, Any]) -> Any:
    operation: str = scenario["operation"]
    if operation.startswith("webhooks."):
        return _webhook(operation, scenario.get("args") or {})
    resource, method = operation.split(".")
    kwargs = {**method_kwargs(operation, scenario.get("args") or {}), **request_kwargs(scenario.get("options"))}
    with hamsa.Hamsa(**client_kwargs(client)) as sdk:
        result = getattr(getattr(sdk, resource), method)(**kwargs)
        if OPERATIONS[operation]["paged"]:
            if scenario.get("paginate"):
                return [wire(item) for item in result]
            return wire(result.first_page())
        return wire(result)


async def call_async(scenario: dict[str, Any], client: dict[str, Any]) -> Any:
    operation: str = scenario["operation"]
    if operation.startswith("webhooks."):
        return _webhook(operation, scenario.get("args") or {})
    resource, method = operation.split(".")
    kwargs = {**method_kwargs(operation, scenario.get("args") or {}), **request_kwargs(scenario.get("options"))}
    async with hamsa.AsyncHamsa(**client_kwargs(client)) as sdk:
        call = getattr(getattr(sdk, resource), method)
        if OPERATIONS[operation]["paged"]:
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
    return box[0] if box else ("stuck", f"no outcome after {SCENARIO_TIME_LIMIT} s")


def outcome_async(scenario: dict[str, Any], client: dict[str, Any]) -> Outcome:
    async def main() -> Outcome:
        try:
            return ("ok", await asyncio.wait_for(call_async(scenario, client), SCENARIO_TIME_LIMIT))
        except hamsa.HamsaError as error:
            return ("error", facts(error))
        except asyncio.TimeoutError:
            return ("stuck", f"no outcome after {SCENARIO_TIME_LIMIT} s")
        except Exception as error:  # a non-SDK exception is a failure to report, not to crash on
            return ("foreign", f"{type(error).__name__}: {error}")

    return asyncio.run(main())


def _capture(call: Any) -> Outcome:
    try:
        return ("ok", call())
    except hamsa.HamsaError as error:
        return ("error", facts(error))
    except Exception as error:
        return ("foreign", f"{type(error).__name__}: {error}")


def run(mock: Mock, path: Path, mode: str) -> list[str]:
    """One scenario in one mode; the reasons it failed, or nothing."""
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
    elapsed = time.monotonic() - began
    report = mock.request("GET", f"/scenarios/{started['id']}/report")
    return judge(scenario, outcome, report, elapsed)


def judge(scenario: dict[str, Any], outcome: Outcome, report: dict[str, Any], elapsed: float) -> list[str]:
    failures = [f"mock: {failure}" for failure in report.get("failures", [])]
    expect = scenario.get("expect", {})
    count = report.get("requests", 0)
    least, most = expect.get("requests"), expect.get("requests")
    if least is None:
        least, most = expect.get("requestsAtLeast", 0), expect.get("requestsAtMost")
    if count < least or (most is not None and count > most):
        failures.append(f"the mock received {count} requests, expected {least} to {most}")
    if "maxElapsedMs" in expect and elapsed * 1000 > expect["maxElapsedMs"]:
        failures.append(f"took {elapsed * 1000:.0f} ms, expected at most {expect['maxElapsedMs']} ms")
    kind, value = outcome
    if kind in ("stuck", "foreign"):
        failures.append(f"{kind}: {value}")
    elif "result" in expect:
        if kind == "error":
            failures.append(f"expected a result, got error {value.code}: {value.display}")
        else:
            problem = subset_diff(expect["result"], value, "$")
            if problem:
                failures.append(f"result: {problem}")
    elif "error" in expect:
        if kind == "ok":
            failures.append(f"expected error {expect['error'].get('code')}, got result {value!r:.160}")
        else:
            failures.extend(error_mismatches(expect["error"], value))
            for secret in expect.get("secretsAbsent", []):
                for place, text in (("message", value.message), ("str", value.display), ("repr", value.debug)):
                    if secret in text:
                        failures.append(f"the secret {secret!r} appears in the error's {place}")
    else:
        failures.append("`expect` has neither `result` nor `error`")
    return failures


def error_mismatches(want: dict[str, Any], got: ErrorFacts) -> Iterator[str]:
    if want.get("code") != got.code:
        yield f"error code: expected {want.get('code')}, got {got.code} ({got.display})"
    if "status" in want and want["status"] != got.status:
        yield f"error status: expected {want['status']}, got {got.status}"
    if "message" in want and want["message"] != got.message:
        yield f"error message: expected {want['message']!r}, got {got.message!r}"
    if "messageContains" in want and want["messageContains"] not in got.message:
        yield f"error message: expected it to contain {want['messageContains']!r}, got {got.message!r}"
    if "messageKey" in want and want["messageKey"] != got.message_key:
        yield f"error messageKey: expected {want['messageKey']!r}, got {got.message_key!r}"
    if "requestId" in want and want["requestId"] != got.request_id:
        yield f"error requestId: expected {want['requestId']!r}, got {got.request_id!r}"
    if "attempts" in want and want["attempts"] != got.attempts:
        yield f"error attempts: expected {want['attempts']}, got {got.attempts}"


_MISSING = object()


def subset_diff(expected: Any, actual: Any, path: str) -> str | None:
    """README's result matching: objects by expected keys (an expected null matches an absent key),
    arrays by length and element, numbers by value, the rest by equality."""
    if actual is _MISSING:
        return None if expected is None else f"{path}: missing, expected {expected!r:.160}"
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, want in expected.items():
            problem = subset_diff(want, actual.get(key, _MISSING), f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} elements, got {len(actual)}"
        for index, (want, got) in enumerate(zip(expected, actual)):
            problem = subset_diff(want, got, f"{path}[{index}]")
            if problem:
                return problem
        return None
    if _number(expected) and _number(actual):
        return None if expected == actual else f"{path}: expected {expected}, got {actual}"
    if type(expected) is type(actual) and expected == actual:
        return None
    return f"{path}: expected {expected!r:.160}, got {actual!r:.160}"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
