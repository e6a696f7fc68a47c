"""The edge: read git once, then write the open-data files under the site at their stable
addresses (``urls.OPEN_DATA_FILES``), beside the feeds."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from konexio.expand.occurrences import Schedule
from konexio.feeds.stamps import commit_times, stamp
from konexio.feeds.write import data_files
from konexio.model.dataset import Dataset
from konexio.opendata import data_inclusion, lheo
from konexio.opendata.offer import offers
from konexio.urls import OPEN_DATA_FILES


def records_json(records: Iterable[BaseModel]) -> bytes:
    """A JSON list of records, the same bytes for the same data: lists made from sets
    (``publics``, ``thematiques``...) are sorted, since a set's order changes per run."""
    rows = []
    for record in records:
        row = record.model_dump(mode="json", exclude_none=True)
        rows.append({key: sorted(value) if isinstance(value, list) and all(
            isinstance(item, str) for item in value) else value for key, value in row.items()})
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode()


def published(dataset: Dataset) -> dict[str, str]:
    """The open-data files a build of ``dataset`` writes, by name: the LHEO file needs the
    training body's numbers (``schedules/organisation.yml``) and is left out without them."""
    return {name: path for name, path in OPEN_DATA_FILES.items()
            if name != "lheo" or dataset.organisation_entry is not None}


def write_open_data(dataset: Dataset, schedule: Schedule, out_dir: Path, site_url: str,
                    *, today: date, root: Path | None = None) -> list[Path]:
    """Write every open-data file under ``out_dir``; ``root`` is the checkout whose git
    history dates the records (``date_maj``); return the files written. The LHEO file needs
    the training body's numbers (``schedules/organisation.yml``): without it, it is left out."""
    times = commit_times(root, data_files(dataset)) if root is not None else {}

    def changed(files: tuple[str, ...]) -> date:
        return stamp(times, files).date()

    found = offers(dataset, schedule, today)
    contents = {
        "structures": records_json(data_inclusion.structures(dataset, site_url, changed)),
        "services": records_json(data_inclusion.services(found, site_url, changed)),
    }
    if dataset.organisation_entry is not None:
        contents["lheo"] = lheo.document(found, dataset.organisation_entry.model, site_url,
                                         changed)
    written = []
    for name in published(dataset):
        data = contents[name]
        path = out_dir / OPEN_DATA_FILES[name]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
