"""The fixed words the templates pick by a value of the data (a status, a level...).

Every other fixed word of the pages is written in its template, in French, inside
``_("...")`` or ``ngettext(...)``: the French text is the msgid of the gettext catalogs
(``konexio/locale/<lang>/LC_MESSAGES/konexio.po``), where each language's words live.
Short sentences and common words: many readers read French at level A2.
"""

from __future__ import annotations

from konexio.i18n import N_

GUIDE = N_("Guide des coordinateurs")
"""The footer's link to the coordinators' guide (not in the menu, which speaks to learners,
partners and volunteers)."""

GROUPS: dict[str, dict[str, str]] = {
    "status": {
        "open": N_("Inscriptions ouvertes"),
        "full": N_("Complet"),
        "closed": N_("Inscriptions fermées"),
    },
    "level": {
        "beginner": N_("Débutant"),
        "intermediate": N_("Intermédiaire"),
        "advanced": N_("Avancé"),
        "professional": N_("Métier"),
        "all": N_("Pour tous"),
    },
    # How to come (konexio.model.how_to_come): who for, French, who may refer, how.
    "public": {
        "everyone": N_("tout le monde"),
        "exiles": N_("personnes réfugiées, demandeuses d'asile ou exilées"),
        "job_seekers": N_("demandeurs d'emploi"),
        "young": N_("jeunes"),
        "women": N_("femmes"),
        "qpv_residents": N_("habitants des quartiers prioritaires (QPV)"),
        "minimum_income": N_("personnes au RSA ou aux minima sociaux"),
        "workers": N_("personnes qui travaillent"),
        "seniors": N_("seniors"),
        "disabled": N_("personnes en situation de handicap"),
    },
    "french": {
        "none": N_("pas besoin de parler français"),
        "A1": N_("A1 (débutant)"),
        "A2": N_("A2 (vous parlez un peu)"),
        "B1": N_("B1 (vous parlez bien)"),
        "B2": N_("B2 (vous parlez très bien)"),
    },
    "referrer": {
        "learner": N_("vous-même"),
        "social_worker": N_("un travailleur social"),
        "job_centre": N_("France Travail ou la mission locale"),
        "association": N_("une association"),
    },
    "channel": {
        "email": N_("par e-mail"),
        "phone": N_("par téléphone"),
        "whatsapp": N_("par WhatsApp"),
        "form": N_("par le formulaire"),
        "visit": N_("sur place, aux heures de cours"),
    },
    "time": {
        "morning": N_("Matin"),
        "afternoon": N_("Après-midi"),
        "evening": N_("Soir"),
    },
    "apply": {
        "full": N_("Ce groupe est complet."),
        "closed": N_("Les inscriptions sont fermées pour ce groupe."),
    },
    "impact.fact": {
        "refugees": N_("En 2021, 43,8 %% des apprenants étaient réfugiés ou demandeurs "
                       "d'asile."),
        "education": N_("69,4 %% avaient le baccalauréat ou moins."),
        "daily": N_("94 %% disent utiliser chaque jour ce qu'ils ont appris."),
        "integrated": N_("94 %% se sentent mieux intégrés."),
        "women": N_("Notre but : au moins 50 %% de femmes dans chaque groupe."),
        "target": N_("Notre objectif publié : 10 000 apprenants dans tout le réseau."),
    },
    "impact.count": {
        "antennas": N_("antennes"),
        "countries": N_("pays"),
        "venues": N_("lieux de cours"),
        "programs": N_("formations"),
        "upcoming": N_("groupes en cours ou à venir"),
        "places": N_("places dans ces groupes"),
        "sessions": N_("séances prévues"),
        "hours": N_("heures de cours prévues"),
        "partners": N_("partenaires"),
    },
    "roster": {
        # By the roster's column labels (konexio.sync.requirements.EVERY_COLUMN):
        # the privacy notice for volunteers says what each column keeps, and a test checks
        # that every column is said (tests/test_privacy_record.py).
        "nom": N_("votre nom ;"),
        "e-mail": N_("votre adresse e-mail ;"),
        "téléphone": N_("votre numéro de téléphone, seulement si vous le donnez : il n'est "
                        "pas obligatoire ;"),
        "langue": N_("la langue de vos messages ;"),
        "rappels": N_("si vous voulez un rappel la veille de vos séances ;"),
        # The optional columns (konexio.sync.requirements.EVERY_COLUMN), empty for most.
        "remplacements": N_("si vous acceptez qu'on vous demande de remplacer un ou une "
                            "bénévole qui ne peut pas venir ;"),
        "résumé de la semaine": N_("si vous voulez recevoir chaque semaine les créneaux où il "
                                   "manque du monde ;"),
        "accueil fait": N_("si vous avez suivi la séance d'accueil des bénévoles, quand votre "
                           "rôle la demande ;"),
        "18 ans ou plus": N_("si vous avez 18 ans ou plus, quand votre rôle le demande : un "
                             "« oui », jamais votre date de naissance ;"),
        "langues d'interprétation": N_("les langues que vous pouvez interpréter, si vous êtes "
                                       "interprète ;"),
        "jeton agenda": N_("un code secret : il fait l'adresse de votre agenda personnel."),
    },
}
"""``GROUPS[group][value]``: the msgid for one value; templates call ``word(group, value)``."""
