"""Open data (issue 24 point 1): the data·inclusion files validate with the schema
package's own models, warnings included, and say what the pages say."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from data_inclusion.schema.v1 import Service, Structure

from konexio.feeds.stamps import FALLBACK, commit_times
from konexio.opendata import OPEN_DATA_FILES, offers, write_open_data
from konexio.opendata.data_inclusion import opening_hours
from konexio.pages.views import Site
from konexio.validate import load_valid

REPO = Path(__file__).parent.parent
TODAY = date(2026, 11, 20)
SITE = "https://example.org/"
# OpenStreetMap opening hours as we write them: day ranges, then "PH off".
OSM = re.compile(r"^((Mo|Tu|We|Th|Fr|Sa|Su) \d\d:\d\d-\d\d:\d\d(,\d\d:\d\d-\d\d:\d\d)*; )+PH off$")


@pytest.fixture(scope="module")
def shipped():
    return load_valid(REPO)


@pytest.fixture(scope="module")
def written(shipped, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("open-data")
    dataset, schedule = shipped
    write_open_data(dataset, schedule, out, SITE, today=TODAY, root=REPO)
    return out


def _read(out: Path, name: str) -> list[dict]:
    return json.loads((out / OPEN_DATA_FILES[name]).read_text(encoding="utf-8"))


def test_every_record_validates_with_the_package_models_warnings_included(written):
    structures, services = _read(written, "structures"), _read(written, "services")
    assert structures and services
    for row in structures:
        Structure.model_validate(row, context={"ignore_warnings": False})
    for row in services:
        Service.model_validate(row, context={"ignore_warnings": False})
    assert {s["structure_id"] for s in services} <= {s["id"] for s in structures}


def test_a_warning_of_the_package_fails_the_build():
    """The build validates as the tests do: a name ending with a full stop is only a
    warning for data·inclusion, and still stops us."""
    with pytest.raises(ValueError, match="point"):
        Structure.model_validate({"source": "konexio", "id": "konexio--x", "nom": "Konexio.",
                                  "date_maj": "2026-01-01"},
                                 context={"ignore_warnings": False})


def test_one_structure_per_french_antenna_and_one_service_per_program_given_there(
        shipped, written):
    dataset, schedule = shipped
    french = {k for k, e in dataset.antennas.items() if e.model.country == "FR"}
    assert {s["id"] for s in _read(written, "structures")} == {f"konexio--{a}" for a in french}
    site = Site.of(dataset, schedule, TODAY, SITE)
    on_pages = {(v.antenna_id, v.program_id) for v in site.not_over if v.antenna_id in french}
    assert {s["id"] for s in _read(written, "services")} == {
        f"konexio--{a}--{p}" for a, p in on_pages}


def test_the_offer_has_the_cohorts_places_and_venues_of_the_pages(shipped):
    dataset, schedule = shipped
    site = Site.of(dataset, schedule, TODAY, SITE)
    pages = {v.id: v for v in site.not_over if v.antenna.country == "FR"}
    groups = {g.id: g for offer in offers(dataset, schedule, TODAY) for g in offer.groups}
    assert set(groups) == set(pages)
    for key, group in groups.items():
        view = pages[key]
        assert (group.cohort.start, group.cohort.end) == (view.cohort.start, view.cohort.end)
        assert group.cohort.capacity == view.cohort.capacity
        assert group.venue == view.venue


def test_services_carry_how_to_come(written):
    service = next(s for s in _read(written, "services")
                   if s["id"] == "konexio--paris--digitall-beginner")
    assert service["frais"] == "gratuit" and service["modes_accueil"] == ["en-presentiel"]
    assert service["publics"] == ["demandeurs-emploi", "personnes-exilees", "residents-qpv-frr"]
    assert service["mobilisable_par"] == ["professionnels", "usagers"]
    assert service["modes_mobilisation"] == ["envoyer-un-courriel"]
    assert "18 ans" in service["conditions_acces"] and "A2" in service["conditions_acces"]
    assert "5 jours ouvrés" in service["mobilisation_precisions"]
    assert service["thematiques"] == ["numerique--maitriser-les-fondamentaux-du-numerique"]
    assert service["volume_horaire_hebdomadaire"] > 0 and service["nombre_semaines"] >= 1
    for row in _read(written, "services"):
        assert OSM.match(row["horaires_accueil"]), row["horaires_accueil"]


def test_a_cohort_s_own_how_to_come_is_used_when_it_is_the_only_group(shipped):
    dataset, schedule = shipped
    # After 1 December 2026 the Lille beginner group of the autumn is over: the January
    # group alone is offered, with its own conditions (from 16).
    lille = next(o for o in offers(dataset, schedule, date(2026, 12, 10))
                 if o.id == "lille--digitall-beginner")
    assert lille.how_to_come.min_age == 16
    autumn = next(o for o in offers(dataset, schedule, TODAY) if o.id == "lille--digitall-beginner")
    assert autumn.how_to_come.min_age == 18


def test_opening_hours_join_the_groups_sessions_by_day(shipped):
    from opening_hours import OpeningHours

    dataset, schedule = shipped
    for offer in offers(dataset, schedule, TODAY):
        hours = opening_hours(offer)
        assert OSM.match(hours), hours
        # An independent OpenStreetMap parser reads it (it raises ParserError otherwise).
        OpeningHours(hours)
    lille = next(o for o in offers(dataset, schedule, TODAY) if o.id == "lille--digitall-beginner")
    assert opening_hours(lille) == "Tu 14:00-16:00; PH off"


def test_date_maj_is_the_last_commit_of_the_files_behind_a_record(shipped, written):
    dataset, _ = shipped
    times = commit_times(REPO, [dataset.antennas["lille"].file])
    lille = next(s for s in _read(written, "structures") if s["id"] == "konexio--lille")
    expected = times[dataset.antennas["lille"].file].date() if times else FALLBACK.date()
    assert lille["date_maj"] == expected.isoformat()


def test_the_same_data_gives_the_same_bytes_and_no_git_gives_the_fixed_date(shipped, tmp_path):
    dataset, schedule = shipped
    first, second = tmp_path / "a", tmp_path / "b"
    write_open_data(dataset, schedule, first, SITE, today=TODAY)
    write_open_data(dataset, schedule, second, SITE, today=TODAY)
    for name in OPEN_DATA_FILES.values():
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert {row["date_maj"] for row in _read(first, "structures")} == {"2016-01-01"}
    shutil.rmtree(first)


def test_themes_are_data_inclusion_thematiques():
    from data_inclusion.schema.v1 import Thematique

    from konexio.model.program import Theme

    assert {t.data_inclusion for t in Theme} <= {t.value for t in Thematique}


XSD = REPO.parent / "shared" / "standards" / "lheo-2.3.xsd"
"""The LHEO 2.3 schema, beside the repository (never committed here)."""
LHEO = "{http://lheo.gouv.fr/2.3}"


@pytest.fixture(scope="module")
def lheo_xsd():
    import xmlschema

    if not XSD.is_file():
        pytest.skip(f"the LHEO 2.3 schema is not at {XSD}")
    return xmlschema.XMLSchema(str(XSD))


def test_lheo_file_is_valid_against_the_lheo_2_3_schema(written, lheo_xsd):
    errors = list(lheo_xsd.iter_errors(str(written / OPEN_DATA_FILES["lheo"])))
    assert errors == [], "\n".join(f"{e.path}: {e.reason}" for e in errors[:5])


def test_lheo_sessions_are_the_cohorts_of_the_pages(shipped, written):
    import xml.etree.ElementTree as ET

    dataset, schedule = shipped
    site = Site.of(dataset, schedule, TODAY, SITE)
    pages = {v.id: v for v in site.not_over if v.antenna.country == "FR"}
    tree = ET.parse(written / OPEN_DATA_FILES["lheo"])
    sessions = {s.get("numero"): s for s in tree.iter(f"{LHEO}session")}
    assert set(sessions) == set(pages)
    for key, session in sessions.items():
        cohort = pages[key].cohort
        assert session.findtext(f"{LHEO}periode/{LHEO}debut") == f"{cohort.start:%Y%m%d}"
        assert session.findtext(f"{LHEO}periode/{LHEO}fin") == f"{cohort.end:%Y%m%d}"
        assert session.findtext(f"{LHEO}extras/{LHEO}extra") == str(cohort.capacity)
        assert session.findtext(f"{LHEO}etat-recrutement") == (
            "1" if cohort.status.value == "open" else "2")
        assert session.findtext(f"{LHEO}adresse-inscription/{LHEO}adresse/{LHEO}ligne") in (
            pages[key].venue.address)


def test_text_typed_with_markup_stays_valid_xml(minimal_root, tmp_path, lheo_xsd):
    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "summary: {fr: Premiers pas,", 'summary: {fr: "Premiers pas <b> & </lheo>",'),
        encoding="utf-8")
    shutil.copy(REPO / "schedules/organisation.yml", minimal_root / "schedules")
    dataset, schedule = load_valid(minimal_root)
    write_open_data(dataset, schedule, tmp_path, SITE, today=date(2026, 11, 1))
    xml = tmp_path / OPEN_DATA_FILES["lheo"]
    assert "Premiers pas &lt;b&gt; &amp; &lt;/lheo&gt;" in xml.read_text(encoding="utf-8")
    assert list(lheo_xsd.iter_errors(str(xml))) == []


def test_without_the_organisation_file_the_lheo_file_is_left_out(minimal_root, tmp_path):
    dataset, schedule = load_valid(minimal_root)
    written = write_open_data(dataset, schedule, tmp_path, SITE, today=date(2026, 11, 1))
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        OPEN_DATA_FILES["structures"], OPEN_DATA_FILES["services"]]


@pytest.mark.parametrize("lang", ["fr", "en", "ar", "fa", "uk"])
def test_the_partners_page_lists_every_file_and_the_feeds(shipped, lang):
    from konexio.pages.render import render_pages

    dataset, schedule = shipped
    site = Site.of(dataset, schedule, TODAY, SITE)
    page = next(p for p in render_pages(site, lang) if p.src_uri == "partners/index.md")
    prefix = "../../" if lang != "fr" else "../"
    for path in OPEN_DATA_FILES.values():
        assert f'href="{prefix}{path}"' in page.markdown and f"{SITE}{path}" in page.markdown
    assert "all.ics" in page.markdown and "antenna-lille.ics" in page.markdown
    if lang != "fr":
        assert "Pour les partenaires" not in page.markdown


def test_a_record_the_package_refuses_names_itself_and_the_field(minimal_root, tmp_path):
    from konexio.opendata.data_inclusion import RefusedRecord

    antenna = minimal_root / "schedules/antennas/paris.yml"
    text = antenna.read_text(encoding="utf-8")
    assert "fr: Paris," in text
    antenna.write_text(text.replace("fr: Paris,", "fr: Paris.,", 1), encoding="utf-8")
    dataset, schedule = load_valid(minimal_root)
    with pytest.raises(RefusedRecord, match=r"konexio--paris: nom: .*point"):
        write_open_data(dataset, schedule, tmp_path, SITE, today=date(2026, 11, 1))


def test_lheo_says_every_way_to_ask_and_what_to_bring(minimal_root, tmp_path, lheo_xsd):
    import xml.etree.ElementTree as ET

    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8") + (
        "how_to_come:\n"
        "  publics: [exiles, women]\n"
        "  min_age: 16\n"
        "  french: A1\n"
        "  placement_test: false\n"
        "  bring:\n"
        "    - {fr: Un stylo, en: A pen, ar: قلم}\n"
        "  referral:\n"
        "    by: [social_worker]\n"
        "    how: [form, whatsapp]\n"
        "    whatsapp: +33 6 12 34 56 78\n"
        "    form: https://example.org/orienter\n"
        "  next: {fr: On vous rappelle, en: We call you back, ar: نعاود الاتصال بك}\n"
        "  answer_days: 2\n"), encoding="utf-8")
    shutil.copy(REPO / "schedules/organisation.yml", minimal_root / "schedules")
    dataset, schedule = load_valid(minimal_root)
    write_open_data(dataset, schedule, tmp_path, SITE, today=date(2026, 11, 1))
    xml = tmp_path / OPEN_DATA_FILES["lheo"]
    assert list(lheo_xsd.iter_errors(str(xml))) == []
    tree = ET.parse(xml)
    assert tree.findtext(f".//{LHEO}modalites-inscription") == (
        "Par le formulaire : https://example.org/orienter ; par WhatsApp : +33 6 12 34 56 78")
    assert "À apporter : Un stylo" in tree.findtext(f".//{LHEO}conditions-specifiques")
    assert [c.text for c in tree.iter(f"{LHEO}code-public-vise")] == ["81042", "81022", "81018"]
    service = _read(tmp_path, "services")[0]
    assert service["lien_mobilisation"] == "https://example.org/orienter"
    assert service["modes_mobilisation"] == ["utiliser-lien-mobilisation"]
    assert "WhatsApp : +33 6 12 34 56 78" in service["mobilisation_precisions"]


def test_lheo_carries_each_program_s_formacode(shipped, written):
    import xml.etree.ElementTree as ET

    dataset, _ = shipped
    tree = ET.parse(written / OPEN_DATA_FILES["lheo"])
    for formation in tree.iter(f"{LHEO}formation"):
        program = dataset.programs[formation.get("numero")].model
        codes = [c.text for c in formation.iter(f"{LHEO}code-FORMACODE")]
        assert codes == program.formacode
    assert dataset.programs["digistart"].model.formacode == ["31054", "31067"]
