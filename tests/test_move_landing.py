"""Where a moved session lands (issue 10): the validator is the coordinators' reviewer, so any
move it accepts must publish exactly one session, on a day the venue is open, that lasts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from konexio.expand.closed_days import closed_days
from konexio.validate import check

COHORT = "schedules/cohorts/paris/moved.yml"
START, END = date(2026, 11, 2), date(2026, 12, 16)
BASE = """program: digitall-beginner
venue: belleville
start: 2026-11-02
end: 2026-12-16
language: fr
capacity: 12
status: open
sessions:
  - day: tuesday
    start: "10:00"
    end: "12:00"
    room: Salle 2
  - day: thursday
    start: "10:00"
    end: "12:00"
    room: Salle 2
moved:
  - date: {planned}
{lines}    reason: {{fr: Salle prise, en: Room taken, ar: القاعة محجوزة}}
"""


def write_move(root: Path, planned: date, **fields: str) -> None:
    lines = "".join(f'    {key}: "{value}"\n' if key.endswith(("start", "end"))
                    else f"    {key}: {value}\n" for key, value in fields.items())
    (root / COHORT).write_text(BASE.format(planned=planned.isoformat(), lines=lines),
                               encoding="utf-8")


def moved_occurrences(checked):
    return [o for o in checked.schedule.of_cohort("moved") if o.moved]


def test_a_new_start_alone_is_a_change_and_keeps_the_length(minimal_root):
    write_move(minimal_root, date(2026, 11, 10), to_start="14:00")
    checked = check(minimal_root, today=START)
    assert checked.problems == (), [p.as_text() for p in checked.problems]
    [occ] = moved_occurrences(checked)
    assert (f"{occ.start:%H:%M}", f"{occ.end:%H:%M}") == ("14:00", "16:00")


def test_a_new_day_and_start_keep_the_length_not_the_old_end(minimal_root):
    # The bug: 10:00-12:00 moved to 18:00 kept its 12:00 end... and with to_date the
    # old check let a two-hour class become a six-hour one elsewhere.
    write_move(minimal_root, date(2026, 11, 10), to_date="2026-11-13", to_start="08:00")
    checked = check(minimal_root, today=START)
    assert checked.problems == (), [p.as_text() for p in checked.problems]
    [occ] = moved_occurrences(checked)
    assert (occ.start.date(), f"{occ.start:%H:%M}", f"{occ.end:%H:%M}") == \
        (date(2026, 11, 13), "08:00", "10:00")


def test_a_given_end_is_kept(minimal_root):
    write_move(minimal_root, date(2026, 11, 10), to_start="09:00", to_end="12:30")
    [occ] = moved_occurrences(check(minimal_root, today=START))
    assert (f"{occ.start:%H:%M}", f"{occ.end:%H:%M}") == ("09:00", "12:30")


def test_a_move_onto_the_same_start_changes_nothing(minimal_root):
    write_move(minimal_root, date(2026, 11, 10), to_start="10:00")
    codes = [p.code for p in check(minimal_root, today=START).problems]
    assert codes == ["change.no_effect"]


def test_a_make_up_session_up_to_two_weeks_after_the_end_is_fine(minimal_root):
    antenna = minimal_root / "schedules/antennas/paris.yml"
    text = antenna.read_text(encoding="utf-8")
    antenna.write_text(text[: text.index("closures:")], encoding="utf-8")
    write_move(minimal_root, date(2026, 12, 15), to_date="2026-12-30")
    assert check(minimal_root, today=START).problems == ()
    write_move(minimal_root, date(2026, 12, 15), to_date="2026-12-31")
    assert [p.code for p in check(minimal_root, today=START).problems] == ["move.outside"]


def test_a_past_move_is_history_and_no_warning(minimal_root):
    write_move(minimal_root, date(2026, 11, 10), to_date="2026-11-09")
    checked = check(minimal_root, today=date(2027, 6, 1))
    assert checked.problems == () and checked.warnings == ()


def test_a_closure_for_one_venue_does_not_close_another(minimal_root):
    antenna = minimal_root / "schedules/antennas/paris.yml"
    antenna.write_text(antenna.read_text(encoding="utf-8") + """  - start: 2026-11-13
    end: 2026-11-13
    venue: belleville
    reason: {fr: Travaux, en: Works, ar: أشغال}
""", encoding="utf-8")
    write_move(minimal_root, date(2026, 11, 10), to_date="2026-11-13")
    assert [p.code for p in check(minimal_root, today=START).problems] == ["move.closed"]


# Mostly near the cohort (where real moves go), sometimes a year off (a typo).
ACCEPTED: list[bool] = []
days = st.dates(min_value=date(2026, 10, 26), max_value=date(2027, 1, 8)) | \
    st.dates(min_value=date(2025, 10, 1), max_value=date(2027, 12, 31))
clock = st.builds(time, st.integers(6, 22), st.sampled_from([0, 15, 30, 45]))


# Derandomized: the same moves on every run, so the count of accepted ones below is stable.
@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(planned=st.integers(0, 12), to_date=st.none() | days,
       to_start=st.one_of(st.none(), clock), to_end=st.one_of(st.none(), st.none(), clock))
def test_any_move_the_validator_accepts_is_one_session_on_an_open_day_that_lasts(
        minimal_root, planned, to_date, to_start, to_end):
    # Tuesdays and Thursdays of the cohort, picked by index (some fall on closed days,
    # which the validator must refuse as targets).
    sessions = sorted(START + timedelta(days=d) for d in range((END - START).days + 1)
                      if (START + timedelta(days=d)).weekday() in (1, 3))
    day = sessions[planned % len(sessions)]
    fields = {}
    if to_date is not None:
        fields["to_date"] = to_date.isoformat()
    if to_start is not None:
        fields["to_start"] = f"{to_start:%H:%M}"
    if to_end is not None:
        fields["to_end"] = f"{to_end:%H:%M}"
    write_move(minimal_root, day, **fields)

    checked = check(minimal_root, today=START)

    if checked.problems:
        ACCEPTED.append(False)
        return
    ACCEPTED.append(True)
    moved = moved_occurrences(checked)
    assert len(moved) == 1
    [occ] = moved
    assert occ.end > occ.start
    assert sum(1 for o in checked.schedule.of_cohort("moved")
               if (o.planned_date, o.planned_start) == (day, time(10))) == 1
    antenna = checked.dataset.antennas["paris"].model
    landed = occ.start.date()
    assert landed not in closed_days(antenna, "belleville", landed, landed)
    assert START <= landed <= END + timedelta(weeks=2)
    others = [o for o in checked.schedule.of_cohort("moved") if o is not occ and not o.cancelled]
    assert all(o.end <= occ.start or occ.end <= o.start for o in others)
    assert isinstance(occ.start, datetime) and occ.start.tzinfo is not None


def test_the_property_above_saw_accepted_moves():
    # Runs after it (file order): a property that only ever met refused moves proves nothing.
    if ACCEPTED:
        assert sum(ACCEPTED) >= 10, (sum(ACCEPTED), len(ACCEPTED))
