"""A fake Google Sheets API v4, in memory, for driving the real gspread client in tests.

Mount ``FakeSheetsAdapter`` on a ``requests.Session`` (see ``session``) and hand that session
to ``gspread.Client(None, session)``: every byte goes through gspread's real HTTP layer.
Every other host is refused, so no test can reach the network.
"""

from fake_sheets.server import FakeSheets, Fault, Sheet
from fake_sheets.transport import SYNC_ACCOUNT, FakeSheetsAdapter, RefusingAdapter, session

__all__ = ["SYNC_ACCOUNT", "FakeSheets", "FakeSheetsAdapter", "Fault", "RefusingAdapter", "Sheet",
           "session"]
