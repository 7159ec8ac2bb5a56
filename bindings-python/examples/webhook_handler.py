"""A webhook endpoint with only the standard library: verify the Authorization header, then parse.

python examples/webhook_handler.py   # listens on :8080
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, HTTPServer

from hamsa import HamsaError, webhooks

AUTH_KEY, AUTH_SECRET = "Token", "change-me"  # the webhook_auth given when placing the call


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        try:
            webhooks.verify(self.headers.get("authorization"), auth_key=AUTH_KEY, auth_secret=AUTH_SECRET)
            event = webhooks.parse(body)
        except HamsaError as error:
            self.send_response(401 if error.code == "webhook_verification" else 400)
            self.end_headers()
            return
        print(event.event_type, event.call_id, event.data)
        self.send_response(204)
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8080), Handler).serve_forever()
