"""``konexio coverage``: which shifts still need people, and who is booked twice at once.

Names are printed to the coordinator's terminal only (people booked twice, people absent
without excuse twice or more, from the attendance marks of ``Présences``); sign-ups whose
roster row lacks what the role requires (``requires`` in ``volunteers/roles.yml``) are
listed by cell, names only with ``--show-names``. The counts of
open slots (no names) go to ``.cache/open-slots.json`` for the site's volunteers page, and
the hours volunteers gave this year and last, per antenna, rounded, no names, to
``.cache/volunteer-hours.json`` for its impact page.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from babel.dates import format_date

from konexio.cli import add_common, stopped
from konexio.commands.sync import add_backend_options, make_backend
from konexio.i18n import BY_CODE, COORDINATORS
from konexio.sync.retry import SyncError


def register(sub) -> None:
    command = sub.add_parser("coverage", help="list shifts still needing volunteers")
    add_common(command)
    add_backend_options(command)
    command.add_argument("--weeks", type=int, default=2,
                         help="how far ahead to look, in weeks (default: 2)")
    command.add_argument("--antenna", default=None,
                         help="only this antenna (its id, e.g. lille); the site's counts "
                              "are then left as they are")
    command.add_argument("--show-names", action="store_true",
                         help="print the names typed in sign-ups that match no roster row "
                              "(on your terminal; never in a shared log)")
    command.add_argument("--today", type=date.fromisoformat, default=None,
                         help="act as on this day (YYYY-MM-DD; default: now)")
    command.add_argument("--absences-weeks", type=int, default=8,
                         help="who missed two sessions or more without excuse in the last "
                              "N weeks (default: 8; names on your terminal only)")
    command.set_defaults(run=run)


def _when(shift, lang: str) -> str:
    """``2026-11-23 lundi 14:00-16:00``, the weekday in the coordinator's language."""
    day = format_date(shift.start, "EEEE", locale=BY_CODE[lang].locale)
    return f"{shift.start:%Y-%m-%d} {day} {shift.start:%H:%M}-{shift.end:%H:%M}"


class _Names:
    """What a shift is, in the coordinator's language (shifts carry the sheets' French):
    ``Paris · Centre Belleville — Salle 1 · DigitAll débutant · Formateur``."""

    def __init__(self, dataset, occurrences, lang: str):
        self.dataset, self.occurrences, self.lang = dataset, occurrences, lang
        self.roles = {role.id: role.name for role in dataset.roles.model.roles} \
            if dataset.roles else {}

    def role(self, shift) -> str:
        name = self.roles.get(shift.role)
        return name.get(self.lang) if name else shift.role

    def __call__(self, shift) -> str:
        antenna = self.dataset.antennas[shift.antenna].model
        occurrence = self.occurrences.get(shift.occurrence)
        venue = antenna.venue(occurrence.venue) if occurrence else None
        place = venue.name.get(self.lang) if venue else shift.venue
        if occurrence and occurrence.room:
            place = f"{place} — {occurrence.room}"
        cohort = self.dataset.cohorts[shift.cohort].model
        program = self.dataset.programs[cohort.program].model.name.get(self.lang)
        return f"{antenna.name.get(self.lang)} · {place} · {program} · {self.role(shift)}"


def _line(lang: str, what: str, value: str) -> str:
    return "  " + COORDINATORS.gettext(lang, "%(what)s : %(value)s", what=what, value=value)


def run(args) -> int:
    from konexio.hours import write_volunteer_hours
    from konexio.hours.attendance import read_marks
    from konexio.hours.count import attendance, no_shows, yearly_hours
    from konexio.notify.people import match, read_signups, unknown_lines
    from konexio.shifts import by_antenna, shifts
    from konexio.sync import write_open_slots
    from konexio.sync.coverage import coverage
    from konexio.sync.requirements import COLUMNS, check
    from konexio.sync.roster import ROSTER, read_roster
    from konexio.sync.run import worksheet_titles
    from konexio.sync.words import PRESENCES
    from konexio.validate import load_valid
    from konexio.validate.structure import suggest

    dataset, schedule = load_valid(args.root)
    all_shifts = shifts(dataset, schedule)
    titles = worksheet_titles(dataset)
    lang = args.lang
    if args.antenna is not None:
        if args.antenna not in titles:
            close = suggest(args.antenna, titles)
            print(COORDINATORS.gettext(
                lang, "konexio coverage : pas d'antenne « %(antenna)s » ; écrivez l'un de : "
                      "%(choices)s.", antenna=args.antenna,
                choices=", ".join(sorted(titles))) + (
                " " + COORDINATORS.gettext(lang, "Vouliez-vous dire « %(value)s » ?",
                                           value=close) if close else ""), file=sys.stderr)
            return 2
        all_shifts = tuple(s for s in all_shifts if s.antenna == args.antenna)
        titles = {args.antenna: titles[args.antenna]}
    grouped = by_antenna(all_shifts)
    unknown = []
    typed_all, marks, lacking = [], [], []
    try:
        backend = make_backend(args, dataset)
        snapshots = []
        required = {a: t for a, t in titles.items() if a in grouped}
        for target in backend.targets(required, {}):
            read = backend.read(replace(target, extra=(ROSTER, PRESENCES)))
            roster_sheet = read.snapshots.pop(ROSTER)
            roster = read_roster(roster_sheet)
            marks.append(read_marks(read.snapshots.pop(PRESENCES)))
            snapshots += list(read.snapshots.values())
            typed = [found for title in target.titles.values()
                     for found in read_signups(read.snapshots[title])]
            typed_all += [(typed, marks[-1])]
            matching = match(roster, typed)
            unknown += unknown_lines(roster, matching.unmatched, args.show_names)
            checked = check(roster_sheet, matching,
                            dataset.roles.model if dataset.roles else None)
            lacking += checked.lacking
            unknown += checked.problems
    except SyncError as error:
        stopped("coverage", error, args.lang)
        return 2
    now = datetime.combine(args.today, time(0), UTC) if args.today else datetime.now(UTC)
    found = coverage(snapshots, all_shifts, now, args.weeks)
    # Who came: each target's sign-ups with its own attendance marks (Présences).
    given = [g for typed, own in typed_all
             for g in attendance(all_shifts, typed, own, now).given]
    if args.antenna is None:
        write_open_slots(args.root, found.open_slots)
        write_volunteer_hours(args.root, yearly_hours(given, (now.year - 1, now.year)))
    print(COORDINATORS.ngettext(
        lang, "Créneaux où il manque des bénévoles dans la semaine qui vient :",
        "Créneaux où il manque des bénévoles dans les %(num)d prochaines semaines :",
        args.weeks))
    names = _Names(dataset, {o.key: o for o in schedule.occurrences}, lang)
    for item in found.open:
        s = item.shift
        free = COORDINATORS.ngettext(lang, "%(num)d/%(needed)d libre", "%(num)d/%(needed)d libres",
                                     item.open, needed=s.needed)
        print(_line(lang, f"{_when(s, lang)}  {names(s)}", free))
    if not found.open:
        print("  " + COORDINATORS.gettext(lang, "aucun"))
    if found.waiting:
        print(COORDINATORS.gettext(lang, "Listes d'attente (noms tapés au-delà du besoin) :"))
        for shift, count in found.waiting:
            print(_line(lang, f"{_when(shift, lang)}  {names(shift)}", COORDINATORS.ngettext(
                lang, "%(num)d en attente", "%(num)d en attente", count)))
    if found.overlaps:
        print(COORDINATORS.gettext(lang, "Inscrits sur deux créneaux qui se chevauchent :"))
        for overlap in found.overlaps:
            first, second = overlap.first, overlap.second
            print(_line(lang, overlap.name,
                        f"{_when(first, lang)} ({names.role(first)}) / "
                        f"{_when(second, lang)} ({names.role(second)})"))
    to_come = {s.id: s for s in all_shifts if not s.cancelled and s.start >= now}
    lacking = [item for item in lacking if item.signup.shift_id in to_come]
    if lacking:
        print(COORDINATORS.gettext(
            lang, "Inscriptions à qui il manque ce que le rôle demande (volunteers/roles.yml) :"))
        for item in lacking:
            shift = to_come[item.signup.shift_id]
            who = f"{item.volunteer.name}, " if args.show_names else ""
            print(_line(lang, f"{item.signup.position} ({who}{item.volunteer.position})",
                        f"{_when(shift, lang)} · {names.role(shift)} · "
                        f"{COLUMNS[item.requirement]}"))
    since = (now - timedelta(weeks=args.absences_weeks)).date()
    shows = no_shows(given, since, now.date())
    if shows:
        print(COORDINATORS.ngettext(
            lang, "Absents sans excuse à deux séances ou plus, la semaine passée :",
            "Absents sans excuse à deux séances ou plus, ces %(num)d dernières semaines :",
            args.absences_weeks))
        for name, items in shows:
            days = ", ".join(sorted({f"{item.shift.start:%Y-%m-%d}" for item in items}))
            print(_line(lang, name, days))
    for line in unknown:
        print(line.text(lang))
    for found_marks in marks:  # a word in Présences that is no mark: by cell
        for problem in found_marks.problems:
            print(problem.text(lang))
    return 0
