"""The GitHub workflows: valid YAML, the expected triggers and jobs, pinned actions, least
permissions, only commands this repository really has (make targets, konexio subcommands
and options), the daily run's "no secret" path run for real, and zizmor and actionlint
clean."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from konexio.cli import parser
from konexio.diff.render import MARKER
from konexio.hours import VOLUNTEER_HOURS
from konexio.sync import OPEN_SLOTS
from konexio.sync.google import CREDENTIALS_VARIABLE

REPO = Path(__file__).parent.parent
WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s+v\d+\.\d+\.\d+\s*$")
BIN = Path(sys.executable).parent


def load(name: str) -> dict:
    data = yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))
    # PyYAML follows YAML 1.1, where the key "on" is the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def uses(job: dict) -> list[str]:
    return [s["uses"].split("@")[0] for s in job.get("steps", []) if "uses" in s]


def step(job: dict, name: str) -> dict:
    return next(s for s in job["steps"] if s.get("name") == name)


def run_lines(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) if "run" in step
            for line in step["run"].splitlines() if line.strip()]


def command_words(line: str) -> list[str]:
    """The words of a command line, up to the first redirection or shell operator."""
    words = []
    for word in shlex.split(line):
        if word in {">", ">>", "<", "|", "||", "&&", ";"}:
            break
        words.append(word)
    return words


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, re.M))


def test_the_workflows_are_the_daily_run_and_the_pull_request_pair():
    assert [w.name for w in WORKFLOWS] == ["daily.yml", "pr-preview.yml", "pull-request.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if re.match(r"^\s*(?:-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"{path.name}: not pinned to a full SHA + '# vX.Y.Z': {line}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_nothing_may_fail_quietly_and_write_access_is_per_job(path: Path):
    workflow = load(path.name)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        assert "continue-on-error" not in job, name
        assert all("continue-on-error" not in step for step in job.get("steps", [])), name
        image = job.get("container")
        if image:
            assert re.match(r"^[\w./-]+:[\w.-]+$", image) and not image.endswith(":latest")
        for s in job.get("steps", []):
            if s.get("uses", "").startswith("actions/checkout@"):
                # zizmor's artipacked: the token must not stay in .git/config for later steps
                assert s["with"]["persist-credentials"] is False, name


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_commands_run_are_real_make_targets_and_konexio_commands(path: Path):
    targets = make_targets()
    commands = parser()
    for line in run_lines(load(path.name)):
        words = command_words(line)
        if words and words[0] == "make":
            assert set(words[1:]) <= targets, line
        elif words and words[0] == "konexio":
            try:
                commands.parse_args(words[1:])
            except SystemExit:
                pytest.fail(f"{path.name}: konexio refuses {line!r}")
        # Installs come from uv.lock (make deps / make test), never from pip resolving anew.
        assert not re.search(r"\bpip install\b", line), line


# --- the daily run -----------------------------------------------------------------------

def test_daily_run_is_scheduled_on_push_to_main_and_by_hand_never_twice_at_once():
    workflow = load("daily.yml")
    assert set(workflow["on"]) == {"schedule", "push", "workflow_dispatch"}
    assert workflow["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_daily_run_syncs_reads_counts_back_then_builds_with_full_history_and_deploys():
    jobs = load("daily.yml")["jobs"]
    assert list(jobs) == ["sync", "personal", "notify", "build", "deploy"]
    sync, build, deploy = jobs["sync"], jobs["build"], jobs["deploy"]
    lines = run_lines({"jobs": {"sync": sync}})
    assert "konexio sync --backend google" in lines
    # No volunteer's name may reach the public log: coverage's report goes nowhere.
    assert "konexio coverage --backend google > /dev/null" in lines
    counts = step(sync, "Keep the counts for the build")
    assert counts["with"]["path"].split() == [OPEN_SLOTS.as_posix(), VOLUNTEER_HOURS.as_posix()]
    assert "permissions" not in sync and "permissions" not in build  # read-only

    # A failed sync (job red) publishes nothing: build needs it and has no "always()".
    assert build["needs"] == "sync" and "if" not in build
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # DTSTAMP comes from the git history
    download = step(build, "Open-slot counts from the sync job")
    assert download["if"] == "needs.sync.outputs.counts == 'true'"
    assert download["with"]["path"] == OPEN_SLOTS.parent.as_posix() + "/"
    assert "make site" in run_lines({"jobs": {"build": build}})

    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"contents": "write"}
    pages = next(s for s in deploy["steps"] if "github-pages-deploy-action" in s.get("uses", ""))
    assert pages["with"]["branch"] == "gh-pages" and pages["with"]["clean"] is True
    # The main deploy must keep the previews of open pull requests.
    assert "pr-preview/" in pages["with"]["clean-exclude"].split()
    assert pages["with"]["force"] is False


def test_sync_credentials_go_to_a_file_named_by_the_variable_the_sync_reads():
    workflow = load("daily.yml")
    text = (REPO / ".github/workflows/daily.yml").read_text(encoding="utf-8")
    written = step(workflow["jobs"]["sync"], "Write the Google credentials")
    assert f"{CREDENTIALS_VARIABLE}=$key_file" in written["run"]
    # The secret only enters through env:, never inside a script, so no line can echo it.
    assert all("secrets." not in line for line in run_lines(workflow))
    assert list(written["env"].values()) == ["${{ secrets.GOOGLE_SERVICE_ACCOUNT_KEY }}"]
    assert "umask 077" in written["run"]
    # The Google key in the sync, personal and notify jobs (the same script), the SMTP URL
    # once, the personal calendars' host in the two steps that need it.
    assert text.count("secrets.GOOGLE_SERVICE_ACCOUNT_KEY") == 3
    assert text.count("secrets.KONEXIO_SMTP_URL") == 1
    for name in HOST_SECRETS:
        assert text.count(f"secrets.{name}") == 2
    assert text.count("secrets.") == 3 + 1 + 2 * len(HOST_SECRETS)
    for job in ("personal", "notify"):
        again = step(workflow["jobs"][job], "Write the Google credentials")
        assert again["run"] == written["run"] and again["env"] == written["env"]
    for name in ("konexio sync",
                 "konexio coverage (open-slot counts and volunteers' hours for the site)",
                 "Keep the counts for the build"):
        assert step(workflow["jobs"]["sync"], name)["if"] == (
            "steps.credentials.outputs.configured == 'true'")
    assert workflow["jobs"]["sync"]["outputs"]["counts"] == (
        "${{ steps.credentials.outputs.configured }}")


def test_notices_run_after_the_sync_in_a_job_that_cannot_stop_the_deploy():
    jobs = load("daily.yml")["jobs"]
    notify = jobs["notify"]
    # After the sync (and only a successful one), and after the personal calendars
    # whatever became of them.
    assert notify["needs"] == ["sync", "personal"]
    assert notify["if"] == ("${{ !cancelled() && needs.sync.result == 'success' && "
                            "needs.sync.outputs.counts == 'true' }}")
    sent = step(notify, "konexio notify")
    assert sent["run"] == "konexio notify --backend google"
    assert sent["env"]["KONEXIO_SMTP_URL"] == "${{ secrets.KONEXIO_SMTP_URL }}"
    # A mail links to a volunteer's calendar only if this run published the calendars.
    assert sent["env"]["KONEXIO_PERSONAL_FEEDS_URL"] == (
        "${{ needs.personal.outputs.published == 'true' && "
        "vars.KONEXIO_PERSONAL_FEEDS_URL || '' }}")
    assert jobs["personal"]["outputs"] == {"published": "${{ steps.publish.outputs.published }}"}
    # The site does not wait for the mails: a refused address must not stop publishing.
    assert "notify" not in str(jobs["build"]["needs"]) and jobs["deploy"]["needs"] == "build"


# --- the personal calendars: on the association's host, never listable -------------------

HOST_SECRETS = ("PERSONAL_FEEDS_SSH_KEY", "PERSONAL_FEEDS_KNOWN_HOSTS", "PERSONAL_FEEDS_TARGET")
TOKENS = ("Q2hhbmdlZC1ieS10aGUtc3luYy0xMjM0NTY3OA", "b3RoZXItdm9sdW50ZWVyLXRva2VuLTk4NzY1")


def _personal_out() -> str:
    """The folder ``konexio personal-feeds`` writes to in the daily run."""
    line = run_lines({"jobs": {"p": load("daily.yml")["jobs"]["personal"]}})
    words = command_words(next(w for w in line if w.startswith("konexio personal-feeds")))
    return words[words.index("--out") + 1]


def _covers(path: str, folder: str) -> bool:
    """Whether an artifact's ``path`` (globs allowed) takes in ``folder`` or its files."""
    base = re.split(r"[*?\[]", path.strip(), maxsplit=1)[0].rstrip("/") or "."
    base = os.path.normpath(base.replace("${{ runner.temp }}", "$RUNNER_TEMP"))
    folder = os.path.normpath(folder)
    return base == "." or folder == base or folder.startswith(base + "/") or \
        base.startswith(folder + "/")


def test_the_personal_calendars_are_written_outside_the_checkout_and_published_from_there():
    personal = load("daily.yml")["jobs"]["personal"]
    out = _personal_out()
    assert out == "$RUNNER_TEMP/personal"  # the job's temporary folder, emptied with it
    publish = step(personal, "Publish the personal calendars (rsync over SSH)")
    assert f'"{out}/" "$PERSONAL_FEEDS_TARGET"' in publish["run"]
    assert personal["needs"] == "sync" and personal["if"] == "needs.sync.outputs.counts == 'true'"
    # the same job makes and publishes them: nothing carries them to another job
    assert not [u for u in uses(personal) if "artifact" in u or "cache" in u]
    assert "personal" not in str(load("daily.yml")["jobs"]["build"]["needs"])
    for name in ("konexio personal-feeds", "Publish the personal calendars (rsync over SSH)"):
        assert step(personal, name)["if"] == (
            "steps.credentials.outputs.configured == 'true' && "
            "steps.host.outputs.configured == 'true'")
    cleanup = step(personal, "Remove the credentials and the calendars")
    assert cleanup["if"] == "always()" and f'"{out}"' in cleanup["run"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_no_artifact_or_cache_ever_carries_a_token_folder(path: Path):
    from konexio.commands.personal_feeds import DEFAULT_OUT

    folders = [_personal_out(), DEFAULT_OUT.as_posix()]
    for job in load(path.name)["jobs"].values():
        for s in job.get("steps", []):
            kind = s.get("uses", "").split("@")[0]
            if kind in ("actions/upload-artifact", "actions/cache",
                        "actions/upload-pages-artifact"):
                for entry in str(s["with"]["path"]).split():
                    assert not any(_covers(entry, folder) for folder in folders), (entry, s)
                assert "personal" not in str(s["with"].get("name", ""))
            if kind == "actions/download-artifact":
                assert "personal" not in str(s["with"].get("name", ""))


def test_the_site_pushed_to_gh_pages_never_holds_personal_calendars():
    jobs = load("daily.yml")["jobs"]
    for name in ("build", "deploy"):
        assert not any("personal" in line or "/v/" in line or line.startswith("v/")
                       for line in run_lines({"jobs": {name: jobs[name]}})), name
        downloads = [s["with"]["name"] for s in jobs[name]["steps"]
                     if s.get("uses", "").startswith("actions/download-artifact")]
        assert downloads == {"build": ["open-slots"], "deploy": ["site"]}[name]
    pages = next(s for s in jobs["deploy"]["steps"]
                 if "github-pages-deploy-action" in s.get("uses", ""))
    # clean: a v/ left on gh-pages by an older deploy goes at the next one; it is not kept
    assert pages["with"]["folder"] == "site" and pages["with"]["clean"] is True
    assert not [k for k in pages["with"]["clean-exclude"].split() if k.strip("/") == "v"]
    for other in ("pull-request.yml", "pr-preview.yml"):  # no secret there, no roster
        assert not [line for line in run_lines(load(other)) if "personal-feeds" in line]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_no_run_script_can_print_a_secret(path: Path):
    for s in steps(load(path.name)):
        script = s.get("run", "")
        assert not re.search(r"\bset\s+(-\w*x|-o\s+xtrace)", script), s.get("name")
        assert "secrets." not in script  # secrets enter through env: only
        secret = [k for k, v in s.get("env", {}).items() if "secrets." in str(v)]
        for line in script.splitlines():
            words = line.strip().split()
            if not words or words[0] not in ("echo", "printf", "cat"):
                continue
            for name in secret:
                if f"${name}" in line or f"${{{name}" in line:
                    # printed only into a file of the job's own, never to the log
                    assert re.search(r'>\s*"\$(ssh_dir|key_file)', line), (s.get("name"), line)


def _run_daily_step(job: str, name: str, tmp_path: Path, env: dict[str, str],
                    bin_dir: Path | None = None) -> tuple[subprocess.CompletedProcess,
                                                          dict[str, str]]:
    script = step(load("daily.yml")["jobs"][job], name)["run"]
    files = {name: tmp_path / name for name in ("output", "summary", "env")}
    for path in files.values():
        path.write_text("", encoding="utf-8")
    path = os.environ["PATH"] if bin_dir is None else f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    full = {"PATH": path, "RUNNER_TEMP": str(tmp_path), "GITHUB_OUTPUT": str(files["output"]),
            "GITHUB_STEP_SUMMARY": str(files["summary"]), "GITHUB_ENV": str(files["env"]),
            **env}
    done = subprocess.run(["bash", "-e", "-c", script], env=full, capture_output=True,
                          text=True, timeout=60)
    return done, {name: path.read_text(encoding="utf-8") for name, path in files.items()}


HOST = {"PERSONAL_FEEDS_SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n"
                                  "-----END OPENSSH PRIVATE KEY-----",
        "PERSONAL_FEEDS_KNOWN_HOSTS": "agendas.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5",
        "PERSONAL_FEEDS_TARGET": "konexio@agendas.example.org:agendas/",
        "KONEXIO_PERSONAL_FEEDS_URL": "https://agendas.example.org/"}


def test_without_the_hosts_settings_the_run_says_which_are_missing_never_a_value(
        tmp_path: Path):
    partial = {**HOST, "PERSONAL_FEEDS_TARGET": "", "KONEXIO_PERSONAL_FEEDS_URL": ""}
    done, files = _run_daily_step("personal", "The host's settings", tmp_path, partial)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("::warning title=Personal calendars not published::")
    assert "secret PERSONAL_FEEDS_TARGET variable KONEXIO_PERSONAL_FEEDS_URL." in done.stdout
    assert "PERSONAL_FEEDS_SSH_KEY" not in done.stdout
    assert "no calendar link" in files["summary"] and files["output"] == "configured=false\n"
    done, files = _run_daily_step("personal", "The host's settings", tmp_path, HOST)
    assert done.returncode == 0 and files["output"] == "configured=true\n"
    for value in HOST.values():
        assert value not in done.stdout + done.stderr + files["summary"]


FAKE_RSYNC = '''#!/usr/bin/env python3
"""Stands in for rsync: logs its arguments and what the key and known-hosts files held
when it was called, then fails with a token in its message if FAIL is set."""
import json, os, re, shlex, stat, sys
args = sys.argv[1:]
ssh = shlex.split(args[args.index("-e") + 1])
key = ssh[ssh.index("-i") + 1]
known = next(o.split("=", 1)[1] for o in ssh if o.startswith("UserKnownHostsFile="))
with open(os.environ["RSYNC_LOG"], "w", encoding="utf-8") as log:
    json.dump({"args": args, "ssh": ssh, "key_mode": stat.S_IMODE(os.stat(key).st_mode),
               "key": open(key).read(), "known_hosts": open(known).read()}, log)
if os.environ.get("FAIL"):
    sys.stderr.write('rsync: [receiver] mkstemp "/srv/agendas/v/%s/.agenda.ics.Xa1" '
                     'failed: Permission denied (13)\\n' % os.environ["FAIL"])
    sys.exit(23)
'''


def _publish(tmp_path: Path, fail: str = "") -> tuple[subprocess.CompletedProcess,
                                                      dict[str, str], dict]:
    import json

    for token in TOKENS:
        folder = tmp_path / "personal" / "v" / token
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "agenda.ics").write_text("BEGIN:VCALENDAR\r\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "rsync").write_text(FAKE_RSYNC, encoding="utf-8")
    (bin_dir / "rsync").chmod(0o755)
    env = {**HOST, "PERSONAL_FEEDS_SSH_PORT": "", "RSYNC_LOG": str(tmp_path / "rsync.json"),
           "FAIL": fail}
    done, files = _run_daily_step("personal", "Publish the personal calendars (rsync over SSH)",
                                  tmp_path, env, bin_dir)
    return done, files, json.loads((tmp_path / "rsync.json").read_text(encoding="utf-8"))


def test_the_calendars_go_by_rsync_delete_over_a_pinned_ssh_key_and_the_log_shows_no_token(
        tmp_path: Path):
    done, files, call = _publish(tmp_path)
    assert done.returncode == 0, done.stderr
    args, ssh = call["args"], call["ssh"]
    # a token cleared in the roster loses its folder on the host at the next run
    assert [a for a in args if a.startswith("--delete")] == ["--delete-delay"]
    assert "--delay-updates" in args and "--perms" in args
    assert "--chmod=D711,F644" in args  # the web server reads a file, lists no folder
    assert not [a for a in args if a in ("-v", "--verbose", "--progress", "-i", "--stats")
                or a.startswith(("--itemize", "--info", "--debug", "--out-format"))]
    assert args[-2:] == [f"{tmp_path}/personal/", HOST["PERSONAL_FEEDS_TARGET"]]
    assert ssh[0] == "ssh" and "StrictHostKeyChecking=yes" in ssh and "BatchMode=yes" in ssh
    assert ssh[ssh.index("-p") + 1] == "22"
    assert call["known_hosts"] == HOST["PERSONAL_FEEDS_KNOWN_HOSTS"] + "\n"
    assert call["key"] == HOST["PERSONAL_FEEDS_SSH_KEY"] + "\n" and call["key_mode"] == 0o600
    assert not (tmp_path / "personal-feeds-ssh").exists()  # key removed after use
    assert done.stdout == "Personal calendars published: 2.\n"
    assert files["output"] == "published=true\n"
    for secret in (*HOST.values(), *TOKENS):
        assert secret not in done.stdout + done.stderr + files["summary"]


def test_a_failed_copy_is_red_says_why_and_hides_the_tokens(tmp_path: Path):
    done, files, _ = _publish(tmp_path, fail=TOKENS[0])
    assert done.returncode == 1
    assert 'mkstemp "/srv/agendas/v/[…]/.agenda.ics.Xa1" failed: Permission denied' in done.stderr
    assert "::error title=Personal calendars not published::" in done.stdout
    assert files["output"] == ""  # the mails of this run get no calendar link
    assert not (tmp_path / "personal-feeds-ssh").exists()
    for secret in (*HOST.values(), *TOKENS):
        assert secret not in done.stdout + done.stderr


def test_a_real_rsync_removes_a_cleared_tokens_folder_and_keeps_the_hosts_own_files(
        tmp_path: Path):
    """rsync itself, to a local folder (the same options as over SSH)."""
    import shutil

    from system_tools import require

    require(shutil.which("rsync") is not None, "rsync")
    script = step(load("daily.yml")["jobs"]["personal"],
                  "Publish the personal calendars (rsync over SSH)")["run"]
    host = tmp_path / "host"
    host.mkdir()
    (host / ".htaccess").write_text("Options -Indexes\n", encoding="utf-8")
    (host / ".well-known").mkdir()
    out = tmp_path / "personal" / "v"
    for token in TOKENS:
        (out / token).mkdir(parents=True)
        (out / token / "agenda.ics").write_text(token, encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "RUNNER_TEMP": str(tmp_path),
           "GITHUB_OUTPUT": str(tmp_path / "output"), **HOST,
           "PERSONAL_FEEDS_TARGET": f"{host}/"}

    def publish() -> subprocess.CompletedProcess:
        done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done

    publish()
    assert (host / "v" / TOKENS[1] / "agenda.ics").read_text() == TOKENS[1]
    assert (host / "v" / TOKENS[1]).stat().st_mode & 0o777 == 0o711
    assert (host / "v" / TOKENS[1] / "agenda.ics").stat().st_mode & 0o777 == 0o644
    shutil.rmtree(out / TOKENS[1])  # cleared in the roster: its folder is no longer made
    done = publish()
    assert not (host / "v" / TOKENS[1]).exists() and (host / "v" / TOKENS[0]).is_dir()
    assert (host / ".htaccess").is_file() and (host / ".well-known").is_dir()
    assert TOKENS[0] not in done.stdout + done.stderr


def _run_credentials_step(tmp_path: Path, key: str) -> tuple[subprocess.CompletedProcess,
                                                              dict[str, str]]:
    script = step(load("daily.yml")["jobs"]["sync"], "Write the Google credentials")["run"]
    files = {name: tmp_path / name for name in ("output", "summary", "env")}
    for path in files.values():
        path.write_text("", encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "GOOGLE_SERVICE_ACCOUNT_KEY": key,
           "RUNNER_TEMP": str(tmp_path), "GITHUB_OUTPUT": str(files["output"]),
           "GITHUB_STEP_SUMMARY": str(files["summary"]), "GITHUB_ENV": str(files["env"])}
    # GitHub runs a step's script as `bash -e {0}`.
    done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True,
                          text=True, timeout=30)
    return done, {name: path.read_text(encoding="utf-8") for name, path in files.items()}


def test_without_the_secret_the_sheets_part_warns_loudly_and_the_run_goes_on(tmp_path: Path):
    done, files = _run_credentials_step(tmp_path, "")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("::warning title=Google Sheets not synced::")
    assert "GOOGLE_SERVICE_ACCOUNT_KEY is not set" in files["summary"]
    assert files["output"] == "configured=false\n"
    assert files["env"] == ""  # no credentials variable: nothing tries Google
    assert not (tmp_path / "google-service-account.json").exists()


def test_with_the_secret_the_key_goes_to_a_private_file_and_is_never_printed(tmp_path: Path):
    key = '{"type": "service_account", "private_key": "not-a-real-key"}'
    done, files = _run_credentials_step(tmp_path, key)
    assert done.returncode == 0, done.stderr
    assert key not in done.stdout + done.stderr + files["summary"] + files["output"]
    key_file = tmp_path / "google-service-account.json"
    assert key_file.read_text(encoding="utf-8") == key
    assert key_file.stat().st_mode & 0o077 == 0
    assert files["env"] == f"{CREDENTIALS_VARIABLE}={key_file}\n"
    assert files["output"] == "configured=true\n"


# --- pull requests -----------------------------------------------------------------------

def test_pull_requests_validate_with_annotations_test_and_leave_summary_and_site():
    workflow = load("pull-request.yml")
    assert workflow["on"]["pull_request"]["types"] == ["opened", "synchronize", "reopened",
                                                        "closed"]
    jobs = workflow["jobs"]
    assert all("permissions" not in job for job in jobs.values())  # read-only, forks too
    # Two-file problems go on the lines the pull request changed: HEAD^1 is its base.
    assert "konexio validate --format github --changed-since HEAD^1" in run_lines(
        {"jobs": {"v": jobs["validate"]}})
    validate = next(s for s in jobs["validate"]["steps"] if s.get("uses", "").startswith(
        "actions/checkout"))
    assert validate["with"]["fetch-depth"] == 0  # stale open cohorts are dated by git
    assert "make test" in run_lines({"jobs": {"t": jobs["test"]}})
    # The browser tests need Debian's chromium, which ensure-test-tools.sh installs as root.
    assert jobs["test"]["container"].endswith("-bookworm")

    preview = jobs["preview"]
    checkout = next(s for s in preview["steps"] if s.get("uses", "").startswith(
        "actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # main to compare with, and DTSTAMPs
    diff = step(preview, "konexio diff")["run"]
    assert ('konexio diff --base HEAD^1 --format markdown --preview '
            '"pr-preview/pr-$PR_NUMBER/" > pr-diff/comment.md') in diff
    assert 'cat pr-diff/comment.md >> "$GITHUB_STEP_SUMMARY"' in diff
    uploads = {s["with"]["name"]: s["with"]["path"] for j in jobs.values()
               for s in j["steps"] if s.get("uses", "").startswith("actions/upload-artifact")}
    assert uploads == {"pr-diff": "pr-diff/", "pr-site": "site/", "pr-closed": "pr-closed/"}
    assert jobs["closed"]["if"] == "github.event.action == 'closed'"
    assert all(j["if"] == "github.event.action != 'closed'" for n, j in jobs.items()
               if n != "closed")


def test_the_comment_and_preview_run_apart_from_the_pull_requests_code():
    workflow = load("pr-preview.yml")
    assert workflow["on"] == {"workflow_run": {"workflows": [load("pull-request.yml")["name"]],
                                               "types": ["completed"]}}
    job = workflow["jobs"]["publish"]
    assert job["permissions"] == {"actions": "read", "contents": "write",
                                  "pull-requests": "write"}
    # Nothing from the pull request is installed or run here: no make, no konexio, no
    # setup-python, and the only checkout is main's (no ref: input).
    assert not any(command_words(line)[:1] in (["make"], ["konexio"], ["python"])
                   for line in run_lines(workflow))
    assert "actions/setup-python" not in uses(job)
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert "ref" not in checkout["with"] and "repository" not in checkout["with"]
    for s in job["steps"]:
        if s.get("uses", "").startswith("actions/download-artifact"):
            assert s["with"]["run-id"] == "${{ github.event.workflow_run.id }}"


def test_the_comment_is_found_by_the_marker_of_the_diff_and_updated():
    job = load("pr-preview.yml")["jobs"]["publish"]
    comment = step(job, "Post or update the comment")
    assert comment["env"]["MARKER"] == MARKER
    assert "--method PATCH" in comment["run"] and "--method POST" in comment["run"]
    assert 'select(.user.login == "github-actions[bot]"' in comment["run"]
    assert comment["if"] == "steps.pr.outputs.state == 'open' && steps.run.outputs.diff == 'true'"
    # The number left by the run is checked against the pull request's commit.
    check = step(job, "Which pull request")["run"]
    assert '[ "$sha" != "$HEAD_SHA" ]' in check and "exit 1" in check


def test_the_preview_is_published_under_pr_preview_and_removed_on_close():
    job = load("pr-preview.yml")["jobs"]["publish"]
    publish, remove = step(job, "Publish the preview"), step(job, "Remove the preview")
    for deploy in (publish, remove):
        assert "JamesIves/github-pages-deploy-action" in deploy["uses"]
        assert deploy["with"]["branch"] == "gh-pages"
        assert deploy["with"]["target-folder"] == "pr-preview/pr-${{ steps.pr.outputs.number }}"
        assert deploy["with"]["force"] is False
    assert publish["with"]["folder"] == step(job, "Download the built site")["with"]["path"]
    assert publish["if"] == "steps.pr.outputs.state == 'open' && steps.run.outputs.site == 'true'"
    assert remove["if"] == "steps.pr.outputs.state == 'closed'"
    assert "find preview-site" in step(job, "The site is plain files")["run"]


def test_the_links_of_the_comment_point_into_the_published_preview():
    diff = step(load("pull-request.yml")["jobs"]["preview"], "konexio diff")["run"]
    preview = re.search(r'--preview "([^"]+)"', diff)[1].replace("$PR_NUMBER", "{n}")
    target = step(load("pr-preview.yml")["jobs"]["publish"], "Publish the preview")
    assert preview == target["with"]["target-folder"].replace(
        "${{ steps.pr.outputs.number }}", "{n}") + "/"


# --- linters -----------------------------------------------------------------------------

def _tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} is not installed: run make test-deps"
    return str(path)


def test_zizmor_reports_nothing_medium_or_high():
    done = subprocess.run([_tool("zizmor"), "--offline", "--min-severity", "medium",
                           ".github/workflows"], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _actionlint(cwd: Path) -> subprocess.CompletedProcess:
    # shellcheck on PATH: actionlint then also checks every run: script.
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    _tool("shellcheck")
    return subprocess.run([_tool("actionlint"), "-no-color"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_actionlint_is_clean():
    done = _actionlint(REPO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_really_checks_injections_and_shell(tmp_path: Path):
    folder = tmp_path / ".github/workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo \"${{ github.event.head_commit.message }}\"\n"
        "      - run: cd $HOME/some dir\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    done = _actionlint(tmp_path)
    assert done.returncode == 1
    assert "potentially untrusted" in done.stdout  # script injection
    assert "shellcheck" in done.stdout  # SC2086 on the unquoted $HOME


# --- the publishing scripts, run with a stand-in for the gh command ----------------------

FAKE_GH = '''#!/usr/bin/env python3
"""Stands in for GitHub's gh: logs each call, prints the answer the test prepared for it."""
import json, os, sys
args = sys.argv[1:]
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
answers = json.load(open(os.environ["GH_ANSWERS"], encoding="utf-8"))
path = next(a for a in args if a.startswith("repos/"))
sys.stdout.write(answers.get(path, ""))
'''


def _publish_step(name: str, tmp_path: Path, answers: dict[str, str], env: dict[str, str]
                  ) -> tuple[subprocess.CompletedProcess, list[list[str]], str]:
    import json

    job = load("pr-preview.yml")["jobs"]["publish"]
    s = step(job, name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    (tmp_path / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
    output = tmp_path / "output"
    output.write_text("", encoding="utf-8")
    variables = {k: v for k, v in s.get("env", {}).items() if "${{" not in str(v)}
    full = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GH_LOG": str(tmp_path / "log"),
            "GH_ANSWERS": str(tmp_path / "answers.json"), "GITHUB_REPOSITORY": "konexio/site",
            "RUNNER_TEMP": str(tmp_path), "GITHUB_OUTPUT": str(output), **variables, **env}
    done = subprocess.run(["bash", "-e", "-c", s["run"]], env=full, capture_output=True,
                          text=True, timeout=30)
    log = tmp_path / "log"
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return done, calls, output.read_text(encoding="utf-8")


def _left_number(tmp_path: Path, number: str) -> None:
    (tmp_path / "pr").mkdir(exist_ok=True)
    (tmp_path / "pr/number").write_text(number + "\n", encoding="utf-8")


def test_the_number_left_by_the_run_is_kept_only_for_the_pull_request_at_that_commit(
        tmp_path: Path):
    _left_number(tmp_path, "12")
    answers = {"repos/konexio/site/pulls/12": "abc123 open\n"}
    done, _, output = _publish_step("Which pull request", tmp_path, answers,
                                    {"HEAD_SHA": "abc123"})
    assert done.returncode == 0, done.stderr
    assert output == "number=12\nstate=open\n"

    done, _, output = _publish_step("Which pull request", tmp_path, answers,
                                    {"HEAD_SHA": "another"})
    assert done.returncode == 1 and "nothing published" in done.stdout and "number=" not in output


@pytest.mark.parametrize("number", ["0", "12; rm -rf /", "../1", "", "1234567890"])
def test_a_number_that_is_not_a_plain_number_is_refused_before_any_call(tmp_path: Path,
                                                                         number: str):
    _left_number(tmp_path, number)
    done, calls, output = _publish_step("Which pull request", tmp_path, {},
                                        {"HEAD_SHA": "abc123"})
    assert done.returncode == 1 and calls == [] and output == ""


def _comment(tmp_path: Path, body: str, existing: str):
    _left_number(tmp_path, "12")
    (tmp_path / "pr/comment.md").write_text(body, encoding="utf-8")
    answers = {"repos/konexio/site/issues/12/comments": existing}
    return _publish_step("Post or update the comment", tmp_path, answers, {"PR_NUMBER": "12"})


def test_the_first_summary_is_posted_as_a_new_comment(tmp_path: Path):
    done, calls, _ = _comment(tmp_path, f"{MARKER}\n### Effet\n", existing="")
    assert done.returncode == 0, done.stderr
    assert calls[-1][:3] == ["api", "--method", "POST"]
    assert calls[-1][3] == "repos/konexio/site/issues/12/comments"
    assert calls[-1][-1] == f"body=@{tmp_path / 'comment.md'}"


def test_a_later_summary_rewrites_the_bots_comment(tmp_path: Path):
    done, calls, _ = _comment(tmp_path, f"{MARKER}\n### Effet\n", existing="987\n")
    assert done.returncode == 0, done.stderr
    assert calls[-1][:4] == ["api", "--method", "PATCH", "repos/konexio/site/issues/comments/987"]
    assert [c for c in calls if "POST" in c] == []


def test_a_summary_without_the_marker_is_not_posted_and_a_long_one_is_cut(tmp_path: Path):
    done, calls, _ = _comment(tmp_path, "### no marker\n", existing="")
    assert done.returncode == 1 and calls == []
    done, _, _ = _comment(tmp_path, f"{MARKER}\n" + "x" * 100_000, existing="")
    assert done.returncode == 0
    assert len((tmp_path / "comment.md").read_bytes()) == 65000


def test_what_the_run_left_decides_between_comment_preview_and_removal(tmp_path: Path):
    listing = "repos/konexio/site/actions/runs/55/artifacts"
    done, _, output = _publish_step("What the pull request's run left", tmp_path,
                                    {listing: "pr-diff\n"}, {"RUN_ID": "55"})
    assert done.returncode == 0, done.stderr
    assert output == "diff=true\nsite=false\nclosed=false\n"  # invalid data: comment only
    done, _, output = _publish_step("What the pull request's run left", tmp_path,
                                    {listing: "pr-closed\n"}, {"RUN_ID": "55"})
    assert output == "diff=false\nsite=false\nclosed=true\n"  # closed: the removal
    done, _, output = _publish_step("What the pull request's run left", tmp_path,
                                    {listing: "pr-diff\npr-site\n"}, {"RUN_ID": "55"})
    assert output == "diff=true\nsite=true\nclosed=false\n"


def test_a_failed_listing_of_comments_posts_nothing(tmp_path: Path):
    _left_number(tmp_path, "12")
    (tmp_path / "pr/comment.md").write_text(f"{MARKER}\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text("#!/bin/sh\necho \"$*\" >> \"$GH_LOG\"\nexit 1\n",
                                encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    script = step(load("pr-preview.yml")["jobs"]["publish"], "Post or update the comment")["run"]
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GH_LOG": str(tmp_path / "log"),
           "GITHUB_REPOSITORY": "konexio/site", "RUNNER_TEMP": str(tmp_path),
           "PR_NUMBER": "12", "MARKER": MARKER}
    done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode != 0
    assert "POST" not in (tmp_path / "log").read_text()
