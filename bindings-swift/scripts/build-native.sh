#!/usr/bin/env bash
# Builds what both test scripts need and regenerates the bindings:
#   - libhamsa_uniffi (debug), the pinned uniffi-bindgen, and conformance-mock;
#   - regenerates UniFFI's Swift and/or Kotlin glue from the library just built.
# (The committed catalog-generated layers are checked once for every binding by scripts/test-all.sh,
# with `python3 codegen/generate.py --check`.)
#
#   build-native.sh swift|kotlin|all
#
# Prints the directory holding libhamsa_uniffi.so as its last line.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # bindings-swift/
repo="$(cd "$here/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
export CARGO_TARGET_DIR="$target"
languages="${1:-all}"

step() { echo "==> $*" >&2; }
timed() { local start=$SECONDS; "$@"; echo "    ($((SECONDS - start)) s)" >&2; }

cd "$repo"
# Separate invocations on purpose: built together, the bindgen's "cli" feature of `uniffi` would leak into
# the library (cargo unifies features within one build) and each build would invalidate the other.
step "cargo build -p hamsa-uniffi"
timed cargo build -p hamsa-uniffi >&2
step "cargo build -p hamsa-uniffi-bindgen"
timed cargo build -p hamsa-uniffi-bindgen >&2
step "cargo build -p hamsa-conformance --bin conformance-mock"
timed cargo build -p hamsa-conformance --bin conformance-mock >&2

case "$(uname -s)" in
    Darwin) library="$target/debug/libhamsa_uniffi.dylib" ;;
    *) library="$target/debug/libhamsa_uniffi.so" ;;
esac
bindgen="$target/debug/uniffi-bindgen"

if [[ $languages == swift || $languages == all ]]; then
    step "uniffi-bindgen: Swift glue"
    out="$(mktemp -d)"
    "$bindgen" generate --no-format --library "$library" --language swift --out-dir "$out" >&2
    mkdir -p "$here/swift/Sources/Hamsa/UniFFI"
    cp "$out/Hamsa.swift" "$here/swift/Sources/Hamsa/UniFFI/Hamsa.swift"
    cp "$out/HamsaFFI.h" "$here/swift/Sources/HamsaFFI/include/HamsaFFI.h"
    rm -rf "$out"
fi
if [[ $languages == kotlin || $languages == all ]]; then
    step "uniffi-bindgen: Kotlin glue"
    rm -rf "$here/kotlin/src/uniffi"
    "$bindgen" generate --no-format --library "$library" --language kotlin \
        --out-dir "$here/kotlin/src/uniffi/kotlin" >&2
fi
dirname "$library"
