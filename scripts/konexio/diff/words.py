"""What ``konexio diff`` says, in French (default) or English, with plural forms."""

from __future__ import annotations

WORDS: dict[str, dict[str, str | tuple[str, str]]] = {
    "title": {
        "fr": "Effet sur les séances et les créneaux bénévoles (comparé à `{base}`)",
        "en": "Effect on sessions and volunteer shifts (compared with `{base}`)",
    },
    "title_text": {
        "fr": "Effet sur les séances et les créneaux bénévoles (comparé à {base})",
        "en": "Effect on sessions and volunteer shifts (compared with {base})",
    },
    "no_session_change": {
        "fr": "Aucun changement de séance.",
        "en": "No change to any session.",
    },
    "no_shift_change": {
        "fr": "Aucun créneau bénévole n'apparaît ni ne disparaît.",
        "en": "No volunteer shift appears or disappears.",
    },
    "preview": {
        "fr": "Aperçu du site avec ce changement : {url}",
        "en": "Preview of the site with this change: {url}",
    },
    "cohorts": {"fr": ("{n} cohorte touchée", "{n} cohortes touchées"),
                "en": ("{n} cohort affected", "{n} cohorts affected")},
    "new_cohorts": {"fr": ("{n} nouvelle cohorte", "{n} nouvelles cohortes"),
                    "en": ("{n} new cohort", "{n} new cohorts")},
    "removed_cohorts": {"fr": ("{n} cohorte retirée", "{n} cohortes retirées"),
                        "en": ("{n} cohort removed", "{n} cohorts removed")},
    "added": {"fr": ("{n} séance ajoutée", "{n} séances ajoutées"),
              "en": ("{n} session added", "{n} sessions added")},
    "removed": {"fr": ("{n} séance supprimée", "{n} séances supprimées"),
                "en": ("{n} session removed", "{n} sessions removed")},
    "cancelled": {"fr": ("{n} séance annulée", "{n} séances annulées"),
                  "en": ("{n} session cancelled", "{n} sessions cancelled")},
    "restored": {"fr": ("{n} séance rétablie", "{n} séances rétablies"),
                 "en": ("{n} session restored", "{n} sessions restored")},
    "moved": {"fr": ("{n} séance déplacée", "{n} séances déplacées"),
              "en": ("{n} session moved", "{n} sessions moved")},
    "shifts_added": {"fr": ("{n} créneau bénévole en plus", "{n} créneaux bénévoles en plus"),
                     "en": ("{n} volunteer shift more", "{n} volunteer shifts more")},
    "shifts_removed": {"fr": ("{n} créneau bénévole en moins",
                              "{n} créneaux bénévoles en moins"),
                       "en": ("{n} volunteer shift fewer", "{n} volunteer shifts fewer")},
    "cohort_new": {
        "fr": "Nouvelle cohorte : {sessions}.",
        "en": "New cohort: {sessions}.",
    },
    "cohort_removed": {
        "fr": "Cohorte retirée (elle avait {sessions}).",
        "en": "Cohort removed (it had {sessions}).",
    },
    "sessions": {"fr": ("{n} séance", "{n} séances"), "en": ("{n} session", "{n} sessions")},
    "heading": {
        "fr": "antenne {antenna}, heures de {timezone}",
        "en": "{antenna} antenna, times in {timezone}",
    },
    "line_added": {"fr": "Ajoutée : {when}", "en": "Added: {when}"},
    "line_removed": {"fr": "Supprimée : {when}", "en": "Removed: {when}"},
    "line_removed_closed": {"fr": "Supprimée : {when} (fermeture : {reason})",
                            "en": "Removed: {when} (closed: {reason})"},
    "line_cancelled": {"fr": "Annulée : {when} ({reason})", "en": "Cancelled: {when} ({reason})"},
    "line_restored": {"fr": "Rétablie : {when}", "en": "Restored: {when}"},
    "line_moved": {"fr": "Déplacée : {before} → {after}", "en": "Moved: {before} → {after}"},
    "line_status": {"fr": "Statut : {before} → {after}", "en": "Status: {before} → {after}"},
    "line_capacity": {"fr": "Places : {before} → {after}", "en": "Places: {before} → {after}"},
    "line_shifts_added": {"fr": "Créneaux bénévoles en plus : {roles}",
                          "en": "Volunteer shifts more: {roles}"},
    "line_shifts_removed": {"fr": "Créneaux bénévoles en moins : {roles}",
                            "en": "Volunteer shifts fewer: {roles}"},
    "more": {"fr": ("… et {n} autre", "… et {n} autres"),
             "en": ("… and {n} more", "… and {n} more")},
    "truncated": {
        "fr": "… liste coupée ici ({n} cohortes de plus) : lancez `konexio diff` pour tout voir.",
        "en": "… list cut here ({n} more cohorts): run `konexio diff` to see everything.",
    },
    "status_open": {"fr": "ouverte", "en": "open"},
    "status_full": {"fr": "complète", "en": "full"},
    "status_closed": {"fr": "fermée", "en": "closed"},
    "base_invalid": {
        "fr": "Les données de `{base}` ont des problèmes : impossible de comparer. Cette "
              "pull request ne peut pas en être la cause ; signalez-le à l'équipe technique.",
        "en": "The data at `{base}` has problems: nothing to compare with. This pull request "
              "cannot be the cause; tell the technical team.",
    },
    "tree_invalid": {
        "fr": "Les données de cette modification ont des problèmes : l'effet sur les séances "
              "sera calculé quand ils seront corrigés. Chaque problème est signalé sur la "
              "ligne concernée (onglet « Files changed ») :",
        "en": "The data of this change has problems: its effect on sessions will be computed "
              "once they are fixed. Each problem is shown on its line (\"Files changed\" tab):",
    },
    "unknown_ref": {
        "fr": "konexio diff : « {ref} » n'est pas une révision connue de git (essayez "
              "« git fetch origin » ou --base avec une branche ou un commit).",
        "en": "konexio diff: '{ref}' is not a revision git knows (try 'git fetch origin', or "
              "--base with a branch or a commit).",
    },
    "no_git": {
        "fr": "konexio diff : git est introuvable ; installez-le pour comparer à une révision.",
        "en": "konexio diff: git is not installed; install it to compare with a revision.",
    },
    "git_failed": {
        "fr": "konexio diff : git a échoué ({command}) : {detail}",
        "en": "konexio diff: git failed ({command}): {detail}",
    },
}


def say(code: str, lang: str, n: int | None = None, **params: object) -> str:
    """The sentence ``code`` in ``lang``; ``n`` picks the singular or plural form."""
    entry = WORDS[code]
    text = entry.get(lang, entry["fr"])
    if isinstance(text, tuple):
        text = text[0] if n is not None and (n == 1 or (lang == "fr" and n == 0)) else text[1]
        params["n"] = n
    return text.format(**params)
