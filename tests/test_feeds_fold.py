"""konexio.feeds.fold: RFC 5545 folding and TEXT escaping, the same bytes as icalendar.

The feeds used to be folded by icalendar; ``fold.py`` does it on byte slices. Both are
checked here: against the RFC's rules directly (75 octets, whole UTF-8 characters, CRLF and
one space, unfolding gives the line back) and against icalendar's own routine, so feeds of
unchanged data keep their bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from icalendar.parser.string import _escape_char, _foldline

from konexio import LANGUAGES
from konexio.feeds.fold import content_line, escape_text, fold

TEXT = st.text(alphabet=st.sampled_from("ab \\^;,:\n\r\téءي€𝄞\u200f"), max_size=400)
"""ASCII, the characters escaping cares about, 2-, 3- and 4-octet UTF-8, an RTL mark."""


def unfold(folded: bytes) -> bytes:
    return re.sub(rb"\r\n[ \t]", b"", folded)


@given(TEXT)
@example("a" * 74)
@example("a" * 75)
@example("a" * 73 + "é")
@example("a" * 73 + "\\,")
@example("\\" * 200)
def test_folded_lines_follow_rfc_5545(raw: str):
    line = "DESCRIPTION:" + escape_text(raw)
    folded = fold(line)
    physical = folded.split(b"\r\n")
    assert all(len(part) <= 75 for part in physical)
    assert all(part.startswith(b" ") for part in physical[1:])
    for part in physical:
        part.decode("utf-8")  # never a cut inside a character
    assert b"\n" not in folded.replace(b"\r\n", b"")
    assert unfold(folded) == line.encode("utf-8")


@given(TEXT)
def test_the_same_bytes_as_icalendar(raw: str):
    escaped = escape_text(raw)
    assert escaped == _escape_char(raw)
    line = "LOCATION:" + escaped
    assert fold(line) == _foldline(line).encode("utf-8")


def test_an_escaping_backslash_is_not_left_at_the_end_of_a_line():
    line = "SUMMARY:" + "a" * 65 + "\\,b"  # the backslash is octet 74
    first, second = fold(line).split(b"\r\n")
    assert first == ("SUMMARY:" + "a" * 65).encode() and second == b" \\,b"


def test_content_line_ends_with_crlf():
    assert content_line("DTSTART", "20261102T140000", ";TZID=Europe/Paris") == (
        b"DTSTART;TZID=Europe/Paris:20261102T140000\r\n")


def test_every_event_of_the_fixture_is_written_as_icalendar_writes_it(minimal_root: Path):
    from datetime import date

    from konexio.feeds import feed_context
    from konexio.feeds.events import vevent, vevent_bytes
    from konexio.validate import load_valid

    dataset, schedule = load_valid(minimal_root)
    context = feed_context(dataset, "https://konexio.example.org/", today=date(2026, 10, 1))
    assert schedule.occurrences
    for occurrence in schedule.occurrences:
        for lang in LANGUAGES:
            for needs in (False, True):
                assert vevent_bytes(occurrence, lang, context, show_needs=needs) == vevent(
                    occurrence, lang, context, show_needs=needs).to_ical(), occurrence.key
