"""The shipped data gives no warning either: each warning is a slip until shown otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from konexio.validate import check

REPO = Path(__file__).parent.parent


def test_shipped_data_has_no_warning():
    # Checked as on the first day of the school year, so that no move has gone past yet.
    checked = check(REPO, today=date(2026, 9, 1))
    assert checked.ok
    assert not checked.warnings, "\n".join(p.as_text("en") for p in checked.warnings)


def test_every_shipped_program_says_how_many_weeks_a_cohort_lasts():
    checked = check(REPO, today=date(2026, 9, 1))
    assert all(entry.model.weeks is not None for entry in checked.dataset.programs.values())
