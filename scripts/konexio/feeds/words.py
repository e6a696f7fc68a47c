"""The fixed words of the feeds.

Names of programs, antennas, venues and roles come from the data (``Text``); only the
glue around them lives here, in French: each language's words are in the gettext catalogs
(``konexio/locale/<lang>/LC_MESSAGES/konexio.po``, context "calendar feed").
"""

from __future__ import annotations

from datetime import date, time
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_time

from konexio import digits, i18n
from konexio.i18n import NC_
from konexio.model.types import Text
from konexio.pages.formatting import as_written

WORDS: dict[str, tuple[str, str]] = {
    "all.title": NC_("calendar feed", "Konexio · toutes les séances"),
    "antenna.title": NC_("calendar feed", "Konexio %(antenna)s · toutes les séances"),
    "program.title": NC_("calendar feed", "Konexio · %(program)s"),
    "cohort.title": NC_("calendar feed", "Konexio · %(program)s · %(antenna)s · dès le %(start)s"),
    "role.title": NC_("calendar feed", "Konexio %(antenna)s · bénévoles : %(role)s"),
    "calendar.description": NC_("calendar feed",
                                "Séances de Konexio, mises à jour automatiquement : les "
                                "séances déplacées ou annulées changent aussi dans votre agenda."),
    "summary": NC_("calendar feed", "%(program)s · %(antenna)s"),
    "summary.cancelled": NC_("calendar feed", "ANNULÉ : %(summary)s"),
    "summary.moved": NC_("calendar feed", "Déplacé : %(summary)s"),
    "location": NC_("calendar feed", "%(venue)s, %(address)s"),
    "location.room": NC_("calendar feed", "%(venue)s, %(address)s (%(room)s)"),
    "line.program": NC_("calendar feed", "Programme : %(value)s"),
    "line.antenna": NC_("calendar feed", "Antenne : %(value)s"),
    "line.room": NC_("calendar feed", "Salle : %(value)s"),
    "line.access": NC_("calendar feed", "Accès : %(value)s"),
    "line.accessibility": NC_("calendar feed", "Accessibilité : %(value)s"),
    "line.cancelled": NC_("calendar feed", "Cette séance est annulée. Raison : %(reason)s"),
    "line.moved": NC_("calendar feed",
                      "Séance déplacée (prévue le %(day)s à %(time)s). Raison : "
                      "%(reason)s"),
    "line.status.open": NC_("calendar feed", "Inscriptions ouvertes"),
    "line.status.full": NC_("calendar feed", "Complet (liste d'attente possible)"),
    "line.status.closed": NC_("calendar feed", "Inscriptions closes"),
    "line.apply": NC_("calendar feed", "S'inscrire : %(value)s"),
    "line.contact": NC_("calendar feed", "Contact : %(value)s"),
    "line.page": NC_("calendar feed", "Détails : %(value)s"),
    "line.needs": NC_("calendar feed", "Bénévoles recherchés : %(value)s"),
    "need": NC_("calendar feed", "%(count)s × %(role)s"),
    "separator": NC_("calendar feed", ", "),
}


def word(code: str, lang: str, **values: str) -> str:
    """The fixed text ``code`` in ``lang``, its ``%(name)s`` placeholders filled in (every
    one given, as ``i18n.pgettext`` wants)."""
    return _template(code, lang) % values


@cache
def _template(code: str, lang: str) -> str:
    # A large network's feeds ask for these words a few hundred thousand times; the
    # compiled catalogs are read once per process anyway (``i18n._compiled``).
    context, message = WORDS[code]
    return i18n.SITE.template(lang, context, message)


def _locale(lang: str) -> str:
    """The feeds write dates as the plain language does (``en``: "November 2, 2026"); a
    language named with its region in ``languages.yml`` (Dari: ``fa_AF``) keeps it."""
    locale = i18n.BY_CODE[lang].locale
    return locale if lang not in ("fr", "en") else lang


@cache
def _parsed(lang: str) -> Locale:
    return Locale.parse(_locale(lang))


def long_date(day: date, lang: str) -> str:
    """``2 novembre 2026`` / ``November 2, 2026``, as people write it in ``lang`` (its
    digits too: ``۲ نومبر ۲۰۲۶`` in Dari; see ``pages.formatting.as_written``)."""
    return as_written(format_date(day, "long", locale=_parsed(lang)), _parsed(lang), dated=True)


@lru_cache(maxsize=4096)
def full_date(day: date, lang: str) -> str:
    """With the weekday: ``mercredi 18 novembre 2026``."""
    return as_written(format_date(day, "full", locale=_parsed(lang)), _parsed(lang), dated=True)


@lru_cache(maxsize=1024)
def clock(moment: time, lang: str) -> str:
    """``14:00`` / ``2:00 PM``."""
    return as_written(format_time(moment, "short", locale=_parsed(lang)), _parsed(lang))


def said(value: Text, lang: str) -> str:
    """A text of the data in ``lang`` (or its fallback, as ``Text.get``); written in
    ``lang``, it takes the language's digits (``digits.in_text``: Dari's Persian ones)."""
    found, text = value.pick(lang)
    return _in_text(text, i18n.BY_CODE[lang].locale) if found == lang else text


@lru_cache(maxsize=8192)
def _in_text(text: str, locale: str) -> str:
    return digits.in_text(text, locale)


def count(value: int, lang: str) -> str:
    """A number of people in the digits of ``lang``."""
    return digits.number(value, _locale(lang))
