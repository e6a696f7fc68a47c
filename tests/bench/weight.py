"""How heavy the built pages are for a phone: HTML bytes, and what a first visit fetches.

A browser's first visit to a page fetches the HTML, every stylesheet, script, icon and image
it references, and the fonts those stylesheets declare. The search (Pagefind) fetches
nothing then: what a reader's first search fetches is counted apart (``search_sizes``), per
language. (With Material's lunr search, which the site used before, the first visit also
fetched the search worker and the whole index.) Each file is counted gzip-compressed, as a static
host serves it; references to other hosts are listed, not counted (no network here).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

FONT_URL = re.compile(r"url\(\s*['\"]?([^'\")]+\.woff2)['\"]?\s*\)")
"""Fonts a stylesheet declares; browsers that read woff2 fetch only that format."""


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._config = False
        self.config = ""

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        rel = (attr.get("rel") or "").lower().split()
        if tag == "link" and attr.get("href") and ({"stylesheet", "icon", "preload"} & set(rel)):
            self.found.append(("css" if "stylesheet" in rel else "link", attr["href"]))
        elif tag == "script" and attr.get("src"):
            self.found.append(("js", attr["src"]))
        elif tag == "script" and attr.get("id") == "__config":
            self._config = True
        elif tag in ("img", "source") and attr.get("src"):
            self.found.append(("img", attr["src"]))

    def handle_data(self, data):
        if self._config:
            self.config += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._config = False


@dataclass
class FirstLoad:
    """What a first visit to one page fetches."""

    page: str
    html_bytes: int
    files: dict[str, int] = field(default_factory=dict)
    """Site path -> gzip-compressed bytes, the page itself included."""
    search_index_gz: int = 0
    external: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def total_gz(self) -> int:
        return sum(self.files.values())

    @property
    def without_search_gz(self) -> int:
        return self.total_gz - self.search_index_gz


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def heaviest_html(site: Path) -> tuple[str, int]:
    """The largest HTML page of a built site (path relative to it, bytes)."""
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    size, path = max(pages)
    return path.relative_to(site).as_posix(), size


def _local(site: Path, page_url: str, reference: str) -> Path | None:
    absolute = urljoin("http://site.invalid/" + page_url, reference)
    parts = urlsplit(absolute)
    if parts.netloc != "site.invalid":
        return None
    path = site / parts.path.lstrip("/")
    return path / "index.html" if parts.path.endswith("/") else path


def first_load(site: Path, page: Path) -> FirstLoad:
    """What a first visit to ``page`` (an index.html under ``site``) downloads."""
    rel = page.relative_to(site).as_posix()
    page_url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    html = page.read_text(encoding="utf-8")
    parser = _References()
    parser.feed(html)
    result = FirstLoad(page=rel, html_bytes=len(html.encode()))
    result.files[rel] = gzipped(page)
    wanted = list(parser.found)
    if parser.config.strip():
        config = json.loads(parser.config)
        base = config.get("base", ".")
        index = base.rstrip("/") + "/search/search_index.json"
        if "search" in config and _local(site, page_url, index).is_file():
            # Material's lunr search: the worker, which fetches the index at once (the
            # site's search is Pagefind now, fetched only when the reader searches:
            # search_sizes below; Material names its worker in every page's config).
            wanted.append(("js", config["search"]))
            wanted.append(("index", index))
    seen: set[Path] = set()
    for kind, reference in wanted:
        target = _local(site, page_url, reference)
        if target is None:
            result.external.append(reference)
            continue
        if target in seen:
            continue
        seen.add(target)
        if not target.is_file():
            result.missing.append(reference)
            continue
        size = gzipped(target)
        key = target.relative_to(site).as_posix()
        result.files[key] = size
        if kind == "index":
            result.search_index_gz = size
        if kind == "css":
            css = target.read_text(encoding="utf-8", errors="replace")
            for font in FONT_URL.findall(css):
                font_path = _local(site, key, font)
                if font_path is None:
                    result.external.append(font)
                elif font_path.is_file() and font_path not in seen:
                    seen.add(font_path)
                    result.files[font_path.relative_to(site).as_posix()] = gzipped(font_path)
    return result


@dataclass
class SearchSizes:
    """One language's Pagefind index, and what a first search in it fetches (gzip for
    our files; Pagefind's index files are already compressed and served as they are)."""

    language: str
    pages: int
    index: int
    """The language's meta file and every index chunk: all a search can fetch of it."""
    fragments: int
    """Every page's excerpt record (a search fetches those of the results it shows)."""
    first_search: int
    """Pagefind's script and WebAssembly, the meta file, the largest index chunk, the
    synonyms and the dialog's stylesheet: a first one-word search, before excerpts."""


def search_sizes(site: Path) -> list[SearchSizes]:
    """Per language of the site's Pagefind bundle (``pagefind/pagefind-entry.json``)."""
    bundle = site / "pagefind"
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        return []
    languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
    fixed = gzipped(bundle / "pagefind.js")
    style = next(site.rglob("kx-search.css"), None)
    found = []
    for language, about in sorted(languages.items()):
        meta = bundle / f"pagefind.{about['hash']}.pf_meta"
        chunks = [p.stat().st_size for p in (bundle / "index").glob(f"{language}_*.pf_index")]
        fragments = sum(p.stat().st_size
                        for p in (bundle / "fragment").glob(f"{language}_*.pf_fragment"))
        wasm = bundle / f"wasm.{about['wasm'] or 'unknown'}.pagefind"
        code = language.split("-")[0]
        synonyms = bundle / f"kx-synonyms.{code}.json"
        first = (fixed + wasm.stat().st_size + meta.stat().st_size + max(chunks, default=0)
                 + (gzipped(synonyms) if synonyms.is_file() else 0)
                 + (gzipped(style) if style else 0))
        found.append(SearchSizes(language, about["page_count"],
                                 meta.stat().st_size + sum(chunks), fragments, first))
    return found
