"""``konexio coverage``: which shifts still need people, and who is booked twice at once.

Names are printed to the coordinator's terminal only. The counts of open slots (no names)
go to ``.cache/open-slots.json`` for the site's volunteers page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from konexio.cli import add_common, stopped
from konexio.commands.sync import add_backend_options, make_backend
from konexio.i18n import COORDINATORS
from konexio.sync.retry import SyncError


def register(sub) -> None:
    command = sub.add_parser("coverage", help="list shifts still needing volunteers")
    add_common(command)
    add_backend_options(command)
    command.add_argument("--weeks", type=int, default=2,
                         help="how far ahead to look, in weeks (default: 2)")
    command.set_defaults(run=run)


def _when(shift) -> str:
    return f"{shift.start:%Y-%m-%d} {shift.weekday} {shift.start:%H:%M}-{shift.end:%H:%M}"


def run(args) -> int:
    from konexio.shifts import by_antenna, shifts
    from konexio.sync import write_open_slots
    from konexio.sync.coverage import coverage
    from konexio.sync.run import worksheet_titles
    from konexio.validate import load_valid

    dataset, schedule = load_valid(args.root)
    all_shifts = shifts(dataset, schedule)
    titles = worksheet_titles(dataset)
    grouped = by_antenna(all_shifts)
    try:
        backend = make_backend(args, dataset)
        snapshots = []
        required = {a: t for a, t in titles.items() if a in grouped}
        for target in backend.targets(required, {}):
            snapshots += list(backend.read(target).snapshots.values())
    except SyncError as error:
        stopped("coverage", error, args.lang)
        return 2
    found = coverage(snapshots, all_shifts, datetime.now(UTC), args.weeks)
    write_open_slots(args.root, found.open_slots)
    lang = args.lang
    print(COORDINATORS.ngettext(
        lang, "Créneaux où il manque des bénévoles dans la semaine qui vient :",
        "Créneaux où il manque des bénévoles dans les %(num)d prochaines semaines :",
        args.weeks))
    for item in found.open:
        s = item.shift
        free = COORDINATORS.ngettext(lang, "%(num)d/%(needed)d libre", "%(num)d/%(needed)d libres",
                                     item.open, needed=s.needed)
        print(f"  {_when(s)}  {titles[s.antenna]} · {s.venue} · {s.program} · {s.role_name}"
              f" : {free}")
    if not found.open:
        print("  " + COORDINATORS.gettext(lang, "aucun"))
    if found.overlaps:
        print(COORDINATORS.gettext(lang, "Inscrits sur deux créneaux qui se chevauchent :"))
        for overlap in found.overlaps:
            print(f"  {overlap.name} : {_when(overlap.first)} ({overlap.first.role_name}) "
                  f"/ {_when(overlap.second)} ({overlap.second.role_name})")
    return 0
