"""``volunteers/privacy.yml``: read like every data file, the retention period refused
outside 1 to 36 months where it is typed, and the cut-off day computed on the calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from konexio.model.privacy import DEFAULT_MONTHS, Privacy, months_before
from konexio.validate import check

REPO = Path(__file__).parent.parent
PLACE = "volunteers/privacy.yml"
CONTACT = "contact:\n  email: contact@konexio.eu\n  address: Konexio, 55 rue X, 75020 Paris\n"


def write(root: Path, text: str) -> None:
    (root / PLACE).write_text(text, encoding="utf-8")


def test_the_shipped_file_gives_its_period_and_the_association_contact():
    checked = check(REPO)
    assert checked.ok
    privacy = checked.dataset.privacy
    assert checked.dataset.privacy_entry is not None, "volunteers/privacy.yml was not read"
    assert 1 <= privacy.retention_months <= 36
    assert privacy.contact is not None
    assert privacy.contact.email.endswith("@konexio.eu")
    assert "Paris" in privacy.contact.address


def test_without_the_file_the_period_is_13_months_and_the_antennas_are_the_contact(
        minimal_root):
    checked = check(minimal_root)
    assert checked.ok and checked.dataset.privacy_entry is None
    assert checked.dataset.privacy == Privacy()
    assert checked.dataset.privacy.retention_months == DEFAULT_MONTHS == 13
    assert checked.dataset.privacy.contact is None


def test_without_the_line_the_period_is_13_months(minimal_root):
    write(minimal_root, CONTACT)
    checked = check(minimal_root)
    assert checked.ok
    assert checked.dataset.privacy.retention_months == 13
    assert checked.dataset.privacy.contact.email == "contact@konexio.eu"


@pytest.mark.parametrize("months", [1, 13, 36])
def test_a_period_from_1_to_36_months_is_taken(minimal_root, months):
    write(minimal_root, f"retention_months: {months}\n{CONTACT}")
    checked = check(minimal_root)
    assert checked.ok
    assert checked.dataset.privacy.retention_months == months


@pytest.mark.parametrize("months", [0, -3, 37, 120])
def test_a_period_outside_1_to_36_months_is_refused_where_it_is_typed(minimal_root, months):
    write(minimal_root, f"{CONTACT}retention_months: {months}\n")
    [found] = check(minimal_root).problems
    assert found.as_text() == (
        f"volunteers/privacy.yml:4:19: {months} mois n'est pas une durée de conservation "
        "acceptée : écrivez un nombre de mois de 1 à 36 (13 si vous hésitez) ; la loi "
        "demande de ne garder les données des bénévoles que le temps utile")
    assert found.as_text("en") == (
        f"volunteers/privacy.yml:4:19: {months} months is not an accepted retention period: "
        "write a number of months from 1 to 36 (13 if unsure); the law asks that "
        "volunteers' data be kept no longer than needed")


@pytest.mark.parametrize(("typed", "words"), [
    ('"13"', "écrivez le nombre sans guillemets : 13"),
    ("13 mois", "« 13 mois » n'est pas un nombre entier"),
    ("true", "« true » n'est pas un nombre entier"),
])
def test_a_period_that_is_not_a_plain_number_is_refused(minimal_root, typed, words):
    write(minimal_root, f"retention_months: {typed}\n")
    [found] = check(minimal_root).problems
    assert (found.path, found.line, found.col) == (PLACE, 1, 19)
    assert words in found.message()


def test_a_mistyped_key_and_a_contact_without_address_are_reported(minimal_root):
    write(minimal_root, "retention_month: 12\ncontact:\n  email: contact@konexio.eu\n")
    found = {(p.line, p.col): p.message() for p in check(minimal_root).problems}
    assert set(found) == {(1, 1), (3, 3)}
    assert "Vouliez-vous dire « retention_months » ?" in found[(1, 1)]
    assert "il manque « address »" in found[(3, 3)]


@pytest.mark.parametrize(("today", "months", "cutoff"), [
    (date(2027, 3, 15), 13, date(2026, 2, 15)),
    (date(2027, 3, 31), 13, date(2026, 2, 28)),   # no 31 February: the month's last day
    (date(2028, 3, 31), 1, date(2028, 2, 29)),    # a leap year
    (date(2027, 1, 31), 1, date(2026, 12, 31)),   # across new year
    (date(2027, 12, 1), 12, date(2026, 12, 1)),
    (date(2029, 5, 31), 36, date(2026, 5, 31)),
])
def test_the_cutoff_is_that_many_calendar_months_before_today(today, months, cutoff):
    assert months_before(today, months) == cutoff
    assert Privacy(retention_months=months).retention_cutoff(today) == cutoff


def test_the_cutoff_of_every_day_of_four_years_is_in_the_right_month():
    day = date(2026, 1, 1)
    while day < date(2030, 1, 1):
        cutoff = Privacy().retention_cutoff(day)
        assert (day.year * 12 + day.month) - (cutoff.year * 12 + cutoff.month) == 13
        next_day = date.fromordinal(cutoff.toordinal() + 1)
        # the same day of the month, or the last day of a shorter month
        assert cutoff.day == day.day or (cutoff.day < day.day and next_day.day == 1)
        day = date.fromordinal(day.toordinal() + 1)
