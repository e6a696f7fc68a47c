"""Days without class at a venue: public holidays (from ``holidays``) and antenna closures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from konexio.model.antenna import Antenna
from konexio.model.types import Text


@dataclass(frozen=True)
class ClosedDay:
    day: date
    reason: Text | None
    """The closure's reason; None for a public holiday (then ``holiday`` names it)."""
    holiday: str = ""


@lru_cache(maxsize=64)
def subdivisions(country: str) -> tuple[str, ...] | None:
    """The subdivision codes ``holidays`` knows for ``country`` (aliases such as ``UK``
    included), or None when it does not know the country.

    Asked country by country: ``holidays.list_supported_countries()`` imports all its
    ~250 country modules (0.6 s, a quarter of ``konexio build`` on a small network); keep
    it for suggestions after a mistake."""
    try:
        return tuple(holidays.country_holidays(country).subdivisions)
    except NotImplementedError:
        return None


@lru_cache(maxsize=256)
def public_holidays(
    country: str, subdivision: str | None, years: tuple[int, ...]
) -> dict[date, str]:
    """Public holidays of a country (typed by nobody: the ``holidays`` package knows them)."""
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=years)
    return {day: str(name) for day, name in calendar.items()}


def closed_days(antenna: Antenna, venue_id: str, first: date, last: date) -> dict[date, ClosedDay]:
    """Every day between ``first`` and ``last`` when ``venue_id`` holds no class."""
    years = tuple(range(first.year, last.year + 1))
    closed = {
        day: ClosedDay(day, None, name)
        for day, name in public_holidays(antenna.country, antenna.subdivision, years).items()
        if first <= day <= last
    }
    for closure in antenna.closures:
        if closure.venue not in (None, venue_id):
            continue
        day = max(closure.start, first)
        while day <= min(closure.end, last):
            closed.setdefault(day, ClosedDay(day, closure.reason))
            day += timedelta(days=1)
    return closed
