"""When what each page shows last changed, from git, for the sitemaps' ``lastmod``.

A cohort's page changes with its cohort, antenna and program files (the date its page and
feeds already show); a program's or an antenna's page with its own file and its cohorts'; a
hand-written page with its Markdown file; every other generated page (the lists, the home
page) with the newest data file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from konexio import urls
from konexio.feeds.stamps import commit_times
from konexio.feeds.write import data_files
from konexio.pages.views import Site


def page_times(root: Path, site: Site, lang: str) -> dict[str, datetime]:
    """Last change of each page of ``lang`` git knows, by its address below the language's
    root (``cohorts/<id>/``, ``about/``, ``""`` for the home page)."""
    docs = sorted((root / "docs" / lang).rglob("*.md"))
    hand_written = {_address(path.relative_to(root / "docs" / lang)):
                    path.relative_to(root).as_posix() for path in docs}
    data = data_files(site.dataset)
    times = commit_times(root, [*data, *hand_written.values()])
    found: dict[str, datetime] = {}
    newest = max((times[f] for f in data if f in times), default=None)
    if newest is not None:
        for kind in ("home", "programs", "antennas", "volunteers", "impact", "calendars",
                     "partners"):
            found[urls.page_dir(kind)] = newest
    by_cohort = site.updated
    for cohort_id, when in by_cohort.items():
        found[urls.page_dir("cohort", cohort_id)] = when
    for kind, entries, key in (("program", site.dataset.programs, "program"),
                               ("antenna", site.dataset.antennas, "antenna")):
        for ident, entry in entries.items():
            related = [by_cohort[c] for c, view in site.cohorts.items()
                       if getattr(view, f"{key}_id") == ident and c in by_cohort]
            own = [times[entry.file]] if entry.file in times else []
            if own or related:
                found[urls.page_dir(kind, ident)] = max(own + related)
    for address, file in hand_written.items():
        if file in times:
            found[address] = times[file]
    return found


def _address(relative: Path) -> str:
    """``about.md`` -> ``about/``, ``index.md`` -> ``""`` (MkDocs' directory URLs)."""
    parts = relative.with_suffix("").parts
    if parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)
