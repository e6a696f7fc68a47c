"""Lighthouse (mobile) on every page template in every language of the built shipped site.

The site is served by ``gzip_server`` (compressed, as the public host serves it) and
Lighthouse 12 (``tests/bench/package.json``, ``npm ci`` in ``tests/bench``) drives
Debian's Chromium through ``lighthouse.mjs``: two Chromiums share the pages (see ``audit``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from konexio import LANGUAGES, urls

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
HAND_WRITTEN = ("guide",)
"""Hand-written pages share one template (Material's page): its longest page (tables,
code) stands for them all."""


@dataclass(frozen=True)
class Score:
    template: str
    lang: str
    path: str
    performance: int
    cls: float
    runs: int


def missing_tools() -> str | None:
    if not Path(CHROMIUM).is_file():
        return f"{CHROMIUM} is not installed"
    if shutil.which("node") is None:
        return "node is not installed"
    if not (HERE / "node_modules" / "lighthouse").is_dir():
        return "Lighthouse is not installed: cd tests/bench && npm ci"
    return None


def pages_of(site: Path) -> dict[str, str]:
    """Template -> one page of it (site-relative, in the default language)."""
    first = lambda folder: sorted(p.name for p in (site / folder).iterdir()  # noqa: E731
                                  if (p / "index.html").is_file())[0]
    pages = {
        "home": urls.page_dir("home"),
        "programs": urls.page_dir("programs"),
        "program": urls.page_dir("program", first("programs")),
        "antennas": urls.page_dir("antennas"),
        "antenna": urls.page_dir("antenna", first("antennas")),
        "cohort": urls.page_dir("cohort", first("cohorts")),
        "volunteers": urls.page_dir("volunteers"),
        "impact": urls.page_dir("impact"),
        "calendars": urls.page_dir("calendars"),
    }
    pages.update({name: f"{name}/" for name in HAND_WRITTEN})
    return pages


def _run(base: str, paths: list[str], streams: int = 1) -> dict[str, dict]:
    """Lighthouse on ``paths``, split over ``streams`` Chromiums running at once."""
    shares = [paths[i::streams] for i in range(streams) if paths[i::streams]]
    running = [subprocess.Popen(["node", str(HERE / "lighthouse.mjs"), CHROMIUM,
                                 *(base + path for path in share)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=HERE) for share in shares]
    found = {}
    for process in running:
        out, err = process.communicate()
        if process.returncode != 0:
            raise RuntimeError("lighthouse failed: " + err[-2000:])
        for line in out.splitlines():
            if line.startswith("{"):
                result = json.loads(line)
                if result["error"]:
                    raise RuntimeError(f"lighthouse on {result['url']}: {result['error']}")
                found[result["url"][len(base):]] = result
    return found


def audit(site: Path, streams: int = 2) -> list[Score]:
    """Every template in every language, once, in ``streams`` Chromiums at once; those
    under target once more, alone (the better run kept).

    Two at once on two cores take a fifth less time (258 s instead of 290-330 s for the 50
    pages here, 2026-12-02: Lighthouse's own work is most of it) and can only lower a
    score (Lighthouse simulates a slow phone from the tasks it observed, which take longer
    when the cores are shared); layout shifts do not depend on it. A page that passes that
    way passes, one that does not is measured again with the machine to itself."""
    from bench.gzip_server import serve

    server, base = serve(site)
    try:
        wanted = [(template, lang, urls.lang_prefix(lang) + path)
                  for template, path in pages_of(site).items() for lang in LANGUAGES]
        first = _run(base, [path for _, _, path in wanted], streams)
        again = [path for path in first
                 if first[path]["performance"] < 95 or first[path]["cls"] >= 0.1]
        second = _run(base, again) if again else {}
    finally:
        server.shutdown()
        server.server_close()
    scores = []
    for template, lang, path in wanted:
        runs = [first[path]] + ([second[path]] if path in second else [])
        best = max(runs, key=lambda r: (r["performance"], -r["cls"]))
        scores.append(Score(template, lang, path, best["performance"], best["cls"], len(runs)))
    return scores
