"""Synthetic networks for the benchmark: the real programs and roles, invented antennas.

A network of ``n`` antennas is written as YAML files under a root folder, exactly where a
coordinator would put them (``schedules/antennas/<id>.yml``,
``schedules/cohorts/<antenna>/<id>.yml``), so the benchmark times the same code path as the
real site: load, validate, expand, pages, feeds, build.

Each antenna is a copy of one real antenna (texts, venues, closures, country and time zone,
taken in turn) under a new id, with a year of cohorts: ``COHORTS_PER_ANTENNA`` cohorts of
``WEEKS`` weeks, two weekly sessions each, one cancelled and one moved session each. Every
cohort of an antenna has its own weekdays and hours, so no room is ever taken twice; the
cancelled and moved days are picked among the days the venue is open (public holidays and
closures come from ``konexio.expand.closed_days``, the same function the expander uses).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from konexio.expand.closed_days import closed_days
from konexio.model.antenna import Antenna

REPO = Path(__file__).resolve().parents[2]

COHORTS_PER_ANTENNA = 8
"""Two cohorts a term, four terms: about what a real antenna runs in a year."""
WEEKS = 10
TERMS = (date(2026, 9, 7), date(2026, 11, 16), date(2027, 2, 1), date(2027, 4, 19))
"""Mondays on which each term's cohorts start."""
DAY_PAIRS = (("monday", "wednesday"), ("tuesday", "thursday"))
HOURS = ("09:00", "11:00", "14:00", "16:00")
"""With ``DAY_PAIRS``, eight distinct weekly slots: one per cohort of an antenna."""
LANGUAGE = {"FR": "fr", "JO": "ar"}
"""Language of instruction by country (English elsewhere)."""

SITE_FILES = ("mkdocs.yml", "docs")
"""What the site build reads besides the data, copied when present in the repository."""
LINKED = ("scripts",)
"""Linked, not copied: the code the build runs (and scripts/babel-*.cfg beside it)."""


@dataclass(frozen=True)
class Network:
    """What was written: where, and how much of it."""

    root: Path
    antennas: int
    cohorts: int
    sessions: int
    """Weekly sessions written (each expands to one occurrence per week)."""


def _clock(hhmm: str, hours: int) -> str:
    h, m = map(int, hhmm.split(":"))
    return f"{h + hours:02d}:{m:02d}"


def _dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def _templates() -> list[tuple[str, dict]]:
    """The real antennas, as plain data, in a stable order."""
    found = sorted((REPO / "schedules" / "antennas").glob("*.yml"))
    return [(path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in found]


def _antenna(template_id: str, template: dict, number: int) -> dict:
    data = dict(template)
    data["name"] = {lang: f"{text} {number}" for lang, text in template["name"].items()}
    data["order"] = number
    data["contact"] = {**template["contact"], "email": f"antenna-{number}@example.org"}
    return data


def _open_days(antenna: Antenna, venue: str, days: list[date]) -> list[date]:
    if not days:
        return []
    closed = closed_days(antenna, venue, min(days), max(days))
    return [day for day in days if day not in closed]


def _cohort(antenna_id: str, antenna: Antenna, index: int, program: str) -> dict:
    term = TERMS[index // 2]
    days = DAY_PAIRS[index % 2]
    start_clock = HOURS[index // 2]
    venue = antenna.venues[index % len(antenna.venues)]
    room = venue.rooms[index % len(venue.rooms)] if venue.rooms else None
    first = term + timedelta(days=index % 2)  # Monday or Tuesday
    end = term + timedelta(weeks=WEEKS, days=-3)  # a Friday
    sessions = []
    for day in days:
        session = {"day": day, "start": start_clock, "end": _clock(start_clock, 2)}
        if room:
            session["room"] = room
        sessions.append(session)
    # The first weekday of each week from the third on, when the venue is open.
    weekly = [first + timedelta(weeks=w) for w in range(2, WEEKS)]
    usable = _open_days(antenna, venue.id, weekly)
    cohort: dict = {
        "program": program, "venue": venue.id, "start": first, "end": end,
        "language": LANGUAGE.get(antenna.country, "en"), "capacity": 12,
        "status": "closed" if index < 2 else ("full" if index == 2 else "open"),
        "sessions": sessions,
    }
    if len(usable) >= 2:
        cohort["cancelled"] = [{"date": usable[0], "reason": {
            "fr": "Formateur absent", "en": "Trainer away", "ar": "المدرب غائب"}}]
        cohort["moved"] = [{"date": usable[1], "to_start": "18:00", "to_end": "20:00",
                            "reason": {"fr": "Salle prise le matin", "en": "Room taken earlier",
                                       "ar": "القاعة محجوزة صباحاً"}}]
    return cohort


def copy_site_skeleton(root: Path) -> None:
    """What the site build needs besides the data: mkdocs.yml, the hand-written pages and
    theme overrides (``docs/``), and the code (``scripts/``, linked)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        (root / name).symlink_to(REPO / name, target_is_directory=True)
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            shutil.copy(source, root / name)


def copy_site_files(root: Path) -> None:
    """The real programs and roles, and the site skeleton."""
    shutil.copytree(REPO / "schedules" / "programs", root / "schedules" / "programs")
    (root / "volunteers").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "volunteers" / "roles.yml", root / "volunteers" / "roles.yml")
    shutil.copy(REPO / "volunteers" / "sheets.yml", root / "volunteers" / "sheets.yml")
    copy_site_skeleton(root)


def programs() -> list[str]:
    """Program ids of the repository, in a stable order."""
    return sorted(path.stem for path in (REPO / "schedules" / "programs").glob("*.yml"))


def generate(root: Path, antennas: int) -> Network:
    """Write a network of ``antennas`` antennas under ``root`` (which must not exist)."""
    root.mkdir(parents=True)
    copy_site_files(root)
    templates = _templates()
    catalogue = programs()
    cohorts = sessions = 0
    for number in range(1, antennas + 1):
        template_id, template = templates[(number - 1) % len(templates)]
        antenna_id = f"{template_id}-{number:03d}"
        data = _antenna(template_id, template, number)
        _dump(root / "schedules" / "antennas" / f"{antenna_id}.yml", data)
        # A phone number without its country code is read in the antenna's country, as the
        # loader does (validate/structure.py).
        antenna = Antenna.model_validate(data, context={"country": data.get("country")})
        for index in range(COHORTS_PER_ANTENNA):
            program = catalogue[(number + index) % len(catalogue)]
            cohort = _cohort(antenna_id, antenna, index, program)
            cohort_id = f"{program}-{antenna_id}-{index + 1}"
            _dump(root / "schedules" / "cohorts" / antenna_id / f"{cohort_id}.yml", cohort)
            cohorts += 1
            sessions += len(cohort["sessions"])
    return Network(root=root, antennas=antennas, cohorts=cohorts, sessions=sessions)
