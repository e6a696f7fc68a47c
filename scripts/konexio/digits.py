"""Numbers in each language's own digits: the default numbering system CLDR gives its locale.

CLDR names a default numbering system per locale (Babel: ``Locale.default_numbering_system``):
``arabext`` for Dari (``fa_AF``, Persian digits ۰۱۲۳), ``latn`` for plain Arabic (``ar``:
CLDR's default for it is the Latin digits; ``ar_EG`` would be ``arab``), French, English and
Ukrainian. Babel formats numbers with that system's symbols (``٬`` groups thousands in Dari)
but prints every digit, and every digit of a date or time, in Latin: it carries no table of
the systems' digits. The digits are the Unicode characters the system is named after
(CLDR's ``numberingSystems.xml`` lists exactly these), looked up by their Unicode names, so
nothing here is a hand-typed table of characters.

Pages and feed texts pass every date, time and count through ``localize`` (or ``number``);
machine fields (``DTSTART``, JSON-LD, URLs, the values in a ``data-`` attribute) keep Latin
digits, as do values written in the Latin script (a postcode inside an address). A text of
the data shown in its own language (a Dari translation: "مترو بلویل (خط‌های 2 و 11)") gets
its language's digits through ``in_text``, except a number that is part of a Latin-script
token ("A2", "TER").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel import Locale
from babel.numbers import format_decimal

UNICODE_NAMES = {
    "latn": "DIGIT",
    "arab": "ARABIC-INDIC DIGIT",
    "arabext": "EXTENDED ARABIC-INDIC DIGIT",
}
"""CLDR numbering system -> the Unicode name of its digits (``DIGIT ZERO``...). A locale
whose default system is not here stops the build with its name (add the system's line)."""

_NAMES = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")


@cache
def _locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


def system(locale: str) -> str:
    """The CLDR default numbering system of a Babel locale (``fa_AF`` -> ``arabext``)."""
    return _locale(locale).default_numbering_system


@cache
def digits(locale: str) -> str:
    """The ten digits, zero first, of the default numbering system of ``locale``."""
    name = system(locale)
    if name not in UNICODE_NAMES:
        raise ValueError(f"{locale}: numbering system {name} has no digits in "
                         f"konexio.digits.UNICODE_NAMES")
    return "".join(unicodedata.lookup(f"{UNICODE_NAMES[name]} {digit}") for digit in _NAMES)


@cache
def _table(locale: str) -> dict[int, str]:
    return str.maketrans("0123456789", digits(locale))


def localize(text: str, locale: str) -> str:
    """``text`` (a date, a time, a count Babel wrote) with its Latin digits in the locale's
    own: only for text made of a formatted value, never for a sentence that may hold a
    value written in the Latin script."""
    return text.translate(_table(locale))


@cache
def number(value: int, locale: str, grouping: bool = True) -> str:
    """A whole number as ``locale`` writes it: its digits, its separator of thousands
    (none for a year: ``grouping=False``)."""
    if not grouping:
        return localize(str(value), locale)
    return localize(format_decimal(value, locale=_locale(locale), numbering_system="default"),
                    locale)


_NUMBER = re.compile(r"(?<![A-Za-z0-9\u00c0-\u024f])[0-9]+(?![A-Za-z0-9\u00c0-\u024f])")


def in_text(text: str, locale: str) -> str:
    """A sentence written in the language of ``locale`` with its numbers in that language's
    digits; a number glued to Latin letters ("A4", "B1") stays as it is."""
    if system(locale) == "latn":
        return text
    return _NUMBER.sub(lambda found: localize(found.group(), locale), text)
