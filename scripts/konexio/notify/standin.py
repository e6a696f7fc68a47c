"""Stand-ins: a volunteer who cannot come types « (empêché·e) » after their name in their
sign-up cell (what they typed stays). Pure.

While the shift is short of people because of it, and until ``stand_in_days`` before the
session (``volunteers/roles.yml``, 2 by default), the volunteers of that role at that
antenna (those who signed up for it on the antenna's sheet) whose roster row says yes to
« remplacements », who are not on that shift and who meet what the role requires, are
asked once each; after that day the coordinators are told instead, once: the roster's
rows that say « coordination » in « résumé de la semaine » (as for the antenna's digest), or,
without any, the antenna's contact address. A name marked
« (empêché·e) » leaves its place to the first one waiting, if any, before anyone is asked.
"""

from __future__ import annotations

from datetime import date, timedelta

from konexio.expand.occurrences import Occurrence
from konexio.model.dataset import Dataset
from konexio.notify.changes import Kind, Letter, Mail, current_state
from konexio.notify.people import Matching, SignUp
from konexio.shifts import Shift
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.requirements import meets, stand_in_rows
from konexio.sync.roster import Volunteer

DEFAULT_DAYS = 2


def antenna_contact(dataset: Dataset, antenna: str) -> Volunteer | None:
    """The antenna's contact, as the recipient of a late stand-in (French, no roster row)."""
    entry = dataset.antennas.get(antenna)
    if entry is None or not entry.model.contact.email:
        return None
    return Volunteer(row=-1, name=entry.model.name.fr, email=entry.model.contact.email,
                     language="fr", reminders=False, token="")


def stand_ins(matching: Matching, signups: list[SignUp], shifts: dict[str, Shift],
              occurrences: dict[str, Occurrence], dataset: Dataset,
              roster: WorksheetSnapshot, asked, today: date,
              coordinators: tuple[Volunteer, ...] = ()) -> list[Letter]:
    """The letters asking for stand-ins (``asked(email, shift_id, kind)``: sent already;
    ``coordinators``: who is told once it is late, before the antenna's address)."""
    roles = dataset.roles.model if dataset.roles else None
    days = roles.stand_in_days if roles else DEFAULT_DAYS
    requires = {role.id: role.requires for role in roles.roles} if roles else {}
    willing = stand_in_rows(roster)
    on_shift: dict[str, set[str]] = {}
    of_role: dict[tuple[str, str], dict[str, Volunteer]] = {}
    for item in matching.matched:
        email = item.volunteer.email.casefold()
        on_shift.setdefault(item.signup.shift_id, set()).add(email)
        shift = shifts.get(item.signup.shift_id)
        if shift is not None:
            of_role.setdefault((shift.antenna, shift.role), {}).setdefault(email, item.volunteer)
    coming: dict[str, int] = {}
    away: dict[str, SignUp] = {}
    gone: dict[str, int] = {}
    for signup in signups:
        if signup.unavailable:
            away.setdefault(signup.shift_id, signup)
            gone[signup.shift_id] = gone.get(signup.shift_id, 0) + 1
        else:
            coming[signup.shift_id] = coming.get(signup.shift_id, 0) + 1
    mails: dict[str, list[Mail]] = {}
    for shift_id, signup in away.items():
        shift = shifts.get(shift_id)
        occurrence = occurrences.get(shift.occurrence) if shift else None
        if shift is None or occurrence is None or occurrence.cancelled:
            continue
        there = coming.get(shift_id, 0)
        if occurrence.start.date() < today or there >= min(shift.needed, there + gone[shift_id]):
            continue  # past, or someone took the place (or was waiting for it)
        now = current_state(occurrence)
        if today <= occurrence.start.date() - timedelta(days=days):
            kind = Kind.stand_in
            people = [v for email, v in of_role.get((shift.antenna, shift.role), {}).items()
                      if v.reachable and v.row in willing and email not in on_shift[shift_id]
                      and meets(roster, v.row, requires.get(shift.role, ()))]
        else:
            kind = Kind.stand_in_late
            contact = antenna_contact(dataset, shift.antenna)
            people = [v for v in coordinators if v.reachable] or ([contact] if contact else [])
        for person in people:
            if asked(person.email, shift_id, kind):
                continue
            mails.setdefault(person.email.casefold(), []).append(Mail(
                kind=kind, volunteer=person, signup=signup, antenna=shift.antenna,
                shift=shift, occurrence=occurrence, before=now, now=now, sequence=0))
    return [Letter(group[0].volunteer, tuple(group)) for group in mails.values()]
