"""Dates, weekdays and times as each reader's language writes them (Babel).

Every time shown on the site is the antenna's local wall-clock time, taken from the aware
datetimes of the expanded occurrences; nothing here computes a date. For antennas whose
zone is not the site's home zone (Europe/Paris) the zone is named next to the times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
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
    def locale(self) -> str:
        return BABEL_LOCALES[self.lang]

    def day(self, value: date) -> str:
        """'lundi 2 novembre 2026'."""
        return format_date(value, "EEEE d MMMM y", locale=self.locale)

    def short_day(self, value: date) -> str:
        """'lun. 2 nov.': for dense lists."""
        return format_skeleton("MMMEd", value, locale=self.locale)

    def date(self, value: date) -> str:
        """'2 novembre 2026'."""
        return format_date(value, "d MMMM y", locale=self.locale)

    def month(self, value: date) -> str:
        """'novembre 2026'."""
        return format_skeleton("yMMMM", value, locale=self.locale)

    def clock(self, value: datetime | time) -> str:
        """'14:00' in every language (24-hour clock)."""
        return format_skeleton("Hm", value, locale=self.locale)

    def hours(self, start: datetime | time, end: datetime | time) -> str:
        """'14:00–16:00' (the interval as the locale writes it)."""
        if isinstance(start, time):
            start, end = datetime.combine(date(2000, 1, 3), start), \
                datetime.combine(date(2000, 1, 3), end)
        return format_interval(start, end, "Hm", locale=self.locale)

    def weekday(self, day: Weekday) -> str:
        """'lundi'."""
        return get_day_names("wide", locale=self.locale)[day.index]

    def weekdays(self, days) -> str:
        """'lundi, mardi et jeudi' (with the locale's own 'and')."""
        return format_list([self.weekday(day) for day in days], locale=self.locale)

    def language(self, code: str) -> str:
        """Name of a language of instruction ('fr' -> 'français', 'French', 'الفرنسية')."""
        return Locale.parse(code).get_display_name(self.locale) or code

    def zone(self, timezone: str) -> str:
        """'heure : Malawi' for zones other than the home zone, '' otherwise."""
        if timezone == HOME_ZONE:
            return ""
        return get_timezone_location(ZoneInfo(timezone), locale=self.locale)


def time_of_day(start: time) -> str:
    """The course finder's three parts of the day: morning, afternoon or evening."""
    if start < time(12, 0):
        return "morning"
    if start < time(18, 0):
        return "afternoon"
    return "evening"
