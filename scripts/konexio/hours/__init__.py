"""Volunteers' time: attendance by exception, hours given, their value, attestations.

``attendance`` reads the marks coordinators type in ``Présences`` (people place);
``count`` turns sign-ups x marks x the schedule into hours, per antenna x role x month and
per person; ``report`` writes the treasurer's workbook and CSV (accounts 864/875, the annex
note); ``attestation`` writes a volunteer's one-page PDF; ``read`` is the one place that reads
the sheets for them. The public site gets only what this module reads and writes, hours
per antenna and year, rounded, no names (light: the site build imports it, and nothing of
the people store).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

VOLUNTEER_HOURS = Path(".cache") / "volunteer-hours.json"
"""Hours given per antenna and year, rounded to ten, written by ``konexio coverage``."""


def volunteer_hours(root: Path) -> dict[str, dict[str, int]] | None:
    """Antenna id -> year -> hours given (rounded to ten), or None if never counted."""
    try:
        data = json.loads((root / VOLUNTEER_HOURS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {str(antenna): {str(year): hours for year, hours in years.items()
                           if isinstance(hours, int)}
            for antenna, years in data.items() if isinstance(years, dict)}


def write_volunteer_hours(root: Path, counts: dict[str, dict[str, int]]) -> Path:
    """Write the counts atomically (the site build may read them at any moment)."""
    path = root / VOLUNTEER_HOURS
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".volunteer-hours-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(counts, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(temporary, path)
    return path
