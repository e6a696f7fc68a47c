"""The pre-commit hooks: the commands they run exist, and the shipped YAML (and what
``konexio new`` writes) passes the YAML formatter check."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from yamllint import linter
from yamllint.config import YamlLintConfig

from konexio.cli import main, parser

REPO = Path(__file__).parent.parent
CONFIG = YamlLintConfig(file=str(REPO / ".yamllint.yaml"))
SHIPPED = sorted(
    [p for folder in ("schedules", "volunteers", ".github") for p in (REPO / folder).rglob("*.yml")]
    + [REPO / ".pre-commit-config.yaml", REPO / ".yamllint.yaml"]
)


def hooks() -> dict[str, dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def lint(text: str) -> list[str]:
    return [f"{p.line}:{p.column} {p.desc} ({p.rule})" for p in linter.run(text, CONFIG)]


def test_hooks_run_the_validator_the_schema_check_yamllint_and_the_workflow_linters():
    found = hooks()
    assert {k: v["entry"] for k, v in found.items()} == {
        "konexio-validate": "konexio validate",
        "konexio-schema": "konexio schema --check",
        "yamllint": "yamllint --strict",
        "zizmor": "zizmor --offline --min-severity medium .github/workflows",
        "actionlint": "actionlint",
    }
    for hook in found.values():
        words = shlex.split(hook["entry"])
        if words[0] == "konexio":
            parser().parse_args(words[1:])  # exits (fails the test) on an unknown command
        else:
            assert (Path(sys.executable).parent / words[0]).exists(), words[0]


@pytest.mark.parametrize("path,hook", [
    ("schedules/cohorts/paris/digitall-beginner-belleville-2027-01.yml", "konexio-validate"),
    ("schedules/antennas/paris.yml", "konexio-validate"),
    ("volunteers/roles.yml", "konexio-validate"),
    ("docs/ar/faq.md", "konexio-validate"),  # a page renamed in one language only
    ("scripts/konexio/model/cohort.py", "konexio-schema"),
    ("schedules/schema/cohort.schema.json", "konexio-schema"),
    (".github/workflows/daily.yml", "zizmor"),
    (".github/workflows/pr-preview.yml", "actionlint"),
])
def test_hooks_fire_on_the_files_they_guard(path: str, hook: str):
    assert re.search(hooks()[hook]["files"], path)


def test_the_validator_hook_ignores_python_files():
    assert not re.search(hooks()["konexio-validate"]["files"], "scripts/konexio/cli.py")


@pytest.mark.parametrize("path", SHIPPED, ids=[p.relative_to(REPO).as_posix() for p in SHIPPED])
def test_shipped_yaml_passes_yamllint(path: Path):
    assert lint(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text,rule", [
    ("status: yes\n", "truthy"),          # the YAML 1.1 trap: yes would be a boolean
    ("a: 1\na: 2\n", "key-duplicates"),
    ("a:\n   b: 1\n", "indentation"),
    ("a: 1 # note\n", "comments"),
    ("a: 1", "new-line-at-end-of-file"),
])
def test_yamllint_still_catches_what_matters(text: str, rule: str):
    assert any(f"({rule})" in found for found in lint(text)), lint(text)


def test_long_text_lines_are_allowed():
    assert lint("summary:\n  fr: " + "mot " * 60 + "fin\n") == []


def test_what_konexio_new_writes_passes_yamllint(tmp_path: Path):
    root = tmp_path / "repo"
    for folder in ("schedules", "volunteers"):
        shutil.copytree(REPO / folder, root / folder)
    assert main(["new", "cohort", "--root", str(root), "--antenna", "paris", "--program",
                 "digitall-beginner", "--start", "2027-06-07", "--id", "lint-check"]) == 0
    assert main(["new", "antenna", "--root", str(root), "--id", "lyon"]) == 0
    assert main(["new", "closure", "--root", str(root), "--antenna", "lille", "--start",
                 "2027-05-07", "--end", "2027-05-08", "--reason-fr", "Pont : fermé"]) == 0
    for rel in ("schedules/cohorts/paris/lint-check.yml", "schedules/antennas/lyon.yml",
                "schedules/antennas/lille.yml"):
        assert lint((root / rel).read_text(encoding="utf-8")) == [], rel
