"""Coverage: open slots in the next weeks, double bookings, and counts for the site."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fake_sheets.workbench import XlsxBench, col_of, row_of
from konexio.cli import main
from konexio.sync import OPEN_SLOTS, open_slots
from konexio.sync.coverage import coverage
from konexio.sync.layout import signup_label
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.roster import ROSTER
from konexio.sync.run import sync_shifts
from test_sync_google import TITLES, make_shifts

NOW = datetime(2026, 9, 7, 8, tzinfo=ZoneInfo("Europe/Paris"))


def snapshot(bench) -> WorksheetSnapshot:
    return WorksheetSnapshot("Paris", tuple(tuple(row) for row in bench.grid()))


def test_open_slots_and_overlaps(tmp_path):
    bench = XlsxBench(tmp_path)
    shifts = make_shifts(20)
    sync_shifts(shifts, TITLES, bench.backend())
    grid = bench.grid()
    trainer, helper = shifts[0], shifts[1]  # same session: two roles, overlapping times
    bench.type(row_of(grid, trainer.id), col_of(grid, signup_label(1)), "Awa D.")
    bench.type(row_of(grid, helper.id), col_of(grid, signup_label(1)), "awa d. ")
    bench.type(row_of(grid, helper.id), col_of(grid, signup_label(2)), "Karim B.")
    bench.type(row_of(grid, shifts[3].id), col_of(grid, "notes"), "a note is not a sign-up")
    found = coverage([snapshot(bench)], shifts, NOW, weeks=1)
    assert [(o.name, o.first.id, o.second.id) for o in found.overlaps] == [
        ("awa d.", helper.id, trainer.id)]  # names compared without case or spaces
    open_ids = [item.shift.id for item in found.open]
    assert trainer.id not in open_ids and helper.id not in open_ids
    assert len(open_ids) == 2 * 7 - 2  # a week of daily sessions, two roles each
    assert found.open_slots[shifts[3].id] == 2 and found.open_slots[trainer.id] == 0
    assert len(found.open_slots) == len(shifts)  # every upcoming shift, beyond the window


def test_coverage_command_prints_names_but_the_site_file_has_counts_only(minimal_root,
                                                                         capsys):
    assert open_slots(minimal_root) is None
    assert main(["sync", "--root", str(minimal_root)]) == 0
    bench = XlsxBench(minimal_root)
    grid = bench.grid()
    first = grid[1][0]
    bench.type(1, col_of(grid, signup_label(1)), "Awa D.")
    capsys.readouterr()
    assert main(["coverage", "--root", str(minimal_root), "--weeks", "520"]) == 0
    slots = open_slots(minimal_root)
    text = (minimal_root / OPEN_SLOTS).read_text(encoding="utf-8")
    assert "Awa" not in text and json.loads(text) == slots
    assert all(isinstance(v, int) for v in slots.values())
    assert first not in slots or slots[first] == 0


def test_coverage_of_one_antenna_and_its_unknown_names(tmp_path, capsys):
    """Issue 27: `--antenna` keeps one antenna's lines (the site's counts untouched); a
    name typed that is on no roster row is named by its cell, with the nearest row."""
    repo = Path(__file__).parent.parent
    root = tmp_path / "root"
    for folder in ("schedules", "volunteers", "docs"):
        shutil.copytree(repo / folder, root / folder)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    assert main(["sync", "--root", str(root), "--today", "2026-11-24"]) == 0
    bench = XlsxBench(root)
    bench.type(1, 0, "Inès Martin", title=ROSTER)
    bench.type(1, 1, "ines@example.org", title=ROSTER)
    grid = bench.grid("Lille")
    bench.type(len(grid) - 1, col_of(grid, signup_label(1)), "Ines Martine", title="Lille")
    capsys.readouterr()
    assert main(["coverage", "--root", str(root), "--antenna", "lille", "--weeks", "52"]) == 0
    out = capsys.readouterr().out
    assert "Lille" in out and "Paris ·" not in out and "Bordeaux ·" not in out
    cell = f"Lille!L{len(grid)}"
    assert f"aucune ligne de {ROSTER}" in out and cell in out
    assert f"{cell} ressemble au nom de {ROSTER}!A2" in out and "Martin" not in out
    assert main(["coverage", "--root", str(root), "--antenna", "lille", "--weeks", "52",
                 "--show-names"]) == 0
    assert "« Ines Martine » : vouliez-vous dire « Inès Martin »" in capsys.readouterr().out
    assert open_slots(root) is None  # one antenna's counts would hide the others'
    assert main(["coverage", "--root", str(root), "--antenna", "lile"]) == 2
    err = capsys.readouterr().err
    assert "« lile »" in err and "« lille »" in err
    assert main(["coverage", "--root", str(root), "--antenna", "lile", "--lang", "en"]) == 2
    assert "no antenna" in capsys.readouterr().err
