"""Is a new ``scan --format json`` output the old one plus new flag fields, byte for byte?

    .venv/bin/python benchmarks/compare_scan_json.py BEFORE.json AFTER.json [--new-field priority]

Drops the named new fields from every flag of AFTER, writes it back as ``scan`` writes JSON
(indented, ``ensure_ascii=False``) and compares the bytes with BEFORE; prints the first difference.
Exit 0 when identical, 1 otherwise. For checking a change that must only extend the contract.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _without(payload: object, fields: set[str]) -> object:
    documents = payload if isinstance(payload, list) else [payload]
    for document in documents:
        for flag in document["flags"]:
            for name in fields:
                flag.pop(name, None)
    return payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--new-field", action="append", default=None, help="a field new in AFTER (default: priority)")
    args = parser.parse_args(argv)
    fields = set(args.new_field or ["priority"])
    before = args.before.read_text(encoding="utf-8")
    stripped = json.dumps(_without(json.loads(args.after.read_text(encoding="utf-8")), fields),
                          ensure_ascii=False, indent=2) + "\n"
    if stripped == before:
        print(f"{args.after}: identical to {args.before} but for {', '.join(sorted(fields))}")
        return 0
    at = next((i for i, (a, b) in enumerate(zip(before, stripped)) if a != b), min(len(before), len(stripped)))
    print(f"{args.after}: differs from {args.before} at character {at}:")
    print(f"  before: {before[max(0, at - 60):at + 60]!r}")
    print(f"  after:  {stripped[max(0, at - 60):at + 60]!r}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
