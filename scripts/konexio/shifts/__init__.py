"""Step 5c: shifts, one per occurrence and per volunteer role it needs.

Pure: occurrences and the roles each cohort needs in, ``Shift`` rows out. Dates come from
``Schedule.occurrences`` only; this module formats them, it never computes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from konexio.expand.occurrences import Occurrence, Schedule
from konexio.model.dataset import Dataset
from konexio.sync.words import WEEKDAYS


class ShiftStatus(StrEnum):
    scheduled = "scheduled"
    moved = "moved"
    cancelled = "cancelled"


@dataclass(frozen=True, kw_only=True)
class Shift:
    """One role to fill at one session."""

    id: str
    """``<occurrence key>/<role id>``: what the shift is, so it survives moves and re-sorts."""
    occurrence: str
    start: datetime
    end: datetime
    antenna: str
    venue: str
    """The venue's French name, with the room when there is one."""
    program: str
    cohort: str
    role: str
    role_name: str
    needed: int
    status: ShiftStatus
    reason: str = ""

    @property
    def weekday(self) -> str:
        """In the sheets' language (``jeudi``): the shift sheets show it beside the date."""
        return WEEKDAYS[self.start.weekday()]

    @property
    def cancelled(self) -> bool:
        return self.status is ShiftStatus.cancelled


def shift_id(occurrence: Occurrence, role: str) -> str:
    """Readable and collision-free: occurrence keys are unique and role ids hold no '/'."""
    return f"{occurrence.key}/{role}"


def _status(occurrence: Occurrence) -> ShiftStatus:
    if occurrence.cancelled:
        return ShiftStatus.cancelled
    return ShiftStatus.moved if occurrence.moved else ShiftStatus.scheduled


def shifts(dataset: Dataset, schedule: Schedule) -> tuple[Shift, ...]:
    """Every shift of the schedule, in the schedule's order, roles in ``needs`` order."""
    roles = {role.id: role for role in dataset.roles.model.roles} if dataset.roles else {}
    made: list[Shift] = []
    for occurrence in schedule.occurrences:
        antenna = dataset.antennas[occurrence.antenna].model
        venue = antenna.venue(occurrence.venue)
        place = venue.name.fr if venue else occurrence.venue
        if occurrence.room:
            place = f"{place} — {occurrence.room}"
        program = dataset.programs[occurrence.program].model.name.fr
        for role, count in dataset.needs(occurrence.cohort).items():
            made.append(Shift(
                id=shift_id(occurrence, role), occurrence=occurrence.key,
                start=occurrence.start, end=occurrence.end,
                antenna=occurrence.antenna, venue=place, program=program,
                cohort=occurrence.cohort, role=role,
                role_name=roles[role].name.fr if role in roles else role,
                needed=count, status=_status(occurrence),
                reason=occurrence.reason.fr if occurrence.reason else "",
            ))
    return tuple(made)


def by_antenna(all_shifts: tuple[Shift, ...]) -> dict[str, tuple[Shift, ...]]:
    """Shifts grouped by antenna id (one worksheet each), order kept."""
    grouped: dict[str, list[Shift]] = {}
    for shift in all_shifts:
        grouped.setdefault(shift.antenna, []).append(shift)
    return {antenna: tuple(group) for antenna, group in grouped.items()}
