#!/usr/bin/env bash
# The main job end to end: register a Twilio number, place a call with a webhook, verify the webhook
# events, wait for the conversation to end, print its transcript and outcome. Without HAMSA_API_KEY it
# runs against the embedded local mock server (no key, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run -q -p hamsa-examples --bin quickstart
