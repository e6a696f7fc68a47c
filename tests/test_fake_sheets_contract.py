"""The fake Sheets API holds requests to Google's discovery document, and behaves as it says.

The table of cases lives next to the fake (``fake_sheets/cases.py``); each is sent to the
contract alone and to the fake over a real socket.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from fake_sheets import SYNC_ACCOUNT, FakeSheets
from fake_sheets import server as fake_server
from fake_sheets.cases import BATCH, MALFORMED, METADATA, SPREADSHEET, VALID, VALUES, Case
from fake_sheets.contract import DOCUMENT, Contract, Invalid
from fake_sheets.loopback import serve
from fake_sheets.server import OWNER, PROTECTED

CONTRACT = Contract.load()
OTHER = "volunteer@example.org"


def fresh() -> tuple[FakeSheets, str]:
    fake = FakeSheets()
    fake.create(SPREADSHEET, editors=(SYNC_ACCOUNT, OTHER))
    return fake, serve(fake)


def send(base: str, case: Case, account: str | None = SYNC_ACCOUNT) -> requests.Response:
    plain = requests.Session()
    plain.trust_env = False
    headers = {"Authorization": f"Bearer {account}"} if account else {}
    return plain.request(case.method, base + case.path.lstrip("/"), params=case.params,
                         json=case.body, headers=headers, timeout=10)


def test_the_copy_of_the_discovery_document_is_the_one_the_readme_names():
    readme = (DOCUMENT.parent / "README.md").read_text(encoding="utf-8")
    assert CONTRACT.revision in readme


@pytest.mark.parametrize("case", MALFORMED, ids=lambda c: c.name)
def test_the_contract_refuses_each_malformed_request_naming_the_field(case):
    with pytest.raises(Invalid) as refused:
        CONTRACT.check(case.method, case.path, case.params, case.body)
    assert case.where in str(refused.value)


@pytest.mark.parametrize("case", MALFORMED, ids=lambda c: c.name)
def test_the_fake_answers_each_malformed_request_with_googles_400(case):
    fake, base = fresh()
    before = fake.spreadsheets[SPREADSHEET].resource(SYNC_ACCOUNT)
    answer = send(base, case)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert set(answer.json()) == {"error"} and set(error) == {"code", "message", "status"}
    assert (error["code"], error["status"]) == (400, "INVALID_ARGUMENT")
    assert case.where in error["message"]
    assert fake.spreadsheets[SPREADSHEET].resource(SYNC_ACCOUNT) == before


@pytest.mark.parametrize("case", VALID, ids=lambda c: c.name)
def test_the_contract_and_the_fake_accept_each_valid_request(case):
    CONTRACT.check(case.method, case.path, case.params, case.body)
    fake, base = fresh()
    answer = send(base, case)
    assert answer.status_code == 200, answer.text


def test_unknown_paths_and_methods_are_404():
    fake, base = fresh()
    for method, path in (("GET", "/v4/spreadsheets/x/values:batchGets"),
                         ("DELETE", METADATA), ("GET", "/v3/spreadsheets")):
        answer = send(base, Case("", method, path))
        assert answer.status_code == 404
        assert answer.json()["error"]["status"] == "NOT_FOUND"


def test_a_caller_without_a_token_or_without_access_is_refused():
    fake, base = fresh()
    read = Case("", "GET", METADATA)
    assert send(base, read, account=None).status_code == 401
    assert send(base, read, account="stranger@example.org").json()["error"]["status"] == \
        "PERMISSION_DENIED"


def test_every_field_mask_of_the_document_has_a_root():
    for name, schema in CONTRACT.schemas.items():
        for key, spec in schema.get("properties", {}).items():
            if spec.get("format") == "google-fieldmask":
                assert CONTRACT.mask_root(name, key) in CONTRACT.schemas


def write(base: str, *requests_: dict, account: str = SYNC_ACCOUNT) -> requests.Response:
    return send(base, Case("", "POST", BATCH, body={"requests": list(requests_)}), account)


def cells(row: int, *values: dict, sheet: int = 0) -> dict:
    return {"updateCells": {"start": {"sheetId": sheet, "rowIndex": row, "columnIndex": 0},
                            "rows": [{"values": [{"userEnteredValue": v} for v in values]}],
                            "fields": "userEnteredValue"}}


def values(base: str, **params: str) -> list:
    query = {"ranges": ["'Feuille 1'"], **{k: [v] for k, v in params.items()}}
    answer = send(base, Case("", "GET", VALUES, query))
    assert answer.status_code == 200, answer.text
    return answer.json()["valueRanges"][0].get("values", [])


def test_value_render_option_and_major_dimension_are_honoured():
    fake, base = fresh()
    assert write(base, cells(0, {"stringValue": "id"}, {"numberValue": 2},
                             {"boolValue": True}, {"formulaValue": "=B1*2"}),
                 cells(1, {"stringValue": "x"})).status_code == 200
    # FORMATTED_VALUE by default; the fake computes no formula, and trailing empties go
    assert values(base) == [["id", "2", "TRUE"], ["x"]]
    assert values(base, valueRenderOption="UNFORMATTED_VALUE") == [["id", 2, True], ["x"]]
    assert values(base, valueRenderOption="FORMULA") == [["id", 2, True, "=B1*2"], ["x"]]
    assert values(base, majorDimension="COLUMNS") == [["id", "x"], ["2"], ["TRUE"]]


def test_a_range_of_whole_columns_reads_those_columns_as_google_answers_it():
    fake, base = fresh()
    assert write(base, cells(0, {"stringValue": "id"}, {"stringValue": "lieu"},
                             {"stringValue": "note"}),
                 cells(2, {"stringValue": "x"}, {}, {"stringValue": "n"})).status_code == 200

    def block(text: str, **params: str) -> dict:
        query = {"ranges": [text], **{k: [v] for k, v in params.items()}}
        answer = send(base, Case("", "GET", VALUES, query))
        assert answer.status_code == 200, answer.text
        return answer.json()["valueRanges"][0]

    # The range is given back over the grid's rows; empty rows inside stay, as [] in ROWS
    assert block("'Feuille 1'!A:A") == {"range": "'Feuille 1'!A1:A1000", "majorDimension": "ROWS",
                                       "values": [["id"], [], ["x"]]}
    assert block("'Feuille 1'!A:A", majorDimension="COLUMNS")["values"] == [["id", "", "x"]]
    assert block("'Feuille 1'!B:C")["values"] == [["lieu", "note"], [], ["", "n"]]
    answer = send(base, Case("", "GET", VALUES, {"ranges": ["'Feuille 1'!AB:AB"]}))
    assert answer.status_code == 400
    assert "exceeds grid limits" in answer.json()["error"]["message"]


def test_reads_return_only_the_fields_the_mask_asks_for():
    fake, base = fresh()
    answer = send(base, Case("", "GET", METADATA, {"fields": ["sheets.properties.title"]}))
    assert answer.json() == {"sheets": [{"properties": {"title": "Feuille 1"}}]}
    answer = send(base, Case("", "GET", METADATA, {"fields": ["spreadsheetId,sheets(properties("
                                                              "sheetId,gridProperties))"]}))
    assert answer.json() == {"spreadsheetId": SPREADSHEET, "sheets": [{"properties": {
        "sheetId": 0, "gridProperties": {"rowCount": 1000, "columnCount": 26}}}]}


def protect(base: str, account: str, **protection) -> int:
    answer = write(base, {"addProtectedRange": {"protectedRange": {
        "range": {"sheetId": 0, "startColumnIndex": 0, "endColumnIndex": 2}, **protection}}},
        account=account)
    assert answer.status_code == 200, answer.text
    return answer.json()["replies"][0]["addProtectedRange"]["protectedRange"]["protectedRangeId"]


def test_a_protection_with_editors_refuses_writes_from_other_accounts():
    fake, base = fresh()
    fake.spreadsheets[SPREADSHEET].editors.add(OWNER)
    protect(base, OWNER, description="strict")  # editors: the owner, who protected it
    refused = write(base, cells(3, {"stringValue": "x"}), account=SYNC_ACCOUNT)
    assert refused.status_code == 400 and PROTECTED in refused.json()["error"]["message"]
    appended = {"appendCells": {"sheetId": 0, "fields": "userEnteredValue",
                                "rows": [{"values": [{"userEnteredValue": {"numberValue": 1}}]}]}}
    assert write(base, appended, account=SYNC_ACCOUNT).status_code == 400
    beside = {"updateCells": {**cells(3, {"stringValue": "x"})["updateCells"],
                              "start": {"sheetId": 0, "rowIndex": 3, "columnIndex": 2}}}
    assert write(base, beside, account=SYNC_ACCOUNT).status_code == 200  # outside the range
    assert write(base, cells(3, {"stringValue": "x"}), account=OWNER).status_code == 200
    seen = send(base, Case("", "GET", METADATA, {"fields": ["sheets.protectedRanges"]}))
    protection, = seen.json()["sheets"][0]["protectedRanges"]
    assert protection["requestingUserCanEdit"] is False and "editors" not in protection


def test_a_warning_only_protection_lets_every_editor_write():
    fake, base = fresh()
    protect(base, SYNC_ACCOUNT, warningOnly=True)
    assert write(base, cells(3, {"stringValue": "x"}), account=OTHER).status_code == 200


def test_only_editors_of_a_protection_may_change_it():
    fake, base = fresh()
    ident = protect(base, SYNC_ACCOUNT)  # editors: the owner and the sync
    relax = {"updateProtectedRange": {"protectedRange": {"protectedRangeId": ident,
                                                         "warningOnly": True},
                                      "fields": "warningOnly"}}
    assert write(base, relax, account=OTHER).status_code == 400
    assert write(base, relax, account=SYNC_ACCOUNT).status_code == 200
    assert write(base, cells(3, {"stringValue": "x"}), account=OTHER).status_code == 200


def test_requests_that_once_crashed_the_fake_are_plain_400s():
    fake, base = fresh()
    for request in ({"addConditionalFormatRule": {}}, {"appendDimension": {}},
                    {"updateCells": {"start": {"sheetId": 999}, "fields": "userEnteredValue"}}):
        answer = write(base, request)
        assert answer.status_code == 400, answer.text


def test_a_bug_of_the_fake_is_a_500_with_a_message_and_is_recorded(monkeypatch):
    fake, base = fresh()

    def broken(*args):
        raise KeyError("oops")

    monkeypatch.setattr(FakeSheets, "_do_appendDimension", broken)
    answer = write(base, {"appendDimension": {"sheetId": 0, "dimension": "ROWS", "length": 1}})
    assert answer.status_code == 500 and "oops" in answer.json()["error"]["message"]
    assert len(fake_server.INTERNAL_ERRORS) == 1  # the autouse fixture would fail the test
    fake_server.INTERNAL_ERRORS.clear()


def test_a_valid_request_the_fake_does_not_model_is_a_501_not_a_200():
    fake, base = fresh()
    answer = write(base, {"autoResizeDimensions": {"dimensions": {
        "sheetId": 0, "dimension": "COLUMNS"}}})
    assert answer.status_code == 501 and "autoResizeDimensions" in answer.text
    assert fake_server.INTERNAL_ERRORS
    fake_server.INTERNAL_ERRORS.clear()


def test_the_fake_runs_alone_and_creates_spreadsheets_like_google():
    tests = Path(__file__).parent
    alone = subprocess.Popen([sys.executable, "-m", "fake_sheets", "--port", "0", "--quiet"],
                             cwd=tests, stdout=subprocess.PIPE, text=True)
    try:
        banner = alone.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+/", banner).group(0)
        me = "essai@example.org"
        made = send(base, Case("", "POST", "/v4/spreadsheets",
                               body={"properties": {"title": "Essai"}}), me)
        assert made.status_code == 200, made.text
        sheet = made.json()
        assert sheet["properties"]["title"] == "Essai"
        assert sheet["sheets"][0]["properties"]["title"] == "Sheet1"
        CONTRACT.check_response("Spreadsheet", sheet)
        path = f"/v4/spreadsheets/{sheet['spreadsheetId']}"
        assert send(base, Case("", "GET", path), me).json() == sheet
        assert send(base, Case("", "GET", path), "stranger@example.org").status_code == 403
    finally:
        alone.terminate()
        alone.wait(timeout=10)


JSON = st.recursive(st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats()
                    | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)


def _spots(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _spots(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _spots(item, path + (index,))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_no_mutation_of_a_valid_request_makes_the_fake_crash(data):
    case = data.draw(st.sampled_from([c for c in VALID if c.body]))
    spot = data.draw(st.sampled_from(list(_spots(case.body))[1:]))
    body = copy.deepcopy(case.body)
    node = body
    for step in spot[:-1]:
        node = node[step]
    node[spot[-1]] = data.draw(JSON)
    fake = FakeSheets()
    fake.create(SPREADSHEET, editors=(SYNC_ACCOUNT,))
    status, answer = fake.handle(case.method, case.path, case.params, body, None, SYNC_ACCOUNT)
    assert status != 500, answer
    assert set(answer) != {"error"} or answer["error"]["message"]
    fake_server.INTERNAL_ERRORS.clear()  # a 501 (not modelled) is no crash here


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_no_query_string_makes_the_fake_crash(data):
    case = data.draw(st.sampled_from([c for c in VALID if c.method == "GET"]))
    params = {**case.params}
    name = data.draw(st.sampled_from(sorted(params) + ["fields", "ranges", "majorDimension"]))
    params[name] = data.draw(st.lists(st.text(max_size=12), min_size=1, max_size=2))
    fake = FakeSheets()
    fake.create(SPREADSHEET, editors=(SYNC_ACCOUNT,))
    status, answer = fake.handle(case.method, case.path, params, None, None, SYNC_ACCOUNT)
    assert status != 500, answer
    fake_server.INTERNAL_ERRORS.clear()  # a 501 (not modelled) is no crash here
