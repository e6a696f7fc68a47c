"""Moving the roster and the journal out of a sign-up spreadsheet, losing nothing.

Versions before the two places kept ``Bénévoles`` and ``Envois`` in the spreadsheet every
volunteer edits. Before anything else reads them, each is copied to the people place, read
back and compared, and only then deleted from the sign-up place. Every step is decided
from what both places hold now, so a run cut anywhere and run again ends the same:

- nothing in the people place yet (or only the header a sync made): the whole worksheet is
  copied cell by cell;
- the journal: rows of the old one missing from the new one are appended (a journal only
  grows, so the union keeps every "sent" row and the promise never to send a mail twice);
- once every row of the old worksheet is in the new one, the old one is deleted;
- two rosters that both hold people and differ are not merged by guess: the sync stops and
  says where both are, and nothing is deleted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from konexio.i18n import COORDINATORS, N_, Message
from konexio.sync.backend import Backend, Read, Target
from konexio.sync.layout import cell_text
from konexio.sync.plan import CellWrite, WorksheetSnapshot
from konexio.sync.retry import SyncError, WriteUncertain
from konexio.sync.roster import RECORDS, SheetEdit

STEPS = 4
"""Reads-and-steps before giving up: copy, compare, delete, and one uncertain write."""


def _grid(snapshot: WorksheetSnapshot) -> list[tuple[str, ...]]:
    """The rows as text, trailing empty cells and rows dropped: what a person sees."""
    rows = [tuple(cell_text(value).strip() for value in row) for row in snapshot.rows]
    rows = [row[:max((i + 1 for i, v in enumerate(row) if v), default=0)] for row in rows]
    while rows and not rows[-1]:
        rows.pop()
    return rows


@dataclass(frozen=True)
class MovePlan:
    edits: tuple[SheetEdit, ...] = ()
    """Copies and appends into the people place."""
    done: tuple[str, ...] = ()
    """Old worksheets whose every row is now in the people place: to delete."""
    conflicts: tuple[str, ...] = ()


def plan_move(read: Read) -> MovePlan:
    """What to do next for each worksheet still in the sign-up place. Pure."""
    edits, done, conflicts = [], [], []
    for title, old in sorted(read.legacy.items()):
        before = _grid(old)
        new = read.snapshots.get(title, WorksheetSnapshot(title, exists=False))
        after = _grid(new) if new.exists else []
        if not before or before == after:
            done.append(title)
        elif len(after) <= 1 and (not after or before[0][:len(after[0])] == after[0]):
            # The people place has nothing yet but, maybe, the header a sync wrote.
            edits.append(SheetEdit(title, create=not new.exists, writes=tuple(
                CellWrite(r, c, value) for r, row in enumerate(before)
                for c, value in enumerate(row) if value)))
        elif before[0] != after[0]:
            conflicts.append(title)
        else:
            missing = Counter(before[1:]) - Counter(after[1:])
            if not missing:
                done.append(title)
            elif title == RECORDS:
                appends = []
                for row in before[1:]:
                    if missing[row]:
                        missing[row] -= 1
                        appends.append(row)
                edits.append(SheetEdit(title, appends=tuple(appends)))
            else:
                conflicts.append(title)
    return MovePlan(tuple(edits), tuple(done), tuple(conflicts))


def move_people(backend: Backend, target: Target, dry_run: bool = False) \
        -> tuple[Read, list[Message]]:
    """Read ``target``, first moving what the sign-up place still holds of people (see the
    module); the read returned is after the move. With ``dry_run`` nothing is written: the
    read shows the old worksheets where the move would put them."""
    read = backend.read(target)
    if not read.legacy:
        return read, []
    told: list[Message] = []
    moved = sorted(read.legacy)
    for _ in range(STEPS):
        plan = plan_move(read)
        if plan.conflicts:
            raise SyncError(COORDINATORS.message(N_(
                "%(worksheets)s : présent dans le classeur d'inscription et, différent, dans "
                "le classeur des personnes ; rien n'est supprimé. Recopiez à la main dans le "
                "classeur des personnes les lignes qui y manquent, supprimez la feuille du "
                "classeur d'inscription, puis relancez."),
                worksheets=", ".join(f"« {title} »" for title in plan.conflicts)))
        if dry_run:
            shown = dict(read.snapshots)
            for title in moved:
                if not shown[title].exists or len(_grid(shown[title])) <= 1:
                    shown[title] = read.legacy[title]
            told.append(_told(moved, dry_run=True))
            return Read(shown, read.state), told
        try:
            if plan.edits:
                backend.write(target, read, [], False, plan.edits)
            elif plan.done:
                backend.remove_legacy(target, read, plan.done)
        except WriteUncertain:
            pass  # what landed is read again below
        read = backend.read(target)
        if not read.legacy:
            return read, [_told(moved, dry_run=False)]
    raise SyncError(COORDINATORS.message(N_(
        "le déplacement de %(worksheets)s vers le classeur des personnes n'a pas abouti "
        "(Google ne répond pas de façon fiable) ; rien n'est perdu, relancez plus tard."),
        worksheets=", ".join(f"« {title} »" for title in moved)))


def _told(titles: list[str], dry_run: bool) -> Message:
    worksheets = ", ".join(f"« {title} »" for title in titles)
    if dry_run:
        return COORDINATORS.message(N_(
            "%(worksheets)s : serait déplacé du classeur d'inscription vers le classeur des "
            "personnes (copié, relu, comparé, puis supprimé de l'inscription)."),
            worksheets=worksheets)
    return COORDINATORS.message(N_(
        "%(worksheets)s : déplacé du classeur d'inscription vers le classeur des personnes "
        "(copié, relu et comparé avant d'être supprimé de l'inscription)."),
        worksheets=worksheets)
