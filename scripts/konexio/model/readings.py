"""What a refused value can only have meant, so the message offers it to type.

A coordinator writes ``lundi``, ``05/02/2027`` or ``9.30``: the checker refuses it (the data
keeps one spelling, so every tool reads it the same way) but answers with their own value
converted, ``monday``, ``2027-02-05``, ``"09:30"``. A reading is offered only when the value
cannot mean two things: ``05/02/2027`` is read day first, as in French (the coordinators'
language: the 5th of February); ``1400`` has no reading (14:00, or 23 minutes past
midnight?), nor has a date without a year.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache

from babel.dates import get_day_names, get_month_names

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""The data's own spelling (``model.types.Weekday``), Monday first as Babel counts."""
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_WORDS = re.compile(r"^\s*(\d{1,2})(?:er)?\s+([^\W\d_]+)\.?,?\s+(\d{4})\s*$")
_MONTH_FIRST = re.compile(r"^\s*([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})\s*$")
_DECIMAL = re.compile(r"^\s*(\d{1,2})[.,](\d{1,2})\s*$")
_HOURS = re.compile(r"^\s*(\d{1,2})\s*[hH:]\s*(\d{2})?\s*$")
LOCALES = ("fr", "en")
"""The languages coordinators write in."""


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(". ")


@cache
def _weekdays() -> dict[str, str]:
    found: dict[str, str] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated", "short"):
            for index, name in get_day_names(width, locale=locale).items():
                found.setdefault(_plain(name), WEEKDAYS[index])
    return found


@cache
def _months() -> dict[str, int]:
    found: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                found.setdefault(_plain(name), number)
    found.setdefault("sept", 9)  # "sept." is how French abbreviates September by hand
    return found


def weekday(value: object) -> str | None:
    """``lundi``, ``Lun.``, ``Monday``, ``mon`` -> ``monday``."""
    if not isinstance(value, str):
        return None
    return _weekdays().get(_plain(value))


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """``05/02/2027``, ``5 février 2027``, ``1er mars 2027``, ``February 5, 2027`` ->
    ``2027-02-05``."""
    if not isinstance(value, str):
        return None
    found = _DAY_FIRST.match(value)
    if found:
        return _date(int(found[3]), int(found[2]), int(found[1]))
    found = _WORDS.match(value)
    if found and _plain(found[2]) in _months():
        return _date(int(found[3]), _months()[_plain(found[2])], int(found[1]))
    found = _MONTH_FIRST.match(value)
    if found and _plain(found[1]) in _months():
        return _date(int(found[3]), _months()[_plain(found[1])], int(found[2]))
    return None


def clock_time(value: object) -> str | None:
    """``9.30`` (YAML's number 9.3), ``9,30``, ``9 h 30`` -> ``09:30``; ``14`` -> ``14:00``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"{value:02d}:00" if 0 <= value <= 23 else None
    if isinstance(value, float):
        if round(value % 1, 2) == 0.5:
            return None  # 9.5: half past nine, or 9:50?
        value = f"{value:.2f}"
    if not isinstance(value, str):
        return None
    found = _DECIMAL.match(value) or _HOURS.match(value)
    if not found:
        return None
    hour, minute = int(found[1]), found[2] or "0"
    minute = int(minute.ljust(2, "0")) if found.re is _DECIMAL else int(minute)
    return f"{hour:02d}:{minute:02d}" if hour <= 23 and minute <= 59 else None
