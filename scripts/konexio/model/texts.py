"""The data's texts in the ``data`` gettext catalogs, where translators work.

Every ``Text`` of the YAML (a program's summary, a venue's access, a cancellation's
reason...) is one message of the ``data`` domain: its French is the msgid, its place the
msgctxt (``schedules/programs/digistart.yml summary``, ``... venues[belleville].access``), so a
translator fills Dari or Ukrainian in Poedit or Weblate
(``locale/<lang>/LC_MESSAGES/data.po``) without opening the YAML. ``make catalogs`` writes
the template (``locale/data.pot``) from the data and merges it into the catalog of every
language but French (``konexio.catalogs``).

Which words a reader sees, for a language ``L`` (``Text.pick``):

1. the text the YAML writes in ``L`` (a coordinator's words win);
2. else the catalog's translation of the text's *current* French at that place: when the
   French changes, the old translation no longer matches and stops showing (``make
   catalogs`` keeps it as a fuzzy suggestion, and fuzzy entries are never used) until a
   translator confirms or rewrites it;
3. else ``L``'s fallback (``fallback:`` in ``languages.yml``), French at the latest.

``DataTexts`` is read from the catalogs once and handed to ``validate.check``, which attaches
each text's translations when the data is read (``attach``): pages, feeds, open data and
notices then get them from ``Text.get`` like the YAML's own words.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from pydantic import BaseModel

from konexio.i18n import ALL, SOURCE_LANGUAGE, catalog_path, read_catalog
from konexio.model.dataset import Dataset
from konexio.model.types import Text

DOMAIN = "data"
"""The gettext domain of the data's texts (``locale/<lang>/LC_MESSAGES/data.po``)."""
LANGUAGES: tuple[str, ...] = tuple(language.code for language in ALL
                                   if language.code != SOURCE_LANGUAGE)
"""The languages with a ``data`` catalog: every language of the site but the source."""

FROM_YAML = "from the YAML (edit it there: the YAML wins)"
"""The translator comment of a catalog entry ``make catalogs`` copied from the YAML."""

Key = tuple[str, str]
"""(msgctxt, msgid): where a text is used, and its French."""


def _item(item: object, index: int) -> str:
    """How a list item is named in a context: by what identifies it in the YAML (a venue's
    id, a cancellation's date and time, a closure's first day), so adding an item does not
    move the others' contexts; by its position for plain texts (``learn[2]``)."""
    for name in ("id", "date", "start"):
        value = getattr(item, name, None)
        if isinstance(value, str | date):
            label = value.isoformat() if isinstance(value, date) else value
            start = getattr(item, "start", None) if name == "date" else None
            return f"{label} {start:%H:%M}" if isinstance(start, time) else label
    return str(index)


def _walk(value: object, path: str) -> Iterator[tuple[str, Text]]:
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        labels = [_item(item, index) for index, item in enumerate(value)]
        if len(set(labels)) != len(labels):  # two closures starting the same day
            labels = [str(index) for index in range(len(value))]
        for label, item in zip(labels, value, strict=True):
            yield from _walk(item, f"{path}[{label}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}[{key}]")


def places(dataset: Dataset) -> Iterator[tuple[str, Text]]:
    """Every text of the data with its msgctxt (``<file> <key path>``), in file order."""
    entries = [*dataset.programs.values(), *dataset.antennas.values(),
               *dataset.cohorts.values(), dataset.roles, dataset.sheets,
               dataset.privacy_entry, dataset.organisation_entry]
    for entry in sorted((e for e in entries if e is not None), key=lambda e: e.file):
        for path, text in _walk(entry.model, ""):
            yield f"{entry.file} {path}", text


@dataclass(frozen=True)
class DataTexts:
    """The ``data`` catalogs' translations: language -> (msgctxt, French) -> words.

    Only what a reader may see is kept: no fuzzy entry, no empty one."""

    translations: Mapping[str, Mapping[Key, str]] = field(default_factory=dict)

    @classmethod
    def from_catalogs(cls, catalogs: Mapping[str, Catalog]) -> DataTexts:
        return cls({lang: {(message.context or "", message.id): message.string
                           for message in catalog
                           if message.id and isinstance(message.id, str)
                           and isinstance(message.string, str) and message.string.strip()
                           and not message.fuzzy}
                    for lang, catalog in catalogs.items()})

    @classmethod
    def shipped(cls) -> DataTexts:
        """The catalogs of ``scripts/konexio/locale`` (read again when one changes)."""
        paths = tuple(catalog_path(lang, DOMAIN) for lang in LANGUAGES)
        return _shipped(tuple((path, path.stat().st_mtime_ns if path.exists() else 0)
                              for path in paths))

    def lookup(self, lang: str, context: str, french: str) -> str | None:
        return self.translations.get(lang, {}).get((context, french))

    def attach(self, dataset: Dataset) -> Dataset:
        """Give every text of ``dataset`` its translations (the dataset is returned)."""
        for context, text in places(dataset):
            found = {lang: words for lang in self.translations
                     if (words := self.lookup(lang, context, text.fr))}
            text.with_catalog(found)
        return dataset


@cache
def _shipped(stamps: tuple[tuple[Path, int], ...]) -> DataTexts:
    return DataTexts.from_catalogs({lang: read_catalog(lang, DOMAIN)
                                    for lang, (path, stamp) in zip(LANGUAGES, stamps,
                                                                   strict=True) if stamp})


def template(dataset: Dataset) -> Catalog:
    """The ``data.pot`` of ``dataset``: one message per text and place, French as msgid,
    the English as a comment for translators who read it better."""
    catalog = Catalog(project="Konexio", version="1", copyright_holder="Konexio",
                      msgid_bugs_address="https://github.com/ (issues)", fuzzy=False)
    for context, text in places(dataset):
        catalog.add(text.fr, context=context, auto_comments=[f"en: {text.en}"])
    return catalog
