"""``konexio build``: validate, then build the site with its feeds; all or nothing."""

from __future__ import annotations

from pathlib import Path

from konexio.cli import add_common


def register(sub) -> None:
    command = sub.add_parser("build", help="validate the data and build the public site")
    add_common(command)
    command.add_argument("--out", type=Path, default=None,
                         help="where to write the site (default: site/ under the root)")
    command.add_argument("--keep-stage", type=Path, default=None, metavar="DIR",
                         help="also keep the staged pages the engine built in DIR (as "
                              "konexio stage writes them), to compare or try another engine")
    command.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                         help="the site engine (default: mkdocs; zensical, Material's "
                              "successor, after `make zensical`): the same site either way")
    command.set_defaults(run=run)


def run(args) -> int:
    from konexio.site.build import build_site  # mkdocs is slow to import: only when building

    out = args.out.resolve() if args.out else args.root / "site"
    keep = args.keep_stage.resolve() if args.keep_stage else None
    build_site(args.root, out, keep_stage=keep, engine=args.engine)
    return 0
