"""Which feeds exist, what each is called, where it lives and which sessions it holds.

Pages list and link feeds from this catalogue, and the writer writes exactly these feeds,
so a link can never point at a feed that was not written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from konexio import LANGUAGES, urls
from konexio.expand.occurrences import Occurrence, Schedule, days_held
from konexio.feeds.words import long_date, word
from konexio.model.dataset import Dataset
from konexio.model.types import Text


class Scope(StrEnum):
    """What a feed gathers (the names are those of ``urls.feed_name``)."""

    all = "all"
    antenna = "antenna"
    program = "program"
    cohort = "cohort"
    role = "role"


@dataclass(frozen=True, kw_only=True)
class FeedSpec:
    """One feed, in every site language.

    ``id`` is the antenna, program, cohort or role id ('' for ``all``); ``antenna`` is set
    for ``role`` feeds (the sessions of that antenna that need that role) and, for
    convenience, for antenna and cohort feeds too.
    """

    scope: Scope
    id: str = ""
    antenna: str = ""
    title: Text

    def path(self, lang: str) -> str:
        """Site-relative path of the feed in ``lang``, e.g. ``feeds/en/cohort-x.ics``."""
        return urls.feed_url(lang, self.scope.value, self.id, self.antenna)

    @property
    def paths(self) -> dict[str, str]:
        """The path in each site language."""
        return {lang: self.path(lang) for lang in LANGUAGES}

    def url(self, lang: str, site_url: str) -> str:
        """Absolute ``https://`` address: the download link."""
        return urls.absolute_url(site_url, self.path(lang))

    def webcal(self, lang: str, site_url: str) -> str:
        """``webcal://`` address: the subscribe link."""
        return urls.webcal_url(site_url, self.path(lang))

    @property
    def key(self) -> tuple[Scope, str, str]:
        return (self.scope, self.id, self.antenna)

    def includes(self, occurrence: Occurrence, dataset: Dataset) -> bool:
        """Whether ``occurrence`` belongs in this feed."""
        match self.scope:
            case Scope.all:
                return True
            case Scope.antenna:
                return occurrence.antenna == self.id
            case Scope.program:
                return occurrence.program == self.id
            case Scope.cohort:
                return occurrence.cohort == self.id
            case Scope.role:
                return (occurrence.antenna == self.antenna
                        and dataset.needs(occurrence.cohort).get(self.id, 0) > 0)


def _text(code: str, **per_lang) -> Text:
    """A ``Text`` made of the word ``code`` filled with per-language values."""
    return Text(**{
        lang: word(code, lang, **{name: value(lang) for name, value in per_lang.items()})
        for lang in LANGUAGES
    })


def feed_catalogue(dataset: Dataset, schedule: Schedule) -> list[FeedSpec]:
    """Every published feed: all sessions, then per antenna, program, cohort, and per
    volunteer role at each antenna, each group in the order pages list them.

    Antenna, program and role feeds exist even while they have no session, so people can
    subscribe before the next cohort is announced. ``schedule`` is part of the signature so
    callers hand the catalogue and the writer the same expansion; which feeds exist
    depends on the dataset alone, a cohort's title on its first session.
    """
    antennas = sorted(dataset.antennas.values(), key=lambda e: (e.model.order, e.id))
    programs = sorted(dataset.programs.values(), key=lambda e: (e.model.order, e.id))
    antenna_rank = {entry.id: rank for rank, entry in enumerate(antennas)}
    cohorts = sorted(dataset.cohorts.values(),
                     key=lambda e: (antenna_rank[e.antenna], e.model.start, e.id))
    roles = dataset.roles.model.roles if dataset.roles is not None else []

    specs = [FeedSpec(scope=Scope.all, title=_text("all.title"))]
    specs += [
        FeedSpec(scope=Scope.antenna, id=a.id, antenna=a.id,
                 title=_text("antenna.title", antenna=a.model.name.get))
        for a in antennas
    ]
    specs += [
        FeedSpec(scope=Scope.program, id=p.id,
                 title=_text("program.title", program=p.model.name.get))
        for p in programs
    ]
    by_cohort: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in schedule.occurrences:
        by_cohort[occurrence.cohort].append(occurrence)
    for c in cohorts:
        # "from <day>": the first day a session takes place, as the cohort's page says.
        held = days_held(by_cohort[c.id])
        start = held[0] if held else c.model.start
        specs.append(FeedSpec(
            scope=Scope.cohort, id=c.id, antenna=c.antenna,
            title=_text("cohort.title",
                        program=dataset.programs[c.model.program].model.name.get,
                        antenna=dataset.antennas[c.antenna].model.name.get,
                        start=lambda lang, start=start: long_date(start, lang)),
        ))
    specs += [
        FeedSpec(scope=Scope.role, id=role.id, antenna=a.id,
                 title=_text("role.title", antenna=a.model.name.get, role=role.name.get))
        for a in antennas
        for role in roles
    ]
    return specs


def occurrences_of(spec: FeedSpec, dataset: Dataset, schedule: Schedule) -> list[Occurrence]:
    """The occurrences a feed holds, in a stable order (start, then identity)."""
    chosen = [o for o in schedule.occurrences if spec.includes(o, dataset)]
    return sorted(chosen, key=lambda o: (o.start, o.key))


def index_occurrences(dataset: Dataset,
                      schedule: Schedule) -> dict[tuple[Scope, str, str], list[Occurrence]]:
    """The occurrences of every feed (by ``FeedSpec.key``), in one pass over the schedule.

    Asking each feed to scan the whole schedule costs feeds x sessions, and the number of
    feeds grows with the network: quadratic. This index is linear; a test checks it holds
    exactly what ``FeedSpec.includes`` says.
    """
    needs = {cohort: dataset.needs(cohort) for cohort in dataset.cohorts}
    held: dict[tuple[Scope, str, str], list[Occurrence]] = defaultdict(list)
    for o in sorted(schedule.occurrences, key=lambda o: (o.start, o.key)):
        held[(Scope.all, "", "")].append(o)
        held[(Scope.antenna, o.antenna, o.antenna)].append(o)
        held[(Scope.program, o.program, "")].append(o)
        held[(Scope.cohort, o.cohort, o.antenna)].append(o)
        for role in needs[o.cohort]:
            held[(Scope.role, role, o.antenna)].append(o)
    return dict(held)
