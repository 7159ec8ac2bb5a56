#!/usr/bin/env python3
"""Generates the typed Swift and Kotlin layers from the core's catalog.

    generate.py [--catalog FILE] [--check]

Without --catalog, runs `cargo run -p hamsa --example catalog`. --check writes nothing and exits 1 when a
generated file differs from what is committed (the drift test run by the test scripts).
"""

import argparse
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import kotlin  # noqa: E402
import schema  # noqa: E402
import swift  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent  # bindings-swift/


def read_catalog(path):
    if path:
        return json.loads(pathlib.Path(path).read_text())
    text = subprocess.run(["cargo", "run", "--quiet", "-p", "hamsa", "--example", "catalog"],
                          cwd=ROOT.parent, check=True, capture_output=True, text=True).stdout
    return json.loads(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--catalog")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    catalog = schema.load(read_catalog(args.catalog))
    outputs = {**swift.files(catalog), **kotlin.files(catalog)}
    stale = []
    for relative, text in outputs.items():
        path = ROOT / relative
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(relative)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print("generated files are out of date (run bindings-swift/codegen/generate.py):", *stale, sep="\n  ")
        return 1
    print(f"{'checked' if args.check else 'generated'} {len(outputs)} files from the catalog")
    return 0


if __name__ == "__main__":
    sys.exit(main())
