"""The roster (``Bénévoles``) and the record of mails (``Envois``), beside the shift sheets.

The roster is people's data: coordinators type one row per volunteer (``nom``, ``e-mail``,
``téléphone``, ``langue``, ``rappels``, and the optional columns: ``remplacements``,
``résumé de la semaine``, and what the roles of ``volunteers/roles.yml`` require). The sync
only creates the worksheet, writes header cells into empty places (so a coordinator finds
every column the tools read without typing its title), and fills the one column it owns,
``jeton agenda``: the secret of the volunteer's personal calendar address. It never writes
another cell of a row, never deletes a row, and nothing read here is ever printed
(positions like ``Bénévoles!B4`` are).

``Envois`` belongs to ``konexio notify`` entirely: an append-only journal, one row per step
of each mail (about to send, then sent, refused or uncertain), so that a run cut anywhere,
run again, never sends a mail twice.

Both backends apply a ``SheetEdit`` inside the same save (xlsx) or batchUpdate (Google) as
the shift sheets, so a sync still costs one read and at most one write per spreadsheet
(on Google, plus the read-back of the rows written by position, ``google.py``).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from konexio.i18n import COORDINATORS, N_, NN_, Message
from konexio.sync import languages, words
from konexio.sync.layout import Value, api_cell, cell_text, column_letter, normalize
from konexio.sync.plan import CellWrite, WorksheetSnapshot, runs
from konexio.sync.words import (
    DIGEST,
    EMAIL,
    GUARD,
    LANGUAGE,
    NAME,
    PHONE,
    RECORDS,
    REMINDERS,
    ROSTER,
    STAND_INS,
    TOKEN,
)

EXTRA = (ROSTER, RECORDS)
"""The worksheets every sync and notify read besides the shift sheets."""

PEOPLE = (NAME, EMAIL, PHONE, LANGUAGE, REMINDERS)
"""Typed by coordinators; never written by the sync (except their header cell)."""
OWNED = (TOKEN,)
"""Written by the sync only."""
ROSTER_HEADER = PEOPLE + OWNED
OPTIONAL = (STAND_INS, DIGEST)
"""Typed by coordinators, empty for most people: who may be asked to stand in, who gets a
weekly digest. Their header cells are written by the sync, after the token's; the columns
of what roles require (``requirements.roster_columns``) follow them."""

RECORD_HEADER = (words.STAMP, words.STATE, words.KIND, words.SHIFT, words.RECIPIENT,
                 words.VERSION, words.SEQUENCE, words.DATE, words.START, words.END,
                 words.VENUE, words.ROOM, words.STATUS, words.MESSAGE_ID)

TOKEN_BYTES = 24
"""192 random bits (``secrets.token_urlsafe``: 32 characters); the issue asks for >= 128."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,}$")
"""What a token we made looks like; anything else in the cell (typed over, truncated by a
copy) is replaced, since a short or guessable token would expose a calendar."""


def valid_token(text: str) -> bool:
    return bool(_TOKEN.match(text))


@dataclass(frozen=True)
class SheetEdit:
    """What to write into one extra worksheet: header and cells at places, rows appended."""

    title: str
    create: bool = False
    writes: tuple[CellWrite, ...] = ()
    appends: tuple[tuple[Value | None, ...], ...] = ()
    guarded: int | None = None
    """A column the sync owns: Google warns whoever edits it (clearing stays possible)."""

    @property
    def empty(self) -> bool:
        return not (self.create or self.writes or self.appends)


@dataclass(frozen=True)
class Volunteer:
    """One roster row, as typed. ``row`` is 0-based (row 0 is the header)."""

    row: int
    name: str
    email: str
    language: str
    reminders: bool
    token: str
    problems: tuple[Message, ...] = ()

    @property
    def reachable(self) -> bool:
        """An address that looks like one (a bad one is reported, not tried)."""
        return bool(_EMAIL.fullmatch(self.email))

    @property
    def position(self) -> str:
        """Where the row is, for messages that must not show the name: ``Bénévoles!A5``."""
        return f"{ROSTER}!A{self.row + 1}"


@dataclass(frozen=True)
class Roster:
    volunteers: tuple[Volunteer, ...] = ()
    problems: tuple[Message, ...] = ()
    """For coordinators: cells, never what a person typed there but a language."""
    exists: bool = True


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
NO = {"non", "no", "n", "0", "false", "faux", "لا"}


def _columns(header: tuple[str, ...], labels: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, label in enumerate(header):
        if label.casefold() in (x.casefold() for x in labels):
            wanted = next(x for x in labels if x.casefold() == label.casefold())
            found.setdefault(wanted, col)
    return found


def _header_writes(snapshot: WorksheetSnapshot, labels: tuple[str, ...]) \
        -> tuple[dict[str, int], list[CellWrite]]:
    """Where each label is, and header cells to write for missing ones (right of
    everything, never over a cell holding anything)."""
    columns = _columns(snapshot.header, labels)
    writes: list[CellWrite] = []
    free = max(snapshot.last_col + 1, len(snapshot.header))
    if not any(snapshot.header) and snapshot.last_row <= 0:
        free = 0
    for label in labels:
        if label not in columns:
            columns[label] = free
            writes.append(CellWrite(0, free, label))
            free += 1
    return columns, writes


def key_columns(header: tuple[str, ...]) -> tuple[int, ...]:
    """The columns that say whose a roster row is (name, e-mail), where the header has them."""
    columns = _columns(header, ROSTER_HEADER)
    return tuple(columns[label] for label in (NAME, EMAIL) if label in columns)


def _whose(snapshot: WorksheetSnapshot, columns: dict[str, int], row: int) -> tuple[str, str]:
    return (snapshot.cell(row, columns[NAME]).strip(),
            snapshot.cell(row, columns[EMAIL]).strip().casefold())


@dataclass(frozen=True)
class TokensMoved:
    """Tokens a write sent into roster rows that had moved under it (someone sorted the
    roster between the read and the write): each may have replaced another person's token,
    which is then put back, so nobody's calendar address changes."""

    written: frozenset[str]
    before: dict[tuple[str, str], str]
    """(name, e-mail) -> that person's token when the roster was read before the write."""

    def then(self, later: TokensMoved) -> TokensMoved:
        """Both moves, when the mending write itself landed in moved rows: each person's
        token as first read wins."""
        return TokensMoved(self.written | later.written, {**later.before, **self.before})

    def token_back(self, whose: tuple[str, str], token: str) -> str | None:
        earlier = self.before.get(whose)
        if token in self.written and earlier and earlier != token:
            return earlier
        return None


def tokens_moved(snapshot: WorksheetSnapshot, edit: SheetEdit) -> TokensMoved:
    """What ``roster_edit`` needs to mend a write of ``edit`` into moved rows of the roster
    read as ``snapshot``."""
    columns = _columns(snapshot.header, ROSTER_HEADER)
    if not snapshot.exists or not {NAME, EMAIL, TOKEN} <= set(columns):
        return TokensMoved(frozenset(), {})
    written = frozenset(str(w.value) for w in edit.writes
                        if w.row > 0 and w.col == columns[TOKEN])
    before = {}
    for row in range(1, len(snapshot.rows)):
        token = snapshot.cell(row, columns[TOKEN]).strip()
        if any(_whose(snapshot, columns, row)) and _TOKEN.match(token):
            before.setdefault(_whose(snapshot, columns, row), token)
    return TokensMoved(written, before)


def _optional_writes(header: tuple[str, ...], free: int, optional: tuple[str, ...]) \
        -> list[CellWrite]:
    """Header cells for the optional columns not there yet, from column ``free``. A title
    retyped without its accent or in capitals is the same column (``normalize``, as they
    are read), never a second one."""
    present = {normalize(label) for label in header}
    writes = []
    for label in optional:
        if normalize(label) not in present:
            writes.append(CellWrite(0, free, label))
            present.add(normalize(label))
            free += 1
    return writes


def roster_edit(snapshot: WorksheetSnapshot,
                new_token: Callable[[], str] = lambda: secrets.token_urlsafe(TOKEN_BYTES),
                moved: TokensMoved | None = None, skip: set[int] | frozenset = frozenset(),
                optional: tuple[str, ...] = OPTIONAL) -> SheetEdit:
    """Create the roster, add missing header cells (``optional`` ones too), fill missing,
    malformed or duplicated tokens of rows that hold a name or an address (and, after a
    write into moved rows, ``moved``, put back the tokens it replaced), but in the rows of
    ``skip`` (being erased). Pure, but for ``new_token``."""
    if not snapshot.exists:
        header = ROSTER_HEADER + optional
        return SheetEdit(ROSTER, create=True,
                         writes=tuple(CellWrite(0, c, label) for c, label in enumerate(header)),
                         guarded=ROSTER_HEADER.index(TOKEN))
    columns, writes = _header_writes(snapshot, ROSTER_HEADER)
    free = max([snapshot.last_col + 1, len(snapshot.header)] + [w.col + 1 for w in writes])
    writes += _optional_writes(snapshot.header + tuple(str(w.value) for w in writes), free,
                               optional)
    seen: set[str] = set()
    for row in range(1, len(snapshot.rows)):
        someone = any(snapshot.cell(row, columns[label]).strip() for label in (NAME, EMAIL))
        token = snapshot.cell(row, columns[TOKEN]).strip()
        if not someone or row in skip:
            continue
        back = moved.token_back(_whose(snapshot, columns, row), token) if moved else None
        if back is not None and back not in seen:
            writes.append(CellWrite(row, columns[TOKEN], back))
            seen.add(back)
            continue
        if not _TOKEN.match(token) or token in seen:
            # A copied row shares its token: two people would share one calendar.
            token = new_token()
            writes.append(CellWrite(row, columns[TOKEN], token))
        seen.add(token)
    return SheetEdit(ROSTER, writes=tuple(writes), guarded=columns[TOKEN])


def record_columns(header: tuple[str, ...]) -> dict[str, int]:
    """Where each label of ``RECORD_HEADER`` is in the journal's header (case ignored, as
    a coordinator may retype one)."""
    return _columns(header, RECORD_HEADER)


def records_missing(snapshot: WorksheetSnapshot) -> list[str]:
    """The labels missing from the header of a journal that already holds rows.

    Such a header is not completed: a label added at the right would leave the journal's
    earlier rows under a column nobody reads, and what they say was sent would be sent
    again. ``konexio notify`` stops for that spreadsheet and says what to put back.
    """
    if not snapshot.exists or snapshot.last_row < 1:
        return []
    columns = record_columns(snapshot.header)
    return [label for label in RECORD_HEADER if label not in columns]


def records_edit(snapshot: WorksheetSnapshot) -> SheetEdit:
    """Create ``Envois`` with its header, or complete the header of an empty journal."""
    if not snapshot.exists:
        return SheetEdit(RECORDS, create=True,
                         writes=tuple(CellWrite(0, c, label)
                                      for c, label in enumerate(RECORD_HEADER)))
    if records_missing(snapshot):
        return SheetEdit(RECORDS)
    _, writes = _header_writes(snapshot, RECORD_HEADER)
    return SheetEdit(RECORDS, writes=tuple(writes))


def upkeep(snapshots: dict[str, WorksheetSnapshot], moved: TokensMoved | None = None,
           skip: set[int] | frozenset = frozenset(),
           optional: tuple[str, ...] = OPTIONAL) -> tuple[SheetEdit, ...]:
    """What a sync writes into the extra worksheets of one spreadsheet (``moved``: after a
    write into roster rows that had moved, see ``TokensMoved``; ``skip``: roster rows
    being erased, given no token; ``optional``: the roster's optional columns)."""
    edits = (roster_edit(snapshots.get(ROSTER, WorksheetSnapshot(ROSTER, exists=False)),
                         moved=moved, skip=skip, optional=optional),
             records_edit(snapshots.get(RECORDS, WorksheetSnapshot(RECORDS, exists=False))))
    return tuple(edit for edit in edits if not edit.empty or edit.guarded is not None)


def _shown(typed: str) -> str:
    """A language cell as a message may quote it: a word, shown; an address or a phone
    number typed in the wrong column, not."""
    if len(typed) > 30 or any(char.isdigit() or char == "@" for char in typed):
        return "…"
    return typed


def read_roster(snapshot: WorksheetSnapshot) -> Roster:
    """The volunteers of a roster; problems name cells, never their content's owner."""
    if not snapshot.exists:
        return Roster(exists=False)
    columns = _columns(snapshot.header, ROSTER_HEADER)
    missing = [label for label in (NAME, EMAIL) if label not in columns]
    if missing:
        return Roster(problems=(COORDINATORS.message(NN_(
            "%(roster)s : colonne %(columns)s absente de la ligne 1.",
            "%(roster)s : colonnes %(columns)s absentes de la ligne 1."),
            roster=ROSTER, columns=", ".join(missing), num=len(missing)),))

    def cell(row: int, label: str) -> str:
        return snapshot.cell(row, columns[label]).strip() if label in columns else ""

    volunteers = []
    problems = []
    for row in range(1, len(snapshot.rows)):
        name, email = cell(row, NAME), cell(row, EMAIL)
        if not name and not email:
            continue
        found: list[Message] = []
        typed = cell(row, LANGUAGE)
        known = languages.language_of(typed) if typed else None
        if typed and known is None:
            found.append(COORDINATORS.message(N_(
                "%(cell)s : langue « %(typed)s » inconnue ; écrivez %(choices)s (français en "
                "attendant)."), cell=f"{ROSTER}!{column_letter(columns[LANGUAGE])}{row + 1}",
                typed=_shown(typed), choices=languages.choices()))
        if not _EMAIL.fullmatch(email):
            found.append(COORDINATORS.message(N_(
                "%(cell)s : adresse e-mail absente ou mal écrite."),
                cell=f"{ROSTER}!{column_letter(columns[EMAIL])}{row + 1}"))
        reminders = cell(row, REMINDERS).casefold() not in NO
        volunteers.append(Volunteer(row=row, name=name, email=email,
                                    language=known or languages.DEFAULT,
                                    reminders=reminders, token=cell(row, TOKEN),
                                    problems=tuple(found)))
        problems += found
    return Roster(tuple(volunteers), tuple(problems))


# -- applying edits -------------------------------------------------------------------------


def apply_to_workbook(book, edit: SheetEdit) -> None:
    """Apply ``edit`` to an openpyxl workbook in memory (the caller saves)."""
    if edit.title in book.sheetnames:
        sheet = book[edit.title]
    else:
        sheet = book.create_sheet(edit.title)
        sheet.freeze_panes = "A2"
    for write in edit.writes:
        sheet.cell(write.row + 1, write.col + 1).value = write.value
    row = _last_row(sheet) + 1
    for line in edit.appends:
        for col, value in enumerate(line):
            if value is not None:
                sheet.cell(row + 1, col + 1).value = value
        row += 1


def _last_row(sheet) -> int:
    """0-based index of the last row holding anything (-1 when empty)."""
    for index in range(sheet.max_row, 0, -1):
        if any(cell_text(cell.value).strip() for cell in sheet[index]):
            return index - 1
    return -1


def edit_requests(edit: SheetEdit, sheet_id: int | None, columns: int,
                  taken: set[int], protections: tuple[str, ...] = ()) -> list[dict]:
    """The Sheets API v4 batchUpdate requests of ``edit`` (``sheet_id`` None: create it)."""
    from konexio.sync.google import _new_sheet_id  # the same deterministic ids as shifts

    requests: list[dict] = []
    width = max([w.col + 1 for w in edit.writes] + [len(r) for r in edit.appends] + [0])
    if sheet_id is None:
        sheet_id = _new_sheet_id(edit.title, taken)
        taken.add(sheet_id)
        columns = max(26, width)
        requests.append({"addSheet": {"properties": {
            "sheetId": sheet_id, "title": edit.title,
            "gridProperties": {"rowCount": 1000, "columnCount": columns,
                               "frozenRowCount": 1}}}})
    if columns < width:
        requests.append({"appendDimension": {"sheetId": sheet_id, "dimension": "COLUMNS",
                                             "length": width - columns}})
    for run in runs(edit.writes):
        requests.append({"updateCells": {
            "start": {"sheetId": sheet_id, "rowIndex": run.row, "columnIndex": run.col},
            "rows": [{"values": [api_cell(value) for value in run.values]}],
            "fields": "userEnteredValue"}})
    if edit.guarded is not None and GUARD not in protections:
        requests.append({"addProtectedRange": {"protectedRange": {
            "range": {"sheetId": sheet_id, "startRowIndex": 1,
                      "startColumnIndex": edit.guarded, "endColumnIndex": edit.guarded + 1},
            "description": GUARD, "warningOnly": True}}})
    if edit.appends:
        requests.append({"appendCells": {
            "sheetId": sheet_id, "fields": "userEnteredValue",
            "rows": [{"values": [api_cell(value) for value in row]} for row in edit.appends]}})
    return requests
