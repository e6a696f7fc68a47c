"""Value types shared by every kind of YAML file.

Each type parses exactly what a coordinator is told to type and refuses anything else with
an error code that ``konexio.messages`` turns into a plain sentence. Refusing is safer than
guessing: a start time of ``1400`` could mean 14:00 or 23 minutes past midnight.
"""

from __future__ import annotations

import re
from datetime import date, time
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictInt,
    StringConstraints,
    create_model,
)
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


class _Text(Strict):
    """A text a person reads, in each language of the site.

    Its fields are the languages of ``locale/languages.yml`` (made below): the required ones
    must be written in the YAML, the others may be. A translator's words for a language the
    YAML lacks come from the ``data`` catalogs (``konexio.model.texts``), attached once when
    the data is read; they never change what the text *is* (equality, the YAML it came
    from), only what a reader of that language sees."""

    _catalog: dict[str, str] = PrivateAttr(default_factory=dict)
    """Language -> the ``data`` catalog's translation of this text's French, as it is now."""

    def __eq__(self, other: object) -> bool:
        # pydantic compares private attributes too: a text is what the YAML says.
        if not isinstance(other, _Text):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = Strict.__hash__

    def written(self, lang: str) -> str | None:
        """The text as the YAML writes it in ``lang``, or None."""
        return getattr(self, lang, None) if lang in self.__dict__ else None

    def translated(self, lang: str) -> str | None:
        """The text in ``lang``: the YAML's, else the catalog's translation, else None."""
        return self.written(lang) or self._catalog.get(lang)

    def get(self, lang: str) -> str:
        """The text in ``lang``, or in its fallback (``pick``)."""
        return self.pick(lang)[1]

    def pick(self, lang: str) -> tuple[str, str]:
        """(language, text): the text in ``lang`` or, when neither the YAML nor the
        ``data`` catalog has it, in the first language of ``lang``'s fallback that has it
        (French at the latest)."""
        from konexio.i18n import BY_CODE, fallbacks

        if lang not in BY_CODE:
            return "fr", self.fr
        # Most texts have the language asked: no fallback chain to make (feeds ask this
        # hundreds of thousands of times on a large network).
        value = self.__dict__.get(lang) or self._catalog.get(lang)
        if value:
            return lang, value
        for code in fallbacks(lang):
            value = self.__dict__.get(code) or self._catalog.get(code)
            if value:
                return code, value
        return "fr", self.fr

    def with_catalog(self, translations: dict[str, str]) -> None:
        """Attach the ``data`` catalogs' translations of this text (``model.texts``)."""
        self._catalog = translations


def _text_model() -> type[_Text]:
    """``Text`` with one field per language of ``locale/languages.yml``, in its order:
    adding a language is adding it there (and its catalogs), not a field here."""
    from konexio.i18n import ALL

    fields: dict[str, Any] = {
        language.code: (NonEmpty, ...) if language.required else (NonEmpty | None, None)
        for language in ALL}
    return create_model("Text", __base__=_Text, __module__=__name__,
                        __doc__=_Text.__doc__.split("\n\n")[0], **fields)


if TYPE_CHECKING:
    Text = _Text
else:
    Text = _text_model()
