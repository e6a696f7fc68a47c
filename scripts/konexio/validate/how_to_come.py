"""Step 3: the checks of ``how_to_come`` that need more than one value.

Each way to ask for a place needs its address (a phone number for ``phone``, a form for
``form``...), or a social worker reading the page or the open data has nothing to use;
``everyone`` means no particular public, so it stands alone (as in data·inclusion).
"""

from __future__ import annotations

from collections.abc import Iterator

from konexio.model.dataset import Dataset, Entry
from konexio.model.how_to_come import Channel, HowToCome, Public
from konexio.problems import Problem, problem

NEEDS_ADDRESS = {Channel.phone: "phone", Channel.whatsapp: "whatsapp", Channel.form: "form"}
"""The ways to ask that need an address of their own (``email`` falls back on the
antenna's contact address, ``visit`` on the venue)."""


def at(entry: Entry, code: str, *path: str | int, **params) -> Problem:
    pos = entry.doc.pos(tuple(path))
    return problem(entry.file, pos.line, pos.col, code, **params)


def _check(entry: Entry, found: HowToCome, base: tuple) -> Iterator[Problem]:
    if Public.everyone in found.publics and len(found.publics) > 1:
        index = found.publics.index(Public.everyone)
        yield at(entry, "how.everyone_alone", *base, "publics", index)
    for field in ("publics", "referral.by", "referral.how"):
        values = found
        for part in field.split("."):
            values = getattr(values, part)
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value in seen:
                yield at(entry, "how.twice", *base, *field.split("."), index,
                         value=value.value, field=field.split(".")[-1])
            seen.add(value)
    for index, channel in enumerate(found.referral.how):
        key = NEEDS_ADDRESS.get(channel)
        if key and getattr(found.referral, key) is None:
            yield at(entry, "how.no_address", *base, "referral", "how", index,
                     value=channel.value, key=key)


def how_to_come_is_usable(dataset: Dataset, ids: set[str]) -> Iterator[Problem]:
    """Programs' and cohorts' ``how_to_come``: every way to ask has its address."""
    for entry in [*dataset.programs.values(), *dataset.cohorts.values()]:
        if entry.model.how_to_come is not None:
            yield from _check(entry, entry.model.how_to_come, ("how_to_come",))
