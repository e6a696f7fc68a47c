"""How much of the YAML's texts each site language has (a report, never a problem).

French, English and Arabic are required (``required: true`` in ``locale/languages.yml``):
a text without them is a problem of the validator. The other languages are optional: a
text without them is shown in its fallback; this counts, per language, how many texts
the data has in it, for ``konexio validate`` and the build report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from konexio.i18n import ALL, COORDINATORS
from konexio.model.dataset import Dataset
from konexio.model.types import Text


@dataclass(frozen=True)
class Coverage:
    lang: str
    translated: int
    total: int
    required: bool

    @property
    def percent(self) -> int:
        return 100 if not self.total else self.translated * 100 // self.total

    def line(self, lang: str = "en") -> str:
        """One line of the report, in the coordinator's language (English by default, the
        build report's)."""
        values = {"lang": self.lang, "translated": self.translated, "percent": self.percent}
        if self.required:
            return COORDINATORS.ngettext(
                lang, "%(lang)s : %(translated)d/%(num)d texte des données (%(percent)d %%, "
                      "obligatoire)",
                "%(lang)s : %(translated)d/%(num)d textes des données (%(percent)d %%, "
                "obligatoire)", self.total, **values)
        return COORDINATORS.ngettext(
            lang, "%(lang)s : %(translated)d/%(num)d texte des données (%(percent)d %%, "
                  "facultative, repli sur une autre)",
            "%(lang)s : %(translated)d/%(num)d textes des données (%(percent)d %%, "
            "facultative, repli sur une autre)", self.total, **values)


def texts(value: object) -> Iterator[Text]:
    """Every ``Text`` inside a model, a list or a mapping, depth first."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)


def coverage(dataset: Dataset) -> list[Coverage]:
    """Each site language with the number of the data's texts written in it."""
    entries = [*dataset.programs.values(), *dataset.antennas.values(),
               *dataset.cohorts.values(), dataset.roles]
    found = [text for entry in entries if entry is not None for text in texts(entry.model)]
    return [Coverage(language.code, sum(1 for text in found if getattr(text, language.code)),
                     len(found), language.required) for language in ALL]
