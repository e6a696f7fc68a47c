"""Requests Google accepts and requests it refuses, shaped like the sync's own.

Each malformed case changes one thing in a valid request and names the field path Google's
400 must mention. ``tests/test_fake_sheets_contract.py`` sends them all, to the contract
alone and to the fake over HTTP. Add a case here when the sync starts sending a new shape.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

SPREADSHEET = "1contract-cases"
SHEET = 0  # the fake's first worksheet, "Feuille 1"
METADATA = f"/v4/spreadsheets/{SPREADSHEET}"
VALUES = f"/v4/spreadsheets/{SPREADSHEET}/values:batchGet"
BATCH = f"/v4/spreadsheets/{SPREADSHEET}:batchUpdate"
READ_MASK = ("sheets(properties(sheetId,title,gridProperties),protectedRanges("
             "protectedRangeId,description,warningOnly,requestingUserCanEdit),"
             "conditionalFormats)")


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    params: dict[str, list[str]] = field(default_factory=dict)
    body: dict | None = None
    where: str = ""
    """For a malformed case: text the 400's message must hold (the field path)."""


def _cells(*values: dict) -> dict:
    return {"updateCells": {"start": {"sheetId": SHEET, "rowIndex": 1, "columnIndex": 0},
                            "rows": [{"values": [{"userEnteredValue": v} for v in values]}],
                            "fields": "userEnteredValue"}}


PROTECT = {"addProtectedRange": {"protectedRange": {
    "range": {"sheetId": SHEET, "startColumnIndex": 0, "endColumnIndex": 11},
    "description": "konexio sync", "warningOnly": True}}}
FREEZE = {"updateSheetProperties": {
    "properties": {"sheetId": SHEET, "gridProperties": {"frozenRowCount": 1}},
    "fields": "gridProperties.frozenRowCount"}}
RULE = {"addConditionalFormatRule": {"index": 0, "rule": {
    "ranges": [{"sheetId": SHEET, "startRowIndex": 1, "startColumnIndex": 0,
                "endColumnIndex": 14}],
    "booleanRule": {"condition": {"type": "CUSTOM_FORMULA",
                                  "values": [{"userEnteredValue": '=AND(N("konexio")=0)'}]},
                    "format": {"textFormat": {"strikethrough": True,
                                              "foregroundColor": {"red": 0.6}}}}}}}
APPEND = {"appendCells": {"sheetId": SHEET, "fields": "userEnteredValue", "rows": [
    {"values": [{"userEnteredValue": {"stringValue": "digitall-paris/2026-09-07/1400"}},
                {"userEnteredValue": {"numberValue": 2}}, {}]}]}}
ADD_SHEET = {"addSheet": {"properties": {"sheetId": 123, "title": "Paris", "gridProperties": {
    "rowCount": 1000, "columnCount": 26, "frozenRowCount": 1}}}}
WIDEN = {"appendDimension": {"sheetId": SHEET, "dimension": "COLUMNS", "length": 3}}


def batch(*requests: dict) -> dict:
    return {"requests": [copy.deepcopy(r) for r in requests]}


def changed(request: dict, path: tuple, value=None, delete: bool = False) -> dict:
    """A copy of ``request`` with one thing at ``path`` (keys and list indexes) changed."""
    made = copy.deepcopy(request)
    node = made
    for step in path[:-1]:
        node = node[step]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return made


VALID = [
    Case("metadata as the sync reads it", "GET", METADATA,
         {"includeGridData": ["false"], "fields": [READ_MASK]}),
    Case("metadata, whole", "GET", METADATA),
    Case("values as the sync reads them", "GET", VALUES,
         {"ranges": ["'Feuille 1'"], "majorDimension": ["ROWS"],
          "valueRenderOption": ["FORMATTED_VALUE"]}),
    Case("values by column, unformatted", "GET", VALUES,
         {"ranges": ["'Feuille 1'"], "majorDimension": ["COLUMNS"],
          "valueRenderOption": ["UNFORMATTED_VALUE"], "dateTimeRenderOption": ["SERIAL_NUMBER"]}),
    Case("values with formulas", "GET", VALUES,
         {"ranges": ["'Feuille 1'"], "valueRenderOption": ["FORMULA"]}),
    Case("one column, as the sync reads the ids back", "GET", VALUES,
         {"ranges": ["'Feuille 1'!A:A"], "majorDimension": ["COLUMNS"],
          "valueRenderOption": ["FORMATTED_VALUE"]}),
    Case("every kind the sync sends, in one batch", "POST", BATCH,
         body=batch(ADD_SHEET, FREEZE, WIDEN, _cells({"stringValue": "id"}, {"numberValue": 2}),
                    PROTECT, RULE, APPEND)),
    Case("a boolean and a formula", "POST", BATCH,
         body=batch(_cells({"boolValue": True}, {"formulaValue": "=1+1"}))),
    Case("a cell left empty", "POST", BATCH, body=batch(_cells({}))),
    Case("an answer trimmed by a fields mask", "POST", BATCH, {"fields": ["replies"]},
         body=batch(ADD_SHEET)),
    Case("integers as strings, as proto3 JSON allows", "POST", BATCH,
         body=batch(changed(WIDEN, ("appendDimension", "length"), "3"))),
    Case("a spreadsheet created", "POST", "/v4/spreadsheets",
         body={"properties": {"title": "Essai"}, "sheets": [{"properties": {"title": "Paris"}}]}),
]

_AP = ("addProtectedRange", "protectedRange")
_UC = ("updateCells", "rows", 0, "values", 0, "userEnteredValue")
MALFORMED = [
    Case("misspelt warningOnly", "POST", BATCH,
         body=batch(changed(changed(PROTECT, _AP + ("warningOnly",), delete=True),
                            _AP + ("warningOnlyy",), True)),
         where='Unknown name "warningOnlyy" at \'requests[0].add_protected_range.'
               "protected_range'"),
    Case("misspelt frozenRowCount in the properties", "POST", BATCH,
         body=batch(changed(FREEZE, ("updateSheetProperties", "properties", "gridProperties"),
                            {"frozenRowCounts": 1})),
         where='"frozenRowCounts" at \'requests[0].update_sheet_properties.properties.'
               "grid_properties'"),
    Case("misspelt frozenRowCount in the fields mask", "POST", BATCH,
         body=batch(changed(FREEZE, ("updateSheetProperties", "fields"),
                            "gridProperties.frozenRowCounts")),
         where="requests[0].update_sheet_properties.fields"),
    Case("strikeThrough for strikethrough", "POST", BATCH,
         body=batch(changed(RULE, ("addConditionalFormatRule", "rule", "booleanRule", "format",
                                   "textFormat"), {"strikeThrough": True})),
         where='"strikeThrough" at \'requests[0].add_conditional_format_rule.rule.boolean_rule.'
               "format.text_format'"),
    Case("an unknown extra field", "POST", BATCH,
         body=batch(changed(APPEND, ("appendCells", "colour"), "red")),
         where='"colour" at \'requests[0].append_cells\''),
    Case("an unknown request kind", "POST", BATCH, body={"requests": [{"addSheets": {}}]},
         where='"addSheets" at \'requests[0]\''),
    Case("an enum value that does not exist", "POST", BATCH,
         body=batch(changed(WIDEN, ("appendDimension", "dimension"), "COLUMN")),
         where="'requests[0].append_dimension.dimension'"),
    Case("a condition type that does not exist", "POST", BATCH,
         body=batch(changed(RULE, ("addConditionalFormatRule", "rule", "booleanRule",
                                   "condition", "type"), "FORMULA")),
         where="requests[0].add_conditional_format_rule.rule.boolean_rule.condition.type"),
    Case("a custom formula without =", "POST", BATCH,
         body=batch(changed(RULE, ("addConditionalFormatRule", "rule", "booleanRule",
                                   "condition", "values"),
                            [{"userEnteredValue": 'AND(N("konexio")=0)'}])),
         where="requests[0].add_conditional_format_rule.rule.boolean_rule.condition.values[0]"
               ".user_entered_value"),
    Case("a custom formula with two values", "POST", BATCH,
         body=batch(changed(RULE, ("addConditionalFormatRule", "rule", "booleanRule",
                                   "condition", "values"),
                            [{"userEnteredValue": "=TRUE"}, {"userEnteredValue": "=TRUE"}])),
         where="requests[0].add_conditional_format_rule.rule.boolean_rule.condition"),
    Case("start and range both set", "POST", BATCH,
         body=batch(changed(_cells({"stringValue": "x"}), ("updateCells", "range"),
                            {"sheetId": SHEET})),
         where="'requests[0].update_cells' (oneof)"),
    Case("neither start nor range", "POST", BATCH,
         body=batch(changed(_cells({"stringValue": "x"}), ("updateCells", "start"),
                            delete=True)),
         where="requests[0].update_cells"),
    Case("two kinds of value in one cell", "POST", BATCH,
         body=batch(_cells({"stringValue": "2", "numberValue": 2})),
         where="'requests[0].update_cells.rows[0].values[0].user_entered_value' (oneof)"),
    Case("a formula without =", "POST", BATCH, body=batch(_cells({"formulaValue": "1+1"})),
         where="requests[0].update_cells.rows[0].values[0].user_entered_value.formula_value"),
    Case("two kinds in one request", "POST", BATCH, body={"requests": [{**WIDEN, **FREEZE}]},
         where="'requests[0]' (oneof), oneof field 'kind'"),
    Case("an empty request", "POST", BATCH, body={"requests": [{}]}, where="requests[0]"),
    Case("a read mask with a typo", "GET", METADATA,
         {"fields": [READ_MASK.replace("sheetId", "sheetid")]}, where="'fields'"),
    Case("an undeclared query parameter", "GET", VALUES,
         {"ranges": ["'Feuille 1'"], "valueRender": ["FORMULA"]}, where='"valueRender"'),
    Case("a valueRenderOption that does not exist", "GET", VALUES,
         {"ranges": ["'Feuille 1'"], "valueRenderOption": ["FORMATTED"]},
         where="'value_render_option'"),
    Case("a majorDimension that does not exist", "GET", VALUES,
         {"ranges": ["'Feuille 1'"], "majorDimension": ["ROW"]}, where="'major_dimension'"),
    Case("a non-repeated parameter repeated", "GET", VALUES,
         {"ranges": ["'Feuille 1'"], "majorDimension": ["ROWS", "COLUMNS"]},
         where="'major_dimension'"),
    Case("a row index past int32", "POST", BATCH,
         body=batch(changed(_cells({"stringValue": "x"}), ("updateCells", "start", "rowIndex"),
                            2**31)),
         where="'requests[0].update_cells.start.row_index' (TYPE_INT32)"),
    Case("a sheet id that is not a number", "POST", BATCH,
         body=batch(changed(APPEND, ("appendCells", "sheetId"), "Paris")),
         where="'requests[0].append_cells.sheet_id' (TYPE_INT32)"),
    Case("a boolean as text", "POST", BATCH,
         body=batch(changed(PROTECT, _AP + ("warningOnly",), "true")),
         where="'requests[0].add_protected_range.protected_range.warning_only' (TYPE_BOOL)"),
    Case("a number as text", "POST", BATCH, body=batch(_cells({"numberValue": "2"})),
         where="values[0].user_entered_value.number_value' (TYPE_DOUBLE)"),
    Case("rows that are not a list", "POST", BATCH,
         body=batch(changed(APPEND, ("appendCells", "rows"), {"values": []})),
         where="'requests[0].append_cells.rows' (TYPE_REPEATED)"),
    Case("a read-only field written", "POST", BATCH,
         body=batch(changed(APPEND, ("appendCells", "rows", 0, "values", 0, "formattedValue"),
                            "x")),
         where="'requests[0].append_cells.rows[0].values[0].formatted_value': "
               "CellData.formattedValue is read-only"),
    Case("a write mask naming no real field", "POST", BATCH,
         body=batch(changed(APPEND, ("appendCells", "fields"), "userEnteredValues")),
         where="'requests[0].append_cells.fields'"),
    Case("a write mask missing", "POST", BATCH,
         body=batch(changed(FREEZE, ("updateSheetProperties", "fields"), delete=True)),
         where="requests[0].update_sheet_properties.fields"),
    Case("a warning-only protection with editors", "POST", BATCH,
         body=batch(changed(PROTECT, _AP + ("editors",), {"users": ["a@example.org"]})),
         where="requests[0].add_protected_range.protected_range: ProtectedRange is "
               "warningOnly. Editors cannot be set on it."),
    Case("a rule with no kind of rule", "POST", BATCH,
         body=batch(changed(RULE, ("addConditionalFormatRule", "rule", "booleanRule"),
                            delete=True)),
         where="requests[0].add_conditional_format_rule.rule"),
    Case("a cell value of the wrong kind", "POST", BATCH,
         body=batch(changed(_cells({"stringValue": "x"}), _UC, "x")),
         where="'requests[0].update_cells.rows[0].values[0].user_entered_value' "
               "(type.googleapis.com/google.apps.sheets.v4.ExtendedValue)"),
    Case("requests that are not a list", "POST", BATCH, body={"requests": WIDEN},
         where="'requests' (TYPE_REPEATED)"),
    Case("a body on a read", "GET", METADATA, body={"requests": []}, where="takes no request"),
]
