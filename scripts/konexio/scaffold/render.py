"""Lay drafts out as commented YAML with Jinja templates (``templates/*.yml.j2``)."""

from __future__ import annotations

import json
import posixpath
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from konexio.load.discover import Kind
from konexio.schema import schema_path


def yaml_string(value: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar: no ': ', '#' or 'no' trap survives.
    return json.dumps(value, ensure_ascii=False)


@cache
def environment() -> Environment:
    # Autoescape is for HTML; YAML values are quoted by the ``yaml`` filter instead.
    env = Environment(loader=PackageLoader("konexio.scaffold", "templates"),
                      autoescape=False, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["yaml"] = yaml_string
    return env


def schema_line(kind: Kind, rel: str) -> str:
    """The first line of a data file: tells editors (VS Code, github.dev) its JSON Schema."""
    target = posixpath.relpath(schema_path(kind), posixpath.dirname(rel))
    return f"# yaml-language-server: $schema={target}"


def render(template: str, **values) -> str:
    return environment().get_template(template).render(**values)
