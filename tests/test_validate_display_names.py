"""A venue, program or role written by its display name is answered with its id; a value
that names nothing is answered with the ids that fit there, each with its name."""

from __future__ import annotations

from pathlib import Path

from konexio.validate import check

LYON = """\
name: {fr: Lyon, en: Lyon, ar: ليون}
region: {fr: Auvergne-Rhône-Alpes, en: Auvergne-Rhône-Alpes, ar: أوفيرني رون ألب}
country: FR
timezone: Europe/Paris
since: 2027
description: {fr: Nouvelle antenne, en: New antenna, ar: فرع جديد}
contact:
  email: lyon@konexio.eu
venues:
  - id: bellecour
    name: {fr: Centre Bellecour, en: Bellecour centre, ar: مركز بيلكور}
    address: 1 place Bellecour, 69002 Lyon
    city: Lyon
    access: {fr: Métro A, en: Metro A, ar: المترو أ}
    accessibility: {fr: Plain-pied, en: Step-free, ar: بدون درج}
"""

COHORT = """\
program: {program}
venue: {venue}
start: 2027-01-05
end: 2027-02-16
language: fr
capacity: 12
status: open
sessions:
  - day: tuesday
    start: "10:00"
    end: "12:00"
"""


def _lyon_cohort(root: Path, *, venue: str, program: str = "digitall-beginner") -> str:
    (root / "schedules/antennas/lyon.yml").write_text(LYON, encoding="utf-8")
    place = "schedules/cohorts/lyon/digitall-beginner-lyon-2027-01.yml"
    (root / place).parent.mkdir(parents=True, exist_ok=True)
    (root / place).write_text(COHORT.format(program=program, venue=venue), encoding="utf-8")
    return place


def _messages(root: Path, place: str, lang: str) -> list[str]:
    return [p.as_text(lang) for p in check(root).problems if p.path == place]


def test_a_venue_of_another_antenna_named_by_its_name_says_whose_it_is(minimal_root):
    place = _lyon_cohort(minimal_root, venue="centre belleville")

    assert _messages(minimal_root, place, "fr") == [
        f"{place}:2:8: « centre belleville » est le lieu belleville de l'antenne paris, pas de "
        "l'antenne lyon ; lieux de lyon : bellecour (Centre Bellecour)"]
    assert _messages(minimal_root, place, "en") == [
        f"{place}:2:8: 'centre belleville' is the venue belleville of the paris antenna, not "
        "of lyon; venues of lyon: bellecour (Bellecour centre)"]


def test_a_name_written_without_its_accents_or_dashes_still_finds_the_id(minimal_root):
    place = _lyon_cohort(minimal_root, venue="Centre   BELLECOUR",
                         program='"Digitall debutant"')

    assert _messages(minimal_root, place, "fr") == [
        f"{place}:1:10: « Digitall debutant » est le nom d'un programme ; écrivez son "
        "identifiant : digitall-beginner",
        f"{place}:2:8: « Centre   BELLECOUR » est le nom d'un lieu ; écrivez son "
        "identifiant : bellecour"]


def test_a_program_that_names_nothing_lists_the_programs_and_the_nearest(minimal_root):
    place = _lyon_cohort(minimal_root, venue="bellecour", program="DigitAll Debutent")

    assert _messages(minimal_root, place, "en") == [
        f"{place}:1:10: 'DigitAll Debutent' is not the id of a program; write one of: "
        "digitall-beginner (DigitAll beginner). Did you mean 'digitall-beginner'?"]


def test_the_answer_waits_for_files_read_after_the_mistake(minimal_root):
    """The cohort folder sorts before the programs folder: the names come from files read
    after the refused value, so the answer cannot be given as the value is read."""
    place = _lyon_cohort(minimal_root, venue="bellecour", program="Atelier CV")
    (minimal_root / "schedules/programs/workshops-cv.yml").write_text(
        (minimal_root / "schedules/programs/digitall-beginner.yml").read_text(encoding="utf-8")
        .replace("DigitAll débutant", "Atelier CV", 1), encoding="utf-8")

    assert _messages(minimal_root, place, "fr") == [
        f"{place}:1:10: « Atelier CV » est le nom d'un programme ; écrivez son identifiant : "
        "workshops-cv"]
