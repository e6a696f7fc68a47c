"""The privacy notice for volunteers (``volunteers/privacy/``): in every language of the
site, with the retention period and the contact of ``volunteers/privacy.yml`` (typed there
only), and every column of the roster said in plain words."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from konexio import LANGUAGES, i18n, urls
from konexio.pages.formatting import Dates
from konexio.pages.render import render_pages, source
from konexio.pages.views import Site
from konexio.pages.words import GROUPS
from konexio.sync.requirements import EVERY_COLUMN
from konexio.validate import load_valid

REPO = Path(__file__).parent.parent
PAGE = source("volunteers-privacy")
TODAY = date(2026, 11, 10)


def pages(root: Path, lang: str) -> dict[str, str]:
    dataset, schedule = load_valid(root) if root != REPO else shipped()
    site = Site.of(dataset, schedule, TODAY, "https://example.org/")
    return {page.src_uri: page.markdown for page in render_pages(site, lang)}


def notice(root: Path, lang: str) -> str:
    return pages(root, lang)[PAGE]


@cache
def shipped():
    """The repository's data, read once for the whole module (it does not change)."""
    return load_valid(REPO)


def section(markdown: str, anchor: str) -> str:
    """The text of the section ``## ... {: #anchor }``, up to the next heading of its level."""
    return re.search(rf"\{{: #{anchor} \}}\n(.*?)(?=\n## |\Z)", markdown, re.S).group(1)


def test_the_page_is_at_volunteers_privacy_in_every_language():
    assert PAGE == "volunteers/privacy/index.md"
    assert urls.page_url("fr", "volunteers-privacy") == "volunteers/privacy/"
    assert urls.page_url("uk", "volunteers-privacy") == "uk/volunteers/privacy/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_retention_period_shown_is_the_one_of_privacy_yml(minimal_root, lang):
    (minimal_root / "volunteers/privacy.yml").write_text(
        "retention_months: 29\ncontact:\n  email: contact@konexio.eu\n"
        "  address: Konexio, 55 rue X, 75020 Paris\n", encoding="utf-8")
    text = notice(minimal_root, lang)
    how_long = section(text, "how-long")
    # The three rules (past sign-ups and the journal; the attendance marks; the roster row)
    # say the figure, in the plural form of the page's language ("29 شهرًا", "29 місяців").
    # In the language's digits: "۲۹ ماه" in Dari (tests/test_pages_formatting.py).
    figure = Dates(lang).number(29)
    months = i18n.SITE.ngettext(lang, "%(num)d mois", "%(num)d mois", 29).replace("29", figure)
    # Swahili says the noun first ("miezi 29").
    assert figure in months.split() and how_long.count(months) == 3, how_long
    assert "13" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_page_says_the_shipped_period_and_contact(lang):
    dataset, _ = shipped()
    text = notice(REPO, lang)
    figure = Dates(lang).number(dataset.privacy.retention_months)
    assert len(re.findall(rf"\b{figure}\b", section(text, "how-long"))) == 3
    contact = section(text, "contact")
    assert f'<a href="mailto:{dataset.privacy.contact.email}">' in contact
    assert dataset.privacy.contact.address in contact
    assert "https://www.cnil.fr/" in contact


def test_without_privacy_yml_the_page_names_each_antennas_address(minimal_root):
    contact = section(notice(minimal_root, "fr"), "contact")
    assert "Écrivez à l'antenne où vous êtes bénévole" in contact
    assert "- **Paris**: <a href=\"mailto:contact@konexio.eu\">" in contact


def test_every_column_of_the_roster_is_said_in_plain_words(minimal_root):
    assert sorted(GROUPS["roster"]) == sorted(EVERY_COLUMN)
    kept = section(notice(minimal_root, "en"), "kept")
    for column in EVERY_COLUMN:
        said = i18n.gettext("en", GROUPS["roster"][column]).replace("'", "&#39;")
        assert f"- {said}" in kept, column
    assert "phone number, only if you give it: it is not required" in kept
    assert "We do not keep your date of birth" in kept
    assert "- if you are 18 or over, when your role requires it: a yes, never your date of " \
        "birth;" in kept


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_is_in_the_language_of_its_folder(minimal_root, lang):
    text = notice(minimal_root, lang)
    title = i18n.gettext(lang, "Bénévoles : vos données personnelles")
    assert text.startswith("---\ntitle: ")
    assert f"\n# {title}\n" in text
    assert lang == "fr" or title != "Bénévoles : vos données personnelles"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_volunteers_page_and_the_site_privacy_page_link_to_it(minimal_root, lang):
    volunteers = pages(minimal_root, lang)["volunteers/index.md"]
    assert "](privacy/index.md)" in volunteers
    hand_written = (REPO / "docs" / lang / "privacy.md").read_text(encoding="utf-8")
    assert "](volunteers/privacy/index.md)" in hand_written
    # The site's own privacy page names the same contact as privacy.yml.
    email = shipped()[0].privacy.contact.email
    assert f"mailto:{email}" in hand_written
