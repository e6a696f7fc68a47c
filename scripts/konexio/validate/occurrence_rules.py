"""Checks that need the dated occurrences: clock changes and rooms taken twice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime

from konexio.expand.occurrences import Occurrence, Schedule
from konexio.model.dataset import Dataset
from konexio.problems import Problem, problem


def _exists(moment: datetime) -> bool:
    """False for a wall-clock time skipped when clocks go forward."""
    return moment.astimezone(UTC).astimezone(moment.tzinfo).replace(tzinfo=None) \
        == moment.replace(tzinfo=None)


def _at(dataset: Dataset, occ: Occurrence, leaf: str, code: str, **params) -> Problem:
    entry = dataset.cohorts[occ.cohort]
    pos = entry.doc.pos((*occ.source, leaf))
    return problem(entry.file, pos.line, pos.col, code, **params)


def no_session_in_a_clock_gap(dataset: Dataset, schedule: Schedule) -> Iterator[Problem]:
    reported: set[tuple] = set()
    for occ in schedule.occurrences:
        for moment, leaf in ((occ.start, "start"), (occ.end, "end")):
            if occ.moved:
                leaf = f"to_{leaf}"
            if _exists(moment) or (occ.cohort, occ.source, leaf) in reported:
                continue
            reported.add((occ.cohort, occ.source, leaf))
            yield _at(dataset, occ, leaf, "dst.gap", date=moment.date().isoformat(),
                      time=f"{moment:%H:%M}", zone=str(moment.tzinfo))


def no_room_taken_twice(dataset: Dataset, schedule: Schedule) -> Iterator[Problem]:
    """Two cohorts in one named room at overlapping times, reported on both (rooms left
    unnamed are not compared: a venue may have several rooms nobody listed)."""
    by_room: dict[tuple[str, str, str], list[Occurrence]] = defaultdict(list)
    for occ in schedule.occurrences:
        if occ.room and not occ.cancelled:
            by_room[(occ.antenna, occ.venue, occ.room)].append(occ)
    reported: set[tuple] = set()
    for (_antenna, venue, room), occs in sorted(by_room.items()):
        occs.sort(key=lambda o: (o.start, o.cohort))
        active: list[Occurrence] = []  # sessions still running when the next one starts
        for later in occs:
            active = [o for o in active if o.end > later.start]
            for earlier in active:
                if earlier.cohort == later.cohort:
                    continue
                # Report on both sessions: the coordinator who edited either file sees it
                # on the line they changed (annotations only show on changed lines).
                for here, there in ((later, earlier), (earlier, later)):
                    key = (here.cohort, here.source, there.cohort)
                    if key in reported:
                        continue
                    reported.add(key)
                    yield _at(dataset, here, "to_room" if here.moved else "room", "room.clash",
                              place=f"{room} ({venue})", date=here.start.date().isoformat(),
                              start=f"{there.start:%H:%M}", end=f"{there.end:%H:%M}",
                              other=there.cohort, other_file=dataset.cohorts[there.cohort].file)
            active.append(later)


def check_schedule(dataset: Dataset, schedule: Schedule) -> list[Problem]:
    return [p for rule in (no_session_in_a_clock_gap, no_room_taken_twice)
            for p in rule(dataset, schedule)]
