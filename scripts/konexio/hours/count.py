"""Hours actually given: sign-ups x attendance marks x the schedule, counted.

Pure. A sign-up counts when its shift took place: it is in today's schedule, not cancelled,
and over (its end is before ``now``); its hours are the shift's own (a moved session counts
at its new time). Each person counts once per shift, however many cells hold their name.
Names are compared as the roster compares them (case, accents and spaces aside); a
pseudonym left by an erasure is a person like any other, so a forgotten person's past
hours stay counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from konexio.hours.attendance import Mark, Marks, State
from konexio.notify.people import SignUp
from konexio.shifts import Shift
from konexio.sync.layout import normalize

CENT = Decimal("0.01")


def hours_of(shift: Shift) -> Decimal:
    """The length of a shift in hours (``Decimal``, exact for whole minutes)."""
    return Decimal(int((shift.end - shift.start).total_seconds() // 60)) / 60


@dataclass(frozen=True)
class Given:
    """One person signed up on one shift that took place, and whether they came."""

    shift: Shift
    person: str
    """The name compared (``normalize``): the same person on every shift."""
    name: str
    """The name as first typed (for ``--per-person``, the coordinator's terminal)."""
    state: State
    cells: tuple[str, ...]
    marks: tuple[Mark, ...] = ()

    @property
    def hours(self) -> Decimal:
        return hours_of(self.shift) if self.state is State.present else Decimal(0)


@dataclass(frozen=True)
class Attendance:
    given: tuple[Given, ...]
    unused: tuple[Mark, ...] = ()
    """Marks that match no sign-up of a session that took place (a name mistyped, a
    session that did not happen)."""
    outside: tuple[str, ...] = ()
    """Cells of sign-ups on rows no longer in the schedule (``retirée``), not counted."""


def attendance(shifts: Iterable[Shift], signups: Iterable[SignUp], marks: Marks,
               now: datetime) -> Attendance:
    """Every sign-up of a shift that took place, with its state."""
    by_id = {shift.id: shift for shift in shifts}
    found: dict[tuple[str, str], Given] = {}
    outside: list[str] = []
    used: set[int] = set()
    for signup in signups:
        shift = by_id.get(signup.shift_id)
        if shift is None:
            if signup.sheet.date and signup.sheet.date < now.date().isoformat():
                outside.append(signup.position)
            continue
        if shift.cancelled or shift.end > now:
            continue
        person = normalize(signup.name)
        key = (shift.id, person)
        if key in found:
            earlier = found[key]
            found[key] = Given(shift, person, earlier.name, earlier.state,
                               earlier.cells + (signup.position,), earlier.marks)
            continue
        state, why = marks.of(shift.id, signup.name)
        if signup.unavailable and not why:
            state = State.excused  # « (empêché·e) » in the sign-up cell: said beforehand
        used.update(mark.row for mark in why)
        found[key] = Given(shift, person, signup.name, state, (signup.position,), why)
    unused = tuple(mark for mark in marks.marks if mark.row not in used)
    given = tuple(sorted(found.values(), key=lambda g: (g.shift.start, g.shift.id, g.person)))
    return Attendance(given, unused, tuple(outside))


@dataclass
class Line:
    """One antenna x role x month."""

    antenna: str
    role: str
    role_name: str
    month: str
    """``2026-11``."""
    sessions: set[str] = field(default_factory=set)
    hours: Decimal = Decimal(0)
    people: set[str] = field(default_factory=set)
    absent: int = 0
    excused: int = 0
    rate: Decimal | None = None

    @property
    def value(self) -> Decimal | None:
        if self.rate is None:
            return None
        return (self.hours * self.rate).quantize(CENT, ROUND_HALF_UP)


@dataclass
class Person:
    """One volunteer's total over the period (``--per-person`` only)."""

    name: str
    antennas: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    sessions: int = 0
    hours: Decimal = Decimal(0)
    value: Decimal = Decimal(0)
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True)
class Tally:
    start: date
    end: date
    lines: tuple[Line, ...]
    people: tuple[Person, ...]

    @property
    def hours(self) -> Decimal:
        return sum((line.hours for line in self.lines), Decimal(0))

    @property
    def value(self) -> Decimal:
        """The figure of accounts 864 and 875: valued hours (roles without a rate: 0)."""
        return sum((line.value or Decimal(0) for line in self.lines), Decimal(0))

    @property
    def unvalued(self) -> tuple[str, ...]:
        """Roles whose hours have no rate in the data."""
        return tuple(sorted({line.role_name for line in self.lines
                             if line.rate is None and line.hours}))


def within(given: Iterable[Given], start: date, end: date,
           antennas: set[str] | None = None) -> list[Given]:
    """What took place from ``start`` to ``end`` (both included), in ``antennas``."""
    return [g for g in given if start <= g.shift.start.date() <= end
            and (antennas is None or g.shift.antenna in antennas)]


def tally(given: Iterable[Given], start: date, end: date, rates: dict[str, Decimal | None],
          antennas: set[str] | None = None) -> Tally:
    """Per antenna x role x month, and per person, from ``start`` to ``end``."""
    lines: dict[tuple[str, str, str], Line] = {}
    people: dict[str, Person] = {}
    for item in within(given, start, end, antennas):
        shift = item.shift
        month = f"{shift.start:%Y-%m}"
        line = lines.setdefault((shift.antenna, shift.role, month), Line(
            shift.antenna, shift.role, shift.role_name, month, rate=rates.get(shift.role)))
        if item.state is State.absent:
            line.absent += 1
            continue
        if item.state is State.excused:
            line.excused += 1
            continue
        line.sessions.add(shift.occurrence)
        line.hours += item.hours
        line.people.add(item.person)
        person = people.setdefault(item.person, Person(item.name))
        person.antennas.add(shift.antenna)
        person.roles.add(shift.role_name)
        person.sessions += 1
        person.hours += item.hours
        rate = rates.get(shift.role)
        if rate is not None:
            person.value += (item.hours * rate).quantize(CENT, ROUND_HALF_UP)
        day = shift.start.date()
        person.first = min(person.first or day, day)
        person.last = max(person.last or day, day)
    ordered = tuple(lines[key] for key in sorted(lines, key=lambda k: (k[0], k[2], k[1])))
    return Tally(start, end, ordered,
                 tuple(sorted(people.values(), key=lambda p: normalize(p.name))))


def no_shows(given: Iterable[Given], since: date, until: date, at_least: int = 2) \
        -> list[tuple[str, list[Given]]]:
    """People marked ``absent`` (without excuse) on ``at_least`` sessions or more between
    ``since`` and ``until``: (name as typed, those sign-ups), most absences first."""
    missed: dict[str, list[Given]] = {}
    for item in given:
        if item.state is State.absent and since <= item.shift.start.date() <= until:
            missed.setdefault(item.person, []).append(item)
    found = []
    for items in missed.values():
        sessions = {item.shift.occurrence for item in items}
        if len(sessions) >= at_least:
            found.append((items[0].name, items))
    return sorted(found, key=lambda entry: (-len({i.shift.occurrence for i in entry[1]}),
                                            normalize(entry[0])))


def yearly_hours(given: Iterable[Given], years: Iterable[int]) -> dict[str, dict[str, int]]:
    """Antenna id -> year -> hours given (present only), rounded to the nearest ten: what
    the public impact page shows; no names, no figure small enough to point at someone."""
    wanted = set(years)
    totals: dict[str, dict[int, Decimal]] = {}
    for item in given:
        year = item.shift.start.year
        if year in wanted and item.state is State.present:
            by_year = totals.setdefault(item.shift.antenna, {})
            by_year[year] = by_year.get(year, Decimal(0)) + item.hours
    return {antenna: {str(year): int((hours / 10).quantize(Decimal(1), ROUND_HALF_UP)) * 10
                      for year, hours in sorted(by_year.items())}
            for antenna, by_year in sorted(totals.items())}
