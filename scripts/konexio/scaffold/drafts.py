"""The values a new file starts with, picked from the data already in the checkout.

A new cohort copies the weekly sessions, length, language and capacity of the latest cohort
of the same program (in the same antenna when there is one), because that is how
coordinators work: "the same as last term, from this date". With no such cohort it falls
back to one two-hour session a week, on the start's weekday, for five weeks (a DigitAll
level). Every value picked this way is listed for the coordinator to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import available_timezones

import holidays

from konexio.expand.closed_days import closed_days, subdivisions
from konexio.expand.occurrences import planned_days
from konexio.load.discover import LOCATIONS, Kind
from konexio.model.antenna import Antenna
from konexio.model.dataset import CohortEntry, Dataset
from konexio.model.types import Weekday
from konexio.scaffold.words import ScaffoldError
from konexio.validate.structure import read_dataset, suggest

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEFAULT_WEEKS = 5
DEFAULT_CAPACITY = 12
DEFAULT_TIMES = ("14:00", "16:00")
MAX_WEEKS = 104
"""Two years: the longest program (work-study) lasts 24 months; more is a typo."""


@dataclass(frozen=True)
class SessionDraft:
    day: str
    start: str
    end: str


@dataclass(frozen=True)
class CohortDraft:
    """Everything the cohort template needs, and where each default came from."""

    id: str
    antenna: str
    program: str
    program_name: str
    venue: str
    venues: tuple[str, ...]
    rooms: tuple[str, ...]
    start: date
    end: date
    weeks: int
    language: str
    capacity: int
    sessions: tuple[SessionDraft, ...]
    copied_from: str | None
    """The file of the cohort whose rhythm was copied, if any."""

    @property
    def path(self) -> str:
        return f"schedules/cohorts/{self.antenna}/{self.id}.yml"

    @property
    def next_day(self) -> date:
        """The day after the start: the example move's new day."""
        return self.start + timedelta(days=1)


@dataclass(frozen=True)
class Checkout:
    """The data of the checkout as far as it could be read, and the ids of every file."""

    root: Path
    dataset: Dataset
    ids: set[str]

    def known(self, kind: Kind) -> list[str]:
        prefix = f"{kind}:"
        return sorted(i.removeprefix(prefix) for i in self.ids if i.startswith(prefix))


def read_checkout(root: Path) -> Checkout:
    dataset, ids, _problems = read_dataset(root)
    return Checkout(root, dataset, ids)


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ScaffoldError("bad_date", value=value) from None


def check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise ScaffoldError("bad_id", value=value)
    return value


def require(checkout: Checkout, kind: Kind, value: str) -> None:
    """Refuse an id no file has, suggesting the closest one."""
    known = checkout.known(kind)
    if value not in known:
        raise ScaffoldError("unknown", what=kind.value, value=value, where=LOCATIONS[kind],
                            suggestion=suggest(value, known))


def antenna_model(checkout: Checkout, antenna: str) -> Antenna:
    require(checkout, Kind.antenna, antenna)
    entry = checkout.dataset.antennas.get(antenna)
    if entry is None:
        raise ScaffoldError("antenna_invalid", path=f"schedules/antennas/{antenna}.yml")
    return entry.model


def require_venue(model: Antenna, antenna: str, venue: str) -> None:
    venues = [v.id for v in model.venues]
    if venue not in venues:
        raise ScaffoldError("unknown_venue", value=venue, antenna=antenna,
                            allowed=", ".join(venues), suggestion=suggest(venue, venues))


def _similar(dataset: Dataset, program: str, antenna: str) -> CohortEntry | None:
    """The latest cohort of ``program``, preferring one of ``antenna``."""
    same = [e for e in dataset.cohorts.values() if e.model.program == program]
    if not same:
        return None
    return max(same, key=lambda e: (e.antenna == antenna, e.model.start, e.id))


def _weeks_of(entry: CohortEntry) -> int:
    return max(1, -(-((entry.model.end - entry.model.start).days + 1) // 7))


def cohort_draft(checkout: Checkout, *, antenna: str, program: str, start: str,
                 venue: str | None = None, cohort_id: str | None = None,
                 weeks: int | None = None) -> CohortDraft:
    """The new cohort's values, refusing unknown antennas, programs and venues."""
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise ScaffoldError("bad_weeks", value=weeks, max=MAX_WEEKS)
    model = antenna_model(checkout, antenna)
    require(checkout, Kind.program, program)
    first = parse_date(start)
    venue = venue or model.venues[0].id
    require_venue(model, antenna, venue)
    cohort_id = check_slug(cohort_id or f"{program}-{venue}-{first:%Y-%m}")
    similar = _similar(checkout.dataset, program, antenna)
    if similar is not None:
        sessions = tuple(SessionDraft(s.day.value, f"{s.start:%H:%M}", f"{s.end:%H:%M}")
                         for s in similar.model.sessions)
        weeks = weeks or _weeks_of(similar)
        language = similar.model.language
        capacity = similar.model.capacity
    else:
        day = list(Weekday)[first.weekday()].value
        sessions = (SessionDraft(day, *DEFAULT_TIMES),)
        weeks = weeks or DEFAULT_WEEKS
        language = "fr" if model.country == "FR" else "en"
        capacity = DEFAULT_CAPACITY
    program_entry = checkout.dataset.programs.get(program)
    rooms = next(v.rooms for v in model.venues if v.id == venue)
    last = first + timedelta(weeks=weeks, days=-1)
    _refuse_when_all_closed(model, venue, first, last, sessions)
    last = _last_open_session(model, venue, first, last, sessions)
    return CohortDraft(
        id=cohort_id, antenna=antenna, program=program,
        program_name=program_entry.model.name.fr if program_entry else program,
        venue=venue, venues=tuple(v.id for v in model.venues), rooms=tuple(rooms),
        start=first, end=last, weeks=weeks,
        language=language, capacity=capacity, sessions=sessions,
        copied_from=similar.file if similar else None,
    )


def _refuse_when_all_closed(model: Antenna, venue: str, first: date, last: date,
                           sessions: tuple[SessionDraft, ...]) -> None:
    """A cohort whose every session falls on a holiday or a closure would be advertised
    with no session: say so before writing anything."""
    days = [day for s in sessions
            for day in planned_days(first, last, list(Weekday).index(Weekday(s.day)))]
    closed = closed_days(model, venue, first, last)
    if days and all(day in closed for day in days):
        reasons = sorted({closed[d].reason.fr if closed[d].reason else closed[d].holiday
                          for d in days})
        raise ScaffoldError("all_closed", start=first.isoformat(), end=last.isoformat(),
                            reasons=", ".join(reasons))


def _last_open_session(model: Antenna, venue: str, first: date, last: date,
                       sessions: tuple[SessionDraft, ...]) -> date:
    """The end a coordinator would write: the last session day of those weeks that is
    neither a holiday nor a closure (never a Sunday in the spring holidays, which the
    cohort page would print as its last day)."""
    days = sorted(day for s in sessions
                  for day in planned_days(first, last, list(Weekday).index(Weekday(s.day))))
    closed = closed_days(model, venue, first, last)
    open_days = [day for day in days if day not in closed]
    return open_days[-1] if open_days else last


def check_antenna_request(country: str, timezone: str) -> None:
    """Refuse a country whose public holidays are unknown, or a time zone that does not exist."""
    if subdivisions(country) is None:
        raise ScaffoldError("bad_country", value=country, suggestion=suggest(
            country.upper(), holidays.list_supported_countries()))
    if timezone not in available_timezones():
        raise ScaffoldError("bad_timezone", value=timezone,
                            suggestion=suggest(timezone, available_timezones()))


@dataclass(frozen=True)
class AntennaDraft:
    id: str
    country: str
    timezone: str
    since: int

    @property
    def path(self) -> str:
        return f"schedules/antennas/{self.id}.yml"


@dataclass(frozen=True)
class ClosureDraft:
    antenna: str
    start: date
    end: date
    venue: str | None
    reason: dict[str, str]
    """fr/en/ar; an empty text is a blank the coordinator fills (the validator says where)."""

    @property
    def path(self) -> str:
        return f"schedules/antennas/{self.antenna}.yml"


def closure_draft(checkout: Checkout, *, antenna: str, start: str, end: str,
                  venue: str | None = None, reason: dict[str, str] | None = None
                  ) -> ClosureDraft:
    model = antenna_model(checkout, antenna)
    first, last = parse_date(start), parse_date(end)
    if last < first:
        raise ScaffoldError("end_before_start", start=first.isoformat(), end=last.isoformat())
    if venue:
        require_venue(model, antenna, venue)
    reason = {lang: (reason or {}).get(lang) or "" for lang in ("fr", "en", "ar")}
    return ClosureDraft(antenna, first, last, venue, reason)
