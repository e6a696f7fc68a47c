"""The site engines that turn one staged language into HTML: MkDocs (the default) or
Zensical, Material's successor (``konexio build --engine zensical``).

Both read the same staged ``mkdocs.yml`` and pages and the same theme overrides; what we
add after them (``finish.py``: ``<html lang dir>``, sitemaps; then the search index, feeds
and open data) runs the same way after either.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ENGINES = ("mkdocs", "zensical")
DEFAULT = "mkdocs"

TEMPLATE_CACHE = Path(__file__).with_name("template_cache.py")
"""A speed-up only MkDocs runs (a hook): the theme compiled once for every language."""


class EngineFailed(Exception):
    """The engine refused the staged pages (a broken link under strict, a template error);
    the message is the engine's own."""


def build_language(engine: str, config_file: Path, site_dir: Path) -> None:
    """Build the staged language of ``config_file`` into ``site_dir`` with ``engine``."""
    if engine == "mkdocs":
        _mkdocs(config_file, site_dir)
    elif engine == "zensical":
        _zensical(config_file, site_dir)
    else:
        raise ValueError(f"unknown engine {engine!r}; one of {ENGINES}")


def mkdocs_options() -> dict:
    """What ``konexio build`` and ``konexio serve`` give MkDocs beyond the staged config."""
    return {"hooks": [str(TEMPLATE_CACHE)]}


def _mkdocs(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        build(load_config(str(config_file), site_dir=str(site_dir), strict=True,
                          **mkdocs_options()))
    except MkDocsException as error:
        raise EngineFailed(str(error)) from None


def zensical_command() -> list[str]:
    """How to run Zensical installed in this environment (``make zensical``), or
    ``EngineFailed`` saying how to install it."""
    found = Path(sys.executable).with_name("zensical")
    if not found.exists():
        on_path = shutil.which("zensical")
        if on_path is None:
            raise EngineFailed("Zensical is not installed here: run `make zensical` (it is "
                               "an optional part of uv.lock, left out of `make site`)")
        found = Path(on_path)
    return [str(found)]


def _zensical(config_file: Path, site_dir: Path) -> None:
    # Zensical writes only inside its project (the config's folder): it builds into the
    # staged language's own site/, which then takes the place of ``site_dir``, emptied
    # first as MkDocs empties it.
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    # MkDocs' hooks mean nothing to Zensical, which ignores them silently.
    config.pop("hooks", None)
    config["site_dir"] = "site"
    # The "classic" look is Material's, which our stylesheet was written for (Zensical's
    # default, "modern", restyles the header, fonts and spacing).
    config["theme"] = {**config.get("theme", {}), "variant": "classic"}
    copy = config_file.with_name("zensical.yml")
    copy.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    built = config_file.parent / "site"
    shutil.rmtree(built, ignore_errors=True)
    done = subprocess.run([*zensical_command(), "build", "--clean", "--strict", "-f", str(copy)],
                          cwd=config_file.parent, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise EngineFailed(f"Zensical: {lines[-1] if lines else done.returncode}")
    # Zensical writes its own search index whatever the config says (0.0.73 has no switch
    # for it); no page loads it, the search is Pagefind's, and it would list the
    # coordinators' guide, which the site keeps out of search.
    (built / "search.json").unlink(missing_ok=True)
    shutil.rmtree(site_dir, ignore_errors=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    os.replace(built, site_dir)
