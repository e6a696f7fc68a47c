"""konexio.site.stage: the staged site source is a plain MkDocs project per language.

The promise checked here: ``mkdocs build -f <stage>/<lang>/mkdocs.yml``, run as a separate
command that imports nothing of ours, then our step over its HTML (``finish.tag_html``),
makes the same pages as ``konexio build``; the staged config names no hook; re-staging
writes only what changed.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from konexio import LANGUAGES, urls
from konexio.site import finish, languages, search
from konexio.site.build import build_site, prepare
from konexio.site.stage import StageError, planned_files, stage
from test_site import FIXTURES, TODAY, make_root


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> tuple[Path, Path]:
    root = make_root(tmp_path_factory.mktemp("stage"), FIXTURES / "minimal")
    _, checked = prepare(root, TODAY)
    stage(root, root / "staged", checked.site)
    return root, root / "staged"


def html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_a_plain_mkdocs_build_of_the_stage_makes_the_pages_of_konexio_build(staged, tmp_path):
    root, out = staged
    build_site(root, tmp_path / "site", today=TODAY)
    for lang in LANGUAGES:
        plain = tmp_path / f"plain-{lang}"
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                               "-f", str(out / lang / "mkdocs.yml"), "-d", str(plain)],
                              capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        finish.tag_html(plain, lang)
        built = tmp_path / "site" / urls.lang_prefix(lang)
        ours = {path: data for path, data in html_files(built).items()
                if not any(path.startswith(urls.lang_prefix(other)) for other in LANGUAGES
                           if urls.lang_prefix(other))}
        assert html_files(plain) == ours, lang


def test_the_staged_config_is_complete_and_names_no_hook(staged):
    _, out = staged
    for lang in LANGUAGES:
        config = yaml.safe_load((out / lang / "mkdocs.yml").read_text(encoding="utf-8"))
        assert config["docs_dir"] == "docs"
        assert config["theme"]["language"] == languages.THEME[lang]
        assert config["extra"]["kx_tag"] == languages.TAGS[lang]
        assert config["theme"]["custom_dir"] == "../overrides"
        assert "hooks" not in config  # Zensical would ignore them: our steps come after
        assert config["extra"]["kx_lang"] == lang
        assert [alt["lang"] for alt in config["extra"]["kx_alternates"]] == list(LANGUAGES)
        assert config["plugins"] == []  # the search is Pagefind, after the engine
        assert config["extra"]["kx_search"] == search.words(lang)
        assert (out / lang / "docs" / "index.md").is_file()
        assert (out / lang / "docs" / "cohorts").is_dir()
    # Dari: Material's words in Persian, the page tagged for Afghanistan's Dari.
    dari = yaml.safe_load((out / "fa" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert dari["theme"]["language"] == "fa" and dari["extra"]["kx_tag"] == "fa-AF"
    assert dari["extra"]["kx_search"]["label"] != "Rechercher"
    share = out / "fr" / "docs" / "assets/images/share.png"
    assert share.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list((out / "overrides").rglob("*.py"))  # nothing to run, nothing to publish


def test_restaging_the_same_data_writes_nothing(staged):
    root, out = staged
    _, checked = prepare(root, TODAY)
    assert stage(root, out, checked.site) == []


def test_an_edit_restages_only_the_pages_it_changes(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    _, checked = prepare(root, TODAY)
    stage(root, tmp_path / "staged", checked.site)
    page = root / "docs" / LANGUAGES[0] / "faq.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne ligne de plus.\n",
                    encoding="utf-8")
    for lang in LANGUAGES:  # a page removed (in every language, or the check refuses)
        (root / "docs" / lang / "about.md").unlink()
    _, checked = prepare(root, TODAY)
    changed = stage(root, tmp_path / "staged", checked.site, [LANGUAGES[0]])
    assert sorted(p.as_posix() for p in changed) == [
        f"{LANGUAGES[0]}/docs/about.md", f"{LANGUAGES[0]}/docs/faq.md"]
    assert not (tmp_path / "staged" / LANGUAGES[0] / "docs" / "about.md").exists()


def test_a_hand_written_page_in_the_place_of_a_generated_one_is_refused(tmp_path):
    root = make_root(tmp_path / "root", FIXTURES / "minimal")
    _, checked = prepare(root, TODAY)
    (root / "docs" / LANGUAGES[-1] / "impact").mkdir()
    (root / "docs" / LANGUAGES[-1] / "impact" / "index.md").write_text("# x\n")
    with pytest.raises(StageError, match="is made from the data"):
        stage(root, tmp_path / "staged", checked.site)


def test_two_builds_in_one_process_do_not_share_data(tmp_path):
    """No module-level run: the second build's pages come from its own data."""
    first = make_root(tmp_path / "first", FIXTURES / "minimal")
    second = make_root(tmp_path / "second", FIXTURES / "minimal")
    program = second / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "name: {fr: DigitAll débutant,", "name: {fr: Deuxième nom,"), encoding="utf-8")
    build_site(first, first / "site", today=date(2026, 11, 10))
    build_site(second, second / "site", today=date(2026, 11, 10))
    assert "Deuxième nom" not in (first / "site/index.html").read_text(encoding="utf-8")
    assert "Deuxième nom" in (second / "site/index.html").read_text(encoding="utf-8")


def test_the_stage_a_build_keeps_is_what_konexio_stage_writes(staged, tmp_path):
    """``konexio build --keep-stage DIR``: the pages the engine built, byte for byte those
    of ``konexio stage`` on the same data (the benchmark times the engine on them)."""
    root, out = staged
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "stale.md").write_text("from an earlier build")
    build_site(root, tmp_path / "site", today=TODAY, keep_stage=kept)
    files = lambda folder: {p.relative_to(folder).as_posix(): p.read_bytes()  # noqa: E731
                            for p in folder.rglob("*") if p.is_file()}
    assert files(kept) == files(out)
    assert (tmp_path / "site" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept", "site"]


def test_the_parts_of_a_language_make_it_whole_each_file_in_one_part(staged):
    """The build stages its first language in two processes (every other page each)."""
    root, _ = staged
    _, checked = prepare(root, TODAY)
    lang = LANGUAGES[0]
    whole = planned_files(root, checked.site, [lang])
    parts = [planned_files(root, checked.site, [lang], part=(k, 3)) for k in range(3)]
    assert all(parts) and sum(len(part) for part in parts) == len(whole)
    assert {path: data for part in parts for path, data in part.items()} == whole
    without = planned_files(root, checked.site, [lang], shared=False)
    assert set(whole) - set(without) == {p for p in whole if p.parts[0] == "overrides"} != set()
