"""The sync step of ``make bench`` runs against the strict fake Sheets API (a small size:
the figures themselves belong to the benchmark, never to a unit test)."""

from __future__ import annotations

from bench.sync_bench import run_sync


def test_the_sync_benchmark_runs_and_a_sync_without_change_only_reads():
    figures = run_sync(60, repeats=1)
    assert figures["fill_requests"] >= figures["spreadsheets"]
    assert set(figures["same_kinds"]) <= {"metadata", "batchGet"}
    assert figures["change_kinds"].get("batchUpdate", 0) >= 1
