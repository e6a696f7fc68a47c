"""Issue 28, point 3: a volunteer's attestation, a one-page A4 PDF, read back by pypdf (an
independent reader), and its reference checked. Every name and address is invented."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from fake_sheets.workbench import XlsxBench, col_of, row_of
from konexio.cli import main
from konexio.hours.attestation import FONT_VARIABLE, KEY_VARIABLE
from konexio.sync.layout import signup_label
from system_tools import DEJAVU, dejavu_available, require
from test_hours import COHORT, fill, set_rates
from test_notify import PEOPLE, fill_roster

KEY = "a-test-secret-of-the-association-0123456789"
A4 = (595.28, 841.89)  # points


@pytest.fixture
def book(tmp_path, minimal_root, monkeypatch):
    monkeypatch.setenv(KEY_VARIABLE, KEY)
    made = XlsxBench(tmp_path)
    set_rates(minimal_root)
    fill(made, minimal_root)
    fill_roster(tmp_path, PEOPLE + [("Éloïse Martin", "eloise@example.org", "", "en", ""),
                                    ("Олена Приклад", "olena@example.org", "", "", "")])
    grid = made.grid()
    for day, name in (("2026-11-23", "Layla Mithal"), ("2026-11-25", "олена приклад")):
        made.type(row_of(grid, f"{COHORT}/{day}/1400/trainer"), col_of(grid, signup_label(2)),
                  name)
    return made


def attest(root, book, who, out, *extra):
    return main(["attest", who, "--year", "2026", "--out", str(out), "--root", str(root),
                 "--today", "2026-11-26", "--backend", "xlsx", "--file", str(book.path),
                 *extra])


def text_of(path) -> tuple[str, PdfReader]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_the_attestation_says_sessions_hours_period_and_signer(book, minimal_root, tmp_path,
                                                               capsys):
    out = tmp_path / "attestation.pdf"
    assert attest(minimal_root, book, "awa@example.org", out) == 0  # found by e-mail
    printed = capsys.readouterr().out
    assert "Awa" not in printed  # the terminal shows the file and figures, not the person
    text, reader = text_of(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == \
        (round(A4[0], 1), round(A4[1], 1))
    flat = " ".join(text.split())
    # Awa attended the 2nd, 9th and 19th (the 18th, moved) as trainer; absent on the 4th.
    assert "Attestation de bénévolat" in flat and "Awa Exemple" in flat
    assert "Séances : 3" in flat and "Heures : 6" in flat
    assert "du 2 novembre 2026 au 19 novembre 2026" in flat
    assert "Formateur" in flat and "Centre" not in flat
    assert "la coordination de l'antenne Paris" in flat
    assert "contact@konexio.eu" in flat
    assert "English" not in flat and "Attestation of volunteering" not in flat  # French only


def test_the_reference_checks_and_a_changed_figure_does_not(book, minimal_root, tmp_path,
                                                            capsys):
    out = tmp_path / "attestation.pdf"
    assert attest(minimal_root, book, "Awa Exemple", out) == 0
    text, _ = text_of(out)
    flat = " ".join(text.split())
    reference = flat.split("Référence : ")[1].split()[0]
    line = flat.split("Ligne de vérification : ")[1].strip()
    assert line.startswith("konexio-attestation-1 | Awa Exemple | 2026")
    capsys.readouterr()
    assert main(["attest", "--check", line, reference]) == 0
    assert "exacte" in capsys.readouterr().out
    forged = line.replace("| 3 | 6.00 |", "| 30 | 60.00 |")
    assert forged != line
    assert main(["attest", "--check", forged, reference]) == 1
    assert "fausse" in capsys.readouterr().out


def test_in_the_volunteers_language_too(book, minimal_root, tmp_path):
    out = tmp_path / "eloise.pdf"
    assert attest(minimal_root, book, "eloise martin", out) == 0
    text, reader = text_of(out)
    flat = " ".join(text.split())
    assert len(reader.pages) == 1
    assert "Attestation de bénévolat" in flat and "Éloïse Martin" in flat
    assert "Attestation of volunteering" in flat  # her roster language: English
    assert "Sessions: 1" in flat and "Hours: 2" in flat


def test_without_the_secret_nothing_is_written(book, minimal_root, tmp_path, monkeypatch,
                                               capsys):
    monkeypatch.delenv(KEY_VARIABLE)
    out = tmp_path / "attestation.pdf"
    assert attest(minimal_root, book, "Awa Exemple", out) == 1
    assert KEY_VARIABLE in capsys.readouterr().err and not out.exists()


def test_nobody_of_that_name_gets_no_attestation(book, minimal_root, tmp_path, capsys):
    out = tmp_path / "attestation.pdf"
    assert attest(minimal_root, book, "Personne Inconnue", out) == 1
    assert "aucune séance" in capsys.readouterr().err and not out.exists()


def test_in_arabic_too_shaped_right_to_left(book, minimal_root, tmp_path, monkeypatch):
    require(dejavu_available(), "fonts-dejavu-core")
    monkeypatch.setenv(FONT_VARIABLE, DEJAVU)
    out = tmp_path / "layla.pdf"
    assert attest(minimal_root, book, "layla@example.org", out) == 0
    text, reader = text_of(out)
    assert len(reader.pages) == 1
    assert "Attestation de bénévolat" in text and "Layla Mithal" in text
    # Her roster language is Arabic: the words of the volunteers' catalog, joined letters
    # as HarfBuzz shaped them, read back in logical order by pypdf.
    assert "شهادة تطوّع" in text and "جمعية كونكسيو" in text and "مدرب" in text
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()
             for f in [f.get_object()["/BaseFont"]]}
    assert any("DejaVuSans" in name for name in fonts), fonts  # embedded, not a core font


def test_a_name_in_another_script_needs_the_unicode_font(book, minimal_root, tmp_path,
                                                         monkeypatch, capsys):
    out = tmp_path / "olena.pdf"
    monkeypatch.setenv(FONT_VARIABLE, str(tmp_path / "no-such-font.ttf"))
    assert attest(minimal_root, book, "olena@example.org", out) == 1
    assert "alphabet latin" in capsys.readouterr().err and not out.exists()
    out_layla = tmp_path / "layla.pdf"  # Arabic needs it too: French only, and said
    assert attest(minimal_root, book, "layla@example.org", out_layla) == 0
    assert "français seulement" in capsys.readouterr().out
    text, _ = text_of(out_layla)
    assert "Layla Mithal" in text and "شهادة" not in text
    require(dejavu_available(), "fonts-dejavu-core")
    monkeypatch.setenv(FONT_VARIABLE, DEJAVU)
    assert attest(minimal_root, book, "olena@example.org", out) == 0
    text, _ = text_of(out)
    assert "Олена Приклад" in text and "Séances : 1" in " ".join(text.split())
