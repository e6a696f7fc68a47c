"""A cohort: one group of learners following one program at one venue, on weekly sessions."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictInt

from konexio.model.how_to_come import HowToCome
from konexio.model.types import ClockTime, Count, IsoDate, NonEmpty, Slug, Strict, Text, Weekday


class Status(StrEnum):
    """Whether people can still apply."""

    open = "open"
    full = "full"
    closed = "closed"


class WeeklySession(Strict):
    """A class that takes place every week on the same day and at the same local time."""

    day: Weekday
    start: ClockTime
    end: ClockTime
    room: NonEmpty | None = None


class Cancellation(Strict):
    """One session that will not take place."""

    date: IsoDate = Field(description="The day the session was planned.")
    start: ClockTime | None = Field(default=None,
                                    description="Only needed when two sessions share that day.")
    reason: Text


class Move(Strict):
    """One session held on another day, at another time or in another room."""

    date: IsoDate = Field(description="The day the session was planned.")
    start: ClockTime | None = Field(default=None,
                                    description="Only needed when two sessions share that day.")
    to_date: IsoDate | None = Field(default=None, description="New day (same day if absent).")
    to_start: ClockTime | None = None
    to_end: ClockTime | None = None
    to_room: NonEmpty | None = None
    reason: Text


class Cohort(Strict):
    """One cohort (``schedules/cohorts/<antenna>/<id>.yml``)."""

    program: Slug
    venue: Slug
    start: IsoDate = Field(description="First day of the cohort.")
    end: IsoDate = Field(description="Last day of the cohort.")
    language: NonEmpty = Field(pattern=r"^[a-z]{2}$",
                               description="Language of instruction, ISO 639-1 (fr, en, ar).")
    capacity: StrictInt = Field(ge=1, le=200)
    status: Status
    note: Text | None = None
    needs: dict[Slug, Count] | None = Field(
        default=None, description="Volunteers per session, by role; the program's when absent.")
    sessions: list[WeeklySession] = Field(min_length=1)
    cancelled: list[Cancellation] = Field(default_factory=list)
    moved: list[Move] = Field(default_factory=list)
    how_to_come: HowToCome | None = Field(default=None, description=(
        "Replaces the program's how_to_come, whole, for this cohort only."))
