"""JSON Schemas of the YAML files, generated from the typed model (never written by hand),
so editors and the validator cannot disagree on what a key is called."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from konexio.load.discover import LOCATIONS, Kind
from konexio.model import MODELS

SCHEMA_DIR = "schedules/schema"


def schema_path(kind: Kind) -> str:
    return f"{SCHEMA_DIR}/{kind.value}.schema.json"


def _drop_time_format(node: Any) -> None:
    # JSON Schema's "time" format means HH:MM:SS with a zone; coordinators write "14:00",
    # which our own pattern describes.
    if isinstance(node, dict):
        if node.get("format") == "time":
            del node["format"]
        for value in node.values():
            _drop_time_format(value)
    elif isinstance(node, list):
        for value in node:
            _drop_time_format(value)


def schema_of(kind: Kind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file."""
    schema = MODELS[kind].model_json_schema()
    _drop_time_format(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://konexio.eu/schema/{kind.value}.schema.json",
        "title": f"Konexio {kind.value} ({LOCATIONS[kind]})",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def render(kind: Kind) -> str:
    return json.dumps(schema_of(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_all(root: Path) -> list[Path]:
    """Write every schema under ``root``; returns the files that changed."""
    changed = []
    for kind in Kind:
        path = root / schema_path(kind)
        text = render(kind)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale(root: Path) -> list[str]:
    """Schema files that differ from what the model generates."""
    return [schema_path(k) for k in Kind
            if not (root / schema_path(k)).exists()
            or (root / schema_path(k)).read_text(encoding="utf-8") != render(k)]
