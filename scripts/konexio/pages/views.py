"""What the pages show, picked from the dataset and the expanded schedule (no formatting).

These are the facts a page needs, already sorted and filtered: which cohorts are upcoming,
which sessions still need volunteers, what the network counts. Templates only format them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from konexio.expand.occurrences import Occurrence, Schedule, days_held
from konexio.model.antenna import Antenna, Venue
from konexio.model.cohort import Cohort, Status, WeeklySession
from konexio.model.dataset import Dataset
from konexio.model.program import Level, Program
from konexio.model.types import Weekday
from konexio.pages.formatting import time_of_day

HOME_LIMIT = 24
"""At most this many cohorts on the home page and on a program page, so a page does not grow
with the whole network; antenna pages list every cohort of their antenna."""

NEEDS_DAYS = 21
NEEDS_PER_ANTENNA = 30
GAPS_LISTED = 10
"""The volunteers page lists the ten largest real gaps of the network first."""
"""An antenna page lists the sessions of the next three weeks that need volunteers (at most
30; the role feeds hold the rest); the volunteers page only counts them per antenna."""


@dataclass(frozen=True)
class CohortView:
    """One cohort with what lists and cards say about it."""

    id: str
    cohort: Cohort
    program_id: str
    program: Program
    antenna_id: str
    antenna: Antenna
    venue: Venue
    next_session: Occurrence | None
    parts_of_day: tuple[str, ...]
    held: tuple[date, date] | None = None
    """First and last day a session takes place (``expand.days_held`` of the occurrences
    the page lists): "from ... to ..." says these, not the dates declared in the YAML,
    which may fall on a day without a session or before a last session moved later."""

    @property
    def first_day(self) -> date:
        return self.held[0] if self.held else self.cohort.start

    @property
    def last_day(self) -> date:
        return self.held[1] if self.held else self.cohort.end

    @property
    def level(self) -> Level:
        return self.program.level

    @property
    def is_open(self) -> bool:
        return self.cohort.status is Status.open

    @property
    def weekly(self) -> list[WeeklySession]:
        return sorted(self.cohort.sessions, key=lambda s: (s.day.index, s.start))

    @property
    def weekly_groups(self) -> list[tuple[tuple[Weekday, ...], tuple[tuple[time, time], ...]]]:
        """Weekdays that share the same hours, in week order: ``((mon, wed), ((14:00,
        16:00),))`` reads 'Monday and Wednesday, 14:00-16:00'."""
        hours: dict[Weekday, list[tuple[time, time]]] = {}
        for session in self.weekly:
            hours.setdefault(session.day, []).append((session.start, session.end))
        groups: dict[tuple[tuple[time, time], ...], list[Weekday]] = {}
        for day, slots in hours.items():
            groups.setdefault(tuple(slots), []).append(day)
        return sorted(((tuple(days), slots) for slots, days in groups.items()),
                      key=lambda group: group[0][0].index)


@dataclass(frozen=True)
class SessionDay:
    """The sessions of one cohort on one day (a long cohort has two a day: one line)."""

    day: date
    occurrences: tuple[Occurrence, ...]
    past: bool



@dataclass(frozen=True)
class NeedRow:
    """One upcoming session that needs volunteers: counts per role, never names."""

    occurrence: Occurrence
    cohort: CohortView
    needs: Mapping[str, int]
    known: bool = False
    """The counts are the open slots the daily run read in the shift sheets (not what the
    cohort needs at every session): a real gap."""
    usual: int = 0
    """How many people the session needs in all."""

    @property
    def gap(self) -> float:
        """The share of the session's people still missing (1: nobody signed up)."""
        return sum(self.needs.values()) / self.usual if self.usual else 1.0

    @property
    def order(self) -> tuple:
        """Real gaps first, the largest first, then by time."""
        return (not self.known, -self.gap, self.occurrence.start, self.occurrence.key)


@dataclass(frozen=True)
class Site:
    """Everything the page templates read, for every language."""

    dataset: Dataset
    schedule: Schedule
    today: date
    site_url: str
    open_slots: Mapping[str, Mapping[str, int]] | None = None
    """Open volunteer slots by occurrence key then role, when the shift sheets are known."""
    cohorts: dict[str, CohortView] = field(default_factory=dict)
    by_cohort: dict[str, list[Occurrence]] = field(default_factory=dict)
    skipped_by_cohort: dict[str, list] = field(default_factory=dict)
    not_over: list[CohortView] = field(default_factory=list)
    """Cohorts not yet over, first to start first: every list of upcoming cohorts filters
    this one (a page per antenna and program, so no page scans the whole network again)."""
    updated: dict[str, datetime] = field(default_factory=dict)
    """When each cohort's data last changed: the last commit of its cohort, antenna and
    program files, as the feeds' DTSTAMP; absent when git does not know them."""
    volunteer_hours: Mapping[str, Mapping[str, int]] | None = None
    """Hours volunteers gave, by antenna id then year, rounded to ten, as the daily
    ``konexio coverage`` counted them (``hours.volunteer_hours``); None when never counted."""

    @classmethod
    def of(cls, dataset: Dataset, schedule: Schedule, today: date, site_url: str,
           open_slots: Mapping[str, Mapping[str, int]] | None = None,
           times: Mapping[str, datetime] | None = None) -> Site:
        """``times``: the last commit time of each data file (``feeds.stamps``), if known."""
        site = cls(dataset, schedule, today, site_url, open_slots)
        by_cohort = site.by_cohort
        for occurrence in schedule.occurrences:
            by_cohort.setdefault(occurrence.cohort, []).append(occurrence)
        for cohort_id, entry in dataset.cohorts.items():
            cohort = entry.model
            antenna = dataset.antennas[entry.antenna].model
            coming = [o for o in by_cohort.get(cohort_id, [])
                      if not o.cancelled and o.start.date() >= today]
            site.cohorts[cohort_id] = CohortView(
                id=cohort_id, cohort=cohort, program_id=cohort.program,
                program=dataset.programs[cohort.program].model,
                antenna_id=entry.antenna, antenna=antenna,
                venue=antenna.venue(cohort.venue),
                next_session=coming[0] if coming else None,
                held=days_held(by_cohort.get(cohort_id, [])),
                parts_of_day=tuple(sorted({time_of_day(s.start) for s in cohort.sessions},
                                          key=("morning", "afternoon", "evening").index)),
            )
            known = [times[file] for file in (entry.file, dataset.antennas[entry.antenna].file,
                                              dataset.programs[cohort.program].file)
                     if times and file in times]
            if known:
                site.updated[cohort_id] = max(known)
        for skipped in schedule.skipped:
            site.skipped_by_cohort.setdefault(skipped.cohort, []).append(skipped)
        site.not_over.extend(sorted((v for v in site.cohorts.values()
                                     if v.last_day >= today),
                                    key=lambda v: (v.first_day, v.id)))
        return site

    # --- ordered catalogue -------------------------------------------------------------

    def programs(self) -> list[tuple[str, Program]]:
        entries = sorted(self.dataset.programs.values(), key=lambda e: (e.model.order, e.id))
        return [(e.id, e.model) for e in entries]

    def antennas(self) -> list[tuple[str, Antenna]]:
        entries = sorted(self.dataset.antennas.values(), key=lambda e: (e.model.order, e.id))
        return [(e.id, e.model) for e in entries]

    def levels(self) -> list[Level]:
        used = {program.level for _, program in self.programs()}
        return [level for level in Level if level in used]

    # --- cohorts -----------------------------------------------------------------------

    def upcoming(self, *, antenna: str | None = None, program: str | None = None,
                 only_open: bool = False) -> list[CohortView]:
        """Cohorts not yet over, first to start first."""
        return [view for view in self.not_over
                if (antenna is None or view.antenna_id == antenna)
                and (program is None or view.program_id == program)
                and (not only_open or view.is_open)]

    def timetable(self, antenna_id: str) -> list[CohortView]:
        """The week of an antenna, one line per cohort not yet over (so it prints on one
        page): by the first day and hour of its week."""
        return sorted(self.upcoming(antenna=antenna_id),
                      key=lambda v: (v.weekly[0].day.index, v.weekly[0].start,
                                     v.cohort.start, v.id))

    def home_cards(self, limit: int) -> list[CohortView]:
        """The home page's cohorts: open ones first (at most ``limit`` in all), in date order."""
        upcoming = self.upcoming()
        chosen = ([v for v in upcoming if v.is_open] + [v for v in upcoming if not v.is_open])
        return sorted(chosen[:limit], key=lambda v: (v.cohort.start, v.id))

    def occurrences(self, cohort_id: str) -> list[Occurrence]:
        return self.by_cohort.get(cohort_id, [])

    def session_days(self, cohort_id: str) -> list[SessionDay]:
        """A cohort's occurrences grouped by the day they take place on."""
        days: dict[date, list[Occurrence]] = {}
        for occurrence in self.occurrences(cohort_id):
            days.setdefault(occurrence.start.date(), []).append(occurrence)
        return [SessionDay(day, tuple(found), day < self.today)
                for day, found in sorted(days.items())]

    def updated_on(self, cohort_id: str) -> date | None:
        """The day a cohort's data last changed, in its antenna's time zone (None: unknown)."""
        when = self.updated.get(cohort_id)
        if when is None:
            return None
        return when.astimezone(ZoneInfo(self.cohorts[cohort_id].antenna.timezone)).date()

    def skipped(self, cohort_id: str):
        return self.skipped_by_cohort.get(cohort_id, [])

    def upcoming_closures(self, antenna: Antenna):
        return [c for c in antenna.closures if c.end >= self.today]

    # --- volunteers --------------------------------------------------------------------

    def needs_at(self, antenna_id: str | None = None) -> tuple[list[NeedRow], int]:
        """The sessions of the next weeks at an antenna (every antenna: None) that need
        people (at most ``NEEDS_PER_ANTENNA``), real gaps first (the sheets' open slots,
        the largest share missing first), and how many of them there are in all."""
        horizon = self.today + timedelta(days=NEEDS_DAYS)
        rows = []
        for view in self.upcoming(antenna=antenna_id):
            for occurrence in self.occurrences(view.id):
                if occurrence.cancelled or not self.today <= occurrence.start.date() < horizon:
                    continue
                needs = self.needs(occurrence)
                if needs:
                    usual = sum(self.dataset.needs(occurrence.cohort).values())
                    rows.append(NeedRow(occurrence, view, needs, self.counted(occurrence),
                                        usual))
        rows.sort(key=lambda r: r.order)
        return rows[:NEEDS_PER_ANTENNA], len(rows)

    def gaps(self, limit: int = GAPS_LISTED) -> list[NeedRow]:
        """The sessions of every antenna with a real gap (open slots read in the sheets),
        the largest first: what the volunteers page shows before the antennas."""
        rows, _ = self.needs_at(None)
        return [row for row in rows if row.known][:limit]

    def counted(self, occurrence: Occurrence) -> bool:
        """Whether the daily run read this session's open slots in the shift sheets."""
        return self.open_slots is not None and occurrence.key in self.open_slots

    def needs(self, occurrence: Occurrence) -> dict[str, int]:
        """People still needed at one session: open slots from the shift sheets when known,
        otherwise what the cohort needs at every session."""
        if self.counted(occurrence):
            return {role: n for role, n in self.open_slots[occurrence.key].items() if n > 0}
        return self.dataset.needs(occurrence.cohort)

    def role_name(self, role_id: str):
        roles = self.dataset.roles.model.roles if self.dataset.roles else []
        return next((role.name for role in roles if role.id == role_id), None)

    # --- impact ------------------------------------------------------------------------

    def given_hours(self) -> tuple[tuple[int, int], list[tuple[Antenna, tuple[int, int]]]]:
        """Last year and this one, and each antenna's volunteers' hours in both (antennas
        with none left out): the impact page's table, no names."""
        years = (self.today.year - 1, self.today.year)
        rows = []
        for antenna_id, antenna in self.antennas():
            by_year = (self.volunteer_hours or {}).get(antenna_id, {})
            hours = (by_year.get(str(years[0]), 0), by_year.get(str(years[1]), 0))
            if any(hours):
                rows.append((antenna, hours))
        return years, rows

    def counts(self) -> dict[str, int]:
        """Figures computed from the data, for the impact page."""
        scheduled = [o for o in self.schedule.occurrences if not o.cancelled]
        upcoming = self.upcoming()
        minutes = sum((o.end - o.start).total_seconds() // 60 for o in scheduled)
        return {
            "antennas": len(self.dataset.antennas),
            "countries": len({a.country for _, a in self.antennas()}),
            "venues": sum(len(a.venues) for _, a in self.antennas()),
            "programs": len(self.dataset.programs),
            "cohorts": len(self.dataset.cohorts),
            "upcoming": len(upcoming),
            "places": sum(v.cohort.capacity for v in upcoming),
            "sessions": len(scheduled),
            "hours": int(minutes // 60),
            "partners": len({p for _, a in self.antennas() for p in a.partners}),
        }
