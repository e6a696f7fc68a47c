"""Dates, weekdays and times as each reader's language writes them (Babel).

Every time shown on the site is the antenna's local wall-clock time, taken from the aware
datetimes of the expanded occurrences; nothing here computes a date. For antennas whose
zone is not the site's home zone (Europe/Paris) the zone is named next to the times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    get_day_names,
    get_timezone_location,
)
from babel.lists import format_list

from konexio.i18n import BY_CODE
from konexio.model.types import Weekday

HOME_ZONE = "Europe/Paris"
"""Times in this zone need no zone name: most readers live in it."""

BABEL_LOCALES = {code: language.locale for code, language in BY_CODE.items()}
"""From ``locale/languages.yml`` (British English writes 24-hour times and 'Monday 2
November', like French does)."""


@dataclass(frozen=True)
class Dates:
    """Formatters for one site language."""

    lang: str

    @property
    def locale(self) -> Locale:
        return _locale(BABEL_LOCALES[self.lang])

    def day(self, value: date) -> str:
        """'lundi 2 novembre 2026'."""
        return _date_pattern(_as_date(value), "EEEE d MMMM y", self.locale)

    def short_day(self, value: date) -> str:
        """'lun. 2 nov.': for dense lists."""
        return _date_skeleton(_as_date(value), "MMMEd", self.locale)

    def date(self, value: date) -> str:
        """'2 novembre 2026'."""
        return _date_pattern(_as_date(value), "d MMMM y", self.locale)

    def month(self, value: date) -> str:
        """'novembre 2026'."""
        return _date_skeleton(_as_date(value), "yMMMM", self.locale)

    def clock(self, value: datetime | time) -> str:
        """'14:00' in every language (24-hour clock)."""
        return _clock(_wall(value), self.locale)

    def hours(self, start: datetime | time, end: datetime | time) -> str:
        """'14:00–16:00' (the interval as the locale writes it)."""
        if isinstance(start, datetime) and start.date() != end.date():
            return format_interval(start, end, "Hm", locale=self.locale)
        return _hours(_wall(start), _wall(end), self.locale)

    def weekday(self, day: Weekday) -> str:
        """'lundi'."""
        return _day_names(self.locale)[day.index]

    def weekdays(self, days) -> str:
        """'lundi, mardi et jeudi' (with the locale's own 'and')."""
        return format_list([self.weekday(day) for day in days], locale=self.locale)

    def language(self, code: str) -> str:
        """Name of a language of instruction ('fr' -> 'français', 'French', 'الفرنسية')."""
        return _language_name(code, self.locale)

    def zone(self, timezone: str) -> str:
        """'heure : Malawi' for zones other than the home zone, '' otherwise."""
        if timezone == HOME_ZONE:
            return ""
        return get_timezone_location(ZoneInfo(timezone), locale=self.locale)


# Babel re-reads its locale data on every call, and a site shows the same few dates and
# times thousands of times: each distinct value is formatted once per locale. The values are
# wall-clock dates and times (what the pattern prints), so equal keys print the same text.

def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _wall(value: datetime | time) -> time:
    """The wall-clock time an aware datetime shows in its own zone (what "Hm" prints)."""
    return value.time() if isinstance(value, datetime) else value


@cache
def _locale(identifier: str) -> Locale:
    """Parsed once: Babel parses a locale given by name on every call."""
    return Locale.parse(identifier)


@cache
def _day_names(locale: Locale) -> tuple[str, ...]:
    return tuple(get_day_names("wide", locale=locale)[n] for n in range(7))


@cache
def _language_name(code: str, locale: Locale) -> str:
    return Locale.parse(code).get_display_name(locale) or code


@cache
def _date_pattern(value: date, pattern: str, locale: Locale) -> str:
    return format_date(value, pattern, locale=locale)


@cache
def _date_skeleton(value: date, skeleton: str, locale: Locale) -> str:
    return format_skeleton(skeleton, value, locale=locale)


@cache
def _clock(value: time, locale: Locale) -> str:
    return format_skeleton("Hm", value, locale=locale)


@cache
def _hours(start: time, end: time, locale: Locale) -> str:
    day = date(2000, 1, 3)
    return format_interval(datetime.combine(day, start), datetime.combine(day, end), "Hm",
                           locale=locale)


def time_of_day(start: time) -> str:
    """The course finder's three parts of the day: morning, afternoon or evening."""
    if start < time(12, 0):
        return "morning"
    if start < time(18, 0):
        return "afternoon"
    return "evening"
