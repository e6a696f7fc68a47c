"""``konexio attest "<name>" --year YYYY --out PATH``: a volunteer's attestation (PDF).

The person is found by their roster name or e-mail (or, when not on the roster, by the
name typed in the sign-ups); their sessions attended in the year come from the sheets and
the attendance marks, as for ``konexio hours``. ``--check "<line>" <reference>`` tells
whether a reference printed on an attestation is the association's (``hours.attestation``).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

from konexio.cli import add_common, stopped
from konexio.commands.sync import add_backend_options, make_backend
from konexio.i18n import BY_CODE, COORDINATORS, Together
from konexio.sync.retry import SyncError


def register(sub) -> None:
    command = sub.add_parser("attest", help="write a volunteer's attestation of hours (PDF)")
    add_common(command)
    add_backend_options(command)
    command.add_argument("who", nargs="?", default=None,
                         help="the volunteer's name as in the roster, or their e-mail")
    command.add_argument("--year", type=int, default=None, help="the year attested (YYYY)")
    command.add_argument("--out", type=Path, default=None, help="the PDF to write")
    command.add_argument("--today", type=date.fromisoformat, default=None,
                         help="the date of the attestation, and sessions over before it "
                              "(YYYY-MM-DD; default: today)")
    command.add_argument("--check", nargs=2, metavar=("LINE", "REFERENCE"), default=None,
                         help="check an attestation: its verification line and reference")
    command.set_defaults(run=run)


def _key(lang: str) -> str | None:
    from konexio.hours.attestation import KEY_VARIABLE

    key = os.environ.get(KEY_VARIABLE, "")
    if len(key) >= 16:
        return key
    print(COORDINATORS.gettext(
        lang, "konexio attest : la variable %(variable)s manque (ou a moins de 16 "
              "caractères) : c'est le secret qui signe les références des attestations. "
              "Créez-le une fois (python3 -c \"import secrets; "
              "print(secrets.token_urlsafe(32))\"), gardez-le avec les secrets de "
              "l'association, et exportez-le avant de lancer la commande.",
        variable=KEY_VARIABLE), file=sys.stderr)
    return None


def run(args) -> int:
    from konexio.hours.attestation import (
        attestation,
        check,
        printable,
        unicode_font,
        write_pdf,
    )
    from konexio.hours.read import read
    from konexio.shifts import shifts
    from konexio.sync.erasure import find
    from konexio.sync.layout import normalize
    from konexio.sync.run import worksheet_titles
    from konexio.validate import load_valid

    lang = args.lang
    key = _key(lang)
    if key is None:
        return 1
    if args.check:
        line, given = args.check
        if check(line, given, key):
            print(COORDINATORS.gettext(lang, "Référence exacte : cette attestation a été "
                                             "délivrée par l'association, avec ces chiffres."))
            return 0
        print(COORDINATORS.gettext(lang, "Référence fausse : la ligne ou la référence a été "
                                         "changée, ou l'attestation ne vient pas de "
                                         "l'association."))
        return 1
    if not args.who or args.year is None or args.out is None:
        print(COORDINATORS.gettext(lang, "konexio attest : donnez le nom ou l'e-mail de la "
                                         "personne, --year AAAA et --out FICHIER.pdf."),
              file=sys.stderr)
        return 2
    dataset, schedule = load_valid(args.root)
    titles = worksheet_titles(dataset)
    try:
        people = read(make_backend(args, dataset), titles)
    except SyncError as error:
        stopped("attest", error, lang)
        return 2
    found = [v for roster in people.rosters for v in find(roster, args.who)]
    if len({normalize(v.name) for v in found}) > 1:
        print(COORDINATORS.gettext(lang, "konexio attest : plusieurs lignes de Bénévoles "
                                         "répondent (%(rows)s) ; donnez l'adresse e-mail.",
                                   rows=Together(v.position for v in found).text(lang)),
              file=sys.stderr)
        return 2
    volunteer = found[0] if found else None
    name = volunteer.name if volunteer else args.who.strip()
    issued = args.today or date.today()
    now = datetime.combine(issued, time(0), UTC) if args.today else datetime.now(UTC)
    every = people.attendance(shifts(dataset, schedule), now).given
    mine = [g for g in every if g.person == normalize(name)]
    names = {a: entry.model.name.fr for a, entry in dataset.antennas.items()}
    result = attestation(mine, name, args.year, issued, names)
    if result is None:
        print(COORDINATORS.gettext(lang, "konexio attest : aucune séance tenue en %(year)s "
                                         "pour cette personne (nom ou e-mail de Bénévoles, "
                                         "ou nom tel qu'inscrit) : pas d'attestation.",
                                   year=args.year), file=sys.stderr)
        return 1
    font = unicode_font()
    if not printable(result.line(), font):
        print(COORDINATORS.gettext(lang, "konexio attest : le nom s'écrit avec des lettres que "
                                         "la police du PDF n'a pas encore (seul l'alphabet "
                                         "latin) : pas d'attestation."), file=sys.stderr)
        return 1
    # French always; the volunteer's language too when the volunteers' catalog has it
    # and the page's font can print it (any, with a Unicode font; else Latin-1).
    languages = ["fr"]
    wanted = volunteer.language if volunteer else "fr"
    roles = dataset.roles.model.roles if dataset.roles else []
    role_names = {lang_code: {r.id: getattr(r.name, lang_code, None) or r.name.fr
                              for r in roles} for lang_code in BY_CODE}
    if wanted != "fr" and "volunteers" in BY_CODE[wanted].catalogs:
        if all(printable(n, font) for n in role_names[wanted].values()) and (
                font is not None or not BY_CODE[wanted].rtl):
            languages.append(wanted)
        else:
            print(COORDINATORS.gettext(lang, "La langue de la personne (%(language)s) s'écrit "
                                             "dans un alphabet que le PDF n'a pas encore : "
                                             "attestation en français seulement.",
                                       language=BY_CODE[wanted].name))
    antenna = sorted({g.shift.antenna for g in mine if g.shift.start.year == args.year})[0]
    contact = dataset.antennas[antenna].model.contact.email
    reference = write_pdf(args.out, result, languages, role_names, names[antenna], contact, key,
                          font)
    hours = format(result.hours.normalize(), "f")
    print(COORDINATORS.gettext(lang, "Attestation écrite : %(path)s (%(sessions)d séances, "
                                     "%(hours)s h, référence %(reference)s).",
                               path=args.out, sessions=result.sessions, hours=hours,
                               reference=reference))
    return 0
