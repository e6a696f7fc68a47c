"""Steps 1 and 2 together: read every data file and type it, turning each refusal into a
problem at the exact line and column of the value (or key) concerned."""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from konexio import LANGUAGES
from konexio.load.discover import LOCATIONS, DataFile, Kind, badly_named, discover
from konexio.load.yaml_positions import YamlDocument, parse_yaml
from konexio.model import MODELS
from konexio.model.dataset import CohortEntry, Dataset, Entry
from konexio.model.readings import weekday
from konexio.model.types import Text, Weekday
from konexio.problems import Problem, problem
from konexio.validate.display_names import Index, Slip, answers, target_at


def suggest(value: object, choices: list[str] | set[str]) -> str:
    """The closest choice to a mistyped value, or '' when none is close."""
    close = difflib.get_close_matches(str(value), sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``list[X]`` or ``dict[str, X]``, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, dict):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return annotation


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that the value at ``loc`` (a pydantic error location) belongs to."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or part == "[key]":
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(str(part))
        if field is None:
            # a key of a dict[str, Model] field
            continue
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _slug_example(loc: tuple[Any, ...]) -> str:
    """An id of the kind expected at ``loc``, for the message's example."""
    names = {str(p) for p in loc}
    for field, example in (("needs", "assistant"), ("spreadsheets", "paris"),
                           ("venues", "belleville"), ("venue", "belleville"),
                           ("roles", "assistant")):
        if field in names:
            return example
    return "digitall-beginner"


def _field_name(loc: tuple[Any, ...]) -> str:
    """The key concerned; for a translation, with its text's key (``name.fr``)."""
    names = [str(p) for p in loc if isinstance(p, str) and p != "[key]"]
    if len(names) >= 2 and names[-1] in LANGUAGES:
        return f"{names[-2]}.{names[-1]}"
    return names[-1] if names else ""


def _indentation_slip(doc: YamlDocument, model: type[BaseModel], loc: tuple[Any, ...]) \
        -> tuple[str, int, int] | None:
    """For a key unknown where it stands but known one level up or more (``cancelled:``
    indented under a session): the key of that level to align it with, and its line and
    column. None when the key is known nowhere above."""
    name = loc[-1]
    for depth in range(len(loc) - 2, -1, -1):
        above = loc[:depth]
        if above and isinstance(above[-1], int):
            continue
        owner = _model_at(model, above) if above else model
        if owner is not None and name in owner.model_fields:
            sibling = loc[depth]
            at = doc.pos((*above, sibling), key=True)
            return str(sibling), at.line, at.col
    return None


def error_to_problem(doc: YamlDocument, model: type[BaseModel], error: dict) -> Problem:
    """Turn one pydantic error into a coordinator's problem at the right place."""
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = _field_name(loc)
    is_key = bool(loc) and loc[-1] == "[key]"
    path_loc = loc[:-1] if is_key else loc

    if kind == "missing":
        parent = _model_at(model, loc[:-1])
        at = doc.pos(loc[:-1])
        if parent is Text:
            return problem(doc.path, at.line, at.col, "text.missing_language",
                           lang=str(loc[-1]), field=_field_name(loc[:-1]))
        return problem(doc.path, at.line, at.col, "field.missing", field=name)
    if kind == "extra_forbidden":
        at = doc.pos(loc, key=True)
        parent = _model_at(model, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        slip = _indentation_slip(doc, model, loc)
        if slip is not None and name not in allowed:
            return problem(doc.path, at.line, at.col, "field.indented", key=name,
                           sibling=slip[0], row=slip[1], column=slip[2])
        return problem(doc.path, at.line, at.col, "field.unknown", key=name,
                       allowed=", ".join(allowed), suggestion=suggest(name, allowed))

    at = doc.pos(path_loc, key=is_key)
    if kind.startswith("konexio."):
        others = {key: found for key, found in ctx.items() if key != "value"}
        others.setdefault("field", name)
        return problem(doc.path, at.line, at.col, kind, value=_short(ctx.get("value", value)),
                       **others)
    if kind == "enum":
        choices = [c.strip() for c in ctx.get("expected", "").replace("'", "")
                   .replace(" or ", ",").split(",") if c.strip()]
        reading = weekday(value) if set(choices) == {d.value for d in Weekday} else None
        if reading:
            return problem(doc.path, at.line, at.col, "field.weekday", value=_short(value),
                           reading=reading)
        return problem(doc.path, at.line, at.col, "field.enum", value=_short(value),
                       expected=", ".join(choices), suggestion=suggest(value, choices))
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^[a-z0-9]+(?:-") and not str(value).strip():
            return problem(doc.path, at.line, at.col, "field.empty", field=name)
        if pattern.startswith("^[a-z0-9]+(?:-"):
            return problem(doc.path, at.line, at.col, "field.slug", value=_short(value),
                           example=_slug_example(loc))
        # An example of the right form, never the pattern itself (no one reads regexes).
        expected = {
            r"^[A-Z]{2}$": "FR, KE, MW, JO ...",
            r"^[a-z]{2}$": "fr, en, ar ...",
            r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$": "paris@konexio.eu",
            r"^https://\S+$": "https://...",
            r"^\d{14}$": "12345678900012",
            r"^\d{11}$": "11755000075",
            r"^\d{5}$": "75020",
        }.get(pattern, "CONTRIBUTING.md")
        return problem(doc.path, at.line, at.col, "field.pattern", value=_short(value),
                       field=name, expected=expected)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, str) and value.strip().isdigit():
            return problem(doc.path, at.line, at.col, "field.int_quoted", value=value.strip())
        shown = str(value).lower() if isinstance(value, bool) else _short(value)
        return problem(doc.path, at.line, at.col, "field.int", value=shown)
    if kind in ("bool_type", "bool_parsing"):
        return problem(doc.path, at.line, at.col, "field.bool", value=_short(value))
    if kind == "string_type":
        return problem(doc.path, at.line, at.col, "field.string", field=name)
    if kind == "list_type":
        return problem(doc.path, at.line, at.col, "field.list", field=name)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return problem(doc.path, at.line, at.col, "field.mapping", field=name)
    if kind == "too_short":
        return problem(doc.path, at.line, at.col, "field.too_short", field=name,
                       min=ctx.get("min_length", 1))
    if kind == "string_too_short":
        return problem(doc.path, at.line, at.col, "field.empty", field=name)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        signs = {"ge": "≥", "le": "≤", "gt": ">", "lt": "<"}
        limit = ", ".join(f"{signs.get(k, k)} {v}" for k, v in ctx.items())
        return problem(doc.path, at.line, at.col, "field.range", value=_short(value),
                       field=name, limit=limit)
    return problem(doc.path, at.line, at.col, "field.invalid", field=name, detail=error["msg"])


def _read(file: DataFile) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        text = file.path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [problem(file.rel, 1, 1, "file.encoding")]
    except OSError as error:
        return None, [problem(file.rel, 1, 1, "file.unreadable", detail=error.strerror)]
    return parse_yaml(file.rel, text)


def _slip(file: DataFile, doc: YamlDocument, error: dict) -> Slip | None:
    """A refused id that refers to a venue, program or role: answered later, once every
    file's names are known (``display_names``)."""
    loc = tuple(error["loc"])
    value = error.get("input")
    pattern = str((error.get("ctx") or {}).get("pattern", ""))
    if error["type"] != "string_pattern_mismatch" or not pattern.startswith("^[a-z0-9]+(?:-"):
        return None
    target = target_at(file.kind, loc) if file.kind else None
    if target is None or not str(value).strip():
        return None
    is_key = loc[-1] == "[key]"
    at = doc.pos(loc[:-1] if is_key else loc, key=is_key)
    antenna = file.group if file.kind is Kind.cohort else file.id
    return Slip(doc.path, at.line, at.col, target, str(value), antenna)


def _typed(file: DataFile, doc: YamlDocument) \
        -> tuple[BaseModel | None, list[Problem], list[Slip]]:
    model = MODELS[file.kind]
    if not isinstance(doc.data, dict):
        return None, [problem(doc.path, 1, 1, "field.mapping", field=file.rel)], []
    # A phone number written without its country code is read in the file's own country
    # (an antenna's ``country:``), see model/phone.py.
    country = doc.data.get("country")
    try:
        return model.model_validate(doc.data, context={"country": country}), [], []
    except ValidationError as error:
        found, slips = [], []
        for e in error.errors(include_url=False):
            slip = _slip(file, doc, e)
            if slip is None:
                found.append(error_to_problem(doc, model, e))
            else:
                slips.append(slip)
        return None, sorted(set(found), key=Problem.sort_key), slips


def read_dataset(root: Path) -> tuple[Dataset, set[str], list[Problem]]:
    """Read and type every data file under ``root``.

    Returns the dataset of the files that were valid, the ids of *every* file found (so a
    reference to a broken file is not reported a second time as unknown), and the problems.
    """
    dataset = Dataset()
    problems: list[Problem] = []
    seen_ids: set[str] = set()
    places = ", ".join(LOCATIONS.values())
    raw: list[tuple[Kind, str, object]] = []
    slips: list[Slip] = []
    for bad in badly_named(root):
        problems.append(problem(bad.rel, 1, 1, bad.code, value=bad.rel.rsplit("/", 1)[-1],
                                name=bad.suggestion))
    for file in discover(root):
        if file.kind is None:
            problems.append(problem(file.rel, 1, 1, "file.unknown_place", places=places))
            continue
        seen_ids.add(f"{file.kind}:{file.id}")
        doc, found = _read(file)
        problems += found
        if doc is None:
            continue
        raw.append((file.kind, file.id, doc.data))
        model, found, refused = _typed(file, doc)
        problems += found
        slips += refused
        if model is None:
            continue
        if file.kind is Kind.program:
            dataset.programs[file.id] = Entry(file.id, file.rel, doc, model)
        elif file.kind is Kind.antenna:
            dataset.antennas[file.id] = Entry(file.id, file.rel, doc, model)
        elif file.kind is Kind.cohort:
            if file.id in dataset.cohorts:
                other = dataset.cohorts[file.id].file
                problems.append(problem(file.rel, 1, 1, "cohort.duplicate_id", value=file.id,
                                        other=other))
                continue
            dataset.cohorts[file.id] = CohortEntry(file.id, file.rel, doc, model,
                                                   antenna=file.group)
        elif file.kind is Kind.roles:
            dataset.roles = Entry(file.id, file.rel, doc, model)
        elif file.kind is Kind.sheets:
            dataset.sheets = Entry(file.id, file.rel, doc, model)
        elif file.kind is Kind.privacy:
            dataset.privacy_entry = Entry(file.id, file.rel, doc, model)
        elif file.kind is Kind.organisation:
            dataset.organisation_entry = Entry(file.id, file.rel, doc, model)
    problems += answers(slips, Index.of(raw))
    return dataset, seen_ids, problems
