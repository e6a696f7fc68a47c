"""The edge: read the clock and git once, then write every feed in every language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from konexio import LANGUAGES
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
                 root: Path | None = None) -> FeedContext:
    """What every feed of one build shares; ``today`` defaults to the real date and the
    stamps come from git under ``root`` (none when ``root`` is None)."""
    times = commit_times(root, data_files(dataset)) if root is not None else {}
    return FeedContext(dataset=dataset, site_url=site_url, today=today or date.today(),
                       times=times)


def write_feeds(dataset: Dataset, schedule: Schedule, out_dir: Path, site_url: str,
                *, today: date | None = None, root: Path | None = None) -> list[Path]:
    """Write every feed of the catalogue, in every site language, under ``out_dir`` at
    ``urls.feed_url(...)``; return the files written, in catalogue order.

    ``site_url`` is the public address of the site (for URL and SOURCE); ``today`` decides
    which cancelled sessions are old enough to leave the feeds; ``root`` is the checkout
    whose git history stamps the events (DTSTAMP).
    """
    context = feed_context(dataset, site_url, today=today, root=root)
    written: list[Path] = []
    for spec in feed_catalogue(dataset, schedule):
        for lang in LANGUAGES:
            target = out_dir / spec.path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render_feed(spec, lang, context, schedule))
            written.append(target)
    return written
