"""``konexio serve``: live preview of one language, a plain ``mkdocs serve`` of its stage.

    edit schedules/ volunteers/ docs/ mkdocs.yml
      -> (watcher, this module) validate, expand, re-stage the language: only files whose
         bytes changed are written
      -> (mkdocs serve, watching the staged folder) rebuilds and reloads the browser

One language is served at a time (``--site-lang``; the language switch then leads to pages
that are not served). A data mistake is printed and the preview keeps the last good pages.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from konexio.problems import DataError

WATCHED = ("schedules", "volunteers", "docs", "mkdocs.yml")
log = logging.getLogger("mkdocs.konexio.serve")


def _sources(root: Path) -> Iterator[Path]:
    for name in WATCHED:
        path = root / name
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def snapshot(root: Path) -> dict[Path, tuple[int, int]]:
    """Size and modification time of every watched file."""
    found = {}
    for path in _sources(root):
        try:
            info = path.stat()
        except FileNotFoundError:  # removed while we looked
            continue
        found[path] = (info.st_size, info.st_mtime_ns)
    return found


def restage(root: Path, out: Path, lang: str) -> list[Path] | None:
    """Validate and stage ``lang`` again; the changed files, or None after a data error
    (reported, the staged pages left as they were)."""
    from konexio.site.build import prepare
    from konexio.site.stage import stage

    try:
        _, checked = prepare(root)
    except DataError as error:
        for found in error.problems:
            log.error(found.as_text())
        log.error("%d problem(s) in the data: the preview keeps the last good pages",
                  len(error.problems))
        return None
    except SystemExit as error:  # a missing translation, a page in the way
        log.error("%s", error)
        return None
    return stage(root, out, checked.site, [lang])


def watch(root: Path, out: Path, lang: str, stop: threading.Event,
          interval: float = 0.3) -> None:
    """Re-stage whenever a watched file changes, until ``stop`` is set."""
    seen = snapshot(root)
    while not stop.wait(interval):
        now = snapshot(root)
        if now == seen:
            continue
        seen = now
        started = time.perf_counter()
        changed = restage(root, out, lang)
        if changed is not None:
            log.info("konexio: re-staged %d file(s) in %.2f s", len(changed),
                     time.perf_counter() - started)


def serve(root: Path, out: Path, lang: str, dev_addr: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    from konexio.site import engines
    from konexio.site.build import _show_mkdocs_messages

    _show_mkdocs_messages()
    if restage(root, out, lang) is None:
        raise SystemExit("konexio serve: fix the data first (see above)")
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(root, out, lang, stop), daemon=True)
    watcher.start()
    try:
        # dirty: MkDocs renders again only the staged files that changed, which are
        # exactly the pages an edit affects (the navigation is fixed, data pages are not
        # in it); the preview's search index then holds those pages only.
        mkdocs_serve(str(out / lang / "mkdocs.yml"), livereload=True, watch_theme=True,
                     build_type="dirty", dev_addr=dev_addr, **engines.mkdocs_options())
    finally:
        stop.set()
