"""The sentences coordinators read, in French (their language, the default) and English.

Each message names what was found and what to write instead. The French text is the msgid
of the ``coordinators`` gettext domain (``konexio/locale/<lang>/LC_MESSAGES/coordinators.po``),
where each language's words live; placeholders are ``%(name)s``. A ``suggestion``
parameter adds "did you mean ...?".
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from babel.dates import get_day_names
from babel.lists import format_list

from konexio.i18n import BY_CODE, COORDINATORS, N_, NN_

MESSAGES: dict[str, str | tuple[str, str]] = {
    # Reading the file
    "file.unreadable": N_(
        "impossible de lire ce fichier ; vérifiez qu'il n'est pas vide ou corrompu, "
        "ou enregistrez-le de nouveau"),
    "file.encoding": N_("ce fichier n'est pas enregistré en UTF-8 ; enregistrez-le en UTF-8"),
    "file.unknown_place": N_(
        "ce fichier n'est à aucun emplacement connu ; les fichiers vont dans %(places)s"),
    "file.not_yml": N_(
        "ce fichier n'est pas lu : son nom ne finit pas par .yml ; renommez-le, par "
        "exemple %(name)s"),
    "file.yaml_suffix": N_(
        "les fichiers de données finissent par .yml, pas .yaml ; renommez-le %(name)s"),
    "file.name": N_(
        "le nom « %(value)s » a des majuscules, des espaces ou des accents ; il devient "
        "une adresse du site et un nom de calendrier : renommez le fichier %(name)s"),
    "yaml.empty": N_("ce fichier est vide"),
    "yaml.many_documents": N_(
        "une ligne « --- » commence un second document ; un fichier n'en contient qu'un"),
    "yaml.tab": N_(
        "une tabulation est utilisée pour l'indentation ; YAML n'accepte que des espaces"),
    "yaml.colon_in_value": N_(
        "un texte contient « : » ; mettez ce texte entre guillemets, par exemple "
        "\"Salle 2 : rez-de-chaussée\""),
    "yaml.indentation": N_(
        "l'indentation ne correspond pas à la ligne précédente (ou il manque « : ») ; "
        "alignez la clé sur ses voisines avec des espaces"),
    "yaml.unknown_alias": N_("l'alias « * » renvoie à une ancre « & » qui n'existe pas"),
    "yaml.syntax": N_(
        "le YAML ne peut pas être lu ici ; vérifiez l'indentation, les guillemets et "
        "les « : » de cette ligne et de la précédente"),
    "yaml.unclosed_quote": N_(
        "ce guillemet n'est jamais refermé ; ajoutez le même guillemet à la fin du texte"),
    "yaml.unclosed_bracket": N_(
        "ce « %(bracket)s » n'est pas refermé sur la même valeur ; vérifiez les virgules "
        "et le crochet de fin"),
    "yaml.bad_start": N_(
        "une valeur ne peut pas commencer par « %(char)s » ; mettez-la entre guillemets, "
        "par exemple \"%(char)s...\""),
    "yaml.escape": N_(
        "une barre oblique inverse « \\ » entre guillemets doubles doit être doublée ; "
        "écrivez « \\\\ » ou utilisez des guillemets simples"),
    "yaml.invisible_nbsp": N_(
        "une espace insécable (invisible) est ici ; effacez-la et tapez une espace "
        "ordinaire"),
    "yaml.invisible_zwsp": N_(
        "un caractère invisible (espace de largeur nulle) est ici ; effacez ce caractère "
        "et les deux voisins, puis retapez-les"),
    "yaml.invisible_tab": N_(
        "une tabulation est ici, dans une valeur ; remplacez-la par une espace"),
    "yaml.duplicate_key": N_(
        "la clé « %(key)s » apparaît deux fois (déjà à la ligne %(first_line)s) ; "
        "gardez-en une seule"),
    "yaml.complex_key": N_("une clé doit être un simple mot"),
    "yaml.merge_key": N_(
        "la fusion « <<: » n'est pas acceptée ; écrivez les valeurs en entier"),
    # Shape of the values
    "field.missing": N_(
        "il manque « %(field)s » ; ajoutez la ligne « %(field)s: » (voir CONTRIBUTING.md)"),
    "text.missing_language": N_(
        "il manque la traduction en %(language)s de « %(field)s » (ajoutez « %(lang)s: »)"),
    "field.unknown": N_(
        "« %(key)s » n'est pas une clé connue ici (clés possibles : %(allowed)s)"),
    "field.enum": N_("« %(value)s » n'est pas accepté ; écrivez l'un de : %(expected)s"),
    "field.slug": N_(
        "« %(value)s » n'est pas un identifiant valide ; utilisez des minuscules sans accent, "
        "des chiffres et des tirets, par exemple %(example)s"),
    "field.pattern": N_(
        "« %(value)s » n'a pas la forme attendue pour « %(field)s » (%(expected)s)"),
    "field.int": N_("« %(value)s » n'est pas un nombre entier ; écrivez un nombre comme 12"),
    "field.int_quoted": N_("écrivez le nombre sans guillemets : %(value)s"),
    "field.string": N_("« %(field)s » doit être un texte"),
    "field.list": N_(
        "« %(field)s » doit être une liste (chaque élément sur une ligne commençant par "
        "« - »)"),
    "field.mapping": N_(
        "« %(field)s » doit contenir des clés et des valeurs (« clé: valeur »)"),
    "field.too_short": NN_("« %(field)s » doit contenir au moins %(min)s élément",
                           "« %(field)s » doit contenir au moins %(min)s éléments"),
    "field.range": N_("« %(value)s » est hors des limites pour « %(field)s » (%(limit)s)"),
    "field.empty": N_("« %(field)s » est vide ; écrivez le texte après « : »"),
    "field.bool": N_("« %(value)s » n'est pas oui/non ; écrivez true ou false"),
    "field.invalid": N_(
        "valeur refusée pour « %(field)s » ; comparez-la avec l'exemple du guide "
        "(CONTRIBUTING.md)"),
    "konexio.date_format": N_(
        "« %(value)s » n'est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2026-09-07"),
    "konexio.date_reading": N_(
        "« %(value)s » n'est pas écrite AAAA-MM-JJ ; écrivez %(reading)s"),
    "konexio.time_reading": N_(
        "« %(value)s » n'est pas une heure écrite HH:MM ; écrivez \"%(reading)s\" (entre "
        "guillemets)"),
    "field.indented": N_(
        "« %(key)s » n'est pas une clé à ce niveau, mais au niveau de « %(sibling)s » : la "
        "ligne est trop décalée vers la droite ; faites-la commencer à la colonne %(column)s, "
        "comme « %(sibling)s » à la ligne %(row)s"),
    "field.weekday": N_("« %(value)s » n'est pas accepté ; écrivez %(reading)s"),
    "konexio.date_impossible": N_(
        "le %(value)s n'existe pas dans le calendrier ; vérifiez le jour et le mois"),
    "konexio.time_format": N_(
        "« %(value)s » n'est pas une heure ; écrivez-la HH:MM entre guillemets, "
        "par exemple \"14:00\""),
    "konexio.time_impossible": N_(
        "l'heure « %(value)s » n'existe pas ; les heures vont de 00:00 à 23:59"),
    # References and meaning
    "ref.unknown": N_("%(what)s « %(value)s » n'existe pas (fichiers dans %(where)s)"),
    "ref.unknown_venue": N_(
        "le lieu « %(value)s » n'est pas un lieu de l'antenne %(antenna)s "
        "(lieux : %(allowed)s)"),
    "ref.unknown_role": N_(
        "le rôle « %(value)s » n'existe pas dans volunteers/roles.yml (rôles : %(allowed)s)"),
    # A venue, program or role typed by its name where its id goes (display_names).
    "ref.venue_by_name": N_(
        "« %(value)s » est le nom d'un lieu ; écrivez son identifiant : %(id)s"),
    "ref.program_by_name": N_(
        "« %(value)s » est le nom d'un programme ; écrivez son identifiant : %(id)s"),
    "ref.role_by_name": N_(
        "« %(value)s » est le nom d'un rôle ; écrivez son identifiant : %(id)s"),
    "ref.venue_of_other_antenna": N_(
        "« %(value)s » est le lieu %(id)s de l'antenne %(other)s, pas de l'antenne "
        "%(antenna)s ; lieux de %(antenna)s : %(allowed)s"),
    "ref.venue_not_an_id": N_(
        "« %(value)s » n'est pas l'identifiant d'un lieu ; écrivez l'un des lieux de "
        "l'antenne %(antenna)s : %(allowed)s"),
    "ref.program_not_an_id": N_(
        "« %(value)s » n'est pas l'identifiant d'un programme ; écrivez l'un de : "
        "%(allowed)s"),
    "ref.role_not_an_id": N_(
        "« %(value)s » n'est pas l'identifiant d'un rôle ; écrivez l'un de : %(allowed)s"),
    "ref.unknown_room": N_(
        "la salle « %(value)s » n'est pas une salle du lieu %(venue)s (salles : %(allowed)s)"),
    "order.dates": N_(
        "la fin (%(end)s) est avant le début (%(start)s) ; vérifiez l'année, le mois et le "
        "jour des deux dates"),
    "order.times": N_(
        "la séance finit (%(end)s) avant de commencer (%(start)s) ; les heures s'écrivent "
        "sur 24 heures (\"14:00\", pas \"2:00\")"),
    "timezone.unknown": N_(
        "« %(value)s » n'est pas un fuseau horaire IANA (par exemple Europe/Paris)"),
    "country.unknown": N_(
        "les jours fériés du pays « %(value)s » sont inconnus ; écrivez un code ISO à deux "
        "lettres comme FR"),
    "subdivision.unknown": N_(
        "« %(value)s » n'est pas une région de %(country)s connue pour les jours fériés"),
    "cohort.no_session": N_(
        "aucune séance ne tombe entre le %(start)s et le %(end)s ; vérifiez les dates et "
        "les jours"),
    "cohort.duplicate_id": N_(
        "une autre cohorte porte déjà le nom de fichier « %(value)s » (%(other)s) ; "
        "renommez l'un des deux fichiers"),
    "session.duplicate": N_("deux séances le %(day)s à %(start)s ; supprimez celle en double"),
    "change.outside": N_(
        "le %(date)s est hors des dates de la cohorte (%(start)s au %(end)s) ; « date » est "
        "le jour où la séance était prévue"),
    "change.weekday": N_(
        "la cohorte n'a pas de séance le %(date)s (un %(weekday)s) ; ses séances ont lieu "
        "%(days)s"),
    "change.closed": N_(
        "le %(date)s il n'y a déjà pas cours (%(reason)s) : rien à annuler ni à déplacer"),
    "change.no_such_time": N_(
        "aucune séance ne commence à %(start)s le %(date)s (séances à : %(times)s)"),
    "change.ambiguous": N_(
        "il y a plusieurs séances le %(date)s ; ajoutez « start: » avec l'heure de celle "
        "visée (%(times)s)"),
    "change.cancelled_moved": N_(
        "le %(date)s est le nouveau jour de la séance prévue le %(planned)s (déplacée sous "
        "« moved: ») ; « date » est toujours le jour prévu : pour l'annuler, enlevez son "
        "déplacement et écrivez ici « date: %(planned)s »"),
    "change.moved_moved": N_(
        "le %(date)s est déjà le nouveau jour de la séance prévue le %(planned)s ; pour la "
        "déplacer encore, changez le déplacement dont « date » est %(planned)s"),
    "change.twice": N_(
        "la séance du %(date)s est déjà %(already)s plus haut ; une séance n'a qu'un "
        "changement"),
    "change.no_effect": N_(
        "ce déplacement ne change ni la date, ni l'heure, ni la salle ; écrivez ce qui "
        "change (to_date, to_start, to_end ou to_room), ou enlevez ce déplacement"),
    "dst.gap": N_(
        "le %(date)s, %(time)s n'existe pas à %(zone)s (changement d'heure) ; choisissez "
        "une autre heure ou déplacez cette séance"),
    "room.clash": N_(
        "la salle « %(room)s » (%(venue)s) est déjà occupée le %(date)s de %(start)s à "
        "%(end)s "
        "par la cohorte %(other)s (%(other_file)s) ; choisissez une autre salle (room) "
        "ou une autre heure"),
    # Where a moved session lands
    "closure.holiday": N_(
        "cette fermeture ne couvre que des jours fériés (%(reason)s), déjà sans cours : "
        "inutile de les écrire ; pour un pont, écrivez le jour d'avant ou d'après"),
    "move.past_midnight": N_(
        "la séance dure %(length)s : commencée à %(start)s, elle finirait après minuit ; "
        "choisissez une heure plus tôt, ou écrivez aussi l'heure de fin (to_end)"),
    "move.outside": N_(
        "le %(date)s est hors des dates de la cohorte (%(start)s au %(end)s) : une séance "
        "peut être déplacée jusqu'au %(last)s au plus tard (rattrapage) ; vérifiez "
        "« to_date »"),
    "move.other_year": N_(
        "le %(date)s tombe un an avant ou après la cohorte : la séance serait publiée à "
        "la mauvaise année ; vouliez-vous écrire %(meant)s ?"),
    "move.closed": N_(
        "le lieu est fermé le %(date)s (%(reason)s) : la page afficherait la séance et "
        "« pas de cours ce jour-là » ; choisissez un autre jour pour « to_date »"),
    "move.overlap": N_(
        "la cohorte a déjà une séance le %(date)s de %(start)s à %(end)s : deux séances à la "
        "même heure ; choisissez un autre jour ou une autre heure (to_start)"),
    "move.past": N_(
        "la séance est déplacée au %(date)s, date déjà passée (nous sommes le %(today)s) : "
        "personne ne pourra y venir ; vérifiez « to_date »"),
    # The whole cohort
    "cohort.nothing_left": N_(
        "la cohorte est ouverte (open) mais il ne lui reste aucune séance entre le "
        "%(start)s et le %(end)s (jours fériés, fermetures et annulations) : le site "
        "l'annoncerait sans séance ; changez ses dates, ou écrivez status: closed"),
    "cohort.empty_weeks": NN_(
        "aucune séance pendant %(weeks)s semaine de suite, du %(first)s au %(last)s "
        "(fermetures, jours fériés ou annulations) ; si c'est voulu, rien à faire, "
        "sinon vérifiez les fermetures de l'antenne et « cancelled »",
        "aucune séance pendant %(weeks)s semaines de suite, du %(first)s au %(last)s "
        "(fermetures, jours fériés ou annulations) ; si c'est voulu, rien à faire, "
        "sinon vérifiez les fermetures de l'antenne et « cancelled »"),
    "cohort.too_long": NN_(
        "la cohorte dure %(weeks)s semaine (du %(start)s au %(end)s) alors qu'une cohorte "
        "%(program)s en dure de %(min)s à %(max)s : toutes ces séances et leurs créneaux de "
        "bénévoles seraient publiés ; vérifiez l'année et le mois de « end »",
        "la cohorte dure %(weeks)s semaines (du %(start)s au %(end)s) alors qu'une cohorte "
        "%(program)s en dure de %(min)s à %(max)s : toutes ces séances et leurs créneaux de "
        "bénévoles seraient publiés ; vérifiez l'année et le mois de « end »"),
    "cohort.too_short": NN_(
        "la cohorte dure %(weeks)s semaine (du %(start)s au %(end)s) alors qu'une cohorte "
        "%(program)s en dure de %(min)s à %(max)s ; vérifiez « start » et « end »",
        "la cohorte dure %(weeks)s semaines (du %(start)s au %(end)s) alors qu'une cohorte "
        "%(program)s en dure de %(min)s à %(max)s ; vérifiez « start » et « end »"),
    "cohort.stale": N_(
        "cette cohorte est ouverte mais son fichier n'a pas changé depuis %(age)s jours "
        "(dernier changement le %(changed)s, plus de %(limit)s jours) : les personnes et "
        "les partenaires écrivent encore pour y entrer ; si elle est pleine ou annulée, "
        "mettez « status: full » ou « closed », sinon vérifiez les dates et les places et "
        "écrivez en haut du fichier « # vérifié le AAAA-MM-JJ »"),
    "text.copied": N_(
        "le texte en %(language)s de « %(field)s » n'est pas traduit (c'est du français "
        "recopié) : le site l'afficherait tel quel à ses lecteurs ; écrivez la "
        "traduction, ou enlevez la ligne « %(lang)s: » et demandez-la dans la pull request"),
    "language.unknown": N_(
        "« %(value)s » n'est pas une langue que le site sait nommer ; écrivez le code à "
        "deux lettres de la langue du cours, par exemple fr, en ou ar (langues du "
        "site : %(allowed)s)"),
    "needs.partial": N_(
        "« needs » ne cite pas %(missing)s : les séances de cette cohorte n'auraient plus "
        "de créneau %(missing)s, alors que le programme %(program)s en prévoit ; ajoutez "
        "par exemple « %(example)s », ou « 0 » si c'est voulu"),
    "sheet.url": N_(
        "c'est l'adresse entière de la feuille ; copiez seulement l'identifiant, "
        "la partie entre /d/ et /edit : %(value)s"),
    "sheet.id_space": N_(
        "l'identifiant de feuille « %(value)s » contient un espace ; copiez-le de "
        "l'adresse de la feuille (entre /d/ et /edit), sans espace"),
    "sheet.id_char": N_(
        "« %(value)s » n'est pas un identifiant de feuille Google (seulement des lettres, "
        "des chiffres, « - » et « _ ») ; copiez-le de l'adresse de la feuille, entre "
        "/d/ et /edit"),
    "sheet.id_short": NN_(
        "l'identifiant de feuille « %(value)s » est trop court (%(length)s caractère ; "
        "ceux de Google en ont plus de 40) ; copiez-le en entier de l'adresse de la "
        "feuille, entre /d/ et /edit",
        "l'identifiant de feuille « %(value)s » est trop court (%(length)s caractères ; "
        "ceux de Google en ont plus de 40) ; copiez-le en entier de l'adresse de la "
        "feuille, entre /d/ et /edit"),
    "sheet.people_is_signup": N_(
        "« %(value)s » est aussi un classeur d'inscription : les bénévoles y liraient les "
        "coordonnées de tous ; créez un classeur à part, partagé avec les seuls "
        "coordinateurs, et mettez son identifiant ici"),
    "sheet.people_missing": N_(
        "il manque le classeur des personnes (liste des bénévoles, journal des envois) : "
        "ajoutez « people: <identifiant> » sous « spreadsheets: », l'identifiant d'un "
        "classeur partagé avec les seuls coordinateurs"),
    "sheet.people_missing_antenna": N_(
        "l'antenne %(value)s n'a pas de classeur des personnes : ajoutez-la sous "
        "« people: » avec l'identifiant d'un classeur partagé avec les seuls coordinateurs"),
    "duplicate.id": N_(
        "l'identifiant « %(value)s » est déjà utilisé plus haut ; donnez-en un autre"),
    "count.negative": N_(
        "le nombre de personnes ne peut pas être négatif ; écrivez 0 pour personne"),
    "page.missing_language": N_(
        "cette page manque en %(language)s : ajoutez %(missing)s (le site publie chaque "
        "page dans chaque langue ; une traduction à faire relire suffit), ou, si la page a "
        "été renommée ou supprimée, faites de même dans chaque langue"),
    "konexio.retention_months": N_(
        "%(value)s mois n'est pas une durée de conservation acceptée : écrivez un nombre "
        "de mois de %(min)s à %(max)s (%(default)s si vous hésitez) ; la loi demande de ne "
        "garder les données des bénévoles que le temps utile"),
    "how.everyone_alone": N_(
        "« everyone » (tout le monde) ne va pas avec d'autres publics ; gardez « everyone » "
        "seul, ou retirez-le et gardez les publics visés"),
    "how.twice": N_("« %(value)s » est déjà plus haut dans « %(field)s » ; gardez-en un"),
    "how.no_address": N_(
        "« %(value)s » est une façon de demander une place, mais « referral » n'a pas de "
        "« %(key)s: » ; ajoutez-le (par exemple %(key)s: +33 6 12 34 56 78, ou l'adresse "
        "https du formulaire) ou retirez « %(value)s »"),
    # Phone numbers (model/phone.py): the example is the number read from the value when
    # there is one, else a number of the file's country.
    "konexio.phone_text": N_(
        "« %(field)s » attend un numéro de téléphone, écrit comme un texte ; par exemple "
        "%(field)s: \"%(example)s\""),
    "konexio.phone_quote": N_(
        "%(value)s est lu comme un nombre, qui perd le 0 ou le + du début ; écrivez le "
        "numéro entre guillemets : %(field)s: \"%(example)s\""),
    "konexio.phone_letters": N_(
        "« %(value)s » contient autre chose qu'un numéro de téléphone ; n'écrivez qu'un "
        "numéro, en chiffres (espaces, points et tirets permis), par exemple %(field)s: "
        "\"%(example)s\""),
    "konexio.phone_country": N_(
        "« %(value)s » n'a pas l'indicatif de son pays, qu'il faut ici (ce fichier ne dit "
        "pas dans quel pays il est) ; pour un numéro français, écrivez %(field)s: "
        "\"%(example)s\""),
    "konexio.phone_invalid": N_(
        "« %(value)s » ne peut pas être un numéro de téléphone : il a un chiffre de trop ou "
        "de moins, ou un indicatif faux ; vérifiez-le (un numéro s'écrit par exemple "
        "%(field)s: \"%(example)s\")"),
}

COUNTS = {"field.too_short": "min", "cohort.empty_weeks": "weeks", "cohort.too_long": "weeks",
          "cohort.too_short": "weeks", "sheet.id_short": "length"}
"""The parameter that picks the plural form of each message with plural forms."""

DETAILED: dict[str, str] = {
    "file.unreadable": N_("impossible de lire ce fichier (%(detail)s)"),
    "yaml.syntax": N_(
        "le YAML ne peut pas être lu ici (%(detail)s) ; vérifiez l'indentation, les "
        "guillemets et les « : »"),
    "field.invalid": N_("valeur refusée pour « %(field)s » : %(detail)s"),
}
"""The same problems with the library's own words (``detail``), for ``DETAIL_LANGUAGES``."""
DETAIL_LANGUAGES = ("en",)
"""PyYAML, pydantic and the system describe a failure in English: a reader of English is
shown their words, any other reader our advice in their own language."""

CHANGE_WORDS = {"cancelled": N_("annulée"), "moved": N_("déplacée")}
WHAT = {"program": N_("le programme"), "antenna": N_("l'antenne"), "role": N_("le rôle")}


def _locale(lang: str) -> Locale:
    return Locale.parse(BY_CODE[lang].locale if lang in BY_CODE else lang)


def language_name(code: str, lang: str) -> str:
    """The language ``code`` named in ``lang`` (CLDR's words: « arabe », "Arabic")."""
    names = _locale(lang).languages
    tag = BY_CODE[code].tag.replace("-", "_") if code in BY_CODE else code
    return names.get(tag) or names.get(code) or code


def weekday(number: int, lang: str) -> str:
    """Weekday ``number`` (0 is Monday) as ``lang`` writes it in a sentence."""
    return get_day_names("wide", locale=_locale(lang))[int(number)]


def _days(lang: str, numbers) -> str:
    """'le lundi et le mercredi' / 'Monday and Wednesday'."""
    return format_list([COORDINATORS.gettext(lang, "le %(weekday)s", weekday=weekday(n, lang))
                        for n in numbers], locale=_locale(lang))


def render(code: str, params: dict[str, Any], lang: str = "fr") -> str:
    """The message ``code`` in ``lang`` (French in a language it lacks), filled with
    ``params``; an unknown code reads as "value refused"."""
    lang = lang if lang in COORDINATORS.languages else "fr"
    values = dict(params)
    if values.get("detail") and lang in DETAIL_LANGUAGES and code in DETAILED:
        message = DETAILED[code]
    else:
        message = MESSAGES.get(code) or MESSAGES["field.invalid"]
    if "lang" in values:
        values.setdefault("language", language_name(values["lang"], lang))
    if values.get("what") in WHAT:
        values["what"] = COORDINATORS.gettext(lang, WHAT[values["what"]])
    for key in [k for k in values if k.endswith("_fr")]:
        # a value known in each language (holiday names, lists of names): ``reason_fr``,
        # ``reason_en`` fill ``reason``
        values[key[:-3]] = values.get(f"{key[:-3]}_{lang}") or values[key]
    if values.get("already") in CHANGE_WORDS:
        values["already"] = COORDINATORS.gettext(lang, CHANGE_WORDS[values["already"]])
    if "weekday" in values:  # weekday numbers (0 = Monday) become words in ``lang``
        values["weekday"] = weekday(values["weekday"], lang)
    if "days" in values:
        values["days"] = _days(lang, values["days"])
    values.setdefault("field", "")
    if isinstance(message, tuple):
        count = int(values.get(COUNTS.get(code, ""), 2))
        text = COORDINATORS.ngettext(lang, *message, count, **values)
    else:
        text = COORDINATORS.gettext(lang, message, **values)
    suggestion = values.get("suggestion")
    if suggestion:
        text += ("" if text.endswith((".", "?", "!")) else ".") + " " + COORDINATORS.gettext(
            lang, "Vouliez-vous dire « %(suggestion)s » ?", suggestion=suggestion)
    return text
