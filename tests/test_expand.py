"""The expander: the one place dates are computed. Properties checked against a naive,
day-by-day count written independently here."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from konexio.expand.occurrences import OccurrenceStatus, expand
from konexio.load.yaml_positions import YamlDocument
from konexio.model.antenna import Antenna
from konexio.model.cohort import Cohort
from konexio.model.dataset import CohortEntry, Dataset, Entry

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
T = {"fr": "x", "en": "x", "ar": "x"}


def antenna(timezone="Europe/Paris", country="FR", closures=()):
    return Antenna.model_validate({
        "name": T, "region": T, "country": country, "timezone": timezone, "since": 2016,
        "description": T, "contact": {"email": "a@konexio.eu"},
        "venues": [{"id": "v", "name": T, "address": "1 rue", "city": "Paris", "access": T,
                    "accessibility": T}],
        "closures": [{"start": s.isoformat(), "end": e.isoformat(), "reason": T}
                     for s, e in closures],
    })


def dataset(ant: Antenna, cohorts: dict[str, dict]) -> Dataset:
    data = Dataset()
    data.antennas["a"] = Entry("a", "a.yml", YamlDocument("a.yml", {}), ant)
    for ident, fields in cohorts.items():
        model = Cohort.model_validate({"program": "p", "venue": "v", "language": "fr",
                                       "capacity": 10, "status": "open", **fields})
        data.cohorts[ident] = CohortEntry(ident, f"{ident}.yml", YamlDocument("c", {}), model,
                                          antenna="a")
    return data


def naive_days(start: date, end: date, weekday: int) -> list[date]:
    days, day = [], start
    while day <= end:
        if day.weekday() == weekday:
            days.append(day)
        day += timedelta(days=1)
    return days


@st.composite
def cohorts(draw):
    start = draw(st.dates(date(2026, 1, 1), date(2028, 12, 31)))
    end = start + timedelta(days=draw(st.integers(0, 220)))
    days = draw(st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True))
    hour = draw(st.integers(8, 19))
    closures = []
    for _ in range(draw(st.integers(0, 2))):
        c_start = start + timedelta(days=draw(st.integers(-10, 200)))
        closures.append((c_start, c_start + timedelta(days=draw(st.integers(0, 15)))))
    return start, end, days, hour, closures


@settings(max_examples=60, deadline=None)
@given(cohorts(), st.randoms(use_true_random=False))
def test_count_is_planned_days_minus_closed_days_minus_cancellations(drawn, rnd):
    start, end, days, hour, closures = drawn
    ant = antenna(closures=closures)
    public = holidays.country_holidays("FR", years=range(start.year, end.year + 1))
    closed = {d for d in public if start <= d <= end}
    for c_start, c_end in closures:
        closed |= {c_start + timedelta(n) for n in range((c_end - c_start).days + 1)}
    planned = [(d, wd) for wd in days for d in naive_days(start, end, wd) if d not in closed]
    cancelled = rnd.sample(planned, k=min(len(planned), rnd.randint(0, 3)))
    sessions = [{"day": WEEKDAYS[wd], "start": f"{hour}:00", "end": f"{hour + 2}:00"}
                for wd in days]
    data = dataset(ant, {"c": {
        "start": start.isoformat(), "end": end.isoformat(), "sessions": sessions,
        "cancelled": [{"date": d.isoformat(), "reason": T} for d, _ in cancelled]}})

    schedule = expand(data)

    scheduled = [o for o in schedule.occurrences if o.status is OccurrenceStatus.scheduled]
    assert len(scheduled) == len(planned) - len(cancelled)
    assert len(schedule.occurrences) == len(planned)
    assert all(start <= o.start.date() <= end for o in schedule.occurrences)
    assert not {o.start.date() for o in schedule.occurrences} & closed
    assert {o.planned_date for o in schedule.occurrences if o.cancelled} == \
        {d for d, _ in cancelled}


@settings(max_examples=40, deadline=None)
@given(st.integers(2026, 2035), st.integers(0, 6), st.integers(0, 23), st.sampled_from(
    ["Europe/Paris", "Africa/Blantyre", "Africa/Nairobi", "Asia/Amman"]))
def test_wall_clock_time_is_kept_across_clock_changes(year, weekday, hour, zone):
    start, end = date(year, 3, 1), date(year, 11, 15)
    country = {"Europe/Paris": "FR", "Africa/Blantyre": "MW", "Africa/Nairobi": "KE",
               "Asia/Amman": "JO"}[zone]
    data = dataset(antenna(zone, country), {"c": {
        "start": start.isoformat(), "end": end.isoformat(),
        "sessions": [{"day": WEEKDAYS[weekday], "start": f"{hour}:30", "end": "23:59"}]}})
    occurrences = expand(data).occurrences
    assert occurrences
    tz = ZoneInfo(zone)
    for occ in occurrences:
        assert occ.start.tzinfo is not None
        # The local time read back from the UTC instant is what the YAML says, unless the
        # time does not exist that day (the validator refuses those).
        back = occ.start.astimezone(ZoneInfo("UTC")).astimezone(tz)
        if back.replace(tzinfo=None) == occ.start.replace(tzinfo=None):
            assert back.time() == time(hour, 30)
    if zone == "Europe/Paris":
        offsets = {occ.start.utcoffset() for occ in occurrences}
        assert offsets == {timedelta(hours=1), timedelta(hours=2)}


def test_keys_do_not_depend_on_the_order_of_sessions_or_cohorts():
    sessions = [{"day": "monday", "start": "10:00", "end": "12:00"},
                {"day": "thursday", "start": "14:00", "end": "16:00"}]
    fields = {"start": "2027-01-04", "end": "2027-03-01"}
    one = expand(dataset(antenna(), {"c1": {**fields, "sessions": sessions},
                                     "c2": {**fields, "sessions": sessions[:1]}}))
    two = expand(dataset(antenna(), {"c2": {**fields, "sessions": sessions[:1]},
                                     "c1": {**fields, "sessions": sessions[::-1]}}))
    def public(schedule):  # everything but the position in the file
        return [(o.key, o.start, o.end, o.status, o.room) for o in schedule.occurrences]

    assert public(one) == public(two)
    assert one.skipped == two.skipped


def test_a_move_keeps_the_identity_of_the_planned_session():
    fields = {"start": "2027-01-04", "end": "2027-01-31",
              "sessions": [{"day": "monday", "start": "10:00", "end": "12:00"}]}
    before = expand(dataset(antenna(), {"c": fields})).occurrences
    moved = {**fields, "moved": [{"date": "2027-01-11", "to_date": "2027-01-13",
                                  "to_start": "18:00", "to_end": "20:00", "reason": T}]}
    after = expand(dataset(antenna(), {"c": moved})).occurrences
    assert [o.key for o in before] == [o.key for o in after]
    changed = [o for o in after if o.moved]
    assert len(changed) == 1
    assert changed[0].key == "c/2027-01-11/1000"
    assert (changed[0].start.date(), changed[0].start.time()) == (date(2027, 1, 13), time(18))


def test_a_closure_of_one_venue_leaves_other_venues_open():
    ant = Antenna.model_validate({
        **antenna().model_dump(mode="json"),
        "closures": [{"start": "2027-01-11", "end": "2027-01-11", "reason": T, "venue": "w"}],
        "venues": [*antenna().model_dump(mode="json")["venues"],
                   {"id": "w", "name": T, "address": "2 rue", "city": "Paris", "access": T,
                    "accessibility": T}],
    })
    fields = {"start": "2027-01-04", "end": "2027-01-18",
              "sessions": [{"day": "monday", "start": "10:00", "end": "12:00"}]}
    data = dataset(ant, {"c": fields})
    assert len(expand(data).occurrences) == 3
