"""Which mails are due: what each volunteer was last told, against today's occurrences.

Pure. A shift's ``State`` is what a volunteer needs to turn up (day, times, venue, room,
whether it happens); its ``version`` is a digest of that. What a person was last told is
the state of the last mail recorded for them and that shift in ``Envois``; before any
mail, it is the session *as planned* (the cohort's weekly session), which is what they
signed up for unless the sheet already showed a change. So cancelling a session, running
``konexio sync`` then ``konexio notify`` finds the person told "planned" and the shift now
"cancelled": one notice. Run again, the record says "told: cancelled": nothing to send.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from konexio.expand.occurrences import Occurrence
from konexio.feeds.events import sequence as feed_sequence
from konexio.model.dataset import Dataset
from konexio.notify.people import Matching, Row, SignUp
from konexio.shifts import Shift
from konexio.sync.roster import Volunteer

SCHEDULED, CANCELLED, REMOVED = "scheduled", "cancelled", "removed"
REMOVED_SEQUENCE = 3
"""Above any SEQUENCE the feeds ever gave the event (0 planned, 1 moved, 2 cancelled)."""


class Kind(StrEnum):
    cancelled = "cancelled"
    moved = "moved"
    removed = "removed"
    restored = "restored"
    reminder = "reminder"

    @property
    def notice(self) -> bool:
        return self is not Kind.reminder


@dataclass(frozen=True)
class State:
    date: str
    start: str
    end: str
    venue: str
    room: str
    status: str

    @property
    def version(self) -> str:
        text = "|".join((self.date, self.start, self.end, self.venue, self.room, self.status))
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def current_state(occurrence: Occurrence) -> State:
    return State(occurrence.start.date().isoformat(), f"{occurrence.start:%H:%M}",
                 f"{occurrence.end:%H:%M}", occurrence.venue, occurrence.room or "",
                 CANCELLED if occurrence.cancelled else SCHEDULED)


def planned_state(occurrence: Occurrence, dataset: Dataset) -> State:
    """The session as its cohort's weekly session plans it (no date computed: the
    planned day and time are the occurrence's own)."""
    cohort = dataset.cohorts[occurrence.cohort].model
    for session in cohort.sessions:
        if session.day.index == occurrence.planned_date.weekday() \
                and session.start == occurrence.planned_start:
            return State(occurrence.planned_date.isoformat(), f"{session.start:%H:%M}",
                         f"{session.end:%H:%M}", cohort.venue, session.room or "", SCHEDULED)
    return current_state(occurrence)


def removed_state(row: Row, status: str = REMOVED) -> State:
    """A shift no longer in the data: only its row, as last synced, says when it was."""
    return State(row.date, row.start, row.end, row.place, "", status)


@dataclass(frozen=True)
class Told:
    state: State
    sequence: int


@dataclass(frozen=True)
class Mail:
    """One mail to send: a notice (before -> now) or a reminder (now)."""

    kind: Kind
    volunteer: Volunteer
    signup: SignUp
    antenna: str
    shift: Shift | None
    """None when the shift left the data."""
    occurrence: Occurrence | None
    before: State
    now: State
    sequence: int

    @property
    def shift_id(self) -> str:
        return self.signup.shift_id

    @property
    def occurrence_key(self) -> str:
        return self.shift_id.rsplit("/", 1)[0]

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.kind.value if self.kind is Kind.reminder else "notice", self.shift_id,
                self.volunteer.email.casefold(), self.now.version)


def kind_of(before: State, now: State) -> Kind:
    if now.status == REMOVED:
        return Kind.removed
    if now.status == CANCELLED:
        return Kind.cancelled
    if before.status in (CANCELLED, REMOVED):
        return Kind.restored
    return Kind.moved


def due(matching: Matching, shifts: dict[str, Shift], occurrences: dict[str, Occurrence],
        dataset: Dataset, antenna_of: dict[str, str], told, reminded, today: date) \
        -> list[Mail]:
    """Every mail due on ``today``, in sheet order, each once.

    ``antenna_of`` maps worksheet titles to antenna ids; ``told(email, shift_id)`` gives
    the last ``Told`` recorded (or None); ``reminded(email, shift_id, version)`` whether
    that reminder went out already.
    """
    mails: dict[tuple, Mail] = {}
    tomorrow = (today + timedelta(days=1)).isoformat()
    for item in matching.matched:
        volunteer, signup = item.volunteer, item.signup
        if not volunteer.reachable:
            continue  # reported with its cell by read_roster
        shift = shifts.get(signup.shift_id)
        occurrence = occurrences.get(shift.occurrence) if shift else None
        if shift is not None and occurrence is not None:
            now = current_state(occurrence)
            antenna = shift.antenna
            baseline = planned_state(occurrence, dataset)
            seq_now = feed_sequence(occurrence)
        else:
            now = removed_state(signup.sheet)
            antenna = antenna_of.get(signup.title, "")
            baseline = removed_state(signup.sheet, SCHEDULED)
            seq_now = REMOVED_SEQUENCE
        last = told(volunteer.email, signup.shift_id) or Told(baseline, 0)
        relevant = max(now.date, last.state.date) >= today.isoformat()
        if relevant and last.state.version != now.version:
            mail = Mail(kind=kind_of(last.state, now), volunteer=volunteer, signup=signup,
                        antenna=antenna, shift=shift, occurrence=occurrence,
                        before=last.state, now=now,
                        # Above what this person's calendar holds, and never below the
                        # feeds' own value, so the attachment wins over the old event.
                        sequence=max(seq_now, last.sequence + 1))
            mails.setdefault(mail.key, mail)
        if (occurrence is not None and now.status == SCHEDULED and volunteer.reminders
                and now.date == tomorrow
                and not reminded(volunteer.email, signup.shift_id, now.version)):
            mail = Mail(kind=Kind.reminder, volunteer=volunteer, signup=signup,
                        antenna=antenna, shift=shift, occurrence=occurrence, before=now,
                        now=now, sequence=feed_sequence(occurrence))
            mails.setdefault(mail.key, mail)
    return list(mails.values())
