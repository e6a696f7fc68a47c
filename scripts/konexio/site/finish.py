"""Our own step over each language's built HTML, the same after either engine
(``engines.py``): nothing of it lives in an engine's hooks or page objects.

- ``<html>`` gets the page's BCP 47 tag (``fa-AF``, not the theme's ``fa``) and ``dir``
  (Material and Zensical write the direction on ``<body>`` only);
- ``sitemap.xml`` (and ``sitemap.xml.gz``) lists every page of the language with its
  ``hreflang`` alternates (the same page in every language) and ``lastmod`` from git.

Alternates live in the sitemap rather than in ``<link rel="alternate">`` tags: Material's
script fetches sitemap.xml next to every such tag, a request to the public host on every
page view (see docs/overrides/main.html).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from konexio import LANGUAGES, urls
from konexio.site import languages

_OPENING = re.compile(r'<html lang="[^"]*" class="no-js">')
"""The ``<html>`` both engines write from Material's ``base.html``."""

SITEMAP = "sitemap.xml"


class FinishError(Exception):
    """A built page has no ``<html>`` opening tag where the theme writes it."""


@dataclass(frozen=True)
class Page:
    """A built page: its address below the language's root (``cohorts/x/``, ``""`` for the
    home page) and when what it shows last changed, if git knows."""

    path: str
    lastmod: datetime | None = None


def html_files(site_dir: Path, lang: str) -> Iterable[Path]:
    """The HTML files of ``lang``'s build under ``site_dir`` (the default language's build
    sits at the root, around the other languages' folders, which are left out)."""
    others = {urls.lang_prefix(other).rstrip("/") for other in LANGUAGES if other != lang}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).parts
        if lang == languages.DEFAULT and relative[0] in others:
            continue
        yield path


def tag_html(site_dir: Path, lang: str) -> int:
    """Write ``lang``'s BCP 47 tag and direction on the ``<html>`` of every page of its
    build; returns how many pages. ``FinishError`` when a page lacks the tag to change."""
    opening = f'<html lang="{languages.TAGS[lang]}" dir="{languages.DIRECTION[lang]}" ' \
              'class="no-js">'
    count = 0
    for path in html_files(site_dir, lang):
        text = path.read_text(encoding="utf-8")
        tagged, found = _OPENING.subn(opening, text, count=1)
        if not found:
            raise FinishError(f"{path.relative_to(site_dir)}: no <html lang class=no-js>")
        if tagged != text:
            path.write_text(tagged, encoding="utf-8")
        count += 1
    return count


def page_paths(site_dir: Path, lang: str) -> list[str]:
    """Every page of ``lang``'s build, as its address below the language's root (the
    folder of an ``index.html``; 404.html is no page to list)."""
    found = []
    for path in html_files(site_dir, lang):
        relative = path.relative_to(site_dir).as_posix()
        if relative == "404.html":
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            found.append(relative[: -len("index.html")])
        else:
            found.append(relative)
    return sorted(found)


def sitemap(pages: Iterable[Page], lang: str, site_url: str) -> str:
    """The sitemap of ``lang``'s pages: each with its address in every language."""
    alternates = languages.alternates(lang, site_url)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    own = urls.absolute_url(site_url, urls.lang_prefix(lang))
    for page in pages:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(own + page.path)}</loc>")
        if page.lastmod is not None:
            lines.append(f"    <lastmod>{page.lastmod.date().isoformat()}</lastmod>")
        for alt in alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt.tag}" '
                         f'href={quoteattr(alt.absolute + page.path)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(site_dir: Path, lang: str, site_url: str,
                  lastmods: Mapping[str, datetime]) -> int:
    """``sitemap.xml`` and its gzip of ``lang``'s build; ``lastmods`` by page address
    (language-neutral, as ``page_paths`` gives it). Returns how many pages it lists."""
    pages = [Page(path, lastmods.get(path)) for path in page_paths(site_dir, lang)]
    text = sitemap(pages, lang, site_url).encode("utf-8")
    (site_dir / SITEMAP).write_bytes(text)
    # mtime=0: the same pages give the same bytes (gzip's header would hold the time).
    (site_dir / f"{SITEMAP}.gz").write_bytes(gzip.compress(text, mtime=0))
    return len(pages)


def finish_language(site_dir: Path, lang: str, site_url: str,
                    lastmods: Mapping[str, datetime]) -> int:
    """Both steps over one language's fresh build (before the next language is built into
    a folder below it); returns how many pages."""
    count = tag_html(site_dir, lang)
    write_sitemap(site_dir, lang, site_url, lastmods)
    return count
