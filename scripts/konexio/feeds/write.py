"""The edge: read the clock, git and the environment once, then write every feed in every
language."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from konexio import LANGUAGES, urls
from konexio.expand.occurrences import Schedule
from konexio.feeds.calendar import render_feed
from konexio.feeds.catalogue import feed_catalogue
from konexio.feeds.events import FeedContext
from konexio.feeds.stamps import commit_times
from konexio.model.dataset import Dataset


def data_files(dataset: Dataset) -> list[str]:
    """Every file an event can be made from (relative to the data root)."""
    entries = [*dataset.cohorts.values(), *dataset.antennas.values(),
               *dataset.programs.values()]
    return sorted({entry.file for entry in entries})


def feed_context(dataset: Dataset, site_url: str, *, today: date | None = None,
                 root: Path | None = None,
                 environ: Mapping[str, str] | None = None) -> FeedContext:
    """What every feed of one build shares; ``today`` defaults to the real date and the
    stamps come from git under ``root`` (none when ``root`` is None). The personal
    calendars' address comes from ``environ`` (default: this process's environment)."""
    times = commit_times(root, data_files(dataset)) if root is not None else {}
    personal = urls.personal_address(os.environ if environ is None else environ, site_url)
    return FeedContext(dataset=dataset, site_url=site_url, today=today or date.today(),
                       times=times, personal_url=personal)


def write_feeds(dataset: Dataset, schedule: Schedule, out_dir: Path, site_url: str,
                *, today: date | None = None, root: Path | None = None) -> list[Path]:
    """Write every feed of the catalogue, in every site language, under ``out_dir`` at
    ``urls.feed_url(...)``; return the files written, in catalogue order.

    ``site_url`` is the public address of the site (for URL and SOURCE); ``today`` decides
    which cancelled sessions are old enough to leave the feeds; ``root`` is the checkout
    whose git history stamps the events (DTSTAMP).
    """
    context = feed_context(dataset, site_url, today=today, root=root)
    specs = feed_catalogue(dataset, schedule)
    folders = {(out_dir / spec.path(lang)).parent for spec in specs for lang in LANGUAGES}
    for folder in sorted(folders):
        folder.mkdir(parents=True, exist_ok=True)
    # One language at a time: its events are serialized once and shared by its feeds,
    # then dropped, so memory holds one language's events, not all of them.
    for lang in LANGUAGES:
        for spec in specs:
            (out_dir / spec.path(lang)).write_bytes(render_feed(spec, lang, context, schedule))
        context.rendered.clear()
        context.lines.clear()
    return [out_dir / spec.path(lang) for spec in specs for lang in LANGUAGES]
