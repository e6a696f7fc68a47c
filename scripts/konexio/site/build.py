"""``konexio build``: the whole site or nothing.

    validate and expand once (translations checked and templates compiled beside)
    -> stage every language -> the engine builds each staged language -> feeds
    -> search index (Pagefind) and service worker over the built site -> swap in whole

The data is checked first (``DataError`` lists every problem, nothing is written); the
pages are staged (``stage.py``) into a temporary folder and built by a plain engine run per
language (MkDocs, as ``mkdocs build -f <stage>/<lang>/mkdocs.yml`` would, or Zensical:
``engines.py``), then finished by our own step over its HTML (``finish.py``); the result
replaces ``out`` only once everything succeeded: a failed build leaves the previous site
untouched.

The engine's runs take most of the time, so our own steps run beside them
(``beside.py``): once the first language is staged, MkDocs builds it while a second
process stages the next languages and writes the feeds into a folder of their own (each
engine run empties its output folder); the feeds join the site before the swap.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from konexio import LANGUAGES, urls
from konexio.pages.render import compile_templates, compiled_templates, use_compiled
from konexio.problems import DataError, Problem
from konexio.site import engines, finish, languages, offline, run, search, stage, translations
from konexio.site.beside import Beside
from konexio.site.lastmod import page_times
from konexio.validate.pages import missing_pages


class BuildFailed(SystemExit):
    """The site could not be built for a reason other than the data (a missing
    translation, a broken link): exits with the message, without a traceback."""


def check_translations(report: translations.Report) -> None:
    """Every fixed word is translated in every language, or ``BuildFailed``."""
    log = logging.getLogger("mkdocs.konexio")
    for line in report.lines():
        (log.info if report.ok else log.error)(line)
    if not report.ok:
        raise BuildFailed("konexio build: the site was not built: some pages or words are "
                          "not translated:\n" + "\n".join(report.lines()[1:]))


def prepare(root: Path, today: date | None = None,
            translated: Callable[[], translations.Report] | None = None
            ) -> tuple[dict, run.Run]:
    """mkdocs.yml and the checked data: everything before anything is written. The data and
    the hand-written pages of every language are checked first (``DataError``), then the
    fixed words' translations (``BuildFailed``), whose report ``translated`` gives when a
    helper made it meanwhile."""
    source = stage.source_config(root)
    pages = missing_pages(root)  # reported with the data's problems, in the same words
    try:
        checked = run.load(root, stage.site_url_of(source), today)
    except DataError as error:
        raise DataError(sorted((*error.problems, *pages), key=Problem.sort_key)) from None
    if pages:
        raise DataError(pages)
    check_translations(translated() if translated else translations.report(root / "docs"))
    for line in translations.data_coverage(checked.site.dataset):
        logging.getLogger("mkdocs.konexio").info(line)
    return source, checked


def engine_build(config_file: Path, site_dir: Path, engine: str = engines.DEFAULT,
                 site_url: str = "/", lastmods: dict | None = None) -> None:
    """One plain engine build of a staged language (strict: a broken link fails), then our
    own step over its HTML (``finish.py``), the same after either engine."""
    engines.build_language(engine, config_file, site_dir)
    lang = languages.language_of(config_file.parent)
    finish.finish_language(site_dir, lang, site_url, lastmods or {})


def build_site(root: Path, out: Path, *, today: date | None = None,
               beside: bool | None = None, keep_stage: Path | None = None,
               engine: str = engines.DEFAULT) -> None:
    """Check the data under ``root`` and build the site into ``out`` (strict, all or
    nothing). ``today`` decides what is "upcoming" (default: the real today); ``beside``
    forces our steps into a second process (True) or this one (False); by default a second
    process is used when the machine has two cores. ``keep_stage`` keeps the staged pages
    the engine built there (replacing that folder), as ``konexio stage`` would write them.
    ``engine`` is ``mkdocs`` or ``zensical`` (``engines.py``)."""
    from konexio.feeds import write_feeds
    from konexio.opendata import write_open_data
    from konexio.opendata.data_inclusion import RefusedRecord

    _show_mkdocs_messages()
    first, *others = LANGUAGES
    # Checking the translations and compiling the page templates need no data: a helper
    # does both (0.14 s) while this process checks the data, and hands over the results.
    early_steps = [("translations", lambda: translations.report(root / "docs")),
                   ("templates", lambda: compiled_templates(first))]
    with Beside(early_steps, fork=beside) as early:
        # DataError or BuildFailed before anything is written
        source, checked = prepare(root, today, lambda: early.wait("translations"))
        use_compiled(early.wait("templates"))
    site = checked.site
    # The data lives until the end of the build: frozen, the collector stops walking it again
    # each time MkDocs' many allocations trigger it (and the fork copies fewer pages).
    gc.freeze()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    staged, feeds, fresh = work / "stage", work / "feeds", work / "site"

    def feeds_step() -> int:
        # The open data (open-data/...) is written beside the feeds and joins the site
        # with them.
        write_open_data(site.dataset, site.schedule, feeds, site.site_url,
                        today=site.today, root=root)
        return len(write_feeds(site.dataset, site.schedule, feeds, site.site_url,
                               today=site.today, root=root))

    def stage_part(lang: str, part: tuple[int, int] = (0, 1), shared: bool = False) -> int:
        # Into an empty folder, each file by one process only: the theme overrides with
        # the first half of the first language, never again (the engine may be reading
        # them while the other process stages the later languages).
        return stage.write_files(staged, stage.planned_files(root, site, [lang], source,
                                                             part, shared))

    # The default language first: MkDocs empties its site_dir, which holds the others. The
    # engine waits for it alone, so both processes stage half of it (every other page).
    steps = [("first", lambda: stage_part(first, (1, 2))),
             *((lang, lambda lang=lang: stage_part(lang)) for lang in others),
             ("feeds", feeds_step)]
    try:
        compile_templates(first)  # compiled code, loaded before the fork for both processes
        with Beside(steps, fork=beside) as helper:
            stage_part(first, (0, 2), shared=True)
            helper.wait("first")
            for lang in (first, *others):
                if lang != first:
                    helper.wait(lang)
                engine_build(staged / lang / "mkdocs.yml", fresh / urls.lang_prefix(lang),
                             engine, site.site_url, page_times(root, site, lang))
            written = helper.wait("feeds")
        _merge(feeds, fresh)
        _refuse_personal_calendars(fresh)
        # Over the whole built site: one search index per language, then the service
        # worker, whose version is a digest of everything above.
        search.index_site(fresh)
        offline.write_worker(fresh)
        logging.getLogger("mkdocs.konexio").info("konexio: %d calendar feeds written",
                                                 written)
    except (engines.EngineFailed, finish.FinishError) as error:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildFailed(f"konexio build: the site was not built: {error}") from None
    except RefusedRecord as error:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildFailed("konexio build: the site was not built: data·inclusion's schema "
                          f"refuses an open-data record: {error}") from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        gc.unfreeze()
    _swap(fresh, out)
    if keep_stage is not None:
        shutil.rmtree(keep_stage, ignore_errors=True)
        keep_stage.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(staged, keep_stage)
    shutil.rmtree(work, ignore_errors=True)


def _merge(extra: Path, into: Path, site: Path | None = None) -> None:
    """Move every file of ``extra`` to the same place under ``into`` (none may be there).

    A folder the engine did not make moves whole, in one rename: on a large network the
    feeds are thousands of files, and each rename costs the file system as much as writing
    a small file."""
    for path in sorted(extra.iterdir()):
        target = into / path.name
        if not target.exists():
            os.replace(path, target)
        elif path.is_dir():
            _merge(path, target, site or into)
        else:
            raise BuildFailed(f"konexio build: {target.relative_to(site or into)} is made "
                              "twice (by the engine and as a calendar feed)")


def _refuse_personal_calendars(site: Path) -> None:
    """The site goes to the gh-pages branch, which anyone who reads the repository can
    list: the folder of the volunteers' secret calendar addresses (served from the
    association's own host) must never be part of it, in any language."""
    for lang in LANGUAGES:
        found = site / urls.lang_prefix(lang) / urls.PERSONAL_FOLDER
        if found.exists():
            raise BuildFailed(
                f"konexio build: the site was not built: it holds {found.relative_to(site)}/, "
                "the folder of the volunteers' personal calendars, whose addresses are "
                "secret and are never published with the site (README, \"Personal "
                f"calendars\"); remove docs/{lang}/{urls.PERSONAL_FOLDER}/")


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
