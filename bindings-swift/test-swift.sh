#!/usr/bin/env bash
# Builds the native library and the mock, regenerates the glue, and runs the Swift package's XCTest suite
# (every conformance scenario, cancellation, webhooks, the typed layer). Exits non-zero on any failure.
#
# With a Swift toolchain on PATH (macOS with Xcode, or Linux with swift.org's toolchain) it runs
# `swift test` directly. Without one, on Debian/Ubuntu as root, it runs it in a cached Debian trixie chroot
# with trixie's `swiftlang` package (scripts/swift-chroot.sh; the first run creates it, ~2-4 minutes).
# HAMSA_SWIFT_CHROOT=1 forces the chroot.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
scenarios="$repo/tests/scenarios"

native_dir="$("$here/scripts/build-native.sh" swift | tail -n1)"

# The mock runs on the host; the chroot shares the host's network, so the tests reach it by URL.
mock_log="$(mktemp)"
"$target/debug/conformance-mock" >"$mock_log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true; rm -f "$mock_log"' EXIT
mock_url=""
for _ in $(seq 100); do
    mock_url="$(grep -o 'http://[0-9.:]*' "$mock_log" | head -n1 || true)"
    [[ -n $mock_url ]] && break
    sleep 0.1
done
[[ -n $mock_url ]] || { echo "conformance-mock did not start:" >&2; cat "$mock_log" >&2; exit 1; }

output="$(mktemp)"
trap 'kill "$mock_pid" 2>/dev/null || true; rm -f "$mock_log" "$output"' EXIT
echo "==> swift test (mock at $mock_url)" >&2
start=$SECONDS
status=0
if command -v swift >/dev/null && [[ -z ${HAMSA_SWIFT_CHROOT:-} ]]; then
    (cd "$here/swift" && HAMSA_MOCK_URL="$mock_url" HAMSA_NATIVE_DIR="$native_dir" HAMSA_SCENARIOS="$scenarios" \
        LD_LIBRARY_PATH="$native_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test 2>&1) | tee "$output" || status=$?
else
    # The build directory stays inside the chroot (cached with it), out of the repo.
    "$here/scripts/swift-chroot.sh" \
        --bind "$here/swift:/hamsa/swift" --bind "$native_dir:/hamsa/native" --bind "$scenarios:/hamsa/scenarios" \
        --env HAMSA_MOCK_URL="$mock_url" --env HAMSA_NATIVE_DIR=/hamsa/native \
        --env HAMSA_SCENARIOS=/hamsa/scenarios --env LD_LIBRARY_PATH=/hamsa/native \
        -- sh -c 'cd /hamsa/swift && swift test --scratch-path /var/cache/hamsa-swift-build 2>&1' \
        | tee "$output" || status=$?
fi
echo "    ($((SECONDS - start)) s)" >&2
[[ $status -eq 0 ]] || { echo "swift test failed" >&2; exit "$status"; }

# Belt and braces: the suite must have run, and run every scenario file.
files="$(find "$scenarios" -name '*.json' | wc -l)"
grep -q "conformance (swift): $files passed, 0 failed" "$output" || {
    echo "expected 'conformance (swift): $files passed, 0 failed' in the output" >&2
    exit 1
}
