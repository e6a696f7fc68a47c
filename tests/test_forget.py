"""Issue 23, point 5: erasure on request (``konexio forget``) and the retention period.

On the local workbooks through the command a coordinator types, and on the fake Google
Sheets API with a roster sorted while a person is erased.
"""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from fake_sheets.workbench import col_of, row_of
from konexio.cli import main
from konexio.notify.run import personal_feeds
from konexio.shifts import shifts
from konexio.sync.erasure import forget, is_pseudonym, pseudonym
from konexio.sync.layout import cell_text, signup_label
from konexio.sync.roster import RECORD_HEADER, RECORDS, ROSTER, ROSTER_HEADER, TOKEN
from konexio.sync.run import sync_shifts, worksheet_titles
from konexio.sync.words import RECIPIENT
from konexio.sync.xlsx import XlsxBackend
from konexio.validate import load_valid
from test_notify import (
    PEOPLE,
    book_path,
    books,
    cancel,
    people_path,
    run_notify,
    run_sync,
    shift_id,
    sign_up,
)
from test_notify import smtp as smtp  # noqa: F401 - the fixture
from test_notify import staffed as staffed  # noqa: F401 - the fixture
from test_notify_google import bench as bench  # noqa: F401 - the fixture

AWA = PEOPLE[0]
AFTER_THE_25TH = "2026-11-26"
"""Awa's sessions of the 23rd and 25th are past, her one of the 30th to come."""


def grid(path, title) -> list[list[str]]:
    return [[cell_text(v) for v in row]
            for row in load_workbook(path)[title].iter_rows(values_only=True)]


def cell(rows, row, label) -> str:
    line = rows[row]
    col = rows[0].index(label)
    return line[col] if col < len(line) else ""


def awa_told_and_signed_twice(root, smtp):
    """Awa was told of a cancellation (a journal row with her address) and signed up for
    the 23rd (trainer) and the 30th (assistant, slot 1)."""
    cancel(root, "2026-11-25")
    sign_up(root, shift_id("2026-11-25"), "Awa Exemple")
    sign_up(root, shift_id("2026-11-30", "trainer"), "awa exemple")
    run_sync(root)
    assert run_notify(root, smtp).sent >= 1
    roster = grid(people_path(root), ROSTER)
    token = next(row[ROSTER_HEADER.index(TOKEN)] for row in roster if row[0] == AWA[0])
    return token


def forget_command(root, *extra) -> list[str]:
    return ["forget", AWA[1], "--root", str(root), "--today", AFTER_THE_25TH, *extra]


def test_a_dry_run_names_cells_not_the_person_and_changes_nothing(staffed, smtp, capsys):
    awa_told_and_signed_twice(staffed, smtp)
    before = books(staffed)
    capsys.readouterr()
    assert main(forget_command(staffed, "--dry-run")) == 0
    out = capsys.readouterr().out
    assert books(staffed) == before
    assert "Simulation" in out and "Bénévoles!A2" in out and "Paris!" in out
    assert "Envois!E" in out
    for person in PEOPLE:
        assert person[0].split()[0].casefold() not in out.casefold()
        assert person[1] not in out and person[2] not in out


def test_forget_erases_the_person_everywhere_and_twice_changes_nothing(staffed, smtp, capsys):
    token = awa_told_and_signed_twice(staffed, smtp)
    code = pseudonym(token)
    capsys.readouterr()
    assert main(forget_command(staffed)) == 0
    out = capsys.readouterr().out
    assert "Awa" not in out and "awa@" not in out and "Effacé" in out
    roster = grid(people_path(staffed), ROSTER)
    flat = [value for row in roster for value in row]
    assert not any(AWA[0] in v or AWA[1] in v or AWA[2] in v or token in v for v in flat)
    assert {row[0] for row in roster[1:] if row and row[0]} == {p[0] for p in PEOPLE[1:]}
    sheet = grid(book_path(staffed), "Paris")
    past = row_of(sheet, shift_id("2026-11-25"))
    coming = row_of(sheet, shift_id("2026-11-30", "trainer"))
    assert cell(sheet, past, signup_label(1)) == code and is_pseudonym(code)
    assert cell(sheet, coming, signup_label(1)) == ""  # the place is free again
    assert cell(sheet, row_of(sheet, shift_id("2026-11-23")), signup_label(1)) == code
    journal = grid(people_path(staffed), RECORDS)
    recipients = [row[RECORD_HEADER.index(RECIPIENT)] for row in journal[1:]]
    assert AWA[1] not in recipients and code in recipients
    # The others are untouched, and Awa's calendar is no longer made.
    assert "Sam Sample" in [cell(sheet, r, signup_label(1)) for r in range(1, len(sheet))]
    dataset, schedule = load_valid(staffed)
    feeds = personal_feeds(dataset, schedule, XlsxBackend(book_path(staffed)))
    assert token not in {feed.token for feed in feeds} and len(feeds) == len(PEOPLE) - 1
    # Nothing is sent again to anyone, and a second run changes nothing more.
    assert run_notify(staffed, smtp).sent == 0
    before = books(staffed)
    assert main(forget_command(staffed)) == 0
    assert "rien à effacer" in capsys.readouterr().out
    assert books(staffed) == before


def test_a_name_two_roster_rows_answer_to_is_not_guessed(staffed, capsys):
    book = load_workbook(people_path(staffed))
    book[ROSTER].cell(5, 1).value = "AWA  exemple"
    book[ROSTER].cell(5, 2).value = "awa.other@example.org"
    book.save(people_path(staffed))
    run_sync(staffed)
    before = books(staffed)
    assert main(["forget", "Awa Exemple", "--root", str(staffed), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Bénévoles!A2" in err and "Bénévoles!A5" in err and "e-mail" in err
    assert "awa" not in err.casefold().replace("bénévoles", "")
    assert books(staffed) == before


def test_retention_gives_pseudonyms_to_what_is_older_and_lists_roster_rows(staffed, smtp,
                                                                            capsys):
    token = awa_told_and_signed_twice(staffed, smtp)
    capsys.readouterr()
    # 13 months after December 2026: every session and mail of the fixture is older.
    assert main(["sync", "--root", str(staffed), "--today", "2028-01-15"]) == 0
    out = capsys.readouterr().out
    assert "Conservation (13 mois)" in out and "pseudonyme" in out
    assert "Bénévoles!A2, A3" not in out  # rows are named whole
    assert "Bénévoles!A2" in out and "konexio forget" in out
    sheet = grid(book_path(staffed), "Paris")
    typed = [v for row in sheet[1:] for label, v in zip(sheet[0], row, strict=False)
             if label.startswith("bénévole") and v]
    assert typed and all(is_pseudonym(v) for v in typed)
    assert pseudonym(token) in typed  # the same pseudonym forget would give: hours add up
    journal = grid(people_path(staffed), RECORDS)
    assert all(is_pseudonym(row[RECORD_HEADER.index(RECIPIENT)]) for row in journal[1:])
    # The roster itself is the coordinators' to confirm: nobody is deleted by the sync.
    assert [row[1] for row in grid(people_path(staffed), ROSTER)[1:4]] == \
        [p[1] for p in PEOPLE]
    before = books(staffed)
    assert main(["sync", "--root", str(staffed), "--today", "2028-01-15"]) == 0
    assert books(staffed) == before  # nothing more to do


def test_inside_the_retention_period_nothing_is_touched(staffed, smtp, capsys):
    awa_told_and_signed_twice(staffed, smtp)
    before = books(staffed)
    assert main(["sync", "--root", str(staffed), "--today", "2027-06-01"]) == 0
    assert "Conservation" not in capsys.readouterr().out
    assert books(staffed) == before


def test_google_forget_while_the_roster_is_sorted_loses_no_one_else(bench, minimal_root):
    """A coordinator sorts the roster while the erasure is written: the row cleared by its
    number was someone else's. The read-back sees it, that person's row is put back, and
    the erasure is done again on the right row."""
    dataset, schedule = load_valid(minimal_root)
    titles = worksheet_titles(dataset)
    sorted_once = []

    def coordinator_sorts(server) -> None:
        if not sorted_once:
            bench.sort(lambda row: row[0], title=ROSTER, reverse=True)  # Sam, Layla, Awa
            sorted_once.append(True)

    def erase(snapshots, worksheets, roster):
        return forget(snapshots, worksheets, roster, AWA[1], date(2026, 11, 26))

    bench.server.before_batch_update = coordinator_sorts
    summary = sync_shifts(shifts(dataset, schedule), titles, bench.backend(), erase=erase)
    assert summary.replans >= 1
    roster = bench.grid(ROSTER)
    emails = [row[1] for row in roster[1:] if len(row) > 1 and row[1]]
    assert sorted(emails) == sorted(p[1] for p in PEOPLE[1:])  # Awa gone, nobody else
    for person in PEOPLE[1:]:
        line = next(row for row in roster if len(row) > 1 and row[1] == person[1])
        assert line[:3] == list(person[:3])
    sheet = bench.grid()
    past = sheet[row_of(sheet, shift_id("2026-11-23"))][col_of(sheet, signup_label(1))]
    assert is_pseudonym(past)
