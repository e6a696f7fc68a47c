"""A volunteer's attestation: one A4 page, in French and in the volunteer's language.

What it says comes from ``count``: the sessions the person attended in the year (present,
held), their hours, the antennas and roles, the first and last day. It is signed by the
antenna's coordination (a role, never a person's name, and no image of a signature).

**The reference.** The page prints a *verification line*, every figure of the attestation
in one line, and a reference: the first 20 hex digits of an HMAC-SHA256 of that line with
a secret key only the association holds (``KONEXIO_ATTESTATION_KEY``, from the
environment, never in the repository). Whoever receives the attestation (an employer, a
training body, a prefecture) sends the line and the reference to the antenna; a
coordinator runs ``konexio attest --check "<line>" <reference>``. A changed figure, name or
date gives another HMAC; without the key, nobody can make a reference that checks. A
plain hash of the content would not do: anyone could recompute it for a forged page.
The check needs neither the sheets nor the person's data, so it still works once the
retention period has replaced their name by a pseudonym.

**The PDF.** fpdf2. With a Unicode font, DejaVu Sans (``fonts-dejavu-core`` on Debian and
Ubuntu, or any TTF named by ``KONEXIO_ATTESTATION_FONT``), embedded in the file: every
name and every language of the volunteers' catalog is printed, Arabic shaped by HarfBuzz
(``uharfbuzz``: joined letters, right to left, aligned right). Without one, the PDF core
font Helvetica (in every reader): Latin-1 only, so French and English, and a name in
another script gets no attestation; the command says so.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal

from konexio.hours import words
from konexio.hours.attendance import State
from konexio.hours.count import Given
from konexio.hours.words import say
from konexio.i18n import BY_CODE

KEY_VARIABLE = "KONEXIO_ATTESTATION_KEY"
FONT_VARIABLE = "KONEXIO_ATTESTATION_FONT"
"""A TTF to print every script with; when set, the only one tried."""
FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),  # Debian, Ubuntu
         Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"),  # Fedora
         Path("/usr/share/fonts/TTF/DejaVuSans.ttf"))  # Arch
SCRIPTS = {"ar": ("arab", "ara"), "fa": ("arab", "fas")}
"""HarfBuzz's script and language of the right-to-left languages a page may hold."""
_PRINTABLE = {"\u202f": " ", "\u2009": " ", "\u2019": "'", "\u2018": "'", "\u2013": "-",
              "\u2014": "-", "\u2026": "...", "\u0153": "oe", "\u0152": "OE", "\u20ac": "EUR",
              "\u201c": '"', "\u201d": '"'}


@dataclass(frozen=True)
class Attestation:
    name: str
    year: int
    antennas: tuple[str, ...]
    """Antenna names, French."""
    roles: dict[str, str]
    """Role id -> role name in French; ``role_names`` gives them in other languages."""
    sessions: int
    hours: Decimal
    first: date
    last: date
    issued: date

    def line(self) -> str:
        """Every figure of the attestation in one line: what the reference signs."""
        return " | ".join(("konexio-attestation-1", self.name, str(self.year),
                           ", ".join(self.antennas), ", ".join(sorted(self.roles)),
                           f"{self.sessions}", f"{self.hours:.2f}", self.first.isoformat(),
                           self.last.isoformat(), self.issued.isoformat()))


def reference(line: str, key: str) -> str:
    """``KX-1A2B-3C4D-5E6F-7A8B-9C0D``: an HMAC-SHA256 of ``line`` with the secret ``key``."""
    digest = hmac.new(key.encode(), line.encode(), hashlib.sha256).hexdigest()[:20].upper()
    return "KX-" + "-".join(digest[i:i + 4] for i in range(0, 20, 4))


def check(line: str, given: str, key: str) -> bool:
    """Whether ``given`` is the reference of ``line`` (compared in constant time)."""
    return hmac.compare_digest(reference(line.strip(), key), given.strip().upper())


def attestation(given: list[Given], name: str, year: int, issued: date,
                antenna_names: dict[str, str]) -> Attestation | None:
    """The attestation of the sign-ups ``given`` (already the person's), None if nothing
    was attended in ``year``."""
    kept = [g for g in given if g.state is State.present and g.shift.start.year == year]
    if not kept:
        return None
    sessions = {g.shift.occurrence for g in kept}
    days = sorted(g.shift.start.date() for g in kept)
    return Attestation(
        name=name, year=year,
        antennas=tuple(sorted({antenna_names.get(g.shift.antenna, g.shift.antenna)
                               for g in kept})),
        roles={g.shift.role: g.shift.role_name for g in kept},
        sessions=len(sessions), hours=sum((g.hours for g in kept), Decimal(0)),
        first=days[0], last=days[-1], issued=issued)


def unicode_font(environ=None) -> Path | None:
    """The TTF that prints every script, if this computer has one."""
    environ = os.environ if environ is None else environ
    if environ.get(FONT_VARIABLE):
        chosen = Path(environ[FONT_VARIABLE])
        return chosen if chosen.is_file() else None
    return next((path for path in FONTS if path.is_file()), None)


def printable(text: str, font: Path | None = None) -> bool:
    """Whether the page can print ``text``: anything with a Unicode font, else what the
    core font has once typographic signs are replaced."""
    if font is not None:
        return True
    try:
        _latin(text)
    except UnicodeEncodeError:
        return False
    return True


def _latin(text: str) -> str:
    for sign, plain in _PRINTABLE.items():
        text = text.replace(sign, plain)
    text.encode("latin-1")
    return text


def paragraphs(found: Attestation, lang: str, role_names: dict[str, str], antenna: str,
               contact: str) -> list[tuple[str, str]]:
    """The page's text in ``lang``: (style, text) pairs, style ``title``, ``body``,
    ``item`` or ``small``."""
    locale = BY_CODE[lang].locale

    def day(value: date) -> str:
        return format_date(value, format="long", locale=locale)

    hours = format_decimal(found.hours, format="#,##0.##", locale=locale)
    roles = ", ".join(role_names.get(role, french) for role, french in sorted(found.roles.items()))
    return [
        ("title", say(lang, words.TITLE)),
        ("body", say(lang, words.INTRO, name=found.name, year=found.year)),
        ("item", say(lang, words.ANTENNAS, antennas=", ".join(found.antennas))),
        ("item", say(lang, words.ROLES, roles=roles)),
        ("item", say(lang, words.SESSIONS, sessions=found.sessions)),
        ("item", say(lang, words.HOURS, hours=hours)),
        ("item", say(lang, words.PERIOD, first=day(found.first), last=day(found.last))),
        ("body", say(lang, words.ISSUED, date=day(found.issued))),
        ("body", say(lang, words.SIGNED, signer=say(lang, words.SIGNER, antenna=antenna))),
        ("small", say(lang, words.CHECK, contact=contact)),
    ]


def write_pdf(path: Path, found: Attestation, languages: list[str],
              role_names: dict[str, dict[str, str]], antenna: str, contact: str,
              key: str, font: Path | None = None) -> str:
    """Write the one-page A4 PDF (with the Unicode ``font`` when given); return the
    reference printed on it."""
    from fpdf import FPDF

    line = found.line()
    ref = reference(line, key)
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 18, 20)
    if font is not None:
        bold = font.with_name(font.stem + "-Bold" + font.suffix)
        pdf.add_font("body", "", str(font))
        pdf.add_font("body", "B", str(bold if bold.is_file() else font))
        family, mono, plain = "body", "body", (lambda text: text)
    else:
        family, mono, plain = "helvetica", "courier", _latin
    pdf.set_title(plain(say("fr", words.TITLE)))
    pdf.set_author("Konexio")
    # Dated the day it attests: the same content gives the same file.
    pdf.set_creation_date(datetime.combine(found.issued, time(0), UTC))
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.cell(0, 8, "Konexio", new_x="LMARGIN", new_y="NEXT")
    sizes = {"title": ("B", 14, 9), "body": ("", 11, 6), "item": ("", 11, 6),
             "small": ("", 8, 4.5)}
    for index, lang in enumerate(languages):
        small = index > 0
        rtl = BY_CODE[lang].rtl
        pdf.ln(6 if index == 0 else 8)
        if small:
            pdf.set_draw_color(160)
            pdf.line(20, pdf.get_y() - 3, 190, pdf.get_y() - 3)
        if rtl and font is not None:
            script, language = SCRIPTS.get(lang, ("arab", "ara"))
            pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script=script,
                                 language=language)
        for style, text in paragraphs(found, lang, role_names.get(lang, {}), antenna,
                                      contact):
            weight, size, height = sizes[style]
            if small:
                size, height = max(size - 2, 7), height * 0.85
            pdf.set_font(family, weight, size)
            indent = 6 if style == "item" else 0
            pdf.set_x(20 if rtl else 20 + indent)
            pdf.multi_cell(170 - indent, height, plain(("- " if indent else "") + text),
                           align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT")
            if style in ("title", "body"):
                pdf.ln(1.5)
        if rtl and font is not None:
            pdf.set_text_shaping(False)
    pdf.set_y(-36)
    pdf.set_font(family, "B", 10)
    pdf.cell(0, 6, plain(say("fr", words.REFERENCE, reference=ref)), new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font(mono, "", 7.5)
    pdf.multi_cell(170, 3.6, plain(say("fr", words.LINE, line=line)), new_x="LMARGIN",
                   new_y="NEXT")
    pdf.output(str(path))
    return ref
