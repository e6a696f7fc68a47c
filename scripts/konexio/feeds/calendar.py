"""One feed in one language -> the bytes of an RFC 5545 calendar. Pure: no clock, no files.

``build_calendar`` makes the calendar with icalendar: the reference. ``render_feed`` writes
the same bytes directly (``fold.py`` escapes and folds as icalendar does), with each
VEVENT and VTIMEZONE serialized once and reused by every feed that holds it; a test checks
both agree byte for byte on every feed of the fixtures.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from icalendar import Calendar, Timezone, vText, vUri

from konexio.expand.occurrences import Occurrence, Schedule
from konexio.feeds.catalogue import FeedSpec, Scope, index_occurrences
from konexio.feeds.events import FeedContext, vevent, vevent_bytes
from konexio.feeds.fold import content_line, escape_text
from konexio.feeds.words import word

PRODID = "-//Konexio//Konexio schedules//{lang}"
REFRESH = timedelta(hours=12)
"""How often clients should re-read a feed (REFRESH-INTERVAL and X-PUBLISHED-TTL)."""
CANCELLED_KEPT = timedelta(days=30)
"""How long a cancelled session stays in the feeds after its day: long enough for every
subscribed calendar to have refreshed and struck it, short enough not to clutter."""


def published(occurrence: Occurrence, today: date) -> bool:
    """Whether a feed built on ``today`` still shows ``occurrence``."""
    return not occurrence.cancelled or occurrence.start.date() >= today - CANCELLED_KEPT


def zone_names(spec: FeedSpec, context: FeedContext, events: Iterable[Occurrence]) -> list[str]:
    """Every TZID the feed uses, plus its antennas' zones so that a feed without sessions
    yet still holds a component (RFC 5545 wants at least one) and tells the client where
    it belongs."""
    antennas = context.dataset.antennas
    if spec.scope in (Scope.antenna, Scope.role, Scope.cohort):
        scope_zones = {antennas[spec.antenna].model.timezone}
    else:
        scope_zones = {entry.model.timezone for entry in antennas.values()}
    used = {o.start.tzinfo.key for o in events}  # type: ignore[union-attr]
    return sorted(scope_zones | used)


def zone_window(schedule: Schedule) -> tuple[date, date]:
    """The years the VTIMEZONE blocks must describe: those of the whole schedule, so the
    blocks are the same in every feed and do not move with the build date."""
    if schedule.span is None:
        return Timezone.DEFAULT_FIRST_DATE, Timezone.DEFAULT_LAST_DATE
    first, last = schedule.span
    return date(first.year, 1, 1), date(last.year + 1, 1, 1)


@lru_cache(maxsize=64)
def vtimezone(name: str, first: date, last: date) -> Timezone:
    """The VTIMEZONE of an IANA zone over [first, last), made once per build and shared
    by every feed (only ever serialized, never changed)."""
    return Timezone.from_tzid(name, first_date=first, last_date=last)


def published_events(spec: FeedSpec, context: FeedContext,
                     schedule: Schedule) -> tuple[Occurrence, ...]:
    """The occurrences ``spec`` shows on ``context.today``, in feed order (indexed and
    filtered once per build: every language of a feed holds the same sessions)."""
    if not context.held:
        today = context.today
        context.held.update(
            (key, tuple(o for o in found if published(o, today)))
            for key, found in index_occurrences(context.dataset, schedule).items())
    return context.held.get(spec.key, ())


def build_calendar(spec: FeedSpec, lang: str, context: FeedContext,
                   schedule: Schedule, *, with_events: bool = True) -> Calendar:
    """The calendar of ``spec`` in ``lang`` (only its header and time zones when
    ``with_events`` is false)."""
    events = published_events(spec, context, schedule)
    calendar = Calendar()
    calendar.add("prodid", PRODID.format(lang=lang.upper()))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = spec.title.get(lang)
    calendar.add("name", title)  # RFC 7986
    # What Google, Apple and Outlook actually read. vText, or icalendar leaves the commas
    # of an unknown X- property unescaped, which RFC 5545 TEXT forbids.
    calendar.add("x-wr-calname", vText(title))
    about = word("calendar.description", lang)
    calendar.add("description", about)
    calendar.add("x-wr-caldesc", vText(about))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    calendar.add("source", vUri(spec.url(lang, context.site_url)),
                 parameters={"VALUE": "URI"})
    first, last = zone_window(schedule)
    # Sorted, and added one by one: add_missing_timezones() walks a set, whose order
    # changes between Python processes, which would break byte-identical rebuilds.
    for name in zone_names(spec, context, events):
        calendar.add_component(vtimezone(name, first, last))
    for occurrence in events if with_events else ():
        calendar.add_component(vevent(occurrence, lang, context,
                                      show_needs=spec.scope is Scope.role))
    return calendar


END = b"END:VCALENDAR\r\n"


@lru_cache(maxsize=64)
def vtimezone_bytes(name: str, first: date, last: date) -> bytes:
    """The serialized VTIMEZONE, once per zone and build (icalendar writes it)."""
    return vtimezone(name, first, last).to_ical()


def header_bytes(spec: FeedSpec, lang: str, context: FeedContext) -> bytes:
    """``build_calendar(...)``'s properties as icalendar writes them: its canonical ones
    first (VERSION, PRODID, CALSCALE, METHOD, DESCRIPTION, X-WR-CALDESC, NAME,
    X-WR-CALNAME), then the others alphabetically."""
    title = spec.title.get(lang)
    about = escape_text(word("calendar.description", lang))
    return b"".join((
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
        content_line("PRODID", escape_text(PRODID.format(lang=lang.upper()))),
        b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
        content_line("DESCRIPTION", about),
        content_line("X-WR-CALDESC", about),
        # icalendar 7 writes NAME unescaped (RFC 7986 says TEXT); kept as it was, so
        # subscribed calendars see no change. X-WR-CALNAME is escaped (vText).
        content_line("NAME", title),
        content_line("X-WR-CALNAME", escape_text(title)),
        b"REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n",
        content_line("SOURCE", spec.url(lang, context.site_url), ";VALUE=URI"),
        b"X-PUBLISHED-TTL:PT12H\r\n",
    ))


def render_feed(spec: FeedSpec, lang: str, context: FeedContext, schedule: Schedule) -> bytes:
    """The published bytes of ``spec`` in ``lang``: ``build_calendar(...).to_ical()``.

    A session appears in up to five feeds (all, antenna, program, cohort, role): each
    VEVENT is serialized once per language (``context.rendered``) and joined here.
    """
    events = published_events(spec, context, schedule)
    first, last = zone_window(schedule)
    show_needs = spec.scope is Scope.role
    zones = context.zones.get(spec.key)
    if zones is None:
        zones = context.zones[spec.key] = b"".join(
            vtimezone_bytes(name, first, last) for name in zone_names(spec, context, events))
    parts = [header_bytes(spec, lang, context), zones]
    rendered = context.rendered
    for occurrence in events:
        cache_key = (id(occurrence), lang, show_needs)
        event = rendered.get(cache_key)
        if event is None:
            event = rendered[cache_key] = vevent_bytes(occurrence, lang, context,
                                                       show_needs=show_needs)
        parts.append(event)
    parts.append(END)
    return b"".join(parts)
