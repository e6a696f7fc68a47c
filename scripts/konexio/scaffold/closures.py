"""Add a closure to an antenna file by editing its text, so every comment stays in place.

A YAML round-trip (load, append, dump) would drop the coordinators' comments and reorder
keys; instead the new item is inserted after the last line of the top-level ``closures:``
list, with the same indentation as the items already there. The result is parsed again
and must hold exactly one more closure, equal to the new one, or nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from konexio.load.yaml_positions import parse_yaml
from konexio.scaffold.drafts import ClosureDraft
from konexio.scaffold.render import render
from konexio.scaffold.words import ScaffoldError

_KEY = re.compile(r"^closures:[ \t]*(?P<rest>[^#\s][^#]*?)?[ \t]*(?P<comment>#.*)?$")
_ITEM = re.compile(r"^(?P<indent>[ ]*)- ")


@dataclass(frozen=True)
class Inserted:
    text: str
    line: int
    """Line (from 1) where the new closure starts."""


def _closures(text: str, path: str) -> list | None:
    doc, problems = parse_yaml(path, text)
    if doc is None or problems or not isinstance(doc.data, dict):
        return None
    found = doc.data.get("closures")
    return found if isinstance(found, list) else None


def insert_closure(text: str, draft: ClosureDraft) -> Inserted:
    """``text`` with the closure of ``draft`` appended to its ``closures:`` list."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    key = next((i for i, line in enumerate(lines) if _KEY.match(line.rstrip("\n"))), None)
    if key is None:
        at = len(lines)
        indent = "  "
        new = ["closures:\n"]
    else:
        match = _KEY.match(lines[key].rstrip("\n"))
        rest = (match["rest"] or "").strip()
        if rest not in ("", "[]"):
            raise ScaffoldError("flow_closures", path=draft.path)
        if rest == "[]":
            comment = f"  {match['comment']}" if match["comment"] else ""
            lines[key] = f"closures:{comment}\n"
        # The list runs until the next line that starts a top-level key.
        end = key + 1
        last_content = key
        indent = None
        while end < len(lines):
            line = lines[end]
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                if not line.startswith((" ", "-")):
                    break
                last_content = end
                item = _ITEM.match(line)
                if item and indent is None:
                    indent = item["indent"]
            end += 1
        at = last_content + 1
        indent = "  " if indent is None else indent
        new = []
    new.append(render("closure.yml.j2", draft=draft, indent=indent))
    before = _closures(text, draft.path)
    result = "".join(lines[:at] + new + lines[at:])
    after = _closures(result, draft.path)
    expected = len(before or []) + 1
    if after is None or len(after) != expected \
            or str(after[-1].get("start")) != draft.start.isoformat():
        raise ScaffoldError("insert_failed", path=draft.path)
    return Inserted(result, at + 1 + (1 if key is None else 0))
