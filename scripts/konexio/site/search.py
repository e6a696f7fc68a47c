"""The site's search: Pagefind run over the built site, after the engine.

Pagefind reads every page's ``<html lang>`` and writes one index per language into
``pagefind/`` at the site's root (``fa-AF`` for Dari; stemming for French, English and
Arabic, whole words for Dari and Ukrainian, which Pagefind has no stemmer for). Only what
our template marks ``data-pagefind-body`` is indexed: the content of the pages that help a
learner, not the menu, the footer, or a page whose front matter says ``search: exclude``
(the coordinators' guide, the cohorts that have ended). Lists that would drown the words
that matter (every session of a cohort, the printable timetable, feed addresses, share
links) are left out with ``--exclude-selectors``.

Beside the index, each language's synonyms (``locale/<code>/search-synonyms.yml``, kept
by translators beside the catalogs) are written as ``pagefind/kx-synonyms.<code>.json``;
the search script (``assets/javascripts/kx-search.js``) reads them at the first search
only, and looks for what the pages say when the reader types another spelling or script.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import yaml

from konexio import LANGUAGES, i18n
from konexio.i18n import N_

BUNDLE = "pagefind"
"""The folder of the index, at the site's root (every language's pages point to it)."""
SYNONYMS = "search-synonyms.yml"
LOCALE = Path(__file__).parent.parent / "locale"

EXCLUDED = (".kx-sessions", ".kx-sheet", ".kx-timetable", ".kx-qr", ".kx-feed",
            ".kx-feed-list", ".kx-url", ".kx-needs", ".kx-guide-link", "[data-kx-share]",
            ".kx-noprint", ".kx-langs")
"""Parts of a page the index skips: long lists of dates, addresses of feeds, share links,
the language switch. Their words are on the page, but would bury the words that say
what the page is about."""


class SearchIndexFailed(SystemExit):
    """Pagefind did not write the index: the build stops with its message."""


def synonyms(lang: str, locale: Path = LOCALE) -> dict[str, list[str]]:
    """The synonyms of ``lang``: each word or name the pages use -> the ways a reader
    may type it (another script, another spelling). Empty when the language has none."""
    path = locale / lang / SYNONYMS
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems = [f"{path}: {key!r}: write the word the pages use, then a list of the ways "
                "a reader may type it" for key, value in data.items()
                if not isinstance(key, str) or not isinstance(value, list)
                or not all(isinstance(item, str) and item.strip() for item in value)]
    if problems:
        raise SearchIndexFailed("konexio build: the site was not built:\n"
                                + "\n".join(problems))
    return {key: list(value) for key, value in data.items()}


WORDS = {
    "label": N_("Rechercher"),
    "placeholder": N_("Un cours, un lieu, un mot"),
    "close": N_("Fermer la recherche"),
    "busy": N_("Recherche en cours…"),
    "none": N_("Aucune page ne correspond à ces mots."),
    "results": N_("Pages trouvées"),
    "more": N_("Plus de résultats"),
    "failed": N_("La recherche ne peut pas se charger sans connexion."),
    # %(date)s is filled in the reader's browser, with the day and hour the copy was saved.
    "saved": N_("Copie enregistrée sur cet appareil le %(date)s. Vous êtes hors connexion : "
                "la page a peut-être changé depuis."),
}
"""The search box's and the saved-copy note's words (``konexio`` catalog)."""


def words(lang: str) -> dict[str, str]:
    """``WORDS`` in ``lang``, for the theme's templates (``config.extra.kx_search``); the
    saved-copy note keeps its ``%(date)s`` for the script that shows it."""
    return {key: i18n.gettext(lang, message, date="%(date)s")
            for key, message in WORDS.items()}


def index_site(site: Path, langs: tuple[str, ...] = LANGUAGES) -> None:
    """Write Pagefind's bundle (one index per language) and the synonyms into ``site``."""
    from pagefind_bin import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexFailed("konexio build: the site was not built: Pagefind's program "
                                "is missing (the pagefind-bin package): run make site")
    done = subprocess.run(
        [str(binary), "--site", str(site), "--output-subdir", BUNDLE,
         "--exclude-selectors", ", ".join(EXCLUDED), "--quiet"],
        capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site / BUNDLE / "pagefind-entry.json").exists():
        raise SearchIndexFailed("konexio build: the site was not built: Pagefind could not "
                                f"index it:\n{done.stdout}{done.stderr}")
    entry = site / BUNDLE / "pagefind-entry.json"
    entry.write_text(ordered_entry(entry.read_text(encoding="utf-8")), encoding="utf-8")
    for lang in langs:
        pairs = [[head, variants] for head, variants in synonyms(lang).items()]
        (site / BUNDLE / f"kx-synonyms.{lang}.json").write_text(
            json.dumps(pairs, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def ordered_entry(text: str) -> str:
    """Pagefind's entry file with its languages in the order of their names: Pagefind lists
    them in the order of a hash map, another at each run once there are eight of them, and
    two builds of the same pages must write the same bytes (the offline copy's version is
    made from this file). Which index a page loads is read by name, never by position."""
    entry = json.loads(text)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def indexed_pages(site: Path) -> dict[str, dict]:
    """What the index of a built site holds: each page's address -> its record (``url``,
    ``content``, ``meta``...), with ``language`` the index it is in (``fa-af`` for Dari).
    Read from Pagefind's fragments (gzip, after a ``pagefind_dcd`` mark), for the tests
    and the bench."""
    found = {}
    for path in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        record["language"] = path.name.split("_", 1)[0]
        found[record["url"]] = record
    return found
