#!/usr/bin/env python3
"""Generates every binding's typed layer and the CLI's command table from `catalog.json`.

    python3 codegen/generate.py            write every generated file
    python3 codegen/generate.py --check    write nothing; exit 1 naming each stale file

The catalog is read once into the neutral model (model.py); each backend in backends/ turns the model
into the files of one target and returns them as {path relative to the repository: text}. The test
command runs --check, so a generated file that drifts from the catalog fails the build.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import model  # noqa: E402
from backends import BACKENDS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default=str(ROOT / "catalog.json"))
    parser.add_argument("--check", action="store_true", help="fail on stale output, write nothing")
    args = parser.parse_args()
    try:
        catalog = model.load(json.loads(Path(args.catalog).read_text(encoding="utf-8")))
        outputs: dict[str, str] = {}
        for backend in BACKENDS:
            for relative, text in backend.render(catalog).items():
                if relative in outputs:
                    raise model.CatalogError(f"two backends write {relative}")
                outputs[relative] = text
    except model.CatalogError as error:
        print(f"codegen: {error}", file=sys.stderr)
        return 2
    stale = []
    for relative, text in sorted(outputs.items()):
        path = ROOT / relative
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(relative)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("codegen: generated files are stale (run python3 codegen/generate.py):", *stale, sep="\n  ")
        return 1
    print(f"codegen: {'checked' if args.check else 'wrote'} {len(outputs)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
