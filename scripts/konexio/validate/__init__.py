"""Step 3: validate the data, then expand it once; every problem is collected on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from konexio.expand.occurrences import Schedule, expand
from konexio.model.dataset import Dataset
from konexio.problems import DataError, Problem
from konexio.validate.occurrence_rules import check_schedule
from konexio.validate.rules import check_dataset
from konexio.validate.structure import read_dataset


@dataclass(frozen=True)
class Checked:
    """The outcome of reading a checkout: the data, its expansion, and what is wrong."""

    dataset: Dataset
    schedule: Schedule | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check(root: Path) -> Checked:
    """Read, type, validate and expand the data under ``root``.

    The schedule is expanded only when the data is otherwise sound, and dropped again when
    the expansion shows a problem, so nothing is ever published from broken data.
    """
    dataset, ids, problems = read_dataset(root)
    problems += check_dataset(dataset, ids)
    schedule = None
    if not problems:
        schedule = expand(dataset)
        problems += check_schedule(dataset, schedule)
        if problems:
            schedule = None
    return Checked(dataset, schedule, tuple(sorted(set(problems), key=Problem.sort_key)))


def load_valid(root: Path) -> tuple[Dataset, Schedule]:
    """The dataset and its schedule, or ``DataError`` with every problem."""
    checked = check(root)
    if checked.schedule is None:
        raise DataError(list(checked.problems))
    return checked.dataset, checked.schedule
