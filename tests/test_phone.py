"""Antennas' phone numbers (model/phone.py): read as coordinators type them, kept in E.164,
shown as links on the antenna's and its cohorts' pages, carried into the open data; a value
that cannot be a number is a coordinator's mistake with its fix, in French and English."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic_core import PydanticCustomError

from konexio import LANGUAGES
from konexio.model.phone import read_phone
from konexio.opendata import OPEN_DATA_FILES, write_open_data
from konexio.pages.render import render_pages
from konexio.pages.views import Site
from konexio.validate import check, load_valid

REPO = Path(__file__).parent.parent
TODAY = date(2026, 11, 20)
SITE_URL = "https://example.org/"


@pytest.mark.parametrize(("typed", "country", "e164"), [
    ("01 23 45 67 89", "FR", "+33123456789"),
    ("+33 1 23 45 67 89", "FR", "+33123456789"),
    ("06.12.34.56.78", "FR", "+33612345678"),
    ("06-12-34-56-78", "FR", "+33612345678"),
    ("+33 (0)6 12 34 56 78", "FR", "+33612345678"),
    ("0033 6 12 34 56 78", "FR", "+33612345678"),
    ("0612345678", "FR", "+33612345678"),
    ("0712 345678", "KE", "+254712345678"),
    ("+254 712 345678", "KE", "+254712345678"),
    ("07 9123 4567", "JO", "+962791234567"),
    ("+962 7 9123 4567", "FR", "+962791234567"),
    ("0991 23 45 67", "MW", "+265991234567"),
    ("+265 991 23 45 67", None, "+265991234567"),
    # a French number with its country code is French in the Kenyan antenna's file too
    ("+33 6 12 34 56 78", "KE", "+33612345678"),
])
def test_a_number_typed_as_coordinators_do_is_kept_in_e164(typed, country, e164):
    assert read_phone(typed, country) == e164


@pytest.mark.parametrize(("typed", "country", "code", "example"), [
    ("01 23 45 67 8", "FR", "phone_invalid", "06 12 34 56 78"),
    ("01 23 45 67 89 0", "FR", "phone_invalid", "06 12 34 56 78"),
    ("01 23 45 67 89", "KE", "phone_invalid", "0712 123456"),
    ("Tél. 04 78 00 12 34", "FR", "phone_letters", "04 78 00 12 34"),
    ("04 78 00 12 34 (accueil)", "FR", "phone_letters", "04 78 00 12 34"),
    ("appelez le secrétariat", "FR", "phone_letters", "06 12 34 56 78"),
    ("0712 345678", None, "phone_country", "+33 6 12 34 56 78"),
    ("06 12 34 56 78", None, "phone_country", "+33 6 12 34 56 78"),
    (612345678, "FR", "phone_quote", "06 12 34 56 78"),
    (33612345678, "KE", "phone_quote", "+33 6 12 34 56 78"),
    (True, "FR", "phone_text", "06 12 34 56 78"),
])
def test_what_cannot_be_a_number_is_refused_with_a_number_to_write(typed, country, code,
                                                                   example):
    with pytest.raises(PydanticCustomError) as refused:
        read_phone(typed, country)
    assert refused.value.type == f"konexio.{code}"
    assert refused.value.context["example"] == example


def _antenna(root: Path, contact: str, country: str = "FR") -> Path:
    path = root / "schedules/antennas/paris.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^country: .*$", f"country: {country}", text, flags=re.M)
    text = re.sub(r"^(contact:\n  email: .*\n)", lambda m: m[1] + contact, text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_mistake_of_a_file_is_told_at_its_place_in_french_and_english(minimal_root):
    path = _antenna(minimal_root, "  phone: 01 23 45 67 8\n  whatsapp: 0612345678\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines, 1) if line.startswith("  phone:"))
    found = [p for p in check(minimal_root).problems if p.path.endswith("paris.yml")]
    assert [(p.line, p.col) for p in found] == [(row, 10), (row + 1, 13)]
    assert found[0].message("fr") == (
        "« 01 23 45 67 8 » ne peut pas être un numéro de téléphone : il a un chiffre de trop "
        "ou de moins, ou un indicatif faux ; vérifiez-le (un numéro s'écrit par exemple "
        'phone: "06 12 34 56 78")')
    assert found[0].message("en") == (
        "'01 23 45 67 8' cannot be a phone number: it has a digit too many or too few, or a "
        'wrong country code; check it (a number is written for example phone: "06 12 34 56 78")')
    assert found[1].message("fr") == (
        "612345678 est lu comme un nombre, qui perd le 0 ou le + du début ; écrivez le numéro "
        'entre guillemets : whatsapp: "06 12 34 56 78"')
    assert found[1].message("en").startswith("612345678 is read as a number")


def test_a_number_without_country_code_is_read_in_the_antenna_s_country(minimal_root):
    _antenna(minimal_root, "  phone: 0712 345678\n", country="KE")
    assert [p for p in check(minimal_root).problems if "phone" in p.code] == []
    dataset, _ = load_valid(minimal_root)
    assert dataset.antennas["paris"].model.contact.phone == "+254712345678"


def _shipped_numbers() -> dict[str, tuple[str | None, str | None, str]]:
    """Each shipped antenna's phone and WhatsApp as typed in its file (None: it gives
    none), and its country."""
    found = {}
    for path in sorted((REPO / "schedules/antennas").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        phone = data["contact"].get("phone")
        found[path.stem] = (str(phone) if phone else None, data["contact"].get("whatsapp"),
                            data["country"])
    assert any(phone for phone, _, _ in found.values()), "no shipped antenna has a phone"
    return found


CALLING = {"FR": "33", "KE": "254", "JO": "962", "MW": "265"}


def _e164(typed: str, country: str) -> str:
    """An independent reading of the shipped numbers: national numbers all start with a 0
    that the country code replaces."""
    digits = re.sub(r"\D", "", typed)
    assert digits.startswith("0")
    return "+" + CALLING[country] + digits[1:]


@pytest.fixture(scope="module")
def shipped():
    return load_valid(REPO)


def test_every_shipped_number_is_marked_as_an_example():
    for path in sorted((REPO / "schedules/antennas").glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s+(phone|whatsapp):", line):
                assert line.endswith("# example"), (path.name, line)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_antenna_and_cohort_pages_link_to_the_antenna_s_numbers(shipped, lang):
    dataset, schedule = shipped
    site = Site.of(dataset, schedule, TODAY, SITE_URL)
    pages = {page.src_uri: page.markdown for page in render_pages(site, lang)}
    numbers = _shipped_numbers()
    for antenna, (phone, whatsapp, country) in numbers.items():
        if phone is None:  # no number: no link, nothing printed beside the e-mail
            assert 'data-kx-contact="' not in pages[f"antennas/{antenna}/index.md"]
            continue
        expected = {"phone": "tel:" + _e164(phone, country)}
        if whatsapp:
            expected["whatsapp"] = "https://wa.me/" + _e164(whatsapp, country)[1:]
        antenna_page = pages[f"antennas/{antenna}/index.md"]
        # the printed timetable of the antenna gives the phone beside the e-mail
        printed = re.search(r'<bdi>[^<]+</bdi> · <bdi dir="ltr">([^<]+)</bdi></p>', antenna_page)
        assert re.sub(r"\D", "", printed[1]) == expected["phone"].removeprefix("tel:+")
        cohort_pages = [text for uri, text in pages.items() if uri.startswith("cohorts/")
                        and f"/antennas/{antenna}/index.md#venue" in text]
        assert cohort_pages, antenna
        for text in [antenna_page, *cohort_pages]:
            links = dict(re.findall(r'<a [^>]*href="([^"]+)" data-kx-contact="(\w+)">', text))
            assert {via: href for href, via in links.items()} == expected
            # the number shown is isolated left to right, so it keeps its order in ar/fa
            shown = re.findall(r'data-kx-contact="(\w+)">[^<]*<bdi dir="ltr">([^<]+)</bdi>', text)
            assert {via: re.sub(r"\D", "", number) for via, number in shown} == \
                {via: re.sub(r"\D", "", href.rsplit("/", 1)[-1]) for via, href in expected.items()}


def test_the_open_data_carries_each_antenna_s_phone(shipped, tmp_path):
    dataset, schedule = shipped
    write_open_data(dataset, schedule, tmp_path, SITE_URL, today=TODAY, root=REPO)
    numbers = _shipped_numbers()
    structures = json.loads((tmp_path / OPEN_DATA_FILES["structures"]).read_text())
    assert structures
    for record in structures:
        antenna = record["id"].rsplit("--", 1)[-1]
        phone, _, country = numbers[antenna]
        assert record.get("telephone") == (_e164(phone, country) if phone else None), antenna
    services = json.loads((tmp_path / OPEN_DATA_FILES["services"]).read_text())
    shipped = {_e164(phone, country) for phone, _, country in numbers.values() if phone}
    assert any(s.get("telephone") for s in services)
    assert all(s["telephone"] in shipped for s in services if s.get("telephone"))
    lheo = ET.parse(tmp_path / OPEN_DATA_FILES["lheo"])
    ns = {"l": "http://lheo.gouv.fr/2.3"}
    places = lheo.findall(".//l:lieu-de-formation/l:coordonnees", ns)
    contacts = lheo.findall(".//l:session/l:contact-session/l:coordonnees", ns)
    assert places and len(contacts) == len(lheo.findall(".//l:session", ns))
    french = {_e164(phone, country): phone for phone, _, country in numbers.values()
              if phone and country == "FR"}
    numbered = 0
    for found in [*places, *contacts]:
        # a French 01 to 05 number is a fixed line (telfixe), 06 and 07 a mobile (portable)
        fixed = found.findtext("l:telfixe/l:numtel", namespaces=ns)
        mobile = found.findtext("l:portable/l:numtel", namespaces=ns)
        assert fixed is None or mobile is None, ET.tostring(found, "unicode")
        if fixed is None and mobile is None:
            continue  # an antenna without a phone
        numbered += 1
        typed = french["+" + re.sub(r"\D", "", fixed or mobile)]
        assert (fixed is not None) == typed.startswith(("01", "02", "03", "04", "05"))
    assert numbered  # Paris's line, at least
