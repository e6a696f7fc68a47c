"""A volunteer's own calendar: the sessions they signed up for, at a secret address.

``v/<token>/agenda.ics`` and a small ``v/<token>/`` page (``noindex``, no referrer, linked
from nowhere but the volunteer's mails) are written by ``konexio personal-feeds`` into a
folder of their own, which the daily run copies to the association's own host
(``urls.personal_address``), never into the public site: the site is pushed to the
``gh-pages`` branch, where anyone who reads the repository could list the tokens. The
token is the roster's ``jeton agenda`` (192 random bits); no name or address is in either
file. A cleared token gets a new one at the next sync, and since the whole ``v/`` folder
is rewritten and copied with ``rsync --delete``, the old address stops answering.

Events are the published feeds' own (``events.vevent``): same UID, SEQUENCE, DTSTAMP, times,
place and status, so a session in both a subscribed antenna feed and this one stays one
event; but their words are a volunteer's (``volunteer_event``): their role, the place, the
antenna's contact, what changed, never the learners' sign-up text.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText
from jinja2 import Environment, PackageLoader, select_autoescape

from konexio import i18n, urls
from konexio.expand.occurrences import Occurrence, Schedule
from konexio.feeds.calendar import PRODID, REFRESH, published, vtimezone, zone_window
from konexio.feeds.events import UID_DOMAIN, FeedContext, location, vevent
from konexio.feeds.howto import HOWTOS
from konexio.feeds.words import clock, full_date
from konexio.feeds.words import word as feed_word
from konexio.notify.words import word

FOLDER = urls.PERSONAL_FOLDER


def site_address(root: Path) -> str:
    """The public address of the site, ``site_url`` of ``mkdocs.yml``."""
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return "/"
    found = re.search(r"(?m)^site_url:\s*(\S+)", text)
    return found.group(1) if found else "/"


def page_path(token: str) -> str:
    return f"{FOLDER}/{token}/"


def feed_path(token: str) -> str:
    return f"{FOLDER}/{token}/agenda.ics"


def webcal(base: str, token: str) -> str:
    """The subscribe address of a volunteer's calendar; ``base`` is ``urls.personal_address``."""
    return urls.webcal_url(base, feed_path(token))


@dataclass(frozen=True)
class PersonalFeed:
    token: str
    lang: str
    occurrences: tuple[Occurrence, ...]
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(occurrence key, role ids this person signed up for there)."""


def role_names(roles: Sequence[str], lang: str, context: FeedContext) -> str:
    """``formateur·rice, assistant·e``: the roles' names in ``lang``, in the given order."""
    dataset = context.dataset
    known = {r.id: r for r in dataset.roles.model.roles} if dataset.roles else {}
    return feed_word("separator", lang).join(
        known[role].name.get(lang) if role in known else role for role in roles)


def _planned_end(occurrence: Occurrence, context: FeedContext):
    """When the session was planned to end: its cohort's weekly session says so."""
    cohort = context.dataset.cohorts[occurrence.cohort].model
    for session in cohort.sessions:
        if session.day.index == occurrence.planned_date.weekday() \
                and session.start == occurrence.planned_start:
            return session.end
    return occurrence.end.time()


def volunteer_event(occurrence: Occurrence, roles: Sequence[str], lang: str,
                    context: FeedContext, *, sequence: int | None = None,
                    changed: Sequence[str] = ()) -> Event:
    """The feeds' VEVENT of a session (UID, DTSTAMP, times, LOCATION, STATUS), worded for a
    volunteer: their role in the title, then what changed, why, where, how to get there
    and whom to ask. ``changed``: the lines saying what changed (a notice's, from what the
    person was told); without them, a moved session says when it was planned.
    ``sequence``: the notice's, never below the feed's."""
    dataset = context.dataset
    event = vevent(occurrence, lang, context)
    for name in ("SUMMARY", "DESCRIPTION", "URL"):
        event.pop(name)
    if sequence is not None:
        event.pop("SEQUENCE")
        event.add("sequence", sequence)
    antenna = dataset.antennas[occurrence.antenna].model
    program = dataset.programs[occurrence.program].model
    role = role_names(roles, lang, context)
    title = word("event.summary", lang, role=role, program=program.name.get(lang),
                 antenna=antenna.name.get(lang))
    if occurrence.cancelled:
        title = word("event.cancelled", lang, summary=title)
    elif occurrence.moved:
        title = word("event.moved", lang, summary=title)
    lines = [word("event.role", lang, value=role)]
    if not changed and occurrence.moved:
        changed = [word("line.was", lang, day=full_date(occurrence.planned_date, lang),
                        start=clock(occurrence.planned_start, lang),
                        end=clock(_planned_end(occurrence, context), lang))]
    if changed:
        lines += [word("changed", lang)] + [f"- {line}" for line in changed]
    if occurrence.reason and (occurrence.cancelled or occurrence.moved):
        lines.append(word("line.reason", lang, value=occurrence.reason.get(lang)))
    lines.append(word("line.where", lang, value=location(occurrence, lang, dataset)))
    venue = antenna.venue(occurrence.venue)
    if venue is not None and not occurrence.cancelled:
        lines.append(word("line.access", lang, value=venue.access.get(lang)))
    if antenna.contact.email:
        lines.append(word("line.contact", lang, value=antenna.contact.email))
    event.add("summary", title)
    event.add("description", "\n".join(lines))
    return event


def _shell(lang: str, title: str, description: str, zones: Iterable[str],
           schedule: Schedule) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID.format(lang=lang.upper()))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", title)
    calendar.add("x-wr-calname", vText(title))
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", vText(description))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    first, last = zone_window(schedule)
    for name in sorted(set(zones)):
        calendar.add_component(vtimezone(name, first, last))
    return calendar


def personal_calendar(feed: PersonalFeed, context: FeedContext, schedule: Schedule) -> bytes:
    """The bytes of one volunteer's calendar, events in start order, each session once."""
    chosen = {o.key: o for o in feed.occurrences if published(o, context.today)}
    events = sorted(chosen.values(), key=lambda o: (o.start, o.key))
    antennas = context.dataset.antennas
    zones = {o.start.tzinfo.key for o in events} or \
        {entry.model.timezone for entry in antennas.values()}  # type: ignore[union-attr]
    calendar = _shell(feed.lang, word("calendar.title", feed.lang),
                      word("calendar.description", feed.lang), zones, schedule)
    roles = dict(feed.roles)
    for occurrence in events:
        calendar.add_component(volunteer_event(occurrence, roles.get(occurrence.key, ()),
                                               feed.lang, context))
    return calendar.to_ical()


def update_calendar(events: Sequence[Event], zones: Iterable[str], lang: str,
                    schedule: Schedule) -> bytes:
    """The calendar of a mail attachment (``METHOD:PUBLISH``): every event it updates."""
    calendar = _shell(lang, word("calendar.title", lang), word("calendar.description", lang),
                      zones, schedule)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def withdrawn_event(key: str, start: datetime, end: datetime, summary: str,
                    stamp: datetime, sequence: int) -> Event:
    """A session no longer in the data, cancelled in the calendars that hold it. Its
    times are those its sheet row showed last (no date is computed here)."""
    event = Event()
    event.add("uid", f"{key}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    event.add("status", "CANCELLED")
    event.add("transp", "TRANSPARENT")
    return event


_templates = Environment(loader=PackageLoader("konexio.feeds", "templates"),
                         autoescape=select_autoescape(["html", "j2"]), keep_trailing_newline=True)


def personal_page(feed: PersonalFeed, base: str) -> str:
    https = urls.absolute_url(base, feed_path(feed.token))
    lang = feed.lang
    howtos = [{"name": h.name, "steps": h.steps_in(lang, https, webcal(base, feed.token))}
              for h in HOWTOS]
    return _templates.get_template("personal.html.j2").render(
        lang=lang, dir=i18n.BY_CODE[lang].direction, title=word("calendar.title", lang),
        intro=word("page.intro", lang), subscribe=word("page.subscribe", lang),
        download=word("page.download", lang), webcal=webcal(base, feed.token),
        https=https, howtos=howtos)


def write_personal_feeds(feeds: Iterable[PersonalFeed], out_dir: Path, context: FeedContext,
                         schedule: Schedule, base: str) -> list[Path]:
    """Replace ``out_dir/v/`` by one folder per token; old tokens' folders disappear. The
    pages give the addresses under ``base`` (``urls.personal_address``)."""
    target = out_dir / FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".v-new-", dir=out_dir))
    written = []
    try:
        for feed in feeds:
            folder = fresh / feed.token
            folder.mkdir()
            (folder / "agenda.ics").write_bytes(personal_calendar(feed, context, schedule))
            (folder / "index.html").write_text(personal_page(feed, base), encoding="utf-8")
            written.append(target / feed.token / "agenda.ics")
        # A server whose listing was left on would list v/: an empty index instead.
        (fresh / "index.html").write_text(
            '<!doctype html><meta name="robots" content="noindex, nofollow"><title></title>\n',
            encoding="utf-8")
        old = None
        if target.exists():
            old = out_dir / f".v-old-{os.getpid()}"
            os.replace(target, old)
        os.replace(fresh, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return written


def zone_of(context: FeedContext, antenna: str) -> ZoneInfo:
    entry = context.dataset.antennas.get(antenna)
    return ZoneInfo(entry.model.timezone if entry else "UTC")
