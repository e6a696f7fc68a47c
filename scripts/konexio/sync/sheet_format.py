"""How a shift worksheet looks, shared by both backends: widths, text columns, wrapping.

Pure: a plan in, a ``SheetFormat`` out; ``xlsx`` and ``google`` translate it to their own
calls. Why these choices:

- Dates stay ISO text (``2026-12-03``) beside the weekday column ``jour``: text sorts right
  in Google Sheets, LibreOffice and Excel, reads the same whatever the program's language
  (a date cell's weekday follows the reader's locale: "Thursday" in an English Excel), and
  Google returns it unchanged to the sync's read (a date cell comes back formatted in the
  spreadsheet's locale, which the id-matched compare would then depend on). The highlight
  formulas read it with ``DATEVALUE``, which takes ISO dates in all three programs.
- Every column except ``besoin`` has the text number format ``@``: what a person types in
  sign-up, notes or a column they add stays as typed (``0698765432``, ``+33 6…``, ``3/12``).
- The status wraps in its own column, so a long reason never spills over the empty sign-up
  cells beside it (an empty slot would look taken); any other column whose longest value
  passes its cap wraps too, so a long program or cohort name is never cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from konexio.sync import words
from konexio.sync.layout import GENERATED, ID, NEEDED, STATUS, VENUE, cell_text
from konexio.sync.plan import WorksheetPlan, WorksheetSnapshot

MIN_WIDTH = 6
"""Characters; a column never narrower than this."""
MAX_WIDTH = {ID: 14, VENUE: 34, words.PROGRAM: 34, words.COHORT: 34, STATUS: 28}
"""Caps in characters. A column whose longest value is wider than its cap wraps, so no
value is ever cut; but the id, which is for the sync, not for reading (clipped by the
date beside it: wrapped, it would make every row three lines tall)."""
DEFAULT_MAX = 24
SIGNUP_WIDTH = 18
"""Sign-up and notes columns: room for a name and a phone number."""
PEOPLE_EXTRA = 10
"""Columns right of the layout that also get the text format (a person may add some)."""
WRAPPED = (VENUE, STATUS)
"""Always wrapped: a place or a reason may be long in any later sync."""
CLIPPED = (ID,)
PIXELS_PER_CHAR = 7
"""Google's column widths are pixels; about 7 per character of its default font."""


@dataclass(frozen=True)
class SheetFormat:
    widths: dict[int, int]
    """Column index -> width in characters."""
    text_columns: tuple[int, ...]
    """Columns with the text number format '@' (everything but ``besoin``, plus spares)."""
    wrapped: tuple[int, ...]
    people_from: int
    """First column that belongs to people (sign-ups, notes, added columns)."""
    width: int
    """Columns the layout spans."""


def _longest(snapshot: WorksheetSnapshot, plan: WorksheetPlan, label: str, col: int) -> int:
    lengths = [len(label)]
    lengths += [len(cell_text(row[col])) for row in snapshot.rows[1:] if col < len(row)]
    lengths += [len(cell_text(w.value)) for w in plan.writes if w.col == col]
    lengths += [len(cell_text(line[col])) for line in plan.appends
                if col < len(line) and line[col] is not None]
    return max(lengths)


def sheet_format(snapshot: WorksheetSnapshot, plan: WorksheetPlan) -> SheetFormat:
    """Widths that fit each generated column's content (as it will be after ``plan``)."""
    widths: dict[int, int] = {}
    wrapped = [plan.columns[label] for label in WRAPPED]
    for column in GENERATED:
        col = plan.columns[column.label]
        fit = _longest(snapshot, plan, column.label, col) + 2
        cap = MAX_WIDTH.get(column.label, DEFAULT_MAX)
        widths[col] = max(MIN_WIDTH, min(fit, cap))
        if fit > cap and column.label not in CLIPPED and col not in wrapped:
            wrapped.append(col)
    people_from = max(plan.columns.values()) + 1
    for col in range(people_from, plan.width):
        widths[col] = SIGNUP_WIDTH
    needed = plan.columns[NEEDED]
    text = tuple(c for c in range(plan.width + PEOPLE_EXTRA) if c != needed)
    return SheetFormat(widths, text, tuple(sorted(wrapped)), people_from, plan.width)


def google_requests(sheet_id: int, fmt: SheetFormat, with_filter: bool = True) -> list[dict]:
    """The same format as Sheets v4 batchUpdate requests (field names as in the API's
    discovery document). Ranges without an end run to the grid's end, so columns a person
    adds right of ``notes`` and rows appended later get the text format too.

    Google Sheets has no page-setup API: landscape, fit to width, repeated header (the
    frozen row) and the page header are chosen in File > Print (see the README).
    """
    requests: list[dict] = []
    for col, width in sorted(fmt.widths.items()):
        requests.append({"updateDimensionProperties": {
            "range": {"sheetId": sheet_id, "dimension": "COLUMNS", "startIndex": col,
                      "endIndex": col + 1},
            "properties": {"pixelSize": width * PIXELS_PER_CHAR + 10},
            "fields": "pixelSize"}})
    text = {"userEnteredFormat": {"numberFormat": {"type": "TEXT"}}}
    generated = tuple(c for c in fmt.text_columns if c < fmt.people_from)
    ranges = [{"sheetId": sheet_id, "startRowIndex": 1, "startColumnIndex": start,
               "endColumnIndex": end} for start, end in _spans(generated)]
    ranges.append({"sheetId": sheet_id, "startRowIndex": 1,
                   "startColumnIndex": fmt.people_from})  # to the grid's last column
    for grid in ranges:
        requests.append({"repeatCell": {"range": grid, "cell": text,
                                        "fields": "userEnteredFormat.numberFormat"}})
    for col in fmt.wrapped:
        requests.append({"repeatCell": {
            "range": {"sheetId": sheet_id, "startRowIndex": 1, "startColumnIndex": col,
                      "endColumnIndex": col + 1},
            "cell": {"userEnteredFormat": {"wrapStrategy": "WRAP"}},
            "fields": "userEnteredFormat.wrapStrategy"}})
    requests.append({"repeatCell": {
        "range": {"sheetId": sheet_id, "startRowIndex": 0, "endRowIndex": 1},
        "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
        "fields": "userEnteredFormat.textFormat.bold"}})
    if with_filter:
        requests.append({"setBasicFilter": {"filter": {"range": {
            "sheetId": sheet_id, "startRowIndex": 0, "startColumnIndex": 0,
            "endColumnIndex": fmt.width}}}})
    return requests


def _spans(columns: tuple[int, ...]) -> list[tuple[int, int]]:
    """Consecutive runs of column indexes as (start, end exclusive); the last is open."""
    spans: list[tuple[int, int]] = []
    for col in columns:
        if spans and spans[-1][1] == col:
            spans[-1] = (spans[-1][0], col + 1)
        else:
            spans.append((col, col + 1))
    return spans
