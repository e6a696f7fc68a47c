"""Compare two expansions of the data: the sessions and shifts a change adds, removes,
cancels or moves, cohort by cohort.

Pure: two ``Side`` values (a valid dataset with its schedule) in, a ``Comparison`` out.
Sessions are matched by ``Occurrence.key`` (cohort, planned day, planned time), the same
identity the feeds' UIDs and the sheets' row ids use, so a move is seen as a move and
not as one session removed and another added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from konexio.expand.closed_days import ClosedDay
from konexio.expand.occurrences import Occurrence, Schedule
from konexio.model.dataset import CohortEntry, Dataset
from konexio.model.types import Text
from konexio.shifts import Shift, shifts


@dataclass(frozen=True)
class Side:
    """One valid checkout: its data and the occurrences expanded from it."""

    dataset: Dataset
    schedule: Schedule

    def shifts(self) -> tuple[Shift, ...]:
        return shifts(self.dataset, self.schedule)


@dataclass(frozen=True)
class Moved:
    before: Occurrence
    after: Occurrence


@dataclass(frozen=True)
class Removed:
    occurrence: Occurrence
    closure: ClosedDay | None = None
    """The closure (or public holiday) that now takes the day, if any."""


@dataclass(frozen=True)
class ShiftCount:
    """Shifts of one role that appear (or disappear) in one cohort."""

    role: str
    role_name: str
    count: int
    names: Text | None = None
    """The role's name in every language (``role_name`` is the French one)."""


@dataclass(frozen=True)
class Weekly:
    """One weekly session as the cohort's file gives it."""

    weekday: int
    start: str
    end: str
    room: str | None


@dataclass(frozen=True)
class Outline:
    """What a reviewer checks of a cohort that appears or goes: what, where, which days and
    hours, from when to when, how many sessions, and its own moves and cancellations."""

    program: Text | None
    program_id: str
    venue: Text | None
    venue_id: str
    language: str
    capacity: int
    status: str
    weekly: tuple[Weekly, ...]
    first: Occurrence | None
    last: Occurrence | None
    cancelled: tuple[Occurrence, ...] = ()
    moved: tuple[Occurrence, ...] = ()


@dataclass(frozen=True)
class CohortChange:
    cohort: str
    antenna: str
    timezone: str
    kind: str
    """``new``, ``removed`` or ``changed``."""
    added: tuple[Occurrence, ...] = ()
    removed: tuple[Removed, ...] = ()
    cancelled: tuple[Occurrence, ...] = ()
    restored: tuple[Occurrence, ...] = ()
    """Sessions that were cancelled and take place again."""
    moved: tuple[Moved, ...] = ()
    status: tuple[str, str] | None = None
    capacity: tuple[int, int] | None = None
    shifts_added: tuple[ShiftCount, ...] = ()
    shifts_removed: tuple[ShiftCount, ...] = ()
    sessions: int = 0
    """Sessions of a new cohort (or of a removed one), cancelled ones left out."""
    outline: Outline | None = None
    """For a new or a removed cohort, what it is (or was)."""

    @property
    def touches_sessions(self) -> bool:
        return bool(self.kind != "changed" or self.added or self.removed or self.cancelled
                    or self.restored or self.moved)


@dataclass(frozen=True)
class Totals:
    cohorts: int = 0
    new_cohorts: int = 0
    removed_cohorts: int = 0
    added: int = 0
    removed: int = 0
    cancelled: int = 0
    restored: int = 0
    moved: int = 0
    shifts_added: int = 0
    shifts_removed: int = 0


@dataclass(frozen=True)
class Comparison:
    cohorts: tuple[CohortChange, ...] = field(default_factory=tuple)
    """Every cohort with a change, in id order."""

    @property
    def totals(self) -> Totals:
        c = self.cohorts
        return Totals(
            cohorts=len(c),
            new_cohorts=sum(x.kind == "new" for x in c),
            removed_cohorts=sum(x.kind == "removed" for x in c),
            added=sum(len(x.added) for x in c),
            removed=sum(len(x.removed) for x in c),
            cancelled=sum(len(x.cancelled) for x in c),
            restored=sum(len(x.restored) for x in c),
            moved=sum(len(x.moved) for x in c),
            shifts_added=sum(s.count for x in c for s in x.shifts_added),
            shifts_removed=sum(s.count for x in c for s in x.shifts_removed),
        )

    @property
    def touches_sessions(self) -> bool:
        return any(c.touches_sessions for c in self.cohorts)


def _same_session(a: Occurrence, b: Occurrence) -> bool:
    return (a.start, a.end, a.room) == (b.start, b.end, b.room)


@dataclass(frozen=True)
class _Index:
    """One side grouped by cohort once, so comparing stays linear in the data's size."""

    side: Side
    occurrences: dict[str, dict[str, Occurrence]]
    shifts: dict[str, dict[str, Shift]]
    """Shifts someone may still sign up for: a cancelled session's shift is no shift."""
    closed: dict[str, dict[date, ClosedDay]]
    """Planned days each cohort loses to a closure or a public holiday, with the reason."""

    @classmethod
    def of(cls, side: Side) -> _Index:
        occurrences: dict[str, dict[str, Occurrence]] = {}
        for o in side.schedule.occurrences:
            occurrences.setdefault(o.cohort, {})[o.key] = o
        active: dict[str, dict[str, Shift]] = {}
        for s in side.shifts():
            if not s.cancelled:
                active.setdefault(s.cohort, {})[s.id] = s
        closed: dict[str, dict[date, ClosedDay]] = {}
        for skipped in side.schedule.skipped:
            closed.setdefault(skipped.cohort, {})[skipped.day] = skipped.closed
        return cls(side, occurrences, active, closed)


def _count_by_role(found: list[Shift], dataset: Dataset) -> tuple[ShiftCount, ...]:
    names = {r.id: r.name for r in dataset.roles.model.roles} if dataset.roles else {}
    counts: dict[str, ShiftCount] = {}
    for s in found:
        old = counts.get(s.role)
        counts[s.role] = ShiftCount(s.role, s.role_name, (old.count if old else 0) + 1,
                                    names.get(s.role))
    return tuple(counts[r] for r in sorted(counts))


def _outline(entry: CohortEntry, side: Side, held: dict[str, Occurrence]) -> Outline:
    """The outline of ``entry``'s cohort on ``side``, from the same occurrences as the
    site's: first and last are sessions that take place, moves included."""
    cohort = entry.model
    program = side.dataset.programs.get(cohort.program)
    antenna = side.dataset.antennas.get(entry.antenna)
    venue = antenna.model.venue(cohort.venue) if antenna else None
    ordered = sorted(held.values(), key=lambda o: o.start)
    taking_place = [o for o in ordered if not o.cancelled]
    weekly = tuple(Weekly(s.day.index, f"{s.start:%H:%M}", f"{s.end:%H:%M}", s.room)
                   for s in sorted(cohort.sessions, key=lambda s: (s.day.index, str(s.start))))
    return Outline(
        program=program.model.name if program else None, program_id=cohort.program,
        venue=venue.name if venue else None, venue_id=cohort.venue,
        language=cohort.language, capacity=cohort.capacity, status=str(cohort.status),
        weekly=weekly,
        first=taking_place[0] if taking_place else None,
        last=taking_place[-1] if taking_place else None,
        cancelled=tuple(o for o in ordered if o.cancelled),
        moved=tuple(o for o in ordered if o.moved and not o.cancelled))


def _cohort_change(cohort: str, before: _Index, after: _Index) -> CohortChange | None:
    old_entry = before.side.dataset.cohorts.get(cohort)
    new_entry = after.side.dataset.cohorts.get(cohort)
    entry = new_entry or old_entry
    side = after.side if new_entry else before.side
    timezone = side.dataset.antennas[entry.antenna].model.timezone
    old = before.occurrences.get(cohort, {})
    new = after.occurrences.get(cohort, {})

    old_shifts = before.shifts.get(cohort, {})
    new_shifts = after.shifts.get(cohort, {})
    shifts_added = _count_by_role([s for i, s in new_shifts.items() if i not in old_shifts],
                                  after.side.dataset)
    shifts_removed = _count_by_role([s for i, s in old_shifts.items() if i not in new_shifts],
                                    before.side.dataset)

    if old_entry is None or new_entry is None:
        kind = "new" if old_entry is None else "removed"
        held = new if kind == "new" else old
        return CohortChange(cohort, entry.antenna, timezone, kind,
                            sessions=sum(not o.cancelled for o in held.values()),
                            shifts_added=shifts_added, shifts_removed=shifts_removed,
                            outline=_outline(entry, side, held))

    closures = after.closed.get(cohort, {})
    ordered = sorted(set(old) | set(new), key=lambda k: (new.get(k) or old[k]).start)
    added, removed, cancelled, restored, moved = [], [], [], [], []
    for key in ordered:
        a, b = old.get(key), new.get(key)
        if a is None:
            (cancelled if b.cancelled else added).append(b)
        elif b is None:
            removed.append(Removed(a, closures.get(a.planned_date)))
        elif b.cancelled and not a.cancelled:
            cancelled.append(b)
        elif a.cancelled and not b.cancelled:
            restored.append(b)
        elif not b.cancelled and not _same_session(a, b):
            moved.append(Moved(a, b))

    old_model, new_model = old_entry.model, new_entry.model
    status = ((str(old_model.status), str(new_model.status))
              if old_model.status != new_model.status else None)
    capacity = ((old_model.capacity, new_model.capacity)
                if old_model.capacity != new_model.capacity else None)
    change = CohortChange(cohort, entry.antenna, timezone, "changed",
                          added=tuple(added), removed=tuple(removed),
                          cancelled=tuple(cancelled), restored=tuple(restored),
                          moved=tuple(moved), status=status, capacity=capacity,
                          shifts_added=shifts_added, shifts_removed=shifts_removed)
    if change.touches_sessions or status or capacity or shifts_added or shifts_removed:
        return change
    return None


def compare(before: Side, after: Side) -> Comparison:
    """Every cohort whose sessions, status, capacity or shifts differ, in id order."""
    old, new = _Index.of(before), _Index.of(after)
    ids = sorted(set(before.dataset.cohorts) | set(after.dataset.cohorts))
    found = [_cohort_change(c, old, new) for c in ids]
    return Comparison(tuple(c for c in found if c is not None))
