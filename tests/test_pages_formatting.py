"""Dates, times and counts: what Babel (CLDR) gives, in each locale's own digits.

The expected texts are Babel's own output, put into the digits CLDR names as the locale's
default numbering system (the Persian digits are typed here, not taken from our code), with
the two rules Babel leaves to us: the locale's comma in Dari dates, French's "1er"."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_month_names
from babel.numbers import format_decimal

from konexio import LANGUAGES
from konexio.i18n import BY_CODE
from konexio.pages.formatting import Dates

ZONES = ("Europe/Paris", "Africa/Blantyre", "America/Montreal")
# Around the change to summer time in Paris (29 March 2026) and back (25 October 2026).
DAYS = [date(2026, 3, 27) + timedelta(days=n) for n in range(5)] + \
       [date(2026, 10, 23) + timedelta(days=n) for n in range(5)]


DIGITS = {"latn": "0123456789", "arabext": "۰۱۲۳۴۵۶۷۸۹", "arab": "٠١٢٣٤٥٦٧٨٩"}
"""CLDR's numberingSystems.xml, the systems our locales name."""


def in_digits(text: str, locale: str) -> str:
    system = Locale.parse(locale).default_numbering_system
    return text.translate(str.maketrans("0123456789", DIGITS[system]))


def as_dated(text: str, lang: str) -> str:
    """Babel's date in the locale's digits, with Dari's comma (CLDR's root patterns write a
    Latin one) and French's 1er (CLDR has no ordinal day for French dates)."""
    locale = BY_CODE[lang].locale
    if lang in ("fa", "ps"):
        text = text.replace(",", "،")
    if lang == "ti":
        text = text.replace(",", "፣")
    if lang == "fr":
        text = re.sub(r"(?<![\d:])\b1(?= [a-zéû]|[\u2009 ]?[–-])", "1er", text)
    return in_digits(text, locale)


def test_cldr_gives_dari_persian_digits_and_plain_arabic_latin_ones():
    """What the brief of issue 25 asks to follow: CLDR's own answer for each locale."""
    assert Locale.parse(BY_CODE["fa"].locale).default_numbering_system == "arabext"
    assert Locale.parse(BY_CODE["ps"].locale).default_numbering_system == "arabext"
    assert Locale.parse(BY_CODE["ar"].locale).default_numbering_system == "latn"
    assert {Locale.parse(BY_CODE[lang].locale).default_numbering_system
            for lang in ("fr", "en", "uk", "ti", "sw")} == {"latn"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_times_are_the_wall_clock_of_each_zone_as_babel_writes_them(lang):
    dates, locale = Dates(lang), BY_CODE[lang].locale
    for zone in ZONES:
        for day in DAYS:
            start = datetime.combine(day, time(9, 30), ZoneInfo(zone))
            end = datetime.combine(day, time(12, 0), ZoneInfo(zone))
            assert dates.hours(start, end) == in_digits(
                format_interval(start, end, "Hm", locale=locale), locale)
            assert dates.clock(start) == in_digits(format_skeleton("Hm", start, locale=locale),
                                                   locale)
            assert dates.day(start.date()) == as_dated(format_date(day, "full", locale=locale),
                                                       lang)
            assert dates.date(day) == as_dated(format_date(day, "long", locale=locale), lang)
            assert dates.short_day(day) == as_dated(format_skeleton("MMMEd", day,
                                                                    locale=locale), lang)
            assert dates.month(day) == as_dated(format_skeleton("yMMMM", day, locale=locale),
                                                lang)
            later = day + timedelta(days=40)
            assert dates.days(day, later) == as_dated(
                format_interval(day, later, "yMMMMEEEEd", locale=locale), lang)
            assert dates.dates(day, later) == as_dated(
                format_interval(day, later, "yMMMMd", locale=locale), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_counts_and_years_in_the_locales_digits(lang):
    locale = BY_CODE[lang].locale
    for value in (0, 7, 12, 2016, 10000, 1234567):
        assert Dates(lang).number(value) == in_digits(format_decimal(value, locale=locale,
                                                      numbering_system="default"), locale)
        assert Dates(lang).year(value) == in_digits(str(value), locale)


def test_dari_writes_persian_digits_and_its_own_comma():
    dari = Dates("fa")
    assert dari.number(12) == "۱۲"
    assert dari.number(10000) == "۱۰٬۰۰۰"
    assert dari.hours(time(14), time(16)) == "۱۴:۰۰ تا ۱۶:۰۰"
    # A holiday in the cohort's list: not "دوشنبه, فبروری 8".
    assert dari.short_day(date(2027, 2, 8)) == "دوشنبه، فبروری ۸"
    assert not re.search("[0-9,]", dari.day(date(2027, 2, 8)) + dari.month(date(2027, 2, 8)))


def test_ukrainian_month_inside_a_phrase_is_in_its_format_form():
    """"з січня 2027 р." (genitive, CLDR's format context), not "з січень 2027 р."."""
    ukrainian = Dates("uk")
    genitive = get_month_names("wide", context="format", locale="uk")[1]
    nominative = get_month_names("wide", context="stand-alone", locale="uk")[1]
    assert genitive != nominative
    assert ukrainian.from_month(date(2027, 1, 11)) == f"{genitive} 2027\u202fр."
    assert ukrainian.month(date(2027, 1, 11)) == f"{nominative} 2027\u202fр."
    # Languages whose month has one form write both the same.
    assert Dates("fr").from_month(date(2027, 1, 11)) == Dates("fr").month(date(2027, 1, 11))


def test_ukrainian_dates_are_cldrs_full_and_long_forms():
    """The weekday stands alone (after a colon, or in a list), never after a preposition
    that would want another case: CLDR has no accusative of weekdays."""
    ukrainian = Dates("uk")
    assert ukrainian.day(date(2026, 12, 9)) == format_date(date(2026, 12, 9), "full",
                                                           locale="uk")
    assert ukrainian.day(date(2026, 12, 9)).startswith("середа, 9 грудня 2026")


def test_french_writes_the_first_of_the_month_1er():
    french = Dates("fr")
    assert french.day(date(2026, 10, 1)) == "jeudi 1er octobre 2026"
    assert french.date(date(2026, 10, 1)) == "1er octobre 2026"
    assert french.short_day(date(2026, 10, 1)) == "jeu. 1er oct."
    assert french.dates(date(2026, 10, 1), date(2026, 10, 24)) == "1er–24 oct. 2026"
    # Only the first: not the 11th, 21st or 31st, nor a time.
    assert french.date(date(2026, 10, 11)) == "11 octobre 2026"
    assert french.date(date(2026, 10, 31)) == "31 octobre 2026"
    assert french.clock(time(1, 0)) == "01:00"
    # Other languages keep CLDR's cardinal day.
    assert Dates("en").date(date(2026, 10, 1)) == "1 October 2026"


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


def test_a_text_written_in_dari_takes_persian_digits_but_not_its_latin_tokens():
    from konexio.digits import in_text

    assert in_text("مترو بلویل (خط‌های 2 و 11)", "fa_AF") == "مترو بلویل (خط‌های ۲ و ۱۱)"
    assert in_text("از ساعت 9:30 تا 17:00", "fa_AF") == "از ساعت ۹:۳۰ تا ۱۷:۰۰"
    assert in_text("A2 (کمی) · صفحهٔ A4 · TER", "fa_AF") == "A2 (کمی) · صفحهٔ A4 · TER"
    assert in_text("lines 2 and 11", "uk") == "lines 2 and 11"
    assert in_text("الخط 2", "ar") == "الخط 2"  # CLDR: Latin digits for plain Arabic


def test_the_semicolon_is_cldrs_list_symbol():
    for lang in LANGUAGES:
        locale = Locale.parse(BY_CODE[lang].locale)
        assert Dates(lang).semicolon == locale.number_symbols[
            locale.default_numbering_system]["list"]
    assert Dates("fa").semicolon == "؛"
    assert Dates("fr").semicolon == ";"
