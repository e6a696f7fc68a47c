"""The local workbook backend (openpyxl): same layout and merge rules as Google Sheets.

The default when no Google credentials are set, so ``konexio sync`` works out of the box.
The workbook holds volunteers' names and phones: its default path is git-ignored. It is
saved atomically (a temporary file, then ``os.replace``) and never while LibreOffice or
Excel has it open, since their save would silently overwrite ours (or the other way round).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.worksheet import Worksheet

from konexio.sync.backend import Read, Target
from konexio.sync.layout import MARKER, FormatRule, column_letter, format_rules
from konexio.sync.plan import WorksheetPlan, WorksheetSnapshot
from konexio.sync.retry import SyncError
from konexio.sync.roster import SheetEdit, apply_to_workbook

DEFAULT_PATH = Path("volunteers") / "shifts.xlsx"
"""Relative to the root; ignored by git (``*.xlsx`` in .gitignore)."""
LAST_ROW = 1_048_576


def lock_files(path: Path) -> list[Path]:
    """The lock files LibreOffice (``.~lock.<name>#``) and Excel (``~$<name>``) leave."""
    candidates = [path.parent / f".~lock.{path.name}#", path.parent / f"~${path.name}"]
    return [candidate for candidate in candidates if candidate.exists()]


def _rule_signature(cf_range: str, formula: str) -> tuple:
    return (formula, cf_range)


def _wanted_rules(plan: WorksheetPlan) -> list[tuple[str, FormatRule]]:
    return [(f"{column_letter(rule.first_col)}2:{column_letter(rule.last_col)}{LAST_ROW}", rule)
            for rule in format_rules(plan.columns, plan.signups, plan.width)]


def _ours(sheet: Worksheet) -> list[tuple]:
    found = []
    for cf in sheet.conditional_formatting:
        for rule in cf.rules:
            formula = rule.formula[0] if rule.formula else ""
            if MARKER in formula:
                found.append(_rule_signature(str(cf.sqref), "=" + formula))
    return found


def _layout_ok(sheet: Worksheet, plan: WorksheetPlan) -> bool:
    wanted = [_rule_signature(ref, rule.formula) for ref, rule in _wanted_rules(plan)]
    people = [column_letter(c) for c in range(max(plan.columns.values()) + 1, plan.width)]
    return (sheet.freeze_panes == "A2" and bool(sheet.protection.sheet)
            and all(sheet.column_dimensions[c].protection.locked is False for c in people)
            and _ours(sheet) == wanted)


def _apply_layout(sheet: Worksheet, plan: WorksheetPlan, last_row: int) -> None:
    sheet.freeze_panes = "A2"
    # Generated cells locked, people's columns open; sorting and filtering stay allowed
    # (Excel still refuses to sort locked cells, which is the point).
    sheet.protection.sheet = True
    sheet.protection.sort = False
    sheet.protection.autoFilter = False
    first_people = max(plan.columns.values()) + 1
    for col in range(first_people, plan.width):
        letter = column_letter(col)
        sheet.column_dimensions[letter].protection = Protection(locked=False)
        for row in range(2, last_row + 2):
            sheet.cell(row, col + 1).protection = Protection(locked=False)
    kept = ConditionalFormattingList()
    for cf in sheet.conditional_formatting:
        for rule in cf.rules:
            if not (rule.formula and MARKER in rule.formula[0]):
                kept.add(str(cf.sqref), rule)
    sheet.conditional_formatting = kept
    for ref, rule in _wanted_rules(plan):
        if rule.kind == "struck":
            made = FormulaRule(formula=[rule.formula[1:]], font=Font(strike=True, color="999999"))
        else:
            made = FormulaRule(formula=[rule.formula[1:]],
                               fill=PatternFill("solid", start_color="FFDE99",
                                                end_color="FFDE99"))
        sheet.conditional_formatting.add(ref, made)


class XlsxBackend:
    """One workbook file, one worksheet per antenna."""

    name = "xlsx"

    def __init__(self, path: Path):
        self.path = path
        self.requests = 0

    def targets(self, required: dict[str, str], optional: dict[str, str]) -> list[Target]:
        return [Target(str(self.path), dict(sorted({**optional, **required}.items())))]

    def read(self, target: Target) -> Read:
        if not self.path.exists():
            snapshots = {t: WorksheetSnapshot(t, exists=False)
                         for t in (*target.titles.values(), *target.extra)}
            return Read(snapshots, None)
        try:
            book = load_workbook(self.path)
        except (OSError, ValueError, KeyError) as error:
            raise SyncError(f"classeur illisible : {self.path} ({error})") from None
        snapshots = {}
        for title in (*target.titles.values(), *target.extra):
            if title in book.sheetnames:
                rows = tuple(tuple(row) for row in book[title].iter_rows(values_only=True))
                snapshots[title] = WorksheetSnapshot(title, rows)
            else:
                snapshots[title] = WorksheetSnapshot(title, exists=False)
        return Read(snapshots, book)

    def write(self, target: Target, read: Read, plans: list[WorksheetPlan],
              dry_run: bool = False, edits: tuple[SheetEdit, ...] = ()) -> int:
        book: Workbook | None = read.state
        edits = tuple(edit for edit in edits if not edit.empty)  # guards are Google's only
        todo = [plan for plan in plans if plan.changes_values or book is None
                or plan.title not in book.sheetnames
                or not _layout_ok(book[plan.title], plan)]
        if not todo and not edits:
            return 0
        if dry_run:
            return 1
        locks = lock_files(self.path)
        if locks:
            raise SyncError(f"{self.path.name} est ouvert dans LibreOffice ou Excel "
                            f"({locks[0].name}) : fermez-le puis relancez la synchronisation.")
        if book is None:
            book = Workbook()
            book.remove(book.active)
        for plan in todo:
            sheet = book[plan.title] if plan.title in book.sheetnames \
                else book.create_sheet(plan.title)
            snapshot = read.snapshots[plan.title]
            for write in plan.header_writes + plan.writes:
                sheet.cell(write.row + 1, write.col + 1).value = write.value
            # Below the last row holding anything (never max_row, which counts rows that
            # only carry formatting, and never just the last id, which would overwrite
            # notes people typed under the table).
            row = max(snapshot.last_row, 0) + 1
            for line in plan.appends:
                for col, value in enumerate(line):
                    if value is not None:
                        sheet.cell(row + 1, col + 1).value = value
                row += 1
            _apply_layout(sheet, plan, row)
        for edit in edits:
            apply_to_workbook(book, edit)
        read.state = book  # a later write through the same read sees this one
        self._save(book)
        self.requests += 1
        return 1

    def _save(self, book: Workbook) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".shifts-", suffix=".xlsx",
                                             dir=self.path.parent)
        os.close(handle)
        try:
            book.save(temporary)
            os.replace(temporary, self.path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
