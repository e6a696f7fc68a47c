"""RFC 5545 content lines: TEXT escaping (3.3.11) and line folding (3.1), fast.

icalendar folds a line one character at a time in Python, which was half of ``konexio
build`` on the shipped data. These two functions give the very bytes icalendar 7 writes
(tests compare them on random text and on every event of the fixtures), working on whole
slices of the UTF-8 encoding instead:

- a physical line holds at most 74 octets of content (icalendar folds *before* reaching 75;
  a continuation line is then 75 octets with its leading space), the RFC's limit being 75;
- a cut never falls inside a UTF-8 sequence (continuation bytes are 0b10xxxxxx);
- a cut never separates an escaping backslash or ``^`` (RFC 6868) from what it escapes:
  that character moves to the next line, as icalendar does for clients that unfold badly;
- lines are joined by CRLF followed by one space.
"""

from __future__ import annotations

LIMIT = 74
"""Octets of content per physical line (icalendar's ``byte_count + len >= 75`` rule)."""
FOLD = b"\r\n "
_ESCAPES = (ord("\\"), ord("^"))


def escape_text(text: str) -> str:
    """A TEXT value as icalendar's ``vText`` writes it (the order of replacements matters:
    backslashes first, so the later escapes are not escaped again)."""
    return (text.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;")
            .replace(",", r"\,").replace("\r\n", r"\n").replace("\n", r"\n")
            .replace("\r", r"\n"))


def fold(line: str) -> bytes:
    """One unfolded content line (no CR or LF in it) -> its folded UTF-8 bytes, without
    the final CRLF."""
    data = line.encode("utf-8")
    size = len(data)
    if size <= LIMIT:
        return data
    pieces = []
    start = 0
    while size - start > LIMIT:
        cut = start + LIMIT
        while data[cut] & 0xC0 == 0x80:  # inside a multi-octet character: back off
            cut -= 1
        if data[cut - 1] in _ESCAPES and cut - 1 > start:
            cut -= 1
        pieces.append(data[start:cut])
        start = cut
    pieces.append(data[start:])
    return FOLD.join(pieces)


def content_line(name: str, value: str, parameters: str = "") -> bytes:
    """``NAME;PARAMETERS:value`` folded, with its CRLF (``value`` already escaped)."""
    return fold(f"{name}{parameters}:{value}") + b"\r\n"
