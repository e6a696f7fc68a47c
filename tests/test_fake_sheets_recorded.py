"""Every request a full sync sends, checked against the discovery document by a second path.

The requests are recorded on the client side (a ``requests`` hook: what gspread sent, not
what the fake parsed) over a sync's whole life: first fill, no change, changes (new sign-up
columns, cancelled and new shifts, the header unfrozen by someone, an old strict
protection), and batches split by size. They are then checked with ``jsonschema`` against
JSON Schema converted here from the discovery document, not by ``fake_sheets.contract``,
so a mistake in the fake's validator cannot hide a mistake in the sync.
"""

from __future__ import annotations

import dataclasses
import json
import re
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest

from fake_sheets import SYNC_ACCOUNT
from fake_sheets.contract import DOCUMENT
from fake_sheets.server import OWNER
from fake_sheets.workbench import SPREADSHEET, GoogleBench
from konexio.shifts import ShiftStatus
from konexio.sync.run import sync_shifts
from test_sync_google import TITLES, make_shifts

DISCOVERY = json.loads(DOCUMENT.read_text(encoding="utf-8"))
INT = {"int32": (-(2**31), 2**31 - 1), "uint32": (0, 2**32 - 1)}
# What the document says in words, as JSON Schema (see each schema's description).
EXTRA = {
    "Request": {"minProperties": 1, "maxProperties": 1},
    "ExtendedValue": {"maxProperties": 1},
    "UpdateCellsRequest": {"oneOf": [{"required": ["start"]}, {"required": ["range"]}]},
}


def to_json_schema(spec: dict, request: bool) -> dict:
    if "$ref" in spec:
        return {"$ref": f"#/$defs/{spec['$ref']}"}
    kind = spec.get("type")
    if "enum" in spec:
        return {"enum": spec["enum"]}
    if kind == "array":
        return {"type": "array", "items": to_json_schema(spec["items"], request)}
    if kind == "object" and "properties" not in spec:
        return {"type": "object",
                "additionalProperties": to_json_schema(spec.get("additionalProperties", {}),
                                                       request)}
    if kind == "integer":
        if spec.get("format") not in INT:
            return {"type": "integer"}
        low, high = INT[spec["format"]]
        return {"type": "integer", "minimum": low, "maximum": high}
    if kind in ("number", "boolean", "string"):
        return {"type": kind}
    return {}


def document_schema(request: bool) -> dict:
    """The discovery schemas as one JSON Schema; for requests, without read-only fields."""
    defs = {}
    for name, schema in DISCOVERY["schemas"].items():
        properties = {}
        for key, spec in schema.get("properties", {}).items():
            words = spec.get("description", "")
            read_only = spec.get("readOnly") or "This field is read-only" in words \
                or words.startswith("Output only")
            if request and read_only and not key.endswith("Id"):
                continue
            properties[key] = to_json_schema(spec, request)
            if key == "formulaValue":
                properties[key]["pattern"] = "^="
        defs[name] = {"type": "object", "properties": properties,
                      "additionalProperties": False, **(EXTRA.get(name, {}) if request else {})}
    return {"$defs": defs}


REQUESTS, RESPONSES = document_schema(request=True), document_schema(request=False)
_validators: dict[tuple[bool, str], jsonschema.Draft202012Validator] = {}


def validate(value: object, schema: str, request: bool) -> None:
    """jsonschema's validation of ``value`` against discovery schema ``schema``."""
    key = (request, schema)
    if key not in _validators:
        _validators[key] = jsonschema.Draft202012Validator(
            {**(REQUESTS if request else RESPONSES), "$ref": f"#/$defs/{schema}"})
    _validators[key].validate(value)


def methods():
    def walk(resource):
        yield from resource.get("methods", {}).values()
        for inner in resource.get("resources", {}).values():
            yield from walk(inner)
    yield from walk({"resources": DISCOVERY["resources"]})


def method_of(http_method: str, path: str) -> dict:
    found = [m for m in methods() if m["httpMethod"] == http_method and re.fullmatch(
        re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(m["path"])), path.lstrip("/"))]
    assert found, f"{http_method} {path} is no method of the Sheets API"
    return max(found, key=lambda m: len(m["path"]))


def mask_paths(mask: str) -> list[list[str]]:
    """'a(b,c.d),e' -> [[a, b], [a, c, d], [e]], by a stack rather than recursion."""
    paths, stack, name = [], [[]], ""
    for char in mask + ",":
        if char in ",()" and name:
            paths.append(stack[-1] + name.split("."))
            name = ""
        if char == "(":
            stack.append(paths.pop())
        elif char == ")":
            stack.pop()
        elif char != ",":
            name += char
    return [p for p in paths if p not in stack]


def resolve(root: str, path: list[str]) -> None:
    spec: dict = {"$ref": f"#/$defs/{root}"}
    for name in path:
        while "items" in spec:
            spec = spec["items"]
        schema = RESPONSES["$defs"][spec["$ref"].rsplit("/", 1)[1]]
        assert name in schema["properties"], f"{name!r} of {path} is no field of {root}"
        spec = schema["properties"][name]


MASK_ROOTS = {"updateSheetProperties": "SheetProperties", "updateCells": "CellData",
              "appendCells": "CellData", "updateProtectedRange": "ProtectedRange",
              "repeatCell": "CellData", "updateDimensionProperties": "DimensionProperties"}


def check(prepared, answer) -> str:
    """Check one recorded request (and its answer) against the document; its method id."""
    parts = urlsplit(prepared.url)
    assert parts.netloc == "sheets.googleapis.com"
    method = method_of(prepared.method, parts.path)
    declared = {**DISCOVERY["parameters"],
                **{k: v for k, v in method.get("parameters", {}).items()
                   if v["location"] == "query"}}
    for name, values in parse_qs(parts.query).items():
        assert name in declared, f"{method['id']}: undeclared parameter {name}"
        assert len(values) == 1 or declared[name].get("repeated")
        if "enum" in declared[name]:
            assert set(values) <= set(declared[name]["enum"]), name
        if name == "fields":
            for path in mask_paths(values[0]):
                resolve(method["response"]["$ref"], path)
    if "request" in method:
        body = json.loads(prepared.body)
        validate(body, method["request"]["$ref"], request=True)
        for request in body.get("requests", []):
            (kind, args), = request.items()
            if "fields" in args:
                for path in mask_paths(args["fields"]):
                    resolve(MASK_ROOTS[kind], path)
    else:
        assert not prepared.body
    if answer.status_code == 200:
        validate(answer.json(), method["response"]["$ref"], request=False)
    return method["id"]


@pytest.fixture
def recorded(tmp_path):
    bench = GoogleBench(tmp_path, transport="adapter")  # URLs as sent to Google
    sent = []
    plain = bench.session

    def recording(account=None):
        made = plain(account)
        made.hooks["response"].append(lambda answer, **_: sent.append((answer.request, answer)))
        return made

    bench.session = recording
    return bench, sent


def sync(bench, shifts, **options):
    return sync_shifts(shifts, TITLES, bench.backend(**options))


def test_every_request_of_a_sync_s_life_is_valid_for_google(recorded):
    bench, sent = recorded
    sync(bench, make_shifts(30))  # first fill
    sync(bench, make_shifts(30))  # no change: reads only
    bench.server.sheet(SPREADSHEET, "Paris").frozen_rows = 0  # someone unfroze the header
    more = tuple(dataclasses.replace(s, needed=30) if s.role == "assistant" else s
                 for s in make_shifts(30, status=ShiftStatus.cancelled))
    sync(bench, more + make_shifts(40)[-20:])  # new sign-up columns past Z, cancellations
    protection, = bench.server.sheet(SPREADSHEET, "Paris").protected
    protection.update(warningOnly=False, editors={"users": [OWNER, SYNC_ACCOUNT]})
    sync(bench, more + make_shifts(40)[-20:], max_batch_bytes=5_000)  # an old protection
    sync(bench, more + make_shifts(300)[-200:], max_batch_bytes=20_000)  # split batches

    assert all(answer.status_code == 200 for _, answer in sent)
    ids = [check(prepared, answer) for prepared, answer in sent]
    assert set(ids) == {"sheets.spreadsheets.get", "sheets.spreadsheets.values.batchGet",
                        "sheets.spreadsheets.batchUpdate"}
    kinds = {kind for prepared, _ in sent if prepared.method == "POST"
             for request in json.loads(prepared.body)["requests"] for kind in request}
    assert kinds == {"addSheet", "updateSheetProperties", "appendDimension", "updateCells",
                     "appendCells", "addProtectedRange", "updateProtectedRange",
                     "addConditionalFormatRule", "deleteConditionalFormatRule",
                     # the readable sheet: text formats, widths, the filter
                     "repeatCell", "updateDimensionProperties", "setBasicFilter"}
    assert ids.count("sheets.spreadsheets.batchUpdate") > 5  # batches were split


@pytest.mark.parametrize("broken", [
    {"requests": [{"appendDimension": {"sheetId": 1, "dimension": "COLUMN", "length": 1}}]},
    {"requests": [{"updateCells": {"start": {"sheetId": 1}, "range": {"sheetId": 1},
                                   "fields": "userEnteredValue"}}]},
    {"requests": [{"addProtectedRange": {"protectedRange": {"warningOnlyy": True}}}]},
    {"requests": [{"updateCells": {"start": {"sheetId": 1}, "fields": "userEnteredValue",
                                   "rows": [{"values": [{"userEnteredValue": {
                                       "formulaValue": "1+1"}}]}]}}]},
], ids=["enum", "start-and-range", "unknown-name", "formula"])
def test_the_second_opinion_is_not_a_rubber_stamp(broken):
    with pytest.raises(jsonschema.ValidationError):
        validate(broken, "BatchUpdateSpreadsheetRequest", request=True)
