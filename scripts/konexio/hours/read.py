"""Reading the sheets for the hours: sign-ups, rosters and attendance marks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from konexio.hours.attendance import Marks, read_marks
from konexio.hours.count import Attendance, attendance
from konexio.i18n import Message
from konexio.notify.people import SignUp, read_signups
from konexio.shifts import Shift
from konexio.sync.backend import Backend
from konexio.sync.roster import ROSTER, Roster, read_roster
from konexio.sync.words import PRESENCES


@dataclass
class People:
    """What the sheets say about who came, for every target read."""

    signups: list[SignUp] = field(default_factory=list)
    rosters: list[Roster] = field(default_factory=list)
    marks: Marks = field(default_factory=Marks)
    problems: list[Message] = field(default_factory=list)

    def attendance(self, shifts: tuple[Shift, ...], now: datetime) -> Attendance:
        return attendance(shifts, self.signups, self.marks, now)


def read(backend: Backend, titles: dict[str, str], antennas: set[str] | None = None) -> People:
    """Sign-ups, rosters and attendance marks of every sign-up and people place (of
    ``antennas`` only, when given). Each target's marks apply to its own sign-ups; a
    network with several people spreadsheets has its marks merged (a mark names a shift
    id, unique across antennas)."""
    wanted = {a: t for a, t in titles.items() if antennas is None or a in antennas}
    people = People()
    marks: list[Marks] = []
    for target in backend.targets(wanted, {}):
        found = backend.read(replace(target, extra=(ROSTER, PRESENCES)))
        people.rosters.append(read_roster(found.snapshots[ROSTER]))
        read_back = read_marks(found.snapshots[PRESENCES])
        marks.append(read_back)
        people.problems += read_back.problems
        for title in target.titles.values():
            people.signups += read_signups(found.snapshots[title])
    merged: dict = {}
    for one in marks:
        for key, found in one.by_key.items():
            merged.setdefault(key, []).extend(found)
    people.marks = Marks(tuple(m for one in marks for m in one.marks), by_key=merged)
    return people
