"""What only the local workbook needs: lock files, atomic saves, the real last row, layout."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from konexio.sync.layout import MARKER
from konexio.sync.retry import SyncError
from konexio.sync.run import sync_shifts
from konexio.sync.xlsx import XlsxBackend
from test_sync_google import TITLES, make_shifts


@pytest.mark.parametrize("lock", [".~lock.shifts.xlsx#", "~$shifts.xlsx"])
def test_refuses_to_write_while_the_workbook_is_open_elsewhere(tmp_path, lock):
    path = tmp_path / "shifts.xlsx"
    sync_shifts(make_shifts(2), TITLES, XlsxBackend(path))
    before = path.read_bytes()
    (tmp_path / lock).write_text("someone,host,2026")
    with pytest.raises(SyncError, match="est ouvert dans (LibreOffice|Excel)"):
        sync_shifts(make_shifts(3), TITLES, XlsxBackend(path))
    assert path.read_bytes() == before
    summary = sync_shifts(make_shifts(2), TITLES, XlsxBackend(path))  # nothing to write: fine
    assert summary.writes == 0


def test_saves_atomically_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "volunteers" / "shifts.xlsx"
    sync_shifts(make_shifts(2), TITLES, XlsxBackend(path))
    sync_shifts(make_shifts(3), TITLES, XlsxBackend(path))
    assert sorted(p.name for p in path.parent.iterdir()) == ["people.xlsx", "shifts.xlsx"]


def test_new_rows_follow_the_last_row_with_data_not_max_row(tmp_path):
    path = tmp_path / "shifts.xlsx"
    sync_shifts(make_shifts(2), TITLES, XlsxBackend(path))
    book = load_workbook(path)
    book["Paris"].cell(300, 2).fill = PatternFill("solid", start_color="FF0000")  # style only
    book.save(path)
    assert load_workbook(path)["Paris"].max_row == 300
    sync_shifts(make_shifts(3), TITLES, XlsxBackend(path))
    sheet = load_workbook(path)["Paris"]
    assert [sheet.cell(r, 1).value for r in (6, 7)] == [make_shifts(3)[4].id,
                                                         make_shifts(3)[5].id]


def test_layout_frozen_unprotected_warned_and_formats(tmp_path):
    path = tmp_path / "shifts.xlsx"
    sync_shifts(make_shifts(2), TITLES, XlsxBackend(path))
    sheet = load_workbook(path)["Paris"]
    assert sheet.freeze_panes == "A2"
    # Sorting needs an unprotected sheet in Excel and LibreOffice (see sheet_format/xlsx):
    # generated columns warn instead, people's columns carry no check at all.
    assert not sheet.protection.sheet
    (warning,) = sheet.data_validations.dataValidation
    assert str(warning.sqref) == "A2:K1048576" and warning.errorStyle == "warning"
    formulas = [rule.formula[0] for cf in sheet.conditional_formatting for rule in cf.rules]
    assert len(formulas) == 4 and all(MARKER in f for f in formulas)
