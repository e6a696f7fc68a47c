"""``konexio notify``: tell volunteers about changes to their shifts, remind them the day
before.

Reads the shift sheets, the roster (``Bénévoles``) and the journal (``Envois``); sends by
SMTP (``KONEXIO_SMTP_URL``, ``KONEXIO_MAIL_FROM``); records each mail in ``Envois``. Prints
cells and shift ids, names only with ``--show-names``.
"""

from __future__ import annotations

import os
import sys
from datetime import date

from konexio.cli import add_common, stopped
from konexio.commands.sync import add_backend_options, make_backend
from konexio.i18n import COORDINATORS


def add_sheet_options(command) -> None:
    add_common(command)
    add_backend_options(command)
    command.add_argument("--today", type=date.fromisoformat, default=None,
                         help="the day to act as (YYYY-MM-DD; default: today)")
    command.add_argument("--site-url", default=None,
                         help="the public site's address (default: site_url of mkdocs.yml)")


def site_url(args) -> str | None:
    from konexio.feeds.personal import site_address

    found = args.site_url or site_address(args.root)
    if not found.startswith(("https://", "http://")):
        print(COORDINATORS.gettext(args.lang, "konexio : adresse du site inconnue (site_url "
                                              "dans mkdocs.yml) ; donnez-la avec --site-url "
                                              "https://..."), file=sys.stderr)
        return None
    return found


def register(sub) -> None:
    command = sub.add_parser("notify", help="e-mail volunteers about changes and reminders")
    add_sheet_options(command)
    command.add_argument("--dry-run", action="store_true",
                         help="print what would be sent; send and write nothing")
    command.add_argument("--show-names", action="store_true",
                         help="print names and addresses (your terminal only, never in CI)")
    command.set_defaults(run=run)


def run(args) -> int:
    from konexio.feeds import feed_context
    from konexio.notify.run import notify
    from konexio.notify.send import Mailer, MailError, settings_from
    from konexio.sync.retry import SyncError
    from konexio.validate import load_valid

    mailer = None
    sender = ""
    if not args.dry_run:
        try:
            settings = settings_from(os.environ)
        except MailError as error:
            stopped("notify", error, args.lang)
            return 1
        mailer, sender = Mailer(settings), settings.sender
    dataset, schedule = load_valid(args.root)
    address = site_url(args)
    if address is None:
        return 1
    today = args.today or date.today()
    context = feed_context(dataset, address, today=today, root=args.root)
    try:
        backend = make_backend(args, dataset)
        report = notify(dataset, schedule, backend, context, mailer=mailer, sender=sender,
                        today=today, dry_run=args.dry_run, show_names=args.show_names)
    except MailError as error:
        stopped("notify", error, args.lang)
        return 1
    except SyncError as error:
        stopped("notify", error, args.lang)
        return 2
    finally:
        if mailer is not None:
            mailer.close()
    lang = args.lang
    if context.personal_url is None and (report.sent or report.would_send):
        from konexio.commands.personal_feeds import no_address
        print(no_address("notify").text(lang))
    for line in report.lines:
        print(line.text(lang))
    if args.dry_run:
        print(COORDINATORS.ngettext(
            lang, "Simulation : %(num)d message à envoyer, rien n'a été envoyé ni écrit.",
            "Simulation : %(num)d messages à envoyer, rien n'a été envoyé ni écrit.",
            report.would_send))
        _say_stopped(report, lang)
        return 1 if report.stopped else 0
    print(COORDINATORS.gettext(
        lang, "%(sent)s, %(refused)s, %(uncertain)s, %(unmatched)s.",
        sent=COORDINATORS.ngettext(lang, "%(num)d envoyé", "%(num)d envoyés", report.sent),
        refused=COORDINATORS.ngettext(lang, "%(num)d refusé", "%(num)d refusés",
                                      report.refused),
        uncertain=COORDINATORS.ngettext(lang, "%(num)d incertain", "%(num)d incertains",
                                        report.uncertain),
        unmatched=COORDINATORS.ngettext(lang, "%(num)d inscription sans destinataire",
                                        "%(num)d inscriptions sans destinataire",
                                        report.unmatched)))
    _say_stopped(report, lang)
    return 0 if report.ok else 1


def _say_stopped(report, lang: str) -> None:
    # Else the count above ("0 messages") would read as "nothing is due" for a spreadsheet
    # whose due mails could not be counted at all.
    if report.stopped:
        print(COORDINATORS.ngettext(
            lang, "%(num)d classeur laissé de côté : son journal Envois est à réparer "
            "(voir plus haut) ; ses messages ne sont ni comptés ni envoyés.",
            "%(num)d classeurs laissés de côté : leur journal Envois est à réparer "
            "(voir plus haut) ; leurs messages ne sont ni comptés ni envoyés.",
            report.stopped))
