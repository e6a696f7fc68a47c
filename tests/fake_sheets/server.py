"""The state and the behaviour of the fake Sheets API: what Google does, as far as we use it.

Only what the sync uses is implemented, and anything else is refused with a 400 so a test
notices when the code starts relying on something the fake does not model:
``GET spreadsheets/{id}`` (metadata), ``GET spreadsheets/{id}/values:batchGet`` (whole
worksheets) and ``POST spreadsheets/{id}:batchUpdate`` with addSheet, updateSheetProperties
(frozen rows), appendDimension, updateCells, appendCells, addProtectedRange,
addConditionalFormatRule and deleteConditionalFormatRule. A batchUpdate is applied to a
copy and kept only if every request succeeds: all or nothing, like Google.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field


class Rejected(Exception):
    """A request Google would answer with 400."""


@dataclass
class Sheet:
    sheet_id: int
    title: str
    row_count: int = 1000
    column_count: int = 26
    frozen_rows: int = 0
    cells: dict[tuple[int, int], str | float] = field(default_factory=dict)
    protected: list[dict] = field(default_factory=list)
    formats: list[dict] = field(default_factory=list)
    styling: list[dict] = field(default_factory=list)
    """repeatCell, updateDimensionProperties and setBasicFilter requests applied, in order
    (the fake records the look of a sheet, it does not render it)."""

    def last_row(self) -> int:
        """Index of the last row with a value (-1 when empty): appendCells goes below it."""
        return max((r for (r, _), v in self.cells.items() if v != ""), default=-1)

    def last_col(self) -> int:
        return max((c for (_, c), v in self.cells.items() if v != ""), default=-1)

    def formatted(self, row: int, col: int) -> str:
        value = self.cells.get((row, col), "")
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else str(value)
        return value

    def grid(self) -> list[list[str]]:
        """Every row up to the last with data, every column up to the last with data."""
        width = self.last_col() + 1
        return [[self.formatted(r, c) for c in range(width)] for r in range(self.last_row() + 1)]

    def metadata(self) -> dict:
        grid = {"rowCount": self.row_count, "columnCount": self.column_count}
        if self.frozen_rows:
            grid["frozenRowCount"] = self.frozen_rows
        found = {"properties": {"sheetId": self.sheet_id, "title": self.title,
                                "sheetType": "GRID", "gridProperties": grid}}
        if self.protected:
            found["protectedRanges"] = copy.deepcopy(self.protected)
        if self.formats:
            found["conditionalFormats"] = copy.deepcopy(self.formats)
        filters = [s["setBasicFilter"]["filter"] for s in self.styling if "setBasicFilter" in s]
        if filters:
            found["basicFilter"] = copy.deepcopy(filters[-1])
        return found


@dataclass
class Spreadsheet:
    id: str
    title: str
    sheets: list[Sheet] = field(default_factory=list)

    def sheet(self, sheet_id: int) -> Sheet:
        for sheet in self.sheets:
            if sheet.sheet_id == sheet_id:
                return sheet
        raise Rejected(f"No grid with id: {sheet_id}")

    def by_title(self, title: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        raise Rejected(f"Unable to parse range: {title}")


@dataclass
class Fault:
    """What goes wrong with the next request of ``kind``.

    ``status``: answer with this HTTP status; ``drop``: raise this exception instead of
    answering; ``applied``: for a batchUpdate, apply it first (the answer is what is lost).
    """

    kind: str
    status: int | None = None
    drop: type[Exception] | None = None
    applied: bool = False


@dataclass
class Logged:
    method: str
    kind: str
    spreadsheet: str
    timeout: object = None
    status: int = 0
    body: dict | None = None


class FakeSheets:
    """In-memory spreadsheets answering like the Sheets API v4."""

    def __init__(self) -> None:
        self.spreadsheets: dict[str, Spreadsheet] = {}
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        self.before_batch_update: Callable[[FakeSheets], None] | None = None
        """Runs between receiving a batchUpdate and applying it: a person typing meanwhile."""
        self._next_protection = 1

    # -- what tests use to set up and to play the people ------------------------------------

    def create(self, spreadsheet_id: str, title: str = "Bénévoles") -> Spreadsheet:
        made = Spreadsheet(spreadsheet_id, title, [Sheet(0, "Feuille 1")])
        self.spreadsheets[spreadsheet_id] = made
        return made

    def sheet(self, spreadsheet_id: str, title: str) -> Sheet:
        return self.spreadsheets[spreadsheet_id].by_title(title)

    def fail(self, kind: str, status: int | None = None, drop: type[Exception] | None = None,
             applied: bool = False, times: int = 1) -> None:
        self.faults += [Fault(kind, status, drop, applied) for _ in range(times)]

    def count(self, kind: str | None = None) -> int:
        return sum(1 for entry in self.log if kind is None or entry.kind == kind)

    def kinds(self) -> list[str]:
        """The kind of every request received, in order (failed ones included)."""
        return [entry.kind for entry in self.log]

    # -- the API ------------------------------------------------------------------------------

    def handle(self, method: str, path: str, params: dict[str, list[str]], body: dict | None,
               timeout: object = None) -> tuple[int, dict]:
        """Answer one request; may raise the exception of a ``drop`` fault."""
        route = _route(method, path)
        if route is None:
            self.log.append(Logged(method, "unsupported", "", timeout, 404))
            return 404, _error(404, f"unsupported by the fake: {method} {path}")
        kind, spreadsheet_id = route
        entry = Logged(method, kind, spreadsheet_id, timeout, body=body)
        self.log.append(entry)
        fault = next((f for f in self.faults if f.kind == kind), None)
        if fault:
            self.faults.remove(fault)
        if fault and not fault.applied:
            if fault.drop:
                raise fault.drop(f"fake: {kind} dropped before reaching the server")
            entry.status = fault.status or 500
            return entry.status, _error(entry.status, "fake fault")
        if spreadsheet_id not in self.spreadsheets:
            entry.status = 404
            return 404, _error(404, "Requested entity was not found.")
        spreadsheet = self.spreadsheets[spreadsheet_id]
        try:
            if kind == "metadata":
                answer = {"spreadsheetId": spreadsheet.id,
                          "properties": {"title": spreadsheet.title},
                          "sheets": [sheet.metadata() for sheet in spreadsheet.sheets]}
            elif kind == "batchGet":
                answer = self._batch_get(spreadsheet, params.get("ranges", []))
            else:
                if self.before_batch_update:
                    self.before_batch_update(self)
                answer = self._batch_update(spreadsheet_id, (body or {}).get("requests", []))
        except Rejected as error:
            entry.status = 400
            return 400, _error(400, str(error))
        if fault:  # applied, then the answer is lost
            if fault.drop:
                raise fault.drop(f"fake: {kind} applied, then the connection dropped")
            entry.status = fault.status or 500
            return entry.status, _error(entry.status, "fake fault after applying")
        entry.status = 200
        return 200, answer

    def _batch_get(self, spreadsheet: Spreadsheet, ranges: list[str]) -> dict:
        blocks = []
        for text in ranges:
            match = re.fullmatch(r"'((?:[^']|'')+)'|([^'!]+)", text)
            if not match:
                raise Rejected(f"fake supports whole-sheet ranges only: {text}")
            title = (match.group(1) or "").replace("''", "'") or match.group(2)
            sheet = spreadsheet.by_title(title)
            grid = sheet.grid()
            values = [row[: max((i + 1 for i, v in enumerate(row) if v != ""), default=0)]
                      for row in grid]
            block = {"range": f"'{title}'!A1:Z{sheet.row_count}", "majorDimension": "ROWS"}
            if values:
                block["values"] = values
            blocks.append(block)
        return {"spreadsheetId": spreadsheet.id, "valueRanges": blocks}

    def _batch_update(self, spreadsheet_id: str, requests: list[dict]) -> dict:
        if not requests:
            raise Rejected("Must specify at least one request.")
        draft = copy.deepcopy(self.spreadsheets[spreadsheet_id])
        replies = []
        for request in requests:
            if len(request) != 1:
                raise Rejected("each request must hold exactly one kind")
            (name, args), = request.items()
            handler = getattr(self, f"_do_{name}", None)
            if handler is None:
                raise Rejected(f"fake does not implement {name}")
            replies.append(handler(draft, args) or {})
        self.spreadsheets[spreadsheet_id] = draft  # all or nothing
        return {"spreadsheetId": spreadsheet_id, "replies": replies}

    # -- batchUpdate requests -----------------------------------------------------------------

    def _do_addSheet(self, book: Spreadsheet, args: dict) -> dict:
        props = args.get("properties", {})
        title = props.get("title") or f"Feuille {len(book.sheets) + 1}"
        if any(s.title == title for s in book.sheets):
            raise Rejected(f'A sheet with the name "{title}" already exists.')
        sheet_id = props.get("sheetId", max((s.sheet_id for s in book.sheets), default=0) + 1)
        if any(s.sheet_id == sheet_id for s in book.sheets):
            raise Rejected(f"sheetId {sheet_id} already exists")
        grid = props.get("gridProperties", {})
        sheet = Sheet(sheet_id, title, grid.get("rowCount", 1000), grid.get("columnCount", 26),
                      grid.get("frozenRowCount", 0))
        book.sheets.append(sheet)
        return {"addSheet": {"properties": sheet.metadata()["properties"]}}

    def _do_updateSheetProperties(self, book: Spreadsheet, args: dict) -> None:
        props = args["properties"]
        sheet = book.sheet(props["sheetId"])
        for path in args["fields"].split(","):
            if path == "gridProperties.frozenRowCount":
                sheet.frozen_rows = props["gridProperties"].get("frozenRowCount", 0)
            elif path == "title":
                sheet.title = props["title"]
            else:
                raise Rejected(f"fake does not implement field {path}")

    def _do_appendDimension(self, book: Spreadsheet, args: dict) -> None:
        sheet = book.sheet(args["sheetId"])
        if args["dimension"] == "COLUMNS":
            sheet.column_count += args["length"]
        else:
            sheet.row_count += args["length"]

    def _write_rows(self, sheet: Sheet, row: int, col: int, rows: list[dict], fields: str):
        if fields != "userEnteredValue":
            raise Rejected(f"fake only writes userEnteredValue, not {fields}")
        for r, line in enumerate(rows):
            for c, cell in enumerate(line.get("values", [])):
                at = (row + r, col + c)
                if at[0] >= sheet.row_count or at[1] >= sheet.column_count:
                    raise Rejected(f"Range ({sheet.title}!R{at[0] + 1}C{at[1] + 1}) exceeds "
                                   f"grid limits. Max rows: {sheet.row_count}, max columns: "
                                   f"{sheet.column_count}")
                value = cell.get("userEnteredValue", {})
                if "stringValue" in value:
                    sheet.cells[at] = value["stringValue"]
                elif "numberValue" in value:
                    sheet.cells[at] = float(value["numberValue"])
                elif not value:
                    sheet.cells.pop(at, None)
                else:
                    raise Rejected(f"fake does not implement value {value}")

    def _do_updateCells(self, book: Spreadsheet, args: dict) -> None:
        if "start" not in args:
            raise Rejected("fake implements updateCells with 'start' only")
        start = args["start"]
        sheet = book.sheet(start["sheetId"])
        self._write_rows(sheet, start.get("rowIndex", 0), start.get("columnIndex", 0),
                         args.get("rows", []), args.get("fields", ""))

    def _do_appendCells(self, book: Spreadsheet, args: dict) -> None:
        sheet = book.sheet(args["sheetId"])
        rows = args.get("rows", [])
        first = sheet.last_row() + 1
        sheet.row_count = max(sheet.row_count, first + len(rows))
        self._write_rows(sheet, first, 0, rows, args.get("fields", ""))

    def _do_addProtectedRange(self, book: Spreadsheet, args: dict) -> dict:
        made = copy.deepcopy(args["protectedRange"])
        book.sheet(made["range"]["sheetId"]).protected.append(made)
        made["protectedRangeId"] = self._next_protection
        self._next_protection += 1
        return {"addProtectedRange": {"protectedRange": made}}

    def _do_addConditionalFormatRule(self, book: Spreadsheet, args: dict) -> None:
        rule = copy.deepcopy(args["rule"])
        sheet = book.sheet(rule["ranges"][0]["sheetId"])
        index = args.get("index", 0)
        if index > len(sheet.formats):
            raise Rejected(f"index {index} out of range")
        sheet.formats.insert(index, rule)

    def _do_deleteConditionalFormatRule(self, book: Spreadsheet, args: dict) -> None:
        sheet = book.sheet(args["sheetId"])
        if not 0 <= args["index"] < len(sheet.formats):
            raise Rejected(f"No conditional format on sheet {sheet.sheet_id} at index "
                           f"{args['index']}")
        del sheet.formats[args["index"]]


    # -- formatting: recorded, after checking the fields the API requires ------------------

    def _style(self, book: Spreadsheet, name: str, args: dict, sheet_id: int,
               fields: tuple[str, ...]) -> None:
        missing = [key for key in fields if key not in args]
        if missing:
            raise Rejected(f"{name}: missing {', '.join(missing)}")
        book.sheet(sheet_id).styling.append({name: copy.deepcopy(args)})

    def _do_repeatCell(self, book: Spreadsheet, args: dict) -> None:
        self._style(book, "repeatCell", args, args["range"]["sheetId"],
                    ("range", "cell", "fields"))

    def _do_updateDimensionProperties(self, book: Spreadsheet, args: dict) -> None:
        self._style(book, "updateDimensionProperties", args, args["range"]["sheetId"],
                    ("range", "properties", "fields"))

    def _do_setBasicFilter(self, book: Spreadsheet, args: dict) -> None:
        self._style(book, "setBasicFilter", args, args["filter"]["range"]["sheetId"],
                    ("filter",))


def _route(method: str, path: str) -> tuple[str, str] | None:
    match = re.fullmatch(r"/v4/spreadsheets/([^/:]+)(:batchUpdate|/values:batchGet)?", path)
    if not match:
        return None
    spreadsheet_id, suffix = match.groups()
    kinds = {("GET", None): "metadata", ("GET", "/values:batchGet"): "batchGet",
             ("POST", ":batchUpdate"): "batchUpdate"}
    kind = kinds.get((method.upper(), suffix))
    return (kind, spreadsheet_id) if kind else None


def _error(code: int, message: str) -> dict:
    statuses = {400: "INVALID_ARGUMENT", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED",
                500: "INTERNAL", 503: "UNAVAILABLE"}
    return {"error": {"code": code, "message": message, "status": statuses.get(code, "")}}
