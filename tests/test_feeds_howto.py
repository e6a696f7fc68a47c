"""The subscribe how-to texts the site renders: complete in every language, and only the
placeholders the template fills."""

from __future__ import annotations

import string

from konexio import REQUIRED as LANGUAGES  # the others fall back to these
from konexio.feeds.howto import HOWTOS, SUBSCRIBE_VS_DOWNLOAD


def test_every_app_has_steps_in_every_language_with_known_placeholders():
    assert [h.app for h in HOWTOS] == ["google", "apple", "outlook", "thunderbird"]
    for howto in HOWTOS:
        texts = [*howto.steps, SUBSCRIBE_VS_DOWNLOAD] + ([howto.note] if howto.note else [])
        for text in texts:
            for lang in LANGUAGES:
                value = getattr(text, lang)
                fields = {f for _, f, _, _ in string.Formatter().parse(value) if f}
                assert fields <= {"url", "webcal"}, (howto.app, lang, value)
            # A step that points at the address does so in every language.
            names = [{f for _, f, _, _ in string.Formatter().parse(getattr(text, lang)) if f}
                     for lang in LANGUAGES]
            assert all(n == names[0] for n in names), (howto.app, text)
