"""Konexio's schedules, site, feeds and volunteer shifts, built from YAML.

The pipeline, one folder a step:
load (YAML with positions) -> model (typed) -> validate -> expand (occurrences)
-> pages / feeds / shifts.
"""

LANGUAGES = ("fr", "en", "ar")
"""Site languages, French first (it is the default and the fallback)."""
