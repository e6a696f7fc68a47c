"""Step 4: cohorts x weekly sessions - holidays - closures +/- one-off changes = occurrences.

This is the one place where dates are computed. Pages, feeds and shift sheets all take the
occurrences made here, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from zoneinfo import ZoneInfo

from konexio.expand.closed_days import ClosedDay, closed_days
from konexio.model.cohort import Cancellation, Move
from konexio.model.dataset import CohortEntry, Dataset
from konexio.model.types import Text


class OccurrenceStatus(StrEnum):
    scheduled = "scheduled"
    cancelled = "cancelled"


@dataclass(frozen=True)
class Occurrence:
    """One dated session of one cohort, in the antenna's time zone."""

    cohort: str
    program: str
    antenna: str
    venue: str
    room: str | None
    planned_date: date
    planned_start: time
    """With the cohort, what the session *is*: it identifies it even after a move."""
    start: datetime
    end: datetime
    status: OccurrenceStatus
    moved: bool = False
    reason: Text | None = None
    source: tuple[str | int, ...] = ()
    """Path, in the cohort's file, of the weekly session (or of the move) that made it."""

    @property
    def key(self) -> str:
        """Stable identity, independent of the order of files, sessions or changes."""
        return f"{self.cohort}/{self.planned_date.isoformat()}/{self.planned_start:%H%M}"

    @property
    def cancelled(self) -> bool:
        return self.status is OccurrenceStatus.cancelled


@dataclass(frozen=True)
class SkippedDay:
    """A planned session day that holds no class because the venue is closed."""

    cohort: str
    day: date
    closed: ClosedDay


@dataclass(frozen=True)
class Schedule:
    """The expansion of the whole dataset, sorted by start time then cohort."""

    occurrences: tuple[Occurrence, ...]
    skipped: tuple[SkippedDay, ...]

    def of_cohort(self, cohort_id: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.cohort == cohort_id]

    @cached_property
    def span(self) -> tuple[datetime, datetime] | None:
        """First start and last end of all occurrences (None when there are none); computed
        once, since every feed asks for it."""
        if not self.occurrences:
            return None
        return min(o.start for o in self.occurrences), max(o.end for o in self.occurrences)


def days_held(occurrences) -> tuple[date, date] | None:
    """The first and the last day a session of these takes place, in the antenna's own
    calendar (cancelled sessions left out; a moved one counts on its new day): what "from
    ... to ..." says above a list of sessions, so the two cannot disagree. None when no
    session takes place."""
    days = [o.start.date() for o in occurrences if not o.cancelled]
    return (min(days), max(days)) if days else None


def local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The aware datetime of a wall-clock time (the earlier one when the clock repeats)."""
    return datetime.combine(day, clock, tzinfo=zone)


def planned_days(start: date, end: date, weekday: int) -> list[date]:
    """Every date with ``weekday`` (0 = Monday) from ``start`` to ``end`` included."""
    first = start + timedelta(days=(weekday - start.weekday()) % 7)
    return [first + timedelta(weeks=n) for n in range((end - first).days // 7 + 1)] \
        if first <= end else []


def moved_times(move: Move, start: time, end: time) -> tuple[time, time]:
    """Start and end of a moved session: a new start alone keeps the session's length (a
    two-hour class moved to 10:00 ends at 12:00, not at its old end)."""
    new_start = move.to_start or start
    if move.to_end is not None:
        return new_start, move.to_end
    if move.to_start is None:
        return start, end
    length = datetime.combine(date.min, end) - datetime.combine(date.min, start)
    shifted = datetime.combine(date.min, new_start) + length
    # A length that would run past midnight is kept as the old end: the check refuses it.
    return (new_start, shifted.time()) if shifted.date() == date.min else (new_start, end)


def _change_for(changes: list[Cancellation] | list[Move], day: date, clock: time):
    """The change aimed at the session planned on ``day`` at ``clock``, with its index.

    A change without ``start`` aims at every session of that day; validation refuses it when
    the day has two sessions, so here it can only mean one.
    """
    for index, change in enumerate(changes):
        if change.date == day and change.start in (None, clock):
            return index, change
    return None, None


def expand_cohort(
    dataset: Dataset, entry: CohortEntry
) -> tuple[list[Occurrence], list[SkippedDay]]:
    """The occurrences of one cohort and the planned days it loses to closures."""
    cohort = entry.model
    antenna = dataset.antennas[entry.antenna].model
    zone = ZoneInfo(antenna.timezone)
    closed = closed_days(antenna, cohort.venue, cohort.start, cohort.end)
    occurrences: list[Occurrence] = []
    skipped: list[SkippedDay] = []
    for s_index, session in enumerate(cohort.sessions):
        for day in planned_days(cohort.start, cohort.end, session.day.index):
            if day in closed:
                skipped.append(SkippedDay(entry.id, day, closed[day]))
                continue
            base = dict(
                cohort=entry.id, program=cohort.program, antenna=entry.antenna,
                venue=cohort.venue, planned_date=day, planned_start=session.start,
            )
            c_index, cancel = _change_for(cohort.cancelled, day, session.start)
            m_index, move = _change_for(cohort.moved, day, session.start)
            if isinstance(cancel, Cancellation):
                occurrences.append(Occurrence(
                    **base, room=session.room,
                    start=local(day, session.start, zone), end=local(day, session.end, zone),
                    status=OccurrenceStatus.cancelled, moved=False, reason=cancel.reason,
                    source=("cancelled", c_index),
                ))
            elif isinstance(move, Move):
                new_day = move.to_date or day
                new_start, new_end = moved_times(move, session.start, session.end)
                occurrences.append(Occurrence(
                    **base, room=move.to_room or session.room,
                    start=local(new_day, new_start, zone),
                    end=local(new_day, new_end, zone),
                    status=OccurrenceStatus.scheduled, moved=True, reason=move.reason,
                    source=("moved", m_index),
                ))
            else:
                occurrences.append(Occurrence(
                    **base, room=session.room,
                    start=local(day, session.start, zone), end=local(day, session.end, zone),
                    status=OccurrenceStatus.scheduled, source=("sessions", s_index),
                ))
    return occurrences, skipped


def expand(dataset: Dataset) -> Schedule:
    """Expand every cohort of a valid dataset, once, for every output."""
    occurrences: list[Occurrence] = []
    skipped: list[SkippedDay] = []
    for entry in dataset.cohorts.values():
        made, lost = expand_cohort(dataset, entry)
        occurrences += made
        skipped += lost
    occurrences.sort(key=lambda o: (o.start, o.cohort, o.planned_date, o.planned_start))
    skipped.sort(key=lambda s: (s.day, s.cohort))
    return Schedule(tuple(occurrences), tuple(skipped))
