"""The local workbook backend (openpyxl): same layout and merge rules as Google Sheets.

The default when no Google credentials are set, so ``konexio sync`` works out of the box.
Two files, as on Google: the sign-up workbook (shifts, names as typed) and the people
workbook (roster with contact data, journal of mails), both git-ignored by default. It is
saved atomically (a temporary file, then ``os.replace``) and never while LibreOffice or
Excel has it open, since their save would silently overwrite ours (or the other way round).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from konexio.i18n import COORDINATORS, N_
from konexio.sync.backend import Read, Target
from konexio.sync.layout import MARKER, FormatRule, cell_text, column_letter, format_rules
from konexio.sync.lockfile import find_locks, locked
from konexio.sync.plan import WorksheetPlan, WorksheetSnapshot
from konexio.sync.printable import SHOWN, print_rows, print_title
from konexio.sync.retry import SyncError, WriteUncertain
from konexio.sync.roster import SheetEdit, apply_to_workbook
from konexio.sync.sheet_format import SheetFormat, sheet_format
from konexio.sync.words import PRINTED, WARNING, WARNING_TEXT

DEFAULT_PATH = Path("volunteers") / "shifts.xlsx"
"""Relative to the root; ignored by git (``*.xlsx`` in .gitignore)."""
PEOPLE_PATH = Path("volunteers") / "people.xlsx"
"""The people workbook, beside the sign-up one unless ``--people-file`` says otherwise."""
LAST_ROW = 1_048_576


def lock_files(path: Path) -> list[Path]:
    """The lock files LibreOffice (``.~lock.<name>#``) and Excel (``~$<name>``) leave."""
    return [lock.path for lock in find_locks(path)]


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


# WARNING is the title of the warning shown when a person types in a generated column: our
# validations are recognised by it and replaced; validations people added are kept.
TEXT = "@"
A4 = 9  # OOXML paperSize


def _filter_ref(plan: WorksheetPlan, last_row: int) -> str:
    return f"A1:{column_letter(plan.width - 1)}{max(last_row, 1)}"


def _dimension(sheet: Worksheet, col: int):
    """The column settings covering 0-based ``col``: a saved file groups equal neighbours
    into one ``<col min max>``, so looking a letter up would find a blank new one."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min and dimension.max and dimension.min <= col + 1 <= dimension.max:
            return dimension
    return None


def _layout_ok(sheet: Worksheet, plan: WorksheetPlan, fmt: SheetFormat) -> bool:
    wanted = [_rule_signature(ref, rule.formula) for ref, rule in _wanted_rules(plan)]
    found = {col: _dimension(sheet, col) for col in range(fmt.width + 1)}
    # Wider is fine (a person widened it); LibreOffice rounds widths a little on save.
    widths = all(found[c] is not None and (found[c].width or 0) >= width - 1
                 for c, width in fmt.widths.items() if c < fmt.people_from)
    text = all(found[c] is not None and found[c].number_format == TEXT
               for c in fmt.text_columns if c <= fmt.width)
    ours = [dv for dv in sheet.data_validations.dataValidation if dv.promptTitle == WARNING]
    return (sheet.freeze_panes == "A2" and not sheet.protection.sheet and widths and text
            and len(ours) == 1 and sheet.page_setup.orientation == "landscape"
            and sheet.print_title_rows in ("1:1", "$1:$1") and bool(sheet.auto_filter.ref)
            and _ours(sheet) == wanted)


def _apply_layout(sheet: Worksheet, plan: WorksheetPlan, fmt: SheetFormat,
                  last_row: int) -> None:
    """Readable, sortable and printable; see ``sheet_format`` for the choices.
    ``last_row`` is the 1-based last row of the table.

    No sheet protection: Excel and LibreOffice refuse to sort a range holding locked cells
    on a protected sheet, even with sorting allowed, and a shift row always holds both
    generated and people's cells. Instead typing in a generated column brings up a warning
    (a data validation of style "warning", like Google's warning-only protection), and the
    sync matches rows by id and rewrites generated cells from the YAML anyway.
    """
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = False  # an older sync protected the sheet
    for col, width in fmt.widths.items():
        existing = _dimension(sheet, col)
        if col < fmt.people_from or existing is None or not existing.customWidth:
            sheet.column_dimensions[column_letter(col)].width = width  # people keep theirs
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for col in fmt.text_columns:
        dimension = sheet.column_dimensions[column_letter(col)]
        dimension.number_format = TEXT
        dimension.protection = Protection(locked=False)
    # iter_rows creates the cells it visits: only the layout's, never beyond.
    for row in sheet.iter_rows(min_row=1, max_row=last_row, max_col=plan.width):
        for cell in row:
            if cell.column - 1 in fmt.text_columns and cell.row > 1:
                cell.number_format = TEXT
            cell.protection = Protection(locked=False)
            if cell.row > 1 and cell.column <= fmt.width:
                cell.alignment = wrap if cell.column - 1 in fmt.wrapped else top
    for col in range(plan.width):
        sheet.cell(1, col + 1).font = Font(bold=True)
    kept = [dv for dv in sheet.data_validations.dataValidation if dv.promptTitle != WARNING]
    sheet.data_validations.dataValidation = kept
    # Any text typed is "invalid" (length > 0 is not 0): the warning lets it through.
    warning = DataValidation(type="textLength", operator="equal", formula1="0",
                             allow_blank=True, showErrorMessage=True, errorStyle="warning",
                             error=WARNING_TEXT, errorTitle=WARNING, promptTitle=WARNING,
                             prompt=WARNING_TEXT[:255], showInputMessage=False)
    warning.add(f"A2:{column_letter(fmt.people_from - 1)}{LAST_ROW}")
    sheet.add_data_validation(warning)
    sheet.auto_filter.ref = _filter_ref(plan, last_row)
    _print_setup(sheet, sheet.title)
    kept = ConditionalFormattingList()
    for cf in sheet.conditional_formatting:
        for rule in cf.rules:
            if not (rule.formula and MARKER in rule.formula[0]):
                kept.add(str(cf.sqref), rule)
    sheet.conditional_formatting = kept
    for ref, rule in _wanted_rules(plan):
        if rule.kind == "struck":
            made = FormulaRule(formula=[rule.formula[1:]], font=Font(strike=True, color="999999"))
        elif rule.kind == "past":
            made = FormulaRule(formula=[rule.formula[1:]], font=Font(color="999999"))
        else:
            made = FormulaRule(formula=[rule.formula[1:]],
                               fill=PatternFill("solid", start_color="FFDE99",
                                                end_color="FFDE99"))
        sheet.conditional_formatting.add(ref, made)


def _grid(rows) -> list[list[str]]:
    made = [[cell_text(v) for v in row] for row in rows]
    made = [row[:max((i + 1 for i, v in enumerate(row) if v), default=0)] for row in made]
    while made and not made[-1]:
        made.pop()
    return made


def _print_ok(book: Workbook, title: str, wanted: list[list[object]]) -> bool:
    name = print_title(title)
    return name in book.sheetnames and \
        _grid(book[name].iter_rows(values_only=True)) == _grid(wanted)


def _write_printable(book: Workbook, title: str, wanted: list[list[object]],
                     fmt: SheetFormat, columns: dict[str, int]) -> None:
    """Replace the printable sheet: the sync's own, nobody types there (it is protected)."""
    name = print_title(title)
    if name in book.sheetnames:
        book.remove(book[name])
    sheet = book.create_sheet(name, book.sheetnames.index(title) + 1)
    for line in wanted:
        sheet.append(line)
    width = len(wanted[0]) if wanted else len(SHOWN)
    for col in range(width - 1):
        label = wanted[0][col] if wanted else ""
        chars = fmt.widths.get(columns[label], 12) if label in columns else 18
        sheet.column_dimensions[column_letter(col)].width = chars
        sheet.cell(1, col + 1).font = Font(bold=True)
    sheet.column_dimensions[column_letter(width - 1)].hidden = True  # the id, for look-ups
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, max_col=width - 1):
        for cell in row:
            cell.alignment = wrap
    sheet.protection.sheet = True
    sheet.freeze_panes = "A2"
    sheet.print_area = f"A1:{column_letter(width - 2)}{max(len(wanted), 1)}"
    _print_setup(sheet, title)


def _print_setup(sheet: Worksheet, antenna: str) -> None:
    """A4 landscape, one page wide, header row repeated, antenna and print date on top."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.left.text = antenna
    sheet.oddHeader.right.text = PRINTED
    sheet.print_options.gridLines = True


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return (status.st_mtime_ns, status.st_size)


@dataclass
class Books:
    """The two workbooks as read (None: no file yet)."""

    signups: Workbook | None
    people: Workbook | None


class XlsxBackend:
    """Two workbook files: the sign-up one (one worksheet per antenna, and the printable
    ones), which may be handed to volunteers, and the people one (roster and journal),
    which stays with the coordinators."""

    name = "xlsx"

    def __init__(self, path: Path, today: date | None = None, people: Path | None = None):
        self.path = path
        self.people = people if people is not None else path.parent / PEOPLE_PATH.name
        if self.people.resolve() == self.path.resolve():
            raise SyncError(COORDINATORS.message(N_(
                "%(path)s ne peut pas être à la fois le classeur des inscriptions et celui "
                "des personnes : donnez deux fichiers (--file et --people-file)."),
                path=self.path))
        self.today = today
        """The first day of the printable sheets; the computer's date when None."""
        self.requests = 0
        self._stamps: dict[tuple[int, Path], tuple[int, int] | None] = {}

    def targets(self, required: dict[str, str], optional: dict[str, str]) -> list[Target]:
        return [Target(str(self.path), dict(sorted({**optional, **required}.items())),
                       people=str(self.people))]

    def _load(self, path: Path) -> Workbook | None:
        if _stamp(path) is None:
            return None
        try:
            return load_workbook(path)
        except (OSError, ValueError, KeyError, BadZipFile, InvalidFileException) as error:
            # A .xlsx is a zip: a copy cut short or another file under its name is no zip.
            raise SyncError(COORDINATORS.message(
                N_("classeur illisible : %(path)s (%(detail)s)"), path=path,
                detail=str(error))) from None

    def read(self, target: Target) -> Read:
        stamps = {self.path: _stamp(self.path), self.people: _stamp(self.people)}
        books = Books(self._load(self.path), self._load(self.people))
        snapshots = {}
        for book, titles in ((books.signups, target.titles.values()),
                             (books.people, target.extra)):
            for title in titles:
                if book is not None and title in book.sheetnames:
                    rows = tuple(tuple(row) for row in book[title].iter_rows(values_only=True))
                    snapshots[title] = WorksheetSnapshot(title, rows)
                else:
                    snapshots[title] = WorksheetSnapshot(title, exists=False)
        legacy = {}
        if books.signups is not None:
            for title in target.extra:
                if title in books.signups.sheetnames:
                    sheet = books.signups[title]
                    legacy[title] = WorksheetSnapshot(
                        title, tuple(tuple(row) for row in sheet.iter_rows(values_only=True)))
        read = Read(snapshots, books, legacy)
        for path, stamp in stamps.items():
            self._stamps[(id(read), path)] = stamp
        return read

    def _check(self, read: Read, path: Path) -> None:
        locks = find_locks(path)
        if locks:
            raise SyncError(locked(path, locks[0]))
        if _stamp(path) != self._stamps.get((id(read), path), _stamp(path)):
            # Saved by someone (sorted, typed) since our read: saving our copy would undo
            # their work. Read and plan again (run.py does, on WriteUncertain).
            raise WriteUncertain(f"{path.name} a changé depuis sa lecture")

    def _store(self, read: Read, path: Path, book: Workbook) -> None:
        self._save(book, path)
        # Our own save is not someone else's: a later write through the same read (notify
        # records each mail) must not take it for a change made since the read.
        self._stamps[(id(read), path)] = _stamp(path)
        self.requests += 1

    def write(self, target: Target, read: Read, plans: list[WorksheetPlan],
              dry_run: bool = False, edits: tuple[SheetEdit, ...] = ()) -> int:
        books: Books = read.state
        book = books.signups
        edits = tuple(edit for edit in edits if not edit.empty)  # guards are Google's only
        formats = {plan.title: sheet_format(read.snapshots[plan.title], plan) for plan in plans}
        today = self.today or date.today()
        todo = [plan for plan in plans if plan.changes_values or book is None
                or plan.title not in book.sheetnames
                or not _layout_ok(book[plan.title], plan, formats[plan.title])
                or not _print_ok(book, plan.title, print_rows(
                    plan.title, list(read.snapshots[plan.title].rows), today))]
        if not todo and not edits:
            return 0
        if dry_run:
            return bool(todo) + bool(edits)
        for path, needed in ((self.path, todo), (self.people, edits)):
            if needed:
                self._check(read, path)
        saves = 0
        if todo:
            if book is None:
                book = books.signups = _new_book()
            for plan in todo:
                self._write_plan(book, plan, read.snapshots[plan.title],
                                 formats[plan.title], today)
            self._store(read, self.path, book)
            saves += 1
        if edits:
            if books.people is None:
                books.people = _new_book()
            for edit in edits:
                apply_to_workbook(books.people, edit)
            self._store(read, self.people, books.people)
            saves += 1
        return saves

    def remove_legacy(self, target: Target, read: Read, titles: tuple[str, ...]) -> None:
        books: Books = read.state
        if books.signups is None:
            return
        self._check(read, self.path)
        for title in titles:
            if title in books.signups.sheetnames:
                books.signups.remove(books.signups[title])
        self._store(read, self.path, books.signups)

    @staticmethod
    def _write_plan(book: Workbook, plan: WorksheetPlan, snapshot: WorksheetSnapshot,
                    fmt: SheetFormat, today: date) -> None:
        sheet = book[plan.title] if plan.title in book.sheetnames \
            else book.create_sheet(plan.title)
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
        _apply_layout(sheet, plan, fmt, row)
        rows = list(sheet.iter_rows(max_row=row, max_col=plan.width, values_only=True))
        _write_printable(book, plan.title, print_rows(plan.title, rows, today), fmt,
                         plan.columns)

    @staticmethod
    def _save(book: Workbook, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".konexio-", suffix=".xlsx",
                                             dir=path.parent)
        os.close(handle)
        try:
            book.save(temporary)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


def _new_book() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book
