"""Share links of program and cohort pages: plain links built at build time, with the
page's language and full address, percent-encoded so that no character of a title (an
apostrophe, an ampersand, Arabic letters) breaks or changes the message."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from markupsafe import Markup

from konexio import LANGUAGES, i18n
from konexio.pages.render import query_value, render_pages
from konexio.pages.views import Site
from konexio.validate import load_valid
from test_pages import COHORT, TODAY, edit

PROGRAM = "programs/digitall-beginner/index.md"
SITE_URL = "https://example.org/"


def pages_of(root: Path, lang: str) -> dict[str, str]:
    dataset, schedule = load_valid(root)
    site = Site.of(dataset, schedule, TODAY, SITE_URL)
    return {page.src_uri: page.markdown for page in render_pages(site, lang)}


def share_links(markdown: str) -> dict[str, str]:
    """The share links of a page, by service, as a browser reads them (entities undone)."""
    return {via: html.unescape(href) for href, via in
            re.findall(r'href="([^"]*)" data-kx-via="([a-z]+)"', markdown)}


def texts(href: str) -> dict[str, str]:
    """The query values of a share link, decoded (``sms:?&body=`` and ``mailto:?``)."""
    query = urlsplit(href).query
    return {key: values[0] for key, values in parse_qs(query, keep_blank_values=True).items()}


def test_query_value_encodes_everything_reserved_and_spaces_as_percent_20():
    assert query_value("a b&c=d/e?f#g+h") == "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh"
    assert query_value(Markup("l&#39;atelier &amp; co")) == "l%27atelier%20%26%20co"
    assert unquote(query_value("دورة")) == "دورة"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page, address", [
    (COHORT, SITE_URL + "{prefix}cohorts/digitall-beginner-paris-2026-11/"),
    (PROGRAM, SITE_URL + "{prefix}programs/digitall-beginner/"),
])
def test_share_links_carry_the_message_and_the_full_address(minimal_root, lang, page,
                                                              address):
    markdown = pages_of(minimal_root, lang)[page]
    url = address.format(prefix="" if lang == "fr" else f"{lang}/")
    links = share_links(markdown)
    assert set(links) == {"whatsapp", "sms", "telegram", "email"}
    title = html.unescape(re.search(r'data-title="([^"]*)"', markdown).group(1))
    message = i18n.gettext(lang, "Cours gratuit Konexio : %(title)s", title=title)
    assert message != title and title
    assert links["whatsapp"].startswith("https://wa.me/?text=")
    assert texts(links["whatsapp"]) == {"text": f"{message} {url}"}
    assert links["sms"].startswith("sms:?&body=")
    assert texts(links["sms"]) == {"body": f"{message} {url}"}
    assert links["telegram"].startswith("https://t.me/share/url?")
    assert texts(links["telegram"]) == {"url": url, "text": message}
    assert links["email"].startswith("mailto:?")
    assert texts(links["email"]) == {"subject": message, "body": f"{message}\n{url}"}
    # mailto: and sms: read "+" as a plus sign: spaces must be %20.
    assert "+" not in links["email"] and "%20" in links["email"]
    assert f'data-url="{url}"' in markdown


def test_a_title_with_an_apostrophe_and_an_ampersand_is_sent_as_typed(minimal_root):
    edit(minimal_root / "schedules/programs/digitall-beginner.yml",
         "{fr: DigitAll débutant,", "{fr: \"L'atelier & co\",")
    markdown = pages_of(minimal_root, "fr")[PROGRAM]
    message = "Cours gratuit Konexio : L'atelier & co"
    assert texts(share_links(markdown)["whatsapp"])["text"].startswith(message + " https://")
    assert texts(share_links(markdown)["telegram"])["text"] == message
