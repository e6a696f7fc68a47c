"""Which mails are due: what each volunteer was last told, against today's occurrences.

Pure. A shift's ``State`` is what a volunteer needs to turn up (day, times, venue, room,
whether it happens); its ``version`` is a digest of that. What a person was last told is
the state of the last row recorded for them and that shift in ``Envois``: a mail, or the
``inscription`` row written the first time ``konexio notify`` saw their name on that shift
(no mail: what the sheet showed when they typed it is not news). A sign-up never seen
before is measured against the last state recorded for that shift (someone else on it, at
the previous run: what the sheet showed then), else against today's: so a person who
signed up on a row already showing "déplacée ... Salle 4" is never told "Salle 3 -> Salle
4", and a person seen at one run and cancelled at the next gets one notice.

Everything for one person in one run makes one ``Letter``: one mail, with one ``.ics`` for
the changes to their shifts; the day's reminders, stand-ins wanted (``standin``) and their
weekly digest (``digest``) join it. Two roles of one session are one line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from konexio.expand.occurrences import Occurrence
from konexio.feeds.events import sequence as feed_sequence
from konexio.model.dataset import Dataset
from konexio.notify.people import Matching, Row, SignUp
from konexio.shifts import Shift
from konexio.sync.roster import Volunteer

if TYPE_CHECKING:
    from konexio.notify.digest import Digest

SCHEDULED, CANCELLED, REMOVED = "scheduled", "cancelled", "removed"
WAITING = "waiting"
"""What a person on a shift's waiting list was told: nothing about the session yet."""
REMOVED_SEQUENCE = 3
"""Above any SEQUENCE the feeds ever gave the event (0 planned, 1 moved, 2 cancelled)."""


class Kind(StrEnum):
    cancelled = "cancelled"
    moved = "moved"
    removed = "removed"
    restored = "restored"
    reminder = "reminder"
    promoted = "promoted"
    """A place freed up: the first person waiting is now on the shift."""
    stand_in = "stand_in"
    """Someone cannot come: can this volunteer of the same role stand in?"""
    stand_in_late = "stand_in_late"
    """Someone cannot come and the stand-in deadline passed: to the antenna."""
    digest = "digest"
    """The weekly digest (``notify.digest``), once per person and week."""
    signup = "signup"
    """Not a mail: the ``inscription`` row of a sign-up first seen (what they knew)."""

    @property
    def notice(self) -> bool:
        return self not in (Kind.reminder, Kind.signup, Kind.stand_in, Kind.stand_in_late,
                            Kind.digest)

    @property
    def calendar(self) -> bool:
        """The mail carries the sessions' events (the person is on them)."""
        return self.notice

    @property
    def family(self) -> int:
        """Where its sessions come in a person's letter: what changed, then tomorrow, then
        stand-ins wanted."""
        if self.notice:
            return 0
        return 1 if self is Kind.reminder else 2


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


WAITING_STATE = State("", "", "", "", "", WAITING)


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
    if before.status == WAITING:
        return Kind.promoted
    if now.status == REMOVED:
        return Kind.removed
    if now.status == CANCELLED:
        return Kind.cancelled
    if before.status in (CANCELLED, REMOVED):
        return Kind.restored
    return Kind.moved


@dataclass(frozen=True)
class Letter:
    """One mail to one person: everything due to them in this run (the changes to their
    shifts, tomorrow's reminders, stand-ins wanted, their weekly digest). ``mails`` in sheet
    order, each shift once."""

    volunteer: Volunteer
    mails: tuple[Mail, ...]
    digest: Digest | None = None

    @property
    def kind(self) -> Kind:
        return self.mails[0].kind if self.mails else Kind.digest

    @property
    def reminder(self) -> bool:
        return bool(self.mails) and self.mails[0].kind is Kind.reminder

    @property
    def mixed(self) -> bool:
        """Several kinds of news in one mail (a change and a reminder, a stand-in wanted and
        the digest...): it says each block's kind and needs a subject of its own."""
        families = {mail.kind.family for mail in self.mails}
        return len(families) + (self.digest is not None) > 1

    @property
    def items(self) -> tuple[Mail | Digest, ...]:
        """What the journal records of it: one row per shift, and one for the digest."""
        return self.mails + ((self.digest,) if self.digest is not None else ())

    def sessions(self) -> list[tuple[Mail, ...]]:
        """The mails grouped by session (two roles of one session: one group), changes
        first, then reminders, then stand-ins wanted, each by day and time (a session
        moved to an earlier hour comes first, whatever its row in the sheet)."""
        groups: dict[tuple[int, str], list[Mail]] = {}
        for mail in self.mails:
            groups.setdefault((mail.kind.family, mail.occurrence_key), []).append(mail)
        return sorted((tuple(group) for group in groups.values()),
                      key=lambda g: (g[0].kind.family, g[0].now.date, g[0].now.start))

    def calendar_sessions(self) -> list[tuple[Mail, ...]]:
        """The sessions whose events the attached calendar updates."""
        return [group for group in self.sessions() if group[0].kind.calendar]


def together(letters) -> list[Letter]:
    """One letter per person (by address), in the order they first come: a person's
    notices, reminders, stand-ins wanted and digest in one mail."""
    merged: dict[str, Letter] = {}
    for letter in letters:
        key = letter.volunteer.email.casefold()
        found = merged.get(key)
        if found is None:
            merged[key] = letter
            continue
        volunteer = found.volunteer if found.volunteer.row >= 0 else letter.volunteer
        merged[key] = Letter(volunteer, found.mails + letter.mails,
                             found.digest or letter.digest)
    return list(merged.values())


@dataclass(frozen=True)
class Due:
    letters: tuple[Letter, ...]
    seen: tuple[Mail, ...]
    """Sign-ups seen for the first time (``Kind.signup``): recorded, never mailed."""

    @property
    def mails(self) -> list[Mail]:
        return [mail for letter in self.letters for mail in letter.mails]


def due(matching: Matching, shifts: dict[str, Shift], occurrences: dict[str, Occurrence],
        dataset: Dataset, antenna_of: dict[str, str], told, reminded, today: date,
        shift_told=lambda shift_id: None, queue: dict[SignUp, int] | None = None) -> Due:
    """Every mail due on ``today``, one letter per person (notices and reminders), each
    shift once, in sheet order.

    ``antenna_of`` maps worksheet titles to antenna ids; ``told(email, shift_id)`` gives
    the last ``Told`` recorded for that person (or None); ``shift_told(shift_id)`` the last
    recorded for anyone on that shift; ``reminded(email, shift_id, version)`` whether that
    reminder went out already; ``queue`` the sign-ups waiting (``people.waiting``): they
    hear nothing until a place frees up, then once that they are on the shift.
    """
    mails: dict[tuple, Mail] = {}
    seen: dict[tuple, Mail] = {}
    tomorrow = (today + timedelta(days=1)).isoformat()
    for item in matching.matched:
        volunteer, signup = item.volunteer, item.signup
        if not volunteer.reachable:
            continue  # reported with its cell by read_roster
        if signup.unavailable:
            continue  # « (empêché·e) »: a stand-in is sought (``standin``), they hear nothing
        shift = shifts.get(signup.shift_id)
        occurrence = occurrences.get(shift.occurrence) if shift else None
        if shift is not None and occurrence is not None:
            now = current_state(occurrence)
            antenna = shift.antenna
            seq_now = feed_sequence(occurrence)
        else:
            now = removed_state(signup.sheet)
            antenna = antenna_of.get(signup.title, "")
            seq_now = REMOVED_SEQUENCE
        relevant_now = now.date >= today.isoformat()
        last = told(volunteer.email, signup.shift_id)
        if queue and signup in queue:
            if last is None and relevant_now and occurrence is not None:
                seen.setdefault((signup.shift_id, volunteer.email.casefold()), Mail(
                    kind=Kind.signup, volunteer=volunteer, signup=signup, antenna=antenna,
                    shift=shift, occurrence=occurrence, before=WAITING_STATE,
                    now=WAITING_STATE, sequence=0))
            continue  # waiting: no notice, no reminder
        if last is not None and last.state.status == WAITING and now.status != SCHEDULED:
            continue  # a place on a session that no longer happens: nothing to tell
        if last is None:
            # First seen: what the sheet showed when they typed their name is what the
            # shift was at the last run (someone else's row), or what it is now.
            last = shift_told(signup.shift_id) or Told(now, seq_now)
            if relevant_now:
                record = Mail(kind=Kind.signup, volunteer=volunteer, signup=signup,
                              antenna=antenna, shift=shift, occurrence=occurrence,
                              before=last.state, now=last.state, sequence=last.sequence)
                seen.setdefault((signup.shift_id, volunteer.email.casefold()), record)
        relevant = max(now.date, last.state.date) >= today.isoformat()
        if relevant and last.state.version != now.version:
            mail = Mail(kind=kind_of(last.state, now), volunteer=volunteer, signup=signup,
                        antenna=antenna, shift=shift, occurrence=occurrence,
                        before=last.state, now=now,
                        # Above what this person's calendar holds, and never below the
                        # feeds' own value, so the attachment wins over the old event.
                        sequence=max(seq_now, last.sequence + 1))
            mails.setdefault(mail.key, mail)
            seen.pop((signup.shift_id, volunteer.email.casefold()), None)
        if (occurrence is not None and now.status == SCHEDULED and volunteer.reminders
                and now.date == tomorrow
                and not reminded(volunteer.email, signup.shift_id, now.version)):
            mail = Mail(kind=Kind.reminder, volunteer=volunteer, signup=signup,
                        antenna=antenna, shift=shift, occurrence=occurrence, before=now,
                        now=now, sequence=feed_sequence(occurrence))
            mails.setdefault(mail.key, mail)
    letters: dict[str, list[Mail]] = {}
    for mail in mails.values():
        letters.setdefault(mail.volunteer.email.casefold(), []).append(mail)
    return Due(tuple(Letter(group[0].volunteer, tuple(group)) for group in letters.values()),
               tuple(seen.values()))
