"""The MkDocs hook's cache of compiled theme templates never serves a stale one."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from jinja2 import DictLoader, Environment

HOOK = Path(__file__).parent.parent / "scripts/konexio/site/template_cache.py"


def load_hook():
    spec = importlib.util.spec_from_file_location("kx_hook_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_template_edited_between_builds_is_compiled_again():
    hook = load_hook()
    sources = {"page.html": "v1 {{ x }}"}

    def build_once():  # every MkDocs build makes a new environment, as here
        env = hook.on_env(Environment(loader=DictLoader(sources)), None, None)
        return env.get_template("page.html").render(x=1)

    assert build_once() == "v1 1"
    assert hook._TEMPLATES.compiled  # the bytecode was kept for the next build
    assert build_once() == "v1 1"
    sources["page.html"] = "v2 {{ x }}"
    assert build_once() == "v2 1"
