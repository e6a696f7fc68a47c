"""The loader reads what coordinators mean (YAML 1.2 scalars) and remembers positions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from konexio.load.yaml_positions import Pos, parse_yaml


def test_unquoted_clock_time_stays_a_time_not_base_60():
    doc, problems = parse_yaml("f.yml", "start: 14:00\nend: 16:30\n")
    assert problems == []
    assert doc.data == {"start": "14:00", "end": "16:30"}


def test_yes_no_on_off_stay_words():
    doc, _ = parse_yaml("f.yml", "language: no\na: yes\nb: on\nc: off\nd: y\n")
    assert doc.data == {"language": "no", "a": "yes", "b": "on", "c": "off", "d": "y"}


def test_core_scalars_are_typed_and_quotes_keep_strings():
    text = 'a: true\nb: false\nc: 12\nd: "12"\ne: ~\nf: 1.5\ng: 0x1F\nh: 2026-09-07\n'
    doc, _ = parse_yaml("f.yml", text)
    assert doc.data == {"a": True, "b": False, "c": 12, "d": "12", "e": None, "f": 1.5,
                        "g": "0x1F", "h": "2026-09-07"}


def test_positions_of_nested_values_and_keys():
    text = "sessions:\n  - day: monday\n    start: '14:00'\n"
    doc, _ = parse_yaml("f.yml", text)
    assert doc.pos(("sessions", 0, "start")) == Pos(3, 12)
    assert doc.pos(("sessions", 0, "start"), key=True) == Pos(3, 5)
    assert doc.pos(("sessions", 0, "missing")) == Pos(2, 5)


def test_every_duplicate_key_is_reported_and_the_first_value_kept():
    text = "a: 1\nb: 2\na: 3\nnested:\n  x: 1\n  x: 2\n"
    doc, problems = parse_yaml("f.yml", text)
    assert [(p.line, p.col, p.code) for p in problems] == [
        (3, 1, "yaml.duplicate_key"), (6, 3, "yaml.duplicate_key")]
    assert doc.data["a"] == 1


def test_tab_indentation_points_at_the_tab():
    _, problems = parse_yaml("f.yml", "a:\n  b: 1\n\tc: 2\n")
    assert [(p.line, p.col, p.code) for p in problems] == [(3, 1, "yaml.tab")]


def test_merge_keys_are_refused():
    _, problems = parse_yaml("f.yml", "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert [p.code for p in problems] == ["yaml.merge_key"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-\t \n'\"[]{}&*!|>%@`#,?014")), max_size=60))
def test_never_raises_whatever_the_text(text):
    doc, problems = parse_yaml("f.yml", text)
    assert doc is not None or problems
    for found in problems:
        assert found.line >= 1 and found.col >= 1
        assert found.message("fr") and found.message("en")
