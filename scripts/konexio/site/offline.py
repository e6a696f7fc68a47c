"""Offline reading: the service worker, written at the site's root after the engine.

``service-worker.js`` beside this module is the worker (network first; keeps the pages a
reader opened and what they load; never a query string or a personal calendar). It is
written as ``sw.js`` at the root of the site, so its scope is the whole site in every
language, with ``VERSION`` a digest of the site's files and search index: two builds of the same
site give the same worker, and a change gives a new one, whose cache replaces the old ones
(the browser compares the worker's bytes at each visit).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from konexio import urls

WORKER = "sw.js"
SOURCE = Path(__file__).with_name("service-worker.js")


def version(site: Path) -> str:
    """A digest of the site as a reader's copy could hold it: every file's path and size,
    and the search index's entry (whose hashes change with the text of any page). Reading
    every byte would cost a second on a large network; a file changed to one of the same
    size and no other change is the only build that keeps its version, and the worker is
    network first: it never shows that copy while the network answers."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            if name == WORKER:
                continue
            path = Path(folder, name)
            digest.update(f"{path.relative_to(site).as_posix()}\0{path.stat().st_size}\0"
                          .encode())
    entry = site / "pagefind" / "pagefind-entry.json"
    if entry.is_file():
        digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def write_worker(site: Path) -> str:
    """Write ``sw.js`` into ``site`` and return its version."""
    stamp = version(site)
    text = (SOURCE.read_text(encoding="utf-8").replace("__VERSION__", stamp)
            .replace("__PERSONAL__", urls.PERSONAL_FOLDER))
    (site / WORKER).write_text(text, encoding="utf-8")
    return stamp
