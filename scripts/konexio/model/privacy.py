"""``volunteers/privacy.yml``: how long volunteers' personal data is kept, and whom they
write to about it.

One setting drives everything that speaks of retention: the sync's clean-up of old sign-up
names and journal addresses (``Privacy.retention_cutoff``), the privacy notice volunteers
read on the site (``pages/templates/volunteers-privacy.md.j2``) and the record of processing
(``PRIVACY.md``, kept in step by ``tests/test_privacy_record.py``).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt
from pydantic_core import PydanticCustomError

from konexio.model.types import NonEmpty, Strict

DEFAULT_MONTHS = 13
"""The CNIL's usual figure for data kept after a person's last contact (a year, plus a
month to answer the questions of the year's end); used when the file does not say."""
MIN_MONTHS = 1
MAX_MONTHS = 36
"""Three years: beyond that, data about a volunteer who no longer comes is kept for
nothing a coordinator does (the CNIL asks for "no longer than needed")."""


def _in_range(months: int) -> int:
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        # One message naming the rule, rather than pydantic's bare "≤ 36".
        raise PydanticCustomError("konexio.retention_months", "between 1 and 36 months",
                                  {"value": months, "min": MIN_MONTHS, "max": MAX_MONTHS,
                                   "default": DEFAULT_MONTHS})
    return months


RetentionMonths = Annotated[StrictInt, AfterValidator(_in_range),
                            Field(json_schema_extra={"minimum": MIN_MONTHS,
                                                     "maximum": MAX_MONTHS})]
"""A whole number of months, 1 to 36, typed as a number (``13``, not ``"13"``)."""


def months_before(day: date, months: int) -> date:
    """``day`` minus ``months`` calendar months, on the same day of the month or, when that
    month is shorter, its last day: 2027-03-31 minus 13 months is 2026-02-28."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class PrivacyContact(Strict):
    """Where volunteers ask for a copy, a correction or the erasure of their data."""

    email: NonEmpty = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    address: NonEmpty = Field(description="Postal address for letters, as on an envelope.")


class Privacy(Strict):
    """``volunteers/privacy.yml``: the retention period of volunteers' personal data and the
    contact for their requests."""

    retention_months: RetentionMonths = Field(
        default=DEFAULT_MONTHS,
        description="Months a volunteer's personal data is kept after the shift, the mail or "
                    "the last contact it is about (1 to 36; 13 when absent).")
    contact: PrivacyContact | None = Field(
        default=None,
        description="Whom volunteers write to about their data; the antennas when absent.")

    def retention_cutoff(self, today: date) -> date:
        """The first day still kept on ``today``: what is dated before it (a past sign-up, a
        line of the journal of mails) is older than the retention period."""
        return months_before(today, self.retention_months)
