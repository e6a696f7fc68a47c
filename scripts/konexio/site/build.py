"""``konexio build``: the whole site or nothing.

The data is checked first (``DataError`` lists every problem, nothing is written), then the
three language builds run into a fresh folder next to ``out``, which replaces ``out`` only
once everything succeeded: a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from konexio.site import languages, run


class BuildFailed(SystemExit):
    """The site could not be built for a reason other than the data (a missing
    translation, a broken link): exits with the message, without a traceback."""


def build_site(root: Path, out: Path, *, today: date | None = None) -> None:
    """Check the data under ``root`` and build the site into ``out`` (strict, all or
    nothing). ``today`` decides what is "upcoming" (default: the real today)."""
    _show_mkdocs_messages()
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    site_url = languages.root_site_url(config.site_url or "/", languages.DEFAULT)
    checked = run.load(root, site_url, today)  # raises DataError before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    config.site_dir = str(fresh)
    try:
        with run.provided(checked):
            build(config)
    except MkDocsException as error:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildFailed(f"konexio build: the site was not built: {error}") from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    _swap(fresh, out)


def _swap(fresh: Path, out: Path) -> None:
    """Put ``fresh`` in the place of ``out`` with two renames (the old one is then removed)."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        os.replace(out, old / out.name)
    os.replace(fresh, out)
    if old is not None:
        shutil.rmtree(old)


def _show_mkdocs_messages() -> None:
    """Show mkdocs' warnings and errors on the terminal like ``mkdocs build`` does."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
