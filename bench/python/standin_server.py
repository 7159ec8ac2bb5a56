"""A stand-in for the canned Rust server (bench/server), for testing the Python bench without it: the same
routes and answers as bench/CONTRACT.md, from bytes prepared at start-up, HTTP/1.1 keep-alive. It is far
slower than the real server (threads, http.server), so it is for --smoke and tests only, never figures.

    python bench/python/standin_server.py   # prints `listening on http://127.0.0.1:PORT`, like the real one
    python bench/python/standin_server.py --wrong   # a wrong id and a short list: the bench must fail
"""

from __future__ import annotations

import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from common import GET_PATH, LIST_ITEMS, LIST_PATH, NUMBER, PID

_USER = "5b8e2c1a-7d3f-4a9e-b6c2-0e1f2a3b4c5d"
_STAMP = "2025-01-05T08:00:00.000Z"


def _phone_number(id: str, number: str, label: str) -> dict[str, object]:
    return {
        "id": id,
        "number": number,
        "label": label,
        "type": "TWILIO",
        "userId": _USER,
        "voiceAgentId": None,
        "createdAt": _STAMP,
        "updatedAt": _STAMP,
    }


def _envelope(data: object, success: bool = True, message: str = "Success") -> bytes:
    return json.dumps({"success": success, "message": message, "data": data}, separators=(",", ":")).encode()


def _list(count: int) -> bytes:
    # Padded labels bring the list to about 1 MB, like the real server's.
    return _envelope(
        [_phone_number(f"pn-{i:05d}", f"+97000{i:05d}", f"Line {i:05d} " + "x" * 40) for i in range(count)]
    )


ONE = _envelope(_phone_number(PID, NUMBER, "Support Line"))
LIST = _list(LIST_ITEMS)
NOT_FOUND = _envelope(None, success=False, message="Not Found")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as every contender expects
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle + delayed ACK add 40 ms to each.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = urlsplit(self.path).path
        status, body = (200, ONE) if path == GET_PATH else (200, LIST) if path == LIST_PATH else (404, NOT_FOUND)
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.send_header("x-request-id", "bench")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # thousands of requests: no access log


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrong", action="store_true", help="answer a wrong id and a list one item short")
    if parser.parse_args().wrong:
        global ONE, LIST
        ONE = _envelope(_phone_number(PID[::-1], NUMBER, "Support Line"))
        LIST = _list(LIST_ITEMS - 1)
    # The default listen backlog (5) drops SYNs when 256 clients connect at once: each retry costs 1 s.
    ThreadingHTTPServer.request_queue_size = 1024
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
