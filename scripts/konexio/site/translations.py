"""The build-time translation report: which texts are missing in which language.

Every hand-written page (``docs/<lang>/**.md``) must exist in every language, and every
word of the generated pages must be translated; texts from the YAML are checked by the
validator (each ``Text`` needs fr, en and ar). A missing one fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from konexio import LANGUAGES
from konexio.pages import words


@dataclass(frozen=True)
class Missing:
    """One text missing in one language."""

    lang: str
    what: str
    """The page path that should exist, or ``word <key>``."""
    source: str
    """Where the text exists in another language."""

    def line(self) -> str:
        return f"{self.what}: missing {self.lang} translation of {self.source}"


@dataclass(frozen=True)
class Report:
    pages: int
    words: int
    missing: tuple[Missing, ...]

    @property
    def ok(self) -> bool:
        return not self.missing

    def lines(self) -> list[str]:
        head = (f"translations: {self.pages} hand-written pages and {self.words} words in "
                f"{len(LANGUAGES)} languages, {len(self.missing)} missing")
        return [head] + [m.line() for m in self.missing]


def hand_written(docs: Path) -> dict[str, set[str]]:
    """The Markdown pages of each language folder, as paths relative to that folder."""
    return {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
            for lang in LANGUAGES}


def report(docs: Path) -> Report:
    """Compare the language folders under ``docs`` and the words of the generated pages."""
    pages = hand_written(docs)
    every = set().union(*pages.values())
    missing = []
    for page in sorted(every):
        source = next(f"docs/{lang}/{page}" for lang in LANGUAGES if page in pages[lang])
        missing += [Missing(lang, f"docs/{lang}/{page}", source)
                    for lang in LANGUAGES if page not in pages[lang]]
    missing += [Missing(lang, f"word {key}", "scripts/konexio/pages/words.py")
                for key, lang in words.missing()]
    return Report(len(every), len(words.WORDS), tuple(missing))
