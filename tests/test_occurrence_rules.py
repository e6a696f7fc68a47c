"""Checks made on the dated occurrences: rooms taken twice, clock-change gaps."""

from __future__ import annotations

from pathlib import Path

from konexio.validate import check

COHORT = """program: digitall-beginner
venue: belleville
start: 2027-01-04
end: 2027-01-29
language: fr
capacity: 12
status: open
sessions:
  - day: {day}
    start: "{start}"
    end: "{end}"
    room: Salle 2
"""


def add_cohort(root: Path, name: str, day: str, start: str, end: str) -> str:
    rel = f"schedules/cohorts/paris/{name}.yml"
    (root / rel).write_text(COHORT.format(day=day, start=start, end=end), encoding="utf-8")
    return rel


def test_a_long_session_clashes_with_every_session_it_overlaps_not_only_the_next(minimal_root):
    # a: 09:00-18:00; b: 10:00-11:00; c: 13:00-14:00. c overlaps a, though b comes between.
    add_cohort(minimal_root, "a-long", "tuesday", "09:00", "18:00")
    add_cohort(minimal_root, "b-short", "tuesday", "10:00", "11:00")
    add_cohort(minimal_root, "c-short", "tuesday", "13:00", "14:00")
    clashes = [p for p in check(minimal_root).problems if p.code == "room.clash"]
    assert {(p.path, dict(p.params)["other"]) for p in clashes} == {
        ("schedules/cohorts/paris/b-short.yml", "a-long"),
        ("schedules/cohorts/paris/c-short.yml", "a-long"),
        ("schedules/cohorts/paris/a-long.yml", "b-short"),
        ("schedules/cohorts/paris/a-long.yml", "c-short"),
    }
    assert all(p.line == 12 for p in clashes)


def test_back_to_back_sessions_in_one_room_are_fine(minimal_root):
    add_cohort(minimal_root, "a", "tuesday", "09:00", "11:00")
    add_cohort(minimal_root, "b", "tuesday", "11:00", "13:00")
    assert check(minimal_root).ok


def test_same_room_on_other_days_is_fine_and_clash_is_reported_once_per_weekly_session(
        minimal_root):
    add_cohort(minimal_root, "a", "tuesday", "09:00", "11:00")
    add_cohort(minimal_root, "b", "thursday", "09:00", "11:00")
    assert check(minimal_root).ok
    add_cohort(minimal_root, "c", "tuesday", "10:00", "12:00")
    clashes = [p for p in check(minimal_root).problems if p.code == "room.clash"]
    # four Tuesdays, one weekly session: one line in each of the two files
    assert sorted(p.path for p in clashes) == ["schedules/cohorts/paris/a.yml",
                                               "schedules/cohorts/paris/c.yml"]


def test_the_hour_repeated_in_october_is_allowed_the_hour_skipped_in_march_is_not(
        minimal_root):
    rel = add_cohort(minimal_root, "night", "sunday", "02:30", "03:30")
    path = minimal_root / rel
    october = path.read_text().replace("2027-01-04", "2026-10-19").replace("2027-01-29",
                                                                           "2026-11-01")
    path.write_text(october)
    assert check(minimal_root).ok  # 25 Oct 2026: 02:30 happens twice, it exists
    march = october.replace("2026-10-19", "2027-03-15").replace("2026-11-01", "2027-04-04")
    path.write_text(march)
    problems = check(minimal_root).problems
    assert [(p.path, p.line, p.code) for p in problems] == [(rel, 10, "dst.gap")]
