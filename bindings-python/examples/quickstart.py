"""Place a call through a Twilio number and wait for it to end.

HAMSA_API_KEY=... python examples/quickstart.py +9665XXXXXXXX +1XXXXXXXXXX AGENT_ID
"""

from __future__ import annotations

import sys

import hamsa
from hamsa import Hamsa


def main(to_number: str, twilio_number: str, agent_id: str) -> int:
    with Hamsa() as client:  # HAMSA_API_KEY from the environment
        try:
            job = client.calls.create_twilio(
                to_number=to_number,
                twilio_phone_number=twilio_number,
                voice_agent_id=agent_id,
                params={"name": "Sara"},
                webhook_url="https://example.com/hook",
                webhook_auth={"auth_key": "Token", "auth_secret": "change-me"},
            )
        except hamsa.OutcomeUnknownError as error:
            # The call may or may not have been placed: do not simply try again.
            print(f"unknown outcome ({error.cause}); check the dashboard before retrying", file=sys.stderr)
            return 2
        user_number = job.call_params.user_number if job.call_params else None
        print(job.id, job.status, user_number)
        done = client.jobs.wait(job_id=job.id, poll_interval=2.0, wait_timeout=600)
        print("finished:", done.status)
        for number in client.phone_numbers.list(take=50):
            print(number.number, number.label, number.voice_agent_id)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
