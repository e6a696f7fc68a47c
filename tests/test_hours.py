"""Issue 28: attendance by exception, hours given, their value, the treasurer's report.

A workbook (and the fake Google Sheets API) with sign-ups on held, cancelled, moved and
future sessions, names typed in other cases and accents, and marks of each kind in
``Présences`` (people place). The totals are checked against a count made here, from the
scenario's own table, not by the code under test; the report is opened by a real
LibreOffice, headless. Every name is invented.
"""

from __future__ import annotations

import csv
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fake_sheets.workbench import BENCHES, col_of, row_of
from konexio.cli import main
from konexio.hours.attendance import PRESENCES_HEADER, State
from konexio.hours.count import no_shows, tally, yearly_hours
from konexio.hours.read import read
from konexio.shifts import shifts
from konexio.sync.layout import signup_label
from konexio.sync.run import sync_shifts, worksheet_titles
from konexio.sync.words import PRESENCES
from konexio.validate import load_valid
from system_tools import libreoffice_available, require

COHORT = "digitall-beginner-paris-2026-11"
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
"""Sessions up to Wednesday 25 November are over; the 30th and December to come."""
RATES = {"trainer": Decimal("30"), "assistant": Decimal("12.02")}

# (planned day, role, slot, name as typed); the minimal cohort meets Monday and Wednesday,
# 14:00-16:00 (not on the 11th, a public holiday); the 16th is cancelled, the 18th moved to
# the 19th.
SIGNUPS = [
    ("2026-11-02", "trainer", 1, "Awa Exemple"),
    ("2026-11-04", "trainer", 1, "awa exemple"),
    ("2026-11-09", "trainer", 1, "AWA  EXEMPLE"),
    ("2026-11-16", "trainer", 1, "Awa Exemple"),       # cancelled: not counted
    ("2026-11-18", "trainer", 1, "Awa Exemple"),       # moved to the 19th: counted
    ("2026-11-30", "trainer", 1, "Awa Exemple"),       # to come: not counted
    ("2026-11-02", "assistant", 1, "Sam Sample"),
    ("2026-11-04", "assistant", 1, "Sam Sample"),
    ("2026-11-09", "assistant", 1, "sam sample"),
    ("2026-11-18", "assistant", 1, "Sam Sample"),        # moved to the 19th
    ("2026-11-23", "assistant", 1, "Sam Sample"),
    ("2026-11-25", "assistant", 1, "Sam Sample"),
    ("2026-11-02", "assistant", 2, "Éloïse Martin"),
    ("2026-11-04", "assistant", 2, "eloise  MARTIN"),
    ("2026-11-09", "trainer", 2, "Awa Exemple"),  # the same person twice: counted once
]
# (what is typed in séance, name, mark): a shift id, or a session key (every role)
MARKS = [
    (f"{COHORT}/2026-11-04/1400/trainer", "AWA EXEMPLE", "absent"),
    (f"{COHORT}/2026-11-02/1400/trainer", "Awa Exemple", "absent"),
    (f"{COHORT}/2026-11-02/1400/trainer", "awa exemple", "Présent"),  # undoes the one above
    (f"{COHORT}/2026-11-09/1400", "Sam Sample", "Excusé"),           # the whole session
    (f"{COHORT}/2026-11-18/1400/assistant", "sam  sample", "absent"),  # moved
    (f"{COHORT}/2026-11-23/1400/assistant", "Sam Sample", "ABSENTE"),
    (f" {COHORT.upper()}/2026-11-04/1400 ", "Eloise Martin", "excusée"),
    (f"{COHORT}/2026-11-30/1400/trainer", "Awa Exemple", "absent"),   # not held: unused
    (f"{COHORT}/2026-11-25/1400/assistant", "Nobody Here", "absent"),  # no such sign-up
    (f"{COHORT}/2026-11-25/1400/assistant", "Sam Sample", "peut-être"),  # not a mark
]


def expected() -> dict[tuple[str, str], dict]:
    """The scenario counted by hand, rule by rule, per role and month (all in November)."""
    held = {"2026-11-02", "2026-11-04", "2026-11-09", "2026-11-18",
            "2026-11-23", "2026-11-25"}
    marks = {("2026-11-04", "trainer", "awa"): "absent",
             ("2026-11-09", "assistant", "sam"): "excused",
             ("2026-11-18", "assistant", "sam"): "absent",
             ("2026-11-23", "assistant", "sam"): "absent",
             ("2026-11-04", "assistant", "eloise"): "excused"}
    people = {"Awa": "awa", "awa": "awa", "AWA": "awa", "Sam": "sam", "sam": "sam",
              "Éloïse": "eloise", "eloise": "eloise"}
    seen = set()
    result: dict[tuple[str, str], dict] = {}
    for day, role, _, typed in SIGNUPS:
        who = people[typed.split()[0]]
        if day not in held or (day, role, who) in seen:
            continue
        seen.add((day, role, who))
        line = result.setdefault(("paris", role), {"sessions": set(), "hours": 0,
                                                   "people": set(), "absent": 0, "excused": 0})
        mark = marks.get((day, role, who))
        if mark:
            line[mark] += 1
        else:
            line["sessions"].add(day)
            line["hours"] += 2
            line["people"].add(who)
    return result


def set_rates(root: Path) -> None:
    path = root / "volunteers" / "roles.yml"
    text = path.read_text()
    text = text.replace("  - id: trainer\n", "  - id: trainer\n    hourly_value: 30\n"
                        "    valuation: replacement\n")
    text = text.replace("  - id: assistant\n", "  - id: assistant\n    hourly_value: 12.02\n")
    path.write_text(text)


def fill(bench, root: Path, marks=MARKS) -> None:
    """Sync, then type the sign-ups and the marks as people would."""
    dataset, schedule = load_valid(root)
    sync_shifts(shifts(dataset, schedule), worksheet_titles(dataset), bench.backend())
    grid = bench.grid()
    for day, role, slot, name in SIGNUPS:
        bench.type(row_of(grid, f"{COHORT}/{day}/1400/{role}"), col_of(grid, signup_label(slot)),
                   name)
    assert bench.grid(PRESENCES) == [list(PRESENCES_HEADER)]  # made by the sync, empty
    for row, mark in enumerate(marks, start=1):
        for col, value in enumerate(mark):
            bench.type(row, col, value, title=PRESENCES)


def counted(bench, root: Path):
    dataset, schedule = load_valid(root)
    people = read(bench.backend(), worksheet_titles(dataset))
    return people, people.attendance(shifts(dataset, schedule), NOW)


@pytest.fixture(params=sorted(BENCHES))
def bench(request, tmp_path, minimal_root):
    made = BENCHES[request.param](tmp_path)
    set_rates(minimal_root)
    fill(made, minimal_root)
    return made


def test_hours_per_role_match_an_independent_count(bench, minimal_root):
    people, found = counted(bench, minimal_root)
    result = tally(found.given, date(2026, 1, 1), date(2026, 12, 31), RATES)
    want = expected()
    assert {(line.antenna, line.role) for line in result.lines} == set(want)
    for line in result.lines:
        wanted = want[(line.antenna, line.role)]
        assert line.month == "2026-11"
        assert len(line.sessions) == len(wanted["sessions"])
        assert line.hours == wanted["hours"]
        assert len(line.people) == len(wanted["people"])
        assert (line.absent, line.excused) == (wanted["absent"], wanted["excused"])
    assert result.hours == sum(w["hours"] for w in want.values())
    assert result.value == sum(Decimal(w["hours"]) * RATES[role]
                               for (_, role), w in want.items())
    # The marks that fit nothing are named by cell, and the one typo'd mark is reported.
    assert sorted(m.row for m in found.unused) == [8, 9]
    assert len(people.problems) == 1 and f"{PRESENCES}!C11" in people.problems[0]
    assert "peut-être" in people.problems[0] and "Sam" not in people.problems[0]


def test_marks_hold_when_sheets_are_sorted_and_synced_again(bench, minimal_root):
    _, before = counted(bench, minimal_root)
    bench.sort(lambda row: row[1] if len(row) > 1 else "", title=PRESENCES, reverse=True)
    bench.sort(lambda row: row[1] if len(row) > 1 else "", reverse=True)  # by date
    marks = bench.grid(PRESENCES)
    dataset, schedule = load_valid(minimal_root)
    sync_shifts(shifts(dataset, schedule), worksheet_titles(dataset), bench.backend())
    assert bench.grid(PRESENCES) == marks  # the sync wrote nothing there
    _, after = counted(bench, minimal_root)
    assert sorted((g.shift.id, g.person, g.state) for g in after.given) == \
        sorted((g.shift.id, g.person, g.state) for g in before.given)


def test_no_shows_are_two_unexcused_absences(bench, minimal_root):
    _, found = counted(bench, minimal_root)
    shows = no_shows(found.given, date(2026, 10, 1), date(2026, 11, 26))
    assert [(name, len(items)) for name, items in shows] == [("Sam Sample", 2)]
    assert all(item.state is State.absent for _, items in shows for item in items)


def test_yearly_hours_for_the_site_are_rounded_and_nameless(bench, minimal_root):
    _, found = counted(bench, minimal_root)
    total = sum(w["hours"] for w in expected().values())
    assert yearly_hours(found.given, (2025, 2026)) == {"paris": {"2026": round(total, -1)}}


# -- the command and its workbook, read by openpyxl and by LibreOffice -----------------------


def run_hours(root: Path, bench, out: Path, *extra: str) -> int:
    return main(["hours", "--root", str(root), "--year", "2026", "--today", "2026-11-26",
                 "--backend", "xlsx", "--file", str(bench.path), "--out", str(out), *extra])


@pytest.fixture
def book(tmp_path, minimal_root):
    made = BENCHES["xlsx"](tmp_path)
    set_rates(minimal_root)
    fill(made, minimal_root)
    return made


def test_the_report_has_the_accounts_the_note_and_no_name(book, minimal_root, tmp_path,
                                                          capsys):
    out = tmp_path / "report" / "benevolat.xlsx"
    out.parent.mkdir()
    assert run_hours(minimal_root, book, out) == 0
    printed = capsys.readouterr().out
    want = expected()
    hours = sum(w["hours"] for w in want.values())
    value = sum(Decimal(w["hours"]) * RATES[role] for (_, role), w in want.items())
    assert f"{hours} heures" in printed and "864" in printed and "875" in printed
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Synthèse", "Détail"]
    summary = [[c for c in row if c is not None] for row in
               workbook["Synthèse"].iter_rows(values_only=True)]
    assert ["864", "Personnel bénévole", float(value)] in summary
    assert ["875", "Bénévolat", float(value)] in summary
    note = next(row[0] for row in summary if row and str(row[0]).startswith("Contributions"))
    assert "2018-06" in note and "211-2" in note and "SMIC horaire brut" in note
    assert "valeur de remplacement" in note and "2026-01-01" in note
    text = "\n".join(str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True)
                     for c in row if c is not None)
    text += out.with_suffix(".csv").read_text(encoding="utf-8-sig")
    for name in ("Awa", "Sam", "Éloïse", "Eloise", "awa", "sam"):
        assert name not in text
    rows = list(csv.reader(out.with_suffix(".csv").open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[0][:5] == ["antenne", "rôle", "mois", "séances", "heures"]
    assert sorted(float(r[4].replace(",", ".")) for r in rows[1:3]) == \
        sorted(float(w["hours"]) for w in want.values())


def test_per_person_adds_each_volunteers_year(book, minimal_root, tmp_path, capsys):
    out = tmp_path / "people.xlsx"
    assert run_hours(minimal_root, book, out, "--per-person") == 0
    assert "noms" in capsys.readouterr().out
    sheet = load_workbook(out)["Par personne"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"Awa Exemple", "Sam Sample", "Éloïse Martin"}
    assert rows["Awa Exemple"][3:5] == (3, 6.0)    # the 2nd, 9th and 19th (moved)
    assert rows["Sam Sample"][3:5] == (3, 6.0)     # the 2nd, 4th and 25th
    assert rows["Éloïse Martin"][3:5] == (1, 2.0)
    assert rows["Awa Exemple"][6:] == ("2026-11-02", "2026-11-19")


def test_libreoffice_opens_the_report(book, minimal_root, tmp_path):
    require(libreoffice_available(), "libreoffice-calc-nogui python3-uno")
    out = tmp_path / "benevolat.xlsx"
    assert run_hours(minimal_root, book, out) == 0
    converted = tmp_path / "converted"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SAL_USE_VCLPLUGIN": "svp",
           "LANG": "C.UTF-8"}
    # Every sheet to its own CSV (the last option, -1), as LibreOffice computes and reads it.
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,'
         'false,false,-1', "--outdir", str(converted), str(out)],
        env=env, capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    files = {p.name: p for p in converted.iterdir()}
    assert set(files) == {"benevolat-Synthèse.csv", "benevolat-Détail.csv"}, files
    detail = list(csv.reader(files["benevolat-Détail.csv"].open(encoding="utf-8"),
                             delimiter=";"))
    total = next(row for row in detail if row[0] == "Total")
    want = expected()
    assert float(total[4]) == sum(w["hours"] for w in want.values())
    value = sum(Decimal(w["hours"]) * RATES[role] for (_, role), w in want.items())
    summary = list(csv.reader(files["benevolat-Synthèse.csv"].open(encoding="utf-8"),
                              delimiter=";"))
    account = next(row for row in summary if row[0] == "875")
    assert Decimal(account[3].replace(",", "")) == value


def test_coverage_names_no_shows_on_the_terminal_and_the_site_gets_rounded_hours(
        book, minimal_root, capsys):
    from konexio.hours import VOLUNTEER_HOURS, volunteer_hours

    capsys.readouterr()
    assert main(["coverage", "--root", str(minimal_root), "--file", str(book.path),
                 "--today", "2026-11-26", "--absences-weeks", "8"]) == 0
    out = capsys.readouterr().out
    # Sam: absent on the 18th (moved to the 19th) and the 23rd; excused on the 9th.
    assert "Sam Sample : 2026-11-19, 2026-11-23" in out
    assert f"{PRESENCES}!C11" in out  # "peut-être" is no mark, said by cell
    assert "Awa" not in out.split("sans excuse")[1]  # one absence only
    total = sum(w["hours"] for w in expected().values())
    assert volunteer_hours(minimal_root) == {"paris": {"2026": round(total, -1)}}
    text = (minimal_root / VOLUNTEER_HOURS).read_text(encoding="utf-8")
    assert not any(name in text for name in ("Awa", "Sam", "Éloïse", "awa", "sam"))


def test_the_impact_page_shows_hours_per_antenna_and_no_name(book, minimal_root, capsys):
    from konexio.pages.render import render_pages
    from konexio.site.run import load

    assert main(["coverage", "--root", str(minimal_root), "--file", str(book.path),
                 "--today", "2026-11-26"]) == 0
    site = load(minimal_root, "https://example.org/", today=date(2026, 11, 26)).site
    total = round(sum(w["hours"] for w in expected().values()), -1)
    for lang in ("fr", "en", "ar", "fa", "uk"):
        pages = {page.src_uri: page.markdown for page in render_pages(site, lang)}
        impact = pages["impact/index.md"]
        table = [line for line in impact.splitlines() if line.startswith("| ")]
        # In the digits of the page's language (Persian ones in Dari), read back here.
        latin = ["".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in line)
                 for line in table]
        assert len(table) == 2 and f"| {total}" in latin[1], (lang, table)  # one antenna
        assert "| 2025 | 2026 |" in latin[0], (lang, table)
        everything = "\n".join(pages.values())
        assert not any(name in everything for name in ("Awa Exemple", "Sam Sample", "Éloïse"))
    fr = {p.src_uri: p.markdown for p in render_pages(site, "fr")}["impact/index.md"]
    assert "## Le temps donné par nos bénévoles" in fr and "| Antenne | 2025 | 2026 |" in fr
    assert f"| Paris | 0 h | {total} h |" in fr


def totals(bench, root: Path):
    _, found = counted(bench, root)
    result = tally(found.given, date(2026, 1, 1), date(2026, 12, 31), RATES)
    return [(line.role, len(line.sessions), line.hours, len(line.people), line.absent,
             line.excused) for line in result.lines], result.value


def test_a_forgotten_persons_hours_and_absences_stay_counted_under_a_pseudonym(
        book, minimal_root, tmp_path, capsys):
    from test_notify import PEOPLE, fill_roster

    fill_roster(tmp_path, PEOPLE)
    dataset, schedule = load_valid(minimal_root)
    sync_shifts(shifts(dataset, schedule), worksheet_titles(dataset), book.backend())  # tokens
    before = totals(book, minimal_root)
    assert main(["forget", "awa@example.org", "--root", str(minimal_root), "--file",
                 str(book.path), "--today", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    assert f"{PRESENCES}!B" in out and "Awa" not in out
    marks = book.grid(PRESENCES)
    signups = book.grid()
    text = "\n".join("|".join(row) for row in marks + signups).casefold()
    assert "awa" not in text
    pseudonyms = {row[1] for row in marks[1:] if row[1].startswith("anonyme-")}
    assert len(pseudonyms) == 1  # one person, one pseudonym, in marks and sign-ups alike
    assert pseudonyms <= {cell for row in signups for cell in row}
    assert totals(book, minimal_root) == before


def test_forget_on_either_back_end_leaves_no_name_in_the_marks_and_the_counts_true(
        bench, minimal_root):
    """The erasure of the command above, on the fake Google Sheets API as on the workbook:
    Awa's attendance marks and sign-ups get her one pseudonym, her roster row is gone,
    nobody else's cell changes, and every total stays."""
    from konexio.sync.erasure import forget
    from konexio.sync.words import ROSTER
    from test_notify import PEOPLE

    for row, person in enumerate(PEOPLE, start=1):
        for col, value in enumerate(person):
            bench.type(row, col, value, title=ROSTER)
    dataset, schedule = load_valid(minimal_root)
    sync_shifts(shifts(dataset, schedule), worksheet_titles(dataset), bench.backend())  # tokens
    before = totals(bench, minimal_root)
    others = [row for row in bench.grid(PRESENCES)[1:] if "awa" not in row[1].casefold()]
    assert len(others) < len(bench.grid(PRESENCES)) - 1  # Awa has marks to erase

    def erase(snapshots, titles, roster):
        return forget(snapshots, titles, roster, "awa@example.org", date(2026, 11, 26))

    sync_shifts(shifts(dataset, schedule), worksheet_titles(dataset), bench.backend(),
                erase=erase)
    marks = bench.grid(PRESENCES)
    everything = [*marks, *bench.grid(), *bench.grid(ROSTER)]
    text = " ".join("|".join(row) for row in everything).casefold()
    # her name however typed, and her address (not "awa" alone: another person's random
    # calendar token may hold those letters)
    assert "awaexemple" not in "".join(text.split()) and "awa@example.org" not in text
    pseudonyms = {row[1] for row in marks[1:] if row[1].startswith("anonyme-")}
    assert len(pseudonyms) == 1
    assert [row for row in marks[1:] if not row[1].startswith("anonyme-")] == others
    assert totals(bench, minimal_root) == before


def test_retention_keeps_the_counts_true(book, minimal_root):
    before = totals(book, minimal_root)
    assert main(["sync", "--root", str(minimal_root), "--file", str(book.path),
                 "--today", "2028-06-01"]) == 0
    marks = book.grid(PRESENCES)
    named = [row[1] for row in marks[1:] if row[1] and not row[1].startswith("anonyme-")]
    assert named == []
    assert totals(book, minimal_root) == before
