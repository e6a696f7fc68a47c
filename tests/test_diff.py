"""``konexio diff`` on git histories made in the test: each case commits the minimal data,
edits the working tree as a coordinator would, and reads what the diff says."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from konexio.cli import main
from konexio.diff.render import MARKER

COHORT = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"
ANTENNA = "schedules/antennas/paris.yml"
PROGRAM = "schedules/programs/digitall-beginner.yml"
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], env=GIT_ENV, check=True, input="",
                          capture_output=True, text=True)
    return done.stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def repo(minimal_root: Path) -> Path:
    git(minimal_root, "init", "-q", "-b", "main")
    commit(minimal_root, "the minimal data")
    return minimal_root


def append(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def copy_cohort(root: Path, name: str) -> None:
    """Another cohort like the fixture's, in the other room (a room holds one class)."""
    text = (root / COHORT).read_text(encoding="utf-8").replace("Salle 1", "Salle 2")
    (root / f"schedules/cohorts/paris/{name}.yml").write_text(text, encoding="utf-8")


def diff(root: Path, capsys, *options: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["diff", "--root", str(root), "--base", "main", *options])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_no_edit_is_no_change(repo: Path, capsys):
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert "Aucun changement de séance." in out


def test_a_program_rename_changes_no_session(repo: Path, capsys):
    replace(repo, PROGRAM, "fr: DigitAll débutant", "fr: DigitAll premiers pas")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert out.splitlines()[2] == "Aucun changement de séance."
    code, out, _ = diff(repo, capsys, "--lang", "en")
    assert "No change to any session." in out


def test_a_move_shows_from_and_to_in_local_time_and_keeps_the_shifts(repo: Path, capsys):
    replace(repo, COHORT, "moved:\n", "moved:\n  - date: 2026-11-23\n    to_date: 2026-11-24\n"
            "    to_start: \"10:00\"\n    to_end: \"12:00\"\n"
            "    reason: {fr: Salle prise, en: Room taken, ar: القاعة محجوزة}\n")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert "1 cohorte touchée : 1 séance déplacée." in out
    assert ("Déplacée : lun. 23 nov. 2026 14:00–16:00, Salle 1 → "
            "mar. 24 nov. 2026 10:00–12:00, Salle 1 (Salle prise)") in out
    assert "heures de Europe/Paris" in out
    # The shift ids are the planned session's: volunteers keep their sign-ups.
    assert "Aucun créneau bénévole n'apparaît ni ne disparaît." in out


def test_a_cancellation_removes_that_sessions_shifts(repo: Path, capsys):
    replace(repo, COHORT, "cancelled:\n", "cancelled:\n  - date: 2026-11-25\n"
            "    reason: {fr: Grève, en: Strike, ar: إضراب}\n")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert "Annulée : mer. 25 nov. 2026 14:00–16:00, Salle 1 (Grève)" in out
    # One shift per role the session needs: a trainer and assistants.
    assert "2 créneaux bénévoles en moins" in out
    assert "Créneaux bénévoles en moins : Bénévole ×1, Formateur ×1" in out


def test_a_closure_removes_the_sessions_of_its_days_with_its_reason(repo: Path, capsys):
    replace(repo, ANTENNA, "closures:\n", "closures:\n  - start: 2026-11-30\n"
            "    end: 2026-12-04\n    reason: {fr: Travaux, en: Building works, ar: أشغال}\n")
    code, out, _ = diff(repo, capsys, "--lang", "en")
    assert code == 0
    assert "1 cohort affected: 2 sessions removed, 4 volunteer shifts fewer." in out
    assert "Removed: Mon 30 Nov 2026 14:00–16:00, Salle 1 (closed: Building works)" in out
    assert "Removed: Wed 2 Dec 2026 14:00–16:00, Salle 1 (closed: Building works)" in out


def test_a_new_cohort_counts_its_sessions_and_shifts(repo: Path, capsys):
    copy_cohort(repo, "digitall-beginner-paris-bis")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    # Mondays and Wednesdays from 2 Nov 2026 to 15 Jan 2027 less the Christmas closure
    # (9 + 8 planned days, 11 Nov being a public holiday), less the cancelled 16 Nov.
    assert "Nouvelle cohorte : 16 séances." in out
    assert "1 cohorte touchée : 1 nouvelle cohorte, 32 créneaux bénévoles en plus." in out


def test_a_new_cohort_says_what_where_which_days_and_from_when_to_when(repo: Path, capsys):
    """What a reviewer checks from the comment alone ("two afternoons a week from 2
    November"), in French, then every word of it in English, role names included."""
    copy_cohort(repo, "digitall-beginner-paris-bis")

    _code, out, _ = diff(repo, capsys)

    # Planned Mondays and Wednesdays from Mon 2 Nov 2026; the last planned day before the
    # end (Fri 15 Jan 2027) is Wed 13 Jan; 16 Nov is cancelled, 18 Nov moved to the 19th.
    assert ("DigitAll débutant, Centre Belleville, cours en français, 12 places, "
            "statut : ouverte") in out
    assert ("Chaque semaine : le lundi 14:00–16:00, Salle 2 ; le mercredi 14:00–16:00, "
            "Salle 2") in out
    assert ("Première séance : lun. 2 nov. 2026 14:00–16:00, Salle 2 ; dernière : "
            "mer. 13 janv. 2027 14:00–16:00, Salle 2") in out
    assert ("Déplacée : mer. 18 nov. 2026 14:00 → jeu. 19 nov. 2026 14:00–16:00, Salle 2 "
            "(Salle prise)") in out
    assert "Annulée : lun. 16 nov. 2026 14:00–16:00, Salle 2 (Formateur absent)" in out

    _code, out, _ = diff(repo, capsys, "--lang", "en")

    assert "New cohort: 16 sessions." in out
    assert ("DigitAll beginner, Belleville centre, taught in French, 12 places, "
            "status: open") in out
    assert "Every week: Monday 14:00–16:00, Salle 2; Wednesday 14:00–16:00, Salle 2" in out
    assert ("First session: Mon 2 Nov 2026 14:00–16:00, Salle 2; last: "
            "Wed 13 Jan 2027 14:00–16:00, Salle 2") in out
    assert "Moved: Wed 18 Nov 2026 14:00 → Thu 19 Nov 2026 14:00–16:00, Salle 2 (Room taken)" \
        in out
    assert "Volunteer shifts more: Volunteer assistant ×16, Trainer ×16" in out
    french = ("ouverte", "séance", "Chaque", "Première", "Déplacée", "Formateur", "Bénévole")
    assert not [word for word in french if word in out], out


def test_a_removed_cohort_says_what_it_was(repo: Path, capsys):
    copy_cohort(repo, "second")
    commit(repo, "a second cohort")
    (repo / "schedules/cohorts/paris/second.yml").unlink()

    _code, out, _ = diff(repo, capsys)

    assert "Cohorte retirée (elle avait 16 séances)." in out
    assert ("Première séance : lun. 2 nov. 2026 14:00–16:00, Salle 2 ; dernière : "
            "mer. 13 janv. 2027 14:00–16:00, Salle 2") in out
    assert "Créneaux bénévoles en moins : Bénévole ×16, Formateur ×16" in out


def test_a_removed_cohort_and_a_status_and_capacity_change(repo: Path, capsys):
    copy_cohort(repo, "second")
    commit(repo, "a second cohort")
    (repo / "schedules/cohorts/paris/second.yml").unlink()
    replace(repo, COHORT, "capacity: 12\nstatus: open", "capacity: 14\nstatus: full")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert ("2 cohortes touchées : 1 cohorte retirée, 32 créneaux bénévoles en moins."
            in out)
    assert "Cohorte retirée (elle avait 16 séances)." in out
    assert "Statut : ouverte → complète" in out and "Places : 12 → 14" in out


def test_lifting_a_cancellation_restores_the_session(repo: Path, capsys):
    replace(repo, COHORT, "cancelled:\n  - date: 2026-11-16\n    reason: {fr: Formateur absent, "
            "en: Trainer away, ar: المدرب غائب}\n", "")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert "Rétablie : lun. 16 nov. 2026 14:00–16:00, Salle 1" in out
    assert "2 créneaux bénévoles en plus" in out


def test_markdown_starts_with_the_marker_and_links_the_preview_pages(repo: Path, capsys):
    (repo / "mkdocs.yml").write_text("site_name: x\nsite_url: https://example.org/\n",
                                     encoding="utf-8")
    replace(repo, COHORT, "capacity: 12", "capacity: 10")
    code, out, _ = diff(repo, capsys, "--format", "markdown", "--preview", "pr-preview/pr-7/")
    assert code == 0
    assert out.splitlines()[0] == MARKER
    assert ("#### [digitall-beginner-paris-2026-11](https://example.org/pr-preview/pr-7/"
            "cohorts/digitall-beginner-paris-2026-11/)") in out
    assert "https://example.org/pr-preview/pr-7/" in out


def test_free_text_cannot_mention_or_link_in_the_comment(repo: Path, capsys):
    replace(repo, COHORT, "cancelled:\n", "cancelled:\n  - date: 2026-11-25\n"
            "    reason: {fr: \"[voir](https://x.example) @someone\", en: x, ar: x}\n")
    code, out, _ = diff(repo, capsys, "--format", "markdown")
    assert r"(\[voir\]\(https://x.example\) \@someone)" in out


def test_uncommitted_files_do_not_leak_into_the_base(repo: Path, capsys):
    # The new file is untracked: the base must not see it, so it is a new cohort.
    copy_cohort(repo, "untracked")
    _, out, _ = diff(repo, capsys)
    assert "Nouvelle cohorte" in out


def test_an_invalid_working_tree_is_reported_as_validate_does(repo: Path, capsys):
    replace(repo, COHORT, "day: monday", "day: lundi")
    code, out, err = diff(repo, capsys, "--format", "markdown")
    assert code == 1
    assert out.splitlines()[0] == MARKER
    assert f"{COHORT}:9:10:" in out and f"{COHORT}:9:10:" in err
    assert "1 problème trouvé." in err
    assert "Traceback" not in out + err


def test_an_invalid_base_is_said_and_not_blamed_on_the_change(repo: Path, capsys):
    replace(repo, COHORT, "day: monday", "day: lundi")
    commit(repo, "broken")
    replace(repo, COHORT, "day: lundi", "day: monday")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert "Les données de main ont des problèmes" in out


def test_an_unknown_revision_exits_2_with_a_plain_message(repo: Path, capsys):
    capsys.readouterr()
    code = main(["diff", "--root", str(repo), "--base", "no-such-branch"])
    err = capsys.readouterr().err
    assert code == 2
    assert "« no-such-branch » n'est pas une révision connue de git" in err


def test_a_revision_before_the_data_existed_makes_every_cohort_new(repo: Path, capsys):
    empty_tree = git(repo, "hash-object", "-t", "tree", "-w", "--stdin").strip()
    first = git(repo, "commit-tree", empty_tree, "-m", "before any data").strip()
    git(repo, "branch", "empty", first)
    capsys.readouterr()
    code = main(["diff", "--root", str(repo), "--base", "empty"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Nouvelle cohorte : 16 séances." in out


def test_data_in_a_sub_folder_of_the_repository(tmp_path: Path, minimal_root: Path, capsys):
    top = tmp_path / "top"
    shutil.copytree(minimal_root, top / "site-data")
    git(top, "init", "-q", "-b", "main")
    commit(top, "data in a sub-folder")
    replace(top / "site-data", COHORT, "capacity: 12", "capacity: 9")
    code, out, _ = diff(top / "site-data", capsys)
    assert code == 0
    assert "Places : 12 → 9" in out


def test_long_lists_are_capped_per_cohort_and_kind(repo: Path, capsys, monkeypatch):
    from konexio.diff import render

    monkeypatch.setattr(render, "MAX_LINES", 3)
    replace(repo, ANTENNA, "closures:\n", "closures:\n  - start: 2026-11-23\n"
            "    end: 2026-12-18\n    reason: {fr: Travaux, en: Building works, ar: أشغال}\n")
    code, out, _ = diff(repo, capsys)
    assert code == 0
    # Mondays 23 and 30 Nov, 7 and 14 Dec; Wednesdays 25 Nov, 2, 9 and 16 Dec.
    assert "8 séances supprimées" in out
    assert out.count("Supprimée : ") == 3
    assert "… et 5 autres" in out
