"""The subscribe how-to: only the placeholders the pages fill, and on the page of the
calendars the steps of every app in the page's own language, Dari and Ukrainian included
(their catalogs have the words: no fallback to English)."""

from __future__ import annotations

import html
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from konexio import LANGUAGES, i18n
from konexio.feeds.howto import HOWTOS, SUBSCRIBE_VS_DOWNLOAD
from konexio.pages.render import render_pages
from konexio.pages.views import Site
from konexio.validate import load_valid

# A word of the Google step "paste the address", as each language writes it.
PASTE = {"fr": "Collez l'adresse", "en": "Paste the address", "ar": "الصق العنوان",
         "fa": "بچسبانید", "uk": "Вставте адресу", "ps": "ولګوئ", "ti": "ለጥፍ",
         "sw": "Bandika anwani"}
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ETHIOPIC = re.compile(r"[\u1200-\u137F]")


def test_apps_in_order_with_only_the_addresses_as_placeholders():
    assert [h.app for h in HOWTOS] == ["google", "apple", "outlook", "thunderbird"]
    marks = [SUBSCRIBE_VS_DOWNLOAD] + [m for h in HOWTOS for m in (*h.steps, h.note) if m]
    for _, message in marks:
        assert i18n.placeholders(message) <= {"url", "webcal"}, message


@pytest.fixture(scope="module")
def calendars(tmp_path_factory):
    """The page of the calendars of the minimal data, in every language."""
    root = tmp_path_factory.mktemp("howto") / "root"
    shutil.copytree(MINIMAL, root)
    dataset, schedule = load_valid(root)
    site = Site.of(dataset, schedule, date(2026, 11, 10), "https://example.org/")
    pages = {}
    for lang in LANGUAGES:
        [page] = [p for p in render_pages(site, lang) if p.src_uri == "calendars/index.md"]
        pages[lang] = page.markdown
    return pages


def _howtos(markdown: str) -> list[tuple[str, list[str]]]:
    """(app name, steps) of each ``<details class="kx-howto">`` of a page."""
    found = re.findall(r'<details class="kx-howto">\n<summary>(.*?)</summary>(.*?)</details>',
                       markdown, re.S)
    return [(name, [html.unescape(step) for step in re.findall(r"<li>(.*?)</li>", body, re.S)])
            for name, body in found]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calendars_page_shows_every_app_s_steps_in_its_own_language(calendars, lang):
    page = calendars[lang]
    howtos = _howtos(page)
    # The apps keep their own names, in every language.
    assert [name for name, _ in howtos] == ["Google Calendar", "Apple Calendar", "Outlook",
                                            "Thunderbird"]
    assert [len(steps) for _, steps in howtos] == [3, 3, 3, 3]
    section = page[page.index('<details class="kx-howto">'):page.rindex("</details>")]
    # A text shown in a fallback language is marked <span lang=...>: none here.
    assert "<span lang=" not in section
    assert PASTE[lang] in howtos[0][1][2]
    steps = [step for _, found in howtos for step in found]
    script = {"ar": ARABIC_SCRIPT, "fa": ARABIC_SCRIPT, "uk": CYRILLIC, "ps": ARABIC_SCRIPT,
              "ti": ETHIOPIC}.get(lang)
    for step in steps:
        if script:
            assert script.search(step), (lang, step)
        else:
            assert not (ARABIC_SCRIPT.search(step) or CYRILLIC.search(step)
                        or ETHIOPIC.search(step)), (lang, step)


def test_dari_and_ukrainian_steps_are_not_english(calendars):
    english = {step for _, steps in _howtos(calendars["en"]) for step in steps}
    for lang in ("fa", "uk", "ps", "ti", "sw"):
        assert english.isdisjoint(step for _, steps in _howtos(calendars[lang])
                                  for step in steps), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_steps_name_a_real_feed_address_kept_left_to_right(calendars, lang):
    """No placeholder left in the text: the steps give the address of the feed of all
    sessions in the page's language, each address in a left-to-right <bdi> (in an Arabic
    or Dari sentence a URL would otherwise be reordered)."""
    page = calendars[lang]
    section = page[page.index('<details class="kx-howto">'):page.rindex("</details>")]
    assert "{url}" not in section and "{webcal}" not in section and "%(" not in section
    prefix = "" if lang == "fr" else f"{lang}/"
    https = f"https://example.org/feeds/{lang}/all.ics"
    addresses = re.findall(r'<bdi class="kx-url" dir="ltr">(.*?)</bdi>', section)
    assert https in addresses, (lang, addresses[:3])
    assert f"webcal://example.org/feeds/{lang}/all.ics" in addresses
    # ... and that feed is the first one the page links to for download.
    assert re.search(r'href="([^"]*all\.ics)" download', page).group(1).endswith(
        f"feeds/{lang}/all.ics"), prefix
