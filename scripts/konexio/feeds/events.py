"""One occurrence -> one VEVENT, in one language. Pure: same inputs, same bytes.

``vevent`` builds it with icalendar (the reference, and what tests compare with);
``vevent_bytes`` writes the same bytes directly, about twenty times faster, since a session
appears in up to five feeds of every language and large networks have tens of thousands.

One VEVENT per occurrence rather than an RRULE: holidays, closures, moves and
cancellations are already applied by the expander, and Outlook is known to misread
recurring events against RDATE-style VTIMEZONE blocks across a clock change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from icalendar import Event

from konexio import urls
from konexio.expand.occurrences import Occurrence
from konexio.feeds.fold import content_line, escape_text
from konexio.feeds.stamps import stamp
from konexio.feeds.words import clock, full_date, said, word
from konexio.feeds.words import count as count_in
from konexio.model.dataset import Dataset

UID_DOMAIN = "konexio.eu"


@dataclass(frozen=True, kw_only=True)
class FeedContext:
    """What every event of a build shares."""

    dataset: Dataset
    site_url: str
    today: date
    """Cancelled sessions more than ``CANCELLED_KEPT`` before this day leave the feeds."""
    times: Mapping[str, datetime]
    """Last change of each data file (``stamps.commit_times``); may be empty."""
    personal_url: str | None = None
    """Where the volunteers' own calendars are served (``urls.personal_address``), on
    the association's host, never the public site; None when it is not set up, and then no
    mail links to one."""
    rendered: dict[tuple[int, str, bool], bytes] = field(default_factory=dict, compare=False)
    """VEVENT bytes by (occurrence's id(), language, with needs), filled by ``render_feed``
    (the schedule keeps its occurrences alive while the feeds are written):
    a cache valid for this context only, since the bytes depend on everything above.
    ``write_feeds`` empties it between languages, so it holds one language at a time."""
    held: dict = field(default_factory=dict, compare=False)
    """The occurrences each feed shows on ``today`` (by ``FeedSpec.key``), indexed and
    filtered once per build by ``published_events``."""
    zones: dict[tuple, bytes] = field(default_factory=dict, compare=False)
    """The VTIMEZONE blocks of each feed (by ``FeedSpec.key``), the same in every language."""
    lines: dict = field(default_factory=dict, compare=False)
    """Serialized content lines shared by many events (a cohort's description, a venue's
    location...), by what they depend on: filled by ``vevent_bytes``."""
    timing: dict[int, bytes] = field(default_factory=dict, compare=False)
    """Each event's lines from DTSTART to SEQUENCE by occurrence id(): the same in every
    language, so kept across languages (a few hundred bytes per session)."""


def uid(occurrence: Occurrence) -> str:
    """What the session *is* (cohort, planned day, planned time), the same in every feed
    and every language: moving, cancelling or re-ordering the YAML never changes it, and a
    session imported twice (from a cohort file and an antenna feed, or in French then in
    English) stays one event in the calendar it lands in."""
    return f"{occurrence.key}@{UID_DOMAIN}"


def sequence(occurrence: Occurrence) -> int:
    """Revision number, from what happened to the session: 0 as planned, 1 moved,
    2 cancelled.

    A session's life only goes forward along planned -> moved -> cancelled (validation
    refuses a session both moved and cancelled), so each real change raises the number,
    which is what clients that import a file compare. It stays small (Google's import fails
    on big values) and needs no history, so a shallow clone builds the same bytes.
    """
    if occurrence.cancelled:
        return 2
    return 1 if occurrence.moved else 0


def source_files(occurrence: Occurrence, dataset: Dataset) -> list[str]:
    """The data files an event's text and times come from."""
    return [
        dataset.cohorts[occurrence.cohort].file,
        dataset.antennas[occurrence.antenna].file,
        dataset.programs[occurrence.program].file,
    ]


def cohort_page(occurrence: Occurrence, lang: str, site_url: str) -> str:
    return urls.absolute_url(site_url, urls.page_url(lang, "cohort", occurrence.cohort))


def summary(occurrence: Occurrence, lang: str, dataset: Dataset) -> str:
    plain = word("summary", lang,
                 program=said(dataset.programs[occurrence.program].model.name, lang),
                 antenna=said(dataset.antennas[occurrence.antenna].model.name, lang))
    if occurrence.cancelled:
        return word("summary.cancelled", lang, summary=plain)
    if occurrence.moved:
        return word("summary.moved", lang, summary=plain)
    return plain


def location(occurrence: Occurrence, lang: str, dataset: Dataset) -> str:
    """Venue name and full postal address (what map apps need), then the room."""
    venue = dataset.antennas[occurrence.antenna].model.venue(occurrence.venue)
    assert venue is not None, "validation guarantees the venue exists"
    values = {"venue": said(venue.name, lang), "address": venue.address}
    if occurrence.room:
        return word("location.room", lang, room=occurrence.room, **values)
    return word("location", lang, **values)


def description(occurrence: Occurrence, lang: str, context: FeedContext,
                needs: Mapping[str, int] | None = None) -> str:
    """What a reader needs besides time and place: why it changed, what it is, how to join."""
    reason = said(occurrence.reason, lang) if occurrence.reason else ""
    lines: list[str] = []
    if occurrence.cancelled:
        lines.append(word("line.cancelled", lang, reason=reason))
    elif occurrence.moved:
        lines.append(word("line.moved", lang, reason=reason,
                          day=full_date(occurrence.planned_date, lang),
                          time=clock(occurrence.planned_start, lang)))
    about, join = _session_lines(occurrence, lang, context)
    lines += about
    if needs:
        dataset = context.dataset
        roles = {r.id: r for r in dataset.roles.model.roles} if dataset.roles else {}
        wanted = word("separator", lang).join(
            word("need", lang, count=count_in(count, lang),
                 role=said(roles[role].name, lang) if role in roles else role)
            for role, count in sorted(needs.items())
        )
        lines.append(word("line.needs", lang, value=wanted))
    lines += join
    return "\n".join(lines)


def _session_lines(o: Occurrence, lang: str,
                   context: FeedContext) -> tuple[list[str], list[str]]:
    """The description's lines every session of a cohort in one room shares: what and
    where it is (before the volunteers needed), then how to join. Made once per cohort,
    room and language (``context.lines``), read by its every variant (moved, cancelled,
    with the needs)."""
    key = ("session lines", o.cohort, o.antenna, o.program, o.venue, o.room, lang)
    made = context.lines.get(key)
    if made is not None:
        return made
    dataset = context.dataset
    cohort = dataset.cohorts[o.cohort].model
    antenna = dataset.antennas[o.antenna].model
    program = dataset.programs[o.program].model
    venue = antenna.venue(o.venue)
    assert venue is not None, "validation guarantees the venue exists"
    about = [word("line.program", lang, value=said(program.name, lang)),
             word("line.antenna", lang, value=said(antenna.name, lang))]
    if o.room:
        about.append(word("line.room", lang, value=o.room))
    about.append(word("line.access", lang, value=said(venue.access, lang)))
    about.append(word("line.accessibility", lang, value=said(venue.accessibility, lang)))
    join = [word(f"line.status.{cohort.status.value}", lang),
            word("line.apply", lang, value=said(program.apply, lang)),
            word("line.contact", lang, value=antenna.contact.email),
            word("line.page", lang, value=cohort_page(o, lang, context.site_url))]
    made = context.lines[key] = (about, join)
    return made


def vevent(occurrence: Occurrence, lang: str, context: FeedContext,
           *, show_needs: bool = False) -> Event:
    """The VEVENT of one occurrence in ``lang``.

    Built with ``Event()`` and explicit properties: ``Event.new()`` would invent a random
    UID and stamp the build time, which breaks identity and reproducibility.
    """
    dataset = context.dataset
    event = Event()
    event.add("uid", uid(occurrence))
    event.add("dtstamp", stamp(context.times, source_files(occurrence, dataset)).astimezone(UTC))
    event.add("sequence", sequence(occurrence))
    # Aware datetimes in the antenna's zone: icalendar writes DTSTART;TZID=<IANA name>:...
    # with the local wall-clock time the YAML says, whatever the season.
    event.add("dtstart", occurrence.start)
    event.add("dtend", occurrence.end)
    event.add("summary", summary(occurrence, lang, dataset))
    event.add("location", location(occurrence, lang, dataset))
    needs = dataset.needs(occurrence.cohort) if show_needs else None
    event.add("description", description(occurrence, lang, context, needs))
    event.add("url", cohort_page(occurrence, lang, context.site_url))
    event.add("status", "CANCELLED" if occurrence.cancelled else "CONFIRMED")
    # A cancelled session should not make its hour look busy.
    event.add("transp", "TRANSPARENT" if occurrence.cancelled else "OPAQUE")
    return event


def _local(moment: datetime) -> tuple[str, str]:
    """(parameters, value) of a DTSTART/DTEND as icalendar writes an aware datetime."""
    key = getattr(moment.tzinfo, "key", None)
    if key is None or key == "UTC":
        return "", moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f";TZID={key}", moment.strftime("%Y%m%dT%H%M%S")


def vevent_bytes(occurrence: Occurrence, lang: str, context: FeedContext,
                 *, show_needs: bool = False) -> bytes:
    """``vevent(...).to_ical()``, written directly: icalendar's order (its canonical
    properties first, then the others alphabetically), its escaping and its folding.

    The lines that many sessions share are made once, keyed by exactly the fields of the
    occurrence they are made from (``summary``, ``location``, ``description`` read no
    others): most sessions of a cohort differ only by their times and UID.
    """
    dataset = context.dataset
    memo = context.lines
    o = occurrence
    changed = (o.cancelled, o.moved, o.reason.get(lang) if o.reason else "",
               o.planned_date if o.moved else None, o.planned_start if o.moved else None)
    description_key = ("description", o.cohort, o.antenna, o.program, o.venue, o.room,
                       changed, lang, show_needs)
    description_line = memo.get(description_key)
    if description_line is None:
        needs = dataset.needs(o.cohort) if show_needs else None
        description_line = memo[description_key] = content_line(
            "DESCRIPTION", escape_text(description(o, lang, context, needs)))
    # What the two variants (with and without the volunteers needed) share.
    event_key = ("event", id(o), lang)
    around = memo.get(event_key)
    if around is None:
        around = memo[event_key] = _around_description(o, lang, context)
    return around[0] + description_line + around[1]


def _around_description(o: Occurrence, lang: str, context: FeedContext) -> tuple[bytes, bytes]:
    """The lines of an event before and after its DESCRIPTION."""
    dataset = context.dataset
    memo = context.lines
    summary_key = ("summary", o.program, o.antenna, o.cancelled, o.moved, lang)
    summary_line = memo.get(summary_key)
    if summary_line is None:
        summary_line = memo[summary_key] = content_line(
            "SUMMARY", escape_text(summary(o, lang, dataset)))
    cohort_key = ("cohort", o.cohort, o.antenna, o.program, lang)
    cohort_lines = memo.get(cohort_key)
    if cohort_lines is None:
        dtstamp = stamp(context.times, source_files(o, dataset)).astimezone(UTC)
        cohort_lines = memo[cohort_key] = (
            content_line("DTSTAMP", dtstamp.strftime("%Y%m%dT%H%M%SZ")),
            content_line("URL", cohort_page(o, lang, context.site_url)))
    location_key = ("location", o.antenna, o.venue, o.room, lang)
    location_line = memo.get(location_key)
    if location_line is None:
        location_line = memo[location_key] = content_line(
            "LOCATION", escape_text(location(o, lang, dataset)))
    timing = context.timing.get(id(o))
    if timing is None:
        start_parameters, start = _local(o.start)
        end_parameters, end = _local(o.end)
        timing = context.timing[id(o)] = b"".join((
            content_line("DTSTART", start, start_parameters),
            content_line("DTEND", end, end_parameters),
            cohort_lines[0],
            content_line("UID", escape_text(uid(o))),
            content_line("SEQUENCE", str(sequence(o))),
        ))
    head = b"".join((b"BEGIN:VEVENT\r\n", summary_line, timing))
    tail = b"".join((
        location_line,
        b"STATUS:CANCELLED\r\n" if o.cancelled else b"STATUS:CONFIRMED\r\n",
        b"TRANSP:TRANSPARENT\r\n" if o.cancelled else b"TRANSP:OPAQUE\r\n",
        cohort_lines[1],
        b"END:VEVENT\r\n",
    ))
    return head, tail
