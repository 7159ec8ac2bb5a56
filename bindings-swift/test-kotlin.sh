#!/usr/bin/env bash
# Builds the native library and the mock, regenerates the glue, and runs the Kotlin/JVM tests with
# Maven (every conformance scenario, cancellation, webhooks, the typed layer). Exits non-zero on any
# failure. Needs: cargo, python3, Java 17+, Maven 3.8+ (dependencies come from Maven Central).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"

native_dir="$("$here/scripts/build-native.sh" kotlin | tail -n1)"

echo "==> mvn test" >&2
start=$SECONDS
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
cd "$here/kotlin"
# The tests start conformance-mock themselves (and stop it when the JVM exits).
status=0
HAMSA_CONFORMANCE_MOCK="$target/debug/conformance-mock" \
    mvn -B -ntp ${MAVEN_ARGS:-} -Dhamsa.native.dir="$native_dir" test 2>&1 | tee "$output" || status=$?
echo "    ($((SECONDS - start)) s)" >&2
[[ $status -eq 0 ]] || { echo "mvn test failed" >&2; exit "$status"; }

# Belt and braces: the suite must have run, and run every scenario file.
files="$(find "$repo/tests/scenarios" -name '*.json' | wc -l)"
grep -q "conformance (kotlin): $files passed, 0 failed" "$output" || {
    echo "expected 'conformance (kotlin): $files passed, 0 failed' in the output" >&2
    exit 1
}
