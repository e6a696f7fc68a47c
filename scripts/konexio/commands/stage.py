"""``konexio stage``: write each language's site source, for any engine that reads mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from konexio.cli import add_common


def register(sub) -> None:
    command = sub.add_parser(
        "stage", help="write the site source of each language (mkdocs.yml + pages) to a folder",
        description="Validate the data, then write DIR/<lang>/mkdocs.yml and DIR/<lang>/docs/ "
                    "for every site language (only files whose content changed). Build one "
                    "language with: mkdocs build -f DIR/<lang>/mkdocs.yml")
    add_common(command)
    command.add_argument("--out", type=Path, required=True, help="the folder to write (DIR)")
    command.set_defaults(run=run)


def run(args) -> int:
    from konexio.site.build import prepare
    from konexio.site.stage import stage

    out = args.out.resolve()
    _, checked = prepare(args.root)  # DataError before anything is written
    changed = stage(args.root, out, checked.site)
    print(f"konexio stage: {len(changed)} file(s) written or removed under {out}")
    return 0
