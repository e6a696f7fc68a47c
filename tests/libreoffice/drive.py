"""Play a volunteer in a real LibreOffice Calc, headless, through Python-UNO.

Run by the system Python (Debian's python3-uno), not the project's venv:
``/usr/bin/python3 drive.py WORKBOOK SHIFT_ID`` opens the workbook, sorts its first sheet
by date, latest first, types into the row of SHIFT_ID as a person would (a phone number with
its leading zero in ``bénévole 1``, ``+33…`` in ``notes``, a new column ``téléphone``),
saves as xlsx and quits. Typing goes through the dispatcher (``.uno:EnterString`` in the
selected cell), what the keyboard does: it honours the cell's number format, where
``XCell.setFormula`` would parse ``0698765432`` as a number even in a text cell.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import TableSortField


def prop(name, value):
    made = PropertyValue()
    made.Name, made.Value = name, value
    return made


def address(col: int, row: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(workbook: Path, shift_id: str) -> None:
    port = free_port()
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    office = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo",
         f"-env:UserInstallation={profile.as_uri()}",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                context = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;"
                                           "StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - not listening yet: wait
                time.sleep(0.25)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(workbook.resolve().as_uri(), "_blank", 0,
                                           (prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_col, last_row = cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow
        table = sheet.getCellRangeByPosition(0, 0, last_col, last_row)
        field = TableSortField()
        field.Field, field.IsAscending = 1, False  # column B, the date
        descriptor = table.createSortDescriptor()
        for item in descriptor:
            if item.Name == "SortFields":
                item.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif item.Name == "ContainsHeader":
                item.Value = True
        uno.invoke(table, "sort", (uno.Any("[]com.sun.star.beans.PropertyValue",
                                           tuple(descriptor)),))
        header = [sheet.getCellByPosition(c, 0).String for c in range(last_col + 1)]
        row = next(r for r in range(1, last_row + 1)
                   if sheet.getCellByPosition(0, r).String == shift_id)
        dispatcher = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", context)
        frame = doc.CurrentController.Frame

        def type_in(col: int, at: int, text: str) -> None:
            dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0,
                                       (prop("ToPoint", address(col, at)),))
            dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0,
                                       (prop("StringName", text),))

        type_in(header.index("bénévole 1"), row, "0698765432")
        type_in(header.index("notes"), row, "+33 6 98 76 54 32")
        type_in(last_col + 1, 0, "téléphone")  # a column added right of notes
        type_in(last_col + 1, row, "0612345678")
        # What the printable sheet (if any) computes now: one line per row, cells separated
        # by tabs, on stdout for the test. Its cells are all text. Recalculate once, then read
        # the whole range in one call: reading it cell by cell, each read recalculating the
        # look-ups on demand, crashed soffice 7.4 here in 6 runs out of 6 (0 out of 18 this
        # way).
        if doc.Sheets.Count > 1:
            printable = doc.Sheets.getByIndex(1)
            end = printable.createCursor()
            end.gotoEndOfUsedArea(False)
            doc.calculateAll()
            rows = printable.getCellRangeByPosition(
                0, 0, end.RangeAddress.EndColumn, end.RangeAddress.EndRow).getDataArray()
            for line in rows:
                print("\t".join(str(value) for value in line))
        doc.storeToURL(workbook.resolve().as_uri(),
                       (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        office.terminate()
        office.wait(30)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
