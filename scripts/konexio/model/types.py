"""Value types shared by every kind of YAML file.

Each type parses exactly what a coordinator is told to type and refuses anything else with
an error code that ``konexio.messages`` turns into a plain sentence. Refusing is safer than
guessing: a start time of ``1400`` could mean 14:00 or 23 minutes past midnight.
"""

from __future__ import annotations

import re
from datetime import date, time
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, StringConstraints
from pydantic_core import PydanticCustomError

from konexio.model.readings import clock_time, iso_date

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:hH](\d{2})|[hH])\s*$")
"""``14:00``; ``14h00``, ``14h`` and ``9h30`` too: none of them can mean two things."""


def _parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        reading = iso_date(value)
        if reading:
            raise PydanticCustomError("konexio.date_reading", "write the date as YYYY-MM-DD",
                                      {"value": value, "reading": reading})
        raise PydanticCustomError("konexio.date_format", "write the date as YYYY-MM-DD",
                                  {"value": value})
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise PydanticCustomError("konexio.date_impossible", "this day does not exist",
                                  {"value": value}) from None


def _parse_time(value: Any) -> time:
    if isinstance(value, time):
        return value
    match = _TIME.match(value) if isinstance(value, str) else None
    if not match:
        reading = clock_time(value)
        if reading:
            raise PydanticCustomError("konexio.time_reading", "write the time as HH:MM",
                                      {"value": value, "reading": reading})
        raise PydanticCustomError("konexio.time_format", "write the time as HH:MM",
                                  {"value": value})
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise PydanticCustomError("konexio.time_impossible", "this time does not exist",
                                  {"value": value})
    return time(hour, minute)


IsoDate = Annotated[date, BeforeValidator(_parse_date), Field(json_schema_extra={
    "type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
"""A calendar date written ``2026-09-07``."""

ClockTime = Annotated[time, BeforeValidator(_parse_time), Field(json_schema_extra={
    "type": "string", "pattern": r"^([01]?\d|2[0-3])([:hH][0-5]\d|[hH])$"})]
"""A local wall-clock time written ``14:00`` (``14h00``, ``14h`` and ``9h30`` too)."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
"""An identifier: lower-case letters, digits and dashes, like ``digitall-beginner``."""

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

Count = Annotated[StrictInt, Field(ge=0)]
"""A whole number typed as a number: ``12``, not ``"12"`` nor ``true`` (pydantic's lax mode
would read ``true`` as 1 and the schema would refuse ``"12"``: both must agree)."""


class Weekday(StrEnum):
    monday = "monday"
    tuesday = "tuesday"
    wednesday = "wednesday"
    thursday = "thursday"
    friday = "friday"
    saturday = "saturday"
    sunday = "sunday"

    @property
    def index(self) -> int:
        """0 for Monday, as ``date.weekday()``."""
        return list(Weekday).index(self)


class Strict(BaseModel):
    """Base of every model read from YAML: unknown keys are refused, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Strict):
    """A text a person reads, in each language of the site."""

    fr: NonEmpty
    en: NonEmpty
    ar: NonEmpty
    # Not required (konexio/locale/languages.yml): a text without them falls back.
    fa: NonEmpty | None = None
    uk: NonEmpty | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``, or in its fallback (``pick``)."""
        return self.pick(lang)[1]

    def pick(self, lang: str) -> tuple[str, str]:
        """(language, text): the text in ``lang`` or, when it has none, in the first
        language of ``lang``'s fallback that it has (French at the latest)."""
        from konexio.i18n import BY_CODE, fallbacks

        if lang not in BY_CODE:
            return "fr", self.fr
        # Most texts have the language asked: no fallback chain to make (feeds ask this
        # hundreds of thousands of times on a large network).
        value = getattr(self, lang, None)
        if value:
            return lang, value
        for code in fallbacks(lang):
            value = getattr(self, code, None)
            if value:
                return code, value
        return "fr", self.fr
