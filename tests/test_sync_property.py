"""Property: whatever sequence of data edits, people's edits and syncs, no typed cell is ever
lost, and none moves to another shift. Run on the fake Google Sheets and on xlsx."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fake_sheets.workbench import BENCHES, col_of, row_of
from konexio.shifts import ShiftStatus
from konexio.sync.layout import LABELS, NOTES, signup_label
from konexio.sync.run import sync_shifts
from test_sync_google import TITLES, make_shifts

OCCURRENCES = 5
POOL = make_shifts(OCCURRENCES)  # 5 sessions x (trainer, assistant)
PEOPLE_COLUMNS = (signup_label(1), signup_label(2), NOTES)

operations = st.lists(st.one_of(
    st.tuples(st.just("data"), st.integers(0, OCCURRENCES - 1),
              st.sampled_from(["toggle", "cancel", "restore", "move"])),
    st.tuples(st.just("type"), st.integers(0, len(POOL) - 1), st.sampled_from(PEOPLE_COLUMNS),
              st.sampled_from(["Awa", "Karim", "Lina", "", "06 12", "=1+1"])),
    st.tuples(st.just("sort"), st.sampled_from([1, 8, 10, 11, 13])),
    st.tuples(st.just("sync")),
), min_size=1, max_size=14)


def current(present: set[int], cancelled: set[int], moved: dict[int, int]):
    shifts = []
    for shift in POOL:
        index = int(shift.start.strftime("%d")) - 7
        if index not in present:
            continue
        delta = timedelta(hours=moved.get(index, 0))
        shifts.append(replace(
            shift, start=shift.start + delta, end=shift.end + delta,
            status=ShiftStatus.cancelled if index in cancelled else
            ShiftStatus.moved if index in moved else ShiftStatus.scheduled))
    return tuple(shifts)


def check(bench, expected: dict[tuple[str, str], str]) -> None:
    grid = bench.grid()
    ids = [row[0] for row in grid[1:] if row and row[0]]
    assert len(ids) == len(set(ids)), "a shift got two rows"
    for (shift_id, label), text in expected.items():
        assert grid[row_of(grid, shift_id)][col_of(grid, label)] == text, (shift_id, label)
    people = [c for c, label in enumerate(grid[0]) if label not in LABELS]
    typed = sum(1 for row in grid[1:] for c in people if c < len(row) and row[c])
    assert typed == len(expected), "a typed cell appeared where nobody typed"


def play(bench, ops) -> None:
    present, cancelled, moved = set(range(OCCURRENCES)), set(), {}
    expected: dict[tuple[str, str], str] = {}
    synced = False
    for op in ops + [("sync",)]:
        if op[0] == "data":
            _, index, action = op
            if action == "toggle":
                present ^= {index}
            elif action == "cancel":
                cancelled.add(index)
            elif action == "restore":
                cancelled.discard(index)
            else:
                moved[index] = moved.get(index, 0) + 1
        elif op[0] == "type" and synced:
            _, pick, label, text = op
            grid = bench.grid()
            shift_id = POOL[pick].id
            if shift_id not in [row[0] for row in grid[1:] if row]:
                continue
            bench.type(row_of(grid, shift_id), col_of(grid, label), text)
            if text:
                expected[(shift_id, label)] = text
            else:
                expected.pop((shift_id, label), None)
        elif op[0] == "sort" and synced:
            column = op[1]
            bench.sort(key=lambda row, c=column: (row[c] if c < len(row) else "", row[0]))
        elif op[0] == "sync":
            sync_shifts(current(present, cancelled, moved), TITLES, bench.backend())
            synced = True
            check(bench, expected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_no_typed_cell_is_ever_lost_or_moved_google(ops):
    play(BENCHES["google"](None), ops)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_no_typed_cell_is_ever_lost_or_moved_xlsx(ops):
    with tempfile.TemporaryDirectory() as folder:
        play(BENCHES["xlsx"](Path(folder)), ops)
