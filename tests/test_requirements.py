"""Issue 29, point 7: what a role requires (``requires`` in volunteers/roles.yml) against
what the roster records for each person (a yes, never a date of birth); ``konexio
coverage`` lists, by cell, each sign-up lacking one. The workbook as volunteers and
coordinators fill it; every name and address is invented."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from konexio.cli import main
from konexio.model.volunteers import Requirement
from konexio.notify.people import match, read_signups
from konexio.sync.layout import normalize
from konexio.sync.requirements import check
from konexio.sync.roster import ROSTER, read_roster
from konexio.sync.words import ADULT, INDUCTION, INTERPRETS
from konexio.sync.xlsx import XlsxBackend
from konexio.validate import load_valid
from test_notify import book_path, people_path, run_sync, shift_id, sign_up
from test_notify import staffed as staffed  # noqa: F401 - the fixture


def require(root, role: str, what: str) -> None:
    path = root / "volunteers" / "roles.yml"
    text = path.read_text()
    assert f"  - id: {role}\n" in text
    path.write_text(text.replace(f"  - id: {role}\n", f"  - id: {role}\n    requires: {what}\n"))


def roster_columns(root, columns: dict[str, list[str]]) -> dict[str, str]:
    """Fill roster columns (rows 2, 3, 4: Awa, Sam, Layla), found by their title as a
    coordinator sees it (the sync writes the optional ones), else added; their letters."""
    path = people_path(root)
    book = load_workbook(path)
    sheet = book[ROSTER]
    letters = {}
    for label, values in columns.items():
        titles = [normalize(str(c.value or "")) for c in sheet[1]]
        col = titles.index(normalize(label)) + 1 if normalize(label) in titles \
            else sheet.max_column + 1
        sheet.cell(1, col).value = label
        for row, value in enumerate(values, start=2):
            sheet.cell(row, col).value = value or None
        letters[label] = sheet.cell(1, col).column_letter
    book.save(path)
    return letters


def coverage(root, capsys, *more) -> str:
    capsys.readouterr()
    assert main(["coverage", "--root", str(root), "--today", "2026-11-10", "--weeks", "4",
                 *more]) == 0
    return capsys.readouterr().out


def test_a_sign_up_lacking_what_its_role_requires_is_listed_by_cell(staffed, capsys):  # noqa: F811
    require(staffed, "assistant", "[induction]")
    require(staffed, "trainer", "[adult, language]")
    roster_columns(staffed, {INDUCTION: ["", "", "Oui"],  # Sam (assistant) lacks it
                             ADULT: ["oui", "", ""],
                             INTERPRETS: ["arabe, dari", "", ""]})
    sam = shift_id("2026-11-25", "assistant")
    cell = sign_up(staffed, sam, "Sam Sample")  # typed again, same cell
    run_sync(staffed)
    out = coverage(staffed, capsys)
    assert "Inscriptions à qui il manque ce que le rôle demande (volunteers/roles.yml) :" in out
    lines = [line for line in out.splitlines() if line.startswith("  Paris!")]
    assert lines == [f"  Paris!{cell} ({ROSTER}!A3) : 2026-11-25 mercredi 14:00-16:00 · "
                     f"Bénévole · {INDUCTION}"]
    assert "Sam" not in out  # names on the coordinator's terminal only when asked
    named = coverage(staffed, capsys, "--show-names")
    assert f"  Paris!{cell} (Sam Sample, {ROSTER}!A3) : " in named
    english = coverage(staffed, capsys, "--lang", "en")
    assert "Sign-ups lacking what their role requires (volunteers/roles.yml):" in english


def test_a_date_where_a_yes_belongs_is_reported_never_read_as_one(staffed, capsys):  # noqa: F811
    require(staffed, "trainer", "[adult]")
    letters = roster_columns(staffed, {ADULT: ["12/04/2001", "", ""]})
    run_sync(staffed)
    out = coverage(staffed, capsys)
    assert (f"{ROSTER}!{letters[ADULT]}2 : une date à la place de « oui » ; écrivez « oui » ou "
            "laissez vide (la liste ne garde aucune date de naissance) et effacez la date.") in out
    assert f"({ROSTER}!A2) : 2026-11-23 lundi 14:00-16:00 · Formateur · {ADULT}" in out
    assert "2001" not in out.replace(f"{ROSTER}!{letters[ADULT]}2", "")


def test_a_requirement_gets_its_column_from_the_next_sync(staffed, capsys):  # noqa: F811
    """A role starts requiring the induction: until a sync, coverage says which column is
    missing and flags nobody; the sync adds the column's title (and nothing in the rows),
    then everyone signed up for that role without a yes is listed."""
    cell = sign_up(staffed, shift_id("2026-11-25", "assistant"), "Sam Sample")
    require(staffed, "assistant", "[induction]")
    out = coverage(staffed, capsys, "--lang", "en")
    assert (f"{ROSTER}: column « {INDUCTION} » missing: run konexio sync (it adds it), then "
            "fill it in, one person per row: the roles assistant require it in "
            "volunteers/roles.yml.") in out
    assert "Sign-ups lacking" not in out  # nobody is flagged on a column that is not there
    before = [[c.value for c in row] for row in load_workbook(people_path(staffed))[ROSTER]]
    run_sync(staffed)
    after = [[c.value for c in row] for row in load_workbook(people_path(staffed))[ROSTER]]
    assert after[0][len(before[0]):] == [INDUCTION]
    assert [row[:len(before[0])] for row in after] == before  # nobody's cells touched
    assert all(row[len(before[0]):] in ([], [None]) for row in after[1:])
    out = coverage(staffed, capsys, "--lang", "en")
    assert "missing: run konexio sync" not in out
    assert "Sign-ups lacking what their role requires (volunteers/roles.yml):" in out
    assert f"  Paris!{cell} ({ROSTER}!A3): 2026-11-25 Wednesday 14:00-16:00 · Volunteer " \
        "assistant · accueil fait" in out  # the sheet's own column title stays as it is


@pytest.mark.parametrize(("typed", "met"), [("oui", True), ("OUI ", True), ("x", True),
                                             ("نعم", True), ("non", False), ("", False),
                                             ("2001-04-12", False)])
def test_what_counts_as_a_yes(staffed, typed, met):  # noqa: F811
    require(staffed, "trainer", "[adult]")
    roster_columns(staffed, {ADULT: [typed, "", ""]})
    dataset, _ = load_valid(staffed)
    read = XlsxBackend(book_path(staffed))
    target = next(iter(read.targets({}, {"paris": "Paris"})))
    from dataclasses import replace

    snapshots = read.read(replace(target, extra=(ROSTER,))).snapshots
    roster = read_roster(snapshots[ROSTER])
    matching = match(roster, read_signups(snapshots["Paris"]))
    found = check(snapshots[ROSTER], matching, dataset.roles.model)
    awa = [item for item in found.lacking if item.volunteer.row == 1]
    assert (not awa) is met
    assert all(item.requirement is Requirement.adult for item in awa)


def test_the_shipped_roles_require_what_the_issue_names():
    from conftest import REPO

    dataset, _ = load_valid(REPO)
    requires = {role.id: set(role.requires) for role in dataset.roles.model.roles}
    assert requires["interpreter"] == {Requirement.induction, Requirement.adult,
                                       Requirement.language}
    assert Requirement.induction in requires["assistant"]
