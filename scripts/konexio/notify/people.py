"""Who signed up for what: names in sign-up cells, matched to the roster.

Matching ignores case, accents and spaces (``Éloïse  Martin`` is ``eloise martin``): what
volunteers type varies, what they mean does not. A name matching no roster row, or two, is
reported by its cell, never by its content (unless ``--show-names``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from konexio.i18n import COORDINATORS, NN_, Message, Together
from konexio.sync.layout import (
    DATE,
    END,
    ID,
    START,
    STATUS,
    VENUE,
    column_letter,
    is_signup,
    normalize,
    signup_number,
    split_mark,
)
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.roster import ROSTER, Roster, Volunteer


@dataclass(frozen=True)
class Row:
    """The generated cells of a shift row as last synced (what the sheet shows)."""

    date: str
    start: str
    end: str
    place: str
    status: str


@dataclass(frozen=True)
class SignUp:
    """A name typed in a sign-up cell. ``row``/``col`` are 0-based."""

    shift_id: str
    name: str
    title: str
    row: int
    col: int
    sheet: Row
    slot: int = 0
    """The number of its sign-up column (``bénévole 3``: 3): the order names wait in."""
    unavailable: bool = False
    """Marked "(empêché·e)" after the name: cannot come (``name`` is without the mark)."""

    @property
    def position(self) -> str:
        return f"{self.title}!{column_letter(self.col)}{self.row + 1}"


def read_signups(snapshot: WorksheetSnapshot) -> list[SignUp]:
    """Every non-empty sign-up cell of a shift worksheet, with its row's generated cells."""
    header = snapshot.header
    if ID not in header:
        return []
    at = {label: header.index(label) for label in (ID, DATE, START, END, VENUE, STATUS)
          if label in header}
    signup_cols = [col for col, label in enumerate(header) if is_signup(label)]
    slots = {col: signup_number(header[col]) or 0 for col in signup_cols}
    found = []
    for row in range(1, len(snapshot.rows)):
        ident = snapshot.cell(row, at[ID]).strip()
        if not ident:
            continue
        sheet = Row(*(snapshot.cell(row, at[label]).strip() if label in at else ""
                      for label in (DATE, START, END, VENUE, STATUS)))
        for col in signup_cols:
            name, away = split_mark(snapshot.cell(row, col))
            if name:
                found.append(SignUp(ident, name, snapshot.title, row, col, sheet, slots[col],
                                    away))
    return found


def waiting(signups: list[SignUp], needed: dict[str, int]) -> dict[SignUp, int]:
    """The waiting list: names typed beyond a shift's capacity. A shift's names count in the
    order of their sign-up columns (``bénévole 1``, ``bénévole 2``...); the first ``needed``
    are its team, the others wait, each with its place in the queue (1 first). Clear a name
    of the team and the first one waiting is in it. Shifts no longer in the data: nobody
    waits."""
    by_shift: dict[str, list[SignUp]] = {}
    for signup in signups:
        if not signup.unavailable:  # cannot come: neither in the team nor waiting
            by_shift.setdefault(signup.shift_id, []).append(signup)
    queue: dict[SignUp, int] = {}
    for shift_id, group in by_shift.items():
        if shift_id not in needed:
            continue
        group.sort(key=lambda s: (s.slot, s.row, s.col))
        for place, signup in enumerate(group[needed[shift_id]:], start=1):
            queue[signup] = place
    return queue


@dataclass(frozen=True)
class Matched:
    volunteer: Volunteer
    signup: SignUp


@dataclass(frozen=True)
class Matching:
    matched: tuple[Matched, ...]
    unmatched: tuple[SignUp, ...]
    """Names found in no roster row."""
    ambiguous: tuple[SignUp, ...]
    """Names found in two roster rows or more: nobody is written to."""
    duplicates: tuple[tuple[Volunteer, ...], ...]


def match(roster: Roster, signups: list[SignUp]) -> Matching:
    by_name: dict[str, list[Volunteer]] = {}
    for volunteer in roster.volunteers:
        if volunteer.name:
            by_name.setdefault(normalize(volunteer.name), []).append(volunteer)
    matched, unmatched, ambiguous = [], [], []
    for signup in signups:
        found = by_name.get(normalize(signup.name), [])
        if len(found) == 1:
            matched.append(Matched(found[0], signup))
        elif found:
            ambiguous.append(signup)
        else:
            unmatched.append(signup)
    duplicates = tuple(tuple(v) for v in by_name.values() if len(v) > 1)
    return Matching(tuple(matched), tuple(unmatched), tuple(ambiguous), duplicates)


def nearest(roster: Roster, typed: str) -> list[Volunteer]:
    """Roster rows whose name is close to a name typed in a sign-up cell (a typo, a
    missing letter): what the coordinator probably meant."""
    by_name = {normalize(v.name): v for v in roster.volunteers if v.name}
    close = difflib.get_close_matches(normalize(typed), list(by_name), n=2, cutoff=0.75)
    return [by_name[name] for name in close]


def unknown_lines(roster: Roster, unmatched: tuple[SignUp, ...] | list[SignUp],
                  show_names: bool) -> list[Message]:
    """Sign-ups whose name is on no roster row, for a coordinator: by cell, with the roster
    row that looks like it (names only when ``show_names``: a terminal, not a log)."""
    if not unmatched:
        return []
    lines = [COORDINATORS.message(NN_(
        "%(num)d inscription dont le nom n'est sur aucune ligne de %(roster)s : cette "
        "personne ne reçoit aucun message ; ajoutez-la à %(roster)s ou corrigez le nom "
        "tapé : %(where)s",
        "%(num)d inscriptions dont le nom n'est sur aucune ligne de %(roster)s : ces "
        "personnes ne reçoivent aucun message ; ajoutez-les à %(roster)s ou corrigez les "
        "noms tapés : %(where)s"),
        num=len(unmatched), roster=ROSTER,
        where=Together(s.name if show_names else s.position for s in unmatched))]
    for signup in unmatched:
        near = nearest(roster, signup.name)
        if not near:
            continue
        if show_names:
            lines.append(COORDINATORS.message(NN_(
                "%(cell)s « %(typed)s » : vouliez-vous dire %(near)s ?",
                "%(cell)s « %(typed)s » : vouliez-vous dire %(near)s ?"),
                cell=signup.position, typed=signup.name, num=len(near),
                near=Together(f"« {v.name} » ({v.position})" for v in near)))
        else:
            lines.append(COORDINATORS.message(NN_(
                "%(cell)s ressemble au nom de %(near)s (--show-names pour voir les noms)",
                "%(cell)s ressemble aux noms de %(near)s (--show-names pour voir les noms)"),
                cell=signup.position, num=len(near), near=Together(v.position for v in near)))
    return lines
