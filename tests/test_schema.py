"""The JSON Schemas (``konexio schema``) agree with ``konexio validate``.

An independent validator (``jsonschema``, draft 2020-12) reads the same values as our own
loader (``parse_yaml``: YAML 1.2 scalars, dates and times still strings). The schemas only
see structure, so the rule checked is one-way: whatever a schema refuses, ``konexio
validate`` refuses too (an editor never flags a file that CI would accept, and structural
mistakes are caught by both); the validator may refuse more (unknown venue, room clash...).
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from konexio.cli import main
from konexio.load.discover import Kind, discover, kind_of
from konexio.load.yaml_positions import parse_yaml
from konexio.schema import schema_of, schema_path
from konexio.validate import check

REPO = Path(__file__).parent.parent
BROKEN = sorted((Path(__file__).parent / "fixtures" / "broken").glob("*.yml"))
VALIDATORS = {kind: Draft202012Validator(schema_of(kind)) for kind in Kind}
SHIPPED = [f for f in discover(REPO) if f.kind is not None]
COHORT = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"


def schema_errors(kind: Kind, text: str, rel: str = "file.yml") -> list[str] | None:
    """What the schema says about ``text``, or None when YAML cannot read it at all."""
    doc, _ = parse_yaml(rel, text)
    if doc is None:
        return None
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATORS[kind].iter_errors(doc.data)]


def validator_problems(root: Path, rel: str) -> list[str]:
    return [p.as_text() for p in check(root).problems if p.path == rel]


def test_every_schema_is_itself_a_valid_draft_2020_12_schema():
    for kind in Kind:
        Draft202012Validator.check_schema(schema_of(kind))


def test_schemas_in_the_repository_are_up_to_date(capsys):
    assert main(["schema", "--check", "--root", str(REPO)]) == 0, capsys.readouterr().err


def test_data_files_point_editors_at_their_schema():
    for file in SHIPPED:
        first = file.path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first, f"{file.rel}: no schema line"
        assert (file.path.parent / target).resolve() == (REPO / schema_path(file.kind)), file.rel


def test_shipped_data_is_valid_for_the_validator():
    assert check(REPO).problems == ()


@pytest.mark.parametrize("file", SHIPPED, ids=[f.rel for f in SHIPPED])
def test_shipped_file_is_valid_for_its_schema(file):
    assert schema_errors(file.kind, file.path.read_text(encoding="utf-8")) == []


def _place(text: str) -> str:
    return re.search(r"^# place: (\S+)$", text, re.M).group(1)


@pytest.mark.parametrize("case", BROKEN, ids=[c.stem for c in BROKEN])
def test_broken_file_refused_by_the_schema_is_refused_by_the_validator(case, minimal_root):
    text = case.read_text(encoding="utf-8")
    rel = _place(text)
    kind = kind_of(rel)[0]
    target = minimal_root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    refused_by_schema = kind is not None and bool(schema_errors(kind, text, rel))
    if refused_by_schema:
        assert validator_problems(minimal_root, rel)


STRUCTURAL = ["unknown_key_typo", "weekday_in_french", "status_in_french",
              "sessions_not_a_list", "capacity_in_words", "missing_arabic",
              "date_french_format", "time_without_colon", "venue_id_with_spaces",
              "country_lowercase"]


@pytest.mark.parametrize("name", STRUCTURAL)
def test_structural_mistakes_of_the_corpus_are_refused_by_the_schema_too(name):
    text = (Path(__file__).parent / "fixtures" / "broken" / f"{name}.yml").read_text(
        encoding="utf-8")
    kind = kind_of(_place(text))[0]
    assert schema_errors(kind, text), f"{name}: the schema accepts what the validator refuses"


def _cohort(minimal: Path) -> dict:
    return parse_yaml(COHORT, (minimal / COHORT).read_text(encoding="utf-8"))[0].data


def _del(key):
    def edit(data):
        del data[key]
    return edit


def _set(*path_and_value):
    *path, value = path_and_value

    def edit(data):
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return edit


OWN_CASES = {
    "unknown key": _set("teacher", "Samia"),
    "unknown key in a session": _set("sessions", 0, "salle", "Salle 1"),
    "missing field": _del("program"),
    "missing translation": _set("cancelled", 0, "reason", {"fr": "Absent", "en": "Away"}),
    "wrong type: text for a number": _set("capacity", "douze"),
    "wrong type: mapping for a list": _set("sessions", {"day": "monday"}),
    "wrong type: list for a text": _set("venue", ["belleville"]),
    "bad enum: status": _set("status", "ouvert"),
    "bad enum: weekday": _set("sessions", 0, "day", "lundi"),
    "bad date": _set("start", "02/11/2026"),
    "bad time": _set("sessions", 1, "end", "1600"),
    "bad identifier": _set("venue", "Belle Ville"),
    "empty sessions": _set("sessions", []),
    "number out of range": _set("capacity", 0),
}


@pytest.mark.parametrize("edit", OWN_CASES.values(), ids=OWN_CASES.keys())
def test_structural_mistake_is_refused_by_both(edit, minimal_root):
    data = _cohort(minimal_root)
    edit(data)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (minimal_root / COHORT).write_text(text, encoding="utf-8")

    assert schema_errors(Kind.cohort, text), "the schema accepts it"
    assert validator_problems(minimal_root, COHORT), "konexio validate accepts it"


def test_the_unchanged_dump_is_accepted_by_both(minimal_root):
    text = yaml.safe_dump(_cohort(minimal_root), allow_unicode=True, sort_keys=False)
    (minimal_root / COHORT).write_text(text, encoding="utf-8")
    assert schema_errors(Kind.cohort, text) == []
    assert validator_problems(minimal_root, COHORT) == []


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 300),
                    st.sampled_from(["", "open", "monday", "14:00", "2026-11-30", "fr",
                                     "belleville", "Salle 1", "x y", "12"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=2), st.dictionaries(st.sampled_from(
        ["fr", "en", "ar", "day", "start", "end", "date", "reason", "extra"]), inner,
        max_size=3)), max_leaves=4)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whatever_the_schema_refuses_the_validator_refuses(data, minimal_root):
    """Replace one value anywhere in a valid cohort by anything: a refusal by the schema
    must be a refusal by ``konexio validate``."""
    cohort = _cohort(minimal_root)
    path = data.draw(st.sampled_from([p for p in _paths(cohort) if p]))
    value = data.draw(VALUES)
    changed = copy.deepcopy(cohort)
    node = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
    root = minimal_root.parent / "hypothesis"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(minimal_root, root)
    (root / COHORT).write_text(text, encoding="utf-8")

    if schema_errors(Kind.cohort, text):
        assert validator_problems(root, COHORT), f"{path} = {value!r}"


@pytest.mark.parametrize("value", [True, "12"], ids=["boolean", "quoted number"])
def test_capacity_that_is_not_a_number_is_refused_by_both(value, minimal_root):
    data = _cohort(minimal_root)
    data["capacity"] = value
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (minimal_root / COHORT).write_text(text, encoding="utf-8")
    assert schema_errors(Kind.cohort, text)
    assert validator_problems(minimal_root, COHORT), "konexio validate turned it into a number"
