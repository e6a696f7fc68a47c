"""``konexio forget "<name or e-mail>"``: honour a volunteer's request to be erased.

Runs a sync whose writes also erase the person (``sync.erasure.forget``): roster row
cleared (token revoked), name gone from sessions to come, pseudonym in past sign-ups and in
the journal. Prints cells, never the person. ``--dry-run`` first shows what would change.
Run twice, the second run finds nothing left.
"""

from __future__ import annotations

from datetime import date

from konexio.cli import add_common, stopped
from konexio.commands.sync import add_backend_options, cells, make_backend
from konexio.i18n import COORDINATORS, N_, Together
from konexio.sync.requirements import roster_columns
from konexio.sync.retry import SyncError

WHY = {"past": N_("pseudonyme dans les inscriptions passées : %(cells)s"),
       "future": N_("nom retiré des inscriptions à venir (place libérée) : %(cells)s"),
       "journal": N_("adresse remplacée par le pseudonyme dans le journal : %(cells)s"),
       "marks": N_("nom remplacé par le pseudonyme dans les marques de présence (ses heures "
                   "restent comptées) : %(cells)s"),
       "roster": N_("ligne effacée, agenda personnel révoqué : %(cells)s")}


def register(sub) -> None:
    command = sub.add_parser("forget", help="erase a volunteer (name or e-mail) on request")
    add_common(command)
    add_backend_options(command)
    command.add_argument("who", help="the person's name as in the roster, or their e-mail")
    command.add_argument("--dry-run", action="store_true",
                         help="show which cells would change, change nothing")
    command.add_argument("--today", type=date.fromisoformat, default=None,
                         help="the day that separates past and coming sessions "
                              "(YYYY-MM-DD; default: today)")
    command.set_defaults(run=run)


class Ambiguous(SyncError):
    """Two roster rows or more answer to the name: which one is meant is not guessed."""


def run(args) -> int:
    from konexio.shifts import shifts
    from konexio.sync.erasure import find, forget
    from konexio.sync.run import sync_shifts, worksheet_titles
    from konexio.validate import load_valid

    dataset, schedule = load_valid(args.root)
    today = args.today or date.today()
    lang = args.lang

    def erase(snapshots, titles, roster):
        found = find(roster, args.who)
        if len(found) > 1:
            raise Ambiguous(COORDINATORS.message(N_(
                "plusieurs lignes de Bénévoles répondent à ce nom (%(rows)s) : rien n'est "
                "effacé ; donnez plutôt l'adresse e-mail de la personne."),
                rows=Together(v.position for v in found)))
        return forget(snapshots, titles, roster, args.who, today)

    try:
        backend = make_backend(args, dataset)
        summary = sync_shifts(shifts(dataset, schedule), worksheet_titles(dataset), backend,
                              args.dry_run, erase=erase, extra_columns=roster_columns(
                                  dataset.roles.model if dataset.roles else None))
    except SyncError as error:
        stopped("forget", error, lang)
        return 2
    for line in summary.lines:
        print(line.text(lang))
    if not summary.erased:
        print(COORDINATORS.gettext(lang, "Personne de ce nom ou de cette adresse dans "
                                         "Bénévoles, les inscriptions ou le journal : rien à "
                                         "effacer."))
        return 0
    for why, words in WHY.items():
        changed = [c for c in summary.erased if c.why == why]
        if changed:
            print(COORDINATORS.message(words, cells=cells(changed)).text(lang))
    total = COORDINATORS.ngettext(lang, "%(num)d cellule ou ligne", "%(num)d cellules ou lignes",
                                  len(summary.erased))
    if args.dry_run:
        print(COORDINATORS.gettext(lang, "Simulation : %(total)s changeraient ; rien n'a été "
                                         "écrit. Relancez sans --dry-run pour effacer.",
                                   total=total))
    else:
        print(COORDINATORS.gettext(lang, "Effacé : %(total)s. L'agenda personnel disparaît à "
                                         "la prochaine publication des agendas.", total=total))
    return 0

