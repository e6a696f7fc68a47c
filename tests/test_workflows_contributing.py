"""The coordinators' guides (CONTRIBUTING.md, CONTRIBUTING.en.md) cannot drift from the code.

Every YAML example preceded by ``<!-- check: HOW FILE [fails] -->`` is applied to a fresh
copy of the shipped data: a plain example must leave the data valid (no error, no warning);
a ``fails`` example must produce exactly the messages of the ``text`` block that follows it,
in the guide's language (warnings included, shown with their ``warning:`` tag). HOW is
``create`` (a new file), ``append`` (at the end of the file), ``before "LINE"`` or
``after "LINE"`` (next to the first line that reads LINE, comments aside), or ``set`` (each
top-level ``key: value`` of the example replaces that key's line in the file).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from konexio.validate import check

REPO = Path(__file__).parent.parent
GUIDES = {"CONTRIBUTING.md": "fr", "CONTRIBUTING.en.md": "en"}
_CHECK = re.compile(
    r"<!-- check: (?P<how>create|append|set|before|after) (?P<file>\S+)"
    r"(?: \"(?P<anchor>[^\"]+)\")?(?P<fails> fails)? -->\n"
    r"```yaml\n(?P<yaml>.*?)```\n(?:\n```text\n(?P<expected>.*?)```)?", re.S)


@dataclass(frozen=True)
class Example:
    guide: str
    how: str
    file: str
    anchor: str
    yaml: str
    fails: bool
    expected: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.guide}:{self.how}:{self.file}:{'fails' if self.fails else 'ok'}"


def examples() -> list[Example]:
    found = []
    for guide in GUIDES:
        text = (REPO / guide).read_text(encoding="utf-8")
        for m in _CHECK.finditer(text):
            expected = tuple(line for line in (m["expected"] or "").splitlines() if line)
            found.append(Example(guide, m["how"], m["file"], m["anchor"] or "", m["yaml"],
                                 bool(m["fails"]), expected))
    return found


EXAMPLES = examples()


def test_each_guide_checks_every_task_with_a_good_and_a_bad_example():
    for guide in GUIDES:
        mine = [e for e in EXAMPLES if e.guide == guide]
        assert len([e for e in mine if not e.fails]) >= 6, guide
        assert len([e for e in mine if e.fails]) >= 6, guide
        assert all(e.expected for e in mine if e.fails), "a failing example shows no output"


def test_both_guides_show_the_same_examples():
    french = [(e.how, e.file, e.anchor, e.fails) for e in EXAMPLES
              if e.guide == "CONTRIBUTING.md"]
    english = [(e.how, e.file, e.anchor, e.fails) for e in EXAMPLES
               if e.guide == "CONTRIBUTING.en.md"]
    assert french == english


def _bare(line: str) -> str:
    return line.split("  #", 1)[0].rstrip()


def apply(example: Example, text: str) -> str:
    """The file's text once the coordinator has made the guide's change."""
    if not text.endswith("\n"):
        text += "\n"
    if example.how == "append":
        return text + example.yaml
    lines = text.splitlines(keepends=True)
    if example.how == "set":
        for new in example.yaml.splitlines(keepends=True):
            key = new.split(":", 1)[0] + ":"
            at = next(i for i, line in enumerate(lines) if line.startswith(key))
            lines[at] = new
        return "".join(lines)
    at = next(i for i, line in enumerate(lines) if _bare(line) == example.anchor)
    at += 1 if example.how == "after" else 0
    return "".join(lines[:at] + [example.yaml] + lines[at:])


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_of_the_guide_does_what_the_guide_says(example: Example, tmp_path: Path):
    root = tmp_path / "repo"
    for folder in ("schedules", "volunteers"):
        shutil.copytree(REPO / folder, root / folder)
    target = root / example.file
    if example.how == "create":
        assert not target.exists(), "the guide creates a file that already exists"
        target.write_text(example.yaml, encoding="utf-8")
    else:
        target.write_text(apply(example, target.read_text(encoding="utf-8")), encoding="utf-8")

    problems = check(root).everything
    lang = GUIDES[example.guide]
    if not example.fails:
        assert [p.as_text(lang) for p in problems] == []
        return
    assert all(p.path == example.file for p in problems), [p.as_text() for p in problems]
    shown = [p.as_text(lang) if example.expected[0].startswith(example.file) else p.message(lang)
             for p in problems]
    assert shown == list(example.expected)
