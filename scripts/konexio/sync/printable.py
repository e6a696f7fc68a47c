"""The printable sheet of the next two weeks, one per antenna, for a notice board.

The shift worksheet is in whatever order people sorted it and holds every past shift, so
its print area cannot be "from today on". The sync writes a second worksheet instead,
``<antenna> (à imprimer)`` (``words.PRINT_TITLE``): the shifts from today to 13 days on, by
date and time, each sign-up and notes cell a formula that looks the shift up by id in the
shift worksheet (``INDEX``/``MATCH``, the same in Excel, LibreOffice and Google Sheets), so it
shows what people typed up to the moment it is printed, whatever sorting or columns they
added.
Pure: rows of the shift worksheet in, rows of the printable sheet out.
"""

from __future__ import annotations

from datetime import date, timedelta

from konexio.sync import words
from konexio.sync.layout import (
    DATE,
    END,
    ID,
    NOTES,
    START,
    STATUS,
    STATUS_REMOVED,
    VENUE,
    cell_text,
    column_letter,
    signup_number,
)

DAYS = 14
SHOWN = (DATE, words.DAY, START, END, VENUE, words.PROGRAM, words.ROLE, STATUS)
"""Generated columns printed (the id is kept last, hidden, for the look-ups)."""
MAX_TITLE = 31
"""Excel refuses longer worksheet titles."""


def print_title(title: str) -> str:
    """The printable worksheet's title: the antenna's, shortened to fit Excel's limit."""
    room = MAX_TITLE - len(words.PRINT_TITLE % {"worksheet": ""})
    return words.PRINT_TITLE % {"worksheet": title[:room]}


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def print_rows(title: str, rows: list[tuple[object, ...]], today: date,
               days: int = DAYS) -> list[list[object]]:
    """The printable sheet's cells (header first) for the shift worksheet ``title``."""
    header = [cell_text(v).strip() for v in rows[0]] if rows else []
    where = {label: col for col, label in reversed(list(enumerate(header)))}
    if any(label not in where for label in (*SHOWN, ID)):
        return []
    people = [label for label in header if signup_number(label) is not None]
    people.sort(key=signup_number)
    if NOTES in where:
        people.append(NOTES)
    last = (today + timedelta(days=days - 1)).isoformat()
    chosen = []
    for row in rows[1:]:
        cells = {label: cell_text(row[col]) if col < len(row) else ""
                 for label, col in where.items()}
        if not cells[ID] or cells[STATUS] == STATUS_REMOVED:
            continue
        if today.isoformat() <= cells[DATE] <= last:
            chosen.append(cells)
    chosen.sort(key=lambda c: (c[DATE], c[START], c[VENUE], c[ID]))
    out: list[list[object]] = [[*SHOWN, *people, ID]]
    source = _quoted(title)
    id_col = column_letter(len(SHOWN) + len(people))
    for number, cells in enumerate(chosen, start=2):
        line: list[object] = [cells[label] for label in SHOWN]
        for label in people:
            line.append(f'=IFERROR(INDEX({source}!$A:$ZZ,MATCH(${id_col}{number},'
                        f'{source}!$A:$A,0),MATCH("{label}",{source}!$1:$1,0))&"","")')
        line.append(cells[ID])
        out.append(line)
    return out
