"""The merge planner: what a worksheet holds + the shifts it should show -> cell writes.

Pure and shared by every backend. Rows are matched by their ``id`` cell, never by position,
so sorting or filtering by people changes nothing. Only generated cells of data rows are
ever written (and only when they differ); new shifts become appended rows; a shift that
left the data keeps its row, marked removed. Rows are never deleted nor moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from konexio.i18n import COORDINATORS, N_, NN_
from konexio.problems import CommandError
from konexio.shifts import Shift
from konexio.sync.layout import (
    GENERATED,
    ID,
    LABELS,
    NOTES,
    STATUS,
    STATUS_REMOVED,
    Value,
    cell_text,
    is_struck,
    row_values,
    signup_label,
    signup_number,
)


class LayoutError(CommandError):
    """A worksheet whose header the sync cannot trust; it is left untouched."""


@dataclass(frozen=True)
class WorksheetSnapshot:
    """The values of one worksheet as read (row 0 is the header); ``exists`` False if absent."""

    title: str
    rows: tuple[tuple[object, ...], ...] = ()
    exists: bool = True

    def cell(self, row: int, col: int) -> str:
        line = self.rows[row] if row < len(self.rows) else ()
        return cell_text(line[col]) if col < len(line) else ""

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(cell_text(v).strip() for v in self.rows[0]) if self.rows else ()

    @property
    def last_row(self) -> int:
        """Index of the last row holding anything (-1 when empty): appends go below it."""
        for index in range(len(self.rows) - 1, -1, -1):
            if any(cell_text(v).strip() for v in self.rows[index]):
                return index
        return -1

    @property
    def last_col(self) -> int:
        """Index of the last column holding anything in any row (-1 when empty)."""
        found = -1
        for line in self.rows:
            for index in range(len(line) - 1, found, -1):
                if cell_text(line[index]).strip():
                    found = index
                    break
        return found


@dataclass(frozen=True, order=True)
class CellWrite:
    """One cell to write, 0-based (row 0 is the header)."""

    row: int
    col: int
    value: Value


@dataclass(frozen=True)
class Run:
    """Contiguous cells of one row written together (one exact range)."""

    row: int
    col: int
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Counts:
    new: int = 0
    updated: int = 0
    cancelled: int = 0
    removed: int = 0
    unchanged: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, int, int, int, int]:
        return (self.new, self.updated, self.cancelled, self.removed, self.unchanged)


@dataclass(frozen=True)
class WorksheetPlan:
    """Everything one sync does to one worksheet."""

    title: str
    create: bool
    """The worksheet does not exist yet."""
    header_writes: tuple[CellWrite, ...]
    writes: tuple[CellWrite, ...]
    appends: tuple[tuple[Value | None, ...], ...]
    """New rows, from column 0 to the last generated column (None: leave empty)."""
    columns: dict[str, int]
    """Generated label -> column index, once the header writes are done."""
    signups: dict[int, int]
    """Sign-up number -> column index, once the header writes are done."""
    width: int
    """Columns the layout spans (generated, sign-ups, notes)."""
    counts: Counts = field(default_factory=Counts)

    @property
    def changes_values(self) -> bool:
        return bool(self.create or self.header_writes or self.writes or self.appends)

    def runs(self) -> tuple[Run, ...]:
        """Header and row writes grouped into contiguous runs, each an exact range."""
        return runs(self.header_writes + self.writes)


def runs(writes: tuple[CellWrite, ...]) -> tuple[Run, ...]:
    made: list[Run] = []
    for write in sorted(writes):
        last = made[-1] if made else None
        if last and last.row == write.row and last.col + len(last.values) == write.col:
            made[-1] = Run(last.row, last.col, last.values + (write.value,))
        else:
            made.append(Run(write.row, write.col, (write.value,)))
    return tuple(made)


def _header(snapshot: WorksheetSnapshot, needed: int) \
        -> tuple[dict[str, int], dict[int, int], list[CellWrite], int]:
    """Where each column is, and the header cells to write (only into empty places)."""
    header = snapshot.header
    if not any(header):
        if snapshot.last_row > 0:
            raise LayoutError(COORDINATORS.message(N_(
                "« %(worksheet)s » : la ligne 1 est vide mais la feuille contient des "
                "données ; remettez la ligne d'en-tête."), worksheet=snapshot.title))
        labels = list(LABELS) + [signup_label(n) for n in range(1, needed + 1)] + [NOTES]
        writes = [CellWrite(0, col, label) for col, label in enumerate(labels)]
        columns = {label: col for col, label in enumerate(LABELS)}
        signups = {n: len(LABELS) + n - 1 for n in range(1, needed + 1)}
        return columns, signups, writes, len(labels)
    columns: dict[str, int] = {}
    signups: dict[int, int] = {}
    for col, label in enumerate(header):
        if label in LABELS:
            columns.setdefault(label, col)
        elif signup_number(label) is not None:
            signups.setdefault(signup_number(label), col)
    missing = [label for label in LABELS if label not in columns]
    if missing:
        raise LayoutError(COORDINATORS.message(NN_(
            "« %(worksheet)s » : colonne %(columns)s absente de la ligne 1 ; rien n'a été "
            "écrit dans cette feuille.",
            "« %(worksheet)s » : colonnes %(columns)s absentes de la ligne 1 ; rien n'a été "
            "écrit dans cette feuille."),
            worksheet=snapshot.title, columns=", ".join(missing), num=len(missing)))
    writes: list[CellWrite] = []
    free = snapshot.last_col + 1
    for number in range(1, needed + 1):
        if number not in signups:
            # A new sign-up column goes right of everything people typed, never over it.
            signups[number] = free
            writes.append(CellWrite(0, free, signup_label(number)))
            free += 1
    width = max(free, snapshot.last_col + 1, len(header))
    return columns, signups, writes, width


def plan_worksheet(snapshot: WorksheetSnapshot, shifts: tuple[Shift, ...]) -> WorksheetPlan:
    """The writes that make ``snapshot`` show ``shifts``, keeping everything people typed."""
    needed = max((shift.needed for shift in shifts), default=1)
    columns, signups, header_writes, width = _header(snapshot, needed)
    rows_of: dict[str, list[int]] = {}
    for row in range(1, len(snapshot.rows)):
        ident = snapshot.cell(row, columns[ID]).strip()
        if ident:
            rows_of.setdefault(ident, []).append(row)

    writes: list[CellWrite] = []
    appends: list[tuple[Value | None, ...]] = []
    new = updated = cancelled = removed = unchanged = 0
    last_generated = max(columns.values())
    for shift in shifts:
        wanted = row_values(shift)
        if shift.id not in rows_of:
            line: list[Value | None] = [None] * (last_generated + 1)
            for label, value in wanted.items():
                line[columns[label]] = value
            appends.append(tuple(line))
            new += 1
            continue
        changed = False
        newly_struck = False
        for row in rows_of[shift.id]:  # a pasted duplicate gets the same generated cells
            for label, value in wanted.items():
                col = columns[label]
                before = snapshot.cell(row, col)
                if before != cell_text(value):
                    writes.append(CellWrite(row, col, value))
                    changed = True
                    if label == STATUS and is_struck(str(value)) and not is_struck(before):
                        newly_struck = True
        if newly_struck:
            cancelled += 1
        elif changed:
            updated += 1
        else:
            unchanged += 1

    wanted_ids = {shift.id for shift in shifts}
    for ident, rows in rows_of.items():
        if ident in wanted_ids:
            continue
        marked = False
        for row in rows:
            if snapshot.cell(row, columns[STATUS]) != STATUS_REMOVED:
                writes.append(CellWrite(row, columns[STATUS], STATUS_REMOVED))
                marked = True
        if marked:
            removed += 1
        else:
            unchanged += 1

    return WorksheetPlan(
        title=snapshot.title, create=not snapshot.exists, header_writes=tuple(header_writes),
        writes=tuple(sorted(writes)), appends=tuple(appends), columns=columns,
        signups=signups, width=max(width, len(GENERATED)),
        counts=Counts(new, updated, cancelled, removed, unchanged),
    )
