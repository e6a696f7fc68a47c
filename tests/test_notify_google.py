"""``konexio notify`` against the fake Google Sheets API (real gspread over 127.0.0.1) and
a real SMTP server: the same promises as with the workbook, and what Google's faults do to
the journal."""

from __future__ import annotations

from datetime import date

import pytest

from fake_sheets.workbench import PEOPLE as PEOPLE_SHEET
from fake_sheets.workbench import SPREADSHEET, GoogleBench, col_of, row_of
from konexio.feeds import feed_context
from konexio.notify.run import notify
from konexio.notify.send import Settings
from konexio.sync import words
from konexio.sync.layout import signup_label
from konexio.sync.retry import SyncError
from konexio.sync.roster import RECORD_HEADER, RECORDS, ROSTER, ROSTER_HEADER, TOKEN
from konexio.sync.run import sync
from konexio.validate import load_valid
from test_notify import PEOPLE, SENDER, SITE, TODAY, CutAfterOne, cancel, mailer, shift_id
from test_notify import smtp as smtp  # noqa: F401 - the fixture


def google_sync(root, bench):
    dataset, schedule = load_valid(root)
    return sync(dataset, schedule, bench.backend())


def google_notify(root, bench, used, today=TODAY, **options):
    dataset, schedule = load_valid(root)
    context = feed_context(dataset, SITE, today=today, root=root)
    return notify(dataset, schedule, bench.backend(), context, mailer=used, sender=SENDER,
                  today=today, **options)


def staffed_bench(tmp_path, minimal_root) -> GoogleBench:
    """Roster and sign-ups, before any notify: the journal holds its header only."""
    bench = GoogleBench(tmp_path)
    google_sync(minimal_root, bench)
    for row, person in enumerate(PEOPLE, start=1):
        for col, value in enumerate(person):
            bench.type(row, col, value, title=ROSTER)
    google_sync(minimal_root, bench)
    grid = bench.grid()
    for day, role, name in (("2026-11-23", "trainer", "AWA exemple"),
                            ("2026-11-25", "assistant", "Sam  Sample")):
        bench.type(row_of(grid, shift_id(day, role)), col_of(grid, signup_label(1)), name)
    return bench


@pytest.fixture
def unseen(tmp_path, minimal_root):
    return staffed_bench(tmp_path, minimal_root)


@pytest.fixture
def bench(tmp_path, minimal_root):
    staffed = staffed_bench(tmp_path, minimal_root)
    # The daily run notes each name the first time it sees it (no mail): what they knew.
    assert google_notify(minimal_root, staffed, None).sent == 0
    return staffed


def mailed(journal) -> list[str]:
    """The states of the journal's rows about mails (not the ``noté`` rows of sign-ups)."""
    state = journal[0].index("état")
    return [row[state] for row in journal[1:] if row[state] != words.NOTED]


def test_the_sync_creates_roster_and_journal_in_its_one_batch(tmp_path, minimal_root):
    bench = GoogleBench(tmp_path)
    google_sync(minimal_root, bench)
    assert bench.server.kinds(PEOPLE_SHEET) == ["metadata", "batchUpdate"]
    roster = bench.server.sheet(PEOPLE_SHEET, ROSTER)
    assert roster.frozen_rows == 1 and bench.grid(ROSTER) == [[
        "nom", "e-mail", "téléphone", "langue", "rappels", "jeton agenda", "remplacements",
        "résumé de la semaine"]]
    assert bench.grid(RECORDS) == [list(RECORD_HEADER)]
    bench.server.log.clear()
    google_sync(minimal_root, bench)
    assert bench.server.kinds(PEOPLE_SHEET) == ["metadata", "batchGet"]  # nothing to write


def test_tokens_are_written_in_the_owned_column_only(bench):
    grid = bench.grid(ROSTER)
    col = ROSTER_HEADER.index(TOKEN)
    assert all(len(row[col]) >= 22 for row in grid[1:])
    assert [row[:col] for row in grid[1:]] == [list(p) for p in PEOPLE]


def test_one_notice_to_the_person_signed_up_and_nothing_on_a_rerun(bench, minimal_root,
                                                                    smtp):  # noqa: F811
    bench.server.log.clear()
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0
    assert bench.server.kinds(SPREADSHEET) == bench.server.kinds(PEOPLE_SHEET) == \
        ["metadata", "batchGet"]
    cancel(minimal_root, "2026-11-23")
    google_sync(minimal_root, bench)
    report = google_notify(minimal_root, bench, mailer(smtp))
    assert report.sent == 1 and [r.recipients for r in smtp.received] == [["awa@example.org"]]
    assert mailed(bench.grid(RECORDS)) == ["en cours", "envoyé"]
    bench.server.log.clear()
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0
    assert bench.server.kinds(PEOPLE_SHEET) == ["metadata", "batchGet"]
    assert len(smtp.received) == 1


def test_cut_after_one_mail_then_again_sends_the_rest_once(bench, minimal_root,
                                                           smtp):  # noqa: F811
    cancel(minimal_root, "2026-11-23")
    cancel(minimal_root, "2026-11-25")
    google_sync(minimal_root, bench)
    cut = CutAfterOne(Settings("smtp", "127.0.0.1", smtp.port, "", "", SENDER), timeout=5)
    with pytest.raises(SystemExit):
        google_notify(minimal_root, bench, cut)
    assert len(smtp.received) == 1
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 1
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0
    assert sorted(r.recipients[0] for r in smtp.received) == ["awa@example.org",
                                                              "sam@example.org"]


def test_a_journal_write_whose_answer_is_lost_is_read_back_not_replayed(
        bench, minimal_root, smtp):  # noqa: F811
    cancel(minimal_root, "2026-11-23")
    google_sync(minimal_root, bench)
    # The 'en cours' row is stored, then the answer is lost (500 after applying).
    bench.server.fail("batchUpdate", status=500, applied=True)
    report = google_notify(minimal_root, bench, mailer(smtp))
    assert report.sent == 1 and len(smtp.received) == 1
    assert mailed(bench.grid(RECORDS)) == ["en cours", "envoyé"]  # not twice 'en cours'


def test_the_token_column_warns_whoever_edits_it_once(tmp_path, minimal_root):
    bench = GoogleBench(tmp_path)
    google_sync(minimal_root, bench)
    google_sync(minimal_root, bench)
    (guard,) = bench.server.sheet(PEOPLE_SHEET, ROSTER).protected
    col = ROSTER_HEADER.index(TOKEN)
    assert guard["warningOnly"] is True
    assert (guard["range"]["startColumnIndex"], guard["range"]["endColumnIndex"]) == \
        (col, col + 1)


def blank_journal_header(bench) -> None:
    """Someone cleared a header cell of the journal after the last sync."""
    bench.type(0, RECORD_HEADER.index("état"), "", title=RECORDS)


def test_a_lost_answer_while_preparing_the_journal_is_read_back_not_a_crash(
        unseen, minimal_root, smtp):  # noqa: F811
    bench = unseen  # a journal with its header only: the eve of Awa's shift, a reminder
    blank_journal_header(bench)
    bench.server.fail("batchUpdate", status=500, applied=True)  # the header lands, unanswered
    report = google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 11, 22))
    assert report.sent == 1 and len(smtp.received) == 1
    journal = bench.grid(RECORDS)
    # The header was completed once (the missing label added at its end), not twice.
    assert sorted(label for label in journal[0] if label) == sorted(RECORD_HEADER)
    assert mailed(journal) == ["en cours", "envoyé"]


def test_a_journal_google_will_not_prepare_stops_the_run_before_any_mail(
        unseen, minimal_root, smtp, capsys):  # noqa: F811
    bench = unseen  # a journal with its header only: the eve of Awa's shift, a reminder
    blank_journal_header(bench)
    bench.server.fail("batchUpdate", status=503, times=3)
    with pytest.raises(SyncError) as stopped:
        google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 11, 22))
    assert "n'a pas pu être préparé" in str(stopped.value)
    assert stopped.value.text("en").startswith("the journal")
    assert smtp.received == []


def test_a_journal_header_that_lost_a_label_stops_that_spreadsheet_not_resends(
        bench, minimal_root, smtp):  # noqa: F811
    cancel(minimal_root, "2026-11-23")
    google_sync(minimal_root, bench)
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 1
    blank_journal_header(bench)  # the journal now holds two rows about the mail sent
    cancel(minimal_root, "2026-11-25")
    google_sync(minimal_root, bench)
    before = bench.grid(RECORDS)
    report = google_notify(minimal_root, bench, mailer(smtp))
    assert (report.sent, report.stopped, report.ok) == (0, 1, False)
    assert len(smtp.received) == 1 and bench.grid(RECORDS) == before  # nothing guessed
    (line,) = [line for line in report.lines if RECORDS in line]
    assert "« état »" in line and f"{RECORDS}!B1" in line
    assert "Nothing is sent for this spreadsheet" in line.text("en")
    # The coordinator types the title back: only the new mail leaves.
    bench.type(0, RECORD_HEADER.index("état"), "état", title=RECORDS)
    report = google_notify(minimal_root, bench, mailer(smtp))
    assert (report.sent, report.stopped) == (1, 0)
    assert [r.recipients for r in smtp.received] == [["awa@example.org"],
                                                     ["sam@example.org"]]


def test_a_journal_title_retyped_in_capitals_still_reads_what_was_sent(
        bench, minimal_root, smtp):  # noqa: F811
    cancel(minimal_root, "2026-11-23")
    google_sync(minimal_root, bench)
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 1
    for label in (words.STATE, words.MESSAGE_ID):
        bench.type(0, RECORD_HEADER.index(label), label.upper(), title=RECORDS)
    google_sync(minimal_root, bench)
    report = google_notify(minimal_root, bench, mailer(smtp))
    assert (report.sent, report.stopped) == (0, 0) and len(smtp.received) == 1
    assert bench.grid(RECORDS)[0][len(RECORD_HEADER):] == []  # no title added at the end


def test_a_roster_sorted_while_a_token_is_written_changes_nobodys_calendar_address(
        bench, minimal_root):
    """A coordinator adds a volunteer and sorts the roster while the sync writes that
    row's token: Google writes it at the row number read, now another person's row. The
    names read back show it; the sync puts the other person's token back and gives the
    new volunteer one of their own."""
    col = ROSTER_HEADER.index(TOKEN)
    before = {row[1]: row[col] for row in bench.grid(ROSTER)[1:]}
    added = len(PEOPLE) + 1
    for c, value in enumerate(("Zoé Nouvelle", "zoe@example.org")):
        bench.type(added, c, value, title=ROSTER)
    sorted_once = []

    def coordinator_sorts(server) -> None:
        if not sorted_once:  # Z to A on the name: the new row goes first
            bench.sort(lambda row: row[0], title=ROSTER, reverse=True)
            sorted_once.append(True)

    bench.server.before_batch_update = coordinator_sorts
    summary = google_sync(minimal_root, bench)
    assert summary.replans == 1
    grid = bench.grid(ROSTER)
    after = {row[1]: row[col] for row in grid[1:]}
    assert {email: after[email] for email in before} == before  # nobody's address changed
    assert len(after["zoe@example.org"]) >= 22
    assert len(set(after.values())) == len(after)  # one calendar each
    assert [row[0] for row in grid[1:]] == sorted((row[0] for row in grid[1:]), reverse=True)
