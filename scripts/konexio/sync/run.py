"""One sync: for each spreadsheet, read, plan every worksheet, write once.

After a write whose outcome is unknown (5xx, time-out, dropped connection) the sync reads
and plans again rather than replaying: the batch was applied entirely or not at all, so the
new plan is either empty or the same, and the sheet ends as after an uninterrupted sync.
The same when rows moved under a write (``RowsMoved``, a sort meanwhile): the new plan,
made by id from what the sheet holds now, puts every generated cell back in its row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from konexio.expand.occurrences import Schedule
from konexio.hours.attendance import presences_edit
from konexio.i18n import COORDINATORS, N_, Message
from konexio.model.dataset import Dataset
from konexio.notify.people import SignUp, match, read_signups
from konexio.shifts import Shift, by_antenna, shifts
from konexio.sync.backend import Backend, RowsMoved
from konexio.sync.erasure import Changed, Erasure, retention, roster_keys
from konexio.sync.people_move import move_people
from konexio.sync.plan import (
    Counts,
    LayoutError,
    WorksheetPlan,
    WorksheetSnapshot,
    plan_worksheet,
)
from konexio.sync.requirements import roster_columns
from konexio.sync.retry import SyncError, WriteUncertain
from konexio.sync.roster import (
    EXTRA,
    OPTIONAL,
    ROSTER,
    Roster,
    SheetEdit,
    TokensMoved,
    read_roster,
    tokens_moved,
    upkeep,
)
from konexio.sync.words import PRESENCES

REPLANS = 3
"""Reads-and-plans after uncertain writes, or writes into moved rows, before giving up."""


@dataclass
class Summary:
    """What a sync did (or, with ``dry_run``, would do)."""

    counts: Counts = field(default_factory=Counts)
    worksheets: dict[str, Counts] = field(default_factory=dict)
    writes: int = 0
    """Write requests (batchUpdates, or workbook saves)."""
    requests: int = 0
    """Every request made, reads included, retries included."""
    replans: int = 0
    dry_run: bool = False
    lines: list[Message] = field(default_factory=list)
    """What a coordinator should know besides the counts (people data moved)."""
    erased: list[Changed] = field(default_factory=list)
    """Cells erased or replaced by a pseudonym (``forget``, retention)."""
    stale: list[str] = field(default_factory=list)
    """Roster rows of people with no sign-up within the retention period."""
    unknown: list[tuple[Roster, tuple[SignUp, ...]]] = field(default_factory=list)
    """Per spreadsheet, sign-ups whose name is on no roster row (nobody tells them)."""


def worksheet_titles(dataset: Dataset) -> dict[str, str]:
    """Antenna id -> worksheet title (the antenna's French name, as coordinators say it)."""
    return {antenna: entry.model.name.fr for antenna, entry in dataset.antennas.items()}


Erase = Callable[[dict[str, WorksheetSnapshot], list[str], Roster], Erasure]
"""What to erase or replace by pseudonyms in one target, from what it holds now
(``sync.erasure``: ``forget`` or ``retention``)."""


def sync_shifts(all_shifts: tuple[Shift, ...], titles: dict[str, str], backend: Backend,
                dry_run: bool = False,
                progress: Callable[[int, int, str], None] | None = None,
                erase: Erase | None = None,
                extra_columns: tuple[str, ...] = OPTIONAL) -> Summary:
    """Bring every worksheet in line with ``all_shifts``, keeping what people typed (but
    what ``erase`` asks to erase or replace by a pseudonym); ``extra_columns``: the roster's
    optional columns to give a header cell (``requirements.roster_columns``)."""
    grouped = by_antenna(all_shifts)
    required = {a: t for a, t in titles.items() if a in grouped}
    optional = {a: t for a, t in titles.items() if a not in grouped}
    summary = Summary(dry_run=dry_run)
    targets = backend.targets(required, optional)
    for done, target in enumerate(targets):
        # the roster, Envois and the attendance marks, read and kept along
        target = replace(target, extra=EXTRA + (PRESENCES,))
        if progress:
            progress(done, len(targets), ", ".join(target.titles.values()))
        first: list[WorksheetPlan] | None = None
        moved: RowsMoved | None = None
        tokens: TokensMoved | None = None
        read, told = move_people(backend, target, dry_run)
        summary.lines += told
        before: dict | None = None
        for attempt in range(REPLANS):
            if attempt:
                read = backend.read(target)
            erasure = erase(read.snapshots, list(target.titles.values()),
                            read_roster(read.snapshots[ROSTER])) if erase else Erasure()
            if before is None:
                reported = erasure
                before = roster_keys(read.snapshots[ROSTER]) if erasure.cleared_rows else {}
                cleared = set(roster_keys(read.snapshots[ROSTER], erasure.cleared_rows))
            plans = []
            for antenna, title in target.titles.items():
                snapshot = read.snapshots[title]
                if not snapshot.exists and antenna not in grouped:
                    continue  # no shift, no worksheet: nothing to keep or mark
                try:
                    plans.append(plan_worksheet(snapshot, grouped.get(antenna, ())))
                except LayoutError as error:
                    raise SyncError(error.message) from None
            plans = [replace(plan, writes=plan.writes + tuple(erasure.shift_writes[plan.title]))
                     if plan.title in erasure.shift_writes else plan for plan in plans]
            first = first or plans
            edits = upkeep(read.snapshots, tokens, skip=erasure.cleared_rows,
                           optional=extra_columns)
            marks = presences_edit(read.snapshots[PRESENCES])
            edits += () if marks.empty else (marks,)
            edits += tuple(erasure.people_edits)
            present = roster_keys(read.snapshots[ROSTER]) if before else {}
            lost = [line for key, line in before.items()
                    if key not in cleared and key not in present]
            if lost:
                # A row cleared by position while the roster was sorted was another
                # person's: it is put back as it was read, before anything else.
                edits += (SheetEdit(ROSTER, appends=tuple(lost)),)
            try:
                summary.writes += backend.write(target, read, plans, dry_run, edits)
                if erasure.cleared_rows and not dry_run and not _erased(
                        backend.read(target).snapshots[ROSTER], before, cleared):
                    # Cleared by row number in a roster sorted meanwhile: an empty row
                    # reads back the same whoever it held. Plan again from what is there.
                    summary.replans += 1
                    continue
                break
            except WriteUncertain:
                summary.replans += 1
                moved = None
            except RowsMoved as error:
                summary.replans += 1
                summary.writes += error.writes
                moved = error
                if ROSTER in error.titles:
                    roster = next(edit for edit in edits if edit.title == ROSTER)
                    found = tokens_moved(read.snapshots[ROSTER], roster)
                    tokens = tokens.then(found) if tokens else found
        else:
            if moved is not None:
                raise SyncError(COORDINATORS.message(N_(
                    "%(worksheets)s : des lignes ont été triées ou déplacées pendant chaque "
                    "écriture de la synchronisation. Rien de ce qui a été tapé n'est perdu, "
                    "mais des colonnes générées peuvent montrer une autre séance : relancez "
                    "la synchronisation quand personne ne trie la feuille."),
                    worksheets=", ".join(f"« {title} »" for title in moved.titles)))
            raise SyncError(COORDINATORS.message(N_(
                "Google Sheets ne répond pas de façon fiable ; rien n'est perdu, relancez la "
                "synchronisation dans quelques minutes.")))
        for plan in first:
            summary.worksheets[plan.title] = plan.counts
            summary.counts = summary.counts + plan.counts
        roster = read_roster(read.snapshots[ROSTER])
        typed = [found for title in target.titles.values()
                 for found in read_signups(read.snapshots[title])]
        unmatched = match(roster, typed).unmatched
        if unmatched:
            summary.unknown.append((roster, unmatched))
        summary.erased += reported.changed  # the first plan: what later ones finish
        summary.stale += [f"{ROSTER}!A{row + 1}" for row in reported.stale]
    if progress:
        progress(len(targets), len(targets), "")
    summary.requests = backend.requests
    return summary


def _erased(roster: WorksheetSnapshot, before: dict, cleared: set) -> bool:
    """Whether the people erased are gone from the roster and everyone else still there."""
    now = roster_keys(roster)
    return not (cleared & now.keys()) and all(key in now for key in before if key not in cleared)


def sync(dataset: Dataset, schedule: Schedule, backend: Backend, dry_run: bool = False,
         progress: Callable[[int, int, str], None] | None = None,
         today: date | None = None) -> Summary:
    """Sync the shifts of a valid dataset; with ``today``, also apply the retention period
    of ``volunteers/privacy.yml`` as of that day."""
    erase = None
    if today is not None:
        cutoff = dataset.privacy.retention_cutoff(today)

        def erase(snapshots, titles, roster):
            return retention(snapshots, titles, roster, cutoff)
    return sync_shifts(shifts(dataset, schedule), worksheet_titles(dataset), backend,
                       dry_run, progress, erase, roster_columns(dataset.roles.model
                                                                if dataset.roles else None))
