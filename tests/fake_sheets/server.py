"""The state and the behaviour of the fake Sheets API: what Google does, as far as we use it.

Every request is first checked against Google's discovery document (``contract.py``): a
request Google would refuse gets the 400 Google would send, naming the field. Valid requests
the fake does not model get a 501 that says so (and fails the test), never a silent 200.
Modelled: ``spreadsheets.create``, ``spreadsheets.get`` (with ``fields`` masks),
``values.batchGet`` (whole worksheets; ``valueRenderOption``, ``majorDimension``) and
``spreadsheets.batchUpdate`` with addSheet, deleteSheet, updateSheetProperties, appendDimension,
updateCells, appendCells, addProtectedRange, updateProtectedRange, deleteProtectedRange,
addConditionalFormatRule and deleteConditionalFormatRule. A batchUpdate is applied to a
copy and kept only if every request succeeds: all or nothing, like Google.

Who calls is the bearer token (the fake takes the token as the account's address): a
spreadsheet is owned by one account and shared with editors; a protected range that is not
warning-only refuses writes from anyone but its editors and the owner, as Google does.
"""

from __future__ import annotations

import copy
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from fake_sheets.contract import Contract, Invalid, NotFound, mask_tree, parse_mask, select

CONTRACT = Contract.load()
OWNER = "coordinatrice@konexio.example"
"""Who owns the spreadsheets tests create (a person, not the sync)."""
PROTECTED = ("You are trying to edit a protected cell or object. Please contact the "
             "spreadsheet owner to remove protection if you need to edit.")

INTERNAL_ERRORS: list[str] = []
"""Every 500 the fake gave because of its own bug; a test hook fails the test on any."""


class Rejected(Exception):
    """A request Google would answer with 400 (state-dependent, unlike ``Invalid``)."""


class Unimplemented(Exception):
    """Valid for Google, not modelled by the fake: a 501 that fails the test."""


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula: the fake keeps its text and computes nothing."""

    text: str


CellValue = str | float | bool | Formula


@dataclass
class Sheet:
    sheet_id: int
    title: str
    row_count: int = 1000
    column_count: int = 26
    frozen_rows: int = 0
    cells: dict[tuple[int, int], CellValue] = field(default_factory=dict)
    protected: list[dict] = field(default_factory=list)
    """ProtectedRange resources as stored (editors included, whoever reads)."""
    formats: list[dict] = field(default_factory=list)
    styling: list[dict] = field(default_factory=list)
    """repeatCell, updateDimensionProperties and setBasicFilter requests applied, in order
    (the fake records the look of a sheet, it does not render it)."""

    def last_row(self) -> int:
        """Index of the last row with a value (-1 when empty): appendCells goes below it."""
        return max((r for (r, _), v in self.cells.items() if v != ""), default=-1)

    def last_col(self) -> int:
        return max((c for (_, c), v in self.cells.items() if v != ""), default=-1)

    def rendered(self, row: int, col: int, option: str = "FORMATTED_VALUE"):
        """A cell as ``values.get`` renders it with ``valueRenderOption`` ``option``."""
        value = self.cells.get((row, col), "")
        if isinstance(value, Formula):
            # The fake does not compute: FORMULA shows the text, the others nothing.
            return value.text if option == "FORMULA" else ""
        if option != "FORMATTED_VALUE":
            if isinstance(value, float) and value.is_integer():
                return int(value)
            return value
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else str(value)
        return value

    def formatted(self, row: int, col: int) -> str:
        return self.rendered(row, col)

    def grid(self) -> list[list[str]]:
        """Every row up to the last with data, every column up to the last with data."""
        width = self.last_col() + 1
        return [[self.formatted(r, c) for c in range(width)] for r in range(self.last_row() + 1)]

    def properties(self, index: int) -> dict:
        grid = {"rowCount": self.row_count, "columnCount": self.column_count}
        if self.frozen_rows:
            grid["frozenRowCount"] = self.frozen_rows
        return {"sheetId": self.sheet_id, "title": self.title, "index": index,
                "sheetType": "GRID", "gridProperties": grid}

    def resource(self, index: int, account: str, owner: str) -> dict:
        """The Sheet resource as ``account`` sees it."""
        found: dict = {"properties": self.properties(index)}
        if self.protected:
            found["protectedRanges"] = [_as_seen(p, account, owner) for p in self.protected]
        if self.formats:
            found["conditionalFormats"] = copy.deepcopy(self.formats)
        filters = [s["setBasicFilter"]["filter"] for s in self.styling if "setBasicFilter" in s]
        if filters:
            found["basicFilter"] = copy.deepcopy(filters[-1])
        return found


def _can_edit(protection: dict, account: str, owner: str) -> bool:
    if protection.get("warningOnly") or account == owner:
        return True
    return account in protection.get("editors", {}).get("users", [])


def _as_seen(protection: dict, account: str, owner: str) -> dict:
    seen = copy.deepcopy(protection)
    can_edit = _can_edit(protection, account, owner)
    seen["requestingUserCanEdit"] = can_edit
    if not can_edit:
        seen.pop("editors", None)  # "only visible to users with edit access"
    return seen


@dataclass
class Spreadsheet:
    id: str
    title: str
    sheets: list[Sheet] = field(default_factory=list)
    owner: str = OWNER
    editors: set[str] = field(default_factory=set)
    """Accounts the spreadsheet is shared with as editors (Drive sharing)."""

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

    def resource(self, account: str) -> dict:
        return {"spreadsheetId": self.id,
                "properties": {"title": self.title, "locale": "fr_FR",
                               "timeZone": "Europe/Paris"},
                "sheets": [s.resource(i, account, self.owner)
                           for i, s in enumerate(self.sheets)],
                "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{self.id}/edit"}


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
    params: dict[str, list[str]] = field(default_factory=dict)
    account: str | None = None
    message: str = ""
    """The error message when status is not 200."""


KINDS = {"sheets.spreadsheets.get": "metadata", "sheets.spreadsheets.values.batchGet": "batchGet",
         "sheets.spreadsheets.batchUpdate": "batchUpdate", "sheets.spreadsheets.create": "create"}


class FakeSheets:
    """In-memory spreadsheets answering like the Sheets API v4."""

    def __init__(self) -> None:
        self.spreadsheets: dict[str, Spreadsheet] = {}
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        self.before_batch_update: Callable[[FakeSheets], None] | None = None
        """Runs between receiving a batchUpdate and applying it: a person typing meanwhile."""
        self._next_protection = 1
        self._next_spreadsheet = 1

    # -- what tests use to set up and to play the people ------------------------------------

    def create(self, spreadsheet_id: str, title: str = "Bénévoles", owner: str = OWNER,
               editors: tuple[str, ...] = ()) -> Spreadsheet:
        made = Spreadsheet(spreadsheet_id, title, [Sheet(0, "Feuille 1")], owner, set(editors))
        self.spreadsheets[spreadsheet_id] = made
        return made

    def sheet(self, spreadsheet_id: str, title: str) -> Sheet:
        return self.spreadsheets[spreadsheet_id].by_title(title)

    def fail(self, kind: str, status: int | None = None, drop: type[Exception] | None = None,
             applied: bool = False, times: int = 1) -> None:
        self.faults += [Fault(kind, status, drop, applied) for _ in range(times)]

    def count(self, kind: str | None = None, spreadsheet: str | None = None) -> int:
        return sum(1 for entry in self.log if (kind is None or entry.kind == kind)
                   and (spreadsheet is None or entry.spreadsheet == spreadsheet))

    def kinds(self, spreadsheet: str | None = None) -> list[str]:
        """The kind of every request received, in order (failed ones included); only
        those to ``spreadsheet`` when given."""
        return [entry.kind for entry in self.log
                if spreadsheet is None or entry.spreadsheet == spreadsheet]

    # -- the API ------------------------------------------------------------------------------

    def handle(self, method: str, path: str, params: dict[str, list[str]], body: object,
               timeout: object = None, account: str | None = None) -> tuple[int, dict]:
        """Answer one request; may raise the exception of a ``drop`` fault, nothing else."""
        entry = Logged(method, "unsupported", "", timeout,
                       body=body if isinstance(body, dict) else None, params=params,
                       account=account)
        self.log.append(entry)
        try:
            status, answer = self._handle(entry, method, path, params, body, account)
        except (Invalid, Rejected) as error:
            status, answer = 400, _error(400, str(error))
        except NotFound as error:
            status, answer = 404, _error(404, str(error))
        except Unimplemented as error:
            status, answer = 501, _error(501, f"not modelled by the fake: {error}")
            INTERNAL_ERRORS.append(f"{method} {path}: {error}")
        except _Drop as drop:
            raise drop.error from None
        except Exception as error:  # the fake's own bug: answer 500, and fail the test
            status, answer = 500, _error(500, f"fake Sheets crashed: {error!r}")
            INTERNAL_ERRORS.append(f"{method} {path}: {traceback.format_exc()}")
        entry.status = status
        if status != 200:
            entry.message = answer["error"]["message"]
        return status, answer

    def _handle(self, entry: Logged, method: str, path: str, params: dict[str, list[str]],
                body: object, account: str | None) -> tuple[int, dict]:
        api, path_params = CONTRACT.check(method, path, params, body)
        if api.request:
            body = CONTRACT.normalize(api.request, body or {})
        kind = KINDS.get(api.id)
        if kind is None:
            raise Unimplemented(api.id)
        entry.kind = kind
        entry.spreadsheet = path_params.get("spreadsheetId", "")
        fault = next((f for f in self.faults if f.kind == kind), None)
        if fault:
            self.faults.remove(fault)
        if fault and not fault.applied:
            if fault.drop:
                raise _Drop(fault.drop(f"fake: {kind} dropped before reaching the server"))
            return fault.status or 500, _error(fault.status or 500, "fake fault")
        if not account:
            return 401, _error(401, "Request is missing required authentication credential.")
        if kind == "create":
            answer = self._create(body or {}, account)
        else:
            spreadsheet = self.spreadsheets.get(entry.spreadsheet)
            if spreadsheet is None:
                return 404, _error(404, "Requested entity was not found.")
            if account != spreadsheet.owner and account not in spreadsheet.editors:
                return 403, _error(403, "The caller does not have permission")
            if kind == "metadata":
                answer = self._get(spreadsheet, params, account)
            elif kind == "batchGet":
                answer = self._batch_get(spreadsheet, params)
            else:
                if self.before_batch_update:
                    self.before_batch_update(self)
                answer = self._batch_update(spreadsheet.id, (body or {}).get("requests") or [],
                                            account)
        if "fields" in params:
            answer = select(answer, mask_tree(parse_mask(params["fields"][0])))
        CONTRACT.check_response(api.response, answer)  # a bug of ours is a 500, not a lie
        if fault:  # applied, then the answer is lost
            if fault.drop:
                raise _Drop(fault.drop(f"fake: {kind} applied, then the connection dropped"))
            return fault.status or 500, _error(fault.status or 500, "fake fault after applying")
        return 200, answer

    def _create(self, body: dict, account: str) -> dict:
        spreadsheet_id = f"fake-spreadsheet-{self._next_spreadsheet}"
        self._next_spreadsheet += 1
        title = body.get("properties", {}).get("title") or "Untitled spreadsheet"
        made = Spreadsheet(spreadsheet_id, title, [], owner=account)
        for index, sheet in enumerate(body.get("sheets") or [{}]):
            props = sheet.get("properties", {})
            grid = props.get("gridProperties", {})
            if sheet.keys() - {"properties"}:
                raise Unimplemented("spreadsheets.create with sheet content other than "
                                    "properties")
            made.sheets.append(Sheet(props.get("sheetId", index), props.get("title") or
                                     f"Sheet{index + 1}", grid.get("rowCount", 1000),
                                     grid.get("columnCount", 26), grid.get("frozenRowCount", 0)))
        self.spreadsheets[spreadsheet_id] = made
        return made.resource(account)

    def _get(self, spreadsheet: Spreadsheet, params: dict[str, list[str]], account: str) -> dict:
        if params.get("ranges"):
            raise Unimplemented("spreadsheets.get with ranges")
        if params.get("includeGridData", ["false"])[0].lower() == "true" and \
                "fields" not in params:
            raise Unimplemented("spreadsheets.get with includeGridData")
        return spreadsheet.resource(account)

    def _batch_get(self, spreadsheet: Spreadsheet, params: dict[str, list[str]]) -> dict:
        option = params.get("valueRenderOption", ["FORMATTED_VALUE"])[0]
        major = params.get("majorDimension", ["ROWS"])[0]
        if major == "DIMENSION_UNSPECIFIED":
            major = "ROWS"
        blocks = []
        for text in params.get("ranges", []):
            # A whole worksheet, or whole columns of it ('Paris'!C:C, the A1 notation).
            match = re.fullmatch(r"(?:'((?:[^']|'')+)'|([^'!]+))(?:!([A-Z]+):([A-Z]+))?", text)
            if not match:
                raise Unimplemented(f"values.batchGet of a part of a worksheet: {text}")
            title = (match.group(1) or "").replace("''", "'") or match.group(2)
            sheet = spreadsheet.by_title(title)
            first, last = 0, sheet.column_count - 1
            if match.group(3):
                first, last = sorted((_column_index(match.group(3)),
                                      _column_index(match.group(4))))  # C:A reads as A:C
                if last >= sheet.column_count:
                    raise Rejected(f"Range ({text}) exceeds grid limits. Max rows: "
                                   f"{sheet.row_count}, max columns: {sheet.column_count}")
            # Read once, not per row; the last row and column holding a value inside it.
            width = min(sheet.last_col(), last) + 1 - first
            height = sheet.last_row() + 1
            rows = [[sheet.rendered(r, c, option) for c in range(first, first + width)]
                    for r in range(height)]
            if major == "COLUMNS":
                rows = [list(column) for column in zip(*rows, strict=True)]
            # "For output, empty trailing rows and columns will not be included."
            values = [row[: max((i + 1 for i, v in enumerate(row) if v != ""), default=0)]
                      for row in rows]
            while values and not values[-1]:
                values.pop()
            block = {"range": f"{_quoted(title)}!{_column_letter(first)}1:"
                              f"{_column_letter(last)}{sheet.row_count}",
                     "majorDimension": major}
            if values:
                block["values"] = values
            blocks.append(block)
        return {"spreadsheetId": spreadsheet.id, "valueRanges": blocks}

    def _batch_update(self, spreadsheet_id: str, requests: list[dict], account: str) -> dict:
        if not requests:
            raise Rejected("Invalid requests: Must specify at least one request.")
        draft = copy.deepcopy(self.spreadsheets[spreadsheet_id])
        replies = []
        for index, request in enumerate(requests):
            (name, args), = ((k, v) for k, v in request.items() if v is not None)
            handler = getattr(self, f"_do_{name}", None)
            if handler is None:
                raise Unimplemented(f"batchUpdate request {name}")
            try:
                replies.append(handler(draft, args, account) or {})
            except Rejected as error:
                raise Rejected(f"Invalid requests[{index}].{name}: {error}") from None
        self.spreadsheets[spreadsheet_id] = draft  # all or nothing
        return {"spreadsheetId": spreadsheet_id, "replies": replies}

    # -- batchUpdate requests -----------------------------------------------------------------

    def _do_addSheet(self, book: Spreadsheet, args: dict, account: str) -> dict:
        props = args.get("properties") or {}
        if props.keys() - {"sheetId", "title", "gridProperties", "index"}:
            raise Unimplemented(f"addSheet with {sorted(props)}")
        title = props.get("title") or f"Feuille {len(book.sheets) + 1}"
        if any(s.title == title for s in book.sheets):
            raise Rejected(f'A sheet with the name "{title}" already exists. Please enter '
                           "another name.")
        sheet_id = props.get("sheetId", max((s.sheet_id for s in book.sheets), default=0) + 1)
        if any(s.sheet_id == sheet_id for s in book.sheets):
            raise Rejected(f"Sheet with id {sheet_id} already exists.")
        grid = props.get("gridProperties") or {}
        sheet = Sheet(sheet_id, title, grid.get("rowCount", 1000), grid.get("columnCount", 26),
                      grid.get("frozenRowCount", 0))
        book.sheets.append(sheet)
        return {"addSheet": {"properties": sheet.properties(len(book.sheets) - 1)}}

    def _do_deleteSheet(self, book: Spreadsheet, args: dict, account: str) -> None:
        sheet = book.sheet(args.get("sheetId", 0))
        if len(book.sheets) == 1:
            raise Rejected("You can't remove all the sheets in a document.")
        book.sheets.remove(sheet)

    def _do_updateSheetProperties(self, book: Spreadsheet, args: dict, account: str) -> None:
        props = args.get("properties") or {}
        sheet = book.sheet(props.get("sheetId", 0))
        for path in parse_mask(args["fields"]):
            dotted = ".".join(path)
            if dotted == "gridProperties.frozenRowCount":
                sheet.frozen_rows = (props.get("gridProperties") or {}).get("frozenRowCount", 0)
            elif dotted == "title":
                sheet.title = props["title"]
            else:
                raise Unimplemented(f"updateSheetProperties of {dotted}")

    def _do_appendDimension(self, book: Spreadsheet, args: dict, account: str) -> None:
        sheet = book.sheet(args.get("sheetId", 0))
        if args.get("length", 0) <= 0:
            raise Rejected("length must be greater than 0")
        if args.get("dimension") == "COLUMNS":
            sheet.column_count += args["length"]
        elif args.get("dimension") == "ROWS":
            sheet.row_count += args["length"]
        else:
            raise Rejected("dimension must be ROWS or COLUMNS")

    @staticmethod
    def _check_protection(book: Spreadsheet, sheet: Sheet, cells: list[tuple[int, int]],
                          account: str) -> None:
        for protection in sheet.protected:
            if _can_edit(protection, account, book.owner):
                continue
            box = protection.get("range", {})
            if any(_inside(box, row, col) for row, col in cells):
                raise Rejected(PROTECTED)

    def _write_rows(self, book: Spreadsheet, sheet: Sheet, row: int, col: int,
                    rows: list[dict], fields: str, account: str) -> None:
        if fields not in ("userEnteredValue", "*"):
            raise Unimplemented(f"writing cell fields {fields!r} (only userEnteredValue)")
        writes: dict[tuple[int, int], CellValue | None] = {}
        for r, line in enumerate(rows):
            for c, cell in enumerate((line or {}).get("values") or []):
                at = (row + r, col + c)
                if at[0] >= sheet.row_count or at[1] >= sheet.column_count:
                    raise Rejected(f"Range ({sheet.title}!R{at[0] + 1}C{at[1] + 1}) exceeds "
                                   f"grid limits. Max rows: {sheet.row_count}, max columns: "
                                   f"{sheet.column_count}")
                cell = cell or {}
                if fields == "*" and cell.keys() - {"userEnteredValue"}:
                    raise Unimplemented(f"writing cell fields {sorted(cell)}")
                value = cell.get("userEnteredValue") or {}
                if "stringValue" in value:
                    writes[at] = value["stringValue"]
                elif "numberValue" in value:
                    writes[at] = float(value["numberValue"])
                elif "boolValue" in value:
                    writes[at] = bool(value["boolValue"])
                elif "formulaValue" in value:
                    writes[at] = Formula(value["formulaValue"])
                else:
                    writes[at] = None
        self._check_protection(book, sheet, list(writes), account)
        for at, value in writes.items():
            if value is None or value == "":
                sheet.cells.pop(at, None)
            else:
                sheet.cells[at] = value

    def _do_updateCells(self, book: Spreadsheet, args: dict, account: str) -> None:
        if args.get("range") is not None:
            raise Unimplemented("updateCells with 'range' (the sync uses 'start')")
        start = args["start"]
        sheet = book.sheet(start.get("sheetId", 0))
        self._write_rows(book, sheet, start.get("rowIndex", 0), start.get("columnIndex", 0),
                         args.get("rows") or [], args.get("fields", ""), account)

    def _do_appendCells(self, book: Spreadsheet, args: dict, account: str) -> None:
        if args.get("tableId"):
            raise Unimplemented("appendCells into a table")
        sheet = book.sheet(args.get("sheetId", 0))
        rows = args.get("rows") or []
        first = sheet.last_row() + 1
        sheet.row_count = max(sheet.row_count, first + len(rows))
        self._write_rows(book, sheet, first, 0, rows, args.get("fields", ""), account)

    def _do_addProtectedRange(self, book: Spreadsheet, args: dict, account: str) -> dict:
        made = copy.deepcopy(args.get("protectedRange") or {})
        if made.get("range") is None:
            raise Unimplemented("protection of a named range or a table")
        if made.get("unprotectedRanges"):
            raise Unimplemented("unprotectedRanges")
        book.sheet(made["range"].get("sheetId", 0)).protected.append(made)
        if not made.get("warningOnly") and not made.get("editors"):
            # Without editors Google lets the owner and whoever protected it edit.
            made["editors"] = {"users": sorted({book.owner, account})}
        made["protectedRangeId"] = self._next_protection
        self._next_protection += 1
        return {"addProtectedRange": {"protectedRange": _as_seen(made, account, book.owner)}}

    def _protection(self, book: Spreadsheet, protection_id: int, account: str) \
            -> tuple[Sheet, int]:
        for sheet in book.sheets:
            for index, protection in enumerate(sheet.protected):
                if protection["protectedRangeId"] == protection_id:
                    if not _can_edit(protection, account, book.owner) and \
                            not protection.get("warningOnly"):
                        raise Rejected(PROTECTED)
                    return sheet, index
        raise Rejected(f"No protected range with id: {protection_id}")

    def _do_updateProtectedRange(self, book: Spreadsheet, args: dict, account: str) -> None:
        wanted = args.get("protectedRange") or {}
        sheet, index = self._protection(book, wanted.get("protectedRangeId", 0), account)
        protection = sheet.protected[index]
        for path in parse_mask(args["fields"]):
            dotted = ".".join(path)
            if dotted in ("warningOnly", "description", "editors", "range"):
                if wanted.get(dotted) is None:
                    protection.pop(dotted, None)
                else:
                    protection[dotted] = copy.deepcopy(wanted[dotted])
            else:
                raise Unimplemented(f"updateProtectedRange of {dotted}")
        if protection.get("warningOnly"):
            protection.pop("editors", None)  # "if this field is true, editors are ignored"
        elif not protection.get("editors"):
            protection["editors"] = {"users": sorted({book.owner, *book.editors})}

    def _do_deleteProtectedRange(self, book: Spreadsheet, args: dict, account: str) -> None:
        sheet, index = self._protection(book, args.get("protectedRangeId", 0), account)
        del sheet.protected[index]

    def _do_addConditionalFormatRule(self, book: Spreadsheet, args: dict, account: str) -> None:
        rule = copy.deepcopy(args.get("rule") or {})
        if not rule.get("ranges"):
            raise Rejected("rule must have at least one range")
        sheet = book.sheet(rule["ranges"][0].get("sheetId", 0))
        index = args.get("index", 0)
        if index > len(sheet.formats):
            raise Rejected(f"index {index} out of range")
        sheet.formats.insert(index, rule)

    def _do_deleteConditionalFormatRule(self, book: Spreadsheet, args: dict, account: str) \
            -> dict:
        sheet = book.sheet(args.get("sheetId", 0))
        index = args.get("index", 0)
        if not 0 <= index < len(sheet.formats):
            raise Rejected(f"No conditional format on sheet {sheet.sheet_id} at index {index}")
        rule = sheet.formats.pop(index)
        return {"deleteConditionalFormatRule": {"rule": rule}}

    # -- formatting: recorded, after checking the fields the API requires ------------------

    def _style(self, book: Spreadsheet, name: str, args: dict, sheet_id: int,
               fields: tuple[str, ...]) -> None:
        # The contract has checked names and types; these fields it cannot call required.
        missing = [key for key in fields if key not in args]
        if missing:
            raise Rejected(f"{name}: missing {', '.join(missing)}")
        book.sheet(sheet_id).styling.append({name: copy.deepcopy(args)})

    def _do_repeatCell(self, book: Spreadsheet, args: dict, account: str) -> None:
        self._style(book, "repeatCell", args, args.get("range", {}).get("sheetId", 0),
                    ("range", "cell", "fields"))

    def _do_updateDimensionProperties(self, book: Spreadsheet, args: dict, account: str) -> None:
        self._style(book, "updateDimensionProperties", args,
                    args.get("range", {}).get("sheetId", 0), ("range", "properties", "fields"))

    def _do_setBasicFilter(self, book: Spreadsheet, args: dict, account: str) -> None:
        self._style(book, "setBasicFilter", args,
                    args.get("filter", {}).get("range", {}).get("sheetId", 0), ("filter",))


class _Drop(Exception):
    """Carries a fault's network exception out through the fake's error handling."""

    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def _inside(box: dict, row: int, col: int) -> bool:
    """Whether a cell is in a GridRange (unset bounds are unbounded)."""
    return (box.get("startRowIndex", 0) <= row < box.get("endRowIndex", 2**31)
            and box.get("startColumnIndex", 0) <= col < box.get("endColumnIndex", 2**31))


def _quoted(title: str) -> str:
    return title if re.fullmatch(r"[A-Za-z0-9_]+", title) else \
        "'" + title.replace("'", "''") + "'"


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _error(code: int, message: str) -> dict:
    statuses = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
                404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL",
                501: "UNIMPLEMENTED", 503: "UNAVAILABLE"}
    return {"error": {"code": code, "message": message, "status": statuses.get(code, "UNKNOWN")}}
