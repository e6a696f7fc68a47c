"""Freshness: an open cohort whose file has not changed for long gets a warning from
``konexio validate`` (dated by git, as the feeds' DTSTAMP), and each cohort page says when
its data last changed."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from konexio.feeds.stamps import commit_times
from konexio.feeds.write import data_files
from konexio.pages.render import render_pages
from konexio.pages.views import Site
from konexio.validate import check, load_valid
from konexio.validate.freshness import STALE_DAYS, cohort_file_times

COHORT = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"
PAGE = "cohorts/digitall-beginner-paris-2026-11/index.md"
CHANGED = datetime(2026, 9, 1, 21, 30, tzinfo=UTC)
"""The day every fixture file is committed; 23:30 in Paris, still 1 September in UTC."""


def git(root: Path, *args: str, when: datetime = CHANGED) -> None:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def committed(minimal_root: Path) -> Path:
    """The minimal data, committed on ``CHANGED``."""
    git(minimal_root, "init", "-q", "-b", "main")
    git(minimal_root, "add", ".")
    git(minimal_root, "commit", "-q", "-m", "data")
    return minimal_root


def stale(root: Path, today: date, **kwargs):
    return [p for p in check(root, today=today, **kwargs).everything if p.code == "cohort.stale"]


def test_an_open_cohort_unchanged_for_more_than_the_limit_gets_a_warning(committed):
    assert STALE_DAYS == 60
    assert stale(committed, date(2026, 10, 31)) == []  # 60 days: not yet
    [found] = stale(committed, date(2026, 11, 1))       # 61 days
    assert found.is_warning and found.path == COHORT
    text = (committed / COHORT).read_text(encoding="utf-8").splitlines()
    assert text[found.line - 1] == "status: open" and found.col == len("status: ") + 1
    french = found.message("fr")
    assert "depuis 61 jours" in french and "2026-09-01" in french and "60 jours" in french
    assert "« status: full »" in french and "# vérifié le AAAA-MM-JJ" in french
    english = found.message("en")
    assert "for 61 days" in english and "# checked on YYYY-MM-DD" in english
    assert check(committed, today=date(2026, 11, 1)).ok  # a warning: still published
    [error] = [p for p in check(committed, today=date(2026, 11, 1), strict=True).problems
               if p.code == "cohort.stale"]
    assert not error.is_warning


def test_a_new_commit_of_the_file_makes_it_fresh_again(committed):
    path = committed / COHORT
    path.write_text("# vérifié le 2026-11-02\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    git(committed, "commit", "-q", "-am", "checked", when=datetime(2026, 11, 2, tzinfo=UTC))
    assert stale(committed, date(2026, 11, 3)) == []


@pytest.mark.parametrize("status", ["full", "closed"])
def test_a_full_or_closed_cohort_is_not_flagged(committed, status):
    path = committed / COHORT
    path.write_text(path.read_text(encoding="utf-8").replace("status: open",
                                                             f"status: {status}"),
                    encoding="utf-8")
    git(committed, "commit", "-q", "-am", status)
    assert stale(committed, date(2026, 11, 20)) == []


def test_a_cohort_already_over_is_not_flagged(committed):
    assert stale(committed, date(2027, 6, 1)) == []


def test_without_history_nothing_is_claimed(minimal_root, tmp_path):
    # Outside git, and in a shallow clone (where every file seems changed in the one
    # commit), the check is skipped rather than saying every cohort is fresh.
    assert stale(minimal_root, date(2026, 11, 20)) == []
    assert cohort_file_times(minimal_root, load_valid(minimal_root)[0]) == {}
    git(minimal_root, "init", "-q", "-b", "main")
    git(minimal_root, "add", ".")
    git(minimal_root, "commit", "-q", "-m", "one")
    git(minimal_root, "commit", "-q", "--allow-empty", "-m", "two")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{minimal_root}", str(shallow))
    assert cohort_file_times(shallow, load_valid(shallow)[0]) == {}
    assert cohort_file_times(minimal_root, load_valid(minimal_root)[0]) != {}


def test_the_cohort_page_says_when_its_data_last_changed(committed):
    dataset, schedule = load_valid(committed)
    times = commit_times(committed, data_files(dataset))
    assert set(times) == set(data_files(dataset))
    later = datetime(2026, 10, 5, 22, 30, tzinfo=UTC)  # 6 October in Paris
    site = Site.of(dataset, schedule, date(2026, 11, 10), "https://example.org/",
                   times={**times, "schedules/antennas/paris.yml": later})
    assert site.updated_on("digitall-beginner-paris-2026-11") == date(2026, 10, 6)
    expected = {"fr": "Mis à jour le 6 octobre 2026", "en": "Updated on 6 October 2026",
                "ar": "آخر تحديث: ", "uk": "Оновлено 6 жовтня 2026"}
    for lang, words in expected.items():
        page = {p.src_uri: p.markdown for p in render_pages(site, lang)}[PAGE]
        assert f'<p class="kx-updated">{words}' in page, lang


def test_without_known_times_the_page_says_nothing_of_it(minimal_root):
    dataset, schedule = load_valid(minimal_root)
    site = Site.of(dataset, schedule, date(2026, 11, 10), "https://example.org/")
    page = {p.src_uri: p.markdown for p in render_pages(site, "fr")}[PAGE]
    assert "kx-updated" not in page
