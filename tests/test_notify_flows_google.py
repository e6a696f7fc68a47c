"""Issue 29, point 8: waiting lists, stand-ins and weekly digests on Google too.

The same flows as ``test_notify_letters`` (the workbook), here through real gspread against
the fake Google Sheets API on 127.0.0.1 (``test_notify_google``'s staffed bench: Awa on the
trainer shift of 23 Nov., Sam on the assistant shift of 25 Nov.) and a real SMTP server;
every mail read back, every attachment read by ``icalendar`` and by ``ical``.
"""

from __future__ import annotations

from datetime import date

from fake_sheets.workbench import PEOPLE as PEOPLE_SHEET
from fake_sheets.workbench import SPREADSHEET, col_of, row_of
from konexio.feeds import feed_context
from konexio.feeds.personal import personal_calendar
from konexio.notify.run import personal_feeds
from konexio.sync import words
from konexio.sync.layout import normalize, signup_label
from konexio.sync.roster import RECORDS, ROSTER
from konexio.validate import load_valid
from test_notify import PEOPLE, SITE, TODAY, attachment, cancel, mailer, shift_id
from test_notify import smtp as smtp  # noqa: F401 - the fixture
from test_notify_google import bench as bench  # noqa: F401 - the fixture
from test_notify_google import google_notify, google_sync
from test_notify_letters import events, first_digests, text, uid
from test_requirements import require

ROW = {person[0]: row for row, person in enumerate(PEOPLE, start=1)}
"""The roster's grid row of each person (0-based, after the header)."""
READ_ONLY = ["metadata", "batchGet"]


# -- what people type on Google ---------------------------------------------------------------


def roster_set(bench, name: str, label: str, value: str) -> int:  # noqa: F811
    """Type ``value`` in ``name``'s cell of the roster column headed ``label`` (found as
    the code finds it: no case, accents or spaces); a column not there yet is added after
    the last header cell, as a coordinator would. Returns the column."""
    header = bench.grid(ROSTER)[0]
    found = [c for c, typed in enumerate(header) if normalize(typed) == normalize(label)]
    assert len(found) <= 1, f"« {label} » heads columns {found}"
    if found:
        col = found[0]
    else:
        col = max((c for c, typed in enumerate(header) if typed), default=-1) + 1
        bench.type(0, col, label, title=ROSTER)
    bench.type(ROW[name], col, value, title=ROSTER)
    return col


def sign(bench, shift: str, name: str, slot: int = 1) -> tuple[int, int]:  # noqa: F811
    """Type ``name`` (or clear it: ``""``) in the slot-th sign-up cell of ``shift``."""
    grid = bench.grid()
    where = row_of(grid, shift), col_of(grid, signup_label(slot))
    bench.type(*where, name)
    return where


def sent_to(smtp) -> list[list[str]]:  # noqa: F811
    return [r.recipients for r in smtp.received]


def journal_rows(bench) -> list[dict[str, str]]:  # noqa: F811
    grid = bench.grid(RECORDS)
    header = grid[0]
    return [{label: row[c] if c < len(row) else "" for c, label in enumerate(header)}
            for row in grid[1:]]


def only_reads(bench) -> bool:  # noqa: F811
    return bench.server.kinds(SPREADSHEET) == bench.server.kinds(PEOPLE_SHEET) == READ_ONLY


def test_the_sync_titles_the_optional_columns_on_google_and_never_fills_them(
        bench, minimal_root):  # noqa: F811
    """The roster's optional columns get their title from the sync (what a role requires
    only once one does); a title a coordinator retyped in capitals is the same column; no
    person's cell is ever written."""
    titles = [typed for typed in bench.grid(ROSTER)[0] if typed]
    assert titles[-2:] == ["remplacements", "résumé de la semaine"]
    assert "accueil fait" not in titles  # no role of this data requires it yet
    bench.type(0, titles.index("remplacements"), "REMPLACEMENTS", title=ROSTER)
    rows = [row[:len(titles)] for row in bench.grid(ROSTER)[1:]]
    require(minimal_root, "assistant", "[induction]")
    bench.server.log.clear()
    google_sync(minimal_root, bench)
    grid = bench.grid(ROSTER)
    assert [typed for typed in grid[0] if typed] == \
        [*titles[:-2], "REMPLACEMENTS", "résumé de la semaine", "accueil fait"]
    assert [row[:len(titles)] for row in grid[1:]] == rows
    assert all(len(row) <= len(titles) or not any(row[len(titles):]) for row in grid[1:])
    assert roster_set(bench, "Sam Sample", "accueil fait", "oui") == len(titles)


# -- the waiting list (point 3) ---------------------------------------------------------------


def test_a_name_beyond_the_need_waits_then_hears_once_when_a_place_frees(
        bench, minimal_root, smtp):  # noqa: F811
    """The trainer's shift needs one person: Layla, typed second on its row, waits, hears
    nothing, gets no reminder, is not in her calendar; Awa clears her name: Layla is on the
    shift, told once, in Arabic, with the event attached."""
    trainer = shift_id("2026-11-23")  # Awa in bénévole 1
    sign(bench, trainer, "Layla Mithal", slot=2)
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0  # noted, waiting
    noted = [row for row in journal_rows(bench) if row[words.STATE] == words.NOTED
             and row[words.RECIPIENT] == "layla@example.org"]
    assert [row[words.SHIFT] for row in noted] == [trainer]
    reminders = google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 11, 22))
    assert reminders.sent == 1 and sent_to(smtp) == [["awa@example.org"]]  # Awa's only
    dataset, schedule = load_valid(minimal_root)
    context = feed_context(dataset, SITE, today=TODAY, root=minimal_root)

    def layla_uids() -> list[str]:
        feeds = personal_feeds(dataset, schedule, bench.backend())
        (layla,) = [f for f in feeds if f.lang == "ar"]
        return [str(e["UID"]) for e in events(personal_calendar(layla, context, schedule))]

    assert uid("2026-11-23") not in layla_uids()

    row, col = sign(bench, trainer, "")  # Awa clears her name
    assert bench.grid()[row][col + 1] == "Layla Mithal"  # left where she typed it
    report = google_notify(minimal_root, bench, mailer(smtp))
    assert report.sent == 1 and report.ok
    got = smtp.received[-1]
    assert got.recipients == ["layla@example.org"]
    assert got.message["Content-Language"] == "ar"
    (event,) = events(attachment(got.message))
    assert str(event["UID"]) == uid("2026-11-23") and str(event["STATUS"]) == "CONFIRMED"
    assert uid("2026-11-23") in layla_uids()
    bench.server.log.clear()
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0  # once
    assert only_reads(bench)
    assert len(smtp.received) == 2
    assert [row[words.KIND] for row in journal_rows(bench)
            if row[words.RECIPIENT] == "layla@example.org" and row[words.STATE] == words.SENT] \
        == ["place libérée"]


# -- stand-ins (point 4) ----------------------------------------------------------------------


def test_someone_who_cannot_come_finds_a_stand_in_then_the_antenna_is_told(
        bench, minimal_root, smtp):  # noqa: F811
    """Layla (assistant, 30 Nov.) types « (empêchée) » after her name; Sam, an assistant of
    the same antenna who said yes to « remplacements », is asked once he has the induction
    the role requires, in English; Awa (no yes) is not. Two days before, nobody having
    stood in, the antenna is told, once, in French."""
    require(minimal_root, "assistant", "[induction]")
    for name, stands_in, induction in (("Awa Exemple", "", "oui"), ("Sam Sample", "oui", ""),
                                       ("Layla Mithal", "oui", "oui")):
        roster_set(bench, name, words.STAND_INS, stands_in)
        roster_set(bench, name, words.INDUCTION, induction)
    google_sync(minimal_root, bench)  # the roster's new columns are the coordinators'
    assistant = shift_id("2026-11-30", "assistant")
    sign(bench, assistant, "Layla Mithal", slot=2)
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0  # her name noted
    where = sign(bench, assistant, "Layla Mithal (empêchée)", slot=2)
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0  # Sam lacks it
    width = len(bench.grid(ROSTER)[0])
    roster_set(bench, "Sam Sample", words.INDUCTION, "oui")  # the coordinator notes it
    assert len(bench.grid(ROSTER)[0]) == width  # the column found, not added again
    report = google_notify(minimal_root, bench, mailer(smtp))
    assert report.sent == 1 and sent_to(smtp) == [["sam@example.org"]]
    message = smtp.received[0].message
    assert message["Content-Language"] == "en"
    assert message["Subject"].startswith("Stand-in wanted: ")
    body = text(message)
    assert "cannot come" in body and "Monday, November 30, 2026" in body
    assert not list(message.iter_attachments())  # not his shift: nothing for the calendar
    assert "Layla" not in body
    bench.server.log.clear()
    assert google_notify(minimal_root, bench, mailer(smtp)).sent == 0  # once
    assert only_reads(bench)
    # the 28th is the last day volunteers are asked; on the 29th the antenna is told, in
    # French, once
    assert google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 11, 28)).sent == 0
    late = google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 11, 29))
    assert late.sent == 1 and sent_to(smtp)[-1] == ["contact@konexio.eu"]
    told = smtp.received[-1].message
    assert told["Content-Language"] == "fr"
    assert told["Subject"].startswith("Personne ne remplace encore : ")
    bench.server.log.clear()
    assert google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 11, 29)).sent == 0
    assert only_reads(bench)
    assert len(smtp.received) == 2
    assert bench.grid()[where[0]][where[1]] == "Layla Mithal (empêchée)"  # as she typed it


# -- weekly digests (point 5) -----------------------------------------------------------------


def test_weekly_digests_once_a_week_for_coordinators_and_willing_volunteers(
        bench, minimal_root, smtp):  # noqa: F811
    """The roster's « résumé de la semaine »: Awa coordinates (the antenna's week, with the
    waiting list and the stand-in wanted), Sam says oui (the open slots of his role,
    assistant, in English); Layla left it empty. Once per ISO week, whatever the runs."""
    for name, choice in (("Awa Exemple", "coordination"), ("Sam Sample", "oui"),
                         ("Layla Mithal", "")):
        roster_set(bench, name, words.DIGEST, choice)
    sign(bench, shift_id("2026-11-23"), "Layla Mithal", slot=2)  # waits (trainer: 1)
    sign(bench, shift_id("2026-11-23", "assistant"), "Sam Sample (empêché)")
    report = google_notify(minimal_root, bench, mailer(smtp))  # Tuesday 10 November
    assert report.sent == 2 and report.ok
    first_digests(smtp)
    for day in (date(2026, 11, 10), date(2026, 11, 13)):  # the same week: only reads
        bench.server.log.clear()
        assert google_notify(minimal_root, bench, mailer(smtp), today=day).sent == 0
        assert only_reads(bench), day
    assert google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 11, 16)).sent == 2
    assert sorted(sent_to(smtp)[2:]) == [["awa@example.org"], ["sam@example.org"]]
    assert sorted(row[words.SHIFT] for row in journal_rows(bench)
                  if row[words.KIND] == words.KIND_DIGEST and row[words.STATE] == words.SENT) \
        == ["semaine/2026-W46", "semaine/2026-W46", "semaine/2026-W47", "semaine/2026-W47"]


def test_the_coordinators_digest_names_repeated_absences(bench, minimal_root, smtp):  # noqa: F811
    """Two sessions marked absent for Sam in Présences (issue 28's marks, in the people
    spreadsheet on Google): the antenna's week says so; one excused absence is not
    counted; the marks are read, never written."""
    from konexio.hours.attendance import PRESENCES_HEADER

    roster_set(bench, "Awa Exemple", words.DIGEST, "coordination")
    sign(bench, shift_id("2026-11-23", "assistant"), "Sam Sample")  # and on the 25th
    sign(bench, shift_id("2026-11-30", "assistant"), "Sam Sample")
    google_sync(minimal_root, bench)
    assert bench.grid(words.PRESENCES) == [list(PRESENCES_HEADER)]  # made by the sync, empty
    for row, (shift, state) in enumerate(((shift_id("2026-11-25", "assistant"), words.ABSENT),
                                          (shift_id("2026-11-23", "assistant"), words.ABSENT),
                                          (shift_id("2026-11-30", "assistant"),
                                           words.EXCUSED)), start=1):
        for col, value in enumerate((shift, "sam sample", state)):
            bench.type(row, col, value, title=words.PRESENCES)
    marks = bench.grid(words.PRESENCES)
    bench.server.log.clear()
    report = google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 12, 1))
    assert report.ok
    (digest,) = [r for r in smtp.received if r.message["Subject"] ==
                 "La semaine des bénévoles"]
    assert digest.recipients == ["awa@example.org"]
    assert digest.message["Content-Language"] == "fr"
    body = text(digest.message)
    assert "Absents sans excuse à deux séances ou plus (8 dernières semaines) :" in body
    assert "- Sam Sample : 2 séances" in body
    assert bench.grid(words.PRESENCES) == marks
    # Présences read once more, in the people spreadsheet, for the coordinator's digest
    assert bench.server.kinds(PEOPLE_SHEET).count("batchGet") == 2
    bench.server.log.clear()
    again = google_notify(minimal_root, bench, mailer(smtp), today=date(2026, 12, 1))
    assert again.sent == 0 and only_reads(bench)
    assert bench.server.kinds(PEOPLE_SHEET).count("batchGet") == 1  # no digest due: not read


# -- everything for one person in one mail (point 1) ------------------------------------------


def test_a_cancellation_a_reminder_a_stand_in_and_the_digest_are_one_mail(
        bench, minimal_root, smtp):  # noqa: F811
    """As with the workbook: on Tuesday 24 Nov., Sam's session of 2 Dec. cancelled, his
    shift of tomorrow, Layla unable to come on the 30th and his weekly digest are one mail,
    one calendar of the cancelled session, one Message-ID in the journal on Google."""
    sign(bench, shift_id("2026-12-02", "assistant"), "Sam Sample")
    assert google_notify(minimal_root, bench, None).sent == 0  # noted: what he knew
    roster_set(bench, "Sam Sample", words.STAND_INS, "oui")
    roster_set(bench, "Sam Sample", words.DIGEST, "oui")
    cancel(minimal_root, "2026-12-02")
    google_sync(minimal_root, bench)
    sign(bench, shift_id("2026-11-30", "assistant"), "Layla Mithal (empêchée)")
    tuesday = date(2026, 11, 24)
    assert google_notify(minimal_root, bench, mailer(smtp), today=tuesday).sent == 1
    assert sent_to(smtp) == [["sam@example.org"]]
    message = smtp.received[0].message
    assert message["Subject"] == "News of your volunteer shifts"
    body = text(message)
    for words_ in ("Cancelled (you: Volunteer assistant)", "Tomorrow (you: Volunteer assistant)",
                   "Stand-in wanted (Volunteer assistant)", "Your weekly digest"):
        assert body.count(words_) == 1, words_
    (event,) = events(attachment(message))
    assert str(event["UID"]) == uid("2026-12-02") and str(event["STATUS"]) == "CANCELLED"
    rows = [row for row in journal_rows(bench) if row["état"] == "envoyé"]
    assert sorted(row["envoi"] for row in rows) == \
        ["annulation", "rappel", "remplacement", "résumé"]
    assert len({row["message-id"] for row in rows}) == 1
    bench.server.log.clear()
    assert google_notify(minimal_root, bench, mailer(smtp), today=tuesday).sent == 0
    assert only_reads(bench)
