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
    """Two places: the sign-up spreadsheet (or workbook file) volunteers edit, holding the
    shift worksheets, and the people spreadsheet only coordinators share, holding the
    roster and the journal of mails (``extra``). Never the same place."""

    key: str
    titles: dict[str, str]
    """Antenna id -> worksheet title, in the sign-up place."""
    extra: tuple[str, ...] = ()
    """Worksheets of the people place read along (the roster and the record of mails,
    ``sync.roster``)."""
    people: str = ""
    """The people place: a spreadsheet id, or a workbook path."""


@dataclass
class Read:
    """The worksheets of a target as read, plus what the backend needs to write after."""

    snapshots: dict[str, WorksheetSnapshot]
    """Shift worksheets from the sign-up place, ``extra`` ones from the people place."""
    state: object = field(default=None)
    legacy: dict[str, WorksheetSnapshot] = field(default_factory=dict)
    """``extra`` worksheets still found in the sign-up place (written there by versions
    before the two places): ``sync.people_move`` moves them."""


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
        """Apply the plans (to the sign-up place) and ``edits`` of the extra worksheets (to
        the people place) in as few requests as possible; return how many (or would)."""
        ...

    def remove_legacy(self, target: Target, read: Read, titles: tuple[str, ...]) -> None:
        """Delete these worksheets from the sign-up place (once copied and compared)."""
        ...
