"""Every script of the site is drawn with a font the computer has (issue 25 point 3): no web
font is fetched, so Tigrinya's Ge'ez letters and Pashto's own letters (ښ ږ ځ ټ ډ ړ ڼ ې ۍ)
must find a system font, as a learner's Android phone does with Noto. Chromium itself says
which font drew a node (DevTools' CSS.getPlatformFontsForNode), and a canvas measures the
glyphs: the empty box drawn for a character no font has (.notdef, "tofu") is one width for
every character, real Ge'ez letters are not."""

from __future__ import annotations

import pytest

# One name for each script, and what a font that draws it is called on Debian (the test
# tools install fonts-noto-core: scripts/ensure-test-tools.sh) and on a phone.
PAGES = {
    "ti": ("ti/", r"[\u1200-\u137f]", ("Ethiopic", "Abyssinica")),
    "ps": ("ps/", r"[\u067c\u0681\u0685\u0689\u0693\u0696\u069a\u06bc\u06cd\u06d0]",
           ("Arabic", "Naskh", "DejaVu")),
    "sw": ("sw/", r"[A-Za-z]", ("",)),
}
TOFU = r"""([text, family]) => {
  const canvas = document.createElement("canvas").getContext("2d");
  canvas.font = `32px ${family}`;
  const width = t => canvas.measureText(t).width;
  const notdef = width("\u0378");  // unassigned in Unicode: no font has it
  const letters = [...text].filter(c => c.trim());
  return {notdef, widths: [...new Set(letters.map(width))]};
}"""


def fonts_of(page, selector: str) -> dict[str, int]:
    """The system fonts Chromium used for the text of ``selector``, and glyphs each."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    assert not any(font["isCustomFont"] for font in fonts), fonts  # no web font
    return {font["familyName"]: font["glyphCount"] for font in fonts}


@pytest.mark.parametrize("lang", list(PAGES))
def test_each_script_is_drawn_by_a_system_font(phone, base_url, outside, lang):
    import re

    prefix, letters, names = PAGES[lang]
    phone.goto(base_url + prefix)
    heading = phone.locator("article h1").first
    text = heading.inner_text()
    assert re.search(letters, text) or lang == "ps", text
    article = phone.locator("article").inner_text()
    assert re.search(letters, article), lang
    fonts = fonts_of(phone, "article h1")
    assert fonts and sum(fonts.values()) >= len(text.replace(" ", "")), fonts
    assert any(name in family for family in fonts for name in names), fonts
    assert outside == []


def test_geez_letters_are_not_tofu(phone, base_url):
    phone.goto(base_url + "ti/")
    text = phone.locator("article h1").first.inner_text()
    family = phone.locator("article h1").first.evaluate(
        "h => getComputedStyle(h).fontFamily")
    found = phone.evaluate(TOFU, [text, family])
    assert len(found["widths"]) > 1, found  # tofu: every letter the same box
    assert found["widths"] != [found["notdef"]]


def test_the_tofu_check_can_fail(phone, base_url):
    """Characters no font has all measure as the one .notdef box."""
    phone.goto(base_url + "ti/")
    found = phone.evaluate(TOFU, ["\u0378\u0379\u0380\u0381", "sans-serif"])
    assert found["widths"] == [found["notdef"]]
