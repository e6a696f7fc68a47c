"""Put a new file in place; never overwrite one (a coordinator's work may be in it)."""

from __future__ import annotations

from pathlib import Path

from konexio.scaffold.words import ScaffoldError


def write_new(root: Path, rel: str, text: str) -> Path:
    """Create ``root/rel`` with ``text``; ``ScaffoldError('exists')`` if it is there."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" mode: the check and the creation are one step, no race with another writer.
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise ScaffoldError("exists", path=rel) from None
    return path


def rewrite(root: Path, rel: str, text: str) -> Path:
    """Replace an existing file's text (used for closures, after checking the edit)."""
    path = root / rel
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
