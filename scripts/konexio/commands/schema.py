"""``konexio schema``: write (or ``--check``) the JSON Schemas generated from the model."""

from __future__ import annotations

import sys

from konexio.cli import add_common
from konexio.schema import stale, write_all


def register(sub) -> None:
    command = sub.add_parser("schema", help="write the JSON Schemas of the YAML files")
    add_common(command)
    command.add_argument("--check", action="store_true",
                         help="only check that the schemas in the repository are up to date")
    command.set_defaults(run=run)


def run(args) -> int:
    if args.check:
        old = stale(args.root)
        for path in old:
            print(f"{path}:1:1: out of date; run 'konexio schema'", file=sys.stderr)
        return 1 if old else 0
    for path in write_all(args.root):
        print(f"wrote {path.relative_to(args.root)}")
    return 0
