"""The benchmark's synthetic networks are valid data of the size they announce.

If the generator wrote invalid YAML, ``make bench`` would time error reports instead of the
pipeline; if it wrote fewer cohorts than announced, the growth figures would lie.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.synthetic import COHORTS_PER_ANTENNA, generate
from konexio.validate import check


@pytest.mark.parametrize("antennas", [1, 7])
def test_a_synthetic_network_validates_and_has_the_announced_size(tmp_path, antennas):
    network = generate(tmp_path / "network", antennas)
    checked = check(network.root)
    assert [p.as_text() for p in checked.problems] == []
    dataset = checked.dataset
    assert len(dataset.antennas) == network.antennas == antennas
    assert len(dataset.cohorts) == network.cohorts == antennas * COHORTS_PER_ANTENNA
    per_antenna = Counter(entry.antenna for entry in dataset.cohorts.values())
    assert set(per_antenna.values()) == {COHORTS_PER_ANTENNA}
    assert sum(len(e.model.sessions) for e in dataset.cohorts.values()) == network.sessions


def test_every_cohort_has_weekly_sessions_over_the_year_with_a_cancellation_and_a_move(
        tmp_path):
    network = generate(tmp_path / "network", 7)  # every real antenna is a template once
    checked = check(network.root)
    schedule = checked.schedule
    by_cohort = Counter(o.cohort for o in schedule.occurrences)
    cancelled = {o.cohort for o in schedule.occurrences if o.cancelled}
    moved = {o.cohort for o in schedule.occurrences if o.moved}
    assert set(by_cohort) == cancelled == moved == set(checked.dataset.cohorts)
    assert min(by_cohort.values()) >= 10  # two a week for ten weeks, minus closed days
    days = [o.planned_date for o in schedule.occurrences]
    assert (max(days) - min(days)).days > 250  # a school year of cohorts


def test_the_network_is_written_where_coordinators_write(tmp_path):
    network = generate(tmp_path / "network", 2)
    root = network.root
    assert sorted(p.name for p in (root / "schedules" / "antennas").iterdir()) == [
        "bordeaux-001.yml", "jordan-002.yml"]
    assert len(list((root / "schedules" / "cohorts" / "jordan-002").glob("*.yml"))) == \
        COHORTS_PER_ANTENNA
    assert (root / "mkdocs.yml").is_file() and (root / "docs").is_dir()
