"""Issue 23: volunteers' personal data lives apart from the sheet volunteers edit.

The sign-up place (spreadsheet or workbook) holds shifts and names as typed; the people
place (roster, journal of mails) is the coordinators' alone. Checked with the local
workbooks and with the fake Google Sheets API and two accounts; and the move out of a
sign-up spreadsheet that still holds people data, cut anywhere, loses nothing.
"""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path

import gspread
import pytest
from gspread.exceptions import APIError
from openpyxl import load_workbook

from fake_sheets.workbench import PEOPLE as PEOPLE_SHEET
from fake_sheets.workbench import SPREADSHEET, GoogleBench
from konexio.sync import words
from konexio.sync.google import GoogleBackend
from konexio.sync.layout import cell_text
from konexio.sync.retry import SyncError
from konexio.sync.roster import RECORD_HEADER, RECORDS, ROSTER, ROSTER_HEADER, TOKEN
from konexio.sync.run import sync
from konexio.sync.xlsx import XlsxBackend
from konexio.validate import load_valid
from test_notify import PEOPLE, book_path, cancel, mailer, people_path, run_notify, run_sync
from test_notify import smtp as smtp  # noqa: F401 - the fixture
from test_notify import staffed as staffed  # noqa: F401 - the fixture
from test_notify_google import bench as bench  # noqa: F401 - the fixture
from test_notify_google import google_notify, google_sync

VOLUNTEER = "volunteer@example.org"
"""A volunteer's Google account, given edit rights on the sign-up spreadsheet only."""


def grid(path, title) -> list[list[str]]:
    rows = [[cell_text(v) for v in row] for row in load_workbook(path)[title].iter_rows(
        values_only=True)]
    rows = [row[:max((i + 1 for i, v in enumerate(row) if v), default=0)] for row in rows]
    while rows and not rows[-1]:
        rows.pop()
    return rows


def sync_xlsx(root):
    dataset, schedule = load_valid(root)
    return sync(dataset, schedule, XlsxBackend(book_path(root)))


def back_to_one_workbook(root) -> None:
    """The layout of versions before the two places: roster and journal in the sign-up
    workbook, no people workbook."""
    people = load_workbook(people_path(root))
    book = load_workbook(book_path(root))
    for title in (ROSTER, RECORDS):
        sheet = book.create_sheet(title)
        for row in people[title].iter_rows(values_only=True):
            sheet.append(list(row))
    book.save(book_path(root))
    people_path(root).unlink()


# -- the local workbooks --------------------------------------------------------------------

def test_the_sign_up_workbook_holds_no_contact_data_token_or_journal(staffed, smtp):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    assert run_notify(staffed, smtp).sent == 1
    book = load_workbook(book_path(staffed))
    assert ROSTER not in book.sheetnames and RECORDS not in book.sheetnames
    cells = [cell_text(v) for sheet in book for row in sheet.iter_rows(values_only=True)
             for v in row]
    tokens = [row[ROSTER_HEADER.index(TOKEN)] for row in grid(people_path(staffed), ROSTER)[1:]]
    assert len(tokens) == len(PEOPLE) and all(len(t) >= 22 for t in tokens)
    for person in PEOPLE:
        assert not any(person[1] in cell for cell in cells)  # e-mail
        assert not any(person[2] and person[2] in cell for cell in cells)  # phone
    assert not any(token in cell for token in tokens for cell in cells)
    journal = grid(people_path(staffed), RECORDS)
    assert journal[0] == list(RECORD_HEADER)
    state = RECORD_HEADER.index(words.STATE)
    assert [row[state] for row in journal[1:]] == [words.NOTED] * 3 + [words.PENDING, words.SENT]


def test_one_file_for_both_places_is_refused(tmp_path):
    path = tmp_path / "shifts.xlsx"
    with pytest.raises(SyncError, match="à la fois le classeur des inscriptions et celui des "
                                        "personnes"):
        XlsxBackend(path, people=path)


def test_an_old_workbook_is_moved_whole_and_no_mail_goes_twice(staffed, smtp):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    assert run_notify(staffed, smtp).sent == 1
    roster, journal = grid(people_path(staffed), ROSTER), grid(people_path(staffed), RECORDS)
    back_to_one_workbook(staffed)
    summary = sync_xlsx(staffed)
    assert [line.text("en") for line in summary.lines] == [
        "« Bénévoles », « Envois »: moved from the sign-up spreadsheet to the people "
        "spreadsheet (copied, read back and compared before it was deleted from the sign-up "
        "one)."]
    assert load_workbook(book_path(staffed)).sheetnames == ["Paris", "Paris (à imprimer)"]
    assert grid(people_path(staffed), ROSTER) == roster  # tokens included: same addresses
    assert grid(people_path(staffed), RECORDS) == journal
    assert run_notify(staffed, smtp).sent == 0 and len(smtp.received) == 1  # never twice
    assert sync_xlsx(staffed).lines == []


def test_notify_moves_first_so_an_old_journal_still_prevents_a_second_mail(staffed, smtp):
    """Notify run before any sync after the upgrade: it reads the old journal, moved."""
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    assert run_notify(staffed, smtp).sent == 1
    back_to_one_workbook(staffed)
    dry = run_notify(staffed, None, dry_run=True)
    assert dry.would_send == 0 and not people_path(staffed).exists()  # a dry run writes nothing
    assert any("serait déplacé" in line for line in dry.lines)
    report = run_notify(staffed, smtp)
    assert report.sent == 0 and len(smtp.received) == 1
    assert any("déplacé du classeur d'inscription" in line for line in report.lines)
    assert ROSTER not in load_workbook(book_path(staffed)).sheetnames


class Crash(Exception):
    """The process dies here (power cut, Ctrl-C)."""


def test_a_move_cut_after_the_copy_ends_as_an_uncut_one(staffed, smtp, tmp_path, monkeypatch):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    assert run_notify(staffed, smtp).sent == 1
    back_to_one_workbook(staffed)
    legacy = book_path(staffed).read_bytes()
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / "shifts.xlsx").write_bytes(legacy)

    def crash(*args, **kwargs):
        raise Crash
    with monkeypatch.context() as patched:
        patched.setattr(XlsxBackend, "remove_legacy", crash)
        with pytest.raises(Crash):
            sync_xlsx(staffed)
    # Copied, not yet deleted: both hold it, and nothing was lost.
    assert ROSTER in load_workbook(book_path(staffed)).sheetnames
    assert grid(people_path(staffed), ROSTER) == grid(book_path(staffed), ROSTER)
    sync_xlsx(staffed)
    dataset, schedule = load_valid(staffed)
    sync(dataset, schedule, XlsxBackend(twin / "shifts.xlsx"))  # the same, never cut
    for title in (ROSTER, RECORDS):
        assert grid(people_path(staffed), title) == grid(twin / "people.xlsx", title)
    assert load_workbook(book_path(staffed)).sheetnames == \
        load_workbook(twin / "shifts.xlsx").sheetnames == ["Paris", "Paris (à imprimer)"]
    assert run_notify(staffed, smtp).sent == 0


def test_journal_rows_only_the_old_workbook_has_are_added_then_it_goes(staffed, smtp):
    """An old copy of the program kept writing the old journal after the move: its rows
    join the people journal (a mail it sent is never sent again)."""
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    before = grid(people_path(staffed), RECORDS)
    assert len(before) == 4  # the header, the rows of the three names first seen
    assert run_notify(staffed, smtp).sent == 1
    sent = grid(people_path(staffed), RECORDS)
    # The old journal has the two rows of the mail; the people one lost them (say, it was
    # restored from yesterday's copy).
    book = load_workbook(book_path(staffed))
    sheet = book.create_sheet(RECORDS)
    for row in sent:
        sheet.append(row)
    book.save(book_path(staffed))
    people = load_workbook(people_path(staffed))
    people[RECORDS].delete_rows(len(sent) - 1, 2)
    people.save(people_path(staffed))
    sync_xlsx(staffed)
    assert grid(people_path(staffed), RECORDS) == sent
    assert RECORDS not in load_workbook(book_path(staffed)).sheetnames
    assert run_notify(staffed, smtp).sent == 0 and len(smtp.received) == 1


def test_two_different_rosters_are_not_merged_by_guess(staffed):
    roster = grid(people_path(staffed), ROSTER)
    book = load_workbook(book_path(staffed))
    sheet = book.create_sheet(ROSTER)
    for row in roster + [["Nadia Nouvelle", "nadia@example.org"]]:
        sheet.append(row)
    book.save(book_path(staffed))
    before = book_path(staffed).read_bytes(), people_path(staffed).read_bytes()
    with pytest.raises(SyncError) as stopped:
        sync_xlsx(staffed)
    assert "« Bénévoles » : présent dans le classeur d'inscription et, différent" in \
        stopped.value.message.text("fr")
    assert "nadia" not in stopped.value.message.text("fr")  # cells, never a person
    assert (book_path(staffed).read_bytes(), people_path(staffed).read_bytes()) == before


# -- Google: two accounts ---------------------------------------------------------------------

def everything_readable(bench, account: str, spreadsheet: str) -> list[str]:
    """Every cell of every worksheet ``account`` can read, through gspread's HTTP client."""
    client = gspread.Client(None, bench.session(account)).http_client
    meta = client.fetch_sheet_metadata(spreadsheet)
    titles = [sheet["properties"]["title"] for sheet in meta["sheets"]]
    got = client.values_batch_get(spreadsheet, [f"'{t}'" for t in titles])
    return titles, [cell_text(v) for block in got["valueRanges"]
                    for row in block.get("values", []) for v in row]


def test_a_volunteer_who_can_edit_the_sign_ups_reads_no_one_and_cannot_open_the_people(
        bench, minimal_root, smtp):
    bench.server.spreadsheets[SPREADSHEET].editors.add(VOLUNTEER)
    cancel(minimal_root, "2026-11-23")
    google_sync(minimal_root, bench)
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 1
    titles, cells = everything_readable(bench, VOLUNTEER, SPREADSHEET)
    assert ROSTER not in titles and RECORDS not in titles
    roster = bench.grid(ROSTER)
    tokens = [row[ROSTER_HEADER.index(TOKEN)] for row in roster[1:]]
    assert len(tokens) == len(PEOPLE)
    for person in PEOPLE:
        assert not any(person[1] in cell for cell in cells)
        assert not any(person[2] and person[2] in cell for cell in cells)
    assert not any(token in cell for token in tokens for cell in cells)
    assert not any("@" in cell for cell in cells)
    assert not any(label in cells for label in (words.RECIPIENT, words.MESSAGE_ID, words.STAMP))
    assert "AWA exemple" in cells  # what volunteers typed stays where they typed it
    with pytest.raises(APIError) as refused:
        everything_readable(bench, VOLUNTEER, PEOPLE_SHEET)
    assert refused.value.response.status_code == 403
    # The coordinators and the sync's account read it.
    assert {ROSTER, RECORDS} <= set(everything_readable(bench, bench.account, PEOPLE_SHEET)[0])


def test_google_moves_an_old_roster_and_journal_out_of_the_sign_up_spreadsheet(
        bench, minimal_root, smtp):
    cancel(minimal_root, "2026-11-23")
    google_sync(minimal_root, bench)
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 1
    roster, journal = bench.grid(ROSTER), bench.grid(RECORDS)
    # As versions before the two places left it: both in the sign-up spreadsheet.
    signups = bench.server.spreadsheets[SPREADSHEET]
    people = bench.server.spreadsheets[PEOPLE_SHEET]
    for sheet in list(people.sheets):
        if sheet.title in (ROSTER, RECORDS):
            moved = copy.deepcopy(sheet)
            moved.sheet_id += 1000
            signups.sheets.append(moved)
            people.sheets.remove(sheet)
    summary = google_sync(minimal_root, bench)
    assert any("déplacé du classeur d'inscription" in line for line in summary.lines)
    titles = [s.title for s in bench.server.spreadsheets[SPREADSHEET].sheets]
    assert ROSTER not in titles and RECORDS not in titles and "Paris" in titles
    assert bench.grid(ROSTER) == roster and bench.grid(RECORDS) == journal
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0
    assert len(smtp.received) == 1


def test_google_refuses_a_people_spreadsheet_that_is_a_sign_up_one(tmp_path):
    bench = GoogleBench(tmp_path)
    client = gspread.Client(None, bench.session())
    backend = GoogleBackend(client.http_client, {"paris": SPREADSHEET},
                            {"paris": SPREADSHEET})
    with pytest.raises(SyncError, match="aussi un classeur d'inscription"):
        backend.targets({"paris": "Paris"}, {})
    backend = GoogleBackend(client.http_client, {"paris": SPREADSHEET}, {})
    with pytest.raises(SyncError, match="pas de classeur des personnes pour : paris"):
        backend.targets({"paris": "Paris"}, {})
    assert bench.server.log == []  # refused before any request


def test_git_never_takes_either_workbook(tmp_path):
    """Both default workbooks hold names; the people one contact data: git ignores them
    wherever they are under volunteers/ (a `git add -A` in the web editor's checkout too)."""
    repo = Path(__file__).parent.parent
    for path in ("volunteers/shifts.xlsx", "volunteers/people.xlsx", "volunteers/other.xlsx"):
        done = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=repo)
        assert done.returncode == 0, f"{path} is not ignored by git"
