"""The layout of a shift worksheet, shared by every backend.

Row 1 is the header. The generated columns come first and are the only cells the sync ever
writes in data rows; to their right, one sign-up column per person needed, then ``notes``:
those belong to people. Columns are found by their header, never by their position; the
headers and statuses are the words of ``sync.words``, in the sheets' language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from konexio.shifts import Shift, ShiftStatus
from konexio.sync import words
from konexio.sync.words import STATUS_CANCELLED, STATUS_REMOVED, STATUS_SCHEDULED

Value = str | int
"""What a generated cell holds: text, or a whole number (people needed)."""


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Shift], Value]


def _status(shift: Shift) -> str:
    label = {ShiftStatus.scheduled: STATUS_SCHEDULED, ShiftStatus.moved: words.STATUS_MOVED,
             ShiftStatus.cancelled: STATUS_CANCELLED}[shift.status]
    if shift.reason and shift.status is not ShiftStatus.scheduled:
        return words.STATUS_REASON % {"status": label, "reason": shift.reason}
    return label


ID, DATE, START, END, VENUE = words.ID, words.DATE, words.START, words.END, words.VENUE
NEEDED, STATUS, NOTES = words.NEEDED, words.STATUS, words.NOTES
GENERATED = (
    Column(ID, lambda s: s.id),
    Column(DATE, lambda s: s.start.date().isoformat()),
    Column(words.DAY, lambda s: s.weekday),
    Column(START, lambda s: f"{s.start:%H:%M}"),
    Column(END, lambda s: f"{s.end:%H:%M}"),
    Column(VENUE, lambda s: s.venue),
    Column(words.PROGRAM, lambda s: s.program),
    Column(words.COHORT, lambda s: s.cohort),
    Column(words.ROLE, lambda s: s.role_name),
    Column(NEEDED, lambda s: s.needed),
    Column(STATUS, _status),
)
LABELS = tuple(column.label for column in GENERATED)
_NUMBER = "%(number)s"
_SIGNUP = re.compile("^" + re.escape(words.SIGNUP).replace(re.escape(_NUMBER), r"(\d+)") + "$")


def signup_label(number: int) -> str:
    """Header of the ``number``-th sign-up column (from 1)."""
    return words.SIGNUP % {"number": number}


def signup_number(label: str) -> int | None:
    """The number of a sign-up column's header (``bénévole 2``: 2), None for another."""
    found = _SIGNUP.match(label.strip())
    return int(found.group(1)) if found else None


def is_signup(label: str) -> bool:
    return signup_number(label) is not None


def row_values(shift: Shift) -> dict[str, Value]:
    """The generated cells of a shift, by column label."""
    return {column.label: column.value(shift) for column in GENERATED}


def is_struck(status: str) -> bool:
    """Cancelled and removed shifts are struck through."""
    return status.startswith(STATUS_CANCELLED) or status == STATUS_REMOVED


def cell_text(value: object) -> str:
    """How a cell reads, whatever the backend returned: '' for empty, '2' for 2 or 2.0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def normalize(typed: str) -> str:
    """``"  Éloïse Martin "`` -> ``"eloisemartin"``: what people type, compared as they
    mean it (no case, no accents, no spaces), for names and languages in the roster."""
    decomposed = unicodedata.normalize("NFKD", typed.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(kept.split())


_MARK = re.compile(r"\(([^()]*)\)\s*$")
_LAST_WORD = re.compile(r"(?:\s*[,;:/]\s*|\s+-?\s*)(\S+)\s*$")


def split_mark(typed: str) -> tuple[str, bool]:
    """``"Awa Diallo (empêchée)"`` -> ``("Awa Diallo", True)``: a sign-up whose person
    cannot come, their name kept as typed before the mark. The mark is read whatever its
    case, accents or gender ending (``empêché``, ``empêchée``, ``empêché·e``), and without
    its brackets when it is the last word after a name (``Awa Diallo empêchée``,
    ``Awa Diallo - empêchée``): read otherwise, it would be a name nobody has."""
    mark = normalize(words.UNAVAILABLE).rstrip("·.-e")
    for found in (_MARK.search(typed), _LAST_WORD.search(typed)):
        if found and typed[:found.start()].strip():
            word = normalize(found.group(1)).strip("()").rstrip("·.-e")
            if word and word == mark:
                return typed[:found.start()].strip(), True
    return typed.strip(), False


def column_letter(index: int) -> str:
    """'A' for 0, 'AA' for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


MARKER = 'N("konexio")=0'
"""Inside our conditional-format formulas (always true) so the sync recognises its own rules
and leaves rules people added alone."""


@dataclass(frozen=True)
class FormatRule:
    """A conditional format, the same formula for Google Sheets, Excel and LibreOffice."""

    kind: str  # "open-slot", "struck" or "past"
    first_col: int
    last_col: int  # inclusive
    formula: str


def format_rules(columns: dict[str, int], signups: dict[int, int], width: int) \
        -> tuple[FormatRule, ...]:
    """Highlight empty sign-up slots of the next 7 days; strike cancelled and removed rows;
    grey the rows of past shifts, so the upcoming ones stand out whatever the sort.

    ``columns`` maps generated labels to 0-based indexes, ``signups`` sign-up numbers to
    theirs. One rule per sign-up column (the k-th slot is open only when k <= needed), so
    the rules stay right wherever a later sign-up column was added. Formulas are written for
    row 2 with relative rows, the convention of both Sheets and xlsx.
    """
    date = f"${column_letter(columns[DATE])}2"
    status = f"${column_letter(columns[STATUS])}2"
    needed = f"${column_letter(columns[NEEDED])}2"
    struck = f'OR(LEFT({status},{len(STATUS_CANCELLED)})="{STATUS_CANCELLED}",' \
             f'{status}="{STATUS_REMOVED}")'
    rules = [FormatRule("struck", 0, width - 1, f"=AND({MARKER},{struck})"),
             FormatRule("past", 0, width - 1,
                        f"=AND({MARKER},{date}<>\"\",DATEVALUE({date})<TODAY())")]
    for number, col in sorted(signups.items()):
        cell = f"{column_letter(col)}2"
        rules.append(FormatRule("open-slot", col, col, (
            f'=AND({MARKER},{cell}="",{number}<={needed},NOT({struck}),'
            f"DATEVALUE({date})>=TODAY(),DATEVALUE({date})<TODAY()+7)")))
    return tuple(rules)


def api_cell(value: Value | None) -> dict:
    """A value as Google's ``CellData`` (numbers stay numbers; None leaves the cell as is)."""
    if value is None:
        return {}
    if isinstance(value, int):
        return {"userEnteredValue": {"numberValue": value}}
    return {"userEnteredValue": {"stringValue": value}}
