"""The merge rules, end to end from the YAML, on both backends (fake Google and xlsx).

Whatever the data does (moves, cancellations, removals) and whatever people do (type, sort),
what people typed stays on the row of its shift, and the sync writes nothing when nothing
changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fake_sheets.workbench import BENCHES, SPREADSHEET, col_of, row_of
from konexio.sync.layout import LABELS, NOTES, signup_label
from konexio.sync.run import sync
from konexio.validate import load_valid

COHORT = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"
KEY = "digitall-beginner-paris-2026-11"


def sid(day: str, role: str = "trainer") -> str:
    return f"{KEY}/{day}/1400/{role}"


@pytest.fixture(params=sorted(BENCHES))
def bench(request, tmp_path):
    return BENCHES[request.param](tmp_path)


def run(bench, root: Path, **options):
    dataset, schedule = load_valid(root)
    return sync(dataset, schedule, bench.backend(**options))


def edit(root: Path, old: str, new: str) -> None:
    path = root / COHORT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def typed(bench, shift_id: str, label: str) -> str:
    grid = bench.grid()
    return grid[row_of(grid, shift_id)][col_of(grid, label)]


def put(bench, shift_id: str, label: str, text: str) -> None:
    grid = bench.grid()
    bench.type(row_of(grid, shift_id), col_of(grid, label), text)


def test_first_sync_lays_out_one_row_per_shift(bench, minimal_root):
    summary = run(bench, minimal_root)
    grid = bench.grid()
    assert grid[0] == [*LABELS, signup_label(1), signup_label(2), NOTES]
    assert summary.counts.new == len(grid) - 1 == 34  # 17 sessions x 2 roles
    row = grid[row_of(grid, sid("2026-11-02", "assistant"))]
    assert row[:11] == [sid("2026-11-02", "assistant"), "2026-11-02", "lundi", "14:00", "16:00",
                        "Centre Belleville — Salle 1", "DigitAll débutant", KEY, "Bénévole",
                        "2", "prévue"]
    assert summary.writes == 2  # the sign-up place, and the people place's roster and journal


def test_a_sync_with_no_change_writes_nothing(bench, minimal_root):
    run(bench, minimal_root)
    put(bench, sid("2026-11-02"), signup_label(1), "Awa D.")
    before = bench.grid()
    summary = run(bench, minimal_root)
    assert summary.writes == 0
    assert summary.counts.unchanged == 34 and summary.counts.new == 0
    assert bench.grid() == before
    if bench.name == "google":
        assert bench.server.count("batchUpdate", SPREADSHEET) == 1  # the first sync's only


def test_signups_survive_a_resort_and_rows_stay_where_people_put_them(bench, minimal_root):
    run(bench, minimal_root)
    put(bench, sid("2026-11-02"), signup_label(1), "Awa D.")
    put(bench, sid("2026-11-04", "assistant"), signup_label(2), "Karim B.")
    put(bench, sid("2026-11-09", "assistant"), NOTES, "apporte un vidéoprojecteur")
    bench.sort(key=lambda row: (row[1], row[8]), )  # by date then role name
    bench.sort(key=lambda row: row[1], )
    bench.sort(key=lambda row: [-ord(ch) for ch in row[1]])  # latest first
    order = [row[0] for row in bench.grid()[1:]]
    edit(minimal_root, "room: Salle 1\n  - day: wednesday", "room: Salle 2\n  - day: wednesday")
    summary = run(bench, minimal_root)
    assert summary.counts.updated > 0
    assert [row[0] for row in bench.grid()[1:]] == order  # never re-ordered
    assert typed(bench, sid("2026-11-02"), signup_label(1)) == "Awa D."
    assert typed(bench, sid("2026-11-04", "assistant"), signup_label(2)) == "Karim B."
    assert typed(bench, sid("2026-11-09", "assistant"), NOTES) == "apporte un vidéoprojecteur"
    assert typed(bench, sid("2026-11-02"), "lieu") == "Centre Belleville — Salle 2"  # Mondays
    assert typed(bench, sid("2026-11-04"), "lieu") == "Centre Belleville — Salle 1"


def test_signups_follow_a_rescheduled_session(bench, minimal_root):
    run(bench, minimal_root)
    put(bench, sid("2026-11-23"), signup_label(1), "Awa D.")
    edit(minimal_root, "moved:\n", "moved:\n  - date: 2026-11-23\n    to_date: 2026-11-24\n"
         "    to_start: \"10:00\"\n    to_end: \"12:00\"\n"
         "    reason: {fr: Grève, en: Strike, ar: إضراب}\n")
    summary = run(bench, minimal_root)
    assert summary.counts.updated == 2 and summary.counts.new == 0
    grid = bench.grid()
    row = grid[row_of(grid, sid("2026-11-23"))]
    assert row[1:5] == ["2026-11-24", "mardi", "10:00", "12:00"]
    assert row[col_of(grid, "statut")] == "déplacée : Grève"
    assert row[col_of(grid, signup_label(1))] == "Awa D."


def test_signups_stay_on_a_cancelled_session_marked_cancelled(bench, minimal_root):
    run(bench, minimal_root)
    put(bench, sid("2026-11-30", "assistant"), signup_label(1), "Karim B.")
    edit(minimal_root, "cancelled:\n", "cancelled:\n  - date: 2026-11-30\n"
         "    reason: {fr: Salle inondée, en: Flooded room, ar: القاعة غمرتها المياه}\n")
    summary = run(bench, minimal_root)
    assert summary.counts.cancelled == 2
    grid = bench.grid()
    row = grid[row_of(grid, sid("2026-11-30", "assistant"))]
    assert row[col_of(grid, "statut")] == "annulée : Salle inondée"
    assert row[col_of(grid, signup_label(1))] == "Karim B."
    assert len(grid) == 35


def test_removed_shifts_keep_their_row_marked_then_come_back(bench, minimal_root):
    run(bench, minimal_root)
    put(bench, sid("2027-01-13"), signup_label(1), "Awa D.")
    edit(minimal_root, "end: 2027-01-15", "end: 2027-01-08")
    summary = run(bench, minimal_root)
    assert summary.counts.removed == 4  # 11 and 13 January, two roles each
    grid = bench.grid()
    assert len(grid) == 35
    assert typed(bench, sid("2027-01-13"), "statut") == "retirée"
    assert typed(bench, sid("2027-01-13"), signup_label(1)) == "Awa D."
    edit(minimal_root, "end: 2027-01-08", "end: 2027-01-15")
    summary = run(bench, minimal_root)
    assert summary.counts.updated == 4 and summary.counts.new == 0
    assert typed(bench, sid("2027-01-13"), "statut") == "prévue"
    assert typed(bench, sid("2027-01-13"), signup_label(1)) == "Awa D."


def test_new_shifts_go_below_what_people_typed_under_the_table(bench, minimal_root):
    edit(minimal_root, "end: 2027-01-15", "end: 2027-01-08")
    run(bench, minimal_root)
    grid = bench.grid()
    below = len(grid) + 1  # one empty row, then a note with no id
    bench.type(below, col_of(grid, NOTES), "Penser aux clés le lundi")
    edit(minimal_root, "end: 2027-01-08", "end: 2027-01-15")
    summary = run(bench, minimal_root)
    assert summary.counts.new == 4
    grid = bench.grid()
    assert grid[below][col_of(grid, NOTES)] == "Penser aux clés le lundi"
    assert grid[below][0] == ""
    assert all(row_of(grid, sid(day)) > below for day in ("2027-01-11", "2027-01-13"))


def test_more_people_needed_adds_a_signup_column_right_of_everything(bench, minimal_root):
    run(bench, minimal_root)
    grid = bench.grid()
    bench.type(0, len(grid[0]), "téléphone")
    put(bench, sid("2026-11-02"), NOTES, "ok")
    (minimal_root / "volunteers/roles.yml").write_text(
        (minimal_root / "volunteers/roles.yml").read_text().replace("assistant: 2",
                                                                      "assistant: 3"))
    summary = run(bench, minimal_root)
    grid = bench.grid()
    assert grid[0][-2:] == ["téléphone", signup_label(3)]
    assert summary.counts.updated == 17
    assert typed(bench, sid("2026-11-02"), NOTES) == "ok"


def test_dry_run_reports_and_writes_nothing(bench, minimal_root):
    run(bench, minimal_root)
    before = bench.grid()
    edit(minimal_root, "end: 2027-01-15", "end: 2027-01-08")
    dataset, schedule = load_valid(minimal_root)
    summary = sync(dataset, schedule, bench.backend(), dry_run=True)
    assert summary.counts.removed == 4 and summary.writes == 1 and summary.dry_run
    assert bench.grid() == before


def test_status_cells_stay_plain_text(bench, minimal_root):
    run(bench, minimal_root)
    statuses = {row[col_of(bench.grid(), "statut")] for row in bench.grid()[1:]}
    assert all(re.fullmatch(r"prévue|annulée : .+|déplacée : .+", s) for s in statuses)
