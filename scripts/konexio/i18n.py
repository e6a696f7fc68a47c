"""The site's languages and the catalogs of its fixed words (gettext, through Babel).

The languages are listed once, in ``locale/languages.yml``. The fixed words of the pages and
the feeds live in one catalog per language, ``locale/<code>/LC_MESSAGES/konexio.po``, with
French as the source language (the msgid): translators open them in Poedit or Weblate, and
``make catalogs`` extracts the messages from the code and templates (``pybabel extract``)
and merges them into each catalog (``pybabel update``).

The catalogs are compiled when they are first used, in memory, from the ``.po`` files:
there is no compiled ``.mo`` to forget to rebuild, and ``make site`` and ``make test`` always
use what the catalogs say. Entries marked fuzzy are left out, as ``pybabel compile`` does.
This module imports nothing from the rest of the package: ``konexio.LANGUAGES`` comes from it.
"""

from __future__ import annotations

import gettext as _gettext
import re
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "konexio"
SOURCE_LANGUAGE = "fr"
"""The language of the msgids: the coordinators write French first."""
FEED_CONTEXT = "calendar feed"
"""The msgctxt of the feeds' words, which are sometimes worded unlike the pages' ones."""


@dataclass(frozen=True, kw_only=True)
class Language:
    """One language of the site, as ``locale/languages.yml`` describes it."""

    code: str
    tag: str
    name: str
    direction: str
    locale: str
    og_locale: str
    theme: str
    search: tuple[str, ...]
    required: bool
    fallback: tuple[str, ...]

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


def _read_languages(path: Path) -> tuple[Language, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = tuple(Language(**{**entry, "search": tuple(entry["search"]),
                              "fallback": tuple(entry["fallback"])}) for entry in raw)
    codes = [language.code for language in found]
    if len(set(codes)) != len(codes) or found[0].code != SOURCE_LANGUAGE:
        raise ValueError(f"{path}: codes must be unique and start with {SOURCE_LANGUAGE}")
    for language in found:
        if language.direction not in ("ltr", "rtl"):
            raise ValueError(f"{path}: {language.code}: direction is ltr or rtl")
        if not set(language.fallback) <= set(codes) - {language.code}:
            raise ValueError(f"{path}: {language.code}: fallback names unknown languages")
    return found


ALL: tuple[Language, ...] = _read_languages(LOCALE_DIR / "languages.yml")
BY_CODE: dict[str, Language] = {language.code: language for language in ALL}
LANGUAGES: tuple[str, ...] = tuple(language.code for language in ALL)
REQUIRED: tuple[str, ...] = tuple(language.code for language in ALL if language.required)
"""The languages every text of the YAML must have; the others fall back."""


def fallbacks(lang: str) -> tuple[str, ...]:
    """``lang`` then the languages to show when a text lacks it, ending with French."""
    chain = (lang, *BY_CODE[lang].fallback, SOURCE_LANGUAGE)
    return tuple(dict.fromkeys(chain))


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    with catalog_path(lang).open("rb") as po:
        return read_po(po, locale=BY_CODE[lang].locale, domain=DOMAIN)


@cache
def translations(lang: str) -> _gettext.GNUTranslations:
    """The compiled catalog of ``lang`` (compiled in memory from its ``.po``)."""
    compiled = BytesIO()
    write_mo(compiled, read_catalog(lang), use_fuzzy=False)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def gettext(lang: str, message: str, **values: object) -> str:
    """``message`` (a French msgid) in ``lang``, its ``%(name)s`` placeholders filled.

    Every message is a Python format (``%%`` for a percent sign), as in the templates."""
    return translations(lang).gettext(message) % values


def pgettext(lang: str, context: str, message: str, **values: object) -> str:
    return translations(lang).pgettext(context, message) % values


def N_(message: str) -> str:  # noqa: N802 - the name pybabel extracts by default
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802
    """Mark a message with a context (extracted with the keyword ``NC_:1c,2``)."""
    return context, message


_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def placeholders(text: str) -> set[str]:
    """The named ``%(name)s`` placeholders of a message (``%%`` is not one)."""
    return {m.group(1) or "" for m in _PLACEHOLDER.finditer(text)
            if not m.group(0).endswith("%")} - {""}


@dataclass(frozen=True)
class CatalogProblem:
    """One message of the template that a catalog lacks or gets wrong."""

    lang: str
    message: str
    what: str

    def line(self) -> str:
        return f"{catalog_path(self.lang).relative_to(LOCALE_DIR.parent.parent)}: " \
               f"{self.what}: {self.message!r}"


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def read_template() -> Catalog:
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as pot:
        return read_po(pot)


def catalog_problems(lang: str, template: Catalog | None = None) -> list[CatalogProblem]:
    """What the catalog of ``lang`` lacks against the template (``konexio.pot``): a message
    missing, empty, fuzzy (left out when compiled), with too few plural forms, or whose
    placeholders differ from the msgid's (``%(name)s`` spelt otherwise fails at run time)."""
    template = template or read_template()
    catalog = read_catalog(lang)
    found = []
    for wanted in template:
        if not wanted.id:
            continue
        label = _ids(wanted)[0]
        have = catalog.get(wanted.id, context=wanted.context)
        if have is None:
            found.append(CatalogProblem(lang, label, "missing"))
            continue
        strings = _strings(have)
        if have.fuzzy:
            found.append(CatalogProblem(lang, label, "fuzzy (not used)"))
        if not all(s.strip() for s in strings):
            found.append(CatalogProblem(lang, label, "not translated"))
        if isinstance(wanted.id, tuple) and len(strings) != catalog.num_plurals:
            found.append(CatalogProblem(lang, label, f"needs {catalog.num_plurals} plural forms"))
        expected = set().union(*(placeholders(i) for i in _ids(wanted)))
        for string in strings:
            if string.strip() and placeholders(string) != expected:
                found.append(CatalogProblem(
                    lang, label, f"placeholders {sorted(placeholders(string))} instead of "
                                 f"{sorted(expected)}"))
    return found


REVIEW_MARK = "needs review"
"""The translator comment of an entry written by a non-native speaker (Poedit shows it)."""


def needing_review(lang: str) -> int:
    """How many entries of the catalog of ``lang`` still wait for a native reader."""
    return sum(1 for message in read_catalog(lang) if message.id and any(
        comment.startswith(REVIEW_MARK) for comment in message.user_comments))
