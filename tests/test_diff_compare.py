"""``konexio.diff.compare`` alone, on the shipped data: a side compared with itself changes
nothing, and swapping the sides swaps every change for its opposite."""

from __future__ import annotations

import shutil
from pathlib import Path

from konexio.diff.compare import Side, compare
from konexio.validate import check

REPO = Path(__file__).parent.parent


def side(root: Path) -> Side:
    checked = check(root)
    assert checked.schedule is not None, [p.as_text() for p in checked.problems]
    return Side(checked.dataset, checked.schedule)


def shipped_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for folder in ("schedules", "volunteers"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def test_the_shipped_data_compared_with_itself_changes_nothing():
    shipped = side(REPO)
    found = compare(shipped, shipped)
    assert found.cohorts == () and not found.touches_sessions


def test_swapping_the_sides_swaps_each_change_for_its_opposite(tmp_path: Path):
    root = shipped_copy(tmp_path)
    antenna = root / "schedules/antennas/paris.yml"
    text = antenna.read_text(encoding="utf-8")
    antenna.write_text(text.replace("closures:\n", "closures:\n  - start: 2027-02-01\n"
                                    "    end: 2027-02-03\n"
                                    "    reason: {fr: Travaux, en: Works, ar: أشغال}\n", 1),
                       encoding="utf-8")
    before, after = side(REPO), side(root)
    forward, backward = compare(before, after), compare(after, before)
    t, u = forward.totals, backward.totals
    assert t.removed > 0 and t.added == 0
    assert (t.removed, t.added, t.shifts_removed, t.shifts_added) == (
        u.added, u.removed, u.shifts_added, u.shifts_removed)
    assert [c.cohort for c in forward.cohorts] == [c.cohort for c in backward.cohorts]
    for f, b in zip(forward.cohorts, backward.cohorts, strict=True):
        assert {r.occurrence.key for r in f.removed} == {o.key for o in b.added}
        assert all(r.closure is not None for r in f.removed)
