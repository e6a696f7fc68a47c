"""What ``konexio diff`` says, in French (default) or English, with plural forms.

The French text is the msgid of the ``coordinators`` gettext domain, where each
language's words and plural forms live (``konexio/locale/<lang>/LC_MESSAGES/coordinators.po``).
"""

from __future__ import annotations

from konexio.i18n import COORDINATORS, N_, NN_

WORDS: dict[str, str | tuple[str, str]] = {
    "title": N_("Effet sur les séances et les créneaux bénévoles (comparé à `%(base)s`)"),
    "title_text": N_("Effet sur les séances et les créneaux bénévoles (comparé à %(base)s)"),
    "no_session_change": N_("Aucun changement de séance."),
    "no_shift_change": N_("Aucun créneau bénévole n'apparaît ni ne disparaît."),
    "preview": N_("Aperçu du site avec ce changement : %(url)s"),
    "cohorts": NN_("%(num)d cohorte touchée", "%(num)d cohortes touchées"),
    "new_cohorts": NN_("%(num)d nouvelle cohorte", "%(num)d nouvelles cohortes"),
    "removed_cohorts": NN_("%(num)d cohorte retirée", "%(num)d cohortes retirées"),
    "added": NN_("%(num)d séance ajoutée", "%(num)d séances ajoutées"),
    "removed": NN_("%(num)d séance supprimée", "%(num)d séances supprimées"),
    "cancelled": NN_("%(num)d séance annulée", "%(num)d séances annulées"),
    "restored": NN_("%(num)d séance rétablie", "%(num)d séances rétablies"),
    "moved": NN_("%(num)d séance déplacée", "%(num)d séances déplacées"),
    "shifts_added": NN_("%(num)d créneau bénévole en plus",
                        "%(num)d créneaux bénévoles en plus"),
    "shifts_removed": NN_("%(num)d créneau bénévole en moins",
                          "%(num)d créneaux bénévoles en moins"),
    "cohort_new": N_("Nouvelle cohorte : %(sessions)s."),
    "cohort_removed": N_("Cohorte retirée (elle avait %(sessions)s)."),
    "sessions": NN_("%(num)d séance", "%(num)d séances"),
    "heading": N_("antenne %(antenna)s, heures de %(timezone)s"),
    "line_added": N_("Ajoutée : %(when)s"),
    "line_removed": N_("Supprimée : %(when)s"),
    "line_removed_closed": N_("Supprimée : %(when)s (fermeture : %(reason)s)"),
    "line_cancelled": N_("Annulée : %(when)s (%(reason)s)"),
    "line_restored": N_("Rétablie : %(when)s"),
    "line_moved": N_("Déplacée : %(before)s → %(after)s"),
    "line_moved_because": N_("Déplacée : %(before)s → %(after)s (%(reason)s)"),
    "line_what": N_(
        "%(program)s, %(venue)s, cours en %(language)s, %(capacity)s places, "
        "statut : %(status)s"),
    "line_weekly": N_("Chaque semaine : %(slots)s"),
    "slot": N_("le %(weekday)s %(start)s–%(end)s"),
    "slot_room": N_("le %(weekday)s %(start)s–%(end)s, %(room)s"),
    "line_first_last": N_("Première séance : %(first)s ; dernière : %(last)s"),
    "slots_separator": N_(" ; "),
    "line_status": N_("Statut : %(before)s → %(after)s"),
    "line_capacity": N_("Places : %(before)s → %(after)s"),
    "line_shifts_added": N_("Créneaux bénévoles en plus : %(roles)s"),
    "line_shifts_removed": N_("Créneaux bénévoles en moins : %(roles)s"),
    "more": NN_("… et %(num)d autre", "… et %(num)d autres"),
    "truncated": NN_(
        "… liste coupée ici (%(num)d cohorte de plus) : lancez `konexio diff` pour tout "
        "voir.",
        "… liste coupée ici (%(num)d cohortes de plus) : lancez `konexio diff` pour tout "
        "voir."),
    "status_open": N_("ouverte"),
    "status_full": N_("complète"),
    "status_closed": N_("fermée"),
    "base_invalid": N_(
        "Les données de `%(base)s` ont des problèmes : impossible de comparer. Cette pull "
        "request ne peut pas en être la cause ; signalez-le à l'équipe technique."),
    "tree_invalid": N_(
        "Les données de cette modification ont des problèmes : l'effet sur les séances sera "
        "calculé quand ils seront corrigés. Chaque problème est signalé sur la ligne "
        "concernée (onglet « Files changed ») :"),
    "unknown_ref": N_(
        "konexio diff : « %(ref)s » n'est pas une révision connue de git (essayez « git fetch "
        "origin » ou --base avec une branche ou un commit)."),
    "no_git": N_(
        "konexio diff : git est introuvable ; installez-le pour comparer à une révision."),
    "git_failed": N_("konexio diff : git a échoué (%(command)s) : %(detail)s"),
}


def say(code: str, lang: str, n: int | None = None, **params: object) -> str:
    """The sentence ``code`` in ``lang``; ``n`` picks the plural form and fills ``%(num)d``."""
    message = WORDS[code]
    if isinstance(message, tuple):
        return COORDINATORS.ngettext(lang, *message, n if n is not None else 2, **params)
    return COORDINATORS.gettext(lang, message, **params)


def totals(head: str, details: list[str], lang: str) -> str:
    """'3 cohortes touchées : 2 séances annulées, 1 séance déplacée.'"""
    return COORDINATORS.gettext(lang, "%(head)s : %(details)s.", head=head,
                                details=", ".join(details))
