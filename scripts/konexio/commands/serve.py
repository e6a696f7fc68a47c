"""``konexio serve``: live preview of one language; edits to the data or pages show at once."""

from __future__ import annotations

from pathlib import Path

from konexio import LANGUAGES
from konexio.cli import add_common


def register(sub) -> None:
    command = sub.add_parser("serve", help="live preview of one language of the site")
    add_common(command)
    command.add_argument("--site-lang", choices=LANGUAGES, default=LANGUAGES[0],
                         help=f"the language to serve (default: {LANGUAGES[0]})")
    command.add_argument("--stage", type=Path, default=None,
                         help="where to stage the pages (default: .cache/stage under the root)")
    command.add_argument("--dev-addr", default="127.0.0.1:8000",
                         help="address to serve on (default: 127.0.0.1:8000)")
    command.set_defaults(run=run)


def run(args) -> int:
    from konexio.site.serve import serve

    out = args.stage.resolve() if args.stage else args.root / ".cache" / "stage"
    serve(args.root, out, args.site_lang, args.dev_addr)
    return 0
