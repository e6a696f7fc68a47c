"""The public menu and search speak to learners, partners and volunteers: the coordinators'
guide is out of both, and linked from the footer of every page, in its language."""

from __future__ import annotations

from pathlib import Path

import pytest

from konexio import i18n
from konexio.pages import words
from konexio.site.search import indexed_pages

PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}


@pytest.mark.parametrize("lang", list(PREFIX))
def test_the_guide_is_in_the_footer_not_in_the_menu(phone, base_url, outside, lang):
    phone.goto(base_url + PREFIX[lang] + "programs/")
    assert phone.locator('.md-nav a[href$="guide/"]').count() == 0
    assert phone.locator('.md-nav a[href$="apply/"]').count() > 0  # the menu is there
    link = phone.locator(".md-footer a.kx-guide-link")
    assert link.inner_text() == i18n.gettext(lang, words.GUIDE)
    box = link.bounding_box()
    assert box["height"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    link.click()
    assert phone.url == base_url + PREFIX[lang] + "guide/"
    assert phone.locator("html").get_attribute("dir") == ("rtl" if lang in ("ar", "fa", "ps")
                                                           else "ltr")
    assert outside == []


@pytest.mark.parametrize("lang", list(PREFIX))
def test_the_search_index_has_no_guide(site_dir: Path, lang):
    locations = [url[len(PREFIX[lang]) + 1:] for url in indexed_pages(site_dir)
                 if url.startswith("/" + PREFIX[lang])]
    assert locations and not [loc for loc in locations if loc.startswith("guide/")]
    assert any(loc.startswith("apply/") for loc in locations)
