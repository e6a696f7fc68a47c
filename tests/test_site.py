"""konexio.site: the built site, in process (mkdocs, no browser).

One build of the minimal fixture and one of the shipped data per test session; tests that
break something build their own copy.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from konexio.opendata import OPEN_DATA_FILES
from konexio.problems import DataError
from konexio.site.build import build_site

REPO = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 10)
COHORT = "cohorts/digitall-beginner-paris-2026-11/"


def make_root(target: Path, data: Path) -> Path:
    """A checkout to build: ``data``'s schedules/ and volunteers/, the repository's docs and
    mkdocs.yml (copies, so a test may edit them) and its code (a link)."""
    shutil.copytree(data / "schedules", target / "schedules")
    shutil.copytree(data / "volunteers", target / "volunteers")
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    (target / "scripts").symlink_to(REPO / "scripts")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp("minimal"), FIXTURES / "minimal")
    build_site(root, root / "site", today=TODAY)
    return root / "site"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp("shipped"), REPO)
    build_site(root, root / "site", today=date(2026, 11, 24))
    return root / "site"


class Links(HTMLParser):
    """Every address a page refers to, with the tag it came from."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []
        self.html: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if tag == "html":
            self.html = attr
        if tag == "link":  # rel=canonical or alternate are not fetched; stylesheets are
            tag = f"link:{attr.get('rel', '')}"
        for name in ("href", "src"):
            if attr.get(name):
                self.found.append((tag, name, attr[name]))
        if tag == "link:alternate":
            self.found.append(("hreflang", attr.get("hreflang", ""), attr["href"]))


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def target_of(site: Path, page: Path, address: str) -> Path | None:
    """The file an internal address points at (None for other hosts and schemes)."""
    url = page.relative_to(site).as_posix()
    absolute = urljoin("http://site.invalid/" + url, address)
    parts = urlsplit(absolute)
    if parts.scheme != "http" or parts.netloc != "site.invalid":
        return None
    path = site / parts.path.lstrip("/")
    return path / "index.html" if parts.path.endswith("/") else path


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


OTHERS = ("en/", "ar/", "fa/", "uk/", "ps/", "ti/", "sw/")
TAGS = {"fr": "fr", "en": "en", "ar": "ar", "fa": "fa-AF", "uk": "uk", "ps": "ps", "ti": "ti",
        "sw": "sw"}


def test_every_language_has_the_same_pages(built):
    fr = {p.relative_to(built).as_posix() for p in pages(built)
          if not p.relative_to(built).as_posix().startswith(OTHERS)}
    for lang in ("en", "ar", "fa", "uk", "ps", "ti", "sw"):
        other = {p.relative_to(built / lang).as_posix() for p in (built / lang).rglob("*.html")}
        assert other == fr
    assert {"index.html", f"{COHORT}index.html", "apply/index.html", "guide/index.html",
            "antennas/paris/index.html", "volunteers/index.html"} <= fr


def test_front_matter_of_hand_written_pages_is_read(built):
    for page in pages(built):
        assert "description:" not in page.read_text(encoding="utf-8"), page


def test_each_page_declares_its_language_and_direction(built):
    for page in pages(built):
        rel = page.relative_to(built).as_posix()
        lang = rel[:2] if rel.startswith(OTHERS) else "fr"
        html = parse(page).html
        assert html["lang"] == TAGS[lang], rel
        assert html["dir"] == ("rtl" if lang in ("ar", "fa", "ps") else "ltr"), rel


def test_no_broken_internal_link(built):
    broken = []
    for page in pages(built):
        for tag, _name, address in parse(page).found:
            if tag in ("hreflang", "link:alternate", "link:canonical"):
                continue
            target = target_of(built, page, address)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(built)}: {address}")
    assert broken == []


def test_language_switch_points_at_the_same_page(built):
    page = built / "en" / COHORT / "index.html"
    switch = {address for tag, _name, address in parse(page).found
              if tag == "a" and address.endswith(COHORT)}
    assert {target_of(built, page, a) for a in switch} == {
        built / COHORT / "index.html", built / "ar" / COHORT / "index.html",
        built / "fa" / COHORT / "index.html", built / "uk" / COHORT / "index.html",
        built / "ps" / COHORT / "index.html", built / "ti" / COHORT / "index.html",
        built / "sw" / COHORT / "index.html"}
    text = page.read_text(encoding="utf-8")
    assert 'hreflang="ar" lang="ar" dir="rtl">العربية</a>' in text


def test_sitemaps_name_the_hreflang_alternates_of_each_page(built):
    for sitemap in ("sitemap.xml", "en/sitemap.xml", "ar/sitemap.xml"):
        text = (built / sitemap).read_text(encoding="utf-8")
        for lang, prefix in (("fr", ""), ("en", "en/"), ("ar", "ar/")):
            assert (f'<xhtml:link rel="alternate" hreflang="{lang}" '
                    f'href="https://formations.konexio.eu/{prefix}{COHORT}"/>') in text


def test_no_link_makes_material_fetch_from_the_public_host(built):
    for page in pages(built):
        assert '<link rel="alternate"' not in page.read_text(encoding="utf-8"), page


def test_the_search_speaks_the_page_language(built):
    assert 'aria-label="بحث"' in (built / "ar/index.html").read_text(encoding="utf-8")
    assert 'aria-label="Rechercher"' in (built / "index.html").read_text(encoding="utf-8")


def test_search_index_holds_the_pages_for_learners(shipped):
    """One Pagefind index per language (issue 26): programs, places, cohorts still to come
    or running, the questions and how to apply; not the coordinators' guide, not the lists
    that repeat every cohort (home, places, calendars), not a cohort that has ended; and
    within a page, not the list of every session or the printable timetable."""
    from konexio import i18n
    from konexio.site.search import indexed_pages

    pages = indexed_pages(shipped)
    cohort = "cohorts/digitall-beginner-la-chapelle-2026-11/"
    language = {"fr": "fr", "en": "en", "ar": "ar", "fa": "fa-af", "uk": "uk", "ps": "ps",
                "ti": "ti", "sw": "sw"}
    for lang, index in language.items():
        prefix = "" if lang == "fr" else lang + "/"
        mine = {url[len(prefix) + 1:]: page for url, page in pages.items()
                if page["language"] == index}
        assert all(url.startswith("/" + prefix) for url in
                   (page["url"] for page in mine.values()))
        assert {"programs/digitall-beginner/", "faq/", "apply/", "antennas/paris/",
                cohort} <= set(mine), prefix
        assert {"", "antennas/", "calendars/", "guide/"}.isdisjoint(mine)
        assert "cohorts/digitall-beginner-belleville-2026-09/" not in mine  # ended 2026-10-16
        timetable = i18n.gettext(lang, "La semaine type")  # the printable one's heading
        assert timetable in (shipped / prefix / "antennas/paris/index.html").read_text(
            encoding="utf-8")
        assert timetable not in mine["antennas/paris/"]["content"]
        assert mine[cohort]["content"].count("2026") < 4, prefix  # not every session's day
    # A group nobody can join any more (full or closed) weighs half an open one.
    full = shipped / "cohorts/digitall-beginner-bordeaux-centre-2026-11/index.html"
    still_open = shipped / "cohorts/digitall-intermediate-begles-2027-01/index.html"
    assert '<div data-pagefind-body data-pagefind-weight="0.5">' in full.read_text(
        encoding="utf-8")
    text = still_open.read_text(encoding="utf-8")
    assert "<div data-pagefind-body>" in text and "data-pagefind-weight" not in text


def test_nothing_is_fetched_from_another_host(built):
    for page in pages(built):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        for tag, _name, address in parse(page).found:
            fetched = tag in ("script", "img", "iframe", "source", "link:stylesheet", "link:icon")
            if fetched:
                assert target_of(built, page, address) is not None, (page, address)


def test_cohort_page_links_its_calendar_feed(built):
    page = built / COHORT / "index.html"
    text = page.read_text(encoding="utf-8")
    assert ('href="webcal://formations.konexio.eu/feeds/fr/'
            'cohort-digitall-beginner-paris-2026-11.ics"') in text
    assert (built / "feeds/fr/cohort-digitall-beginner-paris-2026-11.ics").is_file()
    assert (built / "feeds/ar/cohort-digitall-beginner-paris-2026-11.ics").is_file()


def test_antenna_page_has_a_printable_timetable_with_a_qr_code(built):
    text = (built / "antennas/paris/index.html").read_text(encoding="utf-8")
    sheet = text[text.index('<section class="kx-sheet"'):text.index("</section>")]
    assert '<table class="kx-timetable">' in sheet
    assert "<svg" in sheet and "<title>Code QR vers https://formations.konexio.eu/antennas/" \
        "paris/</title>" in sheet
    assert 'lundi et mercredi <bdi dir="ltr">14:00' in sheet and "Centre Belleville" in sheet


def test_nav_lists_few_pages_and_no_cohort(shipped):
    cohorts = [p.name for p in (shipped / "cohorts").iterdir()]
    page = shipped / "cohorts" / cohorts[0] / "index.html"
    text = page.read_text(encoding="utf-8")
    assert all(other not in text for other in cohorts[1:])
    assert len(re.findall(r'class="md-nav__link', text)) < 30


def test_pages_stay_light(shipped):
    heaviest = max(pages(shipped), key=lambda p: p.stat().st_size)
    assert heaviest.stat().st_size <= 60_000, heaviest


def test_escaped_text_from_yaml_in_built_html(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    program = root / "schedules/programs/digitall-beginner.yml"
    evil = '"<script>alert(1)</script> [x](javascript:alert(2))"'
    program.write_text(program.read_text(encoding="utf-8").replace(
        "name: {fr: DigitAll débutant,", f"name: {{fr: {evil},"), encoding="utf-8")
    build_site(root, root / "site", today=TODAY)
    page = (root / "site" / COHORT / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for html in pages(root / "site"):
        text = html.read_text(encoding="utf-8")
        assert "<script>alert" not in text and 'href="javascript:' not in text, html


def test_data_error_writes_nothing_and_keeps_the_previous_site(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    out = root / "site"
    out.mkdir()
    (out / "previous.html").write_text("the site people see now")
    antenna = root / "schedules/antennas/paris.yml"
    antenna.write_text(antenna.read_text().replace("since: 2016", "since: soon"))
    with pytest.raises(DataError) as error:
        build_site(root, out, today=TODAY)
    assert [p.as_text().split(": ")[0] for p in error.value.problems] == [
        "schedules/antennas/paris.yml:5:8"]
    assert sorted(p.name for p in root.iterdir()) == [
        "docs", "mkdocs.yml", "schedules", "scripts", "site", "volunteers"]
    assert [p.name for p in out.iterdir()] == ["previous.html"]


def test_a_page_missing_in_one_language_fails_the_build_in_the_coordinators_words(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    (root / "docs/ar/faq.md").unlink()
    with pytest.raises(DataError) as error:
        build_site(root, root / "site", today=TODAY)
    assert [p.as_text("fr").split(" (")[0] for p in error.value.problems] == [
        "docs/fr/faq.md:1:1: cette page manque en arabe : ajoutez docs/ar/faq.md"]
    assert not (root / "site").exists()


def test_a_rebuild_replaces_the_site(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    out = root / "site"
    out.mkdir()
    (out / "stale.html").write_text("old")
    build_site(root, out, today=TODAY)
    assert not (out / "stale.html").exists() and (out / "ar/index.html").is_file()
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []


def test_a_personal_calendar_folder_among_the_pages_stops_the_build(tmp_path):
    """v/ holds the volunteers' secret calendar addresses, on the association's own host:
    the site, pushed to gh-pages where anyone who reads the repository lists its files,
    never publishes one, even copied among the pages of one language."""
    from konexio.site.build import BuildFailed

    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    token = "Q2hhbmdlZC1ieS10aGUtc3luYy0xMjM0NTY3OA"
    (root / "docs/en/v" / token).mkdir(parents=True)
    (root / "docs/en/v" / token / "agenda.ics").write_text("BEGIN:VCALENDAR\r\n")
    out = root / "site"
    out.mkdir()
    (out / "previous.html").write_text("the site people see now")
    with pytest.raises(BuildFailed, match=r"it holds en/v/, the folder of the volunteers' "
                                          r"personal calendars.*remove docs/en/v/"):
        build_site(root, out, today=TODAY)
    assert [p.name for p in out.iterdir()] == ["previous.html"]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []


def test_open_data_is_published_at_its_stable_addresses(shipped):
    for name, path in OPEN_DATA_FILES.items():
        assert (shipped / path).is_file(), name
    services = json.loads((shipped / OPEN_DATA_FILES["services"]).read_text(encoding="utf-8"))
    assert any(s["id"] == "konexio--paris--digitall-beginner" for s in services)


def test_an_open_data_record_refused_by_data_inclusion_stops_the_build(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    antenna = root / "schedules/antennas/paris.yml"
    antenna.write_text(antenna.read_text(encoding="utf-8").replace(
        "{fr: Paris,", "{fr: Paris.,", 1), encoding="utf-8")
    with pytest.raises(SystemExit, match="konexio--paris: nom"):
        build_site(root, root / "site", today=TODAY)
    assert not (root / "site").exists()
