"""How much of the YAML's texts each site language has (a report, never a problem).

French, English and Arabic are required (``required: true`` in ``locale/languages.yml``):
a text without them is a problem of the validator. The other languages are optional: a
text without them is shown in its fallback; this counts, per language, how many texts
a reader of it reads in it, written in the YAML or translated in the ``data`` catalog
(``model.texts``; a fuzzy translation or one of an older French does not count), for
``konexio validate`` and the build report.
"""

from __future__ import annotations

from dataclasses import dataclass

from konexio.i18n import ALL, COORDINATORS
from konexio.model.dataset import Dataset
from konexio.model.texts import places


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


def coverage(dataset: Dataset) -> list[Coverage]:
    """Each site language with the number of the data's texts a reader of it reads in it
    (the dataset's texts carry their catalog translations: ``validate.check``)."""
    found = [text for _, text in places(dataset)]
    return [Coverage(language.code, sum(1 for text in found if text.translated(language.code)),
                     len(found), language.required) for language in ALL]
