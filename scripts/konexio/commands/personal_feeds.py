"""``konexio personal-feeds --out site``: each volunteer's calendar, into the built site.

Run after ``konexio build`` (which replaces the site folder whole): writes
``<out>/v/<token>/agenda.ics`` and its ``noindex`` page for every roster row with a token,
and removes the folders of tokens that no longer exist. Prints counts only.
"""

from __future__ import annotations

from pathlib import Path

from konexio.cli import stopped
from konexio.commands.notify import add_sheet_options, site_url
from konexio.commands.sync import make_backend
from konexio.i18n import COORDINATORS


def register(sub) -> None:
    command = sub.add_parser("personal-feeds",
                             help="write each volunteer's calendar into the built site")
    add_sheet_options(command)
    command.add_argument("--out", type=Path, default=None,
                         help="the built site folder (default: site/)")
    command.set_defaults(run=run)


def run(args) -> int:
    from datetime import date

    from konexio.feeds import feed_context
    from konexio.feeds.personal import write_personal_feeds
    from konexio.notify.run import personal_feeds
    from konexio.sync.retry import SyncError
    from konexio.validate import load_valid

    dataset, schedule = load_valid(args.root)
    address = site_url(args)
    if address is None:
        return 1
    context = feed_context(dataset, address, today=args.today or date.today(), root=args.root)
    try:
        feeds = personal_feeds(dataset, schedule, make_backend(args, dataset))
    except SyncError as error:
        stopped("personal-feeds", error, args.lang)
        return 2
    out = (args.out or args.root / "site").resolve()
    written = write_personal_feeds(feeds, out, context, schedule)
    print(COORDINATORS.ngettext(args.lang, "%(num)d agenda personnel écrit dans %(folder)s.",
                                "%(num)d agendas personnels écrits dans %(folder)s.",
                                len(written), folder=out / "v"))
    return 0

