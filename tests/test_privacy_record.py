"""PRIVACY.md, the record of processing, cannot drift from the code: the columns it lists
are the columns the roster, the journal of mails and the sign-up sheets have (no more, no
fewer), the ones it calls required are the ones the roster cannot be read without, and its
retention figure is the one of volunteers/privacy.yml. And what it promises about the
roster holds: no date of birth anywhere, the phone optional."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from konexio.hours.attendance import PRESENCES_HEADER
from konexio.sync.layout import signup_label
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.requirements import EVERY_COLUMN
from konexio.sync.roster import (
    RECORD_HEADER,
    RECORDS,
    ROSTER,
    ROSTER_HEADER,
    Volunteer,
    read_roster,
)
from konexio.sync.words import EMAIL, NAME, NOTES, PHONE, PRESENCES
from konexio.validate import check

REPO = Path(__file__).parent.parent
RECORD = (REPO / "PRIVACY.md").read_text(encoding="utf-8")
SIGNUP_SHEET = "feuille d'inscription"
"""How the table names the shift worksheets (the two others by their titles)."""
SIGNUP_COLUMNS = (signup_label("N"), NOTES)  # type: ignore[arg-type]
"""What people type on a shift worksheet: a name in ``bénévole 1…N``, and notes."""


@dataclasses.dataclass(frozen=True)
class Row:
    where: str
    column: str
    required: bool


def columns_table(text: str = RECORD) -> list[Row]:
    """The rows of the table between the ``columns: begin`` and ``columns: end`` marks."""
    found = re.search(r"<!-- columns: begin.*?-->\n(.*?)<!-- columns: end -->", text, re.S)
    assert found, "PRIVACY.md: the marked table of columns is gone"
    rows = []
    for line in found.group(1).strip().splitlines()[2:]:  # the header and its rule
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 5, line
        where, column, _data, required, _purpose = cells
        assert required in ("oui", "non"), line
        rows.append(Row(where.strip("`"), column.strip("`"), required == "oui"))
    return rows


def named(where: str) -> list[str]:
    return [row.column for row in columns_table() if row.where == where]


def test_every_column_of_the_roster_and_of_the_journal_is_named_once_and_no_other():
    assert sorted(named(ROSTER)) == sorted(EVERY_COLUMN)
    assert {"remplacements", "18 ans ou plus", "langues d'interprétation"} <= set(named(ROSTER))
    assert sorted(named(RECORDS)) == sorted(RECORD_HEADER)


def test_the_sign_up_sheets_columns_of_people_are_named_and_nothing_else():
    assert sorted(named(SIGNUP_SHEET)) == sorted(SIGNUP_COLUMNS)
    assert {row.where for row in columns_table()} == {ROSTER, RECORDS, PRESENCES, SIGNUP_SHEET}


def test_every_column_of_the_attendance_marks_is_named():
    assert sorted(named(PRESENCES)) == sorted(PRESENCES_HEADER)


def roster_without(label: str) -> WorksheetSnapshot:
    header = tuple(column for column in ROSTER_HEADER if column != label)
    values = {NAME: "Awa Example", EMAIL: "awa@example.org"}
    return WorksheetSnapshot(ROSTER, (header, tuple(values.get(c, "") for c in header)))


def test_the_columns_called_required_are_those_the_roster_cannot_be_read_without():
    required = {row.column for row in columns_table() if row.where == ROSTER and row.required}
    cannot_do_without = {label for label in ROSTER_HEADER
                         if read_roster(roster_without(label)).problems}
    assert required == cannot_do_without == {NAME, EMAIL}


def test_phone_stays_optional():
    # no phone column at all, or the column left empty: the volunteer is read, no problem
    for snapshot in (roster_without(PHONE), roster_without("")):
        roster = read_roster(snapshot)
        assert roster.problems == ()
        [volunteer] = roster.volunteers
        assert volunteer.email == "awa@example.org" and volunteer.reachable


BIRTH = re.compile(r"naissance|birth|né le|âge|\bage\b|dob", re.I)


def test_no_date_of_birth_is_stored_anywhere():
    for label in (*EVERY_COLUMN, *RECORD_HEADER, *SIGNUP_COLUMNS):
        assert not BIRTH.search(label), label
    for field in dataclasses.fields(Volunteer):
        assert not BIRTH.search(field.name), field.name
    assert "**Aucune date de naissance**" in RECORD
    assert "no date of birth" in RECORD


def test_the_retention_figure_is_the_one_of_privacy_yml():
    months = check(REPO).dataset.privacy.retention_months
    french = re.findall(r"\*\*(\d+) mois\*\*", RECORD)
    english = re.findall(r"\*\*(\d+) months\*\*", RECORD)
    assert french and english, "PRIVACY.md: the retention figure is no longer in bold"
    assert {int(figure) for figure in french + english} == {months}


def test_the_controllers_address_is_the_contact_of_privacy_yml():
    contact = check(REPO).dataset.privacy.contact
    assert contact is not None
    assert contact.address in RECORD
