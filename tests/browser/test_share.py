"""Share links of program and cohort pages in Chromium at 360 px, in every language: the
message in the page's language with the page's full public address, the page's direction,
axe-core, the copy button and the phone's share sheet, and no request to another host."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from konexio import i18n

COHORT = "cohorts/digitall-beginner-la-chapelle-2026-11/"
PREFIX = {"fr": "", "en": "en/", "ar": "ar/", "fa": "fa/", "uk": "uk/", "ps": "ps/", "ti": "ti/",
          "sw": "sw/"}
SITE_URL = "https://formations.konexio.eu/"
PAGES = {"cohort": COHORT, "program": "programs/digitall-beginner/"}
DIRECTION = {"fr": "ltr", "en": "ltr", "ar": "rtl", "fa": "rtl", "uk": "ltr", "ps": "rtl",
             "ti": "ltr", "sw": "ltr"}


def _query(href: str) -> dict[str, str]:
    return {key: values[0] for key, values in
            parse_qs(urlsplit(href).query, keep_blank_values=True).items()}


@pytest.mark.parametrize("lang", list(PREFIX))
@pytest.mark.parametrize("kind", list(PAGES))
def test_share_links_speak_the_pages_language(phone, base_url, outside, kind, lang):
    path = PREFIX[lang] + PAGES[kind]
    phone.goto(base_url + path)
    assert phone.locator("html").get_attribute("dir") == DIRECTION[lang]
    box = phone.locator("[data-kx-share]")
    title = box.get_attribute("data-title")
    message = i18n.gettext(lang, "Cours gratuit Konexio : %(title)s", title=title)
    address = SITE_URL + path
    assert box.get_attribute("data-url") == address
    link = {via: box.locator(f'[data-kx-via="{via}"]').get_attribute("href")
            for via in ("whatsapp", "sms", "telegram", "email")}
    assert link["whatsapp"].startswith("https://wa.me/?")
    assert _query(link["whatsapp"]) == {"text": f"{message} {address}"}
    assert link["sms"].startswith("sms:?&body=")
    assert _query(link["sms"]) == {"body": f"{message} {address}"}
    assert link["telegram"].startswith("https://t.me/share/url?")
    assert _query(link["telegram"]) == {"url": address, "text": message}
    assert link["email"].startswith("mailto:?")
    assert _query(link["email"]) == {"subject": message, "body": f"{message}\n{address}"}
    # Every link and button is on the screen, large enough for a finger, inside 360 px.
    for target in box.locator("a, button:visible").all():
        found = target.bounding_box()
        assert found["height"] >= 44 and found["x"] >= 0 and found["x"] + found["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    results = Axe().run(phone, context={"include": [["[data-kx-share]"]]})
    assert results.violations_count == 0, results.generate_report()
    assert outside == []


@pytest.mark.parametrize("lang", ["fr", "fa"])
def test_copy_button_puts_the_address_on_the_clipboard(browser, base_url, outside, lang):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-1])
    context.route("**/*", lambda route: route.continue_()
                  if urlsplit(route.request.url).hostname == "127.0.0.1"
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(base_url + PREFIX[lang] + COHORT)
    button = page.locator("[data-kx-copy]")
    assert button.is_visible()
    button.click()
    # The clipboard answers asynchronously: wait for the status line rather than read it
    # at once (read at once, it was sometimes still empty).
    expect(page.locator("[data-kx-copy-status]")).to_have_text(i18n.gettext(lang, "Lien copié."))
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + PREFIX[lang] + COHORT
    context.close()
    assert outside == []


def test_share_sheet_is_offered_where_the_browser_has_one(phone, base_url):
    phone.add_init_script("""
        navigator.share = function (data) { window.kxShared = data; return Promise.resolve(); };
    """)
    phone.goto(base_url + "uk/" + COHORT)
    button = phone.locator("[data-kx-share-native]")
    assert button.is_visible()
    button.click()
    shared = phone.evaluate("window.kxShared")
    assert shared["url"] == SITE_URL + "uk/" + COHORT
    assert shared["text"].startswith("Безкоштовний курс Konexio: ")


def test_without_javascript_the_plain_links_remain(phone_without_js, base_url):
    phone_without_js.goto(base_url + "ar/" + COHORT)
    box = phone_without_js.locator("[data-kx-share]")
    assert box.locator("a[data-kx-via]").count() == 4
    assert box.locator("a[data-kx-via]:visible").count() == 4
    assert not box.locator("[data-kx-copy]").is_visible()
    assert not box.locator("[data-kx-share-native]").is_visible()
    assert box.locator(".kx-url").inner_text() == SITE_URL + "ar/" + COHORT
