"""The treasurer's report: a workbook and a CSV of the hours given, valued.

Sheets of the workbook (openpyxl, read by LibreOffice and Excel alike):

- ``Synthèse``: the period, the hours, their value, the two lines of accounts 864
  "Personnel bénévole" (debit) and 875 "Bénévolat" (credit), and the method note to copy
  into the annex of the annual accounts (ANC 2018-06, art. 211-2), in French unless
  ``--lang en``;
- ``Détail``: antenna x role x month: sessions held with someone of that role, hours,
  distinct volunteers, absences, excused absences, hourly rate, value; numbers are numbers,
  so the treasurer sums and filters them;
- ``Par personne``, only when asked (``--per-person``): each volunteer's totals. Without
  it, the file holds no name and can be handed to an auditor or a funder.

The CSV is the ``Détail`` sheet and the two account lines, in UTF-8 with a byte order mark
(Excel reads accents right), separated by ``;`` with a decimal comma in French (what
Excel and LibreOffice expect in a French locale), by ``,`` with a point in English.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_decimal
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from konexio.hours.count import Line, Tally
from konexio.i18n import BY_CODE, COORDINATORS, N_
from konexio.model.volunteers import Basis, Role

BASIS = {Basis.smic: N_("SMIC horaire brut"),
         Basis.replacement: N_("valeur de remplacement (salaire horaire brut d'un salarié "
                               "faisant le même travail)")}


def gettext(lang: str, message: str, **values: object) -> str:
    """A word of the report in ``lang`` (what ``make catalogs`` extracts, argument 2)."""
    return COORDINATORS.gettext(lang, message, **values)


def amount(value: Decimal | float, lang: str, digits: int = 2) -> str:
    """``1 234,50`` in French, ``1,234.50`` in English."""
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=BY_CODE[lang].locale)


def hours_text(value: Decimal, lang: str) -> str:
    """Hours with at most two decimals (``37,5``), as a person writes them."""
    return format_decimal(value, format="#,##0.##", locale=BY_CODE[lang].locale)


def annex_note(tally: Tally, roles: list[Role], lang: str, antennas: list[str]) -> str:
    """The method note for the annex of the accounts: what was counted, how it is valued."""
    used = {line.role for line in tally.lines if line.hours}
    rates = []
    for role in roles:
        if role.id not in used:
            continue
        name = getattr(role.name, lang, None) or role.name.fr
        if role.hourly_value is None:
            rates.append(gettext(lang, "%(role)s : non valorisé (pas de taux horaire)", role=name))
        else:
            rates.append(gettext(lang, "%(role)s : %(rate)s € de l'heure (%(basis)s)", role=name,
                           rate=amount(Decimal(str(role.hourly_value)), lang),
                           basis=gettext(lang, BASIS[role.valuation])))
    return gettext(
        lang, "Contributions volontaires en nature : bénévolat (règlement ANC n° 2018-06, "
             "art. 211-2). Sont comptées les heures des séances tenues du %(start)s au "
             "%(end)s (%(antennas)s), ni annulées ni à venir, pour chaque bénévole inscrit "
             "sur la feuille d'inscription de la séance, sauf s'il a été noté absent ou "
             "excusé par les coordinateurs ; la durée retenue est celle de la séance. Les "
             "heures sont valorisées au taux horaire fixé pour chaque rôle : %(rates)s. "
             "Total : %(hours)s heures, soit %(value)s €, inscrits au compte 875 "
             "« Bénévolat » et, pour leur emploi, au compte 864 « Personnel bénévole ».",
             start=tally.start.isoformat(), end=tally.end.isoformat(),
             antennas=", ".join(antennas), rates="; ".join(rates) or "-",
             hours=hours_text(tally.hours, lang), value=amount(tally.value, lang))


DETAIL = (N_("antenne"), N_("rôle"), N_("mois"), N_("séances"), N_("heures"), N_("bénévoles"),
          N_("absences"), N_("absences excusées"), N_("taux horaire (€)"), N_("valeur (€)"))
ACCOUNTS = (N_("compte"), N_("intitulé"), N_("débit (€)"), N_("crédit (€)"))
PEOPLE = (N_("nom"), N_("antennes"), N_("rôles"), N_("séances"), N_("heures"), N_("valeur (€)"),
          N_("première séance"), N_("dernière séance"))


def _headers(lang: str, labels: tuple[str, ...] = DETAIL) -> list[str]:
    return [gettext(lang, label) for label in labels]


def _row(line: Line, antenna_names: dict[str, str], role_names: dict[str, str]) -> list:
    return [antenna_names.get(line.antenna, line.antenna),
            role_names.get(line.role, line.role_name), line.month, len(line.sessions),
            float(line.hours), len(line.people), line.absent, line.excused,
            float(line.rate) if line.rate is not None else None,
            float(line.value) if line.value is not None else None]


def accounts(tally: Tally, lang: str) -> list[list]:
    """The two lines of the accounts: 864 debit, 875 credit, the same amount."""
    value = float(tally.value)
    return [_headers(lang, ACCOUNTS),
            ["864", gettext(lang, "Personnel bénévole"), value, None],
            ["875", gettext(lang, "Bénévolat"), None, value]]


def write_workbook(path: Path, tally: Tally, roles: list[Role], lang: str,
                   antenna_names: dict[str, str], per_person: bool = False) -> None:
    role_names = {r.id: getattr(r.name, lang, None) or r.name.fr for r in roles}
    book = Workbook()
    summary = book.active
    summary.title = gettext(lang, "Synthèse")
    bold = Font(bold=True)
    names = [antenna_names[a] for a in sorted({line.antenna for line in tally.lines})] or \
        sorted(antenna_names.values())
    rows = [
        [gettext(lang, "Bénévolat valorisé")],
        [gettext(lang, "période"), tally.start.isoformat(), tally.end.isoformat()],
        [gettext(lang, "antennes"), ", ".join(names)],
        [gettext(lang, "heures données"), float(tally.hours)],
        [gettext(lang, "valeur (€)"), float(tally.value)],
        [],
        *accounts(tally, lang),
        [],
        [gettext(lang, "Note pour l'annexe des comptes")],
        [annex_note(tally, roles, lang, names)],
    ]
    if tally.unvalued:
        rows.append([gettext(lang, "Rôles sans taux horaire (heures non valorisées) : %(roles)s ; "
                             "ajoutez hourly_value dans volunteers/roles.yml.",
                       roles=", ".join(tally.unvalued))])
    for row in rows:
        summary.append(row)
    summary["A1"].font = Font(bold=True, size=14)
    for cell in summary[7]:
        cell.font = bold
    text_row = rows.index([annex_note(tally, roles, lang, names)]) + 1
    summary.cell(text_row - 1, 1).font = bold
    for row in summary.iter_rows(min_row=4, max_row=5, min_col=2, max_col=2):
        row[0].number_format = "#,##0.00"
    for row in summary.iter_rows(min_row=8, max_row=9, min_col=3, max_col=4):
        for cell in row:
            cell.number_format = "#,##0.00"
    summary.merge_cells(start_row=text_row, start_column=1, end_row=text_row, end_column=6)
    summary.cell(text_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    summary.row_dimensions[text_row].height = 190
    summary.column_dimensions["A"].width = 24
    for letter in "BCDEF":
        summary.column_dimensions[letter].width = 18

    detail = book.create_sheet(gettext(lang, "Détail"))
    detail.append(_headers(lang))
    for line in tally.lines:
        detail.append(_row(line, antenna_names, role_names))
    last = detail.max_row
    detail.append([gettext(lang, "Total"), None, None,
                   sum(len(line.sessions) for line in tally.lines), float(tally.hours), None,
                   sum(line.absent for line in tally.lines),
                   sum(line.excused for line in tally.lines), None, float(tally.value)])
    for cell in detail[1] + detail[detail.max_row]:
        cell.font = bold
    for row in detail.iter_rows(min_row=2, max_row=last + 1):
        row[4].number_format = "0.00"
        row[8].number_format = "0.00"
        row[9].number_format = "#,##0.00"
    detail.freeze_panes = "A2"
    detail.auto_filter.ref = f"A1:J{last}"
    for letter, width in zip("ABCDEFGHIJ", (16, 26, 10, 10, 10, 11, 10, 12, 14, 14),
                             strict=True):
        detail.column_dimensions[letter].width = width

    if per_person:
        people = book.create_sheet(gettext(lang, "Par personne"))
        people.append(_headers(lang, PEOPLE))
        for person in tally.people:
            people.append([person.name,
                           ", ".join(sorted(antenna_names.get(a, a) for a in person.antennas)),
                           ", ".join(sorted(person.roles)), person.sessions,
                           float(person.hours), float(person.value),
                           person.first.isoformat() if person.first else "",
                           person.last.isoformat() if person.last else ""])
        for cell in people[1]:
            cell.font = bold
        people.freeze_panes = "A2"
        for letter in "ABC":
            people.column_dimensions[letter].width = 24
    book.save(path)


def write_csv(path: Path, tally: Tally, roles: list[Role], lang: str,
              antenna_names: dict[str, str]) -> None:
    """The detail and the account lines, for a spreadsheet in the treasurer's locale."""
    role_names = {r.id: getattr(r.name, lang, None) or r.name.fr for r in roles}
    french = lang != "en"

    def text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            shown = f"{value:.2f}"
            return shown.replace(".", ",") if french else shown
        return str(value)

    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";" if french else ",")
        writer.writerow(_headers(lang))
        for line in tally.lines:
            writer.writerow([text(v) for v in _row(line, antenna_names, role_names)])
        writer.writerow([])
        for line in accounts(tally, lang):
            writer.writerow([text(v) for v in line])
