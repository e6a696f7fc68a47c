"""Which data files a pull request changed, so that a problem between two files is shown on
the line of the one that changed: GitHub shows a workflow annotation only on the lines of
the diff, and a closure added in an antenna's file that a cohort's move now lands on would
otherwise be reported only in the cohort's file, which the pull request did not touch."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from konexio.diff.git import _git, resolve
from konexio.problems import Problem


def changed_files(root: Path, ref: str) -> set[str]:
    """The files under ``root`` (paths relative to it) that differ from revision ``ref``:
    committed, staged or not, and new files git does not ignore."""
    commit = resolve(root, ref)
    listed = _git(root, "diff", "--name-only", "--relative", "--no-renames", commit, "--")
    new = _git(root, "ls-files", "--others", "--exclude-standard")
    return {line for line in (listed + new).decode("utf-8").splitlines() if line}


def spread(problems: Iterable[Problem], changed: set[str] | None) -> list[Problem]:
    """Every problem, plus a copy on each other line it is about that lies in a changed
    file (in every such line when ``changed`` is None: a local run shows both sides)."""
    found = list(problems)
    return found + [copy for p in found for copy in p.copies(changed)]
