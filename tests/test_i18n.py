"""The catalogs of the fixed words: complete in every language of every domain,
placeholders intact, the templates (.pot) up to date with the code, and the language list
consistent with the model."""

from __future__ import annotations

import re
import shutil

import pytest
from babel.messages.pofile import read_po

from konexio import LANGUAGES, REQUIRED, catalogs, i18n
from konexio.model.types import Text

SERVED = [(domain.name, lang) for domain in i18n.DOMAINS for lang in domain.languages]


@pytest.mark.parametrize(("domain", "lang"), SERVED, ids=[f"{d}-{lang}" for d, lang in SERVED])
def test_catalog_has_every_message_with_the_same_placeholders(domain, lang):
    assert [p.line() for p in i18n.catalog_problems(lang, domain=domain)] == []


def _messages(catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


@pytest.mark.parametrize("domain", i18n.DOMAINS, ids=lambda d: d.name)
def test_the_template_lists_what_the_code_and_templates_ask_for(domain, tmp_path):
    catalogs.extract(domain, tmp_path / "extracted.pot")
    with (tmp_path / "extracted.pot").open("rb") as pot:
        extracted = _messages(read_po(pot))
    assert extracted == _messages(i18n.read_template(domain.name)), "run 'make catalogs'"
    assert len(extracted) > 40


def _broken_copy(tmp_path, monkeypatch, lang, old, new, domain="konexio"):
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    po = locale / lang / "LC_MESSAGES" / f"{domain}.po"
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    return i18n.catalog_problems(lang, domain=domain)


def test_a_placeholder_spelt_otherwise_is_found(tmp_path, monkeypatch):
    found = _broken_copy(tmp_path, monkeypatch, "en",
                         'msgstr "Group in %(antenna)s, from %(month)s"',
                         'msgstr "Group in %(antenna)s, from %(mois)s"')
    assert [(p.message, p.what) for p in found] == [
        ("Groupe de %(antenna)s, à partir de %(month)s",
         "placeholders ['antenna', 'mois'] instead of ['antenna', 'month']")]


def test_a_missing_message_is_found(tmp_path, monkeypatch):
    found = _broken_copy(tmp_path, monkeypatch, "ar", 'msgid "Imprimer"', 'msgid "Imprimez"')
    assert [(p.message, p.what) for p in found] == [("Imprimer", "missing")]


def test_a_fuzzy_entry_counts_as_missing(tmp_path, monkeypatch):
    found = _broken_copy(tmp_path, monkeypatch, "uk", 'msgid "Imprimer"',
                         '#, fuzzy\nmsgid "Imprimer"')
    assert [(p.message, p.what) for p in found] == [("Imprimer", "fuzzy (not used)")]


def test_a_plural_form_may_say_the_number_in_words_but_not_lose_another_placeholder(
        tmp_path, monkeypatch):
    assert _broken_copy(tmp_path, monkeypatch, "en", 'msgstr[0] "%(num)d cohort"',
                        'msgstr[0] "one cohort"', "coordinators") == []
    found = _broken_copy(tmp_path / "2", monkeypatch, "en", 'msgstr[0] "%(num)d/%(needed)d open"',
                         'msgstr[0] "%(num)d open"', "coordinators")
    assert [(p.message, p.what) for p in found] == [
        ("%(num)d/%(needed)d libre", "placeholders ['num'] instead of ['needed', 'num']")]


def test_a_plural_rule_other_than_cldr_s_is_found(tmp_path, monkeypatch):
    found = _broken_copy(tmp_path, monkeypatch, "ar", "nplurals=6; plural=(n == 0 ? 0 :",
                         "nplurals=6; plural=(n == 1 ? 0 :")
    assert [p.message for p in found] == ["Plural-Forms"]


def test_a_catalog_missing_for_a_language_of_its_domain_is_found(tmp_path, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    (locale / "en" / "LC_MESSAGES" / "coordinators.po").unlink()
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    assert [p.what for p in i18n.catalog_problems("en", domain="coordinators")] == [
        "no catalog (run 'make catalogs')"]


def test_each_domain_has_the_languages_of_its_readers():
    assert i18n.SITE.languages == LANGUAGES
    assert i18n.COORDINATORS.languages == ("fr", "en")
    assert i18n.VOLUNTEERS.languages == ("fr", "en", "ar")
    # A language without the domain's catalog reads the French words.
    assert i18n.VOLUNTEERS.gettext("uk", "Bonjour %(name)s,", name="Олена") == "Bonjour Олена,"
    assert i18n.VOLUNTEERS.gettext("ar", "Bonjour %(name)s,", name="ليلى") == "مرحبًا ليلى،"


def test_plural_forms_follow_each_language():
    # Ukrainian: 1 заняття, 3 заняття, 5 занять; French: 0 and 1 are singular.
    assert i18n.translations("uk").ngettext("%(num)d séance", "%(num)d séances", 5) \
        % {"num": 5} == "5 занять"
    assert i18n.translations("uk").ngettext("%(num)d séance", "%(num)d séances", 3) \
        % {"num": 3} == "3 заняття"
    assert i18n.translations("fr").ngettext("%(num)d séance", "%(num)d séances", 0) \
        % {"num": 0} == "0 séance"
    assert i18n.translations("en").ngettext("%(num)d séance", "%(num)d séances", 1) \
        % {"num": 1} == "1 session"


def test_feed_words_have_their_own_context():
    assert i18n.pgettext("en", i18n.FEED_CONTEXT, "Inscriptions ouvertes") == \
        "Open for applications"
    assert i18n.gettext("en", "Inscriptions ouvertes") == "Open: you can apply"


def test_translations_written_here_wait_for_a_native_reader():
    template = sum(1 for m in i18n.read_template() if m.id)
    assert i18n.needing_review("fa") == template
    assert i18n.needing_review("uk") == template
    for lang in ("ps", "ti", "sw"):  # issue 25 point 3: every word, and every data text
        assert i18n.needing_review(lang) == template
        assert i18n.needing_review(lang, "data") == len(
            [m for m in i18n.read_catalog(lang, "data") if m.id]) > 200
    assert i18n.needing_review("fr") == 0


def test_languages_file_and_text_model_agree():
    assert LANGUAGES[:3] == ("fr", "en", "ar") and set(LANGUAGES) >= {"fa", "uk"}
    assert REQUIRED == ("fr", "en", "ar")
    fields = Text.model_fields
    assert set(fields) == set(LANGUAGES)
    assert {name for name, field in fields.items() if field.is_required()} == set(REQUIRED)
    assert i18n.BY_CODE["fa"].tag == "fa-AF" and i18n.BY_CODE["fa"].rtl


def test_a_text_falls_back_to_the_language_the_reader_likelier_reads():
    text = Text(fr="Bonjour", en="Hello", ar="مرحبا")
    assert text.pick("fa") == ("en", "Hello")
    assert text.pick("ar") == ("ar", "مرحبا")
    assert Text(fr="Bonjour", en="Hello", ar="مرحبا", uk="Привіт").pick("uk") == ("uk", "Привіт")
    assert i18n.fallbacks("fa") == ("fa", "en", "fr")
    # Pashto readers from Afghanistan read Dari, in the same script and direction, first.
    assert text.pick("ps") == ("en", "Hello")
    assert Text(fr="Bonjour", en="Hello", ar="مرحبا", fa="سلام").pick("ps") == ("fa", "سلام")
    assert i18n.fallbacks("ps") == ("ps", "fa", "en", "fr")
    assert i18n.fallbacks("ti") == ("ti", "en", "fr")
    assert i18n.fallbacks("sw") == ("sw", "en", "fr")


def test_a_dari_text_in_the_yaml_is_counted_and_shown_without_fallback(minimal_root):
    from datetime import date

    from konexio.model.texts import DataTexts
    from konexio.pages.render import render_pages
    from konexio.pages.views import Site
    from konexio.validate import load_valid
    from konexio.validate.coverage import coverage

    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    text = program.read_text(encoding="utf-8")
    assert "name: {fr: DigitAll débutant" in text
    program.write_text(text.replace("name: {fr: DigitAll débutant",
                                    "name: {fa: دیجیتال مبتدی, fr: DigitAll débutant"),
                       encoding="utf-8")
    # Without the data catalogs (tests/test_data_texts.py has them): the YAML's words only.
    dataset, schedule = load_valid(minimal_root, texts=DataTexts())
    counts = {c.lang: (c.translated, c.total) for c in coverage(dataset)}
    total = counts["fr"][1]
    assert counts["fa"] == (1, total) and counts["uk"] == (0, total)
    assert counts["ar"] == (total, total)
    site = Site.of(dataset, schedule, date(2026, 11, 10), "https://example.org/")
    pages = {p.src_uri: p.markdown for p in render_pages(site, "fa")}
    cohort = pages["cohorts/digitall-beginner-paris-2026-11/index.md"]
    assert "# دیجیتال مبتدی\n" in cohort
    # The venue has no Dari name: English, marked as such.
    assert '<span lang="en" dir="ltr">' in cohort


def test_validate_reports_each_languages_coverage(minimal_root):
    import subprocess
    import sys

    def report(*lang: str) -> list[str]:
        result = subprocess.run([sys.executable, "-m", "konexio", "validate", "--root",
                                 str(minimal_root), *lang], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0, result.stderr
        return [line.strip() for line in result.stdout.splitlines()]

    lines = report("--lang", "en")
    assert any(line.startswith("ar: ") and "(100 %, required)" in line for line in lines)
    # The fixture's texts that the shipped data catalogs translate (same file, same French)
    # count: tests/test_data_texts.py counts them independently.
    assert any(re.fullmatch(r"fa: \d+/\d+ texts of the data \(\d+ %, optional, falls back\)",
                            line) for line in lines)
    assert any(line.startswith("uk: ") for line in lines)
    # French by default, with no English word in it.
    lines = report()
    assert any(line.startswith("ar : ") and "(100 %, obligatoire)" in line for line in lines)
    assert any(line.startswith("fa : ") and "repli" in line for line in lines)
    assert not any("texts" in line for line in lines)


def test_a_message_is_worded_in_the_reader_s_language_where_it_is_shown():
    # As the sync's roster check words "Bénévoles!D4 : ... écrivez fr, en ou ar ...".
    said = i18n.COORDINATORS.message(
        i18n.N_("%(cell)s : langue « %(typed)s » inconnue ; écrivez %(choices)s (français en "
                "attendant)."), cell="B!D4", typed="es", choices=i18n.Alternatives(("fr", "en")))
    assert said == "B!D4 : langue « es » inconnue ; écrivez fr ou en (français en attendant)."
    assert said.text("en") == "B!D4: unknown language 'es'; write fr or en (French meanwhile)."
    # A language the domain lacks reads French, as gettext does.
    assert said.text("uk") == str(said)
    counted = i18n.COORDINATORS.message(
        i18n.NN_("%(reply)s (temporaire ; %(num)d essai)",
                 "%(reply)s (temporaire ; %(num)d essais)"), reply="421", num=4)
    assert counted == "421 (temporaire ; 4 essais)"
    assert counted.text("en") == "421 (temporary; 4 tries)"
    outer = i18n.COORDINATORS.message(i18n.N_("refusé par le serveur : %(mail)s : %(detail)s"),
                                      mail="m", detail=counted)
    assert outer.text("en") == "refused by the server: m: 421 (temporary; 4 tries)"
