"""``konexio build``: the whole site or nothing.

    check translations -> validate and expand once -> stage every language
    -> the engine builds each staged language -> feeds -> swap in whole

The data is checked first (``DataError`` lists every problem, nothing is written); the
pages are staged (``stage.py``) into a temporary folder and built by a plain MkDocs run per
language, with the staged config as ``mkdocs build -f <stage>/<lang>/mkdocs.yml`` would;
the result replaces ``out`` only once everything succeeded: a failed build leaves the
previous site untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from konexio import LANGUAGES, urls
from konexio.site import run, stage, translations


class BuildFailed(SystemExit):
    """The site could not be built for a reason other than the data (a missing
    translation, a broken link): exits with the message, without a traceback."""


def check_translations(root: Path) -> None:
    """Every hand-written page and fixed word exists in every language, or ``BuildFailed``."""
    report = translations.report(root / "docs")
    log = logging.getLogger("mkdocs.konexio")
    for line in report.lines():
        (log.info if report.ok else log.error)(line)
    if not report.ok:
        raise BuildFailed("konexio build: the site was not built: some pages or words are "
                          "not translated:\n" + "\n".join(report.lines()[1:]))


def prepare(root: Path, today: date | None = None) -> tuple[dict, run.Run]:
    """mkdocs.yml and the checked data: everything before anything is written."""
    check_translations(root)
    source = stage.source_config(root)
    checked = run.load(root, stage.site_url_of(source), today)
    for line in translations.data_coverage(checked.site.dataset):
        logging.getLogger("mkdocs.konexio").info(line)
    return source, checked


def engine_build(config_file: Path, site_dir: Path) -> None:
    """One plain MkDocs build of a staged language (strict: a broken link fails)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(config_file), site_dir=str(site_dir), strict=True))


def build_site(root: Path, out: Path, *, today: date | None = None) -> None:
    """Check the data under ``root`` and build the site into ``out`` (strict, all or
    nothing). ``today`` decides what is "upcoming" (default: the real today)."""
    from mkdocs.exceptions import MkDocsException

    from konexio.feeds import write_feeds

    _show_mkdocs_messages()
    source, checked = prepare(root, today)  # raises DataError before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}-stage-", dir=out.parent))
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        stage.write_changed(staged, stage.planned_files(root, checked.site, LANGUAGES, source))
        # The default language first: MkDocs empties its site_dir, which holds the others.
        for lang in LANGUAGES:
            engine_build(staged / lang / "mkdocs.yml", fresh / urls.lang_prefix(lang))
        site = checked.site
        written = write_feeds(site.dataset, site.schedule, fresh, site.site_url,
                              today=site.today, root=root)
        logging.getLogger("mkdocs.konexio").info("konexio: %d calendar feeds written",
                                                 len(written))
    except MkDocsException as error:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildFailed(f"konexio build: the site was not built: {error}") from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)
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
