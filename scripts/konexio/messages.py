"""The sentences coordinators read, in French (their language, the default) and English.

Each message names what was found and what to write instead. Templates are filled with
``str.format``; a ``suggestion`` parameter adds "did you mean ...?".
"""

from __future__ import annotations

from typing import Any

LANGUAGE_NAMES = {
    "fr": {"fr": "français", "en": "anglais", "ar": "arabe"},
    "en": {"fr": "French", "en": "English", "ar": "Arabic"},
}

MESSAGES: dict[str, dict[str, str]] = {
    # Reading the file
    "file.unreadable": {
        "fr": "impossible de lire ce fichier ; vérifiez qu'il n'est pas vide ou corrompu, "
              "ou enregistrez-le de nouveau",
        "en": "this file cannot be read ({detail})",
    },
    "file.encoding": {
        "fr": "ce fichier n'est pas enregistré en UTF-8 ; enregistrez-le en UTF-8",
        "en": "this file is not saved as UTF-8; save it as UTF-8",
    },
    "file.unknown_place": {
        "fr": "ce fichier n'est à aucun emplacement connu ; les fichiers vont dans {places}",
        "en": "this file is in no known place; data files go in {places}",
    },
    "file.not_yml": {
        "fr": "ce fichier n'est pas lu : son nom ne finit pas par .yml ; renommez-le, par "
              "exemple {name}",
        "en": "this file is not read: its name does not end in .yml; rename it, for "
              "example {name}",
    },
    "file.yaml_suffix": {
        "fr": "les fichiers de données finissent par .yml, pas .yaml ; renommez-le {name}",
        "en": "data files end in .yml, not .yaml; rename it {name}",
    },
    "file.name": {
        "fr": "le nom « {value} » a des majuscules, des espaces ou des accents ; il devient "
              "une adresse du site et un nom de calendrier : renommez le fichier {name}",
        "en": "the name '{value}' has capitals, spaces or accents; it becomes a site address "
              "and a calendar name: rename the file {name}",
    },
    "yaml.empty": {
        "fr": "ce fichier est vide",
        "en": "this file is empty",
    },
    "yaml.many_documents": {
        "fr": "une ligne « --- » commence un second document ; un fichier n'en contient qu'un",
        "en": "a '---' line starts a second document; a file holds only one",
    },
    "yaml.tab": {
        "fr": "une tabulation est utilisée pour l'indentation ; YAML n'accepte que des espaces",
        "en": "a tab is used for indentation; YAML accepts only spaces",
    },
    "yaml.colon_in_value": {
        "fr": "un texte contient « : » ; mettez ce texte entre guillemets, par exemple "
              "\"Salle 2 : rez-de-chaussée\"",
        "en": "a text contains ': '; put that text in quotes, for example "
              "\"Room 2: ground floor\"",
    },
    "yaml.indentation": {
        "fr": "l'indentation ne correspond pas à la ligne précédente (ou il manque « : ») ; "
              "alignez la clé sur ses voisines avec des espaces",
        "en": "the indentation does not match the line before (or a ':' is missing); "
              "align the key with its neighbours using spaces",
    },
    "yaml.unknown_alias": {
        "fr": "l'alias « * » renvoie à une ancre « & » qui n'existe pas",
        "en": "the '*' alias refers to an '&' anchor that does not exist",
    },
    "yaml.syntax": {
        "fr": "le YAML ne peut pas être lu ici ; vérifiez l'indentation, les guillemets et "
              "les « : » de cette ligne et de la précédente",
        "en": "the YAML cannot be read here ({detail}); check indentation, quotes and ':'",
    },
    "yaml.unclosed_quote": {
        "fr": "ce guillemet n'est jamais refermé ; ajoutez le même guillemet à la fin du texte",
        "en": "this quote is never closed; add the same quote at the end of the text",
    },
    "yaml.unclosed_bracket": {
        "fr": "ce « {bracket} » n'est pas refermé sur la même valeur ; vérifiez les virgules "
              "et le crochet de fin",
        "en": "this '{bracket}' is not closed in the same value; check the commas and the "
              "closing bracket",
    },
    "yaml.bad_start": {
        "fr": "une valeur ne peut pas commencer par « {char} » ; mettez-la entre guillemets, "
              "par exemple \"{char}...\"",
        "en": "a value cannot start with '{char}'; put it in quotes, for example "
              "\"{char}...\"",
    },
    "yaml.escape": {
        "fr": "une barre oblique inverse « \\ » entre guillemets doubles doit être doublée ; "
              "écrivez « \\\\ » ou utilisez des guillemets simples",
        "en": "a backslash '\\' inside double quotes must be doubled; write '\\\\' or use "
              "single quotes",
    },
    "yaml.invisible_nbsp": {
        "fr": "une espace insécable (invisible) est ici ; effacez-la et tapez une espace "
              "ordinaire",
        "en": "a non-breaking space (invisible) is here; delete it and type an ordinary space",
    },
    "yaml.invisible_zwsp": {
        "fr": "un caractère invisible (espace de largeur nulle) est ici ; effacez ce caractère "
              "et les deux voisins, puis retapez-les",
        "en": "an invisible character (zero-width space) is here; delete it and its two "
              "neighbours, then type them again",
    },
    "yaml.invisible_tab": {
        "fr": "une tabulation est ici, dans une valeur ; remplacez-la par une espace",
        "en": "a tab is here, inside a value; replace it with a space",
    },
    "yaml.duplicate_key": {
        "fr": "la clé « {key} » apparaît deux fois (déjà à la ligne {first_line}) ; "
              "gardez-en une seule",
        "en": "the key '{key}' appears twice (already on line {first_line}); keep only one",
    },
    "yaml.complex_key": {
        "fr": "une clé doit être un simple mot",
        "en": "a key must be a plain word",
    },
    "yaml.merge_key": {
        "fr": "la fusion « <<: » n'est pas acceptée ; écrivez les valeurs en entier",
        "en": "'<<:' merges are not accepted; write the values in full",
    },
    # Shape of the values
    "field.missing": {
        "fr": "il manque « {field} » ; ajoutez la ligne « {field}: » (voir CONTRIBUTING.md)",
        "en": "'{field}' is missing; add the line '{field}: ...' (see CONTRIBUTING.en.md)",
    },
    "text.missing_language": {
        "fr": "il manque la traduction en {language} de « {field} » (ajoutez « {lang}: »)",
        "en": "the {language} translation of '{field}' is missing (add '{lang}:')",
    },
    "field.unknown": {
        "fr": "« {key} » n'est pas une clé connue ici (clés possibles : {allowed})",
        "en": "'{key}' is not a known key here (possible keys: {allowed})",
    },
    "field.enum": {
        "fr": "« {value} » n'est pas accepté ; écrivez l'un de : {expected}",
        "en": "'{value}' is not accepted; write one of: {expected}",
    },
    "field.slug": {
        "fr": "« {value} » n'est pas un identifiant valide ; utilisez des minuscules sans accent, "
              "des chiffres et des tirets, par exemple {example}",
        "en": "'{value}' is not a valid identifier; use lower-case letters without accents, "
              "digits and dashes, for example {example}",
    },
    "field.pattern": {
        "fr": "« {value} » n'a pas la forme attendue pour « {field} » ({expected})",
        "en": "'{value}' does not have the expected form for '{field}' ({expected})",
    },
    "field.int": {
        "fr": "« {value} » n'est pas un nombre entier ; écrivez un nombre comme 12",
        "en": "'{value}' is not a whole number; write a number like 12",
    },
    "field.int_quoted": {
        "fr": "écrivez le nombre sans guillemets : {value}",
        "en": "write the number without quotes: {value}",
    },
    "field.string": {
        "fr": "« {field} » doit être un texte",
        "en": "'{field}' must be a text",
    },
    "field.list": {
        "fr": "« {field} » doit être une liste (chaque élément sur une ligne commençant par "
              "« - »)",
        "en": "'{field}' must be a list (each item on a line starting with '- ')",
    },
    "field.mapping": {
        "fr": "« {field} » doit contenir des clés et des valeurs (« clé: valeur »)",
        "en": "'{field}' must hold keys and values ('key: value')",
    },
    "field.too_short": {
        "fr": "« {field} » doit contenir au moins {min} élément(s)",
        "en": "'{field}' must hold at least {min} item(s)",
    },
    "field.range": {
        "fr": "« {value} » est hors des limites pour « {field} » ({limit})",
        "en": "'{value}' is out of range for '{field}' ({limit})",
    },
    "field.empty": {
        "fr": "« {field} » est vide ; écrivez le texte après « : »",
        "en": "'{field}' is empty; write the text after ':'",
    },
    "field.bool": {
        "fr": "« {value} » n'est pas oui/non ; écrivez true ou false",
        "en": "'{value}' is not yes/no; write true or false",
    },
    "field.invalid": {
        "fr": "valeur refusée pour « {field} » ; comparez-la avec l'exemple du guide "
              "(CONTRIBUTING.md)",
        "en": "value refused for '{field}': {detail}",
    },
    "konexio.date_format": {
        "fr": "« {value} » n'est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2026-09-07",
        "en": "'{value}' is not a date; write it YYYY-MM-DD, for example 2026-09-07",
    },
    "konexio.date_impossible": {
        "fr": "le {value} n'existe pas dans le calendrier ; vérifiez le jour et le mois",
        "en": "{value} does not exist in the calendar; check the day and the month",
    },
    "konexio.time_format": {
        "fr": "« {value} » n'est pas une heure ; écrivez-la HH:MM entre guillemets, "
              "par exemple \"14:00\"",
        "en": "'{value}' is not a time; write it HH:MM in quotes, for example \"14:00\"",
    },
    "konexio.time_impossible": {
        "fr": "l'heure « {value} » n'existe pas ; les heures vont de 00:00 à 23:59",
        "en": "the time '{value}' does not exist; times go from 00:00 to 23:59",
    },
    # References and meaning
    "ref.unknown": {
        "fr": "{what} « {value} » n'existe pas (fichiers dans {where})",
        "en": "{what} '{value}' does not exist (files in {where})",
    },
    "ref.unknown_venue": {
        "fr": "le lieu « {value} » n'est pas un lieu de l'antenne {antenna} "
              "(lieux : {allowed})",
        "en": "the venue '{value}' is not a venue of the {antenna} antenna "
              "(venues: {allowed})",
    },
    "ref.unknown_role": {
        "fr": "le rôle « {value} » n'existe pas dans volunteers/roles.yml (rôles : {allowed})",
        "en": "the role '{value}' does not exist in volunteers/roles.yml (roles: {allowed})",
    },
    "ref.unknown_room": {
        "fr": "la salle « {value} » n'est pas une salle du lieu {venue} (salles : {allowed})",
        "en": "the room '{value}' is not a room of the venue {venue} (rooms: {allowed})",
    },
    "order.dates": {
        "fr": "la fin ({end}) est avant le début ({start}) ; vérifiez l'année, le mois et le "
              "jour des deux dates",
        "en": "the end ({end}) is before the start ({start}); check the year, month and day "
              "of both dates",
    },
    "order.times": {
        "fr": "la séance finit ({end}) avant de commencer ({start}) ; les heures s'écrivent "
              "sur 24 heures (\"14:00\", pas \"2:00\")",
        "en": "the session ends ({end}) before it starts ({start}); times use the 24-hour "
              "clock (\"14:00\", not \"2:00\")",
    },
    "timezone.unknown": {
        "fr": "« {value} » n'est pas un fuseau horaire IANA (par exemple Europe/Paris)",
        "en": "'{value}' is not an IANA time zone (for example Europe/Paris)",
    },
    "country.unknown": {
        "fr": "les jours fériés du pays « {value} » sont inconnus ; écrivez un code ISO à deux "
              "lettres comme FR",
        "en": "public holidays of country '{value}' are unknown; write a two-letter ISO code "
              "like FR",
    },
    "subdivision.unknown": {
        "fr": "« {value} » n'est pas une région de {country} connue pour les jours fériés",
        "en": "'{value}' is not a region of {country} known for public holidays",
    },
    "cohort.no_session": {
        "fr": "aucune séance ne tombe entre le {start} et le {end} ; vérifiez les dates et "
              "les jours",
        "en": "no session falls between {start} and {end}; check the dates and the days",
    },
    "cohort.duplicate_id": {
        "fr": "une autre cohorte porte déjà le nom de fichier « {value} » ({other}) ; "
              "renommez l'un des deux fichiers",
        "en": "another cohort already has the file name '{value}' ({other}); "
              "rename one of the two files",
    },
    "session.duplicate": {
        "fr": "deux séances le {day} à {start} ; supprimez celle en double",
        "en": "two sessions on {day} at {start}; remove the repeated one",
    },
    "change.outside": {
        "fr": "le {date} est hors des dates de la cohorte ({start} au {end}) ; « date » est "
              "le jour où la séance était prévue",
        "en": "{date} is outside the cohort's dates ({start} to {end}); 'date' is the day "
              "the session was planned",
    },
    "change.weekday": {
        "fr": "la cohorte n'a pas de séance le {date} (un {weekday}) ; ses séances ont lieu "
              "{days}",
        "en": "the cohort has no session on {date} (a {weekday}); its sessions are on {days}",
    },
    "change.closed": {
        "fr": "le {date} il n'y a déjà pas cours ({reason}) : rien à annuler ni à déplacer",
        "en": "there is already no class on {date} ({reason}): nothing to cancel or move",
    },
    "change.no_such_time": {
        "fr": "aucune séance ne commence à {start} le {date} (séances à : {times})",
        "en": "no session starts at {start} on {date} (sessions at: {times})",
    },
    "change.ambiguous": {
        "fr": "il y a plusieurs séances le {date} ; ajoutez « start: » avec l'heure de celle "
              "visée ({times})",
        "en": "there are several sessions on {date}; add 'start:' with the time of the one "
              "meant ({times})",
    },
    "change.twice": {
        "fr": "la séance du {date} est déjà {already} plus haut ; une séance n'a qu'un "
              "changement",
        "en": "the session of {date} is already {already} above; a session has one change",
    },
    "change.no_effect": {
        "fr": "ce déplacement ne change ni la date, ni l'heure, ni la salle ; écrivez ce qui "
              "change (to_date, to_start, to_end ou to_room), ou enlevez ce déplacement",
        "en": "this move changes neither the date, the time nor the room; write what changes "
              "(to_date, to_start, to_end or to_room), or remove this move",
    },
    "dst.gap": {
        "fr": "le {date}, {time} n'existe pas à {zone} (changement d'heure) ; choisissez "
              "une autre heure ou déplacez cette séance",
        "en": "on {date}, {time} does not exist in {zone} (clock change); pick another time "
              "or move that session",
    },
    "room.clash": {
        "fr": "la salle « {room} » ({venue}) est déjà occupée le {date} de {start} à {end} "
              "par la cohorte {other} ({other_file}) ; choisissez une autre salle (room) "
              "ou une autre heure",
        "en": "the room '{room}' ({venue}) is already taken on {date} from {start} to {end} "
              "by cohort {other} ({other_file}); pick another room (room) or another time",
    },
    # Where a moved session lands
    "closure.holiday": {
        "fr": "cette fermeture ne couvre que des jours fériés ({reason}), déjà sans cours : "
              "inutile de les écrire ; pour un pont, écrivez le jour d'avant ou d'après",
        "en": "this closure covers only public holidays ({reason}), already without class: "
              "no need to type them; for a bridge day, write the day before or after",
    },
    "move.past_midnight": {
        "fr": "la séance dure {length} : commencée à {start}, elle finirait après minuit ; "
              "choisissez une heure plus tôt, ou écrivez aussi l'heure de fin (to_end)",
        "en": "the session lasts {length}: started at {start}, it would end after midnight; "
              "pick an earlier time, or write the end time too (to_end)",
    },
    "move.outside": {
        "fr": "le {date} est hors des dates de la cohorte ({start} au {end}) : une séance "
              "peut être déplacée jusqu'au {last} au plus tard (rattrapage) ; vérifiez "
              "« to_date »",
        "en": "{date} is outside the cohort's dates ({start} to {end}): a session can be "
              "moved until {last} at the latest (make-up session); check 'to_date'",
    },
    "move.other_year": {
        "fr": "le {date} tombe un an avant ou après la cohorte : la séance serait publiée à "
              "la mauvaise année ; vouliez-vous écrire {meant} ?",
        "en": "{date} falls a year before or after the cohort: the session would be "
              "published in the wrong year; did you mean {meant}?",
    },
    "move.closed": {
        "fr": "le lieu est fermé le {date} ({reason}) : la page afficherait la séance et "
              "« pas de cours ce jour-là » ; choisissez un autre jour pour « to_date »",
        "en": "the venue is closed on {date} ({reason}): the page would show the session "
              "and 'no class that day'; pick another day for 'to_date'",
    },
    "move.overlap": {
        "fr": "la cohorte a déjà une séance le {date} de {start} à {end} : deux séances à la "
              "même heure ; choisissez un autre jour ou une autre heure (to_start)",
        "en": "the cohort already has a session on {date} from {start} to {end}: two "
              "sessions at the same time; pick another day or time (to_start)",
    },
    "move.past": {
        "fr": "la séance est déplacée au {date}, date déjà passée (nous sommes le {today}) : "
              "personne ne pourra y venir ; vérifiez « to_date »",
        "en": "the session is moved to {date}, which is already past (today is {today}): "
              "nobody can come; check 'to_date'",
    },
    # The whole cohort
    "cohort.nothing_left": {
        "fr": "la cohorte est ouverte (open) mais il ne lui reste aucune séance entre le "
              "{start} et le {end} (jours fériés, fermetures et annulations) : le site "
              "l'annoncerait sans séance ; changez ses dates, ou écrivez status: closed",
        "en": "the cohort is open but has no session left between {start} and {end} "
              "(public holidays, closures and cancellations): the site would advertise it "
              "with no session; change its dates, or write status: closed",
    },
    "cohort.empty_weeks": {
        "fr": "aucune séance pendant {weeks} semaines de suite, du {first} au {last} "
              "(fermetures, jours fériés ou annulations) ; si c'est voulu, rien à faire, "
              "sinon vérifiez les fermetures de l'antenne et « cancelled »",
        "en": "no session for {weeks} weeks in a row, from {first} to {last} (closures, "
              "public holidays or cancellations); if that is meant, nothing to do, otherwise "
              "check the antenna's closures and 'cancelled'",
    },
    "cohort.too_long": {
        "fr": "la cohorte dure {weeks} semaines (du {start} au {end}) alors qu'une cohorte "
              "{program} en dure de {min} à {max} : toutes ces séances et leurs créneaux de "
              "bénévoles seraient publiés ; vérifiez l'année et le mois de « end »",
        "en": "the cohort lasts {weeks} weeks ({start} to {end}) while a {program} cohort "
              "lasts {min} to {max}: all those sessions and their volunteer shifts would be "
              "published; check the year and month of 'end'",
    },
    "cohort.too_short": {
        "fr": "la cohorte dure {weeks} semaine(s) (du {start} au {end}) alors qu'une cohorte "
              "{program} en dure de {min} à {max} ; vérifiez « start » et « end »",
        "en": "the cohort lasts {weeks} week(s) ({start} to {end}) while a {program} cohort "
              "lasts {min} to {max}; check 'start' and 'end'",
    },
    "text.copied": {
        "fr": "le texte en {language} de « {field} » n'est pas traduit (c'est du français "
              "recopié) : le site l'afficherait tel quel à ses lecteurs ; écrivez la "
              "traduction, ou enlevez la ligne « {lang}: » et demandez-la dans la pull request",
        "en": "the {language} text of '{field}' is not translated (it is French copied over): "
              "the site would show it as is to its readers; write the translation, or remove "
              "the '{lang}:' line and ask for it in the pull request",
    },
    "language.unknown": {
        "fr": "« {value} » n'est pas une langue que le site sait nommer ; écrivez le code à "
              "deux lettres de la langue du cours, par exemple fr, en ou ar (langues du "
              "site : {allowed})",
        "en": "'{value}' is not a language the site can name; write the two-letter code of "
              "the course's language, for example fr, en or ar (site languages: {allowed})",
    },
    "needs.partial": {
        "fr": "« needs » ne cite pas {missing} : les séances de cette cohorte n'auraient plus "
              "de créneau {missing}, alors que le programme {program} en prévoit ; ajoutez "
              "par exemple « {example} », ou « 0 » si c'est voulu",
        "en": "'needs' leaves out {missing}: this cohort's sessions would have no {missing} "
              "shift, though the {program} program has some; add for example '{example}', "
              "or '0' if that is meant",
    },
    "sheet.url": {
        "fr": "c'est l'adresse entière de la feuille ; copiez seulement l'identifiant, "
              "la partie entre /d/ et /edit : {value}",
        "en": "this is the sheet's whole address; copy only the id, the part between /d/ "
              "and /edit: {value}",
    },
    "sheet.id_space": {
        "fr": "l'identifiant de feuille « {value} » contient un espace ; copiez-le de "
              "l'adresse de la feuille (entre /d/ et /edit), sans espace",
        "en": "the spreadsheet id '{value}' contains a space; copy it from the sheet's "
              "address (between /d/ and /edit), without spaces",
    },
    "sheet.id_char": {
        "fr": "« {value} » n'est pas un identifiant de feuille Google (seulement des lettres, "
              "des chiffres, « - » et « _ ») ; copiez-le de l'adresse de la feuille, entre "
              "/d/ et /edit",
        "en": "'{value}' is not a Google spreadsheet id (only letters, digits, '-' and '_'); "
              "copy it from the sheet's address, between /d/ and /edit",
    },
    "sheet.id_short": {
        "fr": "l'identifiant de feuille « {value} » est trop court ({length} caractères ; "
              "ceux de Google en ont plus de 40) ; copiez-le en entier de l'adresse de la "
              "feuille, entre /d/ et /edit",
        "en": "the spreadsheet id '{value}' is too short ({length} characters; Google's "
              "have over 40); copy it whole from the sheet's address, between /d/ and /edit",
    },
    "duplicate.id": {
        "fr": "l'identifiant « {value} » est déjà utilisé plus haut ; donnez-en un autre",
        "en": "the id '{value}' is already used above; pick another one",
    },
    "count.negative": {
        "fr": "le nombre de personnes ne peut pas être négatif ; écrivez 0 pour personne",
        "en": "the number of people cannot be negative; write 0 for nobody",
    },
}

_SUGGEST = {"fr": " Vouliez-vous dire « {} » ?", "en": " Did you mean '{}'?"}

CHANGE_WORDS = {
    "cancelled": {"fr": "annulée", "en": "cancelled"},
    "moved": {"fr": "déplacée", "en": "moved"},
}

WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
def _days(lang: str, numbers) -> str:
    """'le lundi et le mercredi' / 'Monday and Wednesday'."""
    names = [("le " if lang == "fr" else "") + WEEKDAYS[lang][int(n)] for n in numbers]
    last = " et " if lang == "fr" else " and "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]

WHAT = {
    "program": {"fr": "le programme", "en": "the program"},
    "antenna": {"fr": "l'antenne", "en": "the antenna"},
    "role": {"fr": "le rôle", "en": "the role"},
}


def render(code: str, params: dict[str, Any], lang: str = "fr") -> str:
    """The message ``code`` in ``lang`` (French unless ``en``), filled with ``params``."""
    lang = "en" if lang == "en" else "fr"
    templates = MESSAGES.get(code) or MESSAGES["field.invalid"]
    values = dict(params)
    if "lang" in values:
        values.setdefault("language", LANGUAGE_NAMES[lang].get(values["lang"], values["lang"]))
    if "what" in values:
        values["what"] = WHAT.get(values["what"], {}).get(lang, values["what"])
    if "reason_fr" in values:  # a reason known in each language (holiday names too)
        values["reason"] = values.get(f"reason_{lang}") or values["reason_fr"]
    if "already" in values:
        values["already"] = CHANGE_WORDS.get(values["already"], {}).get(lang, values["already"])
    if "weekday" in values:  # weekday numbers (0 = Monday) become words in ``lang``
        values["weekday"] = WEEKDAYS[lang][int(values["weekday"])]
    if "days" in values:
        values["days"] = _days(lang, values["days"])
    values.setdefault("detail", "")
    values.setdefault("field", "")
    text = templates[lang].format_map(_Defaulting(values))
    suggestion = values.get("suggestion")
    if suggestion:
        text += ("" if text.endswith((".", "?", "!")) else ".") + _SUGGEST[lang].format(suggestion)
    return text


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "?"
