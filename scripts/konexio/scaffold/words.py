"""What ``konexio new`` tells the person running it, in French (default) or English."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, dict[str, str]] = {
    "exists": {
        "fr": "{path} existe déjà : rien n'a été écrit. Choisissez un autre identifiant "
              "(--id) ou modifiez ce fichier.",
        "en": "{path} already exists: nothing was written. Pick another id (--id) or edit "
              "that file.",
    },
    "unknown": {
        "fr": "{what} « {value} » n'existe pas (fichiers dans {where}).{hint}",
        "en": "{what} '{value}' does not exist (files in {where}).{hint}",
    },
    "unknown_venue": {
        "fr": "Le lieu « {value} » n'est pas un lieu de l'antenne {antenna} "
              "(lieux : {allowed}).{hint}",
        "en": "The venue '{value}' is not a venue of the {antenna} antenna "
              "(venues: {allowed}).{hint}",
    },
    "antenna_invalid": {
        "fr": "Le fichier {path} a des problèmes ; corrigez-les d'abord (konexio validate).",
        "en": "{path} has problems; fix them first (konexio validate).",
    },
    "bad_date": {
        "fr": "« {value} » n'est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2026-09-07.",
        "en": "'{value}' is not a date; write it YYYY-MM-DD, for example 2026-09-07.",
    },
    "bad_id": {
        "fr": "« {value} » n'est pas un identifiant valide ; utilisez des minuscules sans "
              "accent, des chiffres et des tirets, par exemple digitall-beginner.",
        "en": "'{value}' is not a valid identifier; use lower-case letters without accents, "
              "digits and dashes, for example digitall-beginner.",
    },
    "bad_weeks": {
        "fr": "--weeks {value} : une cohorte dure de 1 à {max} semaines ; écrivez par exemple "
              "--weeks 5.",
        "en": "--weeks {value}: a cohort lasts 1 to {max} weeks; write for example --weeks 5.",
    },
    "bad_country": {
        "fr": "Les jours fériés du pays « {value} » sont inconnus : écrivez un code ISO à deux "
              "lettres en majuscules, par exemple --country FR.{hint}",
        "en": "Public holidays of country '{value}' are unknown: write a two-letter ISO code "
              "in capitals, for example --country FR.{hint}",
    },
    "bad_timezone": {
        "fr": "« {value} » n'est pas un fuseau horaire IANA : écrivez par exemple "
              "--timezone Europe/Paris.{hint}",
        "en": "'{value}' is not an IANA time zone: write for example "
              "--timezone Europe/Paris.{hint}",
    },
    "all_closed": {
        "fr": "Du {start} au {end}, toutes les séances tombent un jour sans cours ({reasons}) : "
              "la cohorte serait annoncée sans séance. Rien n'a été écrit ; choisissez un "
              "autre début (--start) ou une autre durée (--weeks).",
        "en": "From {start} to {end}, every session falls on a day without class ({reasons}): "
              "the cohort would be advertised with no session. Nothing was written; pick "
              "another start (--start) or length (--weeks).",
    },
    "end_before_start": {
        "fr": "La fin ({end}) est avant le début ({start}).",
        "en": "The end ({end}) is before the start ({start}).",
    },
    "flow_closures": {
        "fr": "Dans {path}, « closures: » est écrit sur une seule ligne entre crochets ; "
              "écrivez une fermeture par élément « - start: » puis relancez.",
        "en": "In {path}, 'closures:' is written on one line in brackets; write one "
              "'- start:' item per closure and run again.",
    },
    "insert_failed": {
        "fr": "Impossible d'ajouter la fermeture à {path} sans risque : rien n'a été écrit ; "
              "vérifiez le fichier avec konexio validate, ou ajoutez-la à la main "
              "(CONTRIBUTING.md).",
        "en": "The closure cannot be added to {path} safely: nothing was written; check the "
              "file with konexio validate, or add it by hand (CONTRIBUTING.en.md).",
    },
    "wrote": {
        "fr": "Fichier créé : {path}",
        "en": "Wrote {path}",
    },
    "added": {
        "fr": "Fermeture ajoutée à {path} (ligne {line}).",
        "en": "Closure added to {path} (line {line}).",
    },
    "review": {
        "fr": "À vérifier avant d'ouvrir la pull request :",
        "en": "Check before opening the pull request:",
    },
    "valid": {
        "fr": "konexio validate : aucun problème dans ce fichier.",
        "en": "konexio validate: no problem in this file.",
    },
    "problems": {
        "fr": "konexio validate signale, dans ce fichier, ce qu'il reste à compléter :",
        "en": "konexio validate reports, in this file, what is left to fill in:",
    },
    "review_dates": {
        "fr": "- les dates : du {start} au {end} ({weeks} semaines) ;",
        "en": "- the dates: {start} to {end} ({weeks} weeks);",
    },
    "review_sessions_copied": {
        "fr": "- les séances, copiées de {source} : {sessions} ;",
        "en": "- the sessions, copied from {source}: {sessions};",
    },
    "review_sessions_default": {
        "fr": "- les séances (aucune cohorte de ce programme à copier) : {sessions} ;",
        "en": "- the sessions (no cohort of this program to copy): {sessions};",
    },
    "review_rest": {
        "fr": "- le lieu ({venue}), la langue ({language}), les places ({capacity}) ; "
              "« konexio validate » relit tout.",
        "en": "- the venue ({venue}), language ({language}), places ({capacity}); "
              "'konexio validate' checks everything again.",
    },
    "program": {"fr": "le programme", "en": "the program"},
    "antenna": {"fr": "l'antenne", "en": "the antenna"},
    "suggest": {"fr": " Vouliez-vous dire « {} » ?", "en": " Did you mean '{}'?"},
}


def say(code: str, lang: str = "fr", **params: Any) -> str:
    """The sentence ``code`` in ``lang`` (French unless ``en``)."""
    lang = "en" if lang == "en" else "fr"
    if "what" in params:  # starts the sentence
        what = WORDS[params["what"]][lang]
        params["what"] = what[:1].upper() + what[1:]
    suggestion = params.pop("suggestion", "")
    params["hint"] = WORDS["suggest"][lang].format(suggestion) if suggestion else ""
    return WORDS[code][lang].format(**params)


class ScaffoldError(Exception):
    """A request ``konexio new`` cannot honour; ``say`` turns it into a sentence."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "fr") -> str:
        return say(self.code, lang, **dict(self.params))
