"""The site's languages and the catalogs of its fixed words (gettext, through Babel).

The languages are listed once, in ``locale/languages.yml``. The fixed words live in one
gettext domain per audience, so each catalog holds only what its readers read:

- ``konexio``: the public site and its calendar feeds, in every language of the list;
- ``coordinators``: what the ``konexio`` commands print for the coordinators who run them,
  the errors of the sheet and mail back-ends included;
- ``volunteers``: the notice and reminder mails, the personal calendar page, and the words
  of the shift sheets, the roster and the journal of mails.

Each language has one catalog per domain it is translated into (``catalogs:`` in
``languages.yml``): ``locale/<code>/LC_MESSAGES/<domain>.po``, French being the source
language (the msgid). A reader of a language a domain lacks reads its French words.
Translators open the catalogs in Poedit or Weblate; ``make catalogs`` extracts the messages
of each domain from the code and templates (``pybabel extract``, ``scripts/babel-<domain>.cfg``)
and merges them into each catalog (``pybabel update``, ``init`` for a new one).

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
from babel.lists import format_list
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "konexio"
"""The site's domain, the one the functions below use unless told another."""
DOMAIN_NAMES = ("konexio", "coordinators", "volunteers")
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
    required: bool
    fallback: tuple[str, ...]
    catalogs: tuple[str, ...] = (DOMAIN,)
    """The gettext domains translated into this language."""

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


def _read_languages(path: Path) -> tuple[Language, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = tuple(Language(**{**entry, "fallback": tuple(entry["fallback"]),
                              "catalogs": tuple(entry["catalogs"])}) for entry in raw)
    codes = [language.code for language in found]
    if len(set(codes)) != len(codes) or found[0].code != SOURCE_LANGUAGE:
        raise ValueError(f"{path}: codes must be unique and start with {SOURCE_LANGUAGE}")
    if set(found[0].catalogs) != set(DOMAIN_NAMES):
        raise ValueError(f"{path}: {SOURCE_LANGUAGE}, the source, has every catalog")
    for language in found:
        # Every language of the list is a language of the site; the others are optional.
        if DOMAIN not in language.catalogs or not set(language.catalogs) <= set(DOMAIN_NAMES):
            raise ValueError(f"{path}: {language.code}: catalogs are {DOMAIN} and some of "
                             f"{', '.join(DOMAIN_NAMES[1:])}")
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


def catalog_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def template_path(domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / f"{domain}.pot"


def read_catalog(lang: str, domain: str = DOMAIN) -> Catalog:
    with catalog_path(lang, domain).open("rb") as po:
        return read_po(po, locale=BY_CODE[lang].locale, domain=domain)


@cache
def _compiled(domain: str, lang: str) -> _gettext.GNUTranslations:
    compiled = BytesIO()
    write_mo(compiled, read_catalog(lang, domain), use_fuzzy=False)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled site catalog of ``lang`` (compiled in memory from its ``.po``)."""
    return SITE.translations(lang)


def gettext(lang: str, message: str, **values: object) -> str:
    """``message`` (a French msgid) in ``lang``, its ``%(name)s`` placeholders filled.

    Every message is a Python format (``%%`` for a percent sign), as in the templates.
    Unlike a ``Domain``'s, a placeholder not given fails here: the site is built, not
    shown to someone waiting, and a wrong page must not be published."""
    return SITE.translations(lang).gettext(message) % values


def pgettext(lang: str, context: str, message: str, **values: object) -> str:
    return SITE.template(lang, context, message) % values


@dataclass(frozen=True)
class Domain:
    """One gettext domain: the words one audience reads, one catalog per language.

    Its methods take the language first and fill the placeholders, as ``gettext`` above
    (positional arguments only, so a placeholder may be called ``lang`` or ``message``);
    ``make catalogs`` extracts their message arguments (``gettext:2``, ``ngettext:2,3``,
    ``pgettext:2c,3``). A language without this domain's catalog reads the French msgid.
    """

    name: str
    readers: str

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this domain has a catalog in, French first."""
        return tuple(language.code for language in ALL if self.name in language.catalogs)

    def translations(self, lang: str) -> _gettext.NullTranslations:
        if lang not in self.languages:
            return _gettext.NullTranslations()
        return _compiled(self.name, lang)

    def gettext(self, lang: str, message: str, /, **values: object) -> str:
        return self.translations(lang).gettext(message) % _Values(values)

    def ngettext(self, lang: str, singular: str, plural: str, num: int, /,
                 **values: object) -> str:
        """The plural form of ``lang`` for ``num``, which fills ``%(num)d``."""
        return self.translations(lang).ngettext(singular, plural, num) % \
            _Values(values, **{COUNT: num})

    def pgettext(self, lang: str, context: str, message: str, /, **values: object) -> str:
        return self.template(lang, context, message) % _Values(values)

    def template(self, lang: str, context: str, message: str) -> str:
        """The translation of a message with a context, its placeholders left unfilled."""
        return self.translations(lang).pgettext(context, message)

    def message(self, marked: str | tuple[str, str], /, **values: object) -> Message:
        """A message to word later, in its reader's language (see ``Message``)."""
        return Message(self, marked, **values)


COUNT = "num"
"""The placeholder ``ngettext`` fills with the count, as Jinja's i18n extension does."""


class Message(str):
    """Words of a domain chosen where something happens, put into the reader's language
    where they are shown: a back-end knows what went wrong, the command that prints it
    knows the reader's ``--lang``.

    As a ``str`` it is the French text, placeholders filled, so ``str(error)``, logs and
    comparisons read as before; ``text(lang)`` words it for another reader. ``marked`` is
    an ``N_`` or ``NN_`` mark (what ``pybabel`` extracts); a plural message counts with
    its ``num`` value. A value with a ``text(lang)`` method (another ``Message``,
    ``Alternatives``) is worded in the same language as the sentence around it.
    """

    domain: Domain
    marked: str | tuple[str, str]
    values: dict[str, object]

    def __new__(cls, domain: Domain, marked: str | tuple[str, str], /,
                **values: object) -> Message:
        made = super().__new__(cls, _worded(domain, marked, values, SOURCE_LANGUAGE))
        made.domain, made.marked, made.values = domain, marked, values
        return made

    def text(self, lang: str) -> str:
        """The message in ``lang`` (French where the domain lacks ``lang``)."""
        # Its values in the sentence's language too: "fr ou en", not "fr або en".
        lang = lang if lang in self.domain.languages else SOURCE_LANGUAGE
        return _worded(self.domain, self.marked, self.values, lang)


def _worded(domain: Domain, marked: str | tuple[str, str], values: dict[str, object],
            lang: str) -> str:
    filled = {key: value.text(lang) if callable(getattr(value, "text", None)) else value
              for key, value in values.items()}
    if isinstance(marked, tuple):
        return domain.ngettext(lang, *marked, int(values.get(COUNT, 2)), **filled)
    return domain.gettext(lang, marked, **filled)


def in_language(text: str, lang: str) -> str:
    """``text`` for a reader of ``lang``: a ``Message`` worded in it, any other text as is."""
    return text.text(lang) if isinstance(text, Message) else str(text)


class _Listed(tuple):
    style = "standard"

    def text(self, lang: str) -> str:
        """The items joined as ``lang`` joins them in a sentence (CLDR's list patterns)."""
        locale = BY_CODE[lang].locale if lang in BY_CODE else lang
        return format_list([str(item) for item in self], style=self.style, locale=locale)


class Together(_Listed):
    """Items of a sentence, all of them: « A, B et C », "A, B and C"."""


class Alternatives(_Listed):
    """Choices in a sentence, one of them: « fr, en ou ar », "fr, en or ar"."""

    style = "or"


class _Values(dict):
    """Placeholder values; one the caller did not give reads ``?`` rather than failing in
    front of a coordinator (the catalog test is what catches a misspelt placeholder)."""

    def __missing__(self, key: str) -> str:
        return "?"


SITE = Domain(DOMAIN, "the public site and its calendar feeds")
COORDINATORS = Domain("coordinators", "coordinators: what the konexio commands print")
VOLUNTEERS = Domain("volunteers", "volunteers: mails, personal calendar page, shift sheets")
DOMAINS: tuple[Domain, ...] = (SITE, COORDINATORS, VOLUNTEERS)
assert tuple(domain.name for domain in DOMAINS) == DOMAIN_NAMES


def N_(message: str) -> str:  # noqa: N802 - the name pybabel extracts by default
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802
    """Mark a message with a context (extracted with the keyword ``NC_:1c,2``)."""
    return context, message


def NN_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """Mark a message with plural forms (extracted with the keyword ``NN_:1,2``)."""
    return singular, plural


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
    domain: str = DOMAIN

    def line(self) -> str:
        return f"{catalog_path(self.lang, self.domain).relative_to(LOCALE_DIR.parent.parent)}"\
               f": {self.what}: {self.message!r}"


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def read_template(domain: str = DOMAIN) -> Catalog:
    with template_path(domain).open("rb") as pot:
        return read_po(pot)


def catalog_problems(lang: str, template: Catalog | None = None,
                     domain: str = DOMAIN) -> list[CatalogProblem]:
    """What the catalog of ``lang`` lacks against the template (``<domain>.pot``): a message
    missing, empty, fuzzy (left out when compiled), with a plural rule other than CLDR's or
    too few plural forms, or whose placeholders differ from the msgid's (``%(name)s`` spelt
    otherwise fails at run time; a plural form may leave out the count, ``%(num)d``)."""
    template = template or read_template(domain)
    if not catalog_path(lang, domain).exists():
        return [CatalogProblem(lang, "", "no catalog (run 'make catalogs')", domain)]
    catalog = read_catalog(lang, domain)
    found = []
    cldr = Catalog(locale=BY_CODE[lang].locale)
    if catalog.plural_expr != cldr.plural_expr:
        found.append(CatalogProblem(lang, "Plural-Forms", f"plural rule is not CLDR's "
                                    f"({cldr.plural_forms})", domain))
    for wanted in template:
        if not wanted.id:
            continue
        label = _ids(wanted)[0]
        have = catalog.get(wanted.id, context=wanted.context)
        if have is None:
            found.append(CatalogProblem(lang, label, "missing", domain))
            continue
        strings = _strings(have)
        if have.fuzzy:
            found.append(CatalogProblem(lang, label, "fuzzy (not used)", domain))
        if not all(s.strip() for s in strings):
            found.append(CatalogProblem(lang, label, "not translated", domain))
        if isinstance(wanted.id, tuple) and len(strings) != catalog.num_plurals:
            found.append(CatalogProblem(lang, label, f"needs {catalog.num_plurals} plural "
                                                     "forms", domain))
        expected = set().union(*(placeholders(i) for i in _ids(wanted)))
        # A plural form for one number may say it in words: Arabic "مجموعتان", two groups.
        optional = {COUNT} if isinstance(wanted.id, tuple) else set()
        for string in strings:
            if string.strip() and not expected - optional <= placeholders(string) <= expected:
                found.append(CatalogProblem(
                    lang, label, f"placeholders {sorted(placeholders(string))} instead of "
                                 f"{sorted(expected)}", domain))
    return found


REVIEW_MARK = "needs review"
"""The translator comment of an entry written by a non-native speaker (Poedit shows it)."""


def needing_review(lang: str, domain: str = DOMAIN) -> int:
    """How many entries of the catalog of ``lang`` still wait for a native reader."""
    return sum(1 for message in read_catalog(lang, domain) if message.id and any(
        comment.startswith(REVIEW_MARK) for comment in message.user_comments))
