"""Shifts: one per occurrence and role needed, identified by what they are."""

from __future__ import annotations

from konexio.shifts import ShiftStatus, shifts
from konexio.validate import load_valid

KEY = "digitall-beginner-paris-2026-11"


def test_one_shift_per_occurrence_and_role(minimal_root):
    dataset, schedule = load_valid(minimal_root)
    made = shifts(dataset, schedule)
    assert len(made) == len(schedule.occurrences) * 2
    assert [s.id for s in made[:2]] == [f"{KEY}/2026-11-02/1400/trainer",
                                        f"{KEY}/2026-11-02/1400/assistant"]
    assert {(s.role, s.needed, s.role_name) for s in made} == {
        ("trainer", 1, "Formateur"), ("assistant", 2, "Bénévole")}
    assert len({s.id for s in made}) == len(made)


def test_dates_and_statuses_come_from_the_occurrences(minimal_root):
    dataset, schedule = load_valid(minimal_root)
    made = {s.id: s for s in shifts(dataset, schedule)}
    by_key = {o.key: o for o in schedule.occurrences}
    for shift in made.values():
        occurrence = by_key[shift.occurrence]
        assert (shift.start, shift.end) == (occurrence.start, occurrence.end)
    cancelled = made[f"{KEY}/2026-11-16/1400/trainer"]
    assert cancelled.status is ShiftStatus.cancelled and cancelled.reason == "Formateur absent"
    moved = made[f"{KEY}/2026-11-18/1400/assistant"]  # planned on Wednesday, held Thursday
    assert moved.status is ShiftStatus.moved
    assert (moved.start.date().isoformat(), moved.weekday) == ("2026-11-19", "jeudi")
    assert moved.venue == "Centre Belleville — Salle 1"


def test_ids_do_not_depend_on_the_order_of_sessions(minimal_root):
    dataset, schedule = load_valid(minimal_root)
    before = {s.id for s in shifts(dataset, schedule)}
    path = minimal_root / f"schedules/cohorts/paris/{KEY}.yml"
    text = path.read_text(encoding="utf-8")
    monday = "  - day: monday\n    start: 14:00\n    end: 16:00\n    room: Salle 1\n"
    wednesday = '  - day: wednesday\n    start: "14:00"\n    end: "16:00"\n    room: Salle 1\n'
    assert monday + wednesday in text
    path.write_text(text.replace(monday + wednesday, wednesday + monday), encoding="utf-8")
    dataset, schedule = load_valid(minimal_root)
    assert {s.id for s in shifts(dataset, schedule)} == before


def test_a_cohort_needing_nobody_has_no_shift(minimal_root):
    roles = minimal_root / "volunteers/roles.yml"
    roles.write_text(roles.read_text().replace("{trainer: 1, assistant: 2}",
                                               "{trainer: 0, assistant: 0}"))
    dataset, schedule = load_valid(minimal_root)
    assert shifts(dataset, schedule) == ()
