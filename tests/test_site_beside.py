"""Our build steps beside the engine (``konexio.site.beside``): a forked process or this one,
the same files either way, and a failure in the child is the build's failure."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from konexio import LANGUAGES
from konexio.problems import DataError
from konexio.site import stage as stage_module
from konexio.site.beside import Beside, StepFailed
from konexio.site.build import BuildFailed, build_site
from konexio.site.stage import StageError
from test_site import FIXTURES, make_root

TODAY = date(2026, 11, 10)


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by path, as a digest of its bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name == "sitemap.xml.gz":  # gzip's header holds the time it was written
                import gzip
                data = gzip.decompress(data)
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(data).hexdigest()
    return found


def test_forked_and_in_process_builds_write_the_same_site(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    build_site(root, tmp_path / "forked", today=TODAY, beside=True)
    build_site(root, tmp_path / "here", today=TODAY, beside=False)
    forked, here = tree(tmp_path / "forked"), tree(tmp_path / "here")
    assert forked == here
    assert any(name.endswith(".ics") for name in forked)  # the feeds joined the site
    assert all(f"{lang}/index.html" in forked for lang in LANGUAGES[1:])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forked", "here", "root"]


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "in process"])
def test_a_failure_while_staging_a_later_language_keeps_the_previous_site(
        tmp_path, fork, monkeypatch):
    """The last language fails to stage (in the child when forked): the build fails with
    that error once the engine reaches it, and nothing of it is left."""
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    real = stage_module.render_pages

    def render_pages(site, lang, *part):
        if lang == LANGUAGES[-1]:
            raise StageError(f"cannot stage {lang}")
        return real(site, lang, *part)

    monkeypatch.setattr(stage_module, "render_pages", render_pages)  # a fault, injected
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the site people see now")
    with pytest.raises(StageError, match=f"cannot stage {LANGUAGES[-1]}"):
        build_site(root, out, today=TODAY, beside=fork)
    assert [p.name for p in out.iterdir()] == ["previous.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root", "site"]


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "in process"])
def test_steps_run_in_order_and_give_their_results(tmp_path, fork):
    log = tmp_path / "log"

    def step(name):
        with log.open("a") as handle:  # a file: the forked child has its own memory
            handle.write(name)
        return name.upper()

    steps = [(name, lambda name=name: step(name)) for name in "abc"]
    with Beside(steps, fork=fork) as helper:
        assert helper.wait("b") == "B"
        assert helper.wait("a") == "A"
        assert helper.wait("c") == "C"
    assert log.read_text() == "abc"


def test_an_error_that_cannot_travel_comes_back_as_text():
    class Local(Exception):  # defined in a function: pickle cannot find it again
        pass

    def fails():
        raise Local("the reason")

    with Beside([("x", fails)], fork=True) as helper, \
            pytest.raises(StepFailed, match="the reason"):
        helper.wait("x")


def test_a_child_that_dies_is_a_failure_not_a_hang():
    with Beside([("x", lambda: os._exit(3))], fork=True) as helper, \
            pytest.raises(StepFailed, match="exit code 3"):
        helper.wait("x")


def test_a_folder_the_engine_also_writes_keeps_both_its_files_and_the_feeds(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    (root / "docs/fr/feeds").mkdir()
    (root / "docs/fr/feeds/lisez-moi.txt").write_text("copied by MkDocs")
    build_site(root, tmp_path / "site", today=TODAY)
    assert (tmp_path / "site/feeds/lisez-moi.txt").read_text() == "copied by MkDocs"
    assert (tmp_path / "site/feeds/fr/all.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (tmp_path / "site/feeds/en/all.ics").is_file()


def test_a_page_file_in_the_place_of_a_feed_fails_the_build_and_keeps_the_site(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    (root / "docs/fr/feeds/fr").mkdir(parents=True)
    (root / "docs/fr/feeds/fr/all.ics").write_text("not a feed")
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the site people see now")
    with pytest.raises(BuildFailed, match="build: feeds/fr/all.ics is made twice"):
        build_site(root, out, today=TODAY)
    assert [p.name for p in out.iterdir()] == ["previous.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root", "site"]


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "in process"])
def test_a_missing_word_found_by_the_early_helper_writes_nothing(tmp_path, fork, monkeypatch):
    """The fixed words' translations are checked beside the data (forked or not): the
    build fails with what is missing, before any folder is made, and the site stays."""
    from konexio.site import translations

    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    real = translations.report

    def report(docs):  # a fault, injected: one word missing in Ukrainian
        found = real(docs)
        return translations.Report(found.pages, found.words, (translations.Missing(
            "uk", "catalog konexio.po: « Imprimer » missing", "konexio.pot"),), found.review)

    monkeypatch.setattr(translations, "report", report)
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the site people see now")
    with pytest.raises(BuildFailed, match="« Imprimer » missing: missing uk translation"):
        build_site(root, out, today=TODAY, beside=fork)
    assert [p.name for p in out.iterdir()] == ["previous.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root", "site"]


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "in process"])
def test_a_template_that_does_not_compile_fails_the_build_and_writes_nothing(
        tmp_path, fork, monkeypatch):
    from jinja2 import DictLoader, Environment, TemplateSyntaxError

    from konexio.pages import render

    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    broken = Environment(loader=DictLoader({"home.md.j2": "{% if %}"}))
    monkeypatch.setattr(render, "environment", lambda lang: broken)  # a fault, injected
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the site people see now")
    with pytest.raises(TemplateSyntaxError):
        build_site(root, out, today=TODAY, beside=fork)
    assert [p.name for p in out.iterdir()] == ["previous.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root", "site"]


def test_the_data_and_a_missing_page_are_reported_together_and_stop_the_early_helper(
        tmp_path):
    """Both the data and a page are wrong: every coordinator's problem is reported in one
    ``DataError``, and the helper started with the build does not outlive it."""
    import multiprocessing

    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    (root / "docs/ar/faq.md").unlink()
    antenna = root / "schedules/antennas/paris.yml"
    antenna.write_text(antenna.read_text().replace("since: 2016", "since: soon"))
    with pytest.raises(DataError) as error:
        build_site(root, tmp_path / "site", today=TODAY, beside=True)
    assert [p.path for p in error.value.problems] == ["docs/fr/faq.md",
                                                      "schedules/antennas/paris.yml"]
    assert multiprocessing.active_children() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root"]
