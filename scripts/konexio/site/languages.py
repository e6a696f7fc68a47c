"""What differs between the language builds of the site.

The languages are listed in ``konexio/locale/languages.yml``. French is built from
``docs/fr`` into the site root, every other language from ``docs/<code>`` into ``<code>/``
(English into ``en/``, Arabic into ``ar/``...): the language of a build is the name of its
docs folder, so ``mkdocs.yml`` describes the French build and the others only override
``docs_dir``, ``site_dir`` and ``site_url``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from konexio import LANGUAGES, urls
from konexio.i18n import BY_CODE

DEFAULT = urls.DEFAULT_LANGUAGE

NAMES = {code: language.name for code, language in BY_CODE.items()}
"""Each language in its own words, for the language switch."""

DIRECTION = {code: language.direction for code, language in BY_CODE.items()}

TAGS = {code: language.tag for code, language in BY_CODE.items()}
"""BCP 47 tags for ``<html lang>`` and ``hreflang`` (Dari: ``fa-AF``)."""

THEME = {code: language.theme for code, language in BY_CODE.items()}
"""mkdocs-material's language for its own words (it writes ``<html lang>`` with it)."""


def language_of(docs_dir: str | Path) -> str:
    """The language a build is for: the name of its docs folder (``docs/ar`` -> ``ar``)."""
    name = Path(docs_dir).name
    if name not in LANGUAGES:
        raise ValueError(f"docs_dir must end with one of {LANGUAGES}, not {docs_dir!r}")
    return name


def docs_dir_for(default_docs_dir: str | Path, lang: str) -> Path:
    """The docs folder of ``lang``, next to the default language's."""
    return Path(default_docs_dir).parent / lang


def root_site_url(site_url: str, lang: str) -> str:
    """The public address of the whole site, from the address of one language build."""
    prefix = urls.lang_prefix(lang)
    url = site_url if site_url.endswith("/") else site_url + "/"
    return url[: -len(prefix)] if prefix and url.endswith(prefix) else url


@dataclass(frozen=True)
class Alternate:
    """Another language of the page being built (or the same one, marked current)."""

    lang: str
    name: str
    tag: str
    og_locale: str
    root: str
    """Path from the current language's root to this language's root ('', '../', 'ar/')."""
    absolute: str
    """Public address of this language's root, for hreflang."""
    direction: str
    current: bool


def alternates(lang: str, site_url: str) -> list[Alternate]:
    """The language switch of a build in ``lang``, in the order of ``LANGUAGES``."""
    up = "../" if urls.lang_prefix(lang) else ""
    return [
        Alternate(lang=other, name=NAMES[other], tag=TAGS[other],
                  og_locale=BY_CODE[other].og_locale, root=up + urls.lang_prefix(other),
                  absolute=urls.absolute_url(site_url, urls.lang_prefix(other)),
                  direction=DIRECTION[other], current=other == lang)
        for other in LANGUAGES
    ]
