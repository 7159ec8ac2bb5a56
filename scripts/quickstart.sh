#!/usr/bin/env bash
# The main job end to end: create a web tool and a v2 voice agent (a `{{name}}` greeting, the tool),
# register a Twilio number and assign it to the agent, place a call with the agent, `params {name: Sara}`
# and a webhook, verify the webhook events, wait for the conversation to end, print its transcript and
# outcome (it fails unless the transcript shows "Hello Sara"), then the agent's analytics. Without
# HAMSA_API_KEY it runs against the embedded local mock server (no key, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run -q -p hamsa-examples --bin quickstart
