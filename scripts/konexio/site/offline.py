"""Offline reading: the service worker, written at the site's root after the engine.

``service-worker.js`` beside this module is the worker (network first; keeps the pages a
reader opened and what they load; never a query string or a personal calendar). It is
written as ``sw.js`` at the root of the site, so its scope is the whole site in every
language, with ``VERSION`` the digest of the site's pages, styles, scripts and index: two
builds of the same site give the same worker, and any change gives a new one, whose cache
replaces the old ones (the browser compares the worker's bytes at each visit).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from konexio import urls

WORKER = "sw.js"
SOURCE = Path(__file__).with_name("service-worker.js")
VERSIONED = (".html", ".css", ".js", ".json", ".pf_meta", ".pagefind", ".pf_fragment",
             ".pf_index", ".ics", ".svg", ".png", ".xml")


def version(site: Path) -> str:
    """A digest of every file a reader's copy could hold (relative path and bytes)."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            if name == WORKER or not name.endswith(VERSIONED):
                continue
            path = Path(folder, name)
            digest.update(path.relative_to(site).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def write_worker(site: Path) -> str:
    """Write ``sw.js`` into ``site`` and return its version."""
    stamp = version(site)
    text = (SOURCE.read_text(encoding="utf-8").replace("__VERSION__", stamp)
            .replace("__PERSONAL__", urls.PERSONAL_FOLDER))
    (site / WORKER).write_text(text, encoding="utf-8")
    return stamp
