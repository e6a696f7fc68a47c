"""The coordinators' sentences (``messages.render``), read from the ``coordinators`` catalogs:
plural forms, the reader's weekdays and language names, the libraries' own words shown
only to readers of English, French for a language without that catalog."""

from __future__ import annotations

import pytest

from konexio.cli import main
from konexio.problems import problem


def _message(code: str, lang: str, /, **params) -> str:
    return problem("schedules/cohorts/paris/x.yml", 1, 1, code, **params).message(lang)


def test_the_library_detail_is_shown_to_readers_of_english_only():
    detail = "expected <block end>, but found '-'"
    assert _message("yaml.syntax", "en", detail=detail) == (
        "the YAML cannot be read here (expected <block end>, but found '-'); check "
        "indentation, quotes and ':'")
    assert _message("yaml.syntax", "fr", detail=detail) == (
        "le YAML ne peut pas être lu ici ; vérifiez l'indentation, les guillemets et les « : » "
        "de cette ligne et de la précédente")
    # Without a detail, English readers get the advice too, in their words.
    assert _message("field.invalid", "en", field="capacity") == (
        "value refused for 'capacity'; compare it with the example in the guide "
        "(CONTRIBUTING.en.md)")
    assert _message("field.invalid", "en", field="capacity", detail="Input should be > 0") == \
        "value refused for 'capacity': Input should be > 0"


@pytest.mark.parametrize(("weeks", "french", "english"), [
    (1, "la cohorte dure 1 semaine (du", "the cohort lasts 1 week ("),
    (2, "la cohorte dure 2 semaines (du", "the cohort lasts 2 weeks ("),
])
def test_a_count_takes_the_plural_form_of_the_language(weeks, french, english):
    values = dict(weeks=weeks, start="2027-01-12", end="2027-01-20", program="digitall",
                  min=4, max=14)
    assert _message("cohort.too_short", "fr", **values).startswith(french)
    assert _message("cohort.too_short", "en", **values).startswith(english)


def test_weekdays_and_lists_are_written_as_the_reader_writes_them():
    values = dict(date="2026-11-11", weekday=2, days=[0, 3])
    assert _message("change.weekday", "fr", **values) == (
        "la cohorte n'a pas de séance le 2026-11-11 (un mercredi) ; ses séances ont lieu "
        "le lundi et le jeudi")
    assert _message("change.weekday", "en", **values) == (
        "the cohort has no session on 2026-11-11 (a Wednesday); its sessions are on Monday "
        "and Thursday")
    assert _message("change.weekday", "en", **{**values, "days": [0, 2, 4]}).endswith(
        "Monday, Wednesday and Friday")


def test_language_names_and_suggestions_come_in_the_reader_s_language():
    assert _message("text.missing_language", "fr", lang="ar", field="name") == \
        "il manque la traduction en arabe de « name » (ajoutez « ar: »)"
    assert _message("text.missing_language", "en", lang="ar", field="name") == \
        "the Arabic translation of 'name' is missing (add 'ar:')"
    assert _message("field.enum", "en", value="tusday", expected="tuesday",
                    suggestion="tuesday").endswith(". Did you mean 'tuesday'?")


def test_a_language_without_a_coordinators_catalog_reads_french():
    assert _message("yaml.empty", "ar") == "ce fichier est vide"


def test_the_commands_offer_the_languages_the_coordinators_catalogs_have(minimal_root,
                                                                          capsys):
    with pytest.raises(SystemExit) as refused:
        main(["validate", "--root", str(minimal_root), "--lang", "ar"])
    assert refused.value.code == 2
    assert "invalid choice: 'ar' (choose from 'fr', 'en')" in capsys.readouterr().err
    assert main(["validate", "--root", str(minimal_root), "--lang", "en"]) == 0
    assert "The data is valid: 1 cohort, 17 sessions." in capsys.readouterr().out
    assert main(["validate", "--root", str(minimal_root)]) == 0
    assert "Les données sont valides : 1 cohorte, 17 séances." in capsys.readouterr().out
