"""The shift sheet reads, sorts and prints well (issue 15): checked on the workbook with
openpyxl and on what the Google backend sends to the fake Sheets API."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fake_sheets.workbench import SPREADSHEET, GoogleBench, XlsxBench, col_of, row_of
from konexio.shifts import ShiftStatus
from konexio.sync.layout import NOTES, signup_label
from konexio.sync.lockfile import Lock, find_locks, lock_message, parse_libreoffice
from konexio.sync.retry import SyncError
from konexio.sync.run import sync_shifts
from konexio.sync.xlsx import XlsxBackend
from system_tools import SYSTEM_PYTHON, libreoffice_available, require
from test_sync_google import TITLES, make_shifts

REASON = "La grande salle est prise pour une réunion du conseil de quartier"


def shifts_with_a_long_status():
    made = list(make_shifts(3, venue="Centre Belleville — Salle polyvalente"))
    made[0] = replace(made[0], status=ShiftStatus.cancelled, reason=REASON)
    return tuple(made)


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "shifts.xlsx"
    sync_shifts(shifts_with_a_long_status(), TITLES, XlsxBackend(path))
    return path


def header(sheet) -> dict[str, str]:
    return {cell.value: cell.column_letter for cell in sheet[1] if cell.value}


def test_generated_columns_are_as_wide_as_their_content(workbook):
    sheet = load_workbook(workbook)["Paris"]
    letters = header(sheet)
    width = {label: sheet.column_dimensions[letter].width for label, letter in letters.items()}
    assert width["date"] >= len("2026-09-07") + 1  # Dec 3 and Dec 7 read apart
    assert width["lieu"] >= len("Centre Belleville — Salle polyvalente") - 4  # capped, wraps
    assert width["programme"] >= len("DigitAll") and width["rôle"] >= len("assistant")
    assert width["id"] <= 14  # for the sync, not for reading: clipped by the date beside it
    assert width[signup_label(1)] >= 15  # a name or a phone number


def test_status_wraps_in_its_own_column_and_never_spills_over_signups(workbook):
    sheet = load_workbook(workbook)["Paris"]
    letters = header(sheet)
    status = sheet[f"{letters['statut']}2"]
    assert status.value.startswith("annulée : La grande salle")
    assert status.alignment.wrap_text
    assert sheet.column_dimensions[letters["statut"]].width <= 30


def test_peoples_columns_and_added_ones_are_text(workbook):
    sheet = load_workbook(workbook)["Paris"]
    letters = header(sheet)
    for label in (signup_label(1), signup_label(2), NOTES):
        assert sheet.column_dimensions[letters[label]].number_format == "@"
        assert sheet[f"{letters[label]}2"].number_format == "@"
    # a column a person adds right of notes: already text, and nothing there is locked
    spare = sheet.cell(1, sheet.max_column + 1).column_letter
    assert sheet.column_dimensions[spare].number_format == "@"
    assert sheet.column_dimensions[letters["besoin"]].number_format != "@"  # a number
    assert sheet.column_dimensions[spare].protection.locked is False


def test_a_phone_number_typed_as_text_survives_syncs(tmp_path):
    bench = XlsxBench(tmp_path)
    sync_shifts(make_shifts(3), TITLES, bench.backend())
    grid = bench.grid()
    target = make_shifts(3)[1].id
    bench.type(row_of(grid, target), col_of(grid, signup_label(1)), "0698765432")
    bench.type(row_of(grid, target), col_of(grid, NOTES), "+33 6 98 76 54 32")
    sync_shifts(make_shifts(3, venue="Salle 2"), TITLES, bench.backend())
    sheet = load_workbook(bench.path)["Paris"]
    row = row_of(bench.grid(), target) + 1
    letters = header(sheet)
    assert sheet[f"{letters[signup_label(1)]}{row}"].value == "0698765432"
    assert sheet[f"{letters[NOTES]}{row}"].value == "+33 6 98 76 54 32"


def test_sorting_and_filtering_are_not_refused(workbook):
    sheet = load_workbook(workbook)["Paris"]
    assert not sheet.protection.sheet  # Excel and LibreOffice refuse to sort locked cells
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}7"


def test_prints_on_a4_landscape_one_page_wide_with_header_and_antenna(workbook):
    sheet = load_workbook(workbook)["Paris"]
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)  # tall as needed
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.oddHeader.left.text == "Paris" and "&D" in sheet.oddHeader.right.text


def test_past_shifts_are_greyed_by_a_rule_that_follows_today(workbook):
    sheet = load_workbook(workbook)["Paris"]
    formulas = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    assert any("DATEVALUE($B2)<TODAY()" in f for f in formulas)


def test_a_sync_with_no_change_leaves_the_formatted_workbook_alone(workbook):
    before = workbook.read_bytes()
    summary = sync_shifts(shifts_with_a_long_status(), TITLES, XlsxBackend(workbook))
    assert summary.writes == 0 and workbook.read_bytes() == before


class SortedMeanwhile(XlsxBackend):
    """A volunteer sorts the workbook, types and saves it between the sync's read and its
    write (LibreOffice closed again, so no lock file is left to stop the sync)."""

    def __init__(self, path, bench, target):
        super().__init__(path)
        self.bench, self.target, self.done = bench, target, False

    def write(self, target, read, plans, dry_run=False, edits=()):
        if not self.done:
            self.done = True
            self.bench.sort(key=lambda row: [-ord(ch) for ch in row[1]])  # latest first
            grid = self.bench.grid()
            self.bench.type(row_of(grid, self.target), col_of(grid, signup_label(1)), "Awa D.")
        return super().write(target, read, plans, dry_run, edits)


def test_a_sort_between_read_and_write_moves_no_name_and_loses_nothing(tmp_path):
    bench = XlsxBench(tmp_path)
    sync_shifts(make_shifts(4), TITLES, bench.backend())
    grid = bench.grid()
    first = make_shifts(4)[0].id
    bench.type(row_of(grid, first), col_of(grid, NOTES), "clés chez Karim")
    target = make_shifts(4)[5].id
    summary = sync_shifts(make_shifts(4, venue="Salle 2"), TITLES,
                          SortedMeanwhile(bench.path, bench, target))
    assert summary.replans == 1  # the file changed after the read: read and plan again
    grid = bench.grid()
    assert [row[0] for row in grid[1:]] == sorted((row[0] for row in grid[1:]), reverse=True)
    assert grid[row_of(grid, target)][col_of(grid, signup_label(1))] == "Awa D."
    assert grid[row_of(grid, first)][col_of(grid, NOTES)] == "clés chez Karim"
    for shift in make_shifts(4):  # every generated cell on its own shift's row
        row = grid[row_of(grid, shift.id)]
        assert row[col_of(grid, "date")] == shift.start.date().isoformat()
        assert row[col_of(grid, "lieu")] == "Salle 2"
    typed = [(r, c) for r, row in enumerate(grid[1:], 1) for c, v in enumerate(row)
             if v and c >= col_of(grid, signup_label(1))]
    assert len(typed) == 2


def test_a_printable_sheet_of_the_next_two_weeks_in_date_order(tmp_path):
    path = tmp_path / "shifts.xlsx"
    shifts = make_shifts(20)
    sync_shifts(shifts[::-1], TITLES, XlsxBackend(path, today=date(2026, 9, 10)))
    book = load_workbook(path)
    assert book.sheetnames == ["Paris", "Paris (à imprimer)"]  # people are elsewhere
    sheet = book["Paris (à imprimer)"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("date", "jour", "début", "fin", "lieu", "programme", "rôle", "statut",
                       signup_label(1), signup_label(2), NOTES, "id")
    dates = [row[0] for row in rows[1:]]
    assert dates == sorted(dates) and dates[0] == "2026-09-10" and dates[-1] == "2026-09-23"
    assert len(rows) == 1 + 14 * 2
    assert rows[1][8].startswith("=IFERROR(INDEX('Paris'!$A:$ZZ,MATCH($L2,'Paris'!$A:$A,0),")
    assert rows[1][11] == "digitall-paris/2026-09-10/1400/assistant"  # ties: by id
    assert sheet.column_dimensions["L"].hidden
    assert sheet.print_area == "'Paris (à imprimer)'!$A$1:$K$29"  # the id is not printed
    assert sheet.protection.sheet  # the sync's own: nobody types there
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    # same day, no change: nothing written; the next day: the sheet moves on
    before = path.read_bytes()
    assert sync_shifts(shifts, TITLES, XlsxBackend(path, today=date(2026, 9, 10))).writes == 0
    assert path.read_bytes() == before
    assert sync_shifts(shifts, TITLES, XlsxBackend(path, today=date(2026, 9, 11))).writes == 1
    rows = list(load_workbook(path)["Paris (à imprimer)"].iter_rows(values_only=True))
    assert rows[1][0] == "2026-09-11"


# -- lock files ---------------------------------------------------------------------------

LIBRE = ",Awa Diallo,portable-awa,01.12.2026 22:40,file:///home/awa/.config/libreoffice/4;"


def test_a_libreoffice_lock_is_read_field_by_field():
    assert parse_libreoffice(LIBRE) == ("Awa Diallo", "portable-awa", "01.12.2026 22:40")
    assert parse_libreoffice(",awa,pc,01.12.2026 22:40,file:///x;") == \
        ("awa", "pc", "01.12.2026 22:40")
    assert parse_libreoffice("garbage") == ("garbage", "", "")


def test_a_lock_of_this_host_with_no_libreoffice_running_is_stale(tmp_path):
    book = tmp_path / "shifts.xlsx"
    (tmp_path / ".~lock.shifts.xlsx#").write_text(LIBRE)
    (lock,) = find_locks(book, host="portable-awa", running=False)
    assert lock.stale and lock.user == "Awa Diallo"
    (lock,) = find_locks(book, host="portable-awa", running=True)
    assert not lock.stale  # LibreOffice runs here: it may be holding the file
    (lock,) = find_locks(book, host="another-pc", running=False)
    assert not lock.stale  # opened on another computer (shared folder): we cannot know


def test_lock_messages_say_what_to_do_in_french_and_english(tmp_path):
    book = tmp_path / "shifts.xlsx"
    stale = Lock(tmp_path / ".~lock.shifts.xlsx#", "LibreOffice", "Awa", "pc", "01.12.2026",
                 stale=True)
    assert "verrou périmé" in lock_message(book, stale)
    assert f"rm '{stale.path}'" in lock_message(book, stale)
    assert "stale lock" in lock_message(book, stale, "en")
    live = replace(stale, stale=False)
    assert "fermez-le" in lock_message(book, live)
    assert "close it" in lock_message(book, live, "en")


def test_the_sync_refuses_a_live_lock_and_names_a_stale_one(tmp_path, monkeypatch):
    path = tmp_path / "shifts.xlsx"
    sync_shifts(make_shifts(2), TITLES, XlsxBackend(path))
    import socket
    (tmp_path / ".~lock.shifts.xlsx#").write_text(
        f",awa,{socket.gethostname()},01.12.2026 22:40,file:///x;")
    monkeypatch.setattr("konexio.sync.lockfile.libreoffice_running", lambda: False)
    with pytest.raises(SyncError, match="verrou périmé") as caught:
        sync_shifts(make_shifts(3), TITLES, XlsxBackend(path))
    # Worded where it is printed, in the coordinator's --lang.
    assert "stale lock" in caught.value.text("en")


# -- what the Google backend sends --------------------------------------------------------

def formatting(bench) -> list[dict]:
    return [request for entry in bench.server.log if entry.kind == "batchUpdate"
            for request in entry.body["requests"]
            if not {"updateCells", "appendCells", "addSheet"} & set(request)]


def test_google_gets_widths_text_formats_wrapping_and_a_filter(tmp_path):
    bench = GoogleBench(tmp_path)
    sync_shifts(shifts_with_a_long_status(), TITLES, bench.backend())
    sent = formatting(bench)
    sheet_id = bench.server.sheet(SPREADSHEET, "Paris").sheet_id
    widths = {r["updateDimensionProperties"]["range"]["startIndex"]:
              r["updateDimensionProperties"]["properties"]["pixelSize"]
              for r in sent if "updateDimensionProperties" in r}
    assert widths[1] >= 10 * 7  # date
    assert widths[5] >= 30 * 7  # lieu
    assert all(r["updateDimensionProperties"]["fields"] == "pixelSize"
               for r in sent if "updateDimensionProperties" in r)
    repeats = [r["repeatCell"] for r in sent if "repeatCell" in r]
    text = [r for r in repeats if r["fields"] == "userEnteredFormat.numberFormat"]
    people = [r for r in text if r["range"]["startColumnIndex"] == 11]
    assert people and "endColumnIndex" not in people[0]["range"]  # and every column added
    assert people[0]["cell"]["userEnteredFormat"]["numberFormat"] == {"type": "TEXT"}
    wrapped = [r for r in repeats if r["fields"] == "userEnteredFormat.wrapStrategy"]
    assert {r["range"]["startColumnIndex"] for r in wrapped} == {5, 10}  # lieu, statut
    assert all(r["cell"]["userEnteredFormat"]["wrapStrategy"] == "WRAP" for r in wrapped)
    (basic,) = [r["setBasicFilter"]["filter"] for r in sent if "setBasicFilter" in r]
    assert basic["range"] == {"sheetId": sheet_id, "startRowIndex": 0,
                              "startColumnIndex": 0, "endColumnIndex": 14}


def test_google_protection_only_warns_so_editors_can_sort(tmp_path):
    bench = GoogleBench(tmp_path)
    sync_shifts(make_shifts(2), TITLES, bench.backend())
    (protected,) = bench.server.sheet(SPREADSHEET, "Paris").protected
    assert protected["warningOnly"] is True
    assert protected["range"]["endColumnIndex"] == 11  # a column added right of notes: free


def test_google_formatting_is_not_resent_when_nothing_changed(tmp_path):
    bench = GoogleBench(tmp_path)
    sync_shifts(make_shifts(2), TITLES, bench.backend())
    bench.server.log.clear()
    sync_shifts(make_shifts(2), TITLES, bench.backend())
    assert bench.server.kinds(SPREADSHEET) == ["metadata", "batchGet"]


def test_google_filter_is_set_once_and_not_reset_over_a_persons_criteria(tmp_path):
    bench = GoogleBench(tmp_path)
    sync_shifts(make_shifts(2), TITLES, bench.backend())
    bench.server.log.clear()
    sync_shifts(make_shifts(3), TITLES, bench.backend())  # values change: formats resent
    sent = formatting(bench)
    assert any("repeatCell" in r for r in sent)
    assert not any("setBasicFilter" in r for r in sent)


# -- a real LibreOffice, headless ---------------------------------------------------------

DRIVER = Path(__file__).parent / "libreoffice" / "drive.py"
OFFICE_ENVIRONMENT = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"),
                      "SAL_USE_VCLPLUGIN": "svp", "SC_NO_THREADED_CALCULATION": "1"}
"""Calc's threaded formula calculation crashed soffice 7.4 here on the printable sheet's
look-ups (seen under pytest, 5 runs out of 5; 0 out of 5 with threading off)."""


def test_libreoffice_round_trip_sort_type_save_sync(tmp_path):
    require(libreoffice_available(), "libreoffice-calc-nogui python3-uno")
    bench = XlsxBench(tmp_path)
    sync_shifts(make_shifts(4), TITLES, XlsxBackend(bench.path, today=date(2026, 9, 8)))
    target = make_shifts(4)[2].id  # 8 September, trainer
    pristine = bench.path.read_bytes()
    for _ in range(5):
        done = subprocess.run([SYSTEM_PYTHON, str(DRIVER), str(bench.path), target],
                              timeout=240, env=OFFICE_ENVIRONMENT,
                              capture_output=True, text=True)
        if "URP bridge disposed" not in done.stderr:
            break
        # soffice 7.4 itself died under the driver (its UNO bridge dropped; rare since the
        # driver reads the printable sheet in one call, see drive.py): another go from the
        # same workbook; five crashes in a row fail the test. Any other error fails it at
        # once.
        bench.path.write_bytes(pristine)
        for lock in find_locks(bench.path):
            lock.path.unlink()
    assert done.returncode == 0, done.stderr[-2000:]
    assert find_locks(bench.path) == []  # closed cleanly: no lock left
    # The printable sheet's look-ups, computed by LibreOffice after the sort and the typing:
    # from 8 September on, by date, the typed phone number on its shift.
    printed = [line.split("\t") for line in done.stdout.splitlines()]
    assert printed[0][:2] == ["date", "jour"]
    assert [line[0] for line in printed[1:]] == ["2026-09-08"] * 2 + ["2026-09-09"] * 2 + \
        ["2026-09-10"] * 2
    (typed,) = [line for line in printed if line[-1] == target]
    assert typed[6] == "trainer" and typed[8] == "0698765432"
    assert typed[10] == "+33 6 98 76 54 32"
    assert all(line[8] == line[10] == "" for line in printed[1:] if line is not typed)
    sync_shifts(make_shifts(4, venue="Salle 2"), TITLES, bench.backend())
    grid = bench.grid()
    ids = [row[0] for row in grid[1:]]
    assert ids == sorted(ids, key=lambda i: i.split("/")[1], reverse=True)  # LibreOffice's sort
    assert grid[0][-1] == "téléphone"
    for shift in make_shifts(4):
        row = grid[row_of(grid, shift.id)]
        typed = shift.id == target
        assert row[col_of(grid, "date")] == shift.start.date().isoformat()
        assert row[col_of(grid, "lieu")] == "Salle 2"
        assert row[col_of(grid, signup_label(1))] == ("0698765432" if typed else "")
        assert row[col_of(grid, signup_label(2))] == ""
        assert row[col_of(grid, NOTES)] == ("+33 6 98 76 54 32" if typed else "")
        assert row[col_of(grid, "téléphone")] == ("0612345678" if typed else "")
    sheet = load_workbook(bench.path)["Paris"]
    assert not sheet.protection.sheet and sheet.page_setup.orientation == "landscape"
    assert sync_shifts(make_shifts(4, venue="Salle 2"), TITLES, bench.backend()).writes == 0


# -- every antenna of the shipped data -----------------------------------------------------

def test_no_generated_value_of_the_shipped_data_is_cut_on_any_antennas_worksheet(tmp_path):
    """Issue 22: "Freelance - travailler en ligne" (31 characters) was cut in a 26-wide
    column on the Jordan, Kenya and Malawi worksheets. Each column is as wide as its longest
    value, or wraps it; the id alone is clipped, on purpose."""
    from konexio.sync.run import sync
    from konexio.validate import check

    checked = check(Path(__file__).parent.parent)
    path = tmp_path / "shifts.xlsx"
    sync(checked.dataset, checked.schedule, XlsxBackend(path, today=date(2026, 11, 24)))
    book = load_workbook(path)
    titles = {entry.model.name.fr for entry in checked.dataset.antennas.values()}
    seen = titles & set(book.sheetnames)
    assert {"Jordanie", "Kenya", "Malawi", "Paris"} <= seen
    for title in seen:
        sheet = book[title]
        for cell in sheet[1]:
            if cell.value in (None, "id") or cell.value.startswith("bénévole"):
                continue
            values = [c.value for c in sheet[cell.column_letter][1:] if c.value is not None]
            longest = max([len(str(v)) for v in values] + [len(cell.value)])
            width = sheet.column_dimensions[cell.column_letter].width
            wraps = all(c.alignment.wrap_text for c in sheet[cell.column_letter][1:]
                        if c.value is not None)
            assert width >= longest or wraps, (title, cell.value, width, longest)
