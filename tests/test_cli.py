"""``konexio validate`` and ``konexio schema`` as a coordinator or CI runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LINE = re.compile(r"^(?P<path>[^:\s]+\.ya?ml):(?P<line>\d+):(?P<col>\d+): \S")


def konexio(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "konexio", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def break_cohort(root: Path) -> Path:
    cohort = root / "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"
    text = cohort.read_text(encoding="utf-8")
    text = text.replace("status: open", "status: ouvert").replace("venue: belleville",
                                                                  "venue: bellevile")
    cohort.write_text(text, encoding="utf-8")
    (root / "schedules/antennas/paris.yml").write_text(
        (root / "schedules/antennas/paris.yml").read_text(encoding="utf-8")
        .replace("timezone: Europe/Paris", "timezone: Europe/Pariss"), encoding="utf-8")
    return cohort


def test_clean_data_exits_0(minimal_root: Path):
    result = konexio("validate", "--root", str(minimal_root))
    assert result.returncode == 0, result.stderr
    assert "valides" in result.stdout


def test_every_problem_of_every_file_in_one_run_with_exit_1(minimal_root: Path, tmp_path):
    break_cohort(minimal_root)
    # --root makes it work from anywhere, and paths stay relative to the root.
    result = konexio("validate", "--root", str(minimal_root), cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if LINE.match(line)]
    files = {LINE.match(line)["path"] for line in lines}
    assert files == {"schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml",
                     "schedules/antennas/paris.yml"}
    assert any("ouvert" in line for line in lines)
    assert any("Europe/Pariss" in line for line in lines)
    assert "Traceback" not in result.stderr


def test_github_format_annotates_the_lines(minimal_root: Path):
    break_cohort(minimal_root)
    result = konexio("validate", "--root", str(minimal_root), "--format", "github",
                     "--lang", "en")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert annotations
    for line in annotations:
        assert re.match(r"^::error file=[^,]+\.yml,line=\d+,col=\d+::\S", line), line
    assert any("'ouvert' is not accepted" in line for line in annotations)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_no_traceback_whatever_is_in_a_file(minimal_root: Path, junk: bytes):
    target = minimal_root / "schedules/cohorts/paris/junk.yml"
    target.write_bytes(junk)
    from konexio.validate import check

    checked = check(minimal_root)  # in process: fast, and any exception fails the test
    assert checked.problems
    assert all(p.path == "schedules/cohorts/paris/junk.yml" for p in checked.problems)


def test_a_garbage_file_through_the_real_command_gives_a_line_not_a_traceback(minimal_root):
    (minimal_root / "schedules/programs/junk.yml").write_bytes(b"\xff\xfe\x00garbage: [")
    result = konexio("validate", "--root", str(minimal_root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("schedules/programs/junk.yml:1:1: ")


def test_schemas_in_the_repo_are_generated_from_the_model():
    repo = Path(__file__).parent.parent
    result = konexio("schema", "--check", "--root", str(repo))
    assert result.returncode == 0, result.stderr


def test_schema_check_notices_a_stale_schema(tmp_path: Path):
    assert konexio("schema", "--root", str(tmp_path)).returncode == 0
    stale = tmp_path / "schedules/schema/cohort.schema.json"
    stale.write_text(stale.read_text().replace('"capacity"', '"capacity_old"'))
    result = konexio("schema", "--check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "schedules/schema/cohort.schema.json" in result.stderr


def test_an_antenna_whose_country_or_region_is_unknown_is_reported_not_a_crash(minimal_root):
    # Regression: the cancellation check asked the holidays package about the unknown
    # country and crashed with a traceback.
    antenna = minimal_root / "schedules/antennas/paris.yml"
    text = antenna.read_text(encoding="utf-8")
    for broken in ("country: ZZ", 'country: FR\nsubdivision: "99"'):
        antenna.write_text(text.replace("country: FR", broken), encoding="utf-8")
        result = konexio("validate", "--root", str(minimal_root), "--lang", "en")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines()[0].startswith("schedules/antennas/paris.yml:")


def slip_cohort(root: Path) -> None:
    """A cohort whose end is typed a year late: published, with a warning."""
    (root / "schedules/cohorts/paris/late.yml").write_text(
        (root / "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml")
        .read_text(encoding="utf-8").replace("end: 2027-01-15", "end: 2028-01-15"),
        encoding="utf-8")
    other = root / "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"
    other.write_text(other.read_text(encoding="utf-8").replace("Salle 1", "Salle 2"),
                     encoding="utf-8")


def test_warnings_alone_exit_0_and_are_tagged(minimal_root: Path):
    slip_cohort(minimal_root)
    result = konexio("validate", "--root", str(minimal_root))
    assert result.returncode == 0, result.stderr
    assert "schedules/cohorts/paris/late.yml:4:6: warning: la cohorte dure 63 semaines" \
        in result.stderr
    assert "0 problème trouvé. 1 avertissement." in result.stderr
    assert "valides" in result.stdout


def test_strict_makes_warnings_errors(minimal_root: Path):
    slip_cohort(minimal_root)
    result = konexio("validate", "--root", str(minimal_root), "--strict", "--lang", "en")
    assert result.returncode == 1
    assert "schedules/cohorts/paris/late.yml:4:6: the cohort lasts 63 weeks" in result.stderr
    assert "warning:" not in result.stderr


def test_github_format_gives_warning_annotations(minimal_root: Path):
    slip_cohort(minimal_root)
    result = konexio("validate", "--root", str(minimal_root), "--format", "github")
    assert result.returncode == 0
    assert "::warning file=schedules/cohorts/paris/late.yml,line=4,col=6::la cohorte dure" \
        in result.stdout
    assert "::error" not in result.stdout


def test_a_page_missing_in_one_language_is_reported_with_the_datas_problems(
        minimal_root: Path):
    """A page renamed in one language folder (the web editor makes it one click) would
    leave the other languages without it: validate says so on the page, in the
    coordinator's words, in the same run as the data's problems."""
    import shutil

    shutil.copytree(Path(__file__).parent.parent / "docs", minimal_root / "docs")
    (minimal_root / "docs/ar/faq.md").rename(minimal_root / "docs/ar/questions.md")
    break_cohort(minimal_root)
    result = konexio("validate", "--root", str(minimal_root))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "docs/ar/questions.md:1:1: cette page manque en français : ajoutez " \
           "docs/fr/questions.md" in "\n".join(lines)
    assert any(line.startswith("docs/fr/faq.md:1:1: cette page manque en arabe : ajoutez "
                               "docs/ar/faq.md") for line in lines)
    assert any("ouvert" in line for line in lines)  # the data's problems, same run
    english = konexio("validate", "--root", str(minimal_root), "--lang", "en")
    assert "docs/fr/faq.md:1:1: this page is missing in Arabic: add docs/ar/faq.md" \
        in english.stderr
    assert "Traceback" not in result.stderr + english.stderr
