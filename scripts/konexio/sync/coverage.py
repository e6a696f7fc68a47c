"""Reading sign-ups back: shifts still short of people, and people booked twice at once.

Pure: worksheet snapshots and shifts in, a ``Coverage`` out. Names stay in memory and on the
coordinator's terminal; what the public site gets is ``open_slots``, counts only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from konexio.shifts import Shift
from konexio.sync.layout import ID, is_signup, split_mark
from konexio.sync.plan import WorksheetSnapshot


@dataclass(frozen=True)
class OpenShift:
    shift: Shift
    filled: int

    @property
    def open(self) -> int:
        return max(0, self.shift.needed - self.filled)


@dataclass(frozen=True)
class Overlap:
    """One person signed up for two shifts that overlap in time."""

    name: str
    first: Shift
    second: Shift


@dataclass(frozen=True)
class Coverage:
    open: tuple[OpenShift, ...]
    """Shifts of the window still needing people, soonest first."""
    overlaps: tuple[Overlap, ...]
    open_slots: dict[str, int]
    """Every upcoming, not cancelled shift id -> people still needed (no names)."""
    waiting: tuple[tuple[Shift, int], ...] = ()
    """Shifts of the window with names typed beyond their capacity: how many wait."""


def signups(snapshot: WorksheetSnapshot) -> dict[str, list[str]]:
    """Shift id -> the names typed in its sign-up columns (every row bearing that id)."""
    header = snapshot.header
    if ID not in header:
        return {}
    id_col = header.index(ID)
    columns = [col for col, label in enumerate(header) if is_signup(label)]
    found: dict[str, list[str]] = {}
    for row in range(1, len(snapshot.rows)):
        ident = snapshot.cell(row, id_col).strip()
        if ident:
            names = [split_mark(snapshot.cell(row, col)) for col in columns]
            # A name marked "(empêché·e)" cannot come: its place is open again.
            found.setdefault(ident, []).extend(name for name, away in names
                                               if name and not away)
    return found


def coverage(snapshots: list[WorksheetSnapshot], shifts: tuple[Shift, ...], now: datetime,
             weeks: int) -> Coverage:
    """What is still open in the next ``weeks`` weeks, and who is booked twice at once."""
    names: dict[str, list[str]] = {}
    for snapshot in snapshots:
        for ident, found in signups(snapshot).items():
            names.setdefault(ident, []).extend(found)
    upcoming = sorted((s for s in shifts if not s.cancelled and s.start >= now),
                      key=lambda s: (s.start, s.id))
    horizon = now + timedelta(weeks=weeks)
    window = [s for s in upcoming if s.start < horizon]
    open_shifts = tuple(OpenShift(s, len(names.get(s.id, []))) for s in window
                        if len(names.get(s.id, [])) < s.needed)
    slots = {s.id: max(0, s.needed - len(names.get(s.id, []))) for s in upcoming}

    booked: dict[str, list[tuple[str, Shift]]] = {}
    for shift in window:
        for name in names.get(shift.id, []):
            booked.setdefault(name.casefold(), []).append((name, shift))
    overlaps = []
    for entries in booked.values():
        for i, (name, first) in enumerate(entries):
            for _, second in entries[i + 1:]:
                if first.start < second.end and second.start < first.end:
                    overlaps.append(Overlap(name, first, second))
    waiting = tuple((s, len(names[s.id]) - s.needed) for s in window
                    if len(names.get(s.id, [])) > s.needed)
    return Coverage(open_shifts, tuple(overlaps), slots, waiting)
