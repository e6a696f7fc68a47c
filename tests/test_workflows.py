"""The GitHub workflows: valid YAML, the expected triggers and jobs, pinned actions, and
only commands this repository really has (make targets, konexio subcommands and options)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from konexio.cli import parser
from konexio.sync.google import CREDENTIALS_VARIABLE

REPO = Path(__file__).parent.parent
WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s+v\d+\.\d+\.\d+\s*$")


def load(name: str) -> dict:
    data = yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))
    # PyYAML follows YAML 1.1, where the key "on" is the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def run_lines(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) if "run" in step
            for line in step["run"].splitlines() if line.strip()]


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, re.M))


def test_the_three_workflows_exist():
    assert [w.name for w in WORKFLOWS] == ["pages.yml", "pull-request.yml", "sync.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if re.match(r"^\s*(?:-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"{path.name}: not pinned to a full SHA + '# vX.Y.Z': {line}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_nothing_may_fail_quietly(path: Path):
    workflow = load(path.name)
    for name, job in workflow["jobs"].items():
        assert "continue-on-error" not in job, name
        assert all("continue-on-error" not in step for step in job.get("steps", [])), name
        image = job.get("container")
        if image:
            assert re.match(r"^[\w./-]+:[\w.-]+$", image) and not image.endswith(":latest")
    assert workflow["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_commands_run_are_real_make_targets_and_konexio_commands(path: Path):
    targets = make_targets()
    commands = parser()
    for line in run_lines(load(path.name)):
        words = shlex.split(line)
        if words[0] == "make":
            assert set(words[1:]) <= targets, line
        elif words[0] == "konexio":
            try:
                commands.parse_args(words[1:])
            except SystemExit:
                pytest.fail(f"{path.name}: konexio refuses {line!r}")


def test_pull_requests_validate_with_annotations_test_and_upload_a_preview():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    lines = run_lines(workflow)
    assert "konexio validate --format github" in lines
    assert "make test" in lines and "make site" in lines
    uploads = [s for s in steps(workflow) if s.get("uses", "").startswith(
        "actions/upload-artifact@")]
    assert [s["with"]["path"] for s in uploads] == ["site/"]
    # The browser tests need Debian's chromium, which ensure-chromium.sh installs as root.
    assert workflow["jobs"]["test"]["container"].endswith("-bookworm")


def test_main_is_built_and_deployed_to_pages():
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for s in steps(workflow)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert "make site" in run_lines(workflow)


def test_sync_runs_daily_and_on_demand_never_twice_at_once():
    workflow = load("sync.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    assert workflow["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert workflow["concurrency"]["group"]
    assert "konexio sync --backend google" in run_lines(workflow)


def test_sync_credentials_go_to_a_file_named_by_the_variable_the_sync_reads():
    workflow = load("sync.yml")
    text = (REPO / ".github/workflows/sync.yml").read_text(encoding="utf-8")
    written = next(s for s in steps(workflow) if "GITHUB_ENV" in s.get("run", ""))
    assert f"{CREDENTIALS_VARIABLE}=$key_file" in written["run"]
    # The secret only enters through env:, never inside a script, so no line can echo it.
    assert all("secrets." not in line for line in run_lines(workflow))
    assert list(written["env"].values()) == ["${{ secrets.GOOGLE_SERVICE_ACCOUNT_KEY }}"]
    assert "umask 077" in written["run"] and "exit 1" in written["run"]
    assert text.count("secrets.") == 1
