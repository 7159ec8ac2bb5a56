"""Small scenarios written in the tests themselves, served by the same conformance mock."""

from __future__ import annotations

import json
from typing import Any

from conformance import Mock, client_kwargs

JOB_ID = "a3f0c9e2-5b1d-4c8e-9f21-6d7e8a9b0c1d"


def job(status: str = "PENDING", **extra: Any) -> dict[str, Any]:
    return {
        "id": JOB_ID,
        "status": status,
        "type": "VOICE_AGENTS",
        "callParams": {"userNumber": "+966500000001"},
        **extra,
    }


def get_job_exchange(status: str = "PENDING", delay_ms: int = 0) -> dict[str, Any]:
    return {
        "request": {"method": "GET", "path": "/v1/jobs", "query": {"jobId": JOB_ID}},
        "response": {
            "status": 200,
            "body": {"success": True, "message": "success", "data": job(status)},
            "delayMs": delay_ms,
        },
    }


class Served:
    """One scripted scenario on the mock: the client options to reach it, and its report."""

    def __init__(self, mock: Mock, exchanges: list[dict[str, Any]], client: dict[str, Any] | None = None) -> None:
        scenario = {
            "name": "python binding test",
            "operation": "jobs.get",
            "args": {"jobId": JOB_ID},
            "client": client or {},
            "exchanges": exchanges,
            "expect": {"result": {}, "requestsAtLeast": 0},
        }
        self.mock = mock
        started = mock.request("POST", "/scenarios", json.dumps(scenario).encode())
        self.id = started["id"]
        self.options = client_kwargs(started["client"])

    def report(self) -> dict[str, Any]:
        report: dict[str, Any] = self.mock.request("GET", f"/scenarios/{self.id}/report")
        return report
