"""Erasure and retention: what is removed or replaced by a pseudonym, decided purely.

Two uses of the same cell rules, both applied through a sync's own writes (so rows are
found by id and read back, as any write of the sync):

- ``konexio forget "<name or e-mail>"``: the person's roster row is cleared (their token
  with it: their calendar disappears at the next publication); their name leaves the
  sign-ups of sessions to come (the place is free again) and is replaced by a pseudonym in
  past ones, so counts of hours stay true; their address in the journal is replaced by the
  same pseudonym (what was sent stays recorded: a mail is still never sent twice), and so
  is their name in the attendance marks (``Présences``), so their past hours, absences
  included, stay counted under the pseudonym;
- retention, at every sync: names in sign-ups and attendance marks of sessions older than
  the retention period and addresses in journal rows older than it are replaced by
  pseudonyms; roster rows of people with no sign-up in that time are listed (positions
  only) for a coordinator to confirm with ``forget``.

A pseudonym is ``anonyme-`` and eight hex digits of a SHA-256: of the person's calendar
token when the roster has one (192 random bits: nobody can go back from the pseudonym to
the person), else of the name as typed, normalized. The same person gets the same
pseudonym in every cell and every run, so running either twice changes nothing more.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from konexio.notify.people import read_signups
from konexio.sync import words
from konexio.sync.layout import normalize
from konexio.sync.plan import CellWrite, WorksheetSnapshot
from konexio.sync.roster import (
    RECORDS,
    ROSTER,
    Roster,
    SheetEdit,
    Volunteer,
    key_columns,
    record_columns,
    valid_token,
)

_PSEUDONYM = re.compile(r"^anonyme-[0-9a-f]{8}$")


def pseudonym(seed: str) -> str:
    """``anonyme-3f9a1c2b``: stable for a seed, and no way back to it."""
    return "anonyme-" + hashlib.sha256(f"konexio-pseudonym:{seed}".encode()).hexdigest()[:8]


def is_pseudonym(text: str) -> bool:
    return bool(_PSEUDONYM.match(text.strip()))


def seed_of(volunteer: Volunteer | None, typed_name: str) -> str:
    """What a person's pseudonym is made from: their token, else their name as typed."""
    if volunteer is not None and valid_token(volunteer.token):
        return volunteer.token
    return "name:" + normalize(typed_name)


@dataclass(frozen=True)
class Changed:
    """One cell changed, for the coordinator (a position, never what it held)."""

    title: str
    row: int
    col: int
    why: str
    """``past``, ``future``, ``journal``, ``roster`` or ``retention``."""


@dataclass
class Erasure:
    """The writes of one target: into shift worksheets (by title) and the people place."""

    shift_writes: dict[str, list[CellWrite]] = field(default_factory=dict)
    people_edits: list[SheetEdit] = field(default_factory=list)
    cleared_rows: set[int] = field(default_factory=set)
    """Roster rows cleared: no token is written there."""
    changed: list[Changed] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    """Roster rows (0-based) of people with no sign-up within the retention period."""

    @property
    def empty(self) -> bool:
        return not (self.shift_writes or self.people_edits)


def _signup_cells(snapshot: WorksheetSnapshot) -> Iterable[tuple[int, int, str, str]]:
    """(row, col, name typed, ISO date of the session) of every non-empty sign-up cell."""
    for signup in read_signups(snapshot):
        yield signup.row, signup.col, signup.name, signup.sheet.date


def _roster_by_name(roster: Roster) -> dict[str, Volunteer]:
    found: dict[str, list[Volunteer]] = {}
    for volunteer in roster.volunteers:
        if volunteer.name:
            found.setdefault(normalize(volunteer.name), []).append(volunteer)
    return {name: people[0] for name, people in found.items() if len(people) == 1}


def find(roster: Roster, who: str) -> list[Volunteer]:
    """Roster rows whose name (case, accents and spaces aside) or e-mail is ``who``."""
    wanted = who.strip()
    return [v for v in roster.volunteers
            if (v.name and normalize(v.name) == normalize(wanted))
            or (v.email and v.email.strip().casefold() == wanted.casefold())]


def _journal_writes(snapshot: WorksheetSnapshot, replace, erasure: Erasure, why: str) -> None:
    """Replace the recipient of journal rows for which ``replace(row, address, stamp)``
    gives a pseudonym."""
    if not snapshot.exists or not snapshot.rows:
        return
    at = record_columns(snapshot.header)
    if words.RECIPIENT not in at:
        return
    col = at[words.RECIPIENT]
    writes = []
    for row in range(1, len(snapshot.rows)):
        address = snapshot.cell(row, col).strip()
        if not address or is_pseudonym(address):
            continue
        stamp = snapshot.cell(row, at[words.STAMP]).strip() if words.STAMP in at else ""
        new = replace(row, address, stamp)
        if new is not None:
            writes.append(CellWrite(row, col, new))
            erasure.changed.append(Changed(RECORDS, row, col, why))
    if writes:
        erasure.people_edits.append(SheetEdit(RECORDS, writes=tuple(writes)))


_DAY = re.compile(r"/(\d{4}-\d{2}-\d{2})(?:/|$)")


def _marks_writes(snapshot: WorksheetSnapshot, replace, erasure: Erasure, why: str) -> None:
    """Replace the name of attendance marks (``Présences``) for which ``replace(name, day)``
    gives a pseudonym (``day``: the session's planned day, from its id)."""
    from konexio.hours.attendance import name_column, session_column

    col, session = name_column(snapshot), session_column(snapshot)
    if col is None:
        return
    writes = []
    for row in range(1, len(snapshot.rows)):
        name = snapshot.cell(row, col).strip()
        if not name or is_pseudonym(name):
            continue
        found = _DAY.search(snapshot.cell(row, session)) if session is not None else None
        new = replace(name, found.group(1) if found else "")
        if new is not None:
            writes.append(CellWrite(row, col, new))
            erasure.changed.append(Changed(words.PRESENCES, row, col, why))
    if writes:
        erasure.people_edits.append(SheetEdit(words.PRESENCES, writes=tuple(writes)))


def forget(snapshots: dict[str, WorksheetSnapshot], titles: Iterable[str], roster: Roster,
           who: str, today: date) -> Erasure:
    """Everything of the person ``who`` (a name or an e-mail) in one target's worksheets."""
    erasure = Erasure()
    people = find(roster, who)
    names = {normalize(v.name) for v in people if v.name} or \
        ({normalize(who)} if "@" not in who else set())
    emails = {v.email.strip().casefold() for v in people if v.email} | \
        ({who.strip().casefold()} if "@" in who else set())
    person = people[0] if len(people) == 1 else None
    code = pseudonym(seed_of(person, person.name if person else who))
    for title in titles:
        snapshot = snapshots[title]
        for row, col, typed, day in _signup_cells(snapshot):
            if normalize(typed) not in names:
                continue
            future = day >= today.isoformat()
            erasure.shift_writes.setdefault(title, []).append(
                CellWrite(row, col, "" if future else code))
            erasure.changed.append(Changed(title, row, col, "future" if future else "past"))
    _journal_writes(snapshots.get(RECORDS, WorksheetSnapshot(RECORDS, exists=False)),
                    lambda row, address, stamp: code if address.casefold() in emails else None,
                    erasure, "journal")
    _marks_writes(snapshots.get(words.PRESENCES, WorksheetSnapshot(words.PRESENCES, exists=False)),
                  lambda name, day: code if normalize(name) in names else None, erasure, "marks")
    roster_snapshot = snapshots.get(ROSTER, WorksheetSnapshot(ROSTER, exists=False))
    writes = []
    for volunteer in people:
        line = roster_snapshot.rows[volunteer.row]
        for col, value in enumerate(line):
            if str(value or "").strip():
                writes.append(CellWrite(volunteer.row, col, ""))
        erasure.cleared_rows.add(volunteer.row)
        erasure.changed.append(Changed(ROSTER, volunteer.row, 0, "roster"))
    if writes:
        erasure.people_edits.append(SheetEdit(ROSTER, writes=tuple(writes)))
    return erasure


def retention(snapshots: dict[str, WorksheetSnapshot], titles: Iterable[str], roster: Roster,
              cutoff: date) -> Erasure:
    """Pseudonyms for what is older than ``cutoff``; roster rows with no sign-up since."""
    erasure = Erasure()
    known = _roster_by_name(roster)
    recent: set[str] = set()
    limit = cutoff.isoformat()
    for title in titles:
        for row, col, typed, day in _signup_cells(snapshots[title]):
            if is_pseudonym(typed):
                continue
            if day and day < limit:
                code = pseudonym(seed_of(known.get(normalize(typed)), typed))
                erasure.shift_writes.setdefault(title, []).append(CellWrite(row, col, code))
                erasure.changed.append(Changed(title, row, col, "retention"))
            else:
                recent.add(normalize(typed))
    by_email = {v.email.strip().casefold(): v for v in roster.volunteers if v.email}

    def old(row: int, address: str, stamp: str) -> str | None:
        if not stamp or stamp[:10] >= limit:
            return None
        volunteer = by_email.get(address.casefold())
        return pseudonym(seed_of(volunteer, volunteer.name if volunteer else address))
    _journal_writes(snapshots.get(RECORDS, WorksheetSnapshot(RECORDS, exists=False)), old,
                    erasure, "retention")

    def old_mark(name: str, day: str) -> str | None:
        if not day or day >= limit:
            return None
        return pseudonym(seed_of(known.get(normalize(name)), name))
    _marks_writes(snapshots.get(words.PRESENCES, WorksheetSnapshot(words.PRESENCES, exists=False)),
                  old_mark, erasure, "retention")
    erasure.stale = [v.row for v in roster.volunteers
                     if v.name and normalize(v.name) not in recent]
    return erasure


def roster_keys(snapshot: WorksheetSnapshot, rows: Iterable[int] | None = None) \
        -> dict[tuple[str, str], tuple]:
    """(name, e-mail) -> the whole row, for every roster row holding someone (of ``rows``
    only, when given)."""
    columns = key_columns(snapshot.header)
    if len(columns) < 2:
        return {}
    name, email = columns
    found = {}
    for row in (range(1, len(snapshot.rows)) if rows is None else sorted(rows)):
        key = (snapshot.cell(row, name).strip(), snapshot.cell(row, email).strip().casefold())
        if any(key):
            found.setdefault(key, tuple(snapshot.rows[row]))
    return found
