"""Issue 29, points 1 and 2: one mail per person per run, one ``.ics`` holding every
session it tells about, worded for a volunteer; one reminder per person per day; never a
notice about what the sheet already showed when they signed up; the journal's promise
(nothing sent twice) with the run cut at every step.

The workbook, the roster and a real SMTP server on 127.0.0.1 (``test_notify``); every
attachment read by ``icalendar`` and by ``ical``, an independent parser.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream
from openpyxl import load_workbook

from konexio.feeds import feed_context
from konexio.notify.run import notify
from konexio.sync.roster import RECORDS, ROSTER
from konexio.sync.xlsx import XlsxBackend
from konexio.validate import load_valid
from test_notify import (
    COHORT,
    COHORT_FILE,
    SENDER,
    SITE,
    TODAY,
    attachment,
    book_path,
    cancel,
    journal,
    mailer,
    move,
    people_path,
    run_notify,
    run_sync,
    shift_id,
    sign_up,
)
from test_notify import smtp as smtp  # noqa: F401 - the fixture
from test_notify import staffed as staffed  # noqa: F401 - the fixture

LEARNERS_WORDS = ("S'inscrire", "Complet", "Inscriptions", "C'est gratuit")


def events(ics: bytes) -> list[icalendar.Event]:
    """The events of an attachment, read by icalendar and checked against ``ical``."""
    ours = icalendar.Calendar.from_ical(ics)
    found = list(ours.walk("VEVENT"))
    theirs = IcsCalendarStream.calendar_from_ics(ics.decode())
    assert [e.uid for e in theirs.events] == [str(e["UID"]) for e in found]
    assert [e.sequence for e in theirs.events] == [int(e["SEQUENCE"]) for e in found]
    return found


def uid(day: str) -> str:
    return f"{COHORT}/{day}/1400@konexio.eu"


def text(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_a_closure_of_three_sessions_is_one_mail_with_one_calendar_of_three(
        staffed, smtp):  # noqa: F811
    for day in ("2026-11-30", "2026-12-02"):
        sign_up(staffed, shift_id(day), "Awa Exemple")
    run_notify(staffed, None)  # yesterday's run: the new names are noted
    for day in ("2026-11-23", "2026-11-30", "2026-12-02"):
        cancel(staffed, day, "Fermeture de l'antenne")
    run_sync(staffed)
    report = run_notify(staffed, smtp)
    to_awa = [r for r in smtp.received if r.recipients == ["awa@example.org"]]
    assert len(to_awa) == 1, "one mail for every change of one person"
    message = to_awa[0].message
    assert message["Subject"] == "Plusieurs de vos créneaux de bénévole changent"
    body = text(message)
    assert body.count("Annulée (vous : Formateur)") == 3
    assert body.count("Fermeture de l'antenne") == 3
    assert "met à jour ces séances" in body
    assert "empêché" not in body  # nothing to come to: no word on how to say so
    found = events(attachment(message))
    assert [str(e["UID"]) for e in found] == [uid("2026-11-23"), uid("2026-11-30"),
                                              uid("2026-12-02")]
    assert {str(e["STATUS"]) for e in found} == {"CANCELLED"}
    assert all(int(e["SEQUENCE"]) >= 1 for e in found)
    # Layla (Arabic) on the 30th: her own mail, in her language, one event
    (to_layla,) = [r for r in smtp.received if r.recipients == ["layla@example.org"]]
    assert to_layla.message["Content-Language"] == "ar"
    assert [str(e["UID"]) for e in events(attachment(to_layla.message))] == [uid("2026-11-30")]
    assert report.sent == len(smtp.received) == 2
    assert run_notify(staffed, smtp).sent == 0


def test_two_roles_of_one_session_are_one_line_one_event_one_reminder(
        staffed, smtp):  # noqa: F811
    sign_up(staffed, shift_id("2026-11-23", "assistant"), "Awa Exemple")  # and trainer
    run_notify(staffed, None)
    assert run_notify(staffed, smtp, today=date(2026, 11, 22)).sent == 1
    (reminder,) = smtp.received
    body = text(reminder.message)
    assert "vous êtes inscrit·e demain comme « Formateur, Bénévole »" in body
    assert body.count("Quand :") == 1
    assert run_notify(staffed, smtp, today=date(2026, 11, 22)).sent == 0
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    assert run_notify(staffed, smtp).sent == 1
    notice = smtp.received[1].message
    assert notice["Subject"].startswith("Annulé : ")
    assert "comme « Formateur, Bénévole » est annulée" in text(notice)
    (event,) = events(attachment(notice))
    assert str(event["UID"]) == uid("2026-11-23")
    assert "Formateur, Bénévole" in str(event["SUMMARY"])


def test_a_change_the_sheet_showed_when_they_signed_up_is_not_news(staffed, smtp):  # noqa: F811
    """The issue: a row already showing "déplacée ... Salle 2" when Awa typed her name."""
    move(staffed, "2026-11-30", "2026-12-01")
    run_sync(staffed)
    run_notify(staffed, smtp)  # Layla was on it: she is told, once
    assert [r.recipients for r in smtp.received] == [["layla@example.org"]]
    sign_up(staffed, shift_id("2026-11-30"), "Awa Exemple")  # on the moved row
    report = run_notify(staffed, smtp)
    assert report.sent == 0 and len(smtp.received) == 1
    rows = journal(staffed)
    noted = [row for row in rows[1:] if row[1] == "noté"]
    assert any(row[2] == "inscription" and row[3] == shift_id("2026-11-30")
               and row[4] == "awa@example.org" for row in noted)
    # What changes after is news, told from what the sheet showed her
    path = staffed / "schedules" / "cohorts" / "paris" / f"{COHORT}.yml"
    path.write_text(path.read_text().replace("to_date: 2026-12-01", "to_date: 2026-12-04"))
    run_sync(staffed)
    run_notify(staffed, smtp)
    to_awa = [r for r in smtp.received if r.recipients == ["awa@example.org"]]
    assert len(to_awa) == 1 and to_awa[0].message["Subject"].startswith("Changement : ")
    body = text(to_awa[0].message)
    assert "jour : mardi 1er décembre 2026 → vendredi 4 décembre 2026" in body
    assert "salle" not in body.split("Séance :")[0]  # Salle 2 was on the row already


def test_a_name_typed_before_the_change_the_same_run_applies_is_told(staffed, smtp):  # noqa: F811
    """Awa types her name beside Sam's; the move lands before the next run: the row she saw
    is what Sam was last told (the journal's row for that shift), so she is told too."""
    sign_up(staffed, shift_id("2026-11-25", "assistant"), "Awa Exemple", slot=2)
    move(staffed, "2026-11-25", "2026-11-26")
    run_sync(staffed)
    run_notify(staffed, smtp)
    assert sorted(r.recipients[0] for r in smtp.received) == ["awa@example.org",
                                                              "sam@example.org"]
    for got in smtp.received:
        (event,) = events(attachment(got.message))
        assert str(event["UID"]) == uid("2026-11-25")


def test_the_attachment_speaks_to_a_volunteer_not_to_learners(staffed, smtp):  # noqa: F811
    move(staffed, "2026-11-25", "2026-11-26")
    run_sync(staffed)
    run_notify(staffed, smtp)
    message = smtp.received[0].message
    assert message["Content-Language"] == "en"
    (event,) = events(attachment(message))
    summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
    assert summary.startswith("Moved: Volunteer (Volunteer assistant)")
    assert "Your role: Volunteer assistant" in description
    assert "day: Wednesday" in description and "room: Salle 1 → Salle 2" in description
    assert "Building works" in description and "contact@konexio.eu" in description
    assert "10 rue de Belleville" in str(event["LOCATION"])
    assert "URL" not in event
    for words in LEARNERS_WORDS + ("Register", "Full (waiting list"):
        assert words not in description


def test_the_personal_feed_speaks_to_a_volunteer(staffed, tmp_path):  # noqa: F811
    from konexio.feeds.personal import personal_calendar
    from konexio.notify.run import personal_feeds

    move(staffed, "2026-11-23", "2026-11-24")
    run_sync(staffed)
    dataset, schedule = load_valid(staffed)
    context = feed_context(dataset, SITE, today=TODAY, root=staffed)
    feeds = personal_feeds(dataset, schedule, XlsxBackend(book_path(staffed)))
    (awa,) = [f for f in feeds if f.lang == "fr" and f.occurrences]
    (event,) = events(personal_calendar(awa, context, schedule))
    assert str(event["SUMMARY"]).startswith("Déplacé : Bénévole (Formateur)")
    description = str(event["DESCRIPTION"])
    assert "Votre rôle : Formateur" in description
    assert "Prévue : lundi 23 novembre 2026, 14:00–16:00" in description
    assert not any(words in description for words in LEARNERS_WORDS)


# -- the journal's promise, the run cut at every step ----------------------------------------


class Cut(Exception):
    """The process dies here."""


class Steps:
    """Counts the run's steps (each journal write, before and after; each mail handed over)
    and dies at step ``at``."""

    def __init__(self, at: int | None):
        self.at = at
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.at is not None and self.count == self.at:
            raise Cut(self.count)


class CutBackend(XlsxBackend):
    def __init__(self, path, steps: Steps):
        super().__init__(path)
        self.steps = steps

    def write(self, *args, **kwargs):
        self.steps.step()
        result = super().write(*args, **kwargs)
        self.steps.step()
        return result


def cut_run(root, smtp, steps: Steps):  # noqa: F811
    dataset, schedule = load_valid(root)
    context = feed_context(dataset, SITE, today=TODAY, root=root)
    used = mailer(smtp)
    send = used.send

    def send_then_maybe_die(message):
        result = send(message)
        steps.step()
        return result

    used.send = send_then_maybe_die
    return notify(dataset, schedule, CutBackend(book_path(root), steps), context,
                  mailer=used, sender=SENDER, today=TODAY)


def scenario(root) -> None:
    """Awa on two sessions and Sam on one, all cancelled; a new name noted in the same
    run; Sam cannot come on 7 Dec. (Layla, willing, is asked to stand in); Awa coordinates
    (her weekly digest): steps of journal and three mails, one per person, whatever each
    has to hear."""
    from konexio.sync.words import DIGEST, STAND_INS
    from test_requirements import roster_columns

    sign_up(root, shift_id("2026-11-30"), "Awa Exemple")
    run_notify(root, None)
    roster_columns(root, {DIGEST: ["coordination", "", ""], STAND_INS: ["", "", "oui"]})
    for day in ("2026-11-23", "2026-11-25", "2026-11-30"):
        cancel(root, day)
    sign_up(root, shift_id("2026-12-02"), "Sam Sample")
    sign_up(root, shift_id("2026-12-07", "assistant"), "Sam Sample (empêché)")
    run_sync(root)


def sent(smtp) -> Counter:  # noqa: F811
    return Counter((r.recipients[0], str(r.message["Subject"])) for r in smtp.received)


def test_a_run_cut_at_every_step_never_sends_twice(staffed, smtp, tmp_path):  # noqa: F811
    import shutil

    pristine = tmp_path / "pristine"
    shutil.copytree(staffed, pristine)
    scenario(pristine)
    whole = Steps(None)
    cut_run(pristine, smtp, whole)
    expected = sent(smtp)
    assert Counter(to for to, _ in expected.elements()) == {
        "awa@example.org": 1, "sam@example.org": 1, "layla@example.org": 1}
    assert all(n == 1 for n in expected.values())
    assert whole.count >= 9
    for at in range(1, whole.count + 1):
        root = tmp_path / f"cut-{at}"
        shutil.copytree(staffed, root)
        scenario(root)
        smtp.received.clear()
        with pytest.raises(Cut):
            cut_run(root, smtp, Steps(at))
        report = run_notify(root, smtp)
        again = run_notify(root, smtp)
        got = sent(smtp)
        assert again.sent == 0, at
        assert all(n == 1 for n in got.values()), (at, got)  # never twice
        assert set(got) <= set(expected), (at, got)
        # whatever did not arrive is reported as an interrupted mail, never silently lost
        missing = set(expected) - set(got)
        assert len(missing) <= report.uncertain, (at, got, report.lines)
        assert not load_workbook(people_path(root))[RECORDS].max_row < 2


# -- the waiting list (point 3) ---------------------------------------------------------------


def clear(root, cell: str) -> None:
    path = book_path(root)
    book = load_workbook(path)
    book["Paris"][cell].value = None
    book.save(path)


def test_a_name_beyond_the_need_waits_then_hears_once_when_a_place_frees(
        staffed, smtp, tmp_path, capsys):  # noqa: F811
    """The trainer's shift needs one person: a second name typed on its row waits, hears
    nothing, is not in her calendar; Awa clears her name: Layla is on the shift, told once,
    in Arabic, with the event attached."""
    from konexio.cli import main
    from konexio.feeds.personal import personal_calendar
    from konexio.notify.run import personal_feeds

    trainer = shift_id("2026-11-23")  # Awa in bénévole 1
    sign_up(staffed, trainer, "Layla Mithal", slot=2)
    assert run_notify(staffed, smtp).sent == 0  # noted as waiting, nothing sent
    assert run_notify(staffed, smtp, today=date(2026, 11, 22)).sent == 1  # Awa's reminder only
    assert [r.recipients for r in smtp.received] == [["awa@example.org"]]
    dataset, schedule = load_valid(staffed)
    context = feed_context(dataset, SITE, today=TODAY, root=staffed)

    def layla_uids():
        feeds = personal_feeds(dataset, schedule, XlsxBackend(book_path(staffed)))
        (layla,) = [f for f in feeds if f.lang == "ar"]
        return [str(e["UID"]) for e in events(personal_calendar(layla, context, schedule))]

    assert uid("2026-11-23") not in layla_uids()
    capsys.readouterr()
    assert main(["coverage", "--root", str(staffed), "--today", "2026-11-10", "--weeks",
                 "4", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Waiting lists (names typed beyond the need):" in out
    # in English: the weekday, the venue, the program and the role too
    assert "  2026-11-23 Monday 14:00-16:00  Paris · Belleville centre — Salle 1 · DigitAll " \
        "beginner · Trainer: 1 waiting" in out

    clear(staffed, "L" + str(load_workbook(book_path(staffed))["Paris"]
                               [sign_up(staffed, trainer, "Awa Exemple")].row))
    report = run_notify(staffed, smtp)
    assert report.sent == 1
    got = smtp.received[-1]
    assert got.recipients == ["layla@example.org"]
    assert got.message["Content-Language"] == "ar"
    (event,) = events(attachment(got.message))
    assert str(event["UID"]) == uid("2026-11-23") and str(event["STATUS"]) == "CONFIRMED"
    assert uid("2026-11-23") in layla_uids()
    assert run_notify(staffed, smtp).sent == 0  # once
    rows = journal(staffed)
    assert [row[2] for row in rows if row[4] == "layla@example.org" and row[1] == "envoyé"] \
        == ["place libérée"]


def test_a_queue_longer_than_the_row_waits_in_a_column_the_coordinator_adds(
        staffed, smtp, capsys):  # noqa: F811
    """The trainer's row (one needed) has cells « bénévole 1 » and « bénévole 2 »; a
    coordinator adds a column « bénévole 3 » at the end of the header for a second person
    waiting. The sync keeps it and what is typed there; coverage counts two waiting; Awa
    clears her name: Layla (first waiting) is told, Sam (second) is not; Layla clears hers:
    Sam is told, once."""
    from konexio.cli import main
    from konexio.sync.layout import signup_label

    path = book_path(staffed)
    book = load_workbook(path)
    header = [c.value for c in book["Paris"][1]]
    book["Paris"].cell(1, len([v for v in header if v]) + 1).value = signup_label(3)
    book.save(path)
    trainer = shift_id("2026-11-23")
    sign_up(staffed, trainer, "Layla Mithal", slot=2)
    sam = sign_up(staffed, trainer, "Sam Sample", slot=3)
    run_sync(staffed)
    assert load_workbook(path)["Paris"][sam].value == "Sam Sample"  # kept by the sync
    assert run_notify(staffed, smtp).sent == 0  # both noted as waiting
    capsys.readouterr()
    assert main(["coverage", "--root", str(staffed), "--today", "2026-11-10", "--weeks", "4",
                 "--lang", "en"]) == 0
    assert "Trainer: 2 waiting" in capsys.readouterr().out
    awa = sign_up(staffed, trainer, "", slot=1)
    clear(staffed, awa)
    assert run_notify(staffed, smtp).sent == 1
    assert [r.recipients for r in smtp.received] == [["layla@example.org"]]
    clear(staffed, sign_up(staffed, trainer, "", slot=2))
    assert run_notify(staffed, smtp).sent == 1
    assert smtp.received[-1].recipients == ["sam@example.org"]
    (event,) = events(attachment(smtp.received[-1].message))
    assert str(event["UID"]) == uid("2026-11-23")
    assert run_notify(staffed, smtp).sent == 0


def test_two_sessions_on_one_day_are_one_reminder(staffed, smtp):  # noqa: F811
    """The session of 2 Dec. moves to Monday 30 Nov., 10:00: Sam is on it and on the 14:00
    one: on the 29th, one reminder lists both, with one line on how to stop reminders;
    Layla (« rappels : non ») on the 14:00 one gets none."""
    path = staffed / COHORT_FILE
    path.write_text(path.read_text().replace("moved:\n", "moved:\n"
                                             "  - date: 2026-12-02\n"
                                             "    to_date: 2026-11-30\n"
                                             "    to_start: \"10:00\"\n"
                                             "    to_end: \"12:00\"\n"
                                             "    reason: {fr: Travaux, en: Building works, "
                                             "ar: أشغال}\n"))
    run_sync(staffed)
    sign_up(staffed, shift_id("2026-12-02", "assistant"), "Sam Sample")
    sign_up(staffed, shift_id("2026-11-30", "assistant"), "Sam Sample")
    assert run_notify(staffed, smtp).sent == 0  # noted: what the sheet showed
    assert run_notify(staffed, smtp, today=date(2026, 11, 29)).sent == 1
    (got,) = smtp.received
    assert got.recipients == ["sam@example.org"]
    assert got.message["Subject"] == "Reminder: your shifts tomorrow, Monday, November 30, 2026"
    body = text(got.message)
    assert body.count("Tomorrow (you: Volunteer assistant)") == 2
    plain = body.replace("\u202f", " ")  # CLDR's narrow space before AM/PM
    # in the order of the day, though the 10:00 one's row comes later in the sheet
    assert 0 < plain.index("10:00 AM–12:00 PM") < plain.index("2:00 PM–4:00 PM")
    assert body.count("To stop reminders") == 1
    # how to tell the sheet they cannot come, with the sheet's own (French) word, once
    assert body.count("Can no longer come? Add « (empêché·e) » after your name") == 1
    assert not list(got.message.iter_attachments())
    assert run_notify(staffed, smtp, today=date(2026, 11, 29)).sent == 0


# -- stand-ins (point 4) ----------------------------------------------------------------------


def mark_unavailable(root, shift: str, name: str, slot: int) -> str:
    return sign_up(root, shift, f"{name} (empêchée)", slot=slot)


@pytest.mark.parametrize(("typed", "name", "away"), [
    ("Awa Diallo (empêché·e)", "Awa Diallo", True),  # as the mails and the README say
    ("Awa Diallo (EMPECHEE)", "Awa Diallo", True),
    ("Sam (empêché)", "Sam", True),
    ("Awa Diallo empêchée", "Awa Diallo", True),  # brackets forgotten
    ("Awa Diallo - empêchée", "Awa Diallo", True),
    ("Awa Diallo, empêchée", "Awa Diallo", True),
    ("Awa Diallo (malade)", "Awa Diallo (malade)", False),  # another note: a name to check
    ("Jean-Empêché", "Jean-Empêché", False),  # part of a name, not a mark
    ("(empêchée)", "(empêchée)", False),  # no name before it
])
def test_how_the_cannot_come_mark_is_read(typed, name, away):
    from konexio.sync.layout import split_mark

    assert split_mark(typed) == (name, away)


def test_someone_who_cannot_come_finds_a_stand_in_then_the_antenna_is_told(
        staffed, smtp):  # noqa: F811
    """Layla (assistant, 30 Nov.) types « (empêchée) » after her name; Sam, an assistant of
    the same antenna who said yes to « remplacements » and has the induction the role
    requires, is asked once, in English; Awa (no yes) is not. Two days before, nobody
    having stood in, the antenna is told, once; Layla gets no reminder."""
    from konexio.sync.words import INDUCTION, STAND_INS
    from test_requirements import require, roster_columns

    require(staffed, "assistant", "[induction]")
    roster_columns(staffed, {STAND_INS: ["", "oui", "oui"], INDUCTION: ["oui", "", "oui"]})
    layla = shift_id("2026-11-30", "assistant")
    cell = mark_unavailable(staffed, layla, "Layla Mithal", slot=2)
    assert run_notify(staffed, smtp).sent == 0  # Sam lacks the induction: nobody to ask
    letters = roster_columns(staffed, {})
    book = load_workbook(people_path(staffed))  # the coordinator notes Sam's induction
    header = [c.value for c in book[ROSTER][1]]
    book[ROSTER].cell(3, header.index(INDUCTION) + 1).value = "oui"
    book.save(people_path(staffed))
    assert letters == {}
    report = run_notify(staffed, smtp)
    assert report.sent == 1 and [r.recipients for r in smtp.received] == [["sam@example.org"]]
    message = smtp.received[0].message
    assert message["Content-Language"] == "en"
    assert message["Subject"].startswith("Stand-in wanted: ")
    body = text(message)
    assert "cannot come" in body and "Monday, November 30, 2026" in body
    assert not list(message.iter_attachments())  # not their shift: nothing for the calendar
    assert "Layla" not in body
    assert run_notify(staffed, smtp).sent == 0  # once
    # the 28th is the last day volunteers are asked; on the 29th the antenna is told, in
    # French, once, and Layla gets no reminder
    assert run_notify(staffed, smtp, today=date(2026, 11, 28)).sent == 0
    late = run_notify(staffed, smtp, today=date(2026, 11, 29))
    assert late.sent == 1 and smtp.received[-1].recipients == ["contact@konexio.eu"]
    assert smtp.received[-1].message["Subject"].startswith("Personne ne remplace encore : ")
    assert run_notify(staffed, smtp, today=date(2026, 11, 29)).sent == 0
    assert len(smtp.received) == 2
    assert cell  # what Layla typed stays in her cell


def test_once_it_is_late_the_coordinators_are_told_not_the_public_address(
        staffed, smtp):  # noqa: F811
    """Awa coordinates (« coordination » in « résumé de la semaine »): on the 29th, Layla
    still unable to come on the 30th and nobody standing in, Awa is told, in French, in her
    one mail of the run (with her weekly digest); the antenna's public address is not."""
    from konexio.sync.words import DIGEST
    from test_requirements import roster_columns

    roster_columns(staffed, {DIGEST: ["coordination", "", ""]})
    mark_unavailable(staffed, shift_id("2026-11-30", "assistant"), "Layla Mithal", slot=2)
    sunday = date(2026, 11, 29)
    assert run_notify(staffed, smtp, today=sunday).sent == 1
    (got,) = smtp.received
    assert got.recipients == ["awa@example.org"]
    body = text(got.message)
    assert body.count("Personne ne remplace encore (Bénévole)") == 1
    assert "lundi 30 novembre 2026" in body and "Votre résumé de la semaine" in body
    assert run_notify(staffed, smtp, today=sunday).sent == 0


def test_a_stand_in_who_signs_up_ends_the_search(staffed, smtp):  # noqa: F811
    """Awa, the trainer of 23 Nov. (one needed), cannot come; Sam types his name in the
    row's next cell before any run: the place is taken, nobody is asked, the antenna is not
    told, and Sam, now the team, gets the reminder."""
    from konexio.sync.words import STAND_INS
    from test_requirements import roster_columns

    roster_columns(staffed, {STAND_INS: ["oui", "oui", "oui"]})
    trainer = shift_id("2026-11-23")
    mark_unavailable(staffed, trainer, "Awa Exemple", slot=1)
    sign_up(staffed, trainer, "Sam Sample", slot=2)
    assert run_notify(staffed, smtp).sent == 0
    assert run_notify(staffed, smtp, today=date(2026, 11, 22)).sent == 1
    assert [r.recipients for r in smtp.received] == [["sam@example.org"]]
    assert smtp.received[0].message["Subject"].startswith("Reminder: ")


# -- everything for one person in one mail (point 1) ---------------------------------------


def test_a_cancellation_a_reminder_a_stand_in_and_the_digest_are_one_mail(
        staffed, smtp):  # noqa: F811
    """Tuesday 24 Nov.: Sam's session of 2 Dec. is cancelled, he is on tomorrow's, Layla
    cannot come on the 30th (Sam said yes to stand-ins) and he asked for the weekly digest:
    one mail, in English, each block saying what it is; the calendar attached holds the
    cancelled session only (the others are not changes to his calendar); the journal gives
    all four one Message-ID; a second run sends nothing."""
    from konexio.sync.words import DIGEST, STAND_INS
    from test_requirements import roster_columns

    sign_up(staffed, shift_id("2026-12-02", "assistant"), "Sam Sample")
    assert run_notify(staffed, None).sent == 0  # noted: what he knew
    roster_columns(staffed, {DIGEST: ["", "oui", ""], STAND_INS: ["", "oui", ""]})
    cancel(staffed, "2026-12-02")
    mark_unavailable(staffed, shift_id("2026-11-30", "assistant"), "Layla Mithal", slot=2)
    run_sync(staffed)
    tuesday = date(2026, 11, 24)
    assert run_notify(staffed, smtp, today=tuesday).sent == 1
    (got,) = smtp.received
    assert got.recipients == ["sam@example.org"]
    message = got.message
    assert message["Content-Language"] == "en"
    assert message["Subject"] == "News of your volunteer shifts"
    body = text(message)
    order = [body.find(words) for words in (
        "Cancelled (you: Volunteer assistant)", "Wednesday, December 2, 2026",
        "Tomorrow (you: Volunteer assistant)", "Wednesday, November 25, 2026",
        "Stand-in wanted (Volunteer assistant)", "Monday, November 30, 2026",
        "To stand in, type your name in a free cell", "The attached file (konexio.ics)",
        "To stop reminders", "Your weekly digest", "Here are the shifts",
        "Shifts still short of people:", "To stop receiving this digest",
        "The Konexio team")]
    assert -1 not in order and order == sorted(order), (order, body)
    assert "Layla" not in body
    (event,) = events(attachment(message))
    assert str(event["UID"]) == uid("2026-12-02") and str(event["STATUS"]) == "CANCELLED"
    rows = [row for row in journal(staffed) if row[1] == "envoyé"]
    assert sorted(row[2] for row in rows) == ["annulation", "rappel", "remplacement", "résumé"]
    assert len({row[-1] for row in rows}) == 1  # one Message-ID: one mail
    assert run_notify(staffed, smtp, today=tuesday).sent == 0
    assert len(smtp.received) == 1


# -- weekly digests (point 5) ----------------------------------------------------------------


def first_digests(smtp) -> None:  # noqa: F811
    """The two digests of the scenario below (both back-ends): Awa's antenna week in
    French, with the waiting list and the stand-in wanted; Sam's open slots of his role in
    English, no attachment."""
    by = {r.recipients[0]: r.message for r in smtp.received}
    assert set(by) == {"awa@example.org", "sam@example.org"} and len(smtp.received) == 2
    awa = text(by["awa@example.org"])
    assert by["awa@example.org"]["Content-Language"] == "fr"
    assert by["awa@example.org"]["Subject"] == "La semaine des bénévoles"
    assert "Créneaux où il manque du monde :" in awa
    assert "Listes d'attente :" in awa and "lundi 23 novembre 2026, 14:00–16:00" in awa
    wanted = awa.split("Remplacements cherchés :")[1]
    assert "lundi 23 novembre 2026, 14:00–16:00" in wanted.split("\n\n")[0]
    sam = text(by["sam@example.org"])
    assert by["sam@example.org"]["Content-Language"] == "en"
    assert by["sam@example.org"]["Subject"] == "Shifts where your help would be useful"
    assert "Shifts still short of people:" in sam
    assert "https://konexio.example.org/en/volunteers/privacy/" in sam  # every mail links it
    assert "Volunteer assistant" in sam and "Trainer" not in sam  # his role only
    assert not list(by["sam@example.org"].iter_attachments())


def test_weekly_digests_once_a_week_for_coordinators_and_willing_volunteers(
        staffed, smtp):  # noqa: F811
    """The roster's « résumé de la semaine »: Awa coordinates (the antenna's week, with the
    waiting list and the stand-in wanted), Sam says oui (the open slots of his role,
    assistant, in English); Layla left it empty. Once per ISO week, whatever the runs."""
    from konexio.sync.words import DIGEST
    from test_requirements import roster_columns

    roster_columns(staffed, {DIGEST: ["coordination", "oui", ""]})
    sign_up(staffed, shift_id("2026-11-23"), "Layla Mithal", slot=2)  # waits (trainer: 1)
    sign_up(staffed, shift_id("2026-11-23", "assistant"), "Sam Sample (empêché)")
    report = run_notify(staffed, smtp)  # Tuesday 10 November
    assert report.sent == 2
    first_digests(smtp)
    assert run_notify(staffed, smtp, today=date(2026, 11, 13)).sent == 0  # same week
    assert run_notify(staffed, smtp, today=date(2026, 11, 16)).sent == 2  # the next one
    rows = journal(staffed)
    assert sorted(row[3] for row in rows if row[2] == "résumé" and row[1] == "envoyé") == \
        ["semaine/2026-W46", "semaine/2026-W46", "semaine/2026-W47", "semaine/2026-W47"]


def test_digests_go_out_on_the_chosen_day_and_a_missed_day_is_caught_up_once(
        staffed, smtp):  # noqa: F811
    """``digest_day: thursday`` in roles.yml: nothing on Tuesday 10 or Wednesday 11 Nov.,
    Awa's digest on Thursday 12, nothing more on Friday 13; the next week no run on
    Thursday 19: Friday 20 sends it, Saturday 21 does not."""
    from konexio.sync.words import DIGEST
    from test_requirements import roster_columns

    path = staffed / "volunteers" / "roles.yml"
    path.write_text(path.read_text() + "digest_day: thursday\n")
    roster_columns(staffed, {DIGEST: ["coordination", "", ""]})
    sent_on = {}
    for day in (10, 11, 12, 13, 16, 18, 20, 21):
        before = len(smtp.received)
        run_notify(staffed, smtp, today=date(2026, 11, day))
        sent_on[day] = [r.recipients for r in smtp.received[before:]
                        if r.message["Subject"] == "La semaine des bénévoles"]
    assert sent_on == {10: [], 11: [], 12: [["awa@example.org"]], 13: [], 16: [], 18: [],
                       20: [["awa@example.org"]], 21: []}


def test_the_coordinators_digest_names_repeated_absences(staffed, smtp):  # noqa: F811
    """Two sessions marked absent for Sam in Présences (issue 28's marks): the antenna's
    week says so; one excused absence is not counted."""
    from konexio.hours.attendance import PRESENCES_HEADER
    from konexio.sync.words import ABSENT, DIGEST, EXCUSED, PRESENCES
    from test_requirements import roster_columns

    roster_columns(staffed, {DIGEST: ["coordination", "", ""]})
    sign_up(staffed, shift_id("2026-11-23", "assistant"), "Sam Sample")
    sign_up(staffed, shift_id("2026-11-30", "assistant"), "Sam Sample")
    run_sync(staffed)
    book = load_workbook(people_path(staffed))
    sheet = book[PRESENCES] if PRESENCES in book.sheetnames else book.create_sheet(PRESENCES)
    if sheet.max_row < 1 or not sheet.cell(1, 1).value:
        for col, label in enumerate(PRESENCES_HEADER, start=1):
            sheet.cell(1, col).value = label
    for shift, state in ((shift_id("2026-11-23", "assistant"), ABSENT),
                         (shift_id("2026-11-25", "assistant"), ABSENT),
                         (shift_id("2026-11-30", "assistant"), EXCUSED)):
        sheet.append([shift, "sam sample", state, None])
    book.save(people_path(staffed))
    run_notify(staffed, smtp, today=date(2026, 12, 1))
    (digest,) = [r.message for r in smtp.received if r.message["Subject"] ==
                 "La semaine des bénévoles"]
    body = text(digest)
    assert "Absents sans excuse à deux séances ou plus (8 dernières semaines) :" in body
    assert "- Sam Sample : 2 séances" in body


def test_a_sign_up_marked_cannot_come_counts_as_excused_not_as_hours(staffed):  # noqa: F811
    """Issue 28's hours meet point 4: « (empêché·e) » typed before the session is an
    excused absence, never hours given (a mark in Présences still wins)."""
    from datetime import UTC, datetime

    from konexio.hours.attendance import Marks, State
    from konexio.hours.count import attendance
    from konexio.notify.people import read_signups
    from konexio.shifts import shifts

    mark_unavailable(staffed, shift_id("2026-11-23"), "Awa Exemple", slot=1)
    dataset, schedule = load_valid(staffed)
    book = XlsxBackend(book_path(staffed))
    target = next(iter(book.targets({}, {"paris": "Paris"})))
    typed = read_signups(book.read(target).snapshots["Paris"])
    given = attendance(shifts(dataset, schedule), typed, Marks(),
                       datetime(2026, 11, 24, tzinfo=UTC)).given
    (awa,) = [g for g in given if g.shift.id == shift_id("2026-11-23")]
    assert awa.state is State.excused and awa.name == "Awa Exemple"
