"""The Google backend through gspread's real HTTP layer, against the fake Sheets API.

API economy (two reads and at most one write per spreadsheet, whatever the number of
shifts), faults (429, 5xx, time-outs, dropped connections) and what they must never do:
replay a write, lose or duplicate a row.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests

from fake_sheets import SYNC_ACCOUNT, FakeSheets, session
from fake_sheets.workbench import PEOPLE, SPREADSHEET, GoogleBench, col_of, row_of
from konexio.shifts import Shift, ShiftStatus
from konexio.sync.google import CREDENTIALS_VARIABLE, PROTECTION, TIMEOUT, GoogleBackend
from konexio.sync.layout import MARKER, signup_label
from konexio.sync.retry import Retry, SyncError
from konexio.sync.run import REPLANS, sync_shifts

TITLES = {"paris": "Paris"}
PARIS = ZoneInfo("Europe/Paris")


def make_shifts(count: int, status: ShiftStatus = ShiftStatus.scheduled,
                venue: str = "Centre Belleville") -> tuple[Shift, ...]:
    made = []
    for n in range(count):
        start = datetime(2026, 9, 7, 14, tzinfo=PARIS) + timedelta(days=n)
        key = f"digitall-paris/{start:%Y-%m-%d}/1400"
        for role, needed in (("trainer", 1), ("assistant", 2)):
            made.append(Shift(id=f"{key}/{role}", occurrence=key, start=start,
                              end=start + timedelta(hours=2), antenna="paris", venue=venue,
                              program="DigitAll", cohort="digitall-paris", role=role,
                              role_name=role, needed=needed, status=status))
    return tuple(made)


@pytest.fixture
def bench(tmp_path):
    return GoogleBench(tmp_path)


def run(bench, shifts, **options):
    return sync_shifts(shifts, TITLES, bench.backend(**options))


def test_a_sync_is_two_reads_one_batch_and_the_ids_read_back(bench):
    run(bench, make_shifts(3))
    assert bench.server.kinds(SPREADSHEET) == ["metadata", "batchUpdate"]  # nothing to read yet
    assert bench.server.kinds(PEOPLE) == ["metadata", "batchUpdate"]  # roster and journal
    bench.server.log.clear()
    summary = run(bench, make_shifts(4))  # one session more: appended, nothing placed
    assert bench.server.kinds(SPREADSHEET) == ["metadata", "batchGet", "batchUpdate"]
    assert bench.server.kinds(PEOPLE) == ["metadata", "batchGet"]  # nobody new: nothing
    assert summary.requests == 3 + 2 and summary.writes == 1
    bench.server.log.clear()
    summary = run(bench, make_shifts(4, venue="Salle 2"))  # cells of existing rows
    assert bench.server.kinds(SPREADSHEET) == ["metadata", "batchGet", "batchUpdate", "batchGet"]
    assert summary.requests == 4 + 2 and summary.writes == 1 and summary.replans == 0
    assert bench.server.log[-1].params["ranges"] == ["'Paris'!A:A"]  # the id column only
    bench.server.log.clear()
    summary = run(bench, make_shifts(4, venue="Salle 2"))
    assert bench.server.kinds(SPREADSHEET) == ["metadata", "batchGet"]
    assert summary.writes == 0


@pytest.mark.parametrize("count", [2, 40, 400])
def test_the_number_of_requests_does_not_grow_with_the_shifts(tmp_path, count):
    bench = GoogleBench(tmp_path)
    run(bench, make_shifts(count))
    run(bench, make_shifts(count, status=ShiftStatus.cancelled) + make_shifts(count + 5)[-10:])
    assert bench.server.kinds(SPREADSHEET) == ["metadata", "batchUpdate",
                                    "metadata", "batchGet", "batchUpdate", "batchGet"]


def test_every_request_has_a_timeout_and_only_three_endpoints_are_used(tmp_path):
    bench = GoogleBench(tmp_path, transport="adapter")  # in process: sees the time-out sent
    run(bench, make_shifts(5))
    run(bench, make_shifts(6))
    assert {entry.timeout for entry in bench.server.log} == {TIMEOUT}
    assert set(bench.server.kinds(SPREADSHEET)) == {"metadata", "batchGet", "batchUpdate"}
    last = bench.server.log[-1].body["requests"]
    values = [name for request in last for name in request
              if name in ("updateCells", "appendCells")]  # formatting aside (test_sheet_*)
    assert values == ["appendCells"]


def test_layout_is_frozen_protected_and_formatted_once(bench):
    run(bench, make_shifts(3))
    sheet = bench.server.sheet(SPREADSHEET, "Paris")
    assert sheet.frozen_rows == 1
    assert [p["description"] for p in sheet.protected] == [PROTECTION]
    assert sheet.protected[0]["range"]["endColumnIndex"] == 11  # generated columns only
    assert len(sheet.formats) == 4  # struck rows, past rows + one per sign-up column
    people_rule = {"ranges": [{"sheetId": sheet.sheet_id, "startColumnIndex": 0}],
                   "booleanRule": {"condition": {"type": "CUSTOM_FORMULA",
                                                 "values": [{"userEnteredValue": "=A2=\"x\""}]},
                                   "format": {}}}
    sheet.formats.append(people_rule)
    bench.server.log.clear()
    run(bench, make_shifts(3))
    assert bench.server.kinds(SPREADSHEET) == ["metadata", "batchGet"]
    assert sheet.formats[-1] == people_rule
    assert all(MARKER in rule["booleanRule"]["condition"]["values"][0]["userEnteredValue"]
               for rule in sheet.formats[:4])


def test_a_volunteer_typing_between_read_and_write_loses_nothing(bench):
    run(bench, make_shifts(3))
    grid = bench.grid()
    target = make_shifts(3)[2].id

    def volunteer_types(server: FakeSheets) -> None:
        row = row_of(grid, target)
        bench.type(row, col_of(grid, signup_label(1)), "Awa D.")
        bench.type(row, col_of(grid, "notes"), "arrive à 14h15")
        bench.type(row + 1, col_of(grid, signup_label(2)), "Karim B.")

    bench.server.before_batch_update = volunteer_types
    run(bench, make_shifts(3, venue="Salle 2"))  # rewrites the 'lieu' of every row
    grid = bench.grid()
    row = row_of(grid, target)
    assert grid[row][col_of(grid, "lieu")] == "Salle 2"
    assert grid[row][col_of(grid, signup_label(1))] == "Awa D."
    assert grid[row][col_of(grid, "notes")] == "arrive à 14h15"
    assert grid[row + 1][col_of(grid, signup_label(2))] == "Karim B."


def test_a_sort_between_read_and_write_puts_every_value_back_in_its_shifts_row(bench):
    """Google writes at row numbers: a sort after the read sends the new venue to other
    shifts' rows. The ids read back show it, and the sync plans again from the sorted
    sheet: every row ends with its own shift's values and the sign-ups typed in it."""
    shifts = make_shifts(4)
    run(bench, shifts)
    grid = bench.grid()
    for n, shift in enumerate(shifts):
        bench.type(row_of(grid, shift.id), col_of(grid, signup_label(1)), f"Personne {n}")
    sorted_once = []

    def coordinator_sorts(server: FakeSheets) -> None:
        if not sorted_once:  # Z to A on the id, once
            bench.sort(lambda row: row[0], reverse=True)
            sorted_once.append(True)

    bench.server.before_batch_update = coordinator_sorts
    moved = shifts[:3] + tuple(replace(s, venue="Salle 2") for s in shifts[3:])
    summary = run(bench, moved)
    assert summary.replans == 1 and summary.writes == 2  # the misplaced one, the mend
    grid = bench.grid()
    for n, shift in enumerate(moved):
        row = row_of(grid, shift.id)
        assert grid[row][col_of(grid, "lieu")] == shift.venue, shift.id
        assert grid[row][col_of(grid, signup_label(1))] == f"Personne {n}", shift.id
    assert [row[0] for row in grid[1:]] == sorted((s.id for s in shifts), reverse=True)


def test_a_sheet_sorted_under_every_write_stops_the_sync_with_a_clear_message(bench):
    run(bench, make_shifts(3))
    order = [False]

    def sorts_every_time(server: FakeSheets) -> None:
        order[0] = not order[0]
        bench.sort(lambda row: row[0], reverse=order[0])

    bench.server.before_batch_update = sorts_every_time
    shifts = make_shifts(3)
    with pytest.raises(SyncError) as stopped:  # one shift moves room: a value for one row
        run(bench, (replace(shifts[0], venue="Salle 2"), *shifts[1:]))
    assert "« Paris » : des lignes ont été triées ou déplacées" in stopped.value.text("fr")
    assert "« Paris »: rows were sorted or moved" in stopped.value.text("en")
    assert bench.server.count("batchUpdate", SPREADSHEET) == 1 + REPLANS


OLD_ACCOUNT = "old-key@konexio-test.iam.gserviceaccount.com"
NEW_ACCOUNT = "new-key@konexio-test.iam.gserviceaccount.com"


def test_the_protection_warns_so_a_new_service_account_keeps_syncing(bench):
    run(bench, make_shifts(3))
    protection, = bench.server.sheet(SPREADSHEET, "Paris").protected
    assert protection["warningOnly"] is True and "editors" not in protection
    # The key is replaced by another service account's, shared as the README says.
    bench.server.spreadsheets[SPREADSHEET].editors.add(NEW_ACCOUNT)
    bench.server.spreadsheets[PEOPLE].editors.add(NEW_ACCOUNT)
    bench.account = NEW_ACCOUNT
    run(bench, make_shifts(3, venue="Salle 2") + make_shifts(5)[-4:])
    grid = bench.grid()
    assert len(grid) == 1 + 6 + 4  # two roles a day: 6 rows updated, 4 appended
    assert {row[col_of(grid, "lieu")] for row in grid[1:7]} == {"Salle 2"}


def strict_protection(bench, editors: list[str]) -> None:
    """What syncs before warning-only protection left: editors only."""
    run(bench, make_shifts(3))
    protection, = bench.server.sheet(SPREADSHEET, "Paris").protected
    protection["warningOnly"] = False
    protection["editors"] = {"users": editors}


def test_an_old_protection_the_sync_may_edit_becomes_warning_only(bench):
    from fake_sheets.server import OWNER
    strict_protection(bench, [OWNER, SYNC_ACCOUNT])
    bench.server.log.clear()
    run(bench, make_shifts(3))  # nothing else to change: the protection alone is fixed
    last = bench.server.log[-1].body["requests"]
    assert [name for request in last for name in request] == ["updateProtectedRange"]
    protection, = bench.server.sheet(SPREADSHEET, "Paris").protected
    assert protection["warningOnly"] is True and "editors" not in protection


def test_an_old_protection_of_another_account_stops_the_sync_plainly(bench):
    from fake_sheets.server import OWNER
    strict_protection(bench, [OWNER, OLD_ACCOUNT])
    bench.server.log.clear()
    run(bench, make_shifts(3))  # nothing to write: nothing blocked, no error
    with pytest.raises(SyncError, match="autre compte.*supprimez"):
        run(bench, make_shifts(3, venue="Salle 2"))
    # refused before sending, not by Google
    assert bench.server.count("batchUpdate", SPREADSHEET) == 0
    # The owner removes it, as the message says; the next sync protects again, warning-only.
    bench.server.sheet(SPREADSHEET, "Paris").protected.clear()
    run(bench, make_shifts(3, venue="Salle 2"))
    protection, = bench.server.sheet(SPREADSHEET, "Paris").protected
    assert protection["warningOnly"] is True
    assert bench.grid()[1][col_of(bench.grid(), "lieu")] == "Salle 2"


def test_429_is_retried_with_growing_waits_then_succeeds(bench):
    bench.server.fail("batchUpdate", status=429, times=2)
    summary = run(bench, make_shifts(3))
    assert bench.server.kinds(SPREADSHEET) == ["metadata"] + ["batchUpdate"] * 3
    assert bench.sleeps == [0.75, 1.5]  # base 1 s doubled, jitter fixed at the middle
    assert summary.replans == 0
    assert len(bench.grid()) == 7


def test_429_for_ever_gives_up_with_a_plain_message(bench):
    bench.server.fail("batchUpdate", status=429, times=50)
    with pytest.raises(SyncError, match="quota"):
        run(bench, make_shifts(3))
    assert bench.server.count("batchUpdate", SPREADSHEET) == Retry().attempts
    assert bench.sleeps == [0.75, 1.5, 3.0, 6.0]


def test_jittered_delays_stay_within_bounds():
    retry = Retry(jitter=lambda: 1.0)
    assert [retry.delay(n) for n in range(8)] == [1, 2, 4, 8, 16, 32, 32, 32]
    assert Retry(jitter=lambda: 0.0).delay(3) == 4


def reference(shift_sets) -> list[list[str]]:
    """The sheet after uninterrupted syncs of each set of shifts, with a name typed."""
    bench = GoogleBench(None)
    for shifts in shift_sets:
        run(bench, shifts)
        grid = bench.grid()
        bench.type(row_of(grid, shift_sets[0][0].id), col_of(grid, signup_label(1)), "Awa D.")
    return bench.grid()


@pytest.mark.parametrize("applied", [False, True], ids=["lost", "applied"])
def test_500_on_a_write_reads_and_plans_again_instead_of_replaying(bench, applied):
    sets = (make_shifts(4), make_shifts(4, venue="Salle 2") + make_shifts(6)[-4:])
    run(bench, sets[0])
    grid = bench.grid()
    bench.type(row_of(grid, sets[0][0].id), col_of(grid, signup_label(1)), "Awa D.")
    bench.server.log.clear()
    bench.server.fail("batchUpdate", status=500, applied=applied)
    summary = run(bench, sets[1])
    writes = 1 if applied else 2  # applied: the second plan is empty, nothing is replayed
    assert bench.server.count("batchUpdate", SPREADSHEET) == writes
    assert bench.server.count("metadata", SPREADSHEET) == 2 and summary.replans == 1
    grid = bench.grid()
    bench.type(row_of(grid, sets[0][0].id), col_of(grid, signup_label(1)), "Awa D.")
    assert bench.grid() == reference(sets)


@pytest.mark.parametrize("stage", ["metadata", "batchGet", "batchUpdate"])
@pytest.mark.parametrize("applied", [False, True], ids=["before", "after"])
@pytest.mark.parametrize("error", [requests.exceptions.ConnectionError,
                                   requests.exceptions.ReadTimeout])
def test_a_sync_cut_anywhere_then_run_again_ends_like_an_uninterrupted_one(
        tmp_path, stage, applied, error):
    # A lost connection is a real hang-up on the loopback socket; a time-out is raised in
    # process (waiting out a real one would make the suite slow).
    timed_out = error is requests.exceptions.ReadTimeout
    bench = GoogleBench(tmp_path, transport="adapter" if timed_out else "http")
    sets = (make_shifts(4), make_shifts(4, status=ShiftStatus.cancelled) + make_shifts(7)[-6:])
    run(bench, sets[0])
    grid = bench.grid()
    bench.type(row_of(grid, sets[0][0].id), col_of(grid, signup_label(1)), "Awa D.")
    bench.server.log.clear()
    bench.server.fail(stage, drop=error, applied=applied, times=50)  # the network is gone
    try:
        run(bench, sets[1])
        finished = True
    except SyncError:
        finished = False
    # Only a batch applied before its answer was lost lets the sync finish by itself: the
    # next read shows the work done, so nothing is replayed.
    assert finished == (stage == "batchUpdate" and applied)
    assert bench.server.count("batchUpdate", SPREADSHEET) == \
        ((1 if applied else REPLANS) if stage == "batchUpdate" else 0)
    bench.server.faults.clear()  # the network is back: run again
    run(bench, sets[1])
    assert bench.grid() == reference(sets)


def test_batches_are_split_only_past_the_size_limit(tmp_path):
    small, whole = GoogleBench(tmp_path), GoogleBench(tmp_path)
    shifts = make_shifts(150)
    run(small, shifts, max_batch_bytes=20_000)
    run(whole, shifts)
    assert small.server.count("batchUpdate", SPREADSHEET) > 1 == \
        whole.server.count("batchUpdate", SPREADSHEET)
    assert small.grid() == whole.grid()
    # new rows too are cut into several appendCells: no body passes the limit
    bodies = [entry.body for entry in small.server.log if entry.kind == "batchUpdate"]
    assert all(len(json.dumps(body, ensure_ascii=False).encode()) <= 20_000 for body in bodies)
    assert sum("appendCells" in r for body in bodies for r in body["requests"]) > 1


def test_a_refused_permission_says_how_to_share_the_sheet(bench):
    bench.server.fail("metadata", status=403)
    with pytest.raises(SyncError, match="partagez"):
        run(bench, make_shifts(1))


def test_an_antenna_without_a_spreadsheet_id_is_a_plain_error(tmp_path):
    bench = GoogleBench(tmp_path, antennas=())
    with pytest.raises(SyncError, match="volunteers/sheets.yml"):
        run(bench, make_shifts(1))


def test_no_test_can_reach_the_network():
    with pytest.raises(requests.exceptions.ConnectionError, match="refused"):
        session(FakeSheets()).get("https://oauth2.googleapis.com/token", timeout=1)


def test_credentials_come_from_a_variable_and_the_key_is_never_shown(tmp_path):
    with pytest.raises(SyncError, match=CREDENTIALS_VARIABLE):
        GoogleBackend.from_environment({}, {}, environ={})
    key = tmp_path / "key.json"
    key.write_text('{"type": "service_account", "client_email": "sync@example.org", '
                   '"private_key": "-----BEGIN PRIVATE KEY-----\\nTOPSECRET\\n'
                   '-----END PRIVATE KEY-----\\n", "token_uri": "https://example.org"}')
    with pytest.raises(SyncError) as caught:
        GoogleBackend.from_environment({}, {}, environ={CREDENTIALS_VARIABLE: str(key)})
    assert "TOPSECRET" not in str(caught.value)


def test_the_fake_answers_over_a_real_socket_on_the_loopback_interface(bench):
    assert bench.base.startswith("http://127.0.0.1:")
    plain = requests.Session()
    plain.trust_env = False
    url = f"{bench.base}v4/spreadsheets/{SPREADSHEET}"
    assert plain.get(url, timeout=5).json()["error"]["status"] == "UNAUTHENTICATED"
    answer = plain.get(url, headers={"Authorization": f"Bearer {SYNC_ACCOUNT}"}, timeout=5)
    assert answer.status_code == 200
    assert answer.json()["spreadsheetId"] == SPREADSHEET
    run(bench, make_shifts(2))
    # gspread's own requests got there too
    assert bench.server.kinds(SPREADSHEET)[-1] == "batchUpdate"
