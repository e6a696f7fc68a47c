"""An open cohort whose file nobody has touched for a long time: is it still true?

A cohort marked ``status: open`` tells learners and the social workers who refer them to
apply. The coordinator changes the file when places fill, a date moves or a session is
cancelled; a file left alone for two months while the group is still advertised as open is
most often one nobody looks after any more (the group filled up, the room was lost), and
people keep writing to it. ``STALE_DAYS`` is that time: longer than a whole DigitAll level
(about five weeks) plus the summer or winter break, so a group planned well ahead and
still true is not flagged every week.

The time of a file's last change is the time of the last commit that touched it, read from
git as the feeds' DTSTAMP is (``feeds.stamps``). A shallow clone (``git clone --depth
1``) says every file changed in its one commit, and so would hide every stale cohort: there
the check is skipped instead of passing silently, as it is outside a git checkout.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path

from konexio.feeds.stamps import commit_times
from konexio.model.cohort import Status
from konexio.model.dataset import Dataset
from konexio.problems import Problem, warning

STALE_DAYS = 60
"""An open cohort whose file has not changed for more than this many days gets a warning."""


def history_is_complete(root: Path) -> bool:
    """True in a git checkout with its whole history (not shallow); False otherwise."""
    try:
        done = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=root,
                              capture_output=True, text=True, check=False)
    except OSError:  # no git: no history to read
        return False
    return done.returncode == 0 and done.stdout.strip() == "false"


def cohort_file_times(root: Path, dataset: Dataset) -> dict[str, datetime]:
    """Last commit time of each cohort file, or nothing when the history cannot tell."""
    if not history_is_complete(root):
        return {}
    return commit_times(root, [entry.file for entry in dataset.cohorts.values()])


def stale_open_cohorts(dataset: Dataset, times: Mapping[str, datetime],
                       today: date) -> Iterator[Problem]:
    """A warning on the ``status`` value of each open cohort not over yet whose file has not changed
    for more than ``STALE_DAYS`` (a file git does not know yet is new, hence fresh)."""
    for entry in dataset.cohorts.values():
        cohort = entry.model
        changed = times.get(entry.file)
        if cohort.status is not Status.open or cohort.end < today or changed is None:
            continue
        days = (today - changed.astimezone(UTC).date()).days
        if days > STALE_DAYS:
            pos = entry.doc.pos(("status",))
            yield warning(entry.file, pos.line, pos.col, "cohort.stale", age=days,
                          changed=changed.astimezone(UTC).date().isoformat(),
                          limit=STALE_DAYS)
