"""What roles require (``volunteers/roles.yml``, ``requires``) against what the roster
records for each person: a yes in « accueil fait » and « 18 ans ou plus », the languages
in « langues d'interprétation ». Pure.

These columns are the coordinators': the sync writes their title once a role requires them
(``roster_columns``), never a person's cell; a role's requirement is checked only once its
column is in the roster's header (until then, one line says to run the sync). A date typed
where a yes is expected is reported, by its cell, and never read: the roster keeps no date
of birth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from konexio.i18n import COORDINATORS, N_, Message, Together
from konexio.model.volunteers import Requirement, Roles
from konexio.notify.people import Matching, SignUp
from konexio.sync.layout import column_letter, normalize
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.roster import OPTIONAL, ROSTER, ROSTER_HEADER, Volunteer
from konexio.sync.words import ADULT, INDUCTION, INTERPRETS, STAND_INS

COLUMNS = {Requirement.induction: INDUCTION, Requirement.adult: ADULT,
           Requirement.language: INTERPRETS}
EVERY_COLUMN = ROSTER_HEADER + OPTIONAL + tuple(COLUMNS.values())
"""Every column of the roster the tools read or write: what the privacy notice and the
record of processing (PRIVACY.md) must each name."""
YES = {"oui", "yes", "y", "o", "x", "1", "vrai", "true", "ok", "fait", "done", "نعم"}
_DATE = re.compile(r"\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}|\d{4}-\d{2}-\d{2}")


def is_yes(text: str) -> bool:
    return normalize(text) in YES


@dataclass(frozen=True)
class Lacking:
    """A sign-up whose person lacks what the shift's role requires."""

    signup: SignUp
    volunteer: Volunteer
    role: str
    requirement: Requirement


@dataclass(frozen=True)
class Checked:
    lacking: tuple[Lacking, ...]
    problems: tuple[Message, ...]


def _columns(header: tuple[str, ...]) -> dict[Requirement, int]:
    found = {}
    for requirement, label in COLUMNS.items():
        for col, typed in enumerate(header):
            if normalize(typed) == normalize(label):
                found[requirement] = col
                break
    return found


def check(roster: WorksheetSnapshot, matching: Matching, roles: Roles | None) -> Checked:
    """Every matched sign-up whose roster row lacks a requirement of its role, by cell."""
    requires = {role.id: role.requires for role in roles.roles} if roles else {}
    columns = _columns(roster.header if roster.exists else ())
    lacking: list[Lacking] = []
    problems: list[Message] = []
    wanted: dict[Requirement, set[str]] = {}
    dates: set[str] = set()
    for item in matching.matched:
        role = item.signup.shift_id.rsplit("/", 1)[-1]
        for requirement in requires.get(role, ()):
            col = columns.get(requirement)
            if col is None:
                wanted.setdefault(requirement, set()).add(role)
                continue
            typed = roster.cell(item.volunteer.row, col).strip()
            if requirement is Requirement.adult and _DATE.search(typed):
                dates.add(f"{ROSTER}!{column_letter(col)}{item.volunteer.row + 1}")
                met = False
            elif requirement is Requirement.language:
                met = bool(typed)
            else:
                met = is_yes(typed)
            if not met:
                lacking.append(Lacking(item.signup, item.volunteer, role, requirement))
    for requirement, needing in wanted.items():
        problems.append(COORDINATORS.message(N_(
            "%(roster)s : colonne « %(column)s » absente : lancez konexio sync (elle "
            "l'ajoute), puis remplissez-la, une personne par ligne : les rôles %(roles)s la "
            "demandent dans volunteers/roles.yml."),
            roster=ROSTER, column=COLUMNS[requirement], roles=Together(sorted(needing))))
    if dates:
        problems.append(COORDINATORS.message(N_(
            "%(cells)s : une date à la place de « oui » ; écrivez « oui » ou laissez vide "
            "(la liste ne garde aucune date de naissance) et effacez la date."),
            cells=Together(sorted(dates))))
    return Checked(tuple(lacking), tuple(problems))


def meets(roster: WorksheetSnapshot, row: int, requires) -> bool:
    """Whether the roster row ``row`` records every requirement of ``requires`` (a column
    not there yet: nobody can be said to meet it)."""
    columns = _columns(roster.header if roster.exists else ())
    for requirement in requires:
        col = columns.get(requirement)
        if col is None:
            return False
        typed = roster.cell(row, col).strip()
        if requirement is Requirement.language:
            if not typed:
                return False
        elif _DATE.search(typed) or not is_yes(typed):
            return False
    return True


def stand_in_rows(roster: WorksheetSnapshot) -> set[int]:
    """The roster rows whose « remplacements » cell says yes: asked to stand in."""
    if not roster.exists:
        return set()
    col = next((c for c, typed in enumerate(roster.header)
                if normalize(typed) == normalize(STAND_INS)), None)
    if col is None:
        return set()
    return {row for row in range(1, len(roster.rows)) if is_yes(roster.cell(row, col))}


def roster_columns(roles: Roles | None) -> tuple[str, ...]:
    """The roster's optional columns a sync gives a header cell: stand-ins and digests,
    then the column of each requirement some role has (in ``Requirement``'s order)."""
    used = {requirement for role in (roles.roles if roles else ()) for requirement in role.requires}
    return OPTIONAL + tuple(label for requirement, label in COLUMNS.items()
                            if requirement in used)
