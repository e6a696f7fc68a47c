"""The site's search (Pagefind) in Chromium at 360 px, in every language (issue 26).

A word of the language's own script, read from a cohort page, finds that page in that
language; the forgiving queries find what they mean; nothing of the search is fetched
before the reader types, and then only this language's index, from this site; axe-core
finds nothing with the dialog open and results shown."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}
DIRECTION = {"fr": "ltr", "en": "ltr", "ar": "rtl", "fa": "rtl", "uk": "ltr", "ps": "rtl",
             "ti": "ltr", "sw": "ltr"}
INDEX = {"fr": "fr", "en": "en", "ar": "ar", "fa": "fa-af", "uk": "uk", "ps": "ps", "ti": "ti",
         "sw": "sw"}
"""Pagefind's name of each language's index (from <html lang>, lower case)."""
SCRIPT = {"fr": r"[A-Za-zÀ-ÿ]", "en": r"[A-Za-z]", "ar": r"[\u0621-\u064a]",
          "fa": r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]", "uk": r"[\u0400-\u04ff]",
          "ps": r"[\u0621-\u064a\u0670-\u06d3]", "ti": r"[\u1200-\u137f]", "sw": r"[A-Za-z]"}
COHORT = "cohorts/digitall-beginner-la-chapelle-2026-11/"
PAGEFIND = "/pagefind/"


def _open(page, base_url, lang, path=""):
    page.goto(base_url + PREFIX[lang] + path)
    page.locator("[data-kx-search-open]").click()
    dialog = page.locator("#kx-search")
    dialog.wait_for(state="visible")
    return dialog


def _search(page, dialog, query: str) -> list[str]:
    """Every result's path (the "more" button pressed until all are shown)."""
    box = dialog.locator("input")
    box.fill(query)
    status = dialog.locator(".kx-search__status")
    page.wait_for_function(
        """([dialog, busy]) => {
             const status = dialog.querySelector('.kx-search__status').textContent;
             return status !== busy && (status || dialog.querySelector('li'));
           }""", arg=[dialog.element_handle(), dialog.get_attribute("data-busy")])
    more = dialog.locator("[data-kx-search-more]")
    while more.is_visible():
        count = dialog.locator("li").count()
        more.click()
        page.wait_for_function("([d, n]) => d.querySelectorAll('li').length > n",
                               arg=[dialog.element_handle(), count])
    assert status.text_content() in ("", dialog.get_attribute("data-none"))
    return [urlsplit(href).path for href in
            dialog.locator("li a").evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize("lang", list(PREFIX))
def test_a_word_of_a_cohort_page_finds_it_in_its_language(phone, base_url, outside, lang):
    phone.goto(base_url + PREFIX[lang] + COHORT)
    lead = phone.locator(".kx-lead").text_content()
    words = [word for word in re.findall(r"\w+", lead)
             # A Ge'ez letter is a syllable: three of them make a word as long as most.
             if len(word) >= (3 if lang == "ti" else 4)
             and all(re.match(SCRIPT[lang], c) for c in word)]
    assert words, f"no word in the script of {lang} in {lead!r}"
    word = max(words, key=len)
    dialog = _open(phone, base_url, lang)
    found = _search(phone, dialog, word)
    assert "/" + PREFIX[lang] + COHORT in found, (word, found)
    assert all(path.startswith("/" + PREFIX[lang]) for path in found)
    if lang == "fr":
        others = tuple("/" + prefix for prefix in PREFIX.values() if prefix)
        assert not any(path.startswith(others) for path in found)
    assert outside == []


EXAMPLES = [
    # (language, as a reader types it, a page it must find)
    ("fa", "پاریس", "antennas/paris/"),
    ("fa", "باریس", "antennas/paris/"),
    ("fa", "پاريس", "antennas/paris/"),  # with the Arabic yeh
    ("uk", "Париж", "antennas/paris/"),
    ("uk", "Лілль", "antennas/lille/"),
    ("ps", "Paris", "antennas/paris/"),  # the Pashto pages write پاریس
    ("ps", "باریس", "antennas/paris/"),
    ("ti", "Paris", "antennas/paris/"),  # the Tigrinya pages write ፓሪስ
    ("sw", "kompiuta", "programs/digitall-beginner/"),
    ("ar", "باریس", "antennas/paris/"),  # with the Persian yeh
    ("ar", "تسجيل", "apply/"),
    ("fr", "debutant", "programs/digitall-beginner/"),
    ("fr", "inscription", "apply/"),
    ("en", "registration", "apply/"),
]


@pytest.mark.parametrize(("lang", "query", "path"), EXAMPLES)
def test_forgiving_queries_find_what_they_mean(phone, base_url, outside, lang, query, path):
    dialog = _open(phone, base_url, lang)
    found = _search(phone, dialog, query)
    assert "/" + PREFIX[lang] + path in found, found
    assert not any(page.endswith("/guide/") for page in found)
    assert outside == []


SPELLINGS = [
    # (language, the spelling the pages use, another a reader types)
    ("fa", "کمپیوتر", "کامپیوتر"),
    ("fa", "کمپیوتر", "كمپيوتر"),  # Arabic kaf and yeh
    ("uk", "комп'ютер", "комп’ютер"),
    ("uk", "комп'ютер", "компʼютер"),
    ("fr", "débutant", "DEBUTANT"),
]


@pytest.mark.parametrize(("lang", "written", "typed"), SPELLINGS)
def test_another_spelling_finds_the_same_pages(phone, base_url, lang, written, typed):
    dialog = _open(phone, base_url, lang)
    expected = _search(phone, dialog, written)
    assert expected
    assert set(_search(phone, dialog, typed)) >= set(expected)


@pytest.mark.parametrize("lang", list(PREFIX))
def test_nothing_is_fetched_before_a_search_then_only_this_language(
        phone, base_url, outside, lang):
    fetched: list[str] = []
    phone.on("request", lambda request: fetched.append(request.url))
    phone.goto(base_url + PREFIX[lang] + COHORT)
    phone.wait_for_load_state("networkidle")
    assert not [url for url in fetched if PAGEFIND in url]
    # Nor Material's lunr search (its worker fetched the whole index on every page).
    assert not [url for url in fetched if "search_index" in url or "workers/search" in url]
    dialog = _open(phone, base_url, lang, COHORT)
    phone.wait_for_timeout(300)
    assert not [url for url in fetched if PAGEFIND in url], "fetched when the dialog opened"
    assert _search(phone, dialog, "Konexio")
    search = [urlsplit(url).path for url in fetched if PAGEFIND in url]
    assert any(path.endswith("pagefind.js") for path in search)
    metas = [path for path in search if path.endswith(".pf_meta")]
    assert metas and all(f"pagefind.{INDEX[lang]}_" in path for path in metas), search
    assert f"/pagefind/kx-synonyms.{lang}.json" in search
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in fetched)
    assert outside == []


@pytest.mark.parametrize("lang", list(PREFIX))
def test_search_speaks_the_pages_language_and_passes_axe(phone, base_url, outside, lang):
    dialog = _open(phone, base_url, lang, COHORT)
    assert dialog.evaluate("d => getComputedStyle(d).direction") == DIRECTION[lang]
    label = dialog.locator("label").text_content().strip()
    assert label == phone.locator("[data-kx-search-open]").get_attribute("aria-label")
    if lang != "fr":  # the words are the catalog's, not the French ones
        french = _open(phone, base_url, "fr").locator("label").text_content().strip()
        assert label != french
        dialog = _open(phone, base_url, lang, COHORT)
    assert _search(phone, dialog, "Konexio")
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    for target in dialog.locator("input, button:visible, li a").all()[:6]:
        assert target.bounding_box()["height"] >= 44
    results = Axe().run(phone)
    assert results.violations_count == 0, results.generate_report()
    phone.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert outside == []
