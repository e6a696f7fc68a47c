"""Every file under tests/fixtures/broken/ is one real coordinator mistake, and every file
under tests/fixtures/warnings/ one slip that is published but flagged.

Each file ends with comments saying where it goes in a checkout (``# place:``) and what the
validator must say (``# expect: LINE:COL message fragment``, one line per problem; several
fragments for one position are all required; ``# also: PATH:LINE:COL fragment`` for a
problem the mistake also causes in another file; ``# expect-en: LINE:COL fragment`` for
the words ``--lang en`` must give at that position). The test drops the file into a copy of the
minimal dataset and checks that exactly those positions are reported for that file, with
those words. Warning cases say ``# warn: LINE:COL fragment`` instead: the data is still
published, the warning is shown, and ``strict`` makes it an error.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from konexio.validate import check

BROKEN = Path(__file__).parent / "fixtures" / "broken"
CASES = sorted(BROKEN.glob("*.yml"))
WARNINGS = Path(__file__).parent / "fixtures" / "warnings"
WARNING_CASES = sorted(WARNINGS.glob("*.yml"))
TODAY = date(2026, 11, 20)
"""The day the warning cases are checked on (one of them moves a session into the past)."""
_EXPECT = re.compile(r"^# expect: (\d+):(\d+) (.+)$")
_EXPECT_EN = re.compile(r"^# expect-en: (\d+):(\d+) (.+)$")
_WARN = re.compile(r"^# warn: (\d+):(\d+) (.+)$")
_ALSO = re.compile(r"^# also: (\S+):(\d+):(\d+) (.+)$")


def _expectations(text: str, pattern: re.Pattern = _EXPECT
                  ) -> tuple[str, dict[tuple[int, int], list[str]]]:
    place = re.search(r"^# place: (\S+)$", text, re.M).group(1)
    expected: dict[tuple[int, int], list[str]] = {}
    for line in text.splitlines():
        if match := pattern.match(line):
            expected.setdefault((int(match[1]), int(match[2])), []).append(match[3])
    return place, expected


def _drop_into(root: Path, case: Path, pattern: re.Pattern = _EXPECT
               ) -> tuple[str, str, dict[tuple[int, int], list[str]]]:
    """Put the broken file where it says it goes; return its text, place and expectations."""
    text = case.read_text(encoding="utf-8")
    place, expected = _expectations(text, pattern)
    target = root / place
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return text, place, expected


def test_the_corpus_has_at_least_25_distinct_mistakes():
    assert len(CASES) >= 25
    assert all(_expectations(c.read_text(encoding="utf-8"))[1] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_file_is_reported_at_the_right_place(case: Path, minimal_root: Path):
    text, place, expected = _drop_into(minimal_root, case)

    checked = check(minimal_root)

    assert checked.schedule is None, "broken data must never be expanded for publishing"
    mine = [p for p in checked.problems if p.path == place]
    also = [m for m in map(_ALSO.match, text.splitlines()) if m]
    others = [p.as_text() for p in checked.problems if p.path != place]
    assert len(others) == len(also), f"problems reported in other files: {others}"
    for match, other in zip(also, sorted(others), strict=True):
        assert other.startswith(f"{match[1]}:{match[2]}:{match[3]}: "), other
        assert match[4] in other, other
    found = {(p.line, p.col): p.message("fr") for p in mine}
    assert set(found) == set(expected), "\n".join(p.as_text() for p in mine)
    for position, fragments in expected.items():
        for fragment in fragments:
            assert fragment in found[position], f"{position}: {found[position]!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_english_messages_exist_for_the_same_problems(case: Path, minimal_root: Path):
    text, place, _expected = _drop_into(minimal_root, case)
    problems = check(minimal_root).problems
    for found in problems:
        english = found.message("en")
        assert english and english != found.message("fr")
    _place, english_expected = _expectations(text, _EXPECT_EN)
    found = {(p.line, p.col): p.message("en") for p in problems if p.path == place}
    for position, fragments in english_expected.items():
        for fragment in fragments:
            assert fragment in found.get(position, ""), f"{position}: {found.get(position)!r}"


def test_every_warning_case_says_what_to_expect():
    assert len(WARNING_CASES) >= 5
    assert all(_expectations(c.read_text(encoding="utf-8"), _WARN)[1] for c in WARNING_CASES)


@pytest.mark.parametrize("case", WARNING_CASES, ids=[c.stem for c in WARNING_CASES])
def test_slip_is_published_with_a_warning_at_the_right_place(case: Path, minimal_root: Path):
    _text, place, expected = _drop_into(minimal_root, case, _WARN)

    checked = check(minimal_root, today=TODAY)

    assert checked.problems == (), [p.as_text() for p in checked.problems]
    assert checked.schedule is not None, "a warning alone does not stop publishing"
    found = {(p.line, p.col): p.message("fr") for p in checked.warnings if p.path == place}
    assert set(found) == set(expected), "\n".join(p.as_text() for p in checked.warnings)
    assert all(p.path == place for p in checked.warnings), checked.warnings
    for position, fragments in expected.items():
        for fragment in fragments:
            assert fragment in found[position], f"{position}: {found[position]!r}"
    shown = [p.as_text() for p in checked.warnings]
    assert all(line.startswith(f"{place}:") and ": warning: " in line for line in shown)

    strict = check(minimal_root, today=TODAY, strict=True)
    assert strict.schedule is None and strict.warnings == ()
    assert {(p.line, p.col) for p in strict.problems} == set(expected)


@pytest.mark.parametrize("case", WARNING_CASES, ids=[c.stem for c in WARNING_CASES])
def test_warnings_have_english_words_too(case: Path, minimal_root: Path):
    _drop_into(minimal_root, case, _WARN)
    for found in check(minimal_root, today=TODAY).warnings:
        assert found.message("en") != found.message("fr")
