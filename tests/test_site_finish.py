"""Our own step over the built HTML (``site/finish.py``), the same after either engine:
``<html>`` carries the page's BCP 47 tag and direction, and each language's sitemap lists
its pages with their alternates in every language and ``lastmod`` from git."""

from __future__ import annotations

import gzip
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from konexio import LANGUAGES, urls
from konexio.site import finish
from konexio.site.build import build_site
from test_site import FIXTURES, TODAY, make_root

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
COHORT_FILE = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"


def commit_on(root: Path, day: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00",
           "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (["add", "-A", "schedules", "volunteers", "docs"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> Path:
    """The minimal data committed on 1 Sept 2026, its cohort edited on 5 Oct, the French
    about page on 7 Oct; then built."""
    root = make_root(tmp_path_factory.mktemp("dated"), FIXTURES / "minimal")
    subprocess.run(["git", "-C", str(root), "init", "-q", "-b", "main"], check=True)
    commit_on(root, "2026-09-01", "data")
    cohort = root / COHORT_FILE
    cohort.write_text(cohort.read_text(encoding="utf-8").replace("capacity: 12", "capacity: 13"),
                      encoding="utf-8")
    commit_on(root, "2026-10-05", "cohort")
    about = root / "docs/fr/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nUne ligne de plus.\n",
                     encoding="utf-8")
    commit_on(root, "2026-10-07", "about")
    build_site(root, root / "site", today=TODAY)
    return root / "site"


def entries(sitemap: Path) -> dict[str, tuple[str | None, dict[str, str]]]:
    """Each page's address -> (lastmod, {hreflang: address})."""
    found = {}
    for url in ET.parse(sitemap).getroot().findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href")
                      for link in url.findall("x:link", NS)}
        lastmod = url.find("s:lastmod", NS)
        found[url.find("s:loc", NS).text] = (None if lastmod is None else lastmod.text,
                                             alternates)
    return found


def test_every_page_is_in_its_sitemap_with_every_language(dated):
    site = "https://formations.konexio.eu/"
    for lang in LANGUAGES:
        prefix = urls.lang_prefix(lang)
        listed = entries(dated / prefix / "sitemap.xml")
        pages = {p.relative_to(dated / prefix).as_posix() for p in (dated / prefix).rglob(
            "index.html")}
        own = {page[: -len("index.html")] for page in pages
               if not any(page.startswith(urls.lang_prefix(o)) for o in LANGUAGES
                          if urls.lang_prefix(o))}
        assert set(listed) == {site + prefix + page for page in own}, lang
        for _lastmod, alternates in listed.values():
            assert set(alternates) == {"fr", "en", "ar", "fa-AF", "uk", "ps", "ti", "sw"}
        cohort = listed[site + prefix + "cohorts/digitall-beginner-paris-2026-11/"][1]
        assert cohort["fa-AF"] == site + "fa/cohorts/digitall-beginner-paris-2026-11/"
        gz = gzip.decompress((dated / prefix / "sitemap.xml.gz").read_bytes())
        assert gz == (dated / prefix / "sitemap.xml").read_bytes()


def test_lastmod_is_when_what_the_page_shows_last_changed_in_git(dated):
    site = "https://formations.konexio.eu/"
    french = entries(dated / "sitemap.xml")
    english = entries(dated / "en" / "sitemap.xml")
    cohort = "cohorts/digitall-beginner-paris-2026-11/"
    assert french[site + cohort][0] == "2026-10-05"  # its file, edited then
    assert french[site + "programs/digitall-beginner/"][0] == "2026-10-05"  # with its cohort
    assert french[site + "about/"][0] == "2026-10-07"  # the French page was edited
    assert english[site + "en/about/"][0] == "2026-09-01"  # the English one was not
    assert french[site][0] == "2026-10-05"  # the home page: the newest data


def test_every_page_says_its_language_tag_and_direction_on_html(dated):
    for lang, tag, direction in (("fr", "fr", "ltr"), ("ar", "ar", "rtl"),
                                 ("fa", "fa-AF", "rtl"), ("uk", "uk", "ltr"),
                                 ("ps", "ps", "rtl"), ("ti", "ti", "ltr"), ("sw", "sw", "ltr")):
        root = dated / urls.lang_prefix(lang)
        pages = list(finish.html_files(root, lang))
        assert len(pages) > 10
        for page in pages:
            head = page.read_text(encoding="utf-8")[:200]
            assert f'<html lang="{tag}" dir="{direction}" class="no-js">' in head, page


def test_a_page_without_the_themes_html_tag_stops_the_build(tmp_path):
    (tmp_path / "index.html").write_text('<html lang="fr" class="no-js">…', encoding="utf-8")
    (tmp_path / "odd.html").write_text("<html><body>…", encoding="utf-8")

    with pytest.raises(finish.FinishError, match="odd.html"):
        finish.tag_html(tmp_path, "fr")


def test_the_default_languages_step_leaves_the_other_languages_folders_alone(tmp_path):
    (tmp_path / "index.html").write_text('<html lang="fr" class="no-js">', encoding="utf-8")
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "index.html").write_text('<html lang="ar" dir="rtl" class="no-js">',
                                                encoding="utf-8")

    assert finish.tag_html(tmp_path, "fr") == 1
    assert (tmp_path / "ar" / "index.html").read_text(encoding="utf-8") == \
        '<html lang="ar" dir="rtl" class="no-js">'
