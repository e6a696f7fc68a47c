"""A cohort page prints on one A4 page (as PDF, in Chromium): its facts, the place with its
street address, who may come and how to apply, every session in short, and a QR code to the
page; without the navigation, the share links and the calendar part. An antenna's printed
timetable carries each place's street address and each course's conditions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from konexio import i18n
from konexio.pages.formatting import Dates

COHORTS = sorted(path.stem for path in
                 (Path(__file__).parent.parent.parent / "schedules/cohorts").rglob("*.yml"))
LONGEST = "digitous-menilmontant-2026-09"
"""The shipped cohort with the most session days (114): the hardest to fit on one sheet."""
PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("cohort", COHORTS)
def test_every_cohort_prints_on_one_a4_page(phone, base_url, outside, cohort):
    phone.goto(base_url + f"cohorts/{cohort}/")
    assert _pages(phone.pdf(format="A4", print_background=True)) == 1, cohort
    assert outside == []


@pytest.mark.parametrize("lang", list(PREFIX))
def test_the_longest_cohort_prints_on_one_page_in_every_language(phone, base_url, lang):
    phone.goto(base_url + PREFIX[lang] + f"cohorts/{LONGEST}/")
    assert _pages(phone.pdf(format="A4", print_background=True)) == 1, lang
    phone.emulate_media(media="print")
    try:
        sheet = phone.locator(".kx-print-sessions")
        assert sheet.locator("svg.kx-qr").is_visible()
        assert sheet.locator("li").count() == 114
        assert sheet.locator(".kx-url").inner_text().endswith(
            PREFIX[lang] + f"cohorts/{LONGEST}/")
        assert phone.locator("#how-to-come").is_visible()
        # The place with its street address, and who may come (the conditions).
        assert phone.locator("bdi", has_text="55 rue de Ménilmontant, 75020 Paris").is_visible()
        assert phone.locator("#how-to-come + ul").is_visible()
        for hidden in (".md-header", ".kx-langs", "[data-kx-share]", "#share", "#calendar",
                       ".kx-feed", "ol.kx-sessions"):
            assert not phone.locator(hidden).first.is_visible(), hidden
    finally:
        phone.emulate_media(media="null")


def test_on_screen_the_printed_list_is_not_shown(phone, base_url):
    phone.goto(base_url + f"cohorts/{LONGEST}/")
    assert not phone.locator(".kx-print-sessions").is_visible()
    assert phone.locator("ol.kx-sessions").is_visible()
    assert phone.locator("[data-kx-print]").is_visible()


@pytest.mark.parametrize("lang", list(PREFIX))
def test_the_antenna_timetable_prints_addresses_and_conditions(phone, base_url, lang):
    phone.goto(base_url + PREFIX[lang] + "antennas/paris/")
    phone.emulate_media(media="print")
    try:
        table = phone.locator(".kx-sheet table.kx-timetable")
        assert table.is_visible()
        address = table.locator("bdi", has_text="55 rue de Ménilmontant, 75020 Paris")
        assert address.first.is_visible()
        # In the language's digits ("۱۸" in Dari; tests/test_pages_formatting.py checks them).
        age = i18n.gettext(lang, "%(age)s ans ou plus", age=Dates(lang).number(18))
        assert table.locator(".kx-conditions", has_text=age).first.is_visible()
        assert table.locator(".kx-conditions").count() == table.locator("tbody tr").count()
        assert _pages(phone.pdf(format="A4", print_background=True)) == 1
    finally:
        phone.emulate_media(media="null")
