"""``konexio sync``: write the volunteer shifts to Google Sheets or a local workbook.

Validates first and touches no sheet when the data has errors. Only generated cells are
written; names, phones and notes typed by people are never touched.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from konexio.cli import add_common, stopped
from konexio.i18n import COORDINATORS, NN_, Message, Together
from konexio.sync.backend import Backend
from konexio.sync.layout import column_letter
from konexio.sync.plan import Counts
from konexio.sync.retry import SyncError


def add_backend_options(command) -> None:
    command.add_argument("--backend", choices=("google", "xlsx"), default=None,
                         help="google when KONEXIO_GOOGLE_CREDENTIALS is set, else xlsx")
    command.add_argument("--file", type=Path, default=None,
                         help="the local sign-up workbook (default: volunteers/shifts.xlsx)")
    command.add_argument("--people-file", type=Path, default=None,
                         help="the local people workbook, roster and journal, for "
                              "coordinators only (default: people.xlsx beside --file)")


def register(sub) -> None:
    command = sub.add_parser("sync", help="write the volunteer shifts to the shift sheets")
    add_common(command)
    add_backend_options(command)
    command.add_argument("--dry-run", action="store_true",
                         help="read and show what would change, write nothing")
    command.add_argument("--today", type=date.fromisoformat, default=None,
                         help="the day to act as for the retention period of "
                              "volunteers/privacy.yml (YYYY-MM-DD; default: today)")
    command.add_argument("--show-names", action="store_true",
                         help="print the names typed in sign-ups that match no roster row "
                              "(on your terminal; never in a shared log)")
    command.set_defaults(run=run)


def make_backend(args, dataset) -> Backend:
    """The backend the options ask for (Google only when credentials are set)."""
    from konexio.sync.google import CREDENTIALS_VARIABLE, GoogleBackend
    from konexio.sync.xlsx import DEFAULT_PATH, XlsxBackend

    choice = args.backend or ("google" if os.environ.get(CREDENTIALS_VARIABLE) else "xlsx")
    if choice == "google":
        sheets = dataset.sheets.model if dataset.sheets else None
        ids = dict(sheets.spreadsheets) if sheets else {}
        return GoogleBackend.from_environment(ids, sheets.people_of() if sheets else {})
    path = args.file if args.file else args.root / DEFAULT_PATH
    people = getattr(args, "people_file", None)
    return XlsxBackend(path.resolve(), people=people.resolve() if people else None)


def progress_printer(stream=None):
    """A one-line progress indicator on stderr, only when a person is watching."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None

    def show(done: int, total: int, label: str) -> None:
        end = "\n" if done == total else ""
        stream.write(f"\r[{done}/{total}] {label[:60]:<60}{end}")
        stream.flush()
    return show


def counts_line(counts: Counts, lang: str) -> str:
    """'34 nouveaux, 2 modifiés, 0 annulé, ...': what a sync did to the shift rows."""
    return ", ".join((
        COORDINATORS.ngettext(lang, "%(num)d nouveau", "%(num)d nouveaux", counts.new),
        COORDINATORS.ngettext(lang, "%(num)d modifié", "%(num)d modifiés", counts.updated),
        COORDINATORS.ngettext(lang, "%(num)d annulé", "%(num)d annulés", counts.cancelled),
        COORDINATORS.ngettext(lang, "%(num)d retiré", "%(num)d retirés", counts.removed),
        COORDINATORS.ngettext(lang, "%(num)d inchangé", "%(num)d inchangés",
                              counts.unchanged)))


def cells(changed) -> Together:
    """``Paris!L5, Envois!E3``: where, never what a cell held."""
    return Together(f"{c.title}!{column_letter(c.col)}{c.row + 1}" for c in changed)


def retention_lines(summary, months: int) -> list[Message]:
    """What the retention period did (or would do), by cell and roster row."""
    lines = []
    if summary.erased:
        lines.append(COORDINATORS.message(NN_(
            "Conservation (%(months)d mois) : %(num)d nom ou adresse plus ancien remplacé "
            "par un pseudonyme : %(cells)s",
            "Conservation (%(months)d mois) : %(num)d noms ou adresses plus anciens "
            "remplacés par un pseudonyme : %(cells)s"),
            months=months, num=len(summary.erased), cells=cells(summary.erased)))
    if summary.stale:
        lines.append(COORDINATORS.message(NN_(
            "Conservation (%(months)d mois) : %(num)d ligne de Bénévoles sans inscription "
            "depuis : %(rows)s ; si la personne ne vient plus, effacez-la avec konexio forget.",
            "Conservation (%(months)d mois) : %(num)d lignes de Bénévoles sans inscription "
            "depuis : %(rows)s ; si ces personnes ne viennent plus, effacez-les avec konexio "
            "forget."), months=months, num=len(summary.stale), rows=Together(summary.stale)))
    return lines


def run(args) -> int:
    from konexio.notify.people import unknown_lines
    from konexio.sync.run import sync
    from konexio.validate import load_valid

    dataset, schedule = load_valid(args.root)  # DataError: cli prints it, nothing touched
    try:
        backend = make_backend(args, dataset)
        summary = sync(dataset, schedule, backend, args.dry_run, progress_printer(),
                       today=args.today or date.today())
    except SyncError as error:
        stopped("sync", error, args.lang)
        return 2
    lang = args.lang
    for line in summary.lines:
        print(line.text(lang))
    for line in retention_lines(summary, dataset.privacy.retention_months):
        print(line.text(lang))
    for roster, unmatched in summary.unknown:
        for line in unknown_lines(roster, unmatched, args.show_names):
            print(line.text(lang))
    where = backend.path if backend.name == "xlsx" else "Google Sheets"
    for title, counts in summary.worksheets.items():
        print(COORDINATORS.gettext(lang, "%(worksheet)s : %(counts)s", worksheet=title,
                                   counts=counts_line(counts, lang)))
    requests = COORDINATORS.ngettext(lang, "%(num)d requête", "%(num)d requêtes",
                                     summary.requests)
    if args.dry_run:
        writes = COORDINATORS.ngettext(lang, "%(num)d écriture prévue",
                                       "%(num)d écritures prévues", summary.writes)
    else:
        writes = COORDINATORS.ngettext(lang, "%(num)d écriture", "%(num)d écritures",
                                       summary.writes)
    print(COORDINATORS.gettext(lang, "Total (%(where)s) : %(counts)s ; %(requests)s, "
                                     "%(writes)s.", where=where,
                               counts=counts_line(summary.counts, lang), requests=requests,
                               writes=writes))
    if args.dry_run:
        print(COORDINATORS.gettext(lang, "Simulation : rien n'a été écrit."))
    return 0
