"""``konexio new``: skeletons land in the right place, validate, and never overwrite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from konexio.cli import main
from konexio.load.yaml_positions import parse_yaml
from konexio.validate import check

REPO = Path(__file__).parent.parent


def new(root: Path, *args: str) -> int:
    what, *rest = args
    return main(["new", what, "--root", str(root), *rest])


def problems_in(root: Path, rel: str) -> list[str]:
    return [p.as_text() for p in check(root).problems if p.path == rel]


@pytest.fixture
def repo_root(tmp_path: Path) -> Path:
    """A copy of the real data, so the skeleton is checked against what ships."""
    root = tmp_path / "repo"
    for folder in ("schedules", "volunteers"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def test_new_cohort_copies_the_latest_cohort_of_the_program_and_validates(minimal_root, capsys):
    assert new(minimal_root, "cohort", "--antenna", "paris", "--program", "digitall-beginner",
               "--start", "2027-03-01") == 0

    rel = "schedules/cohorts/paris/digitall-beginner-belleville-2027-03.yml"
    text = (minimal_root / rel).read_text(encoding="utf-8")
    assert text.splitlines()[0] == \
        "# yaml-language-server: $schema=../../schema/cohort.schema.json"
    assert problems_in(minimal_root, rel) == []
    data = parse_yaml(rel, text)[0].data
    # The minimal cohort runs Monday and Wednesday 14:00-16:00 over 11 weeks.
    assert [(s["day"], s["start"], s["end"]) for s in data["sessions"]] == [
        ("monday", "14:00", "16:00"), ("wednesday", "14:00", "16:00")]
    # Eleven weeks from Monday 1 March end on the last session, Wednesday 12 May, not
    # on Sunday 16 (issue 27: the cohort page would print a day nobody comes).
    assert (data["start"], data["end"]) == ("2027-03-01", "2027-05-12")
    out = capsys.readouterr().out
    assert "schedules/cohorts/paris/digitall-beginner-2026-11.yml" not in out
    assert "copiées de schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml" in out
    assert "aucun problème dans ce fichier" in out


def test_new_cohort_without_a_model_takes_one_session_on_the_start_weekday(minimal_root):
    programs = minimal_root / "schedules/programs"
    shutil.copy(programs / "digitall-beginner.yml", programs / "digistart.yml")

    assert new(minimal_root, "cohort", "--antenna", "paris", "--program", "digistart",
               "--start", "2027-03-04", "--id", "digistart-spring") == 0

    rel = "schedules/cohorts/paris/digistart-spring.yml"
    data = parse_yaml(rel, (minimal_root / rel).read_text(encoding="utf-8"))[0].data
    assert data["sessions"] == [{"day": "thursday", "start": "14:00", "end": "16:00"}]
    assert data["end"] == "2027-04-01"  # five Thursdays: the fifth is the last session
    assert problems_in(minimal_root, rel) == []


@pytest.mark.parametrize("antenna,program", [
    ("paris", "digitall-beginner"), ("lille", "digistart"), ("malawi", "freelance"),
    ("bordeaux", "certification-pcie"),
])
def test_new_cohort_validates_against_the_shipped_data(repo_root, antenna, program):
    assert new(repo_root, "cohort", "--antenna", antenna, "--program", program,
               "--start", "2027-06-07", "--id", "scaffold-check") == 0
    rel = f"schedules/cohorts/{antenna}/scaffold-check.yml"
    assert problems_in(repo_root, rel) == []
    assert check(repo_root).ok


def test_new_cohort_refuses_to_overwrite(minimal_root, capsys):
    args = ("cohort", "--antenna", "paris", "--program", "digitall-beginner",
            "--start", "2026-11-02", "--id", "digitall-beginner-paris-2026-11")
    path = minimal_root / "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"
    before = path.read_text(encoding="utf-8")

    assert new(minimal_root, *args) == 2

    assert path.read_text(encoding="utf-8") == before
    assert "existe déjà : rien n'a été écrit" in capsys.readouterr().err


@pytest.mark.parametrize("args,expected", [
    (("--antenna", "pari", "--program", "digitall-beginner"),
     "L'antenne « pari » n'existe pas (fichiers dans schedules/antennas/<id>.yml). "
     "Vouliez-vous dire « paris » ?"),
    (("--antenna", "paris", "--program", "digitall-beginer"),
     "Vouliez-vous dire « digitall-beginner » ?"),
    (("--antenna", "paris", "--program", "digitall-beginner", "--venue", "bellevile"),
     "Le lieu « bellevile » n'est pas un lieu de l'antenne paris (lieux : belleville)."),
    (("--antenna", "paris", "--program", "digitall-beginner", "--id", "Cohorte Été"),
     "« Cohorte Été » n'est pas un identifiant valide"),
])
def test_new_cohort_refuses_unknown_names_with_a_suggestion(minimal_root, capsys, args,
                                                            expected):
    assert new(minimal_root, "cohort", "--start", "2027-03-01", *args) == 2
    assert expected in capsys.readouterr().err
    assert sorted(p.name for p in (minimal_root / "schedules/cohorts/paris").iterdir()) == \
        ["digitall-beginner-paris-2026-11.yml"]


def test_new_cohort_speaks_english_on_request(minimal_root, capsys):
    assert new(minimal_root, "cohort", "--antenna", "paris", "--program", "digitall-beginner",
               "--start", "03/01/2027", "--lang", "en") == 2
    assert "'03/01/2027' is not a date; write it YYYY-MM-DD" in capsys.readouterr().err


def fill_blanks(text: str) -> str:
    """What a coordinator types into the blanks of an antenna skeleton."""
    text = text.replace('email: ""', "email: lyon@konexio.eu")
    text = text.replace('- id: ""', "- id: maison-lyon")
    return text.replace('""', '"Texte"')


def test_new_antenna_is_valid_once_the_blanks_are_filled(minimal_root, capsys):
    assert new(minimal_root, "antenna", "--id", "lyon") == 0
    rel = "schedules/antennas/lyon.yml"
    path = minimal_root / rel
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/antenna.schema.json"
    # Before: the validator points at each blank.
    blanks = problems_in(minimal_root, rel)
    assert len(blanks) == text.count(': ""')
    assert "schedules/antennas/lyon.yml:8:7: « name.fr » est vide ; écrivez le texte après « : »" \
        in blanks
    assert "à compléter" in capsys.readouterr().out

    path.write_text(fill_blanks(text), encoding="utf-8")
    assert problems_in(minimal_root, rel) == []

    assert new(minimal_root, "antenna", "--id", "lyon") == 2
    assert new(minimal_root, "antenna", "--id", "paris") == 2


def original_lines_kept(before: str, after: str) -> bool:
    """True when ``after`` is ``before`` with lines inserted, nothing removed or changed."""
    remaining = iter(after.splitlines())
    return all(line in remaining for line in before.splitlines())


def test_new_closure_appends_to_the_list_keeping_every_comment(repo_root, capsys):
    rel = "schedules/antennas/paris.yml"
    before = (repo_root / rel).read_text(encoding="utf-8")
    count = before.count("\n  - start:")

    assert new(repo_root, "closure", "--antenna", "paris", "--start", "2027-05-07",
               "--end", "2027-05-08", "--reason-fr", "Pont de l'Ascension",
               "--reason-en", "Ascension bridge day", "--reason-ar", "جسر عيد الصعود") == 0

    after = (repo_root / rel).read_text(encoding="utf-8")
    assert original_lines_kept(before, after)
    assert after.count("\n  - start:") == count + 1
    assert after.endswith(
        "  - start: 2027-05-07\n    end: 2027-05-08\n    reason:\n"
        "      fr: \"Pont de l'Ascension\"\n      en: \"Ascension bridge day\"\n"
        "      ar: \"جسر عيد الصعود\"\n")
    assert problems_in(repo_root, rel) == []
    assert check(repo_root).ok
    assert "Fermeture ajoutée à schedules/antennas/paris.yml" in capsys.readouterr().out


def test_new_closure_with_blank_reasons_tells_what_to_fill(minimal_root, capsys):
    assert new(minimal_root, "closure", "--antenna", "paris", "--start", "2027-05-07",
               "--end", "2027-05-08", "--venue", "belleville", "--reason-fr", "Travaux") == 0
    rel = "schedules/antennas/paris.yml"
    assert [p.split(": ", 1)[1] for p in problems_in(minimal_root, rel)] == [
        "« reason.en » est vide ; écrivez le texte après « : »",
        "« reason.ar » est vide ; écrivez le texte après « : »"]
    assert "  venue: belleville" in (minimal_root / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("closures", ["closures: []\n", ""])
def test_new_closure_when_the_antenna_has_none_yet(minimal_root, closures):
    rel = "schedules/antennas/paris.yml"
    path = minimal_root / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("closures:")] + closures, encoding="utf-8")

    assert new(minimal_root, "closure", "--antenna", "paris", "--start", "2027-05-07",
               "--end", "2027-05-08", "--reason-fr", "a", "--reason-en", "b",
               "--reason-ar", "c") == 0

    data = parse_yaml(rel, path.read_text(encoding="utf-8"))[0].data
    assert data["closures"] == [{"start": "2027-05-07", "end": "2027-05-08",
                                 "reason": {"fr": "a", "en": "b", "ar": "c"}}]
    assert problems_in(minimal_root, rel) == []


def test_new_closure_refuses_bad_requests_and_writes_nothing(minimal_root, capsys):
    path = minimal_root / "schedules/antennas/paris.yml"
    before = path.read_text(encoding="utf-8")
    assert new(minimal_root, "closure", "--antenna", "paris", "--start", "2027-05-08",
               "--end", "2027-05-07") == 2
    assert new(minimal_root, "closure", "--antenna", "pariss", "--start", "2027-05-07",
               "--end", "2027-05-08") == 2
    err = capsys.readouterr().err
    assert "La fin (2027-05-07) est avant le début (2027-05-08)." in err
    assert "Vouliez-vous dire « paris » ?" in err
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("args", "expected"), [
    (("--weeks", "0"), "--weeks 0 : une cohorte dure de 1 à 104 semaines"),
    (("--weeks", "-3"), "--weeks -3 : une cohorte dure de 1 à 104 semaines"),
    (("--weeks", "520"), "--weeks 520 : une cohorte dure de 1 à 104 semaines"),
])
def test_new_cohort_refuses_an_absurd_length(minimal_root, capsys, args, expected):
    assert new(minimal_root, "cohort", "--antenna", "paris", "--program", "digitall-beginner",
               "--start", "2027-03-01", *args) == 2
    assert expected in capsys.readouterr().err
    assert len(list((minimal_root / "schedules/cohorts/paris").iterdir())) == 1


def test_new_cohort_says_when_it_falls_entirely_in_closures(minimal_root, capsys):
    assert new(minimal_root, "cohort", "--antenna", "paris", "--program", "digitall-beginner",
               "--start", "2026-12-21", "--weeks", "2") == 2
    err = capsys.readouterr().err
    assert "Du 2026-12-21 au 2027-01-03, toutes les séances tombent un jour sans cours " \
           "(Vacances de Noël)" in err
    assert "Rien n'a été écrit" in err
    assert len(list((minimal_root / "schedules/cohorts/paris").iterdir())) == 1


@pytest.mark.parametrize(("args", "expected"), [
    (("--country", "fr"), "Les jours fériés du pays « fr » sont inconnus"),
    (("--country", "XX"), "écrivez un code ISO à deux lettres en majuscules"),
    (("--timezone", "Europe/Pariss"), "« Europe/Pariss » n'est pas un fuseau horaire IANA"),
])
def test_new_antenna_refuses_an_unknown_country_or_zone_at_once(minimal_root, capsys, args,
                                                                 expected):
    assert new(minimal_root, "antenna", "--id", "lyon", *args) == 2
    assert expected in capsys.readouterr().err
    assert not (minimal_root / "schedules/antennas/lyon.yml").exists()


def uncomment(text: str, key: str) -> str:
    """What the skeleton's comment says to do: drop '# ' from the example's lines."""
    lines = text.splitlines(keepends=True)
    at = lines.index(f"# {key}:\n")
    end = at + 1
    while end < len(lines) and lines[end].startswith("#   "):
        end += 1
    return "".join(lines[:at] + [line[2:] for line in lines[at:end]] + lines[end:])


@pytest.mark.parametrize("key", ["cancelled", "moved"])
def test_the_first_change_added_as_the_skeleton_says_is_valid(minimal_root, key):
    assert new(minimal_root, "cohort", "--antenna", "paris", "--program", "digitall-beginner",
               "--start", "2027-03-01") == 0
    rel = "schedules/cohorts/paris/digitall-beginner-belleville-2027-03.yml"
    path = minimal_root / rel
    text = path.read_text(encoding="utf-8")
    assert "[]" not in text, "an empty list traps the person who adds the first item"
    path.write_text(uncomment(text, key), encoding="utf-8")
    assert problems_in(minimal_root, rel) == []
    data = parse_yaml(rel, path.read_text(encoding="utf-8"))[0].data
    assert data[key][0]["date"] == "2027-03-01"


def test_new_antenna_skeleton_has_no_empty_list_to_trap_the_first_item(minimal_root):
    assert new(minimal_root, "antenna", "--id", "lyon") == 0
    text = (minimal_root / "schedules/antennas/lyon.yml").read_text(encoding="utf-8")
    assert "[]" not in text


def test_a_proposed_end_is_a_session_day_outside_holidays_and_closures(minimal_root):
    """Issue 27: the proposed end fell on a Sunday inside the spring holidays. Here the
    weeks end on Monday 29 March 2027, Easter Monday: the end is the Monday before."""
    programs = minimal_root / "schedules/programs"
    shutil.copy(programs / "digitall-beginner.yml", programs / "digistart.yml")
    assert new(minimal_root, "cohort", "--antenna", "paris", "--program", "digistart",
               "--start", "2027-03-01", "--weeks", "5", "--id", "digistart-easter") == 0
    rel = "schedules/cohorts/paris/digistart-easter.yml"
    data = parse_yaml(rel, (minimal_root / rel).read_text(encoding="utf-8"))[0].data
    assert data["sessions"] == [{"day": "monday", "start": "14:00", "end": "16:00"}]
    assert data["end"] == "2027-03-22"  # 29 March is Easter Monday: no class
    assert problems_in(minimal_root, rel) == []
