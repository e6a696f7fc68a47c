"""When no group fits the finder's choices: the nearest groups (another time, another place,
the next group of that level) and a mail to the chosen place's team, "tell me when a group
opens", in Chromium at 360 px in every language (the words, the address, axe-core, no
outside request)."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from konexio import i18n

PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}

EMPTY = """() => {
  // A place and a time of day with no open group, where the place has open groups at
  // another time: [antenna, time, level of such a group].
  const cards = [...document.querySelectorAll("[data-kx-results] .kx-card")]
    .filter(c => c.dataset.status === "open");
  for (const option of document.querySelectorAll("#kx-antenna option")) {
    if (!option.value) continue;
    const here = cards.filter(c => c.dataset.antenna === option.value);
    for (const time of ["morning", "afternoon", "evening"]) {
      if (here.length && !here.some(c => c.dataset.time.split(" ").includes(time))) {
        return [option.value, time, here[0].dataset.level];
      }
    }
  }
  return null;
}"""


@pytest.mark.parametrize("lang", list(PREFIX))
def test_no_group_fits_shows_the_nearest_and_a_mail_to_the_place(phone, base_url, outside,
                                                                   lang):
    phone.goto(base_url + PREFIX[lang])
    antenna, time, level = phone.evaluate(EMPTY)
    nearest = phone.locator("[data-kx-nearest]")
    assert not nearest.is_visible()
    phone.select_option("#kx-antenna", antenna)
    phone.select_option("#kx-level", level)
    phone.select_option("#kx-time", time)
    assert phone.locator("[data-kx-results] .kx-card:visible").count() == 0
    assert nearest.is_visible()
    first = nearest.locator(".kx-card").first
    assert first.locator(".kx-card__why").inner_text() == i18n.gettext(
        lang, "À une autre heure")
    assert first.get_attribute("data-antenna") == antenna
    assert first.get_attribute("data-level") == level
    whys = nearest.locator(".kx-card__why").all_inner_texts()
    assert len(whys) == len(set(whys)) >= 1
    notify = nearest.locator("[data-kx-notify]")
    assert notify.inner_text() == i18n.gettext(lang, "Prévenez-moi quand un groupe ouvre")
    href = notify.get_attribute("href")
    email = phone.locator(f'#kx-antenna option[value="{antenna}"]').get_attribute(
        "data-email")
    assert urlsplit(href).scheme == "mailto" and unquote(urlsplit(href).path) == email
    subject = parse_qs(urlsplit(href).query)["subject"][0]
    place = phone.locator(f'#kx-antenna option[value="{antenna}"]').inner_text()
    assert subject.startswith(i18n.gettext(lang, "Prévenez-moi quand un groupe ouvre : %(group)s",
                                           group="")) and subject.endswith(place)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    results = Axe().run(phone, context={"include": [["[data-kx-nearest]"]]})
    assert results.violations_count == 0, results.generate_report()
    # Back to a choice that fits: the nearest groups go away.
    phone.select_option("#kx-time", "")
    assert not nearest.is_visible()
    assert outside == []
