"""Checks that need the dated occurrences: where moved sessions land, rooms taken twice,
clock changes, and what is left of each cohort once holidays and closures are taken out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from konexio.expand.closed_days import closed_days
from konexio.expand.occurrences import Occurrence, Schedule, planned_days
from konexio.model.cohort import Status
from konexio.model.dataset import CohortEntry, Dataset
from konexio.problems import Problem, problem, warning
from konexio.validate.holiday_names import holiday_names

MAKE_UP_MARGIN = timedelta(weeks=2)
"""A session may be moved up to two weeks after the cohort's end (a make-up session)."""

EMPTY_WEEKS = 3
"""Weeks in a row without any session that deserve a warning (two is a school holiday)."""


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
                              room=room, venue=venue, date=here.start.date().isoformat(),
                              start=f"{there.start:%H:%M}", end=f"{there.end:%H:%M}",
                              other=there.cohort, other_file=dataset.cohorts[there.cohort].file)
            active.append(later)


def reason_of_closed_day(dataset: Dataset, entry: CohortEntry, day: date) -> dict[str, str]:
    """Why the cohort's venue is closed on ``day``, in each message language ({} if open)."""
    antenna = dataset.antennas[entry.antenna].model
    found = closed_days(antenna, entry.model.venue, day, day).get(day)
    if found is None:
        return {}
    if found.reason is not None:
        return {"reason_fr": found.reason.fr, "reason_en": found.reason.en}
    names = holiday_names(antenna.country, antenna.subdivision, day)
    return {"reason_fr": f"jour férié : {names['fr'] or found.holiday}",
            "reason_en": f"public holiday: {names['en'] or found.holiday}"}


def _closure_of(dataset: Dataset, entry: CohortEntry, day: date) -> int | None:
    """The index of the antenna's closure that shuts the cohort's venue on ``day`` (None
    when it is a public holiday, which wins over a closure in ``closed_days``)."""
    antenna = dataset.antennas[entry.antenna].model
    if closed_days(antenna, entry.model.venue, day, day)[day].reason is None:
        return None
    for i, closure in enumerate(antenna.closures):
        if closure.venue in (None, entry.model.venue) and closure.start <= day <= closure.end:
            return i
    return None


def _where_moved(occ: Occurrence, dataset: Dataset) -> str:
    """The key of the move that set the new day, or the move itself when it has no to_date."""
    move = dataset.cohorts[occ.cohort].model.moved[int(occ.source[1])]
    return "to_date" if move.to_date is not None else "date"


def moves_land_on_open_days(dataset: Dataset, schedule: Schedule,
                            today: date) -> Iterator[Problem]:
    """A moved session lands on a day the venue is open, near the cohort's dates, in the
    same year, on no other session of the cohort; moved into the past is a warning."""
    by_cohort: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in schedule.occurrences:
        if not occ.cancelled:
            by_cohort[occ.cohort].append(occ)
    for occ in schedule.occurrences:
        if not occ.moved:
            continue
        entry = dataset.cohorts[occ.cohort]
        cohort = entry.model
        day = occ.start.date()
        leaf = _where_moved(occ, dataset)
        last = cohort.end + MAKE_UP_MARGIN
        if not cohort.start <= day <= last:
            meant = _same_day_in_year(day, occ.planned_date.year)
            if meant and cohort.start <= meant <= last:
                yield _at(dataset, occ, leaf, "move.other_year", date=day.isoformat(),
                          meant=meant.isoformat())
            else:
                yield _at(dataset, occ, leaf, "move.outside", date=day.isoformat(),
                          start=cohort.start.isoformat(), end=cohort.end.isoformat(),
                          last=last.isoformat())
            continue
        reason = reason_of_closed_day(dataset, entry, day)
        if reason:
            found = _at(dataset, occ, leaf, "move.closed", date=day.isoformat(), **reason)
            closure = _closure_of(dataset, entry, day)
            if closure is not None:
                antenna = dataset.antennas[entry.antenna]
                pos = antenna.doc.pos(("closures", closure, "start"))
                found = found.seen_also(antenna.file, pos.line, pos.col)
            yield found
            continue
        for other in by_cohort[occ.cohort]:
            if other is not occ and other.start < occ.end and occ.start < other.end:
                yield _at(dataset, occ, "to_start" if leaf == "date" else leaf, "move.overlap",
                          date=day.isoformat(), start=f"{other.start:%H:%M}",
                          end=f"{other.end:%H:%M}")
                break
        if day < today <= occ.planned_date:
            yield _warn(dataset, occ, leaf, "move.past", date=day.isoformat(),
                        today=today.isoformat())


def _same_day_in_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year) if day.year != year else None
    except ValueError:  # 29 February
        return None


def _warn(dataset: Dataset, occ: Occurrence, leaf: str, code: str, **params) -> Problem:
    found = _at(dataset, occ, leaf, code, **params)
    return warning(found.path, found.line, found.col, code, **params)


def cohorts_keep_their_sessions(dataset: Dataset, schedule: Schedule) -> Iterator[Problem]:
    """An open cohort has sessions left; its weeks are not empty several in a row."""
    by_cohort: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in schedule.occurrences:
        if not occ.cancelled:
            by_cohort[occ.cohort].append(occ)
    for cohort_id, entry in dataset.cohorts.items():
        cohort = entry.model
        held = by_cohort.get(cohort_id, [])
        if not held:
            if cohort.status is Status.open:
                pos = entry.doc.pos(("status",))
                yield problem(entry.file, pos.line, pos.col, "cohort.nothing_left",
                              start=cohort.start.isoformat(), end=cohort.end.isoformat())
            continue
        yield from _empty_weeks(entry, held)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _empty_weeks(entry: CohortEntry, held: list[Occurrence]) -> Iterator[Problem]:
    cohort = entry.model
    planned = {_monday(day) for s in cohort.sessions
               for day in planned_days(cohort.start, cohort.end, s.day.index)}
    busy = {_monday(o.start.date()) for o in held}
    run: list[date] = []
    for week in [*sorted(planned), None]:
        if week is not None and week not in busy:
            run.append(week)
            continue
        if len(run) >= EMPTY_WEEKS:
            pos = entry.doc.pos(("sessions",), key=True)
            yield warning(entry.file, pos.line, pos.col, "cohort.empty_weeks", weeks=len(run),
                          first=max(run[0], cohort.start).isoformat(),
                          last=min(run[-1] + timedelta(days=6), cohort.end).isoformat())
        run = []


def cohorts_last_as_their_program(dataset: Dataset, schedule: Schedule) -> Iterator[Problem]:
    """A cohort far longer or shorter than its program says: often a mistyped year or month."""
    for entry in dataset.cohorts.values():
        cohort = entry.model
        program = dataset.programs.get(cohort.program)
        if program is None or program.model.weeks is None or cohort.end < cohort.start:
            continue
        usual = program.model.weeks
        weeks = -(-((cohort.end - cohort.start).days + 1) // 7)
        if usual.min <= weeks <= usual.max:
            continue
        pos = entry.doc.pos(("end",))
        yield warning(entry.file, pos.line, pos.col,
                      "cohort.too_long" if weeks > usual.max else "cohort.too_short",
                      weeks=weeks, min=usual.min, max=usual.max, program=cohort.program,
                      start=cohort.start.isoformat(), end=cohort.end.isoformat())


def check_schedule(dataset: Dataset, schedule: Schedule, today: date) -> list[Problem]:
    """Every problem found on the expanded schedule (``today`` dates the past)."""
    found = [p for rule in (no_session_in_a_clock_gap, no_room_taken_twice,
                            cohorts_keep_their_sessions, cohorts_last_as_their_program)
             for p in rule(dataset, schedule)]
    return found + list(moves_land_on_open_days(dataset, schedule, today))
