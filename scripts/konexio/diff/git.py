"""The data of a git revision, copied into a folder so the normal pipeline can read it.

``git archive`` writes the tree of the revision, not the working tree, so uncommitted edits
and untracked files never leak into the base side of a diff.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

DATA_FOLDERS = ("schedules", "volunteers")
"""What ``konexio validate`` reads under a checkout; nothing else is copied."""


class GitError(Exception):
    """The revision cannot be read (no git, not a repository, unknown revision)."""

    def __init__(self, code: str, **params: str):
        super().__init__(code)
        self.code = code
        self.params = params


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              check=False, timeout=120)
    except OSError as error:  # git is not installed
        raise GitError("no_git") from error
    if done.returncode != 0:
        raise GitError("git_failed", command=" ".join(args[:2]),
                       detail=done.stderr.decode("utf-8", "replace").strip()[:300])
    return done.stdout


def resolve(root: Path, ref: str) -> str:
    """The commit ``ref`` names, or ``GitError('unknown_ref')``."""
    if ref.startswith("-"):  # never let a revision be read as an option of git
        raise GitError("unknown_ref", ref=ref)
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError as error:
        if error.code == "no_git":
            raise
        raise GitError("unknown_ref", ref=ref) from error


def export_data(root: Path, ref: str, dest: Path) -> str:
    """Write the data folders of ``root`` as they are at ``ref`` under ``dest``; returns the
    commit. ``root`` may be a sub-folder of the repository (the data is read at the same
    place in the revision)."""
    commit = resolve(root, ref)
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    tree = f"{commit}:{prefix}" if prefix else commit
    # From the top: git reads paths (and filters listings) relative to the current folder.
    present = set(_git(top, "ls-tree", "--name-only", tree).decode().splitlines())
    folders = [f for f in DATA_FOLDERS if f in present]
    dest.mkdir(parents=True, exist_ok=True)
    if not folders:  # a revision before the data existed: an empty checkout
        return commit
    archive = _git(top, "archive", "--format=tar", tree, "--", *folders)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The "data" filter refuses absolute paths, '..' and links leaving dest.
        tar.extractall(dest, filter="data")
    return commit
