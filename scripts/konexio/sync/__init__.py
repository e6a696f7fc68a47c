"""Step 6: shifts -> merge with what people typed -> Google Sheets or a local workbook.

``plan`` is the pure merge both backends share; ``google`` and ``xlsx`` are the I/O;
``run`` drives one sync; ``coverage`` reads sign-ups back. The public site only ever gets
counts, through ``open_slots``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

OPEN_SLOTS = Path(".cache") / "open-slots.json"
"""Counts of open volunteer slots by shift id, written by ``konexio coverage``; no names."""


def open_slots(root: Path) -> dict[str, int] | None:
    """Shift id (``<occurrence key>/<role>``) -> people still needed, or None if never read.

    The site's volunteers page may show these counts; the occurrence key of an id is
    ``id.rsplit("/", 1)[0]``.
    """
    path = root / OPEN_SLOTS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {str(k): v for k, v in data.items() if isinstance(v, int)}


def write_open_slots(root: Path, slots: dict[str, int]) -> Path:
    """Write the counts atomically (the site build may read them at any moment)."""
    path = root / OPEN_SLOTS
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".open-slots-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(dict(sorted(slots.items())), out, ensure_ascii=False, indent=1)
    os.replace(temporary, path)
    return path
