"""What people do to a shift sheet (type, sort), the same way on both backends.

Tests run the same merge scenarios against the fake Google Sheets and a real xlsx file,
through these two benches: ``backend()`` gives a fresh backend as a sync would build it,
``grid()`` reads the sheet as people see it, ``type``/``sort`` act as people do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import gspread
from openpyxl import load_workbook

from fake_sheets.loopback import loopback_session, serve
from fake_sheets.server import FakeSheets
from fake_sheets.transport import SYNC_ACCOUNT, session
from konexio.sync.google import GoogleBackend
from konexio.sync.layout import cell_text
from konexio.sync.retry import Retry
from konexio.sync.roster import EXTRA
from konexio.sync.words import PRESENCES
from konexio.sync.xlsx import XlsxBackend

SPREADSHEET = "1konexio-test-sheet"
PEOPLE = "1konexio-test-people"
"""The coordinators' private spreadsheet: roster and journal."""


def trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Drop trailing empty rows and columns, so both backends compare equal."""
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v != ""), default=0)
    rows = [list(row[:width]) + [""] * (width - len(row[:width])) for row in rows]
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


class GoogleBench:
    name = "google"

    def __init__(self, tmp_path: Path, antennas: tuple[str, ...] = ("paris",),
                 transport: str = "http", account: str = SYNC_ACCOUNT):
        self.server = FakeSheets()
        # Owned by a person, shared with the service account, as the README tells them to.
        self.server.create(SPREADSHEET, editors=(account,))
        self.server.create(PEOPLE, editors=(account,))
        self.account = account
        """The service account the sync runs as; a test may change it (a new key)."""
        self.sleeps: list[float] = []
        self.ids = {antenna: SPREADSHEET for antenna in antennas}
        self.people = {antenna: PEOPLE for antenna in antennas}
        # "http": real sockets to 127.0.0.1; "adapter": in process, for the few tests that
        # must see what the client sent (its time-out) or raise a precise exception.
        self.transport = transport
        self.base = serve(self.server) if transport == "http" else ""

    def session(self, account: str | None = None):
        account = account or self.account
        return loopback_session(self.base, account) if self.transport == "http" \
            else session(self.server, account)

    def backend(self, retry: Retry | None = None, **options) -> GoogleBackend:
        client = gspread.Client(None, self.session())
        retry = retry or Retry(sleep=self.sleeps.append, jitter=lambda: 0.5)
        return GoogleBackend(client.http_client, self.ids, self.people, retry=retry, **options)

    @staticmethod
    def place(title: str) -> str:
        """The spreadsheet a worksheet lives in: roster, journal and attendance marks in the
        people one."""
        return PEOPLE if title in (*EXTRA, PRESENCES) else SPREADSHEET

    def grid(self, title: str = "Paris") -> list[list[str]]:
        return trimmed(self.server.sheet(self.place(title), title).grid())

    def type(self, row: int, col: int, text: str, title: str = "Paris") -> None:
        sheet = self.server.sheet(self.place(title), title)
        if text:
            sheet.cells[(row, col)] = text
        else:
            sheet.cells.pop((row, col), None)

    def sort(self, key: Callable[[list[str]], object], title: str = "Paris",
             reverse: bool = False) -> None:
        sheet = self.server.sheet(self.place(title), title)
        grid = sheet.grid()
        width = max(len(grid[0]), sheet.last_col() + 1)
        body = sorted(grid[1:], key=key, reverse=reverse)
        for r, row in enumerate(body, start=1):
            for c in range(width):
                value = row[c] if c < len(row) else ""
                self.type(r, c, value, title)


class XlsxBench:
    name = "xlsx"

    def __init__(self, tmp_path: Path, antennas: tuple[str, ...] = ("paris",)):
        self.path = tmp_path / "volunteers" / "shifts.xlsx"
        self.people = tmp_path / "volunteers" / "people.xlsx"
        self.saves = 0

    def backend(self, **options) -> XlsxBackend:
        return XlsxBackend(self.path)

    def place(self, title: str) -> Path:
        """The workbook a worksheet lives in: roster, journal and attendance marks in the
        people one."""
        return self.people if title in (*EXTRA, PRESENCES) else self.path

    def grid(self, title: str = "Paris") -> list[list[str]]:
        sheet = load_workbook(self.place(title))[title]
        return trimmed([[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)])

    def type(self, row: int, col: int, text: str, title: str = "Paris") -> None:
        book = load_workbook(self.place(title))
        book[title].cell(row + 1, col + 1).value = text or None
        book.save(self.place(title))

    def sort(self, key: Callable[[list[str]], object], title: str = "Paris",
             reverse: bool = False) -> None:
        book = load_workbook(self.place(title))
        sheet = book[title]
        raw = [list(row) for row in sheet.iter_rows(values_only=True)]
        last = max((r for r, row in enumerate(raw) if any(v not in (None, "") for v in row)))
        body = sorted(raw[1:last + 1], key=lambda row: key([cell_text(v) for v in row]),
                      reverse=reverse)
        for r, row in enumerate(body, start=2):
            for c, value in enumerate(row, start=1):
                sheet.cell(r, c).value = value
        book.save(self.place(title))


BENCHES = {"google": GoogleBench, "xlsx": XlsxBench}


def row_of(grid: list[list[str]], shift_id: str) -> int:
    rows = [r for r, row in enumerate(grid) if r and row and row[0] == shift_id]
    assert len(rows) == 1, f"{shift_id} is on rows {rows}"
    return rows[0]


def col_of(grid: list[list[str]], label: str) -> int:
    return grid[0].index(label)
