"""MkDocs hook for presentation only (``hooks:`` in mkdocs.yml, staged with the theme).

It reads no data: the pages reach the engine as staged files (``konexio stage``). It does
two things an engine without hooks (Zensical) can do without:

- declare the direction on ``<html>`` too, and the page's BCP 47 tag (Material sets ``dir``
  on ``<body>`` only and writes its own language code; the staged config names both in
  ``extra.kx_dir`` and ``extra.kx_tag``);
- keep the theme's compiled templates for the next build in the same process (the three
  language builds of ``konexio build``, every rebuild of ``mkdocs serve``).
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.exceptions import PluginError


class CompiledTemplates(BytecodeCache):
    """Theme templates compiled once per process, not once per build.

    Every MkDocs build makes a new Jinja environment and compiles Material's ~40 templates
    again. Jinja checks each template's source checksum before reusing its bytecode, so an
    edited template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


# MkDocs loads a hook file once per path and process: every language's staged config
# names the same file (the shared staged overrides), so they share this cache.
_TEMPLATES = CompiledTemplates()


def on_env(env, config, files):
    env.bytecode_cache = _TEMPLATES
    return env


def on_post_page(output: str, page, config) -> str:
    html = _with_direction(output, config)
    if html == output:
        raise PluginError(f"{page.file.src_uri}: no <html lang class=no-js> to add dir= to")
    return html


def on_post_template(output: str, template_name: str, config) -> str:
    """The same for the pages made from a template alone (404.html)."""
    return _with_direction(output, config)


def _with_direction(output: str, config) -> str:
    # Material writes its own language code (fa); the page's is the BCP 47 tag (fa-AF).
    tag, direction = config.extra.get("kx_tag"), config.extra.get("kx_dir")
    if not tag or not direction:
        return output
    opening = f'<html lang="{config.theme["language"]}" class="no-js">'
    return output.replace(opening, f'<html lang="{tag}" dir="{direction}" class="no-js">', 1)
