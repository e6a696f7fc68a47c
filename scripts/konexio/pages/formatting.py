"""Dates, weekdays, times and counts as each reader's language writes them (Babel, CLDR).

Every time shown on the site is the antenna's local wall-clock time, taken from the aware
datetimes of the expanded occurrences; nothing here computes a date. For antennas whose
zone is not the site's home zone (Europe/Paris) the zone is named next to the times.

Babel writes the words and their order (CLDR's patterns, skeletons and intervals); three
things it does not do are done here, each after Babel and the same way for every value:

- the digits of the locale's default numbering system (``konexio.digits``: Persian digits
  in Dari, where Babel writes ``2026``);
- the comma of the locale (CLDR's list pattern, ``،`` in Dari) where a date pattern
  inherited from the root locale writes a Latin ``,`` ("دوشنبه, فبروری 8");
- French writes the first day of a month ``1er`` ("1er octobre"): CLDR has no ordinal
  day for French dates, so this one is a rule of ours, for the language ``fr`` only.

A date put inside a sentence is written so that no preposition is glued to a word whose
form it changes: a span of days is Babel's interval ("lun. 2 nov. – mer. 9 déc. 2026", no
"from ... to"), and "from <month>" takes the month in CLDR's format context (Ukrainian
"з січня 2027 р.", genitive), not the stand-alone form of a calendar's heading ("січень").
"""

from __future__ import annotations

import re
import unicodedata
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
    parse_pattern,
)
from babel.lists import format_list

from konexio import digits
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

    @property
    def babel_locale(self) -> str:
        return BABEL_LOCALES[self.lang]

    def day(self, value: date) -> str:
        """'lundi 2 novembre 2026' (CLDR's full date: 'понеділок, 2 листопада 2026 р.')."""
        return _date_pattern(_as_date(value), "full", self.locale)

    def days(self, start: date, end: date) -> str:
        """A span of days with their weekdays, as the locale writes an interval
        ('jeu. 1er oct. – mer. 9 déc. 2026'); one day alone if both are the same."""
        return _interval(_as_date(start), _as_date(end), "yMMMMEEEEd", self.locale)

    def dates(self, start: date, end: date) -> str:
        """A span of days, short ('1er oct. – 9 déc. 2026')."""
        return _interval(_as_date(start), _as_date(end), "yMMMMd", self.locale)

    def short_day(self, value: date) -> str:
        """'lun. 2 nov.': for dense lists."""
        return _date_skeleton(_as_date(value), "MMMEd", self.locale)

    def date(self, value: date) -> str:
        """'2 novembre 2026' (CLDR's long date)."""
        return _date_pattern(_as_date(value), "long", self.locale)

    def month(self, value: date) -> str:
        """'novembre 2026' (alone, as in a title: Ukrainian 'листопад 2026 р.')."""
        return _date_skeleton(_as_date(value), "yMMMM", self.locale)

    def from_month(self, value: date) -> str:
        """The month inside a phrase ("from November 2026"): CLDR's format form of the
        month (Ukrainian 'листопада 2026 р.', genitive) in the locale's 'yMMMM' pattern."""
        return _month_in_phrase(_as_date(value), self.locale)

    @property
    def semicolon(self) -> str:
        """The locale's list separator (CLDR's number symbol 'list': '؛' in Dari)."""
        locale = self.locale
        return locale.number_symbols[locale.default_numbering_system]["list"]

    def number(self, value: int) -> str:
        """A count in the locale's digits ('12', '۱۲')."""
        return digits.number(value, self.babel_locale)

    def year(self, value: int) -> str:
        """A year alone ('2016', '۲۰۱۶'), without a separator of thousands."""
        return digits.number(value, self.babel_locale, grouping=False)

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
    return as_written(format_date(value, pattern, locale=locale), locale, dated=True)


@cache
def _date_skeleton(value: date, skeleton: str, locale: Locale) -> str:
    return as_written(format_skeleton(skeleton, value, locale=locale), locale, dated=True)


@cache
def _interval(start: date, end: date, skeleton: str, locale: Locale) -> str:
    return as_written(format_interval(start, end, skeleton, locale=locale), locale,
                       dated=True)


@cache
def _month_in_phrase(value: date, locale: Locale) -> str:
    pattern = locale.datetime_skeletons["yMMMM"].pattern
    # Stand-alone month fields (L) become format ones (M), outside quoted literals.
    parts = re.split(r"('(?:[^']|'')*')", pattern)
    pattern = "".join(part if part.startswith("'") else part.replace("L", "M")
                      for part in parts)
    parse_pattern(pattern)  # fails here, with the pattern, if CLDR's ever stops parsing
    return as_written(format_date(value, pattern, locale=locale), locale, dated=True)


@cache
def _clock(value: time, locale: Locale) -> str:
    return as_written(format_skeleton("Hm", value, locale=locale), locale)


@cache
def _hours(start: time, end: time, locale: Locale) -> str:
    day = date(2000, 1, 3)
    return as_written(format_interval(datetime.combine(day, start),
                                       datetime.combine(day, end), "Hm", locale=locale),
                       locale)


def as_written(text: str, locale: Locale, dated: bool = False) -> str:
    """Babel's text with the locale's digits, and for a date its comma and French's 1er
    (the feeds' texts use it too)."""
    if dated:
        comma = _comma(locale)
        if comma != ",":
            text = text.replace(",", comma)
        if locale.language == "fr":
            text = _first_of_month(locale).sub("1er", text)
    return digits.localize(text, str(locale))


@cache
def _comma(locale: Locale) -> str:
    """The locale's comma, from CLDR's list pattern ('{0}،\u200f {1}' in Dari: '،');
    ',' where the list is not joined by a punctuation mark (Arabic joins it with 'و')."""
    middle = locale.list_patterns["standard"]["middle"]
    mark = middle.replace("{0}", "").replace("{1}", "").strip(" \u200e\u200f")
    return mark if len(mark) == 1 and unicodedata.category(mark) == "Po" else ","


@cache
def _first_of_month(locale: Locale) -> re.Pattern:
    """A day '1' before a month's name ('1 octobre', '1 oct.') or before the dash of a
    span within one month ('1–24 oct.')."""
    names = {name for width in ("wide", "abbreviated")
             for name in locale.months["format"][width].values()}
    months = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\d:])\b1(?=[\s\u202f\u00a0]+(?:{months})|\s?[–-]\s?\d)")


def time_of_day(start: time) -> str:
    """The course finder's three parts of the day: morning, afternoon or evening."""
    if start < time(12, 0):
        return "morning"
    if start < time(18, 0):
        return "afternoon"
    return "evening"
