"""Dates and times formatted once per value and locale give what Babel gives each time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date, format_interval, format_skeleton

from konexio import LANGUAGES
from konexio.i18n import BY_CODE
from konexio.pages.formatting import Dates

ZONES = ("Europe/Paris", "Africa/Blantyre", "America/Montreal")
# Around the change to summer time in Paris (29 March 2026) and back (25 October 2026).
DAYS = [date(2026, 3, 27) + timedelta(days=n) for n in range(5)] + \
       [date(2026, 10, 23) + timedelta(days=n) for n in range(5)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_times_are_the_wall_clock_of_each_zone_as_babel_writes_them(lang):
    dates, locale = Dates(lang), BY_CODE[lang].locale
    for zone in ZONES:
        for day in DAYS:
            start = datetime.combine(day, time(9, 30), ZoneInfo(zone))
            end = datetime.combine(day, time(12, 0), ZoneInfo(zone))
            assert dates.hours(start, end) == format_interval(start, end, "Hm", locale=locale)
            assert dates.clock(start) == format_skeleton("Hm", start, locale=locale)
            assert dates.day(start.date()) == format_date(day, "EEEE d MMMM y", locale=locale)
            assert dates.short_day(day) == format_skeleton("MMMEd", day, locale=locale)
            assert dates.month(day) == format_skeleton("yMMMM", day, locale=locale)


def test_equal_wall_clock_times_in_two_zones_read_the_same():
    paris = datetime(2026, 11, 2, 14, 0, tzinfo=ZoneInfo("Europe/Paris"))
    blantyre = datetime(2026, 11, 2, 14, 0, tzinfo=ZoneInfo("Africa/Blantyre"))
    dates = Dates("fr")
    assert dates.hours(paris, paris + timedelta(hours=2)) == "14:00\u2009–\u200916:00"
    assert dates.hours(blantyre, blantyre + timedelta(hours=2)) == "14:00\u2009–\u200916:00"


def test_a_session_past_midnight_keeps_both_days():
    start = datetime(2026, 11, 2, 22, 0, tzinfo=ZoneInfo("Europe/Paris"))
    end = start + timedelta(hours=3)
    assert Dates("en").hours(start, end) == format_interval(start, end, "Hm", locale="en_GB")
