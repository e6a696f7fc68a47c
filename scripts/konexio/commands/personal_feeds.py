"""``konexio personal-feeds [--out DIR]``: each volunteer's calendar, in a folder of its own.

Writes ``<out>/v/<token>/agenda.ics`` and its ``noindex`` page for every roster row with a
token, and removes the folders of tokens that no longer exist; the daily run copies
``<out>/`` to the association's host with ``rsync --delete`` (README, "Personal
calendars"). The addresses in the pages come from ``KONEXIO_PERSONAL_FEEDS_URL``: without
it nothing is written. ``<out>`` (default ``.cache/personal``) is never a folder that is
published or kept by git: not the built site (pushed to gh-pages), the pages or their
staged copy, nor anywhere else in the checkout but the git-ignored ``.cache/``, so a token
can never reach a branch. Prints counts only, never a token.
"""

from __future__ import annotations

import sys
from pathlib import Path

from konexio import urls
from konexio.cli import stopped
from konexio.commands.notify import add_sheet_options, site_url
from konexio.commands.sync import make_backend
from konexio.i18n import COORDINATORS, N_, Message

DEFAULT_OUT = Path(".cache/personal")
"""Under ``.cache/``, which git ignores; the daily run writes to its job's temporary folder."""

NO_ADDRESS = {
    "personal-feeds": N_(
        "l'adresse des agendas personnels n'est pas réglée (%(variable)s : l'adresse "
        "https:// du dossier où l'hébergeur de l'association les sert, hors du site "
        "public ; voir le README, « Personal calendars ») : aucun agenda n'a été écrit"),
    "notify": N_(
        "l'adresse des agendas personnels n'est pas réglée (%(variable)s : l'adresse "
        "https:// du dossier où l'hébergeur de l'association les sert, hors du site "
        "public ; voir le README, « Personal calendars ») : les messages partent sans "
        "lien vers l'agenda personnel"),
}


def no_address(command: str) -> Message:
    """Why there is no personal calendar address, for ``konexio <command>`` to print."""
    return COORDINATORS.message(NO_ADDRESS[command], variable=urls.PERSONAL_ADDRESS)


def register(sub) -> None:
    command = sub.add_parser("personal-feeds",
                             help="write each volunteer's calendar into a folder that is "
                                  "never published with the site")
    add_sheet_options(command)
    command.add_argument("--out", type=Path, default=None,
                         help=f"where to write them (default: {DEFAULT_OUT}); never the "
                              "site, the pages or a folder kept by git")
    command.set_defaults(run=run)


def published_place(out: Path, root: Path) -> Path | None:
    """The folder that would publish ``out`` or keep it in git, or None if ``out`` is
    safe: the built site (``konexio build``'s ``site/``, pushed to gh-pages), the
    hand-written pages, the staged pages of ``make serve``, or any other folder of the
    checkout but the git-ignored ``.cache/``."""
    def within(place: Path) -> bool:
        return out == place or place in out.parents

    cache = root / ".cache"
    for place in (root / "site", root / "docs", cache / "stage"):
        if within(place.resolve()):
            return place
    if within(root) and not within(cache):
        return root
    return None


def run(args) -> int:
    from datetime import date

    from konexio.feeds import feed_context
    from konexio.feeds.personal import write_personal_feeds
    from konexio.notify.run import personal_feeds
    from konexio.sync.retry import SyncError
    from konexio.validate import load_valid

    out = (args.out or args.root / DEFAULT_OUT).resolve()
    place = published_place(out, args.root.resolve())
    if place is not None:
        print(COORDINATORS.gettext(
            args.lang, "konexio personal-feeds : %(folder)s est dans %(place)s, qui est "
            "publié ou gardé par git : un agenda personnel ne doit jamais y être écrit, son "
            "adresse y deviendrait lisible par tous ; écrivez-les hors du dépôt ou sous "
            ".cache/ (par défaut : %(default)s).", folder=out, place=place,
            default=DEFAULT_OUT), file=sys.stderr)
        return 1
    address = site_url(args)
    if address is None:
        return 1
    dataset, schedule = load_valid(args.root)
    context = feed_context(dataset, address, today=args.today or date.today(), root=args.root)
    if context.personal_url is None:
        stopped("personal-feeds", no_address("personal-feeds"), args.lang)
        return 1
    try:
        feeds = personal_feeds(dataset, schedule, make_backend(args, dataset))
    except SyncError as error:
        stopped("personal-feeds", error, args.lang)
        return 2
    written = write_personal_feeds(feeds, out, context, schedule, context.personal_url)
    print(COORDINATORS.ngettext(args.lang, "%(num)d agenda personnel écrit dans %(folder)s.",
                                "%(num)d agendas personnels écrits dans %(folder)s.",
                                len(written), folder=out / "v"))
    return 0

