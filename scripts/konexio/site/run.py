"""The data of one build run, validated and expanded once for its three language builds.

The French build starts a run (``begin``); the English and Arabic builds, started from the
French build's ``on_post_build``, read the same run (``current``). ``konexio build``
validates before anything is written and hands its result over with ``provide``, so the
data is not read twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from konexio.pages.views import Site
from konexio.validate import load_valid


@dataclass(frozen=True)
class Run:
    root: Path
    site: Site


_provided: Run | None = None
_current: Run | None = None


def load(root: Path, site_url: str, today: date | None = None) -> Run:
    """Validate and expand the data under ``root`` (``DataError`` when it has problems)."""
    dataset, schedule = load_valid(root)
    return Run(root, Site.of(dataset, schedule, today or date.today(), site_url,
                             open_slots=_open_slots(root)))


def _open_slots(root: Path) -> dict[str, dict[str, int]] | None:
    """Open volunteer slots read back from the shift sheets by ``konexio coverage``, by
    occurrence key then role; None when they were never read (the pages then show what
    each session needs)."""
    from konexio.sync import open_slots

    slots = open_slots(root)
    return None if slots is None else nest_slots(slots)


def nest_slots(flat: dict[str, int]) -> dict[str, dict[str, int]]:
    """``{"<occurrence key>/<role>": n}`` -> ``{"<occurrence key>": {"<role>": n}}``."""
    nested: dict[str, dict[str, int]] = {}
    for shift, count in flat.items():
        key, role = shift.rsplit("/", 1)
        nested.setdefault(key, {})[role] = count
    return nested


@contextmanager
def provided(run: Run) -> Iterator[Run]:
    """Make the next ``begin`` use ``run`` instead of reading the data again."""
    global _provided
    _provided = run
    try:
        yield run
    finally:
        _provided = None


def begin(root: Path, site_url: str) -> Run:
    """Start the run of a French build: the provided data, or the data read now."""
    global _current, _provided
    _current, _provided = _provided or load(root, site_url), None
    return _current


def current() -> Run:
    """The run the French build started (for the English and Arabic builds)."""
    if _current is None:
        raise RuntimeError("the French build starts the run: build with mkdocs.yml")
    return _current
