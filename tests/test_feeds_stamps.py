"""DTSTAMP comes from the data's git history (one git call), else a fixed instant."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar

from konexio.feeds import write_feeds
from konexio.feeds.stamps import FALLBACK, commit_times, parse_log
from konexio.validate import load_valid

COHORT = "digitall-beginner-paris-2026-11"


def git(root: Path, *args: str, when: str = "2026-09-01T10:00:00Z") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "init.defaultBranch=main", *args],
                   cwd=root, check=True, env=env, capture_output=True)


def stamps(root: Path, out: Path) -> set[str]:
    dataset, schedule = load_valid(root)
    written = write_feeds(dataset, schedule, out, "https://konexio.example.org",
                          today=date(2026, 10, 1), root=root)
    feed = next(p for p in written if p.name == f"cohort-{COHORT}.ics")
    events = icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    assert events
    return {e.decoded("DTSTAMP").strftime("%Y%m%dT%H%M%SZ") for e in events}


def test_parse_log_keeps_each_files_newest_commit():
    log = "@1790000000\n\nb.yml\n@1780000000\n\na.yml\nb.yml\n"
    assert parse_log(log) == {
        "b.yml": datetime.fromtimestamp(1790000000, tz=UTC),
        "a.yml": datetime.fromtimestamp(1780000000, tz=UTC),
    }


def test_outside_git_the_stamp_is_the_fixed_fallback(minimal_root, tmp_path):
    assert commit_times(minimal_root, ["schedules/antennas/paris.yml"]) == {}
    assert stamps(minimal_root, tmp_path / "out") == {FALLBACK.strftime("%Y%m%dT%H%M%SZ")}


def test_stamp_is_the_last_commit_touching_the_events_files(minimal_root, tmp_path):
    git(minimal_root, "init", "-q")
    git(minimal_root, "add", ".")
    git(minimal_root, "commit", "-qm", "data", when="2026-09-01T10:00:00Z")
    assert stamps(minimal_root, tmp_path / "a") == {"20260901T100000Z"}
    # A later change to the antenna (an address, say) re-stamps its events...
    paris = minimal_root / "schedules/antennas/paris.yml"
    paris.write_text(paris.read_text(encoding="utf-8") + "order: 1\n", encoding="utf-8")
    git(minimal_root, "commit", "-qam", "antenna", when="2026-10-05T08:30:00Z")
    assert stamps(minimal_root, tmp_path / "b") == {"20261005T083000Z"}
    # ...a change to a file the events do not come from does not.
    roles = minimal_root / "volunteers/roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(minimal_root, "commit", "-qam", "roles", when="2026-10-20T08:30:00Z")
    assert stamps(minimal_root, tmp_path / "c") == {"20261005T083000Z"}
