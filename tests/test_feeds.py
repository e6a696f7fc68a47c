"""The calendar feeds: valid for two independent parsers, the same sessions as the expander,
stable identities through edits, the right wall-clock time on both sides of a clock change,
byte-identical rebuilds.

Expected lines are written from the fixture's YAML by hand (2026-11-02 is the first
Monday of tests/fixtures/minimal's cohort, at 14:00), never copied from the code's output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from konexio import LANGUAGES
from konexio.feeds import Scope, feed_catalogue, write_feeds
from konexio.validate import load_valid

SITE = "https://konexio.example.org"
COHORT = "digitall-beginner-paris-2026-11"
COHORT_FILE = f"schedules/cohorts/paris/{COHORT}.yml"
BEFORE_ALL = date(2026, 10, 1)
"""A build day before every session of the fixtures: nothing is old enough to leave."""

DST_COHORT = """\
program: digitall-beginner
venue: belleville
start: 2027-03-20
end: 2027-11-06
language: fr
capacity: 12
status: open
sessions:
  - day: wednesday
    start: "18:00"
    end: "20:00"
    room: Salle 2
"""

JORDAN = """\
name: {fr: Jordanie, en: Jordan, ar: الأردن}
region: {fr: Amman, en: Amman, ar: عمّان}
country: JO
timezone: Asia/Amman
since: 2022
description: {fr: Travail en ligne, en: Online work, ar: العمل عبر الإنترنت}
contact:
  email: jordan@konexio.eu
venues:
  - id: amman-centre
    name: {fr: Centre d'Amman, en: Amman centre, ar: مركز عمّان}
    address: 12 Rainbow Street, Amman, Jordan
    city: Amman
    access: {fr: Bus, en: Bus, ar: حافلة}
    accessibility: {fr: Rez-de-chaussée, en: Ground floor, ar: الطابق الأرضي}
"""

JORDAN_COHORT = """\
program: digitall-beginner
venue: amman-centre
start: 2027-01-03
end: 2027-01-24
language: ar
capacity: 15
status: open
sessions:
  - day: sunday
    start: "10:00"
    end: "12:00"
"""

KENYA = """\
name: {fr: Kenya, en: Kenya, ar: كينيا}
region: {fr: Nairobi, en: Nairobi, ar: نيروبي}
country: KE
timezone: Africa/Nairobi
since: 2021
description: {fr: Travail en ligne, en: Online work, ar: العمل عبر الإنترنت}
contact:
  email: kenya@konexio.eu
venues:
  - id: nairobi-hub
    name: {fr: Hub de Nairobi, en: Nairobi hub, ar: مركز نيروبي}
    address: 5 Moi Avenue, Nairobi, Kenya
    city: Nairobi
    access: {fr: Matatu, en: Matatu, ar: ماتاتو}
    accessibility: {fr: Ascenseur, en: Lift, ar: مصعد}
"""

KENYA_COHORT = """\
program: digitall-beginner
venue: nairobi-hub
start: 2027-02-01
end: 2027-02-17
language: en
capacity: 15
status: full
needs: {trainer: 1}
sessions:
  - day: tuesday
    start: "09:00"
    end: "11:00"
"""


# --- helpers -------------------------------------------------------------------------------


def build(root: Path, out: Path, today: date = BEFORE_ALL) -> dict[str, bytes]:
    """Validate ``root``, write its feeds under ``out``; site-relative path -> bytes."""
    dataset, schedule = load_valid(root)
    written = write_feeds(dataset, schedule, out, SITE, today=today)
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in written}


def add(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def edit(root: Path, relative: str, old: str, new: str) -> None:
    target = root / relative
    text = target.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {relative}"
    target.write_text(text.replace(old, new), encoding="utf-8")


def unfolded(feed: bytes) -> list[str]:
    """The content lines of a feed, unfolded (RFC 5545 3.1)."""
    return feed.decode("utf-8").replace("\r\n ", "").split("\r\n")


def events_by_uid(feed: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(feed)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def with_abroad(root: Path) -> None:
    add(root, "schedules/antennas/jordan.yml", JORDAN)
    add(root, "schedules/cohorts/jordan/digitall-beginner-amman-2027-01.yml", JORDAN_COHORT)
    add(root, "schedules/antennas/kenya.yml", KENYA)
    add(root, "schedules/cohorts/kenya/digitall-beginner-nairobi-2027-02.yml", KENYA_COHORT)
    add(root, "schedules/cohorts/paris/digitall-beginner-paris-dst-2027.yml", DST_COHORT)


@pytest.fixture
def rich_root(minimal_root: Path) -> Path:
    """The minimal data plus a DST-spanning cohort in Paris, and antennas in Jordan and Kenya."""
    with_abroad(minimal_root)
    return minimal_root


# --- validity ------------------------------------------------------------------------------


def test_every_feed_parses_with_icalendar_and_with_ical(rich_root: Path, tmp_path: Path):
    feeds = build(rich_root, tmp_path / "out")
    assert feeds
    for path, feed in feeds.items():
        ours = icalendar.Calendar.from_ical(feed)
        theirs = IcsCalendarStream.calendar_from_ics(feed.decode("utf-8"))
        assert len(ours.walk("VEVENT")) == len(theirs.events), path
        assert str(ours["VERSION"]) == "2.0"
        assert str(ours["METHOD"]) == "PUBLISH"
        assert str(ours["CALSCALE"]) == "GREGORIAN"
        assert str(ours["PRODID"]).startswith("-//Konexio//")
        lines = unfolded(feed)
        assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in lines, path
        assert "X-PUBLISHED-TTL:PT12H" in lines, path
        assert any(line.startswith("X-WR-CALNAME:") for line in lines), path
        for event in theirs.events:
            assert event.dtstamp is not None and event.uid and event.summary, path
            assert event.location and event.url and event.description, path


def test_lines_end_in_crlf_and_fold_at_75_octets(rich_root: Path, tmp_path: Path):
    for path, feed in build(rich_root, tmp_path / "out").items():
        assert feed.endswith(b"\r\n"), path
        lines = feed.split(b"\r\n")[:-1]
        assert all(b"\n" not in line and b"\r" not in line for line in lines), path
        assert max(len(line) for line in lines) <= 75, path
        # Folding never splits a UTF-8 character (Arabic takes two octets a letter).
        assert all(line.decode("utf-8") is not None for line in lines)


def test_a_vtimezone_for_every_tzid_used(rich_root: Path, tmp_path: Path):
    for path, feed in build(rich_root, tmp_path / "out").items():
        calendar = icalendar.Calendar.from_ical(feed)
        defined = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
        used = {
            prop.params["TZID"]
            for event in calendar.walk("VEVENT")
            for name in ("DTSTART", "DTEND")
            for prop in [event[name]]
            if "TZID" in prop.params
        }
        assert used <= defined, path
        assert calendar.get_missing_tzids() == set(), path
        assert defined, f"{path}: every feed holds at least one component"


def test_abroad_antennas_get_their_own_zone(rich_root: Path, tmp_path: Path):
    feeds = build(rich_root, tmp_path / "out")
    amman = feeds["feeds/en/antenna-jordan.ics"]
    nairobi = feeds["feeds/fr/antenna-kenya.ics"]
    # The cohorts' YAML: Sunday 2027-01-03 at 10:00 in Amman, Tuesday 2027-02-02 at 09:00 in
    # Nairobi. Jordan has kept UTC+3 all year since October 2022 (tzdata 2022f); Kenya is
    # UTC+3 too, without daylight saving.
    assert "DTSTART;TZID=Asia/Amman:20270103T100000" in unfolded(amman)
    assert "DTSTART;TZID=Africa/Nairobi:20270202T090000" in unfolded(nairobi)
    for feed, zone in ((amman, "Asia/Amman"), (nairobi, "Africa/Nairobi")):
        calendar = icalendar.Calendar.from_ical(feed)
        [block] = calendar.walk("VTIMEZONE")
        assert str(block["TZID"]) == zone
        assert not block.walk("DAYLIGHT")
        offsets = {line for line in unfolded(feed) if line.startswith("TZOFFSET")}
        assert offsets == {"TZOFFSETFROM:+0300", "TZOFFSETTO:+0300"}
    amman_utc = IcsCalendarStream.calendar_from_ics(amman.decode()).events[0].dtstart
    assert amman_utc.astimezone(UTC) == datetime(2027, 1, 3, 7, 0, tzinfo=UTC)
    every = icalendar.Calendar.from_ical(feeds["feeds/fr/all.ics"])
    assert {str(tz["TZID"]) for tz in every.walk("VTIMEZONE")} \
        == {"Europe/Paris", "Asia/Amman", "Africa/Nairobi"}


# --- one truth -----------------------------------------------------------------------------


def test_every_cohort_feed_holds_exactly_the_expanders_occurrences(rich_root, tmp_path):
    dataset, schedule = load_valid(rich_root)
    feeds = build(rich_root, tmp_path / "out")
    cohorts = [s for s in feed_catalogue(dataset, schedule) if s.scope is Scope.cohort]
    assert {s.id for s in cohorts} == set(dataset.cohorts)
    for spec in cohorts:
        expected = {
            (o.start.isoformat(), o.start.tzinfo.key, o.end.isoformat(),
             "CANCELLED" if o.cancelled else "CONFIRMED")
            for o in schedule.of_cohort(spec.id)
        }
        assert expected
        for lang in LANGUAGES:
            feed = feeds[spec.path(lang)].decode("utf-8")
            found = {
                (e.dtstart.isoformat(), e.dtstart.tzinfo.key, e.dtend.isoformat(),
                 e.status.value)
                for e in IcsCalendarStream.calendar_from_ics(feed).events
            }
            assert found == expected, (spec.id, lang)


def test_holidays_and_closures_make_no_event(minimal_root, tmp_path):
    feed = build(minimal_root, tmp_path / "out")[f"feeds/fr/cohort-{COHORT}.ics"]
    starts = {line for line in unfolded(feed) if line.startswith("DTSTART")}
    # 2026-11-11 (Wednesday) is Armistice Day; 2026-12-21 (Monday) is in the Christmas
    # closure of paris.yml; 2026-12-16 (Wednesday) is a plain class day.
    assert "DTSTART;TZID=Europe/Paris:20261111T140000" not in starts
    assert "DTSTART;TZID=Europe/Paris:20261221T140000" not in starts
    assert "DTSTART;TZID=Europe/Paris:20261216T140000" in starts


def test_scoped_feeds_hold_the_right_sessions(rich_root, tmp_path):
    feeds = build(rich_root, tmp_path / "out")
    dataset, schedule = load_valid(rich_root)

    def uids(path: str) -> set[str]:
        return set(events_by_uid(feeds[path]))

    def of(predicate) -> set[str]:
        return {f"{o.key}@konexio.eu" for o in schedule.occurrences if predicate(o)}

    assert uids("feeds/fr/all.ics") == of(lambda o: True)
    assert uids("feeds/fr/antenna-paris.ics") == of(lambda o: o.antenna == "paris")
    assert uids("feeds/fr/program-digitall-beginner.ics") == of(lambda o: True)
    # The Kenyan cohort needs a trainer only: it is in the trainer feed, not the assistant's.
    assert uids("feeds/en/role-trainer-kenya.ics") == of(lambda o: o.antenna == "kenya")
    assert uids("feeds/en/role-assistant-kenya.ics") == set()
    assert uids("feeds/en/role-assistant-paris.ics") == of(lambda o: o.antenna == "paris")
    role_feed = feeds["feeds/en/role-trainer-kenya.ics"].decode()
    assert "Volunteers needed: 1 × Trainer" in role_feed.replace("\r\n ", "")


def test_the_catalogue_names_every_written_feed(rich_root, tmp_path):
    dataset, schedule = load_valid(rich_root)
    feeds = build(rich_root, tmp_path / "out")
    catalogue = feed_catalogue(dataset, schedule)
    assert {spec.path(lang) for spec in catalogue for lang in LANGUAGES} == set(feeds)
    scopes = [spec.scope for spec in catalogue]
    assert scopes.count(Scope.all) == 1
    assert scopes.count(Scope.antenna) == 3
    assert scopes.count(Scope.cohort) == 4
    assert scopes.count(Scope.role) == 3 * 2  # every role at every antenna
    cohort = next(s for s in catalogue if s.id == COHORT)
    assert cohort.title.get("fr") == "Konexio · DigitAll débutant · Paris · dès le 2 novembre 2026"
    assert cohort.title.get("en") == "Konexio · DigitAll beginner · Paris · from November 2, 2026"
    assert cohort.url("en", SITE) == f"{SITE}/feeds/en/cohort-{COHORT}.ics"
    assert cohort.webcal("fr", SITE) == f"webcal://konexio.example.org/feeds/fr/cohort-{COHORT}.ics"
    calname = [line for line in unfolded(feeds[cohort.path("en")])
               if line.startswith("X-WR-CALNAME:")]
    assert calname == [r"X-WR-CALNAME:Konexio · DigitAll beginner · Paris · from November 2\, 2026"]


# --- languages -----------------------------------------------------------------------------


def test_texts_are_in_the_feeds_language_and_uids_are_not(minimal_root, tmp_path):
    feeds = build(minimal_root, tmp_path / "out")
    uid = f"{COHORT}/2026-11-02/1400@konexio.eu"
    fr = events_by_uid(feeds[f"feeds/fr/cohort-{COHORT}.ics"])[uid]
    en = events_by_uid(feeds[f"feeds/en/cohort-{COHORT}.ics"])[uid]
    ar = events_by_uid(feeds[f"feeds/ar/cohort-{COHORT}.ics"])[uid]
    assert str(fr["SUMMARY"]) == "DigitAll débutant · Paris"
    assert str(en["SUMMARY"]) == "DigitAll beginner · Paris"
    assert str(ar["SUMMARY"]) == "ديجيتال للمبتدئين · باريس"
    assert str(fr["LOCATION"]) == "Centre Belleville, 10 rue de Belleville, 75020 Paris (Salle 1)"
    assert str(en["LOCATION"]) == "Belleville centre, 10 rue de Belleville, 75020 Paris (Salle 1)"
    assert str(ar["LOCATION"]).startswith("مركز بيلفيل")
    assert str(fr["URL"]) == f"{SITE}/cohorts/{COHORT}/"
    assert str(en["URL"]) == f"{SITE}/en/cohorts/{COHORT}/"
    assert str(ar["URL"]) == f"{SITE}/ar/cohorts/{COHORT}/"
    assert "Programme : DigitAll débutant" in str(fr["DESCRIPTION"])
    assert "How to apply: Write to us" in str(en["DESCRIPTION"])
    assert "contact@konexio.eu" in str(ar["DESCRIPTION"])


# --- identity and change -------------------------------------------------------------------


def test_exact_lines_from_the_fixture(minimal_root, tmp_path):
    feed = unfolded(build(minimal_root, tmp_path / "out")[f"feeds/fr/cohort-{COHORT}.ics"])
    # First Monday, 14:00-16:00 (sessions: in the YAML).
    at = feed.index(f"UID:{COHORT}/2026-11-02/1400@konexio.eu")
    block = feed[_begin(feed, at): _end(feed, at)]
    assert "DTSTART;TZID=Europe/Paris:20261102T140000" in block
    assert "DTEND;TZID=Europe/Paris:20261102T160000" in block
    assert "SEQUENCE:0" in block
    assert "STATUS:CONFIRMED" in block
    # moved: 2026-11-18 -> 2026-11-19, same hours; keeps the identity of the 18th.
    at = feed.index(f"UID:{COHORT}/2026-11-18/1400@konexio.eu")
    block = feed[_begin(feed, at): _end(feed, at)]
    assert "DTSTART;TZID=Europe/Paris:20261119T140000" in block
    assert "SEQUENCE:1" in block
    assert "SUMMARY:Déplacé : DigitAll débutant · Paris" in block
    # cancelled: 2026-11-16.
    at = feed.index(f"UID:{COHORT}/2026-11-16/1400@konexio.eu")
    block = feed[_begin(feed, at): _end(feed, at)]
    assert "DTSTART;TZID=Europe/Paris:20261116T140000" in block
    assert "STATUS:CANCELLED" in block
    assert "SUMMARY:ANNULÉ : DigitAll débutant · Paris" in block


def _begin(lines: list[str], at: int) -> int:
    return max(i for i in range(at) if lines[i] == "BEGIN:VEVENT")


def _end(lines: list[str], at: int) -> int:
    return min(i for i in range(at, len(lines)) if lines[i] == "END:VEVENT") + 1


def test_move_and_cancel_keep_uids_raise_sequence_and_mark_status(minimal_root, tmp_path):
    before = build(minimal_root, tmp_path / "before")
    # Move Monday 2026-11-23 to Tuesday 24 at 15:00 in Salle 2; cancel Monday 2026-11-30.
    edit(minimal_root, COHORT_FILE, "moved:\n", """moved:
  - date: 2026-11-23
    to_date: 2026-11-24
    to_start: "15:00"
    to_end: "17:00"
    to_room: Salle 2
    reason: {fr: Travaux, en: Building works, ar: أشغال}
""")
    edit(minimal_root, COHORT_FILE, "cancelled:\n", """cancelled:
  - date: 2026-11-30
    reason: {fr: Grève, en: Strike, ar: إضراب}
""")
    after = build(minimal_root, tmp_path / "after")
    assert set(before) == set(after)
    moved_uid = f"{COHORT}/2026-11-23/1400@konexio.eu"
    cancelled_uid = f"{COHORT}/2026-11-30/1400@konexio.eu"
    marks = {"fr": ("ANNULÉ : ", "Déplacé : "), "en": ("CANCELLED: ", "Moved: "),
             "ar": ("ملغاة: ", "منقولة: "), "fa": ("لغو شد: ", "تغییر کرد: "),
             "uk": ("СКАСОВАНО: ", "Перенесено: "), "ps": ("لغوه شوه: ", "ځای یې بدل شو: "),
             "ti": ("ተሰሪዙ፦ ", "ተቐይሩ፦ "), "sw": ("IMEFUTWA: ", "Kimehamishwa: ")}
    for lang in LANGUAGES:
        path = f"feeds/{lang}/cohort-{COHORT}.ics"
        old, new = events_by_uid(before[path]), events_by_uid(after[path])
        assert set(old) == set(new), "no session appears or disappears: same UIDs"
        for uid in set(old) - {moved_uid, cancelled_uid}:
            assert old[uid].to_ical() == new[uid].to_ical(), uid
        moved = new[moved_uid]
        assert moved["SEQUENCE"] > old[moved_uid]["SEQUENCE"]
        assert moved.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 11, 24, 15, 0)
        assert str(moved["STATUS"]) == "CONFIRMED"
        assert str(moved["SUMMARY"]).startswith(marks[lang][1])
        assert "(Salle 2)" in str(moved["LOCATION"])
        cancelled = new[cancelled_uid]
        assert cancelled["SEQUENCE"] > old[cancelled_uid]["SEQUENCE"]
        assert str(cancelled["STATUS"]) == "CANCELLED"
        assert str(cancelled["SUMMARY"]).startswith(marks[lang][0])
        assert str(old[cancelled_uid]["STATUS"]) == "CONFIRMED"


def test_cancelling_a_moved_session_raises_sequence_again(minimal_root, tmp_path):
    path = f"feeds/en/cohort-{COHORT}.ics"
    uid = f"{COHORT}/2026-11-18/1400@konexio.eu"
    moved = events_by_uid(build(minimal_root, tmp_path / "a")[path])[uid]
    edit(minimal_root, COHORT_FILE, """moved:
  - date: 2026-11-18
    to_date: 2026-11-19
    reason: {fr: Salle prise, en: Room taken, ar: القاعة محجوزة}""", "moved: []")
    edit(minimal_root, COHORT_FILE, "cancelled:\n", """cancelled:
  - date: 2026-11-18
    reason: {fr: Salle prise, en: Room taken, ar: القاعة محجوزة}
""")
    cancelled = events_by_uid(build(minimal_root, tmp_path / "b")[path])[uid]
    assert cancelled["SEQUENCE"] > moved["SEQUENCE"]
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_reordering_the_yaml_changes_nothing(rich_root, tmp_path):
    before = build(rich_root, tmp_path / "before")
    # Same data, other order: sessions swapped, top-level keys reversed, a second move and
    # cancellation written before the first ones.
    edit(rich_root, COHORT_FILE, "cancelled:\n", """cancelled:
  - date: 2026-12-02
    reason: {fr: Grève, en: Strike, ar: إضراب}
""")
    edit(rich_root, COHORT_FILE, "moved:\n", """moved:
  - date: 2026-12-07
    to_start: "10:00"
    to_end: "12:00"
    reason: {fr: Travaux, en: Works, ar: أشغال}
""")
    middle = build(rich_root, tmp_path / "middle")
    cohort = rich_root / COHORT_FILE
    text = cohort.read_text(encoding="utf-8")
    blocks = _top_level_blocks(text)
    sessions = blocks["sessions"].split("\n  - ")
    blocks["sessions"] = "\n  - ".join([sessions[0], *reversed(sessions[1:])])
    for key in ("cancelled", "moved"):
        items = blocks[key].split("\n  - ")
        blocks[key] = "\n  - ".join([items[0], *reversed(items[1:])])
    reordered = "\n".join(blocks[key] for key in reversed(list(blocks))) + "\n"
    assert reordered != text
    cohort.write_text(reordered, encoding="utf-8")
    after = build(rich_root, tmp_path / "after")
    assert after == middle
    assert set(before) == set(after)
    for path in before:
        assert set(events_by_uid(before[path])) == set(events_by_uid(after[path])), path


def _top_level_blocks(text: str) -> dict[str, str]:
    """Top-level key -> its lines (key line included), in file order."""
    blocks: dict[str, list[str]] = {}
    current = ""
    for line in text.rstrip("\n").split("\n"):
        if line and not line.startswith(" "):
            current = line.split(":", 1)[0]
            blocks[current] = []
        blocks[current].append(line)
    return {key: "\n".join(lines) for key, lines in blocks.items()}


def test_cancelled_sessions_stay_thirty_days_then_leave(minimal_root, tmp_path):
    uid = f"{COHORT}/2026-11-16/1400@konexio.eu"
    path = f"feeds/fr/cohort-{COHORT}.ics"
    on_day_30 = build(minimal_root, tmp_path / "a", today=date(2026, 12, 16))[path]
    on_day_31 = build(minimal_root, tmp_path / "b", today=date(2026, 12, 17))[path]
    assert uid in events_by_uid(on_day_30)
    assert uid not in events_by_uid(on_day_31)
    # Sessions that took place stay: they are history, not noise.
    assert f"{COHORT}/2026-11-02/1400@konexio.eu" in events_by_uid(on_day_31)


# --- time ----------------------------------------------------------------------------------


def test_wall_clock_time_holds_across_both_clock_changes_of_2027(rich_root, tmp_path):
    feeds = build(rich_root, tmp_path / "out")
    path = "feeds/fr/cohort-digitall-beginner-paris-dst-2027.ics"
    lines = unfolded(feeds[path])
    # Wednesdays at 18:00 around the last Sundays of March (28th) and October (31st) 2027.
    expected_utc = {
        "20270324T180000": datetime(2027, 3, 24, 17, 0, tzinfo=UTC),  # CET, UTC+1
        "20270331T180000": datetime(2027, 3, 31, 16, 0, tzinfo=UTC),  # CEST, UTC+2
        "20271027T180000": datetime(2027, 10, 27, 16, 0, tzinfo=UTC),  # CEST
        "20271103T180000": datetime(2027, 11, 3, 17, 0, tzinfo=UTC),  # CET
    }
    for local in expected_utc:
        assert f"DTSTART;TZID=Europe/Paris:{local}" in lines
    # Both parsers agree on the instants, and they differ by an hour across each change.
    theirs = {e.dtstart.strftime("%Y%m%dT%H%M%S"): e.dtstart.astimezone(UTC)
              for e in IcsCalendarStream.calendar_from_ics(feeds[path].decode()).events}
    ours = {e.decoded("DTSTART").strftime("%Y%m%dT%H%M%S"): e.decoded("DTSTART").astimezone(UTC)
            for e in icalendar.Calendar.from_ical(feeds[path]).walk("VEVENT")}
    for local, instant in expected_utc.items():
        assert theirs[local] == instant
        assert ours[local] == instant
    # And the VTIMEZONE itself (not only the parsers' own zone data) says the same.
    vtimezone = icalendar.Calendar.from_ical(feeds[path]).walk("VTIMEZONE")[0].to_tz()
    for local, instant in expected_utc.items():
        naive = datetime.strptime(local, "%Y%m%dT%H%M%S")
        assert naive.replace(tzinfo=vtimezone).astimezone(UTC) == instant


# --- reproducibility -----------------------------------------------------------------------


def test_two_builds_are_byte_identical(rich_root, tmp_path):
    assert build(rich_root, tmp_path / "a") == build(rich_root, tmp_path / "b")


def test_builds_in_separate_processes_are_byte_identical(rich_root, tmp_path):
    """A new process has another hash seed, so any set-ordered output would differ."""
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from konexio.validate import load_valid; from konexio.feeds import write_feeds\n"
        "d, s = load_valid(Path(sys.argv[1]))\n"
        f"write_feeds(d, s, Path(sys.argv[2]), {SITE!r}, today=date(2026, 10, 1))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(rich_root), str(out)],
                       check=True, env=env)
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes()
                        for p in sorted(out.rglob("*.ics"))})
    assert outputs[0] == outputs[1]
    assert outputs[0] == build(rich_root, tmp_path / "here")


def test_spliced_feeds_equal_what_icalendar_writes_for_the_whole_calendar(rich_root, tmp_path):
    from konexio.feeds import feed_context, render_feed
    from konexio.feeds.calendar import build_calendar

    dataset, schedule = load_valid(rich_root)
    context = feed_context(dataset, SITE, today=BEFORE_ALL)
    for spec in feed_catalogue(dataset, schedule):
        for lang in LANGUAGES:
            whole = build_calendar(spec, lang, context, schedule).to_ical()
            assert render_feed(spec, lang, context, schedule) == whole, (spec.path(lang))


def test_the_index_of_feed_sessions_holds_exactly_what_each_feed_includes():
    # The writer reads feeds' sessions from a one-pass index (linear); the definition of
    # membership is FeedSpec.includes. They must agree for every feed of the shipped data.
    from konexio.feeds.catalogue import index_occurrences, occurrences_of

    dataset, schedule = load_valid(Path(__file__).parent.parent)
    index = index_occurrences(dataset, schedule)
    for spec in feed_catalogue(dataset, schedule):
        assert index.get(spec.key, []) == occurrences_of(spec, dataset, schedule), spec.key
