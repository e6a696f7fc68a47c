"""``konexio hours``: the hours volunteers gave, valued, for the treasurer.

Reads the sign-up sheets and the attendance marks (``Présences``, people place), counts
what took place in the period, and writes a workbook and a CSV (``hours.report``). The
terminal shows figures and cells, never a name; names reach the workbook only with
``--per-person``.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

from konexio.cli import add_common, stopped
from konexio.commands.sync import add_backend_options, make_backend
from konexio.i18n import COORDINATORS, NN_, Together
from konexio.sync.retry import SyncError


def register(sub) -> None:
    command = sub.add_parser("hours", help="the hours volunteers gave, valued, in a workbook "
                                           "for the accounts (864/875)")
    add_common(command)
    add_backend_options(command)
    command.add_argument("--year", type=int, default=None,
                         help="the calendar year to count (YYYY)")
    command.add_argument("--from", dest="start", type=date.fromisoformat, default=None,
                         help="first day counted (YYYY-MM-DD; default: 1 January of --year)")
    command.add_argument("--to", dest="end", type=date.fromisoformat, default=None,
                         help="last day counted (YYYY-MM-DD; default: 31 December of --year)")
    command.add_argument("--antenna", action="append", default=None,
                         help="only this antenna (its id); may be given several times")
    command.add_argument("--out", type=Path, default=None,
                         help="the workbook to write (.xlsx; a .csv beside it); default: "
                              "benevolat-<period>.xlsx in the current directory")
    command.add_argument("--per-person", action="store_true",
                         help="add each volunteer's total (names: for coordinators only)")
    command.add_argument("--today", type=date.fromisoformat, default=None,
                         help="count sessions over before this day (YYYY-MM-DD; default: now)")
    command.set_defaults(run=run)


def period(args) -> tuple[date, date] | None:
    """The first and last day counted, from --year, --from and --to."""
    if args.year is None and (args.start is None or args.end is None):
        return None
    start = args.start or date(args.year, 1, 1)
    end = args.end or date(args.year, 12, 31)
    return start, end


def now_of(args) -> datetime:
    if args.today is None:
        return datetime.now(UTC)
    return datetime.combine(args.today, time(0), UTC)


def run(args) -> int:
    from konexio.hours.count import tally
    from konexio.hours.read import read
    from konexio.hours.report import amount, hours_text, write_csv, write_workbook
    from konexio.shifts import shifts
    from konexio.sync.run import worksheet_titles
    from konexio.validate import load_valid
    from konexio.validate.structure import suggest

    lang = args.lang
    span = period(args)
    if span is None or span[0] > span[1]:
        print(COORDINATORS.gettext(lang, "konexio hours : donnez --year AAAA, ou --from et --to "
                                         "(AAAA-MM-JJ), le premier jour avant le dernier."),
              file=sys.stderr)
        return 2
    dataset, schedule = load_valid(args.root)
    titles = worksheet_titles(dataset)
    antennas = set(args.antenna) if args.antenna else None
    for antenna in sorted(antennas or ()):
        if antenna not in titles:
            close = suggest(antenna, titles)
            print(COORDINATORS.gettext(
                lang, "konexio hours : pas d'antenne « %(antenna)s » ; écrivez l'un de : "
                      "%(choices)s.", antenna=antenna, choices=", ".join(sorted(titles))) + (
                " " + COORDINATORS.gettext(lang, "Vouliez-vous dire « %(value)s » ?",
                                           value=close) if close else ""), file=sys.stderr)
            return 2
    try:
        people = read(make_backend(args, dataset), titles, antennas)
    except SyncError as error:
        stopped("hours", error, lang)
        return 2
    found = people.attendance(shifts(dataset, schedule), now_of(args))
    roles = list(dataset.roles.model.roles) if dataset.roles else []
    rates = {role.id: Decimal(str(role.hourly_value)) if role.hourly_value is not None
             else None for role in roles}
    result = tally(found.given, span[0], span[1], rates, antennas)
    out = args.out or Path(f"benevolat-{span[0].isoformat()}-{span[1].isoformat()}.xlsx")
    names = {a: entry.model.name.fr for a, entry in dataset.antennas.items()}
    write_workbook(out, result, roles, lang, names, args.per_person)
    write_csv(out.with_suffix(".csv"), result, roles, lang, names)

    for problem in people.problems:
        print(problem.text(lang))
    if found.unused:
        print(COORDINATORS.message(NN_(
            "%(num)d marque de présence ne correspond à aucune inscription d'une séance tenue "
            "(séance ou nom mal copié ?) : %(cells)s",
            "%(num)d marques de présence ne correspondent à aucune inscription d'une séance "
            "tenue (séance ou nom mal copié ?) : %(cells)s"),
            num=len(found.unused), cells=Together(m.position for m in found.unused)).text(lang))
    if found.outside:
        print(COORDINATORS.message(NN_(
            "%(num)d inscription passée sur une ligne qui n'est plus au calendrier (retirée), "
            "non comptée : %(cells)s",
            "%(num)d inscriptions passées sur des lignes qui ne sont plus au calendrier "
            "(retirées), non comptées : %(cells)s"),
            num=len(found.outside), cells=Together(found.outside)).text(lang))
    if result.unvalued:
        print(COORDINATORS.gettext(lang, "Rôles sans taux horaire (heures non valorisées) : "
                                         "%(roles)s ; ajoutez hourly_value dans "
                                         "volunteers/roles.yml.",
                                   roles=", ".join(result.unvalued)))
    print(COORDINATORS.gettext(
        lang, "Du %(start)s au %(end)s : %(hours)s heures de bénévolat, %(value)s € ; compte "
              "864 « Personnel bénévole » au débit, 875 « Bénévolat » au crédit.",
        start=span[0].isoformat(), end=span[1].isoformat(), hours=hours_text(result.hours, lang),
        value=amount(result.value, lang)))
    print(COORDINATORS.gettext(lang, "Écrit : %(workbook)s et %(csv)s (note pour l'annexe dans "
                                     "l'onglet Synthèse).",
                               workbook=out, csv=out.with_suffix(".csv")))
    if args.per_person:
        print(COORDINATORS.gettext(lang, "Ce classeur contient des noms (--per-person) : "
                                         "gardez-le entre coordinateurs."))
    return 0
