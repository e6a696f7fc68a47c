"""What every sheet backend offers the sync: read worksheets, then write one plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from konexio.sync.plan import WorksheetPlan, WorksheetSnapshot
from konexio.sync.roster import SheetEdit


class RowsMoved(Exception):
    """Rows written by position held another shift or person by then: someone sorted (or
    inserted or deleted rows) between the read and the write. Only generated cells and
    tokens were written; the sync reads and plans again, which puts each value back in its
    row (``TokensMoved`` for the roster's tokens)."""

    def __init__(self, titles: tuple[str, ...], writes: int = 0):
        super().__init__(", ".join(titles))
        self.titles = titles
        self.writes = writes
        """Write requests made (and applied) before the move was seen."""


@dataclass(frozen=True)
class Target:
    """One spreadsheet (or workbook file) and the worksheets the sync keeps in it."""

    key: str
    titles: dict[str, str]
    """Antenna id -> worksheet title."""
    extra: tuple[str, ...] = ()
    """Other worksheets read along (the roster and the record of mails, ``sync.roster``)."""


@dataclass
class Read:
    """The worksheets of a target as read, plus what the backend needs to write after."""

    snapshots: dict[str, WorksheetSnapshot]
    state: object = field(default=None)


class Backend(Protocol):
    name: str
    requests: int
    """Requests made so far (HTTP requests for Google, file saves for xlsx)."""

    def targets(self, required: dict[str, str], optional: dict[str, str]) -> list[Target]:
        """Where the worksheets go: ``required`` antennas have shifts, ``optional`` ones
        only need a look (their old rows may have to be marked removed)."""
        ...

    def read(self, target: Target) -> Read: ...

    def write(self, target: Target, read: Read, plans: list[WorksheetPlan],
              dry_run: bool = False, edits: tuple[SheetEdit, ...] = ()) -> int:
        """Apply the plans (and ``edits`` of the extra worksheets) in as few requests as
        possible; return how many (or would)."""
        ...
