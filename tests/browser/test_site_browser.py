"""The public site in Chromium: language switch, right to left, the course finder, phone
width, no outside request, and axe-core on every page template in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

COHORT = "cohorts/digitall-beginner-la-chapelle-2026-11/"
TEMPLATES = {
    "home": "",
    "programs": "programs/",
    "program": "programs/digitall-beginner/",
    "antennas": "antennas/",
    "antenna": "antennas/paris/",
    "cohort": COHORT,
    "volunteers": "volunteers/",
    "impact": "impact/",
    "calendars": "calendars/",
    "partners": "partners/",
    "apply": "apply/",
    "guide": "guide/",
}
PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}


def test_the_cohort_of_these_tests_exists(site_dir: Path):
    assert (site_dir / COHORT / "index.html").is_file()


def test_language_switch_keeps_the_page(phone, base_url):
    phone.goto(base_url + COHORT)
    phone.locator(".kx-langs").get_by_role("link", name="English").click()
    assert phone.url == base_url + "en/" + COHORT
    phone.locator(".kx-langs").get_by_role("link", name="العربية").click()
    assert phone.url == base_url + "ar/" + COHORT
    phone.locator(".kx-langs").get_by_role("link", name="Français").click()
    assert phone.url == base_url + COHORT


def test_arabic_is_right_to_left(phone, base_url):
    phone.goto(base_url + "ar/" + COHORT)
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.locator("html").get_attribute("lang") == "ar"
    assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The text starts on the right: the heading's right edge is near the screen's.
    box = phone.locator("h1").bounding_box()
    assert box["x"] + box["width"] > 300


def _visible_cards(page):
    return page.locator(".kx-card:visible")


def test_finder_filters_the_groups(phone, base_url):
    phone.goto(base_url)
    finder = phone.locator("[data-kx-finder]")
    assert finder.is_visible()
    open_only = _visible_cards(phone).count()
    assert open_only > 0
    statuses = {c.get_attribute("data-status") for c in _visible_cards(phone).all()}
    assert statuses == {"open"}

    phone.select_option("#kx-antenna", "lille")
    lille = _visible_cards(phone)
    assert 0 < lille.count() < open_only
    assert {c.get_attribute("data-antenna") for c in lille.all()} == {"lille"}
    assert re.match(r"\d+ groupes?", phone.locator("[data-kx-count]").inner_text())

    phone.select_option("#kx-antenna", "")
    phone.select_option("#kx-time", "evening")
    assert all("evening" in c.get_attribute("data-time").split()
               for c in _visible_cards(phone).all())

    phone.select_option("#kx-time", "")
    phone.check("#kx-all")
    assert _visible_cards(phone).count() > open_only
    assert "all=1" in phone.url


def _arabic(n: int) -> str:
    """"N groups" as Arabic writes it: one, two (the dual), 3-10 plural, then singular."""
    if n in (1, 2):
        return {1: "مجموعة واحدة", 2: "مجموعتان"}[n]
    return f"{n} مجموعات" if 3 <= n % 100 <= 10 else f"{n} مجموعة"


def _ukrainian(n: int) -> str:
    """1, 21 група; 2-4, 22-24 групи; 5-20, 25-30 груп."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} група"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} групи"
    return f"{n} груп"


@pytest.mark.parametrize(("lang", "expected"), [("ar", _arabic), ("uk", _ukrainian)])
def test_finder_counts_in_the_plural_forms_of_the_language(phone, base_url, lang, expected):
    phone.goto(base_url + PREFIX[lang])
    count = phone.locator("[data-kx-count]")
    antennas = [o.get_attribute("value") for o in phone.locator("#kx-antenna option").all()]
    seen = set()
    for everything in (False, True):
        phone.set_checked("#kx-all", everything)
        for antenna in antennas:
            phone.select_option("#kx-antenna", antenna)
            shown = _visible_cards(phone).count()
            if shown:
                assert count.inner_text() == expected(shown), (antenna, everything)
                seen.add(expected(shown).replace(str(shown), "N"))
    assert len(seen) >= 2, seen  # more than one plural form was checked


def test_home_without_javascript_lists_open_groups_and_links(phone_without_js, base_url):
    page = phone_without_js
    page.goto(base_url)
    assert not page.locator("[data-kx-finder]").is_visible()
    cards = _visible_cards(page)
    assert cards.count() > 0
    assert {c.get_attribute("data-status") for c in cards.all()} == {"open"}
    page.locator("article").get_by_role("link", name="Nos lieux", exact=True).first.click()
    assert page.url == base_url + "antennas/"
    page.get_by_role("link", name="Lille", exact=True).click()
    assert page.url == base_url + "antennas/lille/"


@pytest.mark.parametrize("lang", list(PREFIX))
@pytest.mark.parametrize("template", list(TEMPLATES))
def test_page_fits_a_phone_and_passes_axe(phone, base_url, outside, tmp_path_factory,
                                          template, lang):
    phone.goto(base_url + PREFIX[lang] + TEMPLATES[template])
    phone.wait_for_load_state("load")
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    phone.screenshot(path=str(shots / f"{template}-{lang}-360.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    results = Axe().run(phone)
    assert results.violations_count == 0, results.generate_report()
    assert outside == []


def test_antenna_timetable_prints_on_one_a4_page(phone, base_url):
    for antenna in ("paris", "bordeaux", "lille", "malawi"):
        phone.goto(base_url + f"antennas/{antenna}/")
        pdf = phone.pdf(format="A4", print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, antenna
        phone.emulate_media(media="print")
        assert phone.locator(".kx-sheet svg").is_visible()
        assert not phone.locator(".md-header").is_visible()
        phone.emulate_media(media="null")  # back to no emulation: pdf() prints again


def test_no_request_left_the_site(outside):
    assert outside == []
