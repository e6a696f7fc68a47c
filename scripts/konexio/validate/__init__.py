"""Step 3: validate the data, then expand it once; every problem is collected on the way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from konexio.expand.occurrences import Schedule, expand
from konexio.model.dataset import Dataset
from konexio.model.texts import DataTexts
from konexio.problems import DataError, Problem
from konexio.validate.freshness import cohort_file_times, stale_open_cohorts
from konexio.validate.occurrence_rules import check_schedule
from konexio.validate.rules import check_dataset
from konexio.validate.structure import read_dataset


@dataclass(frozen=True)
class Checked:
    """The outcome of reading a checkout: the data, its expansion, and what is wrong.

    ``problems`` are the errors (nothing is published while there is one); ``warnings`` are
    published but shown, since they are most often a slip (under ``strict`` they are errors).
    """

    dataset: Dataset
    schedule: Schedule | None
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def everything(self) -> tuple[Problem, ...]:
        """Errors and warnings together, in file and line order."""
        return tuple(sorted((*self.problems, *self.warnings), key=Problem.sort_key))


def check(root: Path, *, strict: bool = False, today: date | None = None,
          texts: DataTexts | None = None) -> Checked:
    """Read, type, validate and expand the data under ``root``.

    The schedule is expanded only when the data is otherwise sound, and dropped again when
    the expansion shows an error, so nothing is ever published from broken data. ``today``
    (default: the real today) dates the warnings about sessions moved into the past and
    about open cohorts whose file has not changed for long (``freshness``). ``texts`` are
    the translations of the data's texts (``model.texts``; default: the ``data`` catalogs
    of ``scripts/konexio/locale``), attached to the texts as they are read.
    """
    dataset, ids, found = read_dataset(root)
    (texts if texts is not None else DataTexts.shipped()).attach(dataset)
    found += check_dataset(dataset, ids)
    schedule = None
    if not [p for p in found if not p.is_warning]:
        schedule = expand(dataset)
        found += check_schedule(dataset, schedule, today or date.today())
        found += stale_open_cohorts(dataset, cohort_file_times(root, dataset),
                                    today or date.today())
    if strict:
        found = [p.as_error() for p in found]
    found = sorted(set(found), key=Problem.sort_key)
    errors = tuple(p for p in found if not p.is_warning)
    if errors:
        schedule = None
    return Checked(dataset, schedule, errors, tuple(p for p in found if p.is_warning))


def load_valid(root: Path, *, strict: bool = False,
               texts: DataTexts | None = None) -> tuple[Dataset, Schedule]:
    """The dataset and its schedule, or ``DataError`` with every error."""
    checked = check(root, strict=strict, texts=texts)
    if checked.schedule is None:
        raise DataError(list(checked.problems))
    return checked.dataset, checked.schedule
