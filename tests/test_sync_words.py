"""The words of the sheets come from the ``volunteers`` catalogs, and are still the French
words of the sheets people already use: the sync finds its columns, worksheets and
protections by them, so a change here would leave every existing sheet unrecognised."""

from __future__ import annotations

from konexio import i18n
from konexio.sync import words
from konexio.sync.layout import LABELS, is_signup, signup_label, signup_number
from konexio.sync.printable import MAX_TITLE, print_title
from konexio.sync.roster import RECORD_HEADER, ROSTER_HEADER


def test_the_sheets_keep_the_french_words_they_have_always_had():
    assert LABELS == ("id", "date", "jour", "début", "fin", "lieu", "programme", "cohorte",
                      "rôle", "besoin", "statut")
    assert ROSTER_HEADER == ("nom", "e-mail", "téléphone", "langue", "rappels", "jeton agenda")
    assert RECORD_HEADER == ("horodatage", "état", "envoi", "créneau", "destinataire",
                             "version", "séquence", "date", "début", "fin", "lieu", "salle",
                             "statut", "message-id")
    assert (words.ROSTER, words.RECORDS, words.NOTES) == ("Bénévoles", "Envois", "notes")
    assert (words.STATUS_SCHEDULED, words.STATUS_MOVED, words.STATUS_CANCELLED,
            words.STATUS_REMOVED) == ("prévue", "déplacée", "annulée", "retirée")
    assert words.WEEKDAYS[0] == "lundi" and words.WEEKDAYS[6] == "dimanche"


def test_sign_up_headers_are_numbered_both_ways():
    assert signup_label(3) == "bénévole 3"
    assert signup_number(" bénévole 12 ") == 12
    assert not is_signup("bénévole") and not is_signup("bénévoles 2") and not is_signup("notes")


def test_the_printable_title_fits_excel_whatever_the_antenna():
    assert print_title("Paris") == "Paris (à imprimer)"
    long = print_title("Saint-Quentin-en-Yvelines Nord")
    assert len(long) == MAX_TITLE and long.endswith(" (à imprimer)")


def test_the_sheet_words_are_translated_in_every_volunteers_catalog():
    # The sheets stay French; the other catalogs already hold their words, for the day
    # sheets are made in another language.
    assert i18n.VOLUNTEERS.pgettext("en", words.SHEET, "jeton agenda") == "calendar token"
    assert i18n.VOLUNTEERS.pgettext("ar", words.SHEET, "Bénévoles") == "المتطوعون"
