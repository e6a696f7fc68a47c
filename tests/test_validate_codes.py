"""Codes and names coordinators type: languages, file names, spreadsheet ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from konexio.validate import check

COHORT = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"


def set_language(root: Path, code: str) -> None:
    path = root / COHORT
    path.write_text(path.read_text(encoding="utf-8").replace("language: fr",
                                                             f"language: {code}"),
                    encoding="utf-8")


@pytest.mark.parametrize("code", ["fr", "ar", "sw", "ps", "uk"])
def test_a_language_babel_can_name_in_every_site_language_is_accepted(minimal_root, code):
    set_language(minimal_root, code)
    assert check(minimal_root).ok


@pytest.mark.parametrize(("code", "suggestion"), [("rf", "fr"), ("ra", "ar"), ("xx", "")])
def test_an_unknown_language_is_refused_with_the_site_language_meant(minimal_root, code,
                                                                     suggestion):
    set_language(minimal_root, code)
    [found] = check(minimal_root).problems
    assert (found.line, found.col, found.code) == (5, 11, "language.unknown")
    assert dict(found.params)["suggestion"] == suggestion


def test_hidden_files_and_the_schema_folder_are_not_reported(minimal_root):
    (minimal_root / "schedules/cohorts/paris/.gitkeep").write_text("", encoding="utf-8")
    (minimal_root / "schedules/schema").mkdir()
    (minimal_root / "schedules/schema/cohort.schema.json").write_text("{}", encoding="utf-8")
    assert check(minimal_root).ok


def test_any_other_file_in_an_id_folder_is_reported(minimal_root):
    (minimal_root / "schedules/programs/Notes.txt").write_text("x", encoding="utf-8")
    [found] = check(minimal_root).problems
    assert found.as_text() == (
        "schedules/programs/Notes.txt:1:1: ce fichier n'est pas lu : son nom ne finit pas "
        "par .yml ; renommez-le, par exemple notes.yml")


SIGNUP_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_abc-efgh"
PEOPLE_ID = "1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_zyx-wvut"


def test_a_real_spreadsheet_id_is_accepted(minimal_root):
    (minimal_root / "volunteers/sheets.yml").write_text(
        f"spreadsheets:\n  paris: {SIGNUP_ID}\npeople: {PEOPLE_ID}\n", encoding="utf-8")
    assert check(minimal_root).ok
    (minimal_root / "volunteers/sheets.yml").write_text(
        f"spreadsheets:\n  paris: {SIGNUP_ID}\npeople:\n  paris: {PEOPLE_ID}\n",
        encoding="utf-8")
    assert check(minimal_root).ok


def messages_of(root, lang="fr") -> list[str]:
    return [p.as_text(lang) for p in check(root).problems]


def test_sign_up_spreadsheets_without_a_people_one_are_refused_on_their_line(minimal_root):
    (minimal_root / "volunteers/sheets.yml").write_text(
        f"spreadsheets:\n  paris: {SIGNUP_ID}\n", encoding="utf-8")
    [found] = messages_of(minimal_root)
    assert found.startswith("volunteers/sheets.yml:1:1: il manque le classeur des personnes")
    [found] = messages_of(minimal_root, "en")
    assert found.startswith("volunteers/sheets.yml:1:1: ") and "people spreadsheet" in found


def test_a_people_spreadsheet_that_is_also_a_sign_up_one_is_refused(minimal_root):
    (minimal_root / "volunteers/sheets.yml").write_text(
        f"spreadsheets:\n  paris: {SIGNUP_ID}\npeople: {SIGNUP_ID}\n", encoding="utf-8")
    [found] = messages_of(minimal_root)
    assert found.startswith(f"volunteers/sheets.yml:3:9: « {SIGNUP_ID} » est aussi un "
                            "classeur d'inscription")


def test_an_antenna_without_its_people_spreadsheet_is_named(minimal_root):
    (minimal_root / "volunteers/sheets.yml").write_text(
        f"spreadsheets:\n  paris: {SIGNUP_ID}\npeople:\n  pariss: {PEOPLE_ID}\n",
        encoding="utf-8")
    found = messages_of(minimal_root)
    assert any(line.startswith("volunteers/sheets.yml:2:3: l'antenne paris n'a pas de "
                               "classeur des personnes") for line in found), found
    assert any(line.startswith("volunteers/sheets.yml:4:3: ") and "pariss" in line
               for line in found), found


def test_a_yml_name_with_a_second_extension_gets_its_name_back(minimal_root):
    (minimal_root / "schedules/programs/digistart.yml.txt").write_text("x", encoding="utf-8")
    [found] = check(minimal_root).problems
    assert found.message().endswith("par exemple digistart.yml")


ANTENNA = "schedules/antennas/paris.yml"


def set_country(root: Path, country: str) -> None:
    path = root / ANTENNA
    path.write_text(path.read_text(encoding="utf-8").replace("country: FR", country),
                    encoding="utf-8")


@pytest.mark.parametrize("country", ["country: FR", "country: UK",
                                     'country: FR\nsubdivision: "971"',
                                     "country: GB\nsubdivision: SCT"])
def test_a_country_and_region_the_holidays_package_knows_are_accepted(minimal_root, country):
    set_country(minimal_root, country)
    assert check(minimal_root).ok


@pytest.mark.parametrize(("country", "code", "suggestion"), [
    ("country: ZZ", "country.unknown", ""),
    ('country: FR\nsubdivision: "9711"', "subdivision.unknown", "971"),
    ("country: GB\nsubdivision: SCO", "subdivision.unknown", "SCT"),
])
def test_an_unknown_country_or_region_is_refused_with_the_code_meant(minimal_root, country,
                                                                    code, suggestion):
    set_country(minimal_root, country)
    found = [p for p in check(minimal_root).problems if p.code == code]
    assert len(found) == 1
    assert dict(found[0].params)["suggestion"] == suggestion


@pytest.mark.parametrize("zone", ["Europe/Pari", "Europe/" + "a" * 300])
def test_an_unknown_or_overlong_time_zone_is_a_problem_not_a_crash(minimal_root, zone):
    [path] = (minimal_root / "schedules/antennas").glob("*.yml")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "timezone: Europe/Paris", f"timezone: {zone}"), encoding="utf-8")
    [found] = check(minimal_root).problems
    assert (found.line, found.code) == (4, "timezone.unknown")


@pytest.mark.parametrize("typed", ['"14h"', '"14h00"', '"14:00"'])
def test_a_time_that_cannot_mean_two_things_is_read_one_way(minimal_root, typed):
    """Issue 27: `9h30` was accepted but `9h` refused; both are now read as one time, the
    same everywhere (the expanded sessions start at 14:00)."""
    path = next((minimal_root / "schedules/cohorts").rglob("*.yml"))
    text = path.read_text(encoding="utf-8")
    assert 'start: "14:00"' in text
    path.write_text(text.replace('start: "14:00"', f"start: {typed}", 1), encoding="utf-8")
    checked = check(minimal_root)
    assert checked.ok, [p.as_text("en") for p in checked.problems]
    assert {o.start.strftime("%H:%M") for o in checked.schedule.occurrences} == {"14:00"}


@pytest.mark.parametrize(("typed", "answer"), [
    ("9.30", 'write "09:30"'), ('"9 h 30"', 'write "09:30"'), ("1400", "write it HH:MM"),
    ("9.5", "write it HH:MM")])
def test_a_time_written_otherwise_gets_its_own_value_back_when_it_is_sure(minimal_root, typed,
                                                                        answer):
    path = next((minimal_root / "schedules/cohorts").rglob("*.yml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('start: "14:00"', f"start: {typed}", 1), encoding="utf-8")
    [found] = [p.as_text("en") for p in check(minimal_root).problems]
    assert answer in found


def _cohort(root):
    return next((root / "schedules/cohorts").rglob("*.yml"))


def test_cancelling_a_moved_session_by_its_new_day_points_to_its_planned_day(minimal_root):
    """Issue 27: the session of Wednesday 18 November was moved to Thursday 19; the site
    shows it on the 19th, so that is the day a coordinator types to cancel it."""
    path = _cohort(minimal_root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cancelled:\n", "cancelled:\n  - date: 2026-11-19\n"
                                 "    reason: {fr: Grève, en: Strike, ar: إضراب}\n", 1),
                    encoding="utf-8")
    [found] = check(minimal_root).problems
    assert found.as_text() == (
        f"{found.path}:18:11: le 2026-11-19 est le nouveau jour de la séance prévue le "
        "2026-11-18 (déplacée sous « moved: ») ; « date » est toujours le jour prévu : pour "
        "l'annuler, enlevez son déplacement et écrivez ici « date: 2026-11-18 »")
    assert "2026-11-18" in found.as_text("en") and "planned" in found.as_text("en")


def test_moving_a_moved_session_again_points_to_its_move(minimal_root):
    path = _cohort(minimal_root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - date: 2026-11-19\n    to_date: 2026-11-20\n"
                    "    reason: {fr: Travaux, en: Works, ar: أشغال}\n", encoding="utf-8")
    [found] = check(minimal_root).problems
    assert "changez le déplacement dont « date » est 2026-11-18" in found.as_text()
