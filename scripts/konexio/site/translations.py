"""The build-time translation report: which texts are missing in which language.

Every catalog must translate every message of the pages and feeds
(``konexio.i18n.catalog_problems``); a missing one fails the build. Hand-written pages
missing in a language (``validate.pages``) and texts from the YAML (each ``Text`` needs the
required languages) are the validator's, reported as the coordinator's problems. The report
also counts the pages, says what the data has in the optional languages and what waits for
review.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from konexio import LANGUAGES, i18n
from konexio.validate.pages import hand_written


@dataclass(frozen=True)
class Missing:
    """One text missing in one language."""

    lang: str
    what: str
    """``catalog <path>: <problem>``."""
    source: str
    """Where the text exists in another language."""

    def line(self) -> str:
        return f"{self.what}: missing {self.lang} translation of {self.source}"


@dataclass(frozen=True)
class Report:
    pages: int
    words: int
    missing: tuple[Missing, ...]
    review: tuple[tuple[str, int], ...] = ()
    """(language, entries of its catalog waiting for a native reader)."""

    @property
    def ok(self) -> bool:
        return not self.missing

    def lines(self) -> list[str]:
        head = (f"translations: {self.pages} hand-written pages and {self.words} words in "
                f"{len(LANGUAGES)} languages, {len(self.missing)} missing")
        waiting = [f"  {lang}: {count} of {self.words} words written by a non-native "
                   "speaker, to be reviewed" for lang, count in self.review if count]
        return [head] + waiting + [m.line() for m in self.missing]


def report(docs: Path) -> Report:
    """Count the hand-written pages under ``docs`` and compare the catalogs of the fixed
    words (a page missing in a language is the validator's, ``validate.pages``)."""
    every = set().union(*hand_written(docs).values())
    template = i18n.read_template()
    missing = [Missing(lang, f"catalog {problem.line()}", "scripts/konexio/locale/konexio.pot")
               for lang in LANGUAGES for problem in i18n.catalog_problems(lang, template)]
    words = sum(1 for message in template if message.id)
    review = tuple((lang, i18n.needing_review(lang)) for lang in LANGUAGES)
    return Report(len(every), words, tuple(missing), review)


def data_coverage(dataset) -> list[str]:
    """The build report's lines on the YAML's texts in each language (written in the YAML
    or translated in the ``data`` catalogs), and the catalog entries still waiting for a
    native reader."""
    from konexio.model import texts
    from konexio.validate.coverage import coverage

    lines = ["texts of the data per language: " + "; ".join(c.line() for c in coverage(dataset))]
    review = [f"{lang} {count}" for lang in texts.LANGUAGES
              if i18n.catalog_path(lang, texts.DOMAIN).exists()
              and (count := i18n.needing_review(lang, texts.DOMAIN))]
    if review:
        lines.append("texts of the data translated by a non-native speaker, to be reviewed "
                     "(data.po): " + ", ".join(review))
    return lines
