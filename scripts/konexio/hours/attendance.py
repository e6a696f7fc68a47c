"""Attendance, by exception: marks coordinators type in ``Présences``, in the people place.

Everyone whose name is in a sign-up cell of a session that took place (not cancelled, over)
counts as present, unless a row of ``Présences`` says otherwise. A mark is about a person,
so it lives with the roster, in the spreadsheet only coordinators share, never in the
sign-up sheet every volunteer reads. One row per mark:

- ``séance``: the ``id`` of the shift row, copied from the sign-up sheet (or the session's
  key, the id without its last ``/role``: every role of that session);
- ``nom``: the name as signed up;
- ``présence``: ``absent`` or ``excusé`` (``présent`` undoes a mark);
- ``remarque``: for coordinators, never read.

Why it holds under what people do to sheets:

- **sorting, filtering, re-syncs**: a mark names its session by id and its person by name,
  never by a row number; the sync only creates the worksheet and its header (in an empty
  one), it never writes a row coordinators typed;
- **moved sessions**: the id carries the session's *planned* day and time, which a move
  does not change (``.../2026-11-18/1400/...`` still names the session moved to the 19th);
  a renamed cohort keeps its old rows (marked ``retirée``) with their ids and their marks;
- **names typed otherwise**: case, accents and spaces are ignored on both sides
  (``awa EXEMPLE`` is ``Awa Exemple``), as for the roster;
- **two marks for one person and session**, whatever their order: ``présent`` wins over
  ``excusé``, which wins over ``absent`` (a coordinator adds a row to correct one, or edits
  it), and the cells are reported.

Pure: snapshots in, marks and messages out (cells named, never a person).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from konexio.i18n import COORDINATORS, N_, Message
from konexio.sync.layout import column_letter, normalize
from konexio.sync.plan import CellWrite, WorksheetSnapshot
from konexio.sync.roster import SheetEdit, _columns, _header_writes
from konexio.sync.words import (
    ABSENT,
    ATTENDANCE,
    EXCUSED,
    NAME,
    PRESENCES,
    PRESENT,
    REMARK,
    SESSION,
)

PRESENCES_HEADER = (SESSION, NAME, ATTENDANCE, REMARK)


class State(IntEnum):
    """What happened to one sign-up; the higher wins when two marks disagree."""

    absent = 1
    excused = 2
    present = 3


_FORMS = {
    State.absent: {ABSENT, "absent", "absente", "abs", "no-show"},
    State.excused: {EXCUSED, "excusé", "excusée", "excuse", "excusee", "excused"},
    State.present: {PRESENT, "présent", "présente", "present", "presente"},
}
_STATES = {normalize(form): state for state, forms in _FORMS.items() for form in forms}


def session_of(shift_id: str) -> str:
    """A shift id without its role: the session's key (``cohort/2026-11-18/1400``)."""
    return shift_id.rsplit("/", 1)[0]


@dataclass(frozen=True)
class Mark:
    """One row of ``Presences``; ``row`` 0-based (row 0 is the header)."""

    row: int
    session: str
    """As typed, without spaces around and in lower case: a shift id or a session key."""
    name: str
    state: State

    @property
    def position(self) -> str:
        return f"{PRESENCES}!A{self.row + 1}"


@dataclass(frozen=True)
class Marks:
    marks: tuple[Mark, ...] = ()
    problems: tuple[Message, ...] = ()
    exists: bool = True
    by_key: dict[tuple[str, str], list[Mark]] = field(default_factory=dict, compare=False)

    def of(self, shift_id: str, name: str) -> tuple[State, tuple[Mark, ...]]:
        """The state of the sign-up ``name`` on ``shift_id``, and the marks that say so
        (a mark on this role's shift, else on the whole session; present when none)."""
        who = normalize(name)
        for key in (shift_id.strip().casefold(), session_of(shift_id.strip().casefold())):
            found = self.by_key.get((key, who))
            if found:
                return max(mark.state for mark in found), tuple(found)
        return State.present, ()


def read_marks(snapshot: WorksheetSnapshot) -> Marks:
    """The marks of ``Présences`` (an absent worksheet: no mark, everyone present)."""
    if not snapshot.exists:
        return Marks(exists=False)
    columns = _columns(snapshot.header, PRESENCES_HEADER)
    missing = [label for label in (SESSION, NAME, ATTENDANCE) if label not in columns]
    if missing and snapshot.last_row > 0:
        return Marks(problems=(COORDINATORS.message(N_(
            "%(worksheet)s : colonne(s) %(columns)s absente(s) de la ligne 1 ; les marques de "
            "présence ne sont pas lues tant qu'elles manquent."),
            worksheet=PRESENCES, columns=", ".join(missing)),))
    if missing:
        return Marks()
    marks: list[Mark] = []
    problems: list[Message] = []
    by_key: dict[tuple[str, str], list[Mark]] = {}
    for row in range(1, len(snapshot.rows)):
        session = snapshot.cell(row, columns[SESSION]).strip().casefold()
        name = snapshot.cell(row, columns[NAME]).strip()
        typed = snapshot.cell(row, columns[ATTENDANCE]).strip()
        if not (session or name or typed):
            continue
        cell = f"{PRESENCES}!{column_letter(columns[ATTENDANCE])}{row + 1}"
        if not typed:
            continue  # a row prepared, no mark yet: present, as without the row
        state = _STATES.get(normalize(typed))
        if state is None:
            problems.append(COORDINATORS.message(N_(
                "%(cell)s : « %(typed)s » n'est pas une marque de présence ; écrivez %(absent)s "
                "ou %(excused)s (ou %(present)s pour annuler une marque)."),
                cell=cell, typed=typed if len(typed) <= 20 else "…", absent=ABSENT,
                excused=EXCUSED, present=PRESENT))
            continue
        if not session or not name:
            problems.append(COORDINATORS.message(N_(
                "%(cell)s : une marque de présence sans séance ou sans nom ; copiez l'id de la "
                "ligne de la feuille d'inscription dans %(session)s et le nom dans %(name)s."),
                cell=cell, session=SESSION, name=NAME))
            continue
        mark = Mark(row, session, name, state)
        marks.append(mark)
        by_key.setdefault((session, normalize(name)), []).append(mark)
    return Marks(tuple(marks), tuple(problems), by_key=by_key)


def presences_edit(snapshot: WorksheetSnapshot) -> SheetEdit:
    """Create ``Présences`` with its header, or complete the header of an empty one; never
    a cell of a row a coordinator typed."""
    if not snapshot.exists:
        return SheetEdit(PRESENCES, create=True,
                         writes=tuple(CellWrite(0, c, label)
                                      for c, label in enumerate(PRESENCES_HEADER)))
    if snapshot.last_row > 0:
        return SheetEdit(PRESENCES)  # holds marks: a header cell retyped is reported, not fixed
    _, writes = _header_writes(snapshot, PRESENCES_HEADER)
    return SheetEdit(PRESENCES, writes=tuple(writes))


def name_column(snapshot: WorksheetSnapshot) -> int | None:
    """Where the names of ``Présences`` are (for erasure and retention), if anywhere."""
    return _columns(snapshot.header, PRESENCES_HEADER).get(NAME) if snapshot.exists else None


def session_column(snapshot: WorksheetSnapshot) -> int | None:
    return _columns(snapshot.header, PRESENCES_HEADER).get(SESSION) if snapshot.exists else None
