"""Sync at scale: planning time and HTTP requests per sync against the fake Sheets API.

The shifts are spread over ``SPREADSHEETS`` antennas, one spreadsheet each (as in
``volunteers/sheets.yml``). Three syncs are made through gspread's real HTTP layer: the
first fill of empty spreadsheets, a sync with nothing changed, and a sync after 1% of the
shifts were cancelled and 1% added. The planning time is ``plan_worksheet`` alone (pure) on
what the third sync reads; the wall time of a sync includes the fake server's own work.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import gspread

from fake_sheets import SYNC_ACCOUNT, FakeSheets, session
from konexio.shifts import Shift, ShiftStatus, by_antenna
from konexio.sync.google import GoogleBackend
from konexio.sync.plan import plan_worksheet
from konexio.sync.retry import Retry
from konexio.sync.run import sync_shifts

SPREADSHEETS = 4
ZONE = ZoneInfo("Europe/Paris")
ROLES = (("trainer", 1), ("assistant", 2), ("interpreter", 1))


def make_shifts(count: int, offset: int = 0) -> list[Shift]:
    """``count`` shifts, round-robin over the antennas, three roles per session."""
    made: list[Shift] = []
    n = offset
    while len(made) < count:
        antenna = f"antenna-{n % SPREADSHEETS + 1}"
        session_n = n // SPREADSHEETS
        start = datetime(2026, 9, 7, 9, tzinfo=ZONE) + timedelta(hours=session_n)
        key = f"cohort-{antenna}-{session_n // 20}/{start:%Y-%m-%d}/{start:%H%M}"
        for role, needed in ROLES[: count - len(made)]:
            made.append(Shift(id=f"{key}/{role}", occurrence=key, start=start,
                              end=start + timedelta(hours=2), antenna=antenna,
                              venue="Centre social — Salle 1", program="DigitAll débutant",
                              cohort=f"cohort-{antenna}-{session_n // 20}", role=role,
                              role_name=role, needed=needed, status=ShiftStatus.scheduled))
        n += 1
    return made


def _changed(shifts: list[Shift]) -> tuple[Shift, ...]:
    """1% cancelled (every 100th) and 1% more shifts at the end."""
    edited = [replace(s, status=ShiftStatus.cancelled, reason="Formateur absent")
              if i % 100 == 0 else s for i, s in enumerate(shifts)]
    extra = make_shifts(max(len(shifts) // 100, len(ROLES)), offset=len(shifts))
    return tuple(edited + extra)


def run_sync(count: int, repeats: int = 3) -> dict:
    server = FakeSheets()
    titles = {f"antenna-{i}": f"Antenne {i}" for i in range(1, SPREADSHEETS + 1)}
    ids = {antenna: f"sheet-{antenna}" for antenna in titles}
    people = {antenna: f"people-{antenna}" for antenna in titles}
    for key in (*ids.values(), *people.values()):  # shared with the service account
        server.create(key, editors=(SYNC_ACCOUNT,))
    client = gspread.Client(None, session(server))

    def backend() -> GoogleBackend:
        return GoogleBackend(client.http_client, ids, people,
                             retry=Retry(sleep=lambda s: None))

    base = tuple(make_shifts(count))
    changed = _changed(list(base))
    figures: dict = {"shifts": count, "spreadsheets": SPREADSHEETS}
    for name, shifts in (("fill", base), ("same", base), ("change", changed)):
        if name == "change":  # time the planner alone on what this sync reads
            reader = backend()
            reads = [reader.read(target) for target in reader.targets(titles, {})]
            grouped = by_antenna(shifts)
            timings = []
            for _ in range(repeats):
                start = time.perf_counter()
                for read in reads:
                    for title, snapshot in read.snapshots.items():
                        if title not in titles.values():  # the roster and the journal
                            continue
                        antenna = next(a for a, t in titles.items() if t == title)
                        plan_worksheet(snapshot, grouped[antenna])
                timings.append(time.perf_counter() - start)
            figures["plan_seconds"] = statistics.median(timings)
        server.log.clear()
        start = time.perf_counter()
        summary = sync_shifts(shifts, titles, backend())
        figures[f"{name}_seconds"] = time.perf_counter() - start
        per_sheet = Counter(entry.spreadsheet for entry in server.log)
        figures[f"{name}_requests"] = summary.requests
        figures[f"{name}_per_spreadsheet"] = sorted(set(per_sheet.values()))
        figures[f"{name}_kinds"] = dict(Counter(server.kinds()))
        bodies = [len(json.dumps(entry.body, ensure_ascii=False).encode())
                  for entry in server.log if entry.kind == "batchUpdate"]
        figures[f"{name}_largest_body"] = max(bodies, default=0)
    return figures
