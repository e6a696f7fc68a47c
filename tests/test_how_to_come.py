"""How to come (issue 24 point 2): typed, validated, and shown on program and cohort pages
in every language, a cohort's own replacing its program's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from konexio import LANGUAGES, digits, i18n
from konexio.model.how_to_come import Channel, HowToCome, Public, Referral, Referrer
from konexio.pages.render import render_pages
from konexio.pages.views import Site
from konexio.validate import check, load_valid

ROOT = Path(__file__).parent.parent
LILLE = "digitall-beginner-maison-des-associations-2027-01"


@pytest.fixture(scope="module")
def shipped() -> Site:
    dataset, schedule = load_valid(ROOT)
    return Site.of(dataset, schedule, date(2026, 11, 20), "https://example.org/")


def _section(markdown: str) -> str:
    start = markdown.index("{: #how-to-come }")
    return markdown[start:markdown.index("\n## ", start)]


def test_every_shipped_program_says_how_to_come(shipped: Site):
    for program_id, entry in shipped.dataset.programs.items():
        assert entry.model.how_to_come is not None, program_id


def test_a_cohort_s_own_how_to_come_replaces_its_program_s(shipped: Site):
    dataset = shipped.dataset
    lille = dataset.how_to_come(LILLE)
    assert lille is dataset.cohorts[LILLE].model.how_to_come and lille.min_age == 16
    other = next(c for c, e in dataset.cohorts.items()
                 if e.model.program == "digitall-beginner" and e.model.how_to_come is None)
    assert dataset.how_to_come(other) is dataset.programs["digitall-beginner"].model.how_to_come


@pytest.mark.parametrize("lang", LANGUAGES)
def test_program_and_cohort_pages_show_it_in_every_language(shipped: Site, lang: str):
    pages = {page.src_uri: page.markdown for page in render_pages(shipped, lang)}
    program = _section(pages["programs/digitall-beginner/index.md"])
    cohort = _section(pages[f"cohorts/{LILLE}/index.md"])
    # In the language's digits (Persian in Dari): the ages of the data's texts, translated
    # in the data catalogs (issue 25), as well as the site's own words.
    def age(years: int) -> str:
        return digits.localize(str(years), i18n.BY_CODE[lang].locale)

    assert age(18) in program and age(16) not in program
    assert age(16) in cohort
    assert 'href="mailto:lille@konexio.eu"' in cohort, "the antenna's address when none given"
    if lang != "fr":
        assert "Qui peut venir" not in program and "vous-même" not in program, lang


def test_phone_whatsapp_and_form_become_links(minimal_root: Path):
    referral = Referral(by=[Referrer.social_worker], how=[Channel.phone, Channel.whatsapp],
                        phone="+33 6 12 34 56 78", whatsapp="+33 6 12 34 56 78")
    assert referral.phone_uri == "tel:+33612345678"
    assert referral.whatsapp_url == "https://wa.me/33612345678"


def test_a_phone_number_without_country_code_is_refused_at_its_line(minimal_root: Path):
    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8") + (
        "how_to_come:\n"
        "  publics: [everyone]\n"
        "  min_age: 18\n"
        "  french: none\n"
        "  placement_test: false\n"
        "  referral:\n"
        "    by: [learner]\n"
        "    how: [phone]\n"
        "    phone: 06 12 34 56 78\n"
        "  next: {fr: On vous appelle, en: We call you, ar: نتصل بك}\n"
        "  answer_days: 3\n"), encoding="utf-8")
    found = [p.as_text() for p in check(minimal_root).problems]
    assert len(found) == 1 and found[0].startswith(
        "schedules/programs/digitall-beginner.yml:20:12: "), found


def test_public_words_are_data_inclusion_s():
    from data_inclusion.schema.v1 import ModeMobilisation, PersonneMobilisatrice
    from data_inclusion.schema.v1 import Public as DataInclusionPublic

    assert {p.data_inclusion for p in Public} <= {p.value for p in DataInclusionPublic}
    assert {r.data_inclusion for r in Referrer} <= {p.value for p in PersonneMobilisatrice}
    assert {c.data_inclusion for c in Channel} - {None} <= {m.value for m in ModeMobilisation}
    assert "any_papers" in HowToCome.model_fields
