"""``konexio notify`` end to end: the workbook, the roster, a real SMTP server on 127.0.0.1.

The server is aiosmtpd, run in a thread; mails are read back with the standard ``email``
package, attachments with ``icalendar`` and with ``ical`` (an independent parser). Every
name and address here is invented (``example.org``).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
from aiosmtpd.smtp import SMTP
from ical.calendar_stream import IcsCalendarStream
from openpyxl import load_workbook

from konexio.cli import main
from konexio.feeds import feed_context, write_feeds
from konexio.notify.run import notify
from konexio.notify.send import Mailer, Settings
from konexio.sync.layout import cell_text, signup_label
from konexio.sync.roster import RECORDS, ROSTER, ROSTER_HEADER, TOKEN
from konexio.sync.run import sync
from konexio.sync.xlsx import XlsxBackend
from konexio.urls import PERSONAL_ADDRESS
from konexio.validate import load_valid

COHORT = "digitall-beginner-paris-2026-11"
COHORT_FILE = f"schedules/cohorts/paris/{COHORT}.yml"
SITE = "https://konexio.example.org/"
PERSONAL = "https://agendas.example.org/"  # the personal calendars' own host, not the site
SENDER = "Konexio <benevoles@example.org>"
TODAY = date(2026, 11, 10)
PEOPLE = [  # name, e-mail, phone, language, reminders
    ("Awa Exemple", "awa@example.org", "0600000001", "fr", ""),
    ("Sam Sample", "sam@example.org", "0600000002", "en", "oui"),
    ("Layla Mithal", "layla@example.org", "0600000003", "ar", "non"),
]


# -- a real SMTP server ---------------------------------------------------------------------


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)


@dataclass
class Handler:
    """Keeps every mail; ``data_answers`` and ``rcpt_answers`` script the server's refusals."""

    received: list[Received] = field(default_factory=list)
    data_answers: list[str] = field(default_factory=list)
    rcpt_answers: dict[str, str] = field(default_factory=dict)

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address in self.rcpt_answers:
            return self.rcpt_answers[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_answers and self.data_answers[0] == "hang up":
            self.data_answers.pop(0)
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                          envelope.original_content or envelope.content))
            server.transport.abort()  # took the mail, then the line went dead
            return "250 OK"
        if self.data_answers:
            return self.data_answers.pop(0)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                      envelope.original_content or envelope.content))
        return "250 Message accepted"


class SmtpServer:
    """aiosmtpd on 127.0.0.1, port chosen by the system, in its own event loop thread."""

    def __init__(self, **options):
        self.handler = Handler()
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve():
            asyncio.set_event_loop(self.loop)
            self.server = self.loop.run_until_complete(self.loop.create_server(
                lambda: SMTP(self.handler, hostname="smtp.test", **options), "127.0.0.1", 0))
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=serve, daemon=True)
        self.thread.start()
        ready.wait(10)
        self.port = self.server.sockets[0].getsockname()[1]

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def stop(self):
        async def shut():
            self.server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:  # client sessions still open: end them cleanly
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shut(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def smtp():
    server = SmtpServer()
    yield server
    server.stop()


def mailer(server: SmtpServer, sleeps: list | None = None) -> Mailer:
    settings = Settings("smtp", "127.0.0.1", server.port, "", "", SENDER)
    return Mailer(settings, timeout=5, sleep=(sleeps if sleeps is not None else []).append)


# -- the workbook, as coordinators and volunteers fill it ------------------------------------


def book_path(root: Path) -> Path:
    """The sign-up workbook (shifts, names as typed)."""
    return root / "volunteers" / "shifts.xlsx"


def people_path(root: Path) -> Path:
    """The people workbook (roster, journal), for coordinators only."""
    return root / "volunteers" / "people.xlsx"


def books(root: Path) -> tuple[bytes, bytes]:
    """Both workbooks' bytes: a run that must change nothing changes neither."""
    return book_path(root).read_bytes(), people_path(root).read_bytes()


def run_sync(root: Path) -> None:
    dataset, schedule = load_valid(root)
    sync(dataset, schedule, XlsxBackend(book_path(root)))


def fill_roster(root: Path, people=PEOPLE) -> None:
    path = people_path(root)
    book = load_workbook(path)
    sheet = book[ROSTER]
    for row, person in enumerate(people, start=2):
        for col, value in enumerate(person, start=1):
            sheet.cell(row, col).value = value or None
    book.save(path)


def shift_id(day: str, role: str = "trainer") -> str:
    return f"{COHORT}/{day}/1400/{role}"


def sign_up(root: Path, shift: str, name: str, slot: int = 1) -> str:
    """Type ``name`` in the slot-th sign-up cell of ``shift``; return the cell's A1 name."""
    path = book_path(root)
    book = load_workbook(path)
    sheet = book["Paris"]
    header = [cell_text(c.value) for c in sheet[1]]
    col = header.index(signup_label(slot)) + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == shift:
            sheet.cell(row, col).value = name
            book.save(path)
            return sheet.cell(row, col).coordinate
    raise AssertionError(f"no row {shift}")


def cancel(root: Path, day: str, reason_fr: str = "Salle inondée") -> None:
    path = root / COHORT_FILE
    text = path.read_text()
    text = text.replace("cancelled:\n", "cancelled:\n"
                        f"  - date: {day}\n"
                        f"    reason: {{fr: {reason_fr}, en: Room flooded, "
                        "ar: القاعة غمرتها المياه}\n")
    path.write_text(text)


def move(root: Path, day: str, to_day: str) -> None:
    path = root / COHORT_FILE
    text = path.read_text()
    text = text.replace("moved:\n", "moved:\n"
                        f"  - date: {day}\n"
                        f"    to_date: {to_day}\n"
                        f"    to_room: Salle 2\n"
                        f"    reason: {{fr: Travaux, en: Building works, ar: أشغال}}\n")
    path.write_text(text)


def run_notify(root: Path, server: SmtpServer | None, today: date = TODAY, **options):
    dataset, schedule = load_valid(root)
    context = feed_context(dataset, SITE, today=today, root=root,
                           environ={PERSONAL_ADDRESS: PERSONAL})
    return notify(dataset, schedule, XlsxBackend(book_path(root)), context,
                  mailer=mailer(server) if server else None, sender=SENDER, today=today,
                  **options)


@pytest.fixture
def staffed(minimal_root):
    """The minimal data synced into a workbook, a roster of three, three sign-ups."""
    run_sync(minimal_root)
    fill_roster(minimal_root)
    run_sync(minimal_root)  # gives every roster row its calendar token
    sign_up(minimal_root, shift_id("2026-11-23"), "  awa   EXEMPLE ")  # case and spaces
    sign_up(minimal_root, shift_id("2026-11-25", "assistant"), "Sam Sample")
    sign_up(minimal_root, shift_id("2026-11-30", "assistant"), "Layla Mithal", slot=2)
    # The daily run notes each name the first time it sees it (no mail): what they knew.
    assert run_notify(minimal_root, None).sent == 0
    return minimal_root


def attachment(message) -> bytes:
    parts = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    assert parts[0].get_param("method") == "PUBLISH"
    return parts[0].get_payload(decode=True)


def feed_event(root: Path, tmp_path: Path, uid: str, today: date = TODAY):
    """The event of ``uid`` in the published feed of the cohort (French)."""
    dataset, schedule = load_valid(root)
    write_feeds(dataset, schedule, tmp_path / "site", SITE, today=today, root=root)
    feed = (tmp_path / "site" / "feeds" / "fr" / f"cohort-{COHORT}.ics").read_bytes()
    found = [e for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")
             if str(e["UID"]) == uid]
    assert len(found) == 1
    return found[0]


def journal(root: Path) -> list[list[str]]:
    sheet = load_workbook(people_path(root))[RECORDS]
    return [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]


# -- the tests ------------------------------------------------------------------------------


def test_sync_creates_the_roster_with_a_frozen_header_and_tokens(minimal_root):
    run_sync(minimal_root)
    sheet = load_workbook(people_path(minimal_root))[ROSTER]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["nom", "e-mail", "téléphone", "langue", "rappels",
                                           "jeton agenda", "remplacements",
                                           "résumé de la semaine"]
    fill_roster(minimal_root)
    run_sync(minimal_root)
    sheet = load_workbook(people_path(minimal_root))[ROSTER]
    tokens = [sheet.cell(r, len(ROSTER_HEADER)).value for r in (2, 3, 4)]
    assert len(set(tokens)) == 3 and all(len(t) >= 22 for t in tokens)
    # people's cells are as typed
    assert [[c.value for c in sheet[r]][:5] for r in (2, 3, 4)] == \
        [[v or None for v in person] for person in PEOPLE]


def test_nothing_changed_nothing_sent(staffed, smtp):
    report = run_notify(staffed, smtp)
    assert smtp.received == [] and report.sent == 0


def test_done_when_a_cancelled_session_gives_one_notice_to_that_person_only(
        staffed, smtp, tmp_path):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    report = run_notify(staffed, smtp)
    assert report.sent == 1 and report.ok
    assert len(smtp.received) == 1
    got = smtp.received[0]
    assert got.recipients == ["awa@example.org"]
    message = got.message
    assert message["To"].addresses[0].addr_spec == "awa@example.org"
    assert message["Content-Language"] == "fr"
    assert message["Subject"].startswith("Annulé : ")
    text = message.get_body(("plain",)).get_content()
    assert "annulée" in text and "Salle inondée" in text and "contact@konexio.eu" in text
    assert "webcal://agendas.example.org/v/" in text

    uid = f"{COHORT}/2026-11-23/1400@konexio.eu"
    ics = attachment(message)
    ours = icalendar.Calendar.from_ical(ics)
    assert str(ours["METHOD"]) == "PUBLISH"
    (event,) = ours.walk("VEVENT")
    assert str(event["UID"]) == uid
    assert str(event["STATUS"]) == "CANCELLED"
    published = feed_event(staffed, tmp_path, uid)
    assert str(published["UID"]) == uid
    assert int(event["SEQUENCE"]) > 0  # the feed said 0 before the cancellation
    assert int(event["SEQUENCE"]) >= int(published["SEQUENCE"])
    theirs = IcsCalendarStream.calendar_from_ics(ics.decode())
    (other,) = theirs.events
    assert other.uid == uid and other.sequence == int(event["SEQUENCE"])
    assert str(other.status).endswith("CANCELLED")
    assert other.dtstart == datetime.fromisoformat("2026-11-23T14:00:00+01:00")

    again = run_notify(staffed, smtp)
    assert again.sent == 0 and len(smtp.received) == 1


def test_a_move_says_what_changed_in_the_volunteers_language(staffed, smtp):
    move(staffed, "2026-11-25", "2026-11-26")
    run_sync(staffed)
    run_notify(staffed, smtp)
    assert [r.recipients for r in smtp.received] == [["sam@example.org"]]
    message = smtp.received[0].message
    assert message["Content-Language"] == "en"
    assert message["Subject"].startswith("Changed: ")
    text = message.get_body(("plain",)).get_content()
    assert "day: Wednesday, November 25, 2026 → Thursday, November 26, 2026" in text
    assert "room: Salle 1 → Salle 2" in text and "Building works" in text
    (event,) = icalendar.Calendar.from_ical(attachment(message)).walk("VEVENT")
    assert str(event["UID"]) == f"{COHORT}/2026-11-25/1400@konexio.eu"
    assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == datetime.fromisoformat("2026-11-26T14:00:00+01:00")
    # moved again: a new notice, SEQUENCE above the one this person's calendar holds
    path = staffed / COHORT_FILE
    path.write_text(path.read_text().replace("to_date: 2026-11-26", "to_date: 2026-11-27"))
    run_sync(staffed)
    run_notify(staffed, smtp)
    assert len(smtp.received) == 2
    second = smtp.received[1].message
    text = second.get_body(("plain",)).get_content()
    assert "Thursday, November 26, 2026 → Friday, November 27, 2026" in text
    (event,) = icalendar.Calendar.from_ical(attachment(second)).walk("VEVENT")
    assert int(event["SEQUENCE"]) == 2


def test_arabic_notice_for_a_removed_shift(staffed, smtp):
    path = staffed / COHORT_FILE
    # The cohort ends earlier: the session of 30 November leaves the data.
    path.write_text(path.read_text().replace("end: 2027-01-15", "end: 2026-11-29"))
    run_sync(staffed)
    report = run_notify(staffed, smtp)
    assert report.sent == 1
    message = smtp.received[0].message
    assert smtp.received[0].recipients == ["layla@example.org"]
    assert message["Content-Language"] == "ar"
    text = message.get_body(("plain",)).get_content()
    assert "أُزيلت من الجدول" in text
    (event,) = icalendar.Calendar.from_ical(attachment(message)).walk("VEVENT")
    assert str(event["UID"]) == f"{COHORT}/2026-11-30/1400@konexio.eu"
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 3
    assert run_notify(staffed, smtp).sent == 0


def test_reminder_the_day_before_unless_the_volunteer_said_no(staffed, smtp):
    report = run_notify(staffed, smtp, today=date(2026, 11, 24))
    assert report.sent == 1
    message = smtp.received[0].message
    assert smtp.received[0].recipients == ["sam@example.org"]
    assert message["Subject"].startswith("Reminder: ")
    text = message.get_body(("plain",)).get_content()
    assert "2:00" in text and "10 rue de Belleville" in text and "Belleville metro" in text
    assert "contact@konexio.eu" in text and "stop reminders" in text
    assert not list(message.iter_attachments())
    assert run_notify(staffed, smtp, today=date(2026, 11, 24)).sent == 0
    # Layla said "non": no reminder on the 29th for the 30th
    assert run_notify(staffed, smtp, today=date(2026, 11, 29)).sent == 0
    assert len(smtp.received) == 1


class CutAfterOne(Mailer):
    """The process dies right after the server accepted the first mail."""

    def send(self, message):
        result = super().send(message)
        raise SystemExit("killed")
        return result  # noqa: B012 - unreachable, as for a real crash


def test_a_run_cut_after_one_mail_then_run_again_sends_the_rest_and_nothing_twice(
        staffed, smtp):
    cancel(staffed, "2026-11-23")
    cancel(staffed, "2026-11-25")
    cancel(staffed, "2026-11-30")
    run_sync(staffed)
    dataset, schedule = load_valid(staffed)
    context = feed_context(dataset, SITE, today=TODAY, root=staffed)
    cut = CutAfterOne(Settings("smtp", "127.0.0.1", smtp.port, "", "", SENDER), timeout=5)
    with pytest.raises(SystemExit):
        notify(dataset, schedule, XlsxBackend(book_path(staffed)), context, mailer=cut,
               sender=SENDER, today=TODAY)
    assert len(smtp.received) == 1
    report = run_notify(staffed, smtp)
    assert report.sent == 2
    assert any("interrompu" in line for line in report.lines)
    recipients = sorted(r.recipients[0] for r in smtp.received)
    assert recipients == ["awa@example.org", "layla@example.org", "sam@example.org"]
    assert run_notify(staffed, smtp).sent == 0 and len(smtp.received) == 3
    states = [row[1] for row in journal(staffed)[1:]]
    assert states.count("en cours") == 3 and states.count("envoyé") == 2
    assert states.count("incertain") == 1


def test_a_run_stopped_between_mails_sends_the_rest_later(staffed, smtp):
    cancel(staffed, "2026-11-23")
    cancel(staffed, "2026-11-25")
    run_sync(staffed)
    assert run_notify(staffed, smtp, stop_after=1).sent == 1
    assert run_notify(staffed, smtp).sent == 1
    assert sorted(r.recipients[0] for r in smtp.received) == ["awa@example.org",
                                                              "sam@example.org"]


def test_a_temporary_refusal_is_retried_then_succeeds(staffed, smtp):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    smtp.handler.data_answers = ["451 4.3.0 Try again later", "421 4.7.0 Busy"]
    dataset, schedule = load_valid(staffed)
    context = feed_context(dataset, SITE, today=TODAY, root=staffed)
    sleeps: list[float] = []
    used = mailer(smtp, sleeps)
    report = notify(dataset, schedule, XlsxBackend(book_path(staffed)), context,
                    mailer=used, sender=SENDER, today=TODAY)
    assert report.sent == 1 and len(smtp.received) == 1
    assert sleeps == [2.0, 4.0]


def test_a_refusal_is_reported_recorded_and_tried_again_next_run(staffed, smtp):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    smtp.handler.rcpt_answers = {"awa@example.org": "550 5.1.1 No such user"}
    report = run_notify(staffed, smtp)
    assert report.refused == 1 and not report.ok and smtp.received == []
    assert any("550 5.1.1 No such user" in line for line in report.lines)
    assert not any("awa" in line.casefold() for line in report.lines)
    assert journal(staffed)[-1][1] == "refusé"
    smtp.handler.rcpt_answers = {}
    assert run_notify(staffed, smtp).sent == 1


def test_unmatched_names_are_listed_by_cell_not_by_name(staffed, smtp):
    cell = sign_up(staffed, shift_id("2026-11-23", "assistant"), "Inconnu Personne")
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    report = run_notify(staffed, smtp)
    found = [line for line in report.lines if "aucune ligne" in line]
    assert found == [f"1 inscription dont le nom n'est sur aucune ligne de {ROSTER} : cette "
                     f"personne ne reçoit aucun message ; ajoutez-la à {ROSTER} ou corrigez "
                     f"le nom tapé : Paris!{cell}"]
    assert found[0].text("en") == (
        f"1 sign-up whose name is on no row of {ROSTER}: nobody tells that person anything; "
        f"add them to {ROSTER} or correct the name typed: Paris!{cell}")
    assert report.sent == 1
    named = run_notify(staffed, smtp, dry_run=True, show_names=True)
    assert any("Inconnu Personne" in line for line in named.lines)


def test_a_refusal_quoting_the_address_does_not_print_it(staffed, smtp):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    # Postfix's words, which quote the recipient.
    smtp.handler.rcpt_answers = {
        "awa@example.org": "550 5.1.1 <awa@example.org>: Recipient address rejected"}
    report = run_notify(staffed, smtp)
    [line] = [line for line in report.lines if "550 5.1.1" in line]
    assert "Recipient address rejected" in line and "awa" not in line.casefold()
    named = run_notify(staffed, smtp, show_names=True)  # refused, so tried again
    assert any("<awa@example.org>: Recipient" in line for line in named.lines)


# -- the command line -----------------------------------------------------------------------


def test_without_settings_says_how_and_touches_nothing(staffed, capsys, monkeypatch):
    monkeypatch.delenv("KONEXIO_SMTP_URL", raising=False)
    monkeypatch.delenv("KONEXIO_MAIL_FROM", raising=False)
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    before = books(staffed)
    assert main(["notify", "--root", str(staffed), "--today", "2026-11-10"]) == 1
    err = capsys.readouterr().err
    assert "KONEXIO_SMTP_URL" in err and "smtps://" in err
    assert books(staffed) == before


def test_dry_run_prints_without_names_and_sends_nothing(staffed, smtp, capsys, monkeypatch):
    monkeypatch.setenv("KONEXIO_SMTP_URL", smtp.url)
    monkeypatch.setenv("KONEXIO_MAIL_FROM", SENDER)
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    before = books(staffed)
    command = ["notify", "--root", str(staffed), "--today", "2026-11-10", "--dry-run",
               "--site-url", SITE]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert f"à envoyer : annulation · {shift_id('2026-11-23')} · fr · {ROSTER}!A2" in out
    assert "Awa" not in out and "@example.org" not in out
    assert smtp.received == [] and books(staffed) == before
    assert main([*command, "--show-names"]) == 0
    assert "Awa Exemple <awa@example.org>" in capsys.readouterr().out


def test_the_command_sends_through_the_environment_settings(staffed, smtp, capsys,
                                                            monkeypatch):
    monkeypatch.setenv("KONEXIO_SMTP_URL", smtp.url)
    monkeypatch.setenv("KONEXIO_MAIL_FROM", SENDER)
    cancel(staffed, "2026-11-23")
    assert main(["sync", "--root", str(staffed)]) == 0
    command = ["notify", "--root", str(staffed), "--today", "2026-11-10", "--site-url", SITE]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "1 envoyé, 0 refusé, 0 incertain, 0 inscription sans destinataire." in out
    assert "@example.org" not in out
    assert len(smtp.received) == 1
    assert main([*command, "--lang", "en"]) == 0
    assert "0 sent, 0 refused" in capsys.readouterr().out and len(smtp.received) == 1


def test_clearing_a_token_makes_a_new_one(staffed):
    path = people_path(staffed)
    book = load_workbook(path)
    col = list(ROSTER_HEADER).index(TOKEN) + 1
    old = book[ROSTER].cell(2, col).value
    book[ROSTER].cell(2, col).value = None
    book[ROSTER].cell(4, col).value = book[ROSTER].cell(3, col).value  # a copied row
    book.save(path)
    run_sync(staffed)
    sheet = load_workbook(path)[ROSTER]
    new = [sheet.cell(r, col).value for r in (2, 3, 4)]
    assert new[0] and new[0] != old and len(set(new)) == 3


def test_done_when_on_the_shipped_data(tmp_path, smtp):
    """The issue's 'Done when', on a copy of the repository's own schedules."""
    import shutil

    from conftest import REPO

    root = tmp_path / "shipped"
    for folder in ("schedules", "volunteers"):
        shutil.copytree(REPO / folder, root / folder,
                        ignore=shutil.ignore_patterns("*.xlsx"))
    run_sync(root)
    fill_roster(root)
    run_sync(root)
    cohort = "digitall-beginner-belleville-2027-01"
    cell = sign_up(root, f"{cohort}/2027-01-18/1400/trainer", "awa exemple")
    sign_up(root, f"{cohort}/2027-01-20/1400/trainer", "Sam Sample")
    assert run_notify(root, None, today=date(2027, 1, 4)).sent == 0  # yesterday's run
    path = root / "schedules" / "cohorts" / "paris" / f"{cohort}.yml"
    assert "\ncancelled:" not in path.read_text()
    path.write_text(path.read_text() + "cancelled:\n  - date: 2027-01-18\n    reason: "
                    "{fr: Formatrice malade, en: Trainer ill, ar: المدربة مريضة}\n")
    run_sync(root)
    today = date(2027, 1, 5)
    assert run_notify(root, smtp, today=today).sent == 1, cell
    (got,) = smtp.received
    assert got.recipients == ["awa@example.org"] and got.message["Content-Language"] == "fr"
    (event,) = icalendar.Calendar.from_ical(attachment(got.message)).walk("VEVENT")
    assert str(event["UID"]) == f"{cohort}/2027-01-18/1400@konexio.eu"
    assert str(event["STATUS"]) == "CANCELLED"
    IcsCalendarStream.calendar_from_ics(attachment(got.message).decode())
    assert run_notify(root, smtp, today=today).sent == 0 and len(smtp.received) == 1


def test_a_workbook_open_in_libreoffice_stops_before_any_mail(staffed, smtp):
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    lock = people_path(staffed).parent / ".~lock.people.xlsx#"  # the journal is there
    lock.write_text("someone,host,2026")
    before = books(staffed)
    from konexio.sync.retry import SyncError

    with pytest.raises(SyncError, match="ouvert dans LibreOffice"):
        run_notify(staffed, smtp)
    assert smtp.received == [] and books(staffed) == before
    lock.unlink()
    assert run_notify(staffed, smtp).sent == 1


def test_a_malformed_address_is_reported_by_cell_and_not_tried(staffed, smtp):
    people = [("Awa Exemple", "awa-at-example.org", "", "fr", ""), *PEOPLE[1:]]
    fill_roster(staffed, people)
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    report = run_notify(staffed, smtp)
    assert report.sent == 0 and smtp.received == []
    assert f"{ROSTER}!B2 : adresse e-mail absente ou mal écrite." in report.lines


def test_a_cancellation_undone_is_a_notice_whose_sequence_still_rises(staffed, smtp):
    path = staffed / COHORT_FILE
    original = path.read_text()
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    assert run_notify(staffed, smtp).sent == 1
    path.write_text(original)  # the coordinator removes the cancellation
    run_sync(staffed)
    assert run_notify(staffed, smtp).sent == 1
    message = smtp.received[1].message
    assert message["Subject"].startswith("Maintenu : ")
    (event,) = icalendar.Calendar.from_ical(attachment(message)).walk("VEVENT")
    # The feed is back to SEQUENCE 0, but this calendar holds 2 from the cancellation.
    assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 3
    assert run_notify(staffed, smtp).sent == 0


def test_the_report_lines_follow_lang(staffed, smtp, capsys, monkeypatch):
    monkeypatch.setenv("KONEXIO_SMTP_URL", smtp.url)
    monkeypatch.setenv("KONEXIO_MAIL_FROM", SENDER)
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    command = ["notify", "--root", str(staffed), "--today", "2026-11-10", "--site-url", SITE]
    assert main([*command, "--dry-run", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    # The journal's word for the mail (annulation) stays: it is what Envois shows.
    assert f"to send: annulation · {shift_id('2026-11-23')} · fr · {ROSTER}!A2" in out
    assert main([*command, "--lang", "en"]) == 0
    assert f"sent: annulation · {shift_id('2026-11-23')} · {ROSTER}!A2" in \
        capsys.readouterr().out


def test_an_unreachable_mail_server_is_told_in_the_coordinators_language(staffed, capsys,
                                                                         monkeypatch):
    with socket.socket() as probe:  # a port of this machine nothing listens on, once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # A coordinator's own mailbox as the login: it must not reach the (CI) log.
    monkeypatch.setenv("KONEXIO_SMTP_URL", f"smtp://ana.martin%40example.org:pw@127.0.0.1:{port}")
    monkeypatch.setenv("KONEXIO_MAIL_FROM", SENDER)
    # The back-off between tries (2, 4 and 8 seconds) is not what this test is about.
    monkeypatch.setattr(Mailer, "_wait", lambda self, attempt: None)
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    before = books(staffed)
    command = ["notify", "--root", str(staffed), "--today", "2026-11-10", "--site-url", SITE]
    assert main([*command, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"konexio notify: mail server unreachable (smtp://…@127.0.0.1:{port}): "
                          "ConnectionRefusedError")
    assert "injoignable" not in err and "ana.martin" not in err
    assert main(command) == 1
    assert capsys.readouterr().err.startswith(
        f"konexio notify : serveur de courrier injoignable (smtp://…@127.0.0.1:{port}) : ")
    assert books(staffed) == before  # nothing recorded, nothing sent


def test_a_damaged_journal_title_stops_the_command_in_the_coordinators_language(
        staffed, smtp, capsys, monkeypatch):
    monkeypatch.setenv("KONEXIO_SMTP_URL", smtp.url)
    monkeypatch.setenv("KONEXIO_MAIL_FROM", SENDER)
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    command = ["notify", "--root", str(staffed), "--today", "2026-11-10", "--site-url", SITE]
    assert main(command) == 0 and len(smtp.received) == 1
    path = people_path(staffed)
    book = load_workbook(path)
    book[RECORDS].cell(row=1, column=2).value = None  # the title « état » cleared
    book.save(path)
    cancel(staffed, "2026-11-25")
    run_sync(staffed)
    capsys.readouterr()
    assert main([*command, "--dry-run", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"{RECORDS}: the column « état » is missing from row 1" in out
    assert f"Blank titles: {RECORDS}!B1." in out
    # "0 messages to send" alone would read as "nothing is due": the summary says why
    assert out.rstrip().endswith("1 spreadsheet left aside: its Envois journal needs repairing "
                                 "(see above); its messages are neither counted nor sent.")
    assert main(command) == 1 and len(smtp.received) == 1  # nothing left, nothing twice
    out = capsys.readouterr().out
    assert "Rien n'est envoyé pour ce classeur" in out
    assert out.rstrip().endswith("1 classeur laissé de côté : son journal Envois est à réparer "
                                 "(voir plus haut) ; ses messages ne sont ni comptés ni envoyés.")


def test_notify_says_when_mails_go_without_a_personal_calendar_link(staffed, smtp, capsys,
                                                                     monkeypatch):
    monkeypatch.setenv("KONEXIO_SMTP_URL", smtp.url)
    monkeypatch.setenv("KONEXIO_MAIL_FROM", SENDER)
    monkeypatch.delenv(PERSONAL_ADDRESS, raising=False)
    cancel(staffed, "2026-11-23")
    run_sync(staffed)
    command = ["notify", "--root", str(staffed), "--today", "2026-11-10", "--site-url", SITE]
    assert main([*command, "--dry-run", "--lang", "en"]) == 0
    assert PERSONAL_ADDRESS in capsys.readouterr().out
    monkeypatch.setenv(PERSONAL_ADDRESS, PERSONAL)
    assert main([*command, "--dry-run"]) == 0
    assert PERSONAL_ADDRESS not in capsys.readouterr().out


def test_a_near_name_points_to_the_roster_row_it_resembles(staffed, smtp):
    """Issue 27: "Awa Exmple" typed for "Awa Exemple" (row 2 of the roster)."""
    cell = sign_up(staffed, shift_id("2026-11-23", "assistant"), "Awa Exmple")
    report = run_notify(staffed, smtp, dry_run=True)
    assert f"Paris!{cell} ressemble au nom de {ROSTER}!A2 (--show-names pour voir les noms)" \
        in report.lines
    assert not any("Exmple" in line or "Exemple" in line for line in report.lines)
    named = run_notify(staffed, smtp, dry_run=True, show_names=True)
    assert f"Paris!{cell} « Awa Exmple » : vouliez-vous dire « Awa Exemple » ({ROSTER}!A2) ?" \
        in named.lines
