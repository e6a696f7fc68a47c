"""What ``konexio new`` tells the person running it, in French (default) or English.

The French text is the msgid of the ``coordinators`` gettext domain, where each
language's words live (``konexio/locale/<lang>/LC_MESSAGES/coordinators.po``).
"""

from __future__ import annotations

from typing import Any

from konexio.i18n import COORDINATORS, N_, NN_

WORDS: dict[str, str | tuple[str, str]] = {
    "exists": N_(
        "%(path)s existe déjà : rien n'a été écrit. Choisissez un autre identifiant "
        "(--id) ou modifiez ce fichier."),
    "unknown": N_("%(what)s « %(value)s » n'existe pas (fichiers dans %(where)s).%(hint)s"),
    "unknown_venue": N_(
        "Le lieu « %(value)s » n'est pas un lieu de l'antenne %(antenna)s "
        "(lieux : %(allowed)s).%(hint)s"),
    "antenna_invalid": N_(
        "Le fichier %(path)s a des problèmes ; corrigez-les d'abord (konexio validate)."),
    "bad_date": N_(
        "« %(value)s » n'est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2026-09-07."),
    "bad_id": N_(
        "« %(value)s » n'est pas un identifiant valide ; utilisez des minuscules sans "
        "accent, des chiffres et des tirets, par exemple digitall-beginner."),
    "bad_weeks": N_(
        "--weeks %(value)s : une cohorte dure de 1 à %(max)s semaines ; écrivez par exemple "
        "--weeks 5."),
    "bad_country": N_(
        "Les jours fériés du pays « %(value)s » sont inconnus : écrivez un code ISO à deux "
        "lettres en majuscules, par exemple --country FR.%(hint)s"),
    "bad_timezone": N_(
        "« %(value)s » n'est pas un fuseau horaire IANA : écrivez par exemple "
        "--timezone Europe/Paris.%(hint)s"),
    "all_closed": N_(
        "Du %(start)s au %(end)s, toutes les séances tombent un jour sans cours (%(reasons)s) : "
        "la cohorte serait annoncée sans séance. Rien n'a été écrit ; choisissez un "
        "autre début (--start) ou une autre durée (--weeks)."),
    "end_before_start": N_("La fin (%(end)s) est avant le début (%(start)s)."),
    "flow_closures": N_(
        "Dans %(path)s, « closures: » est écrit sur une seule ligne entre crochets ; "
        "écrivez une fermeture par élément « - start: » puis relancez."),
    "insert_failed": N_(
        "Impossible d'ajouter la fermeture à %(path)s sans risque : rien n'a été écrit ; "
        "vérifiez le fichier avec konexio validate, ou ajoutez-la à la main "
        "(CONTRIBUTING.md)."),
    "wrote": N_("Fichier créé : %(path)s"),
    "added": N_("Fermeture ajoutée à %(path)s (ligne %(line)s)."),
    "review": N_("À vérifier avant d'ouvrir la pull request :"),
    "valid": N_("konexio validate : aucun problème dans ce fichier."),
    "problems": N_("konexio validate signale, dans ce fichier, ce qu'il reste à compléter :"),
    "review_dates": NN_("- les dates : du %(start)s au %(end)s (%(weeks)s semaine) ;",
                        "- les dates : du %(start)s au %(end)s (%(weeks)s semaines) ;"),
    "review_sessions_copied": N_("- les séances, copiées de %(source)s : %(sessions)s ;"),
    "review_sessions_default": N_(
        "- les séances (aucune cohorte de ce programme à copier) : %(sessions)s ;"),
    "review_rest": N_(
        "- le lieu (%(venue)s), la langue (%(language)s), les places (%(capacity)s) ; "
        "« konexio validate » relit tout."),
    "program": N_("le programme"),
    "antenna": N_("l'antenne"),

}
COUNTS = {"review_dates": "weeks"}
"""The parameter that picks the plural form of each sentence with plural forms."""


def say(code: str, lang: str = "fr", **params: Any) -> str:
    """The sentence ``code`` in ``lang`` (French in a language it lacks)."""
    if "what" in params:  # starts the sentence
        what = COORDINATORS.gettext(lang, WORDS[params["what"]])
        params["what"] = what[:1].upper() + what[1:]
    suggestion = params.pop("suggestion", "")
    params["hint"] = " " + COORDINATORS.gettext(lang, "Vouliez-vous dire « %(suggestion)s » ?",
                                                suggestion=suggestion) if suggestion else ""
    message = WORDS[code]
    if isinstance(message, tuple):
        return COORDINATORS.ngettext(lang, *message, int(params[COUNTS[code]]), **params)
    return COORDINATORS.gettext(lang, message, **params)


class ScaffoldError(Exception):
    """A request ``konexio new`` cannot honour; ``say`` turns it into a sentence."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "fr") -> str:
        return say(self.code, lang, **dict(self.params))
