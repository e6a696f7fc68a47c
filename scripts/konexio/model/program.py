"""A training program: what it teaches, to whom, and how to join."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictInt

from konexio.model.how_to_come import HowToCome
from konexio.model.types import Count, Strict, Text


class Level(StrEnum):
    """The level a learner needs to start; used by the site's course finder."""

    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"
    professional = "professional"
    all = "all"


class Weeks(Strict):
    """How many weeks a cohort of the program usually lasts, from its first to its last day
    (holidays included); a cohort outside these bounds gets a warning."""

    min: StrictInt = Field(ge=1, le=260)
    max: StrictInt = Field(ge=1, le=260)


class Program(Strict):
    """One program of the catalogue (``schedules/programs/<id>.yml``)."""

    name: Text
    summary: Text
    level: Level
    order: Count = Field(default=100, description="Position in lists (smaller first).")
    learn: list[Text] = Field(min_length=1, description="What you learn, one item a line.")
    duration: Text
    weeks: Weeks | None = Field(default=None, description=(
        "Usual length of a cohort in weeks, e.g. {min: 4, max: 12}; checks cohort dates."))
    rhythm: Text
    requirements: list[Text] = Field(min_length=1, description="Who can join.")
    placement_test: Text | None = None
    certification: Text | None = None
    apply: Text = Field(description="How to apply, in one or two sentences.")
    follows: list[str] = Field(default_factory=list,
                               description="Ids of programs that usually come before.")
    how_to_come: HowToCome | None = Field(default=None, description=(
        "Who may come and how to get a place; shown on the pages and in the open data."))
