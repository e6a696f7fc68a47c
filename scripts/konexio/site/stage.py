"""The staged site source: per language, a plain MkDocs project any engine can build.

``stage(root, out, site)`` writes, for every language of ``LANGUAGES``::

    out/overrides/                  the theme override (docs/overrides), shared
    out/<lang>/mkdocs.yml           mkdocs.yml with this language's settings filled in
    out/<lang>/docs/                docs/<lang>/ plus every page made from the data

so ``mkdocs build -f out/<lang>/mkdocs.yml`` (or Zensical's ``build -f``) makes that
language's part of the site, with no hook: what a hook used to set at build time (theme
language, the search's words, language switch, site address) is written into the config,
and what we add to the HTML (``<html lang dir>``, sitemaps) is our own step after the
engine (``finish.py``).

A file is written only when its bytes change and files no longer produced are removed, so a
watching engine (``mkdocs serve -f out/<lang>/mkdocs.yml``) rebuilds on real edits only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

import yaml

from konexio import LANGUAGES, i18n, urls
from konexio.pages import share_image, words
from konexio.pages.render import render_pages
from konexio.pages.views import Site
from konexio.site import languages, search

SOURCE_KEYS_DROPPED = ("docs_dir", "site_dir", "watch", "hooks")
"""Keys of mkdocs.yml that the staged config replaces."""
OVERRIDES = "overrides"
"""The staged copy of the theme's ``custom_dir``, next to the language folders."""


class StageError(SystemExit):
    """The pages cannot be staged (a hand-written page in the place of a generated one)."""


def source_config(root: Path) -> dict:
    """mkdocs.yml as plain data (it uses no YAML tags)."""
    with (root / "mkdocs.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def site_url_of(config: dict) -> str:
    """The public address of the whole site (mkdocs.yml's ``site_url``, default ``/``)."""
    return languages.root_site_url(config.get("site_url") or "/", languages.DEFAULT)


def language_config(source: dict, root: Path, lang: str, site_url: str) -> dict:
    """mkdocs.yml for the staged build of ``lang``: paths into the staged folder, the
    language's own address, theme language, the search's words, and the switch between
    languages."""
    config = {key: value for key, value in source.items() if key not in SOURCE_KEYS_DROPPED}
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["site_url"] = urls.absolute_url(site_url, urls.lang_prefix(lang))
    theme = dict(source.get("theme") or {})
    custom_dir = theme.get("custom_dir")
    theme["language"] = languages.THEME[lang]
    if custom_dir:
        theme["custom_dir"] = f"../{OVERRIDES}"
    config["theme"] = theme
    config["plugins"] = list(source.get("plugins") or [])
    if source.get("hooks"):
        # The data reaches the engine as staged pages, and what we add to the HTML is our
        # own step after it (finish.py): no hook, which Zensical would silently ignore.
        raise StageError("mkdocs.yml: remove hooks: (the site runs no engine hook; "
                         "see README, \"Two engines\")")
    config["extra"] = {
        **(source.get("extra") or {}),
        "kx_lang": lang,
        "kx_dir": languages.DIRECTION[lang],
        "kx_tag": languages.TAGS[lang],
        "kx_share_image": urls.absolute_url(site_url, share_image.PATH),
        "kx_guide": i18n.gettext(lang, words.GUIDE),
        "kx_search": search.words(lang),
        "kx_alternates": [dataclasses.asdict(alt)
                          for alt in languages.alternates(lang, site_url)],
    }
    return config




def planned_files(root: Path, site: Site, langs: Iterable[str] = LANGUAGES,
                  source: dict | None = None, part: tuple[int, int] = (0, 1),
                  shared: bool = True) -> dict[Path, bytes]:
    """Every staged file (relative path -> bytes) of ``langs``, with the theme overrides
    the languages share unless ``shared`` is false; with ``part`` (k, n), only part k of
    n: the generated pages ``render_pages`` gives that part, in part 0 alone the config,
    the overrides and the hand-written pages, in the last part the share picture (the n
    parts make the whole, each file in one part)."""
    source = source if source is not None else source_config(root)
    whole = part[0] == 0
    site_url = site_url_of(source)
    files: dict[Path, bytes] = {}
    custom_dir = (source.get("theme") or {}).get("custom_dir")
    if custom_dir and whole and shared:
        files.update(_tree(root / custom_dir, Path(OVERRIDES)))
    for lang in langs:
        docs = Path(lang, "docs")
        hand_written = _tree(root / "docs" / lang, docs)
        if whole:
            config = language_config(source, root, lang, site_url)
            files[Path(lang, "mkdocs.yml")] = (
                "# Staged by `konexio stage` from mkdocs.yml: edit that file, not this one.\n"
                + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)).encode("utf-8")
            files.update(hand_written)
        for page in render_pages(site, lang, part):
            target = docs / page.src_uri
            if target in hand_written:
                raise StageError(f"docs/{lang}/{page.src_uri} is made from the data: "
                                 "remove the hand-written file.")
            files[target] = page.markdown.encode("utf-8")
        last = part[0] == part[1] - 1
        if lang == languages.DEFAULT and last:  # one share picture for every language
            files[docs / share_image.PATH] = share_image.share_image(site)
    return files


def _tree(folder: Path, into: Path) -> dict[Path, bytes]:
    return {into / path.relative_to(folder): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()
            and "__pycache__" not in path.parts}


def write_files(out: Path, files: dict[Path, bytes]) -> int:
    """Write ``files`` under ``out``, an empty folder two processes may share (nothing is
    compared or removed); return how many."""
    for relative, content in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return len(files)


def write_changed(out: Path, files: dict[Path, bytes],
                  langs: Iterable[str] | None = None) -> list[Path]:
    """Write the files whose bytes differ and remove the staged files no longer planned
    (under the language folders of ``langs`` and the overrides); return what changed."""
    changed = []
    for relative, content in files.items():
        target = out / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        changed.append(relative)
    owned = [OVERRIDES, *(langs if langs is not None else LANGUAGES)]
    for top in owned:
        for path in sorted((out / top).rglob("*"), reverse=True) if (out / top).exists() else ():
            relative = path.relative_to(out)
            if path.is_file() and relative not in files and relative.parts[1:2] != ("site",):
                path.unlink()
                changed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def stage(root: Path, out: Path, site: Site, langs: Iterable[str] = LANGUAGES) -> list[Path]:
    """Stage ``langs`` of ``site`` under ``out``; return the paths (relative to ``out``)
    written or removed."""
    langs = list(langs)
    return write_changed(out, planned_files(root, site, langs), langs)
