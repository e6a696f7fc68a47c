"""When the data behind each event last changed: the ``DTSTAMP`` of the feeds.

A build clock in ``DTSTAMP`` would make every build differ from the last (subscribers see
churn, no golden file is possible). Instead an event is stamped with the time of the last
commit that touched a file it is made from (its cohort, antenna and program), read from
git in one call for every file. Outside a git checkout (a test's temporary copy, a tarball)
or for a file never committed, the stamp falls back to ``FALLBACK``: fixed, so still
reproducible, and in the past, so no client takes it for a future revision.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

FALLBACK = datetime(2016, 1, 1, tzinfo=UTC)
"""The year Konexio was founded: earlier than any of its data."""


def parse_log(output: str) -> dict[str, datetime]:
    """File -> time of its newest commit, from ``git log --format=@%ct --name-only``
    (newest commit first, so the first time a file is seen is its last change)."""
    times: dict[str, datetime] = {}
    current: datetime | None = None
    for line in output.splitlines():
        if line.startswith("@"):
            current = datetime.fromtimestamp(int(line[1:]), tz=UTC)
        elif line and current is not None:
            times.setdefault(line, current)
    return times


def commit_times(root: Path, files: Iterable[str]) -> dict[str, datetime]:
    """Last commit time of each of ``files`` (paths relative to ``root``); files git does not
    know are left out. One ``git log`` for all files; no git, no repository: empty."""
    wanted = sorted(set(files))
    if not wanted:
        return {}
    command = ["git", "-c", "core.quotepath=off", "log", "--format=@%ct", "--name-only",
               "--relative", "--no-renames", "--", *wanted]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    except OSError:  # git is not installed: the fallback stamp is the documented answer
        return {}
    if done.returncode != 0:  # not a repository
        return {}
    times = parse_log(done.stdout)
    return {file: times[file] for file in wanted if file in times}


def stamp(times: dict[str, datetime], files: Iterable[str]) -> datetime:
    """The newest change among ``files``, or ``FALLBACK`` when none is known."""
    return max((times[f] for f in files if f in times), default=FALLBACK)
