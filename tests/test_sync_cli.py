"""``konexio sync`` from a coordinator's terminal: works out of the box, refuses bad data."""

from __future__ import annotations

from konexio.cli import main
from konexio.sync.xlsx import DEFAULT_PATH, PEOPLE_PATH

COHORT = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"


def test_sync_fills_a_local_workbook_out_of_the_box(minimal_root, capsys, monkeypatch):
    monkeypatch.delenv("KONEXIO_GOOGLE_CREDENTIALS", raising=False)
    assert main(["sync", "--root", str(minimal_root)]) == 0
    out = capsys.readouterr().out
    # French puts 0 and 1 in the singular.
    assert "Paris : 34 nouveaux, 0 modifié, 0 annulé, 0 retiré, 0 inchangé" in out
    assert "; 2 requêtes, 2 écritures." in out  # the sign-up workbook and the people one
    assert (minimal_root / DEFAULT_PATH).is_file() and (minimal_root / PEOPLE_PATH).is_file()
    assert main(["sync", "--root", str(minimal_root), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "0 new, 0 updated, 0 cancelled, 0 removed, 34 unchanged" in out
    assert "; 0 requests, wrote 0 times." in out


def test_dry_run_writes_nothing(minimal_root, capsys):
    assert main(["sync", "--root", str(minimal_root), "--dry-run"]) == 0
    assert "Simulation : rien n'a été écrit." in capsys.readouterr().out
    assert not (minimal_root / DEFAULT_PATH).exists()
    assert not (minimal_root / PEOPLE_PATH).exists()


def test_invalid_data_touches_no_sheet(minimal_root, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    assert main(["sync", "--root", str(minimal_root), "--file", str(book)]) == 0
    before = book.read_bytes()
    path = minimal_root / COHORT
    path.write_text(path.read_text().replace("end: 2027-01-15", "end: 2027-13-45"))
    assert main(["sync", "--root", str(minimal_root), "--file", str(book)]) == 1
    assert f"{COHORT}:" in capsys.readouterr().err
    assert book.read_bytes() == before


def test_google_without_credentials_is_a_plain_message(minimal_root, capsys, monkeypatch):
    monkeypatch.delenv("KONEXIO_GOOGLE_CREDENTIALS", raising=False)
    assert main(["sync", "--root", str(minimal_root), "--backend", "google"]) == 2
    assert "KONEXIO_GOOGLE_CREDENTIALS" in capsys.readouterr().err


def test_a_back_end_error_is_told_in_the_coordinators_language(minimal_root, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"PK\x03\x04 a download cut short")
    command = ["sync", "--root", str(minimal_root), "--file", str(book)]
    assert main([*command, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"konexio sync: unreadable workbook: {book} (")
    assert "classeur" not in err
    assert main(command) == 2
    assert capsys.readouterr().err.startswith(f"konexio sync : classeur illisible : {book} (")


def test_google_settings_are_told_in_the_coordinators_language(minimal_root, capsys,
                                                               monkeypatch):
    monkeypatch.delenv("KONEXIO_GOOGLE_CREDENTIALS", raising=False)
    command = ["sync", "--root", str(minimal_root), "--backend", "google", "--lang", "en"]
    assert main(command) == 2
    assert capsys.readouterr().err == (
        "konexio sync: KONEXIO_GOOGLE_CREDENTIALS is not set: give the path of the service "
        "account's JSON key file.\n")


def test_sync_names_sign_ups_nobody_will_tell_by_their_cell(minimal_root, capsys):
    """Issue 27: the sync used to say nothing of a name typed that is on no roster row."""
    from fake_sheets.workbench import XlsxBench, col_of
    from konexio.sync.layout import signup_label

    assert main(["sync", "--root", str(minimal_root)]) == 0
    bench = XlsxBench(minimal_root)
    grid = bench.grid()
    bench.type(3, col_of(grid, signup_label(1)), "Zoé Inconnue")
    capsys.readouterr()
    assert main(["sync", "--root", str(minimal_root), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1 sign-up whose name is on no row of Bénévoles" in out
    assert f"Paris!{chr(65 + col_of(grid, signup_label(1)))}4" in out and "Zoé" not in out
    assert main(["sync", "--root", str(minimal_root), "--show-names"]) == 0
    assert "Zoé Inconnue" in capsys.readouterr().out
