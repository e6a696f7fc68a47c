"""MkDocs hook (``engines.py`` names it for the MkDocs engine only): the theme's templates
compiled once per process, for the five language builds of ``konexio build`` and every
rebuild of ``konexio serve``. It changes no output: Zensical, which runs no MkDocs hook,
builds the same pages without it (it compiles its templates once per run anyway).
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


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


# MkDocs loads a hook file once per path and process: every language's build names this
# file, so they share this cache.
_TEMPLATES = CompiledTemplates()


def on_env(env, config, files):
    env.bytecode_cache = _TEMPLATES
    return env
