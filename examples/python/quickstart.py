"""The main job, end to end, in Python: register a Twilio number, place an outbound call with a webhook,
receive and verify the webhook events, wait for the conversation to end, print transcript and outcome.

Run it against `hamsa mock` (what the tests do):

    hamsa mock --port 8080 &
    HAMSA_API_KEY=mock-key HAMSA_BASE_URL=http://127.0.0.1:8080 python examples/python/quickstart.py

Against the real API, set HAMSA_API_KEY, and HAMSA_WEBHOOK_URL to a public https URL that reaches you.
"""

from __future__ import annotations

import http.server
import os
import queue
import threading

import hamsa

WEBHOOK_SECRET = "quickstart-webhook-secret"


def start_webhook_receiver(events: queue.Queue[hamsa.WebhookEvent]) -> str:
    """A loopback server that verifies each webhook's Authorization header and queues the parsed event."""

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            try:
                hamsa.webhooks.verify(
                    self.headers.get("authorization"),
                    auth_key="Token",
                    auth_secret=WEBHOOK_SECRET,
                )
                events.put(hamsa.webhooks.parse(body))
                self.send_response(200)
            except hamsa.HamsaError:
                self.send_response(401)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/hamsa-webhook"


def main() -> None:
    client = hamsa.Hamsa()  # HAMSA_API_KEY and HAMSA_BASE_URL from the environment
    number = client.phone_numbers.add_twilio(
        phone_number=os.environ.get("HAMSA_TWILIO_NUMBER", "+9700000000"),
        label="Support Line",
        twilio_number_sid=os.environ.get(
            "HAMSA_TWILIO_NUMBER_SID", "PNXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
        ),
        twilio_account_sid=os.environ.get(
            "HAMSA_TWILIO_ACCOUNT_SID", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
        ),
        twilio_auth_token=os.environ.get(
            "HAMSA_TWILIO_AUTH_TOKEN", "your_twilio_auth_token"
        ),
    )
    print(f"Registered {number.number} ({number.id})")

    events: queue.Queue[hamsa.WebhookEvent] = queue.Queue()
    webhook_url = os.environ.get("HAMSA_WEBHOOK_URL") or start_webhook_receiver(events)

    # Placing a call is never retried once it may have reached Hamsa: a timeout or a 5xx raises
    # OutcomeUnknownError instead of calling the person twice.
    job = client.calls.create_twilio(
        to_number=os.environ.get("HAMSA_TO_NUMBER", "+966500000001"),
        twilio_phone_number=number.number or "",
        voice_agent_id=os.environ.get(
            "HAMSA_VOICE_AGENT_ID", "d949f13f-40d2-4e48-ac86-b66633070603"
        ),
        agent_details={"agent_name": "Sara"},
        params={"name": "Layla"},
        webhook_url=webhook_url,
        webhook_auth={"auth_key": "Token", "auth_secret": WEBHOOK_SECRET},
    )
    print(f"Call placed: job {job.id} is {job.status}")

    conversation = client.conversations.wait(conversation_id=job.id, poll_interval=0.25)
    print(f"Conversation {conversation.id} ended: {conversation.status}")

    ended = None
    while ended is None:
        try:
            event = events.get(timeout=5)
        except queue.Empty:
            break
        print(f"  webhook {event.event_type:<22} verified")
        if event.event_type == "call.ended":
            ended = event.to_dict()["data"]["data"]
    if ended is not None:
        print("Transcript:")
        for line in ended["transcription"]:
            for speaker, text in line.items():
                print(f"  {speaker:>5}: {text}")
        print(f"Outcome: {ended['outcomeResult']}")


if __name__ == "__main__":
    main()
