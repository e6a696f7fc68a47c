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


PARSER_WORDS = ("while ", "found ", "expected ", "scanning", "mapping", "token", "stream")


@given(st.text(alphabet=st.sampled_from(list('ab: -"\'[]{},#@`%|>\n\t\\')), max_size=40))
@settings(max_examples=300, deadline=None)
def test_french_messages_never_quote_the_english_parser(text):
    _doc, problems = parse_yaml("f.yml", "a: 1\n" + text)
    for found in problems:
        french = found.message("fr")
        assert not any(word in french for word in PARSER_WORDS), french


def test_invisible_characters_are_named_where_they_are_and_read_as_meant():
    text = "venue:\u00a0belleville\nroom: Salle\t2\nid: belle\u200bville\n"
    doc, problems = parse_yaml("f.yml", text)
    assert [(p.line, p.col, p.code) for p in problems] == [
        (1, 7, "yaml.invisible_nbsp"), (2, 12, "yaml.invisible_tab"),
        (3, 10, "yaml.invisible_zwsp")]
    assert doc.data == {"venue": "belleville", "room": "Salle 2", "id": "belleville"}


def test_invisible_characters_in_comments_and_a_leading_bom_are_left_alone():
    text = "\ufeff# note\u00a0:\u200b\na: b  # c\u00a0d\n"
    doc, problems = parse_yaml("f.yml", text)
    assert problems == []
    assert doc.data == {"a": "b"}


def test_a_hash_inside_quotes_is_not_a_comment():
    _doc, problems = parse_yaml("f.yml", 'a: "x #1\u00a0y"\n')
    assert [(p.line, p.col) for p in problems] == [(1, 9)]


def test_an_apostrophe_in_a_plain_text_does_not_hide_a_comment():
    doc, problems = parse_yaml("f.yml", "fr: Pont de l'Ascension  # note\u00a0ici\n")
    assert problems == []
    assert doc.data == {"fr": "Pont de l'Ascension"}


def test_libyaml_and_the_python_parser_read_every_data_file_alike(monkeypatch):
    """The fast (C) parser must give the values and positions the pure-Python one gives,
    on every data file we ship and every fixture (valid or broken)."""
    from pathlib import Path

    import yaml

    from konexio.load import yaml_positions

    assert yaml_positions.FAST_LOADER is yaml.CSafeLoader  # the wheels ship libyaml
    repo = Path(__file__).parent.parent
    files = sorted([*repo.glob("schedules/**/*.yml"), *repo.glob("volunteers/**/*.yml"),
                    *(repo / "tests" / "fixtures").rglob("*.yml")])
    assert len(files) > 50

    def read(path):
        text = path.read_text(encoding="utf-8", errors="replace")
        doc, problems = parse_yaml(path.name, text)
        return ((doc.data, doc.values, doc.keys) if doc else None,
                [p.as_text() for p in problems])

    fast = [read(path) for path in files]
    monkeypatch.setattr(yaml_positions, "FAST_LOADER", yaml.SafeLoader)
    assert [read(path) for path in files] == fast
