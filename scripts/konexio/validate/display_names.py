"""References typed by what people call things: a venue, program or role written by its
display name ("Maison des associations") where its id is expected.

The id check of step 2 refuses such a value before anything knows which ids exist, so it
could only give a generic example. Here the refusal is answered once every file is read:
with the id that name belongs to, or with the list of ids that would fit at that place
(this antenna's venues, the programs, the roles), each with its name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from konexio.load.discover import Kind
from konexio.problems import Problem, problem


@dataclass(frozen=True)
class Slip:
    """A value refused as an id at a place that refers to a venue, program or role."""

    path: str
    line: int
    col: int
    target: str
    """``venue``, ``program`` or ``role``."""
    value: str
    antenna: str = ""
    """For a venue, the antenna whose venues fit there."""


@dataclass(frozen=True)
class Named:
    """Something a reference can point to: its id and its names, by language."""

    id: str
    names: dict[str, str]


def target_at(kind: Kind, loc: tuple[Any, ...]) -> str | None:
    """What the value at ``loc`` of a file of ``kind`` refers to, if it is a reference."""
    parts = tuple(p for p in loc if not isinstance(p, int))
    if kind is Kind.cohort:
        return {("program",): "program", ("venue",): "venue",
                ("needs", "[key]"): "role"}.get(_shape(parts))
    if kind is Kind.antenna and _shape(parts) == ("closures", "venue"):
        return "venue"
    if kind is Kind.program and _shape(parts) == ("follows",):
        return "program"
    if kind is Kind.roles and parts and parts[0] == "needs" and parts[-1] == "[key]":
        return "program" if len(parts) == 3 else "role"
    return None


def _shape(parts: tuple[Any, ...]) -> tuple[str, ...]:
    """``('needs', 'Formateur', '[key]')`` -> ``('needs', '[key]')``: keys typed by the
    coordinator drop out, the fields and the key marker stay."""
    if len(parts) == 3 and parts[-1] == "[key]":
        return (str(parts[0]), "[key]")
    return tuple(str(p) for p in parts)


def folded(text: str) -> str:
    """Lower case, no accents, every run of other signs one space: how two spellings of a
    name are compared ("Maison des Associations" and "maison-des-associations" meet)."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.split(r"[\W_]+", plain)).strip()


def _names(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}
    return {"fr": value} if isinstance(value, str) else {}


def _items(raw: Any) -> list[Named]:
    """Id and names of each entry of a raw list (venues, roles), skipping broken ones."""
    found = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found.append(Named(item["id"], _names(item.get("name"))))
    return found


@dataclass(frozen=True)
class Index:
    """Every venue (by antenna), program and role, with their names, read from the raw
    files so that a file refused in step 2 still lends its names."""

    programs: tuple[Named, ...] = ()
    venues: tuple[tuple[str, tuple[Named, ...]], ...] = ()
    roles: tuple[Named, ...] = ()

    @classmethod
    def of(cls, raw: Iterable[tuple[Kind, str, Any]]) -> Index:
        """From (kind, id, data) of every file read."""
        programs, venues, roles = [], [], []
        for kind, ident, data in raw:
            data = data if isinstance(data, dict) else {}
            if kind is Kind.program:
                programs.append(Named(ident, _names(data.get("name"))))
            elif kind is Kind.antenna:
                venues.append((ident, tuple(_items(data.get("venues")))))
            elif kind is Kind.roles:
                roles = _items(data.get("roles"))
        return cls(tuple(sorted(programs, key=lambda n: n.id)), tuple(venues), tuple(roles))

    def choices(self, slip: Slip) -> tuple[Named, ...]:
        if slip.target == "program":
            return self.programs
        if slip.target == "role":
            return self.roles
        return dict(self.venues).get(slip.antenna, ())

    def elsewhere(self, value: str, antenna: str) -> tuple[str, Named] | None:
        """The venue of another antenna that ``value`` names, with that antenna."""
        for other, named in self.venues:
            if other != antenna:
                for venue in named:
                    if _matches(value, venue):
                        return other, venue
        return None


def _matches(value: str, named: Named) -> bool:
    key = folded(value)
    return bool(key) and (key == folded(named.id)
                          or any(key == folded(name) for name in named.names.values()))


def _listed(choices: tuple[Named, ...], lang: str) -> str:
    return ", ".join(f"{n.id} ({n.names.get(lang) or n.names.get('fr')})"
                     if (n.names.get(lang) or n.names.get("fr")) else n.id for n in choices)


def answer(slip: Slip, index: Index) -> Problem:
    """The problem for ``slip``: the id its name stands for, or the ids that fit there."""
    choices = index.choices(slip)
    at = (slip.path, slip.line, slip.col)
    for named in choices:
        if _matches(slip.value, named):
            return problem(*at, f"ref.{slip.target}_by_name", value=slip.value, id=named.id)
    if slip.target == "venue":
        found = index.elsewhere(slip.value, slip.antenna)
        if found is not None:
            other, venue = found
            return problem(*at, "ref.venue_of_other_antenna", value=slip.value, id=venue.id,
                           other=other, antenna=slip.antenna,
                           allowed_fr=_listed(choices, "fr"), allowed_en=_listed(choices, "en"))
    close = _closest(slip.value, choices)
    return problem(*at, f"ref.{slip.target}_not_an_id", value=slip.value, antenna=slip.antenna,
                   allowed_fr=_listed(choices, "fr"), allowed_en=_listed(choices, "en"),
                   suggestion=close)


def _closest(value: str, choices: tuple[Named, ...]) -> str:
    """The id whose name or id is nearest to ``value`` once both are folded."""
    spellings = {folded(text): named.id for named in choices
                 for text in (named.id, *named.names.values())}
    close = difflib.get_close_matches(folded(value), list(spellings), n=1, cutoff=0.6)
    return spellings[close[0]] if close else ""


def answers(slips: Iterable[Slip], index: Index) -> Iterator[Problem]:
    """The problem of each slip."""
    for slip in slips:
        yield answer(slip, index)
