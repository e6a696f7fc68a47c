"""The apply / refer box of a cohort page in Chromium at 360 px, in every language: the
reader's choices make a French message naming the cohort, its first session and its place,
put into mail, SMS and WhatsApp links to the antenna; nothing leaves 127.0.0.1, axe finds
nothing with the box filled, and without JavaScript the links still carry a message.

What the message must say is read here from the YAML files themselves (program, antenna,
venue, the cohort's start and weekdays, the closures), not from the site's code."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import holidays
import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

REPO = Path(__file__).parent.parent.parent
COHORT_ID = "digitall-beginner-belleville-2027-01"
COHORT = f"cohorts/{COHORT_ID}/"
PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}
DIRECTION = {"fr": "ltr", "en": "ltr", "ar": "rtl", "fa": "rtl", "uk": "ltr", "ps": "rtl",
             "ti": "ltr", "sw": "ltr"}
SITE_URL = "https://formations.konexio.eu/"
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _yaml(path: str) -> dict:
    return yaml.safe_load((REPO / path).read_text(encoding="utf-8"))


def _french_day(day: date) -> str:
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _e164_fr(typed: str) -> str:
    return "+33" + re.sub(r"\D", "", typed)[1:]


def expected() -> dict[str, str]:
    """What the cohort's files say: names, address, first session, numbers."""
    cohort = _yaml(f"schedules/cohorts/paris/{COHORT_ID}.yml")
    antenna = _yaml("schedules/antennas/paris.yml")
    program = _yaml(f"schedules/programs/{cohort['program']}.yml")
    venue = next(v for v in antenna["venues"] if v["id"] == cohort["venue"])
    days = {WEEKDAYS.index(s["day"]): s["start"] for s in cohort["sessions"]}
    closed = [(c["start"], c["end"]) for c in antenna.get("closures", [])]
    public = holidays.country_holidays("FR", years=cohort["start"].year)
    cancelled = {c["date"] for c in cohort.get("cancelled", [])}
    first = cohort["start"]
    while (first.weekday() not in days or first in public or first in cancelled
           or any(start <= first <= end for start, end in closed)):
        first += timedelta(days=1)
    contact = antenna["contact"]
    mobile = next(n for n in (contact["phone"], contact["whatsapp"])
                  if re.sub(r"\D", "", n).startswith(("06", "07")))
    return {"program": program["name"]["fr"], "antenna": antenna["name"]["fr"],
            "venue": venue["name"]["fr"], "address": venue["address"],
            "first": _french_day(first), "time": days[first.weekday()],
            "email": contact["email"], "sms": _e164_fr(mobile),
            "whatsapp": _e164_fr(contact["whatsapp"])[1:]}


def _links(box) -> dict[str, str]:
    return {a.get_attribute("data-kx-apply-via"): a.get_attribute("href")
            for a in box.locator("a[data-kx-apply-via]").all()}


def _decoded(links: dict[str, str]) -> dict[str, tuple[str, dict[str, str]]]:
    """Each link's address (before ?) and its query values, percent-decoded."""
    found = {}
    for via, href in links.items():
        parts = urlsplit(href)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        found[via] = (unquote(href.split("?", 1)[0]), query)
    return found


def _check_message(text: str, want: dict[str, str]) -> None:
    assert f"« {want['program']} »" in text
    assert f"Konexio {want['antenna']}" in text
    assert f"{want['first']} à {want['time']}" in text
    assert f"{want['venue']}, {want['address']}" in text
    assert SITE_URL + COHORT in text  # the French page, which the team reads


def _check_links(links: dict[str, str], text: str, want: dict[str, str]) -> None:
    decoded = _decoded(links)
    assert set(decoded) == {"email", "sms", "whatsapp"}
    assert decoded["email"][0] == f"mailto:{want['email']}"
    assert decoded["email"][1]["body"] == text
    assert want["program"] in decoded["email"][1]["subject"]
    assert decoded["sms"] == (f"sms:{want['sms']}", {"body": text})
    assert decoded["whatsapp"] == (f"https://wa.me/{want['whatsapp']}", {"text": text})
    for href in links.values():  # spaces as %20: mail and SMS apps do not read + as one
        assert " " not in href and "+" not in href.split("?", 1)[1]


@pytest.mark.parametrize("lang", list(PREFIX))
def test_each_choice_makes_the_french_message_of_the_cohort(phone, base_url, outside, lang):
    want = expected()
    phone.goto(base_url + PREFIX[lang] + COHORT)
    assert phone.locator("html").get_attribute("dir") == DIRECTION[lang]
    box = phone.locator("[data-kx-apply]")
    shown = box.locator("[data-kx-apply-text]")
    assert shown.get_attribute("lang") == "fr" and shown.get_attribute("dir") == "ltr"

    # For me, nothing typed: the message the page had without script.
    for_me = shown.inner_text()
    _check_message(for_me, want)
    assert "m'inscrire" in for_me and "Prénom" not in for_me
    _check_links(_links(box), for_me, want)

    # I refer someone, with a first name, a phone and a language.
    box.locator('input[value="someone"]').check()
    box.locator("#kx-apply-name").fill("Amina")
    box.locator("#kx-apply-phone").fill("06 11 22 33 44")
    box.locator("#kx-apply-language").select_option(value="dari")
    referral = shown.inner_text()
    _check_message(referral, want)
    assert referral != for_me and "une personne" in referral
    for line in ("Prénom : Amina", "Téléphone : 06 11 22 33 44", "Langue parlée : dari"):
        assert line in referral.splitlines()
    _check_links(_links(box), referral, want)

    # Back to "for me": the typed details stay, the opening changes.
    box.locator('input[value="me"]').check()
    mine = shown.inner_text()
    assert "m'inscrire" in mine and "Prénom : Amina" in mine
    _check_links(_links(box), mine, want)

    # The list names languages in the reader's language; the message in French.
    assert box.locator('#kx-apply-language option[value="arabe"]').count() == 1

    # Everything to tap is large enough for a finger (a radio button by its label) and
    # inside the 360 px of the screen.
    for target in box.locator("a, label, input:not([type=radio]), select").all():
        found = target.bounding_box()
        assert found["height"] >= 44 and found["x"] >= 0 and found["x"] + found["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    results = Axe().run(phone, context={"include": [["[data-kx-apply]"], [".kx-contact"]]})
    assert results.violations_count == 0, results.generate_report()
    # Nothing was sent, and the script kept nothing.
    assert phone.evaluate("document.cookie") == ""
    assert phone.evaluate("localStorage.length + sessionStorage.length") == 0
    assert outside == []


@pytest.mark.parametrize("lang", list(PREFIX))
def test_without_javascript_the_links_carry_the_message_for_me(phone_without_js, base_url,
                                                              outside, lang):
    want = expected()
    phone_without_js.goto(base_url + PREFIX[lang] + COHORT)
    box = phone_without_js.locator("[data-kx-apply]")
    assert not box.locator("#kx-apply-name").is_visible()
    text = box.locator("[data-kx-apply-text]").inner_text()
    _check_message(text, want)
    assert "m'inscrire" in text
    links = _links(box)
    assert box.locator("a[data-kx-apply-via]:visible").count() == 3
    _check_links(links, text, want)
    contact = {a.get_attribute("data-kx-contact"): a.get_attribute("href")
               for a in phone_without_js.locator("a[data-kx-contact]").all()}
    antenna = _yaml("schedules/antennas/paris.yml")["contact"]
    assert contact == {"phone": "tel:" + _e164_fr(antenna["phone"]),
                       "whatsapp": "https://wa.me/" + _e164_fr(antenna["whatsapp"])[1:]}
    assert outside == []
