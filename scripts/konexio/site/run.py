"""The data of one build run, validated and expanded once, as a value passed along.

``load`` returns it; staging, the engine runs and the feeds all take it as an argument
(no module-level "current run": two runs in one process never see each other's data).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from konexio.feeds.stamps import commit_times
from konexio.feeds.write import data_files
from konexio.hours import volunteer_hours
from konexio.pages.views import Site
from konexio.validate import load_valid


@dataclass(frozen=True)
class Run:
    root: Path
    site: Site


def load(root: Path, site_url: str, today: date | None = None) -> Run:
    """Validate and expand the data under ``root`` (``DataError`` when it has problems)."""
    dataset, schedule = load_valid(root)
    # Cohort pages say when their data last changed: the feeds' DTSTAMP, from git.
    site = Site.of(dataset, schedule, today or date.today(), site_url,
                   open_slots=_open_slots(root), times=commit_times(root, data_files(dataset)))
    # The impact page's volunteers' hours, counted by the daily konexio coverage (no names).
    return Run(root, replace(site, volunteer_hours=volunteer_hours(root)))


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
