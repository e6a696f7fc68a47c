"""Konexio's schedules, site, feeds and volunteer shifts, built from YAML.

The pipeline, one folder a step:
load (YAML with positions) -> model (typed) -> validate -> expand (occurrences)
-> pages / feeds / shifts.
"""

from konexio.i18n import LANGUAGES, REQUIRED

__all__ = ["LANGUAGES", "REQUIRED"]
"""Site languages, French first (it is the default and the fallback), as listed in
``konexio/locale/languages.yml``; ``REQUIRED`` are those every YAML text must have."""
