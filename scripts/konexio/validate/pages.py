"""Every hand-written page (``docs/<lang>/**.md``) in every language of the site.

The site publishes each page in each language of ``konexio/locale/languages.yml``; a page
added, renamed or removed in one language folder only (easy in GitHub's web editor) would
leave the others without it, so ``konexio validate`` and the build report it on the page
that exists, in the coordinator's words.
"""

from __future__ import annotations

from pathlib import Path

from konexio import LANGUAGES
from konexio.problems import Problem, problem


def hand_written(docs: Path) -> dict[str, set[str]]:
    """The Markdown pages of each language folder, as paths relative to that folder."""
    return {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
            for lang in LANGUAGES}


def missing_pages(root: Path) -> list[Problem]:
    """One problem per page and language it is missing in, placed on the page where it
    exists (in the site's first language that has it)."""
    pages = hand_written(root / "docs")
    found = []
    for page in sorted(set().union(*pages.values())):
        source = next(lang for lang in LANGUAGES if page in pages[lang])
        found += [problem(f"docs/{source}/{page}", 1, 1, "page.missing_language", lang=lang,
                          missing=f"docs/{lang}/{page}")
                  for lang in LANGUAGES if page not in pages[lang]]
    return found
