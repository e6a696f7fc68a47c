"""Whatever a coordinator types in any field, ``check`` reports problems; it never raises.

Each example takes the valid minimal dataset, replaces one value anywhere (or deletes a
key) with something a hurried person might type, and runs the whole validation.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from konexio.validate import check

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yml"))
ODD = [None, "", " ", "zz", "ZZ", -1, 0, 1, 99999, 3.5, True, False, "25:00", "14h30",
       "2026-02-30", "2027-01-04", "monday", "Europe/Nowhere", "Salle 9", [], {}, ["x"],
       {"fr": "x"}, {"fr": "x", "en": "x", "ar": "x"}, "a" * 300]


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def replaced(value, path, new, delete):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        copy = dict(value)
        if delete and not rest:
            copy.pop(head)
        else:
            copy[head] = replaced(value[head], rest, new, delete)
        return copy
    copy = list(value)
    copy[head] = replaced(value[head], rest, new, delete)
    return copy


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FILES), st.data(), st.sampled_from(ODD), st.booleans())
def test_check_never_raises(tmp_path_factory, rel, data, new, delete):
    root = tmp_path_factory.mktemp("fuzz") / "root"
    shutil.copytree(MINIMAL, root)
    original = yaml.safe_load((MINIMAL / rel).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(list(paths(original))))
    changed = replaced(original, path, new, delete and bool(path))
    (root / rel).write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")

    checked = check(root)

    if checked.problems:
        assert checked.schedule is None
        assert all(p.line >= 1 and p.col >= 1 and p.message("fr") for p in checked.problems)
