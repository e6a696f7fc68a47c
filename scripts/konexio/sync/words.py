"""The words of the shift sheets, the roster (``Bénévoles``) and the journal of mails
(``Envois``): worksheet titles, column headers, statuses, and the notes shown to people.

They live in the ``volunteers`` gettext domain under the context ``shift sheet``, French
being the msgid, so a translator changes them in a catalog, never here. The sheets of an
antenna are shared by everyone who signs up, and the sync finds its columns, its worksheets
and its own protections by these words: every sheet is written in one language,
``SHEET_LANGUAGE``, French, the coordinators' language. Sheets in another language would
need the sync to recognise the words of sheets made before, so it is not a setting yet.
"""

from __future__ import annotations

from babel.dates import get_day_names

from konexio.i18n import BY_CODE, NC_, SOURCE_LANGUAGE, VOLUNTEERS

SHEET = "shift sheet"
"""The msgctxt of every word of this module."""
SHEET_LANGUAGE = SOURCE_LANGUAGE


def template(marked: tuple[str, str]) -> str:
    """A word of the sheets in ``SHEET_LANGUAGE``, its ``%(name)s`` placeholders unfilled."""
    return VOLUNTEERS.template(SHEET_LANGUAGE, *marked)


def word(marked: tuple[str, str], **values: object) -> str:
    """A word of the sheets in ``SHEET_LANGUAGE``, its placeholders filled."""
    return VOLUNTEERS.pgettext(SHEET_LANGUAGE, *marked, **values)


WEEKDAYS = tuple(get_day_names("wide", locale=BY_CODE[SHEET_LANGUAGE].locale)[day]
                 for day in range(7))
"""Monday first, as CLDR writes them in the sheets' language (``lundi``)."""

# The shift worksheet: generated columns, then sign-ups and notes (people's).
ID = word(NC_("shift sheet", "id"))
DATE = word(NC_("shift sheet", "date"))
DAY = word(NC_("shift sheet", "jour"))
START = word(NC_("shift sheet", "début"))
END = word(NC_("shift sheet", "fin"))
VENUE = word(NC_("shift sheet", "lieu"))
PROGRAM = word(NC_("shift sheet", "programme"))
COHORT = word(NC_("shift sheet", "cohorte"))
ROLE = word(NC_("shift sheet", "rôle"))
NEEDED = word(NC_("shift sheet", "besoin"))
STATUS = word(NC_("shift sheet", "statut"))
NOTES = word(NC_("shift sheet", "notes"))
# TRANSLATORS: header of the n-th sign-up column, where one volunteer types their name.
SIGNUP = template(NC_("shift sheet", "bénévole %(number)s"))

STATUS_SCHEDULED = word(NC_("shift sheet", "prévue"))
STATUS_MOVED = word(NC_("shift sheet", "déplacée"))
STATUS_CANCELLED = word(NC_("shift sheet", "annulée"))
STATUS_REMOVED = word(NC_("shift sheet", "retirée"))
# TRANSLATORS: a status and why; keep the status first, the sheet's strike-through rule
# reads the start of the cell.
STATUS_REASON = template(NC_("shift sheet", "%(status)s : %(reason)s"))

# TRANSLATORS: the title of the printable worksheet of an antenna's next two weeks; at most
# 31 characters in all (Excel's limit), the antenna's name is shortened to fit.
PRINT_TITLE = template(NC_("shift sheet", "%(worksheet)s (à imprimer)"))
# TRANSLATORS: the page header of a printed sheet; &D is the print date (keep it as is).
PRINTED = word(NC_("shift sheet", "imprimé le &D"))
# TRANSLATORS: the warning shown when someone types in a generated column of the workbook.
WARNING = word(NC_("shift sheet", "Colonne générée"))
WARNING_TEXT = word(NC_("shift sheet", "La synchronisation réécrit cette cellule depuis le YAML : "
                                       "modifiez le fichier de la cohorte, pas cette cellule."))
# TRANSLATORS: the description of the protected range of the generated columns on Google.
PROTECTION = word(NC_("shift sheet", "konexio sync : colonnes générées (modifiez le YAML, pas "
                                     "ces cellules)"))

# The roster: one row per volunteer, typed by coordinators.
ROSTER = word(NC_("shift sheet", "Bénévoles"))
NAME = word(NC_("shift sheet", "nom"))
EMAIL = word(NC_("shift sheet", "e-mail"))
PHONE = word(NC_("shift sheet", "téléphone"))
LANGUAGE = word(NC_("shift sheet", "langue"))
REMINDERS = word(NC_("shift sheet", "rappels"))
TOKEN = word(NC_("shift sheet", "jeton agenda"))
# Requirements of roles (volunteers/roles.yml, "requires"): optional roster columns, a yes
# per person. TRANSLATORS: "oui" when the person followed the antenna's induction session.
INDUCTION = word(NC_("shift sheet", "accueil fait"))
# TRANSLATORS: "oui" when the person is 18 or over (a yes, never a date of birth).
ADULT = word(NC_("shift sheet", "18 ans ou plus"))
# TRANSLATORS: the languages a person can interpret, e.g. "arabe, dari".
INTERPRETS = word(NC_("shift sheet", "langues d'interprétation"))
GUARD = word(NC_("shift sheet", "konexio sync : jeton de l'agenda personnel (effacez-le pour en "
                                "changer, ne le modifiez pas)"))

# The journal of mails, written by konexio notify.
RECORDS = word(NC_("shift sheet", "Envois"))
STAMP = word(NC_("shift sheet", "horodatage"))
STATE = word(NC_("shift sheet", "état"))
KIND = word(NC_("shift sheet", "envoi"))
SHIFT = word(NC_("shift sheet", "créneau"))
RECIPIENT = word(NC_("shift sheet", "destinataire"))
VERSION = word(NC_("shift sheet", "version"))
SEQUENCE = word(NC_("shift sheet", "séquence"))
ROOM = word(NC_("shift sheet", "salle"))
MESSAGE_ID = word(NC_("shift sheet", "message-id"))
PENDING = word(NC_("shift sheet", "en cours"))
SENT = word(NC_("shift sheet", "envoyé"))
REFUSED = word(NC_("shift sheet", "refusé"))
UNCERTAIN = word(NC_("shift sheet", "incertain"))
KIND_CANCELLED = word(NC_("shift sheet", "annulation"))
KIND_MOVED = word(NC_("shift sheet", "changement"))
KIND_REMOVED = word(NC_("shift sheet", "retrait"))
KIND_RESTORED = word(NC_("shift sheet", "rétablissement"))
KIND_REMINDER = word(NC_("shift sheet", "rappel"))
# TRANSLATORS: the journal's row for a name first seen on a shift (no mail): what the sheet
# showed then, so the person is never told what they already knew.
KIND_SIGNUP = word(NC_("shift sheet", "inscription"))
# TRANSLATORS: the state of that row: noted, nothing sent.
NOTED = word(NC_("shift sheet", "noté"))
# TRANSLATORS: the journal's word for the mail telling the first person waiting that a place
# freed up and they are now on the shift.
KIND_PROMOTED = word(NC_("shift sheet", "place libérée"))
# TRANSLATORS: the journal's word for the mail asking volunteers of a role whether one of
# them can stand in for someone who cannot come.
KIND_STAND_IN = word(NC_("shift sheet", "remplacement"))
# TRANSLATORS: the same, sent to the antenna once the stand-in deadline has passed.
KIND_STAND_IN_LATE = word(NC_("shift sheet", "remplacement urgent"))
# TRANSLATORS: what a volunteer who cannot come types after their name in their sign-up
# cell, in brackets: « Awa Diallo (empêché·e) ». Case, accents and the gender ending are
# ignored when read.
UNAVAILABLE = word(NC_("shift sheet", "empêché·e"))
# TRANSLATORS: roster column: "oui" when the person wants to be asked to stand in.
STAND_INS = word(NC_("shift sheet", "remplacements"))
# TRANSLATORS: roster column: "coordination" for the antenna's weekly digest, "oui" for a
# volunteer's weekly open slots of their roles.
DIGEST = word(NC_("shift sheet", "résumé de la semaine"))
# TRANSLATORS: the value of that column asking for the coordinators' digest.
DIGEST_COORDINATION = word(NC_("shift sheet", "coordination"))
# TRANSLATORS: the journal's word for a weekly digest.
KIND_DIGEST = word(NC_("shift sheet", "résumé"))

# Attendance, by exception (``konexio.hours.attendance``): a row per mark, typed by
# coordinators in the people place; everyone signed up on a held session is present unless
# a row here says otherwise.
PRESENCES = word(NC_("shift sheet", "Présences"))
SESSION = word(NC_("shift sheet", "séance"))
ATTENDANCE = word(NC_("shift sheet", "présence"))
REMARK = word(NC_("shift sheet", "remarque"))
# TRANSLATORS: a mark of attendance a coordinator types: the person did not come.
ABSENT = word(NC_("shift sheet", "absent"))
# TRANSLATORS: a mark of attendance: the person did not come and said so beforehand.
EXCUSED = word(NC_("shift sheet", "excusé"))
# TRANSLATORS: a mark of attendance: the person came (the default; written only to undo).
PRESENT = word(NC_("shift sheet", "présent"))
