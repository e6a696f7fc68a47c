"""Which YAML files make up the data, and what kind each one is (from where it lives)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Kind(StrEnum):
    program = "program"
    antenna = "antenna"
    cohort = "cohort"
    roles = "roles"
    sheets = "sheets"
    privacy = "privacy"
    organisation = "organisation"


LOCATIONS: dict[Kind, str] = {
    Kind.program: "schedules/programs/<id>.yml",
    Kind.antenna: "schedules/antennas/<id>.yml",
    Kind.cohort: "schedules/cohorts/<antenna>/<id>.yml",
    Kind.roles: "volunteers/roles.yml",
    Kind.sheets: "volunteers/sheets.yml",
    Kind.privacy: "volunteers/privacy.yml",
    Kind.organisation: "schedules/organisation.yml",
}
"""Where each kind of file lives; also shown to coordinators who put a file elsewhere."""

DATA_FOLDERS = ("schedules", "volunteers")


@dataclass(frozen=True)
class DataFile:
    path: Path
    rel: str
    kind: Kind | None
    """None for a YAML file in a place where no kind of file belongs."""
    id: str
    group: str = ""
    """For a cohort, the antenna folder it sits in."""


def kind_of(rel: str) -> tuple[Kind | None, str, str]:
    """Kind, id and group of the file at ``rel`` (a POSIX path relative to the root)."""
    parts = rel.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    if parts[:2] == ["schedules", "programs"] and len(parts) == 3:
        return Kind.program, stem, ""
    if parts[:2] == ["schedules", "antennas"] and len(parts) == 3:
        return Kind.antenna, stem, ""
    if parts[:2] == ["schedules", "cohorts"] and len(parts) == 4:
        return Kind.cohort, stem, parts[2]
    if rel == "volunteers/roles.yml":
        return Kind.roles, "roles", ""
    if rel == "volunteers/sheets.yml":
        return Kind.sheets, "sheets", ""
    if rel == "volunteers/privacy.yml":
        return Kind.privacy, "privacy", ""
    if rel == "schedules/organisation.yml":
        return Kind.organisation, "organisation", ""
    return None, stem, ""


def discover(root: Path) -> list[DataFile]:
    """Every ``.yml``/``.yaml`` file under the data folders, in a stable order."""
    found: list[DataFile] = []
    for folder in DATA_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix not in (".yml", ".yaml") or not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            kind, ident, group = kind_of(rel)
            found.append(DataFile(path, rel, kind, ident, group))
    return found


NAMED_FOLDERS = ("schedules/programs", "schedules/antennas", "schedules/cohorts")
"""Folders where a file's name is an id (it becomes a URL and a feed name)."""

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def as_slug(text: str) -> str:
    """``Digitall Beginner (Été)`` -> ``digitall-beginner-ete``: the name to suggest."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


@dataclass(frozen=True)
class BadName:
    """A file under a data folder that is named so that it is ignored or misread."""

    rel: str
    code: str
    """``file.not_yml`` (ignored today), ``file.yaml_suffix`` or ``file.name``."""
    suggestion: str


def badly_named(root: Path) -> list[BadName]:
    """Files of the id folders whose name is not ``<lower-case id>.yml``.

    A file saved without ``.yml`` is never read (its cohort silently vanishes), and a name
    with capitals or spaces ends up in URLs and feed names; both are reported, with the
    name to use. Hidden files (``.gitkeep``, ``.DS_Store``) are not the coordinators'.
    """
    found: list[BadName] = []
    for folder in NAMED_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or any(p.startswith(".") for p in path.relative_to(base).parts):
                continue
            rel = path.relative_to(root).as_posix()
            name = path.name
            stem, dot, suffix = name.rpartition(".")
            if not dot or suffix.lower() not in ("yml", "yaml"):
                # « notes.txt » -> notes.yml, « cohorte.yml.txt » -> cohorte.yml
                meant = re.sub(r"\.ya?ml$", "", stem, flags=re.I) if dot else name
                found.append(BadName(rel, "file.not_yml", f"{as_slug(meant)}.yml"))
            elif suffix != "yml":
                found.append(BadName(rel, "file.yaml_suffix", f"{as_slug(stem)}.yml"))
            elif not _SLUG.match(stem):
                found.append(BadName(rel, "file.name", f"{as_slug(stem)}.yml"))
    return found
