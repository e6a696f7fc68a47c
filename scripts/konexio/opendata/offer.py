"""The offer, as the open-data formats see it: a program given at an antenna, and its groups.

Made from the typed model and the expanded occurrences, never from the YAML: a cohort is in
the offer while it is not over (``end >= today``), as on the pages. Only antennas in France
are in it: data·inclusion and the Carif-Oref network list the offer in France.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime

from konexio.expand.occurrences import Occurrence, Schedule
from konexio.model.antenna import Antenna, Venue
from konexio.model.cohort import Cohort
from konexio.model.dataset import Dataset
from konexio.model.how_to_come import HowToCome
from konexio.model.program import Program

COUNTRIES = ("FR",)
"""Where the sector's directories list offers."""

_POSTCODE = re.compile(r"^(?P<street>.*?),?\s*(?P<code>\d{5})\s+(?P<city>[^,]+)$")


@dataclass(frozen=True)
class Address:
    """A French postal address split as the formats want it."""

    street: str
    postcode: str
    city: str

    @classmethod
    def of(cls, venue: Venue) -> Address | None:
        """``27 rue Jean Bart, 59000 Lille`` -> street, postcode, city; None when the
        address has no French postcode."""
        match = _POSTCODE.match(venue.address.strip())
        if not match:
            return None
        return cls(match["street"].strip().rstrip(","), match["code"], venue.city)


@dataclass(frozen=True)
class Group:
    """One cohort in the offer, with what the formats say about it."""

    id: str
    cohort: Cohort
    venue: Venue
    address: Address | None
    how_to_come: HowToCome | None
    sessions: tuple[Occurrence, ...]
    """Its sessions that take place (cancelled ones left out)."""
    file: str

    @property
    def hours_per_week(self) -> float:
        minutes = sum((datetime.combine(date.min, s.end) - datetime.combine(date.min, s.start))
                      .seconds // 60 for s in self.cohort.sessions)
        return round(minutes / 60, 2)

    @property
    def weeks(self) -> int:
        return max(1, math.ceil(((self.cohort.end - self.cohort.start).days + 1) / 7))

    @property
    def hours(self) -> float:
        """Hours of class actually given (cancellations, holidays and moves counted)."""
        return round(sum((o.end - o.start).total_seconds() for o in self.sessions) / 3600, 2)


@dataclass(frozen=True)
class Offer:
    """One program given at one antenna: a data·inclusion service, an LHEO action."""

    antenna_id: str
    antenna: Antenna
    program_id: str
    program: Program
    groups: tuple[Group, ...]
    """First to start first."""
    files: tuple[str, ...]
    """The data files it is made from (for ``date_maj``)."""

    @property
    def id(self) -> str:
        return f"{self.antenna_id}--{self.program_id}"

    @property
    def how_to_come(self) -> HowToCome | None:
        """The cohorts' own when they all share one, else the program's."""
        first = self.groups[0].how_to_come if self.groups else None
        if first is not None and all(g.how_to_come == first for g in self.groups):
            return first
        return self.program.how_to_come


def french_antennas(dataset: Dataset) -> list[str]:
    return sorted(key for key, entry in dataset.antennas.items()
                  if entry.model.country in COUNTRIES)


def offers(dataset: Dataset, schedule: Schedule, today: date) -> list[Offer]:
    """Every program at every French antenna that has a cohort not yet over."""
    by_cohort: dict[str, list[Occurrence]] = {}
    for occurrence in schedule.occurrences:
        if not occurrence.cancelled:
            by_cohort.setdefault(occurrence.cohort, []).append(occurrence)
    found: list[Offer] = []
    for antenna_id in french_antennas(dataset):
        antenna_entry = dataset.antennas[antenna_id]
        antenna = antenna_entry.model
        cohorts = sorted(((key, entry) for key, entry in dataset.cohorts.items()
                          if entry.antenna == antenna_id and entry.model.end >= today),
                         key=lambda pair: (pair[1].model.start, pair[0]))
        for program_id in sorted({entry.model.program for _, entry in cohorts}):
            program_entry = dataset.programs[program_id]
            groups = tuple(
                Group(id=key, cohort=entry.model, venue=antenna.venue(entry.model.venue),
                      address=Address.of(antenna.venue(entry.model.venue)),
                      how_to_come=dataset.how_to_come(key),
                      sessions=tuple(by_cohort.get(key, ())), file=entry.file)
                for key, entry in cohorts if entry.model.program == program_id)
            files = (program_entry.file, antenna_entry.file, *(g.file for g in groups))
            found.append(Offer(antenna_id, antenna, program_id, program_entry.model, groups,
                               tuple(sorted(set(files)))))
    return found
