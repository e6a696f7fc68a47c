"""The languages a coordinator may type in the roster's ``langue`` column.

Derived from ``locale/languages.yml``: the languages the volunteers' mails are written in
(the ones whose ``catalogs:`` include ``volunteers``), each known by its code, its BCP 47
tag, its name on the language switch, and its name in its own language and in each
language coordinators read (CLDR's, through Babel): ``ar``, ``العربية``, ``arabe``,
``Arabic``. Giving volunteers one more language is a line of ``languages.yml``, not an edit
here. Case, accents and spaces do not count, since people type ``Francais`` or
``ANGLAIS`` and mean the same.
"""

from __future__ import annotations

from functools import cache

from konexio.i18n import BY_CODE, COORDINATORS, SOURCE_LANGUAGE, VOLUNTEERS, Alternatives
from konexio.messages import language_name
from konexio.sync.layout import normalize

DEFAULT = SOURCE_LANGUAGE
"""The language of a volunteer whose cell is empty or unknown."""


@cache
def spellings() -> dict[str, str]:
    """Every accepted spelling, normalized, -> the language's code."""
    found: dict[str, str] = {}
    for code in VOLUNTEERS.languages:
        language = BY_CODE[code]
        names = {code, language.tag, language.name}
        names |= {language_name(code, reader)
                  for reader in dict.fromkeys((code, *COORDINATORS.languages))}
        for name in names:
            found.setdefault(normalize(name), code)
    return found


def language_of(typed: str) -> str | None:
    """The code of the language typed in a roster cell, or None when it is not one."""
    return spellings().get(normalize(typed))


def choices() -> Alternatives:
    """The codes to suggest when a cell names no known language: « fr, en ou ar »."""
    return Alternatives(VOLUNTEERS.languages)
