"""The main job, end to end, in Python: create a web tool and a v2 voice agent that greets with `{{name}}`
and uses the tool, register a Twilio number and assign it to the agent, place an outbound call with the
agent and `params={"name": "Sara"}` and a webhook, receive and verify the webhook events, wait for the
conversation to end, print transcript and outcome, then the agent's analytics.

Run it against `hamsa mock` (what the tests do):

    hamsa mock --port 8080 &
    HAMSA_API_KEY=mock-key HAMSA_BASE_URL=http://127.0.0.1:8080 python examples/python/quickstart.py

Against the real API, set HAMSA_API_KEY, HAMSA_TOOL_URL to the tool's public https URL, and
HAMSA_WEBHOOK_URL to a public https URL that reaches you.
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

    # A web tool the agent can call. The mock only calls loopback tool servers; Hamsa needs public https.
    tool = client.web_tools.create(
        name="book_appointment",
        description="Books an appointment on the day the caller asks for.",
        params={
            "type": "object",
            "properties": {"day": {"type": "string", "description": "The day of the appointment"}},
            "required": ["day"],
        },
        tool_settings={
            "server_url": os.environ.get("HAMSA_TOOL_URL", "http://127.0.0.1:8787/book-appointment"),
            "method_type": "POST",
            "time_out": 5,
        },
    )
    print(f"Created web tool {tool.name} ({tool.id} v{tool.version})")

    # A v2 voice agent: a greeting with a {{name}} placeholder (and its default), and the tool.
    agent = client.voice_agents.create(
        name="Quickstart Agent",
        conversation={
            "greeting_message": "Hello {{name}}, this is Hamsa. How can I help you today?",
            "params": {"name": "there"},
        },
        voice={"lang": "en"},
        tools=[
            {
                "tool_id": tool.id,
                "persistent_id": tool.persistent_id,
                "version": tool.version,
                "tool_type": "FUNCTION",
            }
        ],
    )
    print(f"Created voice agent {agent.name} ({agent.id})")

    number = client.phone_numbers.add_twilio(
        phone_number=os.environ.get("HAMSA_TWILIO_NUMBER", "+9700000000"),
        label="Support Line",
        twilio_number_sid=os.environ.get("HAMSA_TWILIO_NUMBER_SID", "PNXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
        twilio_account_sid=os.environ.get("HAMSA_TWILIO_ACCOUNT_SID", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
        twilio_auth_token=os.environ.get("HAMSA_TWILIO_AUTH_TOKEN", "your_twilio_auth_token"),
    )
    print(f"Registered {number.number} ({number.id})")
    assigned = client.phone_numbers.assign(voice_agent_id=agent.id, phone_number=number.number or "")
    print(f"Assigned {assigned.number} to agent {assigned.voice_agent_id}")

    events: queue.Queue[hamsa.WebhookEvent] = queue.Queue()
    webhook_url = os.environ.get("HAMSA_WEBHOOK_URL") or start_webhook_receiver(events)

    # Placing a call is never retried once it may have reached Hamsa: a timeout or a 5xx raises
    # OutcomeUnknownError instead of calling the person twice.
    job = client.calls.create_twilio(
        to_number=os.environ.get("HAMSA_TO_NUMBER", "+966500000001"),
        twilio_phone_number=number.number or "",
        voice_agent_id=agent.id,
        params={"name": "Sara"},
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

    overview = client.analytics.overview(voice_agent_id=agent.id, period="TODAY")
    print(
        f"Analytics of agent {agent.id}: {overview.total_sessions_number} sessions today, "
        f"average duration {overview.average_session_duration or 0:.1f} s"
    )


if __name__ == "__main__":
    main()
