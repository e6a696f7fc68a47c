"""A problem between two files is shown on the line of the file the pull request changed
too (``konexio validate --changed-since``), on git histories made in the test: GitHub shows
an annotation only on the lines of the diff."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.test_diff import ANTENNA, COHORT, commit, git, replace

from konexio.cli import main

CLOSURE = """\
  - start: 2026-11-19
    end: 2026-11-19
    reason: {fr: Inventaire, en: Stocktaking, ar: جرد}
"""


@pytest.fixture
def repo(minimal_root: Path) -> Path:
    git(minimal_root, "init", "-q", "-b", "main")
    commit(minimal_root, "the minimal data")
    return minimal_root


def validate(root: Path, capsys, *options: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["validate", "--root", str(root), *options])
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def line_of(root: Path, rel: str, text: str) -> int:
    """The line (from 1) of the first line of ``rel`` holding ``text``."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def annotations(lines: list[str]) -> list[tuple[str, int, str]]:
    found = [re.match(r"::error file=([^,]+),line=(\d+),col=\d+::(.*)", line) for line in lines]
    return [(m[1], int(m[2]), m[3]) for m in found if m]


def add_closure(root: Path) -> None:
    replace(root, ANTENNA, "closures:\n", "closures:\n" + CLOSURE)


def test_a_new_closure_on_a_moved_session_is_annotated_on_the_closure_too(repo, capsys):
    add_closure(repo)
    commit(repo, "closure on the day a session was moved to")

    code, lines = validate(repo, capsys, "--format", "github", "--changed-since", "HEAD~1")

    closure = line_of(repo, ANTENNA, "start: 2026-11-19")
    move = line_of(repo, COHORT, "to_date: 2026-11-19")
    found = annotations(lines)
    assert code == 1
    assert [(path, line) for path, line, _ in found] == [(ANTENNA, closure), (COHORT, move)]
    on_closure, on_move = found[0][2], found[1][2]
    assert "2026-11-19" in on_move and "Inventaire" in on_move
    assert on_closure.startswith(on_move)
    assert on_closure.endswith(f"(cela concerne {COHORT}, ligne {move})")
    assert lines[-1] == "1 problème trouvé."


def test_a_move_onto_an_old_closure_is_annotated_on_the_move_only(repo, capsys):
    add_closure(repo)
    replace(repo, COHORT, "to_date: 2026-11-19", "to_date: 2026-11-20")
    commit(repo, "closure, with the move elsewhere")
    replace(repo, COHORT, "to_date: 2026-11-20", "to_date: 2026-11-19")
    commit(repo, "the move onto the closure")

    _code, lines = validate(repo, capsys, "--format", "github", "--changed-since", "HEAD~1")

    assert [(path, line) for path, line, _ in annotations(lines)] == [
        (COHORT, line_of(repo, COHORT, "to_date: 2026-11-19"))]


def test_a_local_run_shows_both_lines_in_english(repo, capsys):
    add_closure(repo)  # not even committed

    _code, lines = validate(repo, capsys, "--lang", "en")

    closure = line_of(repo, ANTENNA, "start: 2026-11-19")
    move = line_of(repo, COHORT, "to_date: 2026-11-19")
    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [
        f"{ANTENNA}:{closure}:12", f"{COHORT}:{move}:14"]
    assert lines[0].endswith(f"(this concerns {COHORT}, line {move})")
    assert lines[-1] == "1 problem found."


def test_uncommitted_edits_count_as_changed(repo, capsys):
    add_closure(repo)

    _code, lines = validate(repo, capsys, "--format", "github", "--changed-since", "HEAD")

    assert [path for path, _line, _ in annotations(lines)] == [ANTENNA, COHORT]


def test_a_venue_removed_from_an_antenna_is_annotated_on_its_venue_list(repo, capsys):
    replace(repo, ANTENNA, "  - id: belleville\n", "  - id: menilmontant\n")
    commit(repo, "the venue renamed")

    _code, lines = validate(repo, capsys, "--format", "github", "--changed-since", "HEAD~1")

    found = annotations(lines)
    assert [(path, line) for path, line, _ in found] == [
        (ANTENNA, line_of(repo, ANTENNA, "venues:")), (COHORT, line_of(repo, COHORT, "venue:"))]
    assert "« belleville » n'est pas un lieu de l'antenne paris" in found[0][2]


def test_an_unknown_revision_is_said_plainly(repo, capsys):
    code, lines = validate(repo, capsys, "--changed-since", "no-such-branch")

    assert code == 2
    assert lines and "no-such-branch" in lines[0] and "Traceback" not in "\n".join(lines)
