"""One measurement each, run in a fresh child process (``run.py --child``).

Each task imports what it needs, does its untimed preparation, times one step with
``perf_counter`` and returns a dict of figures. The parent adds the child's peak resident
memory (``ru_maxrss``), so every figure of memory is the peak of one step in its own process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

SITE_URL = "https://konexio.example.org/"
TODAY = date(2026, 11, 24)
"""A fixed day inside the synthetic year, so every run renders the same pages."""


def _timed(step: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def _load(root: Path):
    """The valid dataset and schedule, or exit with the problems (a generator bug)."""
    from konexio.problems import DataError
    from konexio.validate import load_valid

    try:
        return load_valid(root)
    except DataError as error:
        raise SystemExit("\n".join(p.as_text() for p in error.problems[:20])) from None


def validate(root: Path, out: Path) -> dict:
    """``konexio validate``: read, type, check and expand (the expansion is part of it)."""
    from konexio.validate import check

    seconds, checked = _timed(lambda: check(root))
    if checked.problems:
        raise SystemExit("\n".join(p.as_text() for p in checked.problems[:20]))
    return {"seconds": seconds, "occurrences": len(checked.schedule.occurrences)}


def expand(root: Path, out: Path) -> dict:
    """The expansion alone, on an already validated dataset."""
    from konexio.expand.occurrences import expand as expand_dataset
    dataset, _ = _load(root)
    seconds, schedule = _timed(lambda: expand_dataset(dataset))
    return {"seconds": seconds, "occurrences": len(schedule.occurrences)}


def pages(root: Path, out: Path) -> dict:
    """The Markdown of every generated page in every language (``konexio.pages``, no mkdocs)."""
    from konexio import LANGUAGES
    from konexio.pages.render import render_pages
    from konexio.pages.views import Site
    dataset, schedule = _load(root)

    def render():
        site = Site.of(dataset, schedule, TODAY, SITE_URL)
        return {lang: render_pages(site, lang) for lang in LANGUAGES}

    seconds, rendered = _timed(render)
    return {"seconds": seconds, "pages": sum(len(p) for p in rendered.values()),
            "markdown_bytes": sum(len(p.markdown.encode()) for ps in rendered.values()
                                  for p in ps)}


def feeds(root: Path, out: Path) -> dict:
    """Every calendar feed in every language (``konexio.feeds.write_feeds``), with the CPU
    it took in our code (user) and in the kernel creating and writing the files (system)."""
    from konexio.feeds import write_feeds
    dataset, schedule = _load(root)
    before = os.times()
    seconds, written = _timed(lambda: write_feeds(dataset, schedule, out, SITE_URL,
                                                  today=TODAY, root=root))
    after = os.times()
    return {"seconds": seconds, "feeds": len(written),
            "feed_bytes": sum(p.stat().st_size for p in written),
            "user_s": after.user - before.user, "system_s": after.system - before.system}


def build(root: Path, out: Path) -> dict:
    """``konexio build``: validate, stage, MkDocs for every language, feeds; the staged
    pages are kept (``kept_stage``) for the plain engine runs."""
    import mkdocs.commands.build  # noqa: F401  imported untimed, as by the plain build
    import mkdocs.config  # noqa: F401

    import konexio.feeds  # noqa: F401
    from konexio.site.build import build_site

    stage = kept_stage(out)
    seconds, _ = _timed(lambda: build_site(root, out, today=TODAY, keep_stage=stage))
    return {"seconds": seconds, "html_pages": sum(1 for _ in out.rglob("*.html")),
            "stage": str(stage)}


def kept_stage(out: Path) -> Path:
    """Where the build task keeps the pages it staged, for the plain engine runs."""
    return out.with_name(out.name + "-stage")


def _staged(root: Path, out: Path, langs=None):
    """``konexio stage`` into ``out/stage`` (untimed here); returns the stage folder."""
    from konexio import LANGUAGES
    from konexio.site.build import prepare
    from konexio.site.stage import stage

    _, checked = prepare(root, TODAY)
    stage(root, out / "stage", checked.site, langs or LANGUAGES)
    return out / "stage"


def plain(root: Path, out: Path, stage: str = "") -> dict:
    """The engine alone: ``mkdocs build -f <stage>/<lang>/mkdocs.yml`` for every language,
    on the very pages the timed full build staged (``stage``; else ``konexio stage`` is
    run first, untimed), in one process as ``konexio build`` runs them, so both share the
    compiled-template cache of MkDocs' hook (``site/template_cache.py``), then the search
    index (Pagefind, which replaced the engine's own search plugin). What the full build
    adds is exactly our work: validate, expand, render, stage, feeds, finish."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from konexio import LANGUAGES, urls
    from konexio.site.engines import mkdocs_options
    from konexio.site.search import index_site

    staged = Path(stage) if stage else _staged(root, out)
    site = out / "site"

    def build_all():
        for lang in LANGUAGES:
            mkdocs_build(load_config(str(staged / lang / "mkdocs.yml"),
                                     site_dir=str(site / urls.lang_prefix(lang)),
                                     **mkdocs_options()))
        # The search index: inside MkDocs with Material's search plugin, a step of its own
        # with Pagefind (issue 26). Counted here too, so the ratio stays ours over both.
        index_site(site)

    seconds, _ = _timed(build_all)
    return {"seconds": seconds, "html_pages": sum(1 for _ in site.rglob("*.html"))}


def preview(root: Path, out: Path, edits: int = 3) -> dict:
    """What ``konexio serve`` does after a cohort file is saved: validate, expand and
    re-stage the served language (only changed files are written), then the rebuild
    ``mkdocs serve`` runs on the staged folder (dirty: the changed files), in a process
    that has built once. The capacity is changed before each timed rebuild, so the data
    really differs. Timed from the save to the rebuilt site (the watchers' polling is not)."""
    import re

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from konexio import LANGUAGES
    from konexio.site.build import prepare
    from konexio.site.stage import stage

    lang = LANGUAGES[0]
    serve_url = "http://127.0.0.1:8000/"
    site_dir = out / "preview"
    staged = _staged(root, out, [lang])

    def builder(dirty: bool):
        config = load_config(str(staged / lang / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = serve_url
        mkdocs_build(config, serve_url=serve_url, dirty=dirty)

    def rebuild():
        _, checked = prepare(root, TODAY)
        changed = stage(root, staged, checked.site, [lang])
        builder(dirty=True)
        return changed

    builder(dirty=False)
    cohort = sorted((root / "schedules" / "cohorts").rglob("*.yml"))[0]
    original = cohort.read_text(encoding="utf-8")
    times, changed = [], []
    try:
        for n in range(edits):
            edited = re.sub(r"(?m)^capacity: *\d+", f"capacity: {13 + n}", original, count=1)
            cohort.write_text(edited, encoding="utf-8")
            seconds, changed = _timed(rebuild)
            times.append(seconds)
    finally:
        cohort.write_text(original, encoding="utf-8")
    times.sort()
    return {"seconds": times[len(times) // 2], "runs": times, "edited": cohort.name,
            "restaged": len(changed)}


TASKS: dict[str, Callable[[Path, Path], dict]] = {
    "validate": validate, "expand": expand, "pages": pages, "feeds": feeds,
    "build": build, "plain": plain, "preview": preview,
}
