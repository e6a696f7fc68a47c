"""Step 3: the checks that need more than one value: references, order, changes.

Each rule is a generator of problems over the typed dataset; ``check_dataset`` runs them all,
so every mistake is reported in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays
from babel import Locale, UnknownLocaleError

from konexio import LANGUAGES
from konexio.expand.closed_days import closed_days, subdivisions
from konexio.expand.occurrences import moved_times, planned_days
from konexio.load.discover import LOCATIONS, Kind
from konexio.model.dataset import CohortEntry, Dataset, Entry
from konexio.problems import Problem, problem, warning
from konexio.validate.holiday_names import holiday_names
from konexio.validate.how_to_come import how_to_come_is_usable
from konexio.validate.structure import suggest

Rule = Callable[[Dataset, set[str]], Iterator[Problem]]


def at(entry: Entry, code: str, *path: str | int, key: bool = False, **params) -> Problem:
    """A problem located at ``path`` in the entry's file."""
    pos = entry.doc.pos(tuple(path), key=key)
    return problem(entry.file, pos.line, pos.col, code, **params)


def _there(found: Problem, entry: Entry | None, *path: str | int, key: bool = True) -> Problem:
    """``found``, about the line at ``path`` of another file too (``Problem.also``)."""
    if entry is None:
        return found
    pos = entry.doc.pos(tuple(path), key=key)
    return found.seen_also(entry.file, pos.line, pos.col)


def warning_at(entry: Entry, code: str, *path: str | int, key: bool = False,
               **params) -> Problem:
    """A warning located at ``path`` in the entry's file."""
    pos = entry.doc.pos(tuple(path), key=key)
    return warning(entry.file, pos.line, pos.col, code, **params)


@cache
def _language_shown(code: str) -> bool:
    """True when Babel can name the language in every language of the site (the pages
    write « cours en {language} »); the build would otherwise stop on it."""
    try:
        locale = Locale.parse(code)
        return all(locale.get_display_name(lang) for lang in LANGUAGES)
    except (UnknownLocaleError, ValueError, TypeError):
        return False


def _closest_language(code: str) -> str:
    """The site language meant by a slip: two letters swapped (« rf ») or one mistyped."""
    for lang in LANGUAGES:
        if sorted(lang) == sorted(code):
            return lang
    close = difflib.get_close_matches(code, LANGUAGES, n=1, cutoff=0.5)
    return close[0] if close else ""


def _known(kind: Kind, ids: set[str]) -> set[str]:
    prefix = f"{kind}:"
    return {i.removeprefix(prefix) for i in ids if i.startswith(prefix)}


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def antennas_are_real(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    """Time zones exist, holidays are known for the country, venue ids are unique."""
    for entry in dataset.antennas.values():
        antenna = entry.model
        try:
            ZoneInfo(antenna.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
            yield at(entry, "timezone.unknown", "timezone", value=antenna.timezone,
                     suggestion=suggest(antenna.timezone, _zones()))
        known = subdivisions(antenna.country)
        if known is None:
            yield at(entry, "country.unknown", "country", value=antenna.country,
                     suggestion=suggest(antenna.country, holidays.list_supported_countries()))
        elif antenna.subdivision and antenna.subdivision not in known:
            yield at(entry, "subdivision.unknown", "subdivision", value=antenna.subdivision,
                     country=antenna.country, suggestion=suggest(antenna.subdivision, list(known)))
        seen: set[str] = set()
        for i, venue in enumerate(antenna.venues):
            if venue.id in seen:
                yield at(entry, "duplicate.id", "venues", i, "id", value=venue.id)
            seen.add(venue.id)
        venue_ids = [v.id for v in antenna.venues]
        for i, closure in enumerate(antenna.closures):
            if closure.end < closure.start:
                yield at(entry, "order.dates", "closures", i, "end",
                         start=closure.start.isoformat(), end=closure.end.isoformat())
            if closure.venue and closure.venue not in venue_ids:
                yield at(entry, "ref.unknown_venue", "closures", i, "venue", value=closure.venue,
                         antenna=entry.id, allowed=", ".join(venue_ids),
                         suggestion=suggest(closure.venue, venue_ids))


def closures_are_not_public_holidays(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    """A closure made only of public holidays is typed for nothing (they are known), and is
    often the day before or after the one meant (the bridge day, not the holiday)."""
    for entry in dataset.antennas.values():
        antenna = entry.model
        for i, closure in enumerate(antenna.closures):
            if closure.end < closure.start or (closure.end - closure.start).days > 31:
                continue
            days = [closure.start + timedelta(days=n)
                    for n in range((closure.end - closure.start).days + 1)]
            names = [holiday_names(antenna.country, antenna.subdivision, day) for day in days]
            if all(name["fr"] for name in names):
                yield warning_at(entry, "closure.holiday", "closures", i, "start",
                                 reason_fr=", ".join(n["fr"] for n in names),
                                 reason_en=", ".join(n["en"] for n in names))


def programs_follow_programs(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    programs = _known(Kind.program, ids)
    for entry in dataset.programs.values():
        for i, other in enumerate(entry.model.follows):
            if other not in programs:
                yield at(entry, "ref.unknown", "follows", i, what="program", value=other,
                         where=LOCATIONS[Kind.program], suggestion=suggest(other, programs))


def cohorts_refer_to_real_things(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    """Antenna folder, program, venue, rooms and roles of every cohort exist."""
    programs = _known(Kind.program, ids)
    antennas = _known(Kind.antenna, ids)
    roles = {r.id for r in dataset.roles.model.roles} if dataset.roles else set()
    for entry in dataset.cohorts.values():
        cohort = entry.model
        if cohort.program not in programs:
            yield at(entry, "ref.unknown", "program", what="program", value=cohort.program,
                     where=LOCATIONS[Kind.program], suggestion=suggest(cohort.program, programs))
        if entry.antenna not in antennas:
            yield problem(entry.file, 1, 1, "ref.unknown", what="antenna", value=entry.antenna,
                          where=LOCATIONS[Kind.antenna],
                          suggestion=suggest(entry.antenna, antennas))
        if not _language_shown(cohort.language):
            yield at(entry, "language.unknown", "language", value=cohort.language,
                     allowed=", ".join(LANGUAGES),
                     suggestion=_closest_language(cohort.language))
        if dataset.roles is not None:
            usual = dataset.roles.model.needs.get(cohort.program, {})
            left_out = [r for r, n in usual.items() if n > 0 and r not in (cohort.needs or usual)]
            if cohort.needs and left_out:
                yield warning_at(entry, "needs.partial", "needs", key=True,
                                 missing=", ".join(left_out), program=cohort.program,
                                 example=f"{left_out[0]}: {usual[left_out[0]]}")
            for role in (cohort.needs or {}):
                if role not in roles:
                    found = at(entry, "ref.unknown_role", "needs", role, key=True, value=role,
                               allowed=", ".join(sorted(roles)),
                               suggestion=suggest(role, roles))
                    yield _there(found, dataset.roles, "roles")
            for role, count in (cohort.needs or {}).items():
                if count < 0:
                    yield at(entry, "count.negative", "needs", role)
        antenna = dataset.antennas.get(entry.antenna)
        if antenna is None:
            continue
        venue = antenna.model.venue(cohort.venue)
        venue_ids = [v.id for v in antenna.model.venues]
        if venue is None:
            found = at(entry, "ref.unknown_venue", "venue", value=cohort.venue,
                       antenna=entry.antenna, allowed=", ".join(venue_ids),
                       suggestion=suggest(cohort.venue, venue_ids))
            yield _there(found, antenna, "venues")
            continue
        if venue.rooms:
            rooms = [(("sessions", i, "room"), s.room) for i, s in enumerate(cohort.sessions)]
            rooms += [(("moved", i, "to_room"), m.to_room) for i, m in enumerate(cohort.moved)]
            for path, room in rooms:
                if room is not None and room not in venue.rooms:
                    found = at(entry, "ref.unknown_room", *path, value=room, venue=venue.id,
                               allowed=", ".join(venue.rooms),
                               suggestion=suggest(room, venue.rooms))
                    place = antenna.model.venues.index(venue)
                    yield _there(found, antenna, "venues", place, "rooms")


def cohorts_are_in_order(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    """Ends come after starts; no session is written twice; some session takes place."""
    for entry in dataset.cohorts.values():
        cohort = entry.model
        if cohort.end < cohort.start:
            yield at(entry, "order.dates", "end", start=cohort.start.isoformat(),
                     end=cohort.end.isoformat())
        elif not any(planned_days(cohort.start, cohort.end, s.day.index)
                     for s in cohort.sessions):
            yield at(entry, "cohort.no_session", "start", start=cohort.start.isoformat(),
                     end=cohort.end.isoformat())
        seen: set[tuple] = set()
        for i, session in enumerate(cohort.sessions):
            if session.end <= session.start:
                yield at(entry, "order.times", "sessions", i, "end",
                         start=f"{session.start:%H:%M}", end=f"{session.end:%H:%M}")
            if (session.day, session.start) in seen:
                yield at(entry, "session.duplicate", "sessions", i, day=session.day.value,
                         start=f"{session.start:%H:%M}")
            seen.add((session.day, session.start))
        for i, move in enumerate(cohort.moved):
            planned = _planned(entry, move.date, move.start)
            if planned is None:  # no such session: changes_aim_at_real_sessions says so
                continue
            start, end = moved_times(move, planned.start, planned.end)
            if move.to_start is not None and move.to_end is None and end <= start:
                minutes = (planned.end.hour - planned.start.hour) * 60 \
                    + planned.end.minute - planned.start.minute
                yield at(entry, "move.past_midnight", "moved", i, "to_start",
                         start=f"{start:%H:%M}", length=f"{minutes // 60}h{minutes % 60:02d}")
            elif end <= start:
                yield at(entry, "order.times", "moved", i, "to_end" if move.to_end else "to_start",
                         start=f"{start:%H:%M}", end=f"{end:%H:%M}")
            # Compared with the planned session, not with the move itself: a new start
            # alone is a real change.
            if move.to_date in (None, move.date) and (start, end) == (planned.start, planned.end) \
                    and move.to_room in (None, planned.room):
                yield at(entry, "change.no_effect", "moved", i)


def _sessions_on(entry: CohortEntry, day: date):
    return [s for s in entry.model.sessions if s.day.index == day.weekday()]


def _planned(entry: CohortEntry, day: date, start):
    """The one weekly session a change aimed at ``day`` (and ``start``) means, if one."""
    sessions = [s for s in _sessions_on(entry, day) if start in (None, s.start)]
    return sessions[0] if len(sessions) == 1 else None


def _sessions_planned_on(entry: CohortEntry, day: date, closed) -> bool:
    """Whether the cohort plans a session of its own on ``day``."""
    cohort = entry.model
    return bool(_sessions_on(entry, day)) and cohort.start <= day <= cohort.end \
        and day not in closed


def changes_aim_at_real_sessions(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    """A cancelled or moved session must be one the cohort actually has, and only once."""
    for entry in dataset.cohorts.values():
        cohort = entry.model
        antenna = dataset.antennas.get(entry.antenna)
        if antenna is None or cohort.end < cohort.start:
            continue
        closed = closed_days(antenna.model, cohort.venue, cohort.start, cohort.end)
        taken: dict[tuple[date, object], str] = {}
        # The new day of each moved session: what the site shows, so what a coordinator
        # may type to mean that session.
        moved_to = {move.to_date: move.date for move in cohort.moved
                    if move.to_date not in (None, move.date)}
        for field, word in (("cancelled", "cancelled"), ("moved", "moved")):
            for i, change in enumerate(getattr(cohort, field)):
                sessions = _sessions_on(entry, change.date)
                planned_day = moved_to.get(change.date)
                if planned_day is not None and not _sessions_planned_on(entry, change.date,
                                                                        closed):
                    yield at(entry, f"change.{field}_moved", field, i, "date",
                             date=change.date.isoformat(), planned=planned_day.isoformat())
                    continue
                why = ""
                if not cohort.start <= change.date <= cohort.end:
                    why = "outside"
                elif not sessions:
                    why = "weekday"
                elif change.date in closed:
                    why = "closed"
                if why:
                    yield at(entry, f"change.{why}", field, i, "date",
                             date=change.date.isoformat(), start=cohort.start.isoformat(),
                             weekday=change.date.weekday(),
                             days=tuple(sorted({s.day.index for s in cohort.sessions})),
                             end=cohort.end.isoformat(),
                             **_closed_reason(antenna.model, closed, change.date))
                    continue
                if change.start is None and len(sessions) > 1:
                    yield at(entry, "change.ambiguous", field, i, "date",
                             date=change.date.isoformat(),
                             times=", ".join(f"{s.start:%H:%M}" for s in sessions))
                    continue
                if change.start is not None and change.start not in [s.start for s in sessions]:
                    yield at(entry, "change.no_such_time", field, i, "start",
                             date=change.date.isoformat(), start=f"{change.start:%H:%M}",
                             times=", ".join(f"{s.start:%H:%M}" for s in sessions))
                    continue
                starts = [change.start] if change.start else [s.start for s in sessions]
                for start in starts:
                    if (change.date, start) in taken:
                        yield at(entry, "change.twice", field, i, "date",
                                 date=change.date.isoformat(), already=taken[(change.date, start)])
                    taken[(change.date, start)] = word


def _closed_reason(antenna, closed, day: date) -> dict[str, str]:
    """Why there is no class on ``day``, in each message language."""
    if day not in closed:
        return {}
    found = closed[day]
    if found.reason is not None:
        return {"reason_fr": found.reason.fr, "reason_en": found.reason.en}
    names = holiday_names(antenna.country, antenna.subdivision, day)
    return {"reason_fr": names["fr"] or found.holiday, "reason_en": names["en"] or found.holiday}


def volunteers_refer_to_real_things(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    programs = _known(Kind.program, ids)
    antennas = _known(Kind.antenna, ids)
    if dataset.roles is not None:
        entry = dataset.roles
        role_ids: list[str] = []
        for i, role in enumerate(entry.model.roles):
            if role.id in role_ids:
                yield at(entry, "duplicate.id", "roles", i, "id", value=role.id)
            role_ids.append(role.id)
        for program, needs in entry.model.needs.items():
            if program not in programs:
                yield at(entry, "ref.unknown", "needs", program, key=True, what="program",
                         value=program, where=LOCATIONS[Kind.program],
                         suggestion=suggest(program, programs))
            for role, count in needs.items():
                if role not in role_ids:
                    yield at(entry, "ref.unknown_role", "needs", program, role, key=True,
                             value=role, allowed=", ".join(role_ids),
                             suggestion=suggest(role, role_ids))
                if count < 0:
                    yield at(entry, "count.negative", "needs", program, role)
    if dataset.sheets is not None:
        entry = dataset.sheets
        for antenna, sheet_id in entry.model.spreadsheets.items():
            if not SHEET_ID.match(sheet_id):
                url = SHEET_URL.search(sheet_id)
                if url:
                    yield at(entry, "sheet.url", "spreadsheets", antenna, value=url[1])
                else:
                    yield at(entry, f"sheet.id_{_why_not_an_id(sheet_id)}", "spreadsheets",
                             antenna, value=sheet_id[:60], length=len(sheet_id))
            if antenna not in antennas:
                yield at(entry, "ref.unknown", "spreadsheets", antenna, key=True, what="antenna",
                         value=antenna, where=LOCATIONS[Kind.antenna],
                         suggestion=suggest(antenna, antennas))
        yield from _people_sheets(entry, antennas)


def _people_sheets(entry, antennas) -> Iterator[Problem]:
    """The people spreadsheet: a real id, never a sign-up one, one for every antenna that
    has a sign-up spreadsheet."""
    model = entry.model
    signups = set(model.spreadsheets.values())
    named = [(("people",), model.people)] if isinstance(model.people, str) else \
        [(("people", antenna), sheet_id) for antenna, sheet_id in (model.people or {}).items()]
    for path, sheet_id in named:
        if not SHEET_ID.match(sheet_id):
            url = SHEET_URL.search(sheet_id)
            if url:
                yield at(entry, "sheet.url", *path, value=url[1])
            else:
                yield at(entry, f"sheet.id_{_why_not_an_id(sheet_id)}", *path,
                         value=sheet_id[:60], length=len(sheet_id))
        elif sheet_id in signups:
            yield at(entry, "sheet.people_is_signup", *path, value=sheet_id[:60])
        if len(path) == 2 and path[1] not in antennas:
            yield at(entry, "ref.unknown", *path, key=True, what="antenna", value=path[1],
                     where=LOCATIONS[Kind.antenna], suggestion=suggest(path[1], antennas))
    if model.spreadsheets and model.people is None:
        yield at(entry, "sheet.people_missing", "spreadsheets", key=True)
    elif isinstance(model.people, dict):
        for antenna in model.spreadsheets:
            if antenna not in model.people:
                yield at(entry, "sheet.people_missing_antenna", "spreadsheets", antenna,
                         key=True, value=antenna)


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _texts(value, path: tuple = ()):
    """Every translated text (a mapping with fr, en and ar) in a file, with its path."""
    if isinstance(value, dict):
        if {"fr", "en", "ar"} <= set(value) and all(isinstance(value[k], str)
                                                   for k in ("fr", "en", "ar")):
            yield path, value
        for key, inner in value.items():
            yield from _texts(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _texts(inner, (*path, i))


def _name_of(path: tuple) -> str:
    return next((str(p) for p in reversed(path) if isinstance(p, str)), "")


def texts_are_translated(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    """A French sentence copied into ``en`` or ``ar`` passes every other check and is then
    shown as is to the readers of that language: flag it (names like « Paris » are the same
    in French and English, so only sentences of three words or more count there)."""
    entries = [*dataset.programs.values(), *dataset.antennas.values(),
               *dataset.cohorts.values(), *([dataset.roles] if dataset.roles else [])]
    for entry in entries:
        for path, text in _texts(entry.doc.data):
            french = text["fr"].strip()
            if text["ar"].strip() == french or (
                    not _ARABIC.search(text["ar"]) and len(_LATIN_WORD.findall(text["ar"])) >= 3):
                yield warning_at(entry, "text.copied", *path, "ar", lang="ar",
                                 field=_name_of(path))
            if text["en"].strip() == french and len(french.split()) >= 3:
                yield warning_at(entry, "text.copied", *path, "en", lang="en",
                                 field=_name_of(path))


SHEET_ID = re.compile(r"^[A-Za-z0-9_-]{20,}$")
"""A Google spreadsheet id: letters, digits, '-' and '_' (44 of them today; 20 at least)."""
SHEET_URL = re.compile(r"docs\.google\.com/spreadsheets/d/([A-Za-z0-9_-]+)")


def _why_not_an_id(value: str) -> str:
    bad = next((c for c in value if not re.match(r"[A-Za-z0-9_-]", c)), None)
    if bad is not None:
        return "space" if bad.isspace() else "char"
    return "short"


RULES: tuple[Rule, ...] = (
    closures_are_not_public_holidays,
    programs_follow_programs,
    cohorts_refer_to_real_things,
    cohorts_are_in_order,
    changes_aim_at_real_sessions,
    volunteers_refer_to_real_things,
    texts_are_translated,
    how_to_come_is_usable,
)


def check_dataset(dataset: Dataset, ids: set[str]) -> list[Problem]:
    """Every problem every rule finds.

    Antennas come first: one whose time zone or country is unknown cannot give public
    holidays or local times, so the other rules see only the sound antennas (the broken
    one is reported once, where it is wrong, and its cohorts are not blamed for it).
    """
    problems = list(antennas_are_real(dataset, ids))
    broken = {p.path for p in problems}
    sound = replace(dataset, antennas={key: entry for key, entry in dataset.antennas.items()
                                       if entry.file not in broken})
    return problems + [found for rule in RULES for found in rule(sound, ids)]
