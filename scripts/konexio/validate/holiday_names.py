"""Names of public holidays in the language of the message that cites them.

The expansion keeps the ``holidays`` package's default names (French for France, English for
Kenya); a coordinator reading French must read « Armistice » and one reading English
"Armistice Day", whatever the country.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays

# Our message languages -> the ``holidays`` language codes to try, best first.
_CODES = {"fr": ("fr", "fr_FR"), "en": ("en_US", "en_GB", "en")}


@lru_cache(maxsize=256)
def _calendar(country: str, subdivision: str | None, year: int, lang: str) -> dict[date, str]:
    probe = holidays.country_holidays(country, subdiv=subdivision, years=year)
    supported = set(getattr(probe, "supported_languages", ()) or ())
    code = next((c for c in _CODES[lang] if c in supported), None)
    if code is None:
        return {day: str(name) for day, name in probe.items()}
    named = holidays.country_holidays(country, subdiv=subdivision, years=year, language=code)
    return {day: str(name) for day, name in named.items()}


def holiday_names(country: str, subdivision: str | None, day: date) -> dict[str, str]:
    """``{"fr": ..., "en": ...}`` for a public holiday (empty texts when ``day`` is none)."""
    return {lang: _calendar(country, subdivision, day.year, lang).get(day, "")
            for lang in _CODES}
