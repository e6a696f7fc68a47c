"""All the data of one checkout, typed, with the file each entry came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import BaseModel

from konexio.load.yaml_positions import YamlDocument
from konexio.model.antenna import Antenna
from konexio.model.cohort import Cohort
from konexio.model.how_to_come import HowToCome
from konexio.model.organisation import Organisation
from konexio.model.privacy import Privacy
from konexio.model.program import Program
from konexio.model.volunteers import Roles, Sheets

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """One typed entry and where it was read (``file`` is relative to the root)."""

    id: str
    file: str
    doc: YamlDocument
    model: M


@dataclass(frozen=True)
class CohortEntry(Entry[Cohort]):
    antenna: str = ""
    """The antenna is the cohort's folder: ``schedules/cohorts/<antenna>/<id>.yml``."""


@dataclass
class Dataset:
    """Everything the site, the feeds and the shift sheets are made from."""

    programs: dict[str, Entry[Program]] = field(default_factory=dict)
    antennas: dict[str, Entry[Antenna]] = field(default_factory=dict)
    cohorts: dict[str, CohortEntry] = field(default_factory=dict)
    roles: Entry[Roles] | None = None
    sheets: Entry[Sheets] | None = None
    privacy_entry: Entry[Privacy] | None = None
    """``volunteers/privacy.yml`` as read; ``privacy`` is what applies."""
    organisation_entry: Entry[Organisation] | None = None
    """``schedules/organisation.yml``: needed by the LHEO file only (written without it)."""

    @property
    def privacy(self) -> Privacy:
        """The retention period and contact of ``volunteers/privacy.yml``, or the defaults
        (13 months, the antennas as contact) when there is no such file."""
        return self.privacy_entry.model if self.privacy_entry is not None else Privacy()

    def needs(self, cohort_id: str) -> dict[str, int]:
        """People needed at each session of a cohort, by role id (zero counts left out)."""
        cohort = self.cohorts[cohort_id].model
        if cohort.needs is not None:
            wanted = cohort.needs
        elif self.roles is not None:
            wanted = self.roles.model.needs.get(cohort.program, {})
        else:
            wanted = {}
        return {role: count for role, count in wanted.items() if count > 0}

    def how_to_come(self, cohort_id: str) -> HowToCome | None:
        """Who may come to a cohort and how: its own ``how_to_come``, or its program's."""
        cohort = self.cohorts[cohort_id].model
        if cohort.how_to_come is not None:
            return cohort.how_to_come
        program = self.programs.get(cohort.program)
        return program.model.how_to_come if program is not None else None
