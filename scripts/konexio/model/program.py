"""A training program: what it teaches, to whom, and how to join."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from konexio.model.types import Count, Strict, Text


class Level(StrEnum):
    """The level a learner needs to start; used by the site's course finder."""

    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"
    professional = "professional"
    all = "all"


class Program(Strict):
    """One program of the catalogue (``schedules/programs/<id>.yml``)."""

    name: Text
    summary: Text
    level: Level
    order: Count = Field(default=100, description="Position in lists (smaller first).")
    learn: list[Text] = Field(min_length=1, description="What you learn, one item a line.")
    duration: Text
    rhythm: Text
    requirements: list[Text] = Field(min_length=1, description="Who can join.")
    placement_test: Text | None = None
    certification: Text | None = None
    apply: Text = Field(description="How to apply, in one or two sentences.")
    follows: list[str] = Field(default_factory=list,
                               description="Ids of programs that usually come before.")
