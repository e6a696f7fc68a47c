"""The roster's pure parts: what the sync writes into it (only its own column), how rows
are read, how typed names are matched."""

from __future__ import annotations

from konexio.notify.people import match, normalize, read_signups
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.roster import (
    RECORD_HEADER,
    RECORDS,
    ROSTER,
    ROSTER_HEADER,
    TOKEN,
    read_roster,
    records_edit,
    records_missing,
    roster_edit,
    upkeep,
)

GOOD = "A" * 32


def tokens(*values):
    made = iter(values)
    return lambda: next(made)


def test_a_missing_roster_is_created_with_its_header():
    edit = roster_edit(WorksheetSnapshot(ROSTER, exists=False))
    assert edit.create and [w.value for w in edit.writes] == \
        ["nom", "e-mail", "téléphone", "langue", "rappels", "jeton agenda", "remplacements",
         "résumé de la semaine"]
    # what roles require gets its column too, only when some role requires it
    edit = roster_edit(WorksheetSnapshot(ROSTER, exists=False),
                       optional=("remplacements", "résumé de la semaine", "18 ans ou plus"))
    assert [w.value for w in edit.writes][-1] == "18 ans ou plus"


def test_the_optional_columns_get_a_header_cell_once_whatever_their_spelling():
    rows = ((*ROSTER_HEADER, "notes", "REMPLACEMENTS"),
            ("Awa", "awa@example.org", "", "", "", GOOD, "vient le lundi", "oui"))
    edit = roster_edit(WorksheetSnapshot(ROSTER, rows),
                       optional=("remplacements", "résumé de la semaine", "accueil fait"))
    # right of everything, never over a cell, and « REMPLACEMENTS » is the same column
    assert [(w.row, w.col, w.value) for w in edit.writes] == \
        [(0, 8, "résumé de la semaine"), (0, 9, "accueil fait")]
    done = ((*rows[0], "Resume de la semaine", "accueil fait"), rows[1])
    assert roster_edit(WorksheetSnapshot(ROSTER, done),
                       optional=("remplacements", "résumé de la semaine", "accueil fait")).empty


def test_only_the_token_column_is_written_and_only_where_needed():
    rows = (
        ("nom", "e-mail", "notes à moi", "téléphone", "langue", "rappels"),
        ("Awa", "awa@example.org", "vient le lundi", "", "fr", ""),
        ("", "", "une note sans personne", "", "", ""),
        ("Sam", "", "", "", "", ""),
    )
    edit = roster_edit(WorksheetSnapshot(ROSTER, rows), tokens("t" * 32, "u" * 32))
    # the header gets the missing columns right of everything; rows get a token each, and
    # nothing else of a row is written
    assert [(w.row, w.col, w.value) for w in edit.writes] == \
        [(0, 6, TOKEN), (0, 7, "remplacements"), (0, 8, "résumé de la semaine"),
         (1, 6, "t" * 32), (3, 6, "u" * 32)]


def test_good_tokens_stay_and_copied_or_short_ones_are_renewed():
    rows = ((*ROSTER_HEADER, "remplacements", "résumé de la semaine"),
            ("Awa", "awa@example.org", "", "", "", GOOD),
            ("Sam", "sam@example.org", "", "", "", GOOD),  # a copied row
            ("Lea", "lea@example.org", "", "", "", "abc"))
    edit = roster_edit(WorksheetSnapshot(ROSTER, rows), tokens("n" * 32, "m" * 32))
    col = ROSTER_HEADER.index(TOKEN)
    assert [(w.row, w.col) for w in edit.writes] == [(2, col), (3, col)]
    kept, journal = upkeep({ROSTER: WorksheetSnapshot(ROSTER, rows[:2])})
    assert kept.empty and kept.guarded == col  # nothing to write; Google guards the column
    assert journal.title == "Envois" and journal.create


def test_an_empty_journal_gets_its_header_completed_but_one_with_rows_is_never_guessed():
    header = list(RECORD_HEADER)
    header[1] = ""  # a title cleared
    empty = WorksheetSnapshot(RECORDS, (tuple(header),))
    assert records_missing(empty) == []
    assert [(w.row, w.col, w.value) for w in records_edit(empty).writes] == \
        [(0, len(RECORD_HEADER), RECORD_HEADER[1])]
    used = WorksheetSnapshot(RECORDS, (tuple(header), ("2026-11-20T10:00:00Z", "envoyé")))
    assert records_missing(used) == [RECORD_HEADER[1]]
    assert records_edit(used).empty
    retyped = WorksheetSnapshot(RECORDS, (tuple(label.upper() for label in RECORD_HEADER),
                                          ("2026-11-20T10:00:00Z", "envoyé")))
    assert records_missing(retyped) == [] and records_edit(retyped).empty


def test_reading_languages_reminders_and_problems_by_cell():
    rows = ((*ROSTER_HEADER,),
            ("Awa", "awa@example.org", "", "", "", GOOD),
            ("Sam", "sam@example.org", "", "EN", "Non", GOOD),
            ("Lea", "pas-une-adresse", "", "es", "oui", GOOD))
    roster = read_roster(WorksheetSnapshot(ROSTER, rows))
    assert [(v.language, v.reminders) for v in roster.volunteers] == \
        [("fr", True), ("en", False), ("fr", True)]
    assert roster.problems == (
        f"{ROSTER}!D4 : langue « es » inconnue ; écrivez fr, en ou ar (français en attendant).",
        f"{ROSTER}!B4 : adresse e-mail absente ou mal écrite.")
    assert all("Lea" not in p for p in roster.problems)


def _languages(*typed: str):
    rows = ((*ROSTER_HEADER,), *((f"P{n}", f"p{n}@example.org", "", t, "", GOOD)
                                 for n, t in enumerate(typed)))
    return read_roster(WorksheetSnapshot(ROSTER, rows))


def test_a_language_is_known_by_its_code_its_own_name_and_its_french_and_english_ones():
    roster = _languages("العربية", "English", "anglais", "Français", "FRANCAIS", " arabe ",
                        "Arabic", "ar", "français ")
    assert [v.language for v in roster.volunteers] == \
        ["ar", "en", "en", "fr", "fr", "ar", "ar", "ar", "fr"]
    assert roster.problems == ()


def test_a_site_language_without_volunteers_words_is_not_a_mail_language():
    # Dari has pages but no mails yet (no volunteers catalog): French meanwhile, and said.
    roster = _languages("دری")
    assert [v.language for v in roster.volunteers] == ["fr"]
    assert [p.text("en") for p in roster.problems] == [
        f"{ROSTER}!D2: unknown language 'دری'; write fr, en or ar (French meanwhile)."]


def test_giving_volunteers_a_language_is_an_edit_of_the_languages_file(monkeypatch):
    # As if languages.yml said "catalogs: [konexio, volunteers]" for Ukrainian.
    from dataclasses import replace

    from konexio import i18n
    from konexio.sync import languages

    ukrainian = replace(i18n.BY_CODE["uk"], catalogs=("konexio", "volunteers"))
    monkeypatch.setattr(i18n, "ALL", tuple(ukrainian if lang.code == "uk" else lang
                                           for lang in i18n.ALL))
    monkeypatch.setitem(i18n.BY_CODE, "uk", ukrainian)
    languages.spellings.cache_clear()
    try:
        roster = _languages("українська", "ukrainien", "Ukrainian", "uk", "es")
        assert [v.language for v in roster.volunteers] == ["uk", "uk", "uk", "uk", "fr"]
        assert roster.problems == (f"{ROSTER}!D6 : langue « es » inconnue ; écrivez fr, en, "
                                   "ar ou uk (français en attendant).",)
    finally:
        languages.spellings.cache_clear()


def test_an_address_typed_in_the_language_column_is_not_repeated():
    roster = _languages("p0@example.org")
    assert "example.org" not in roster.problems[0]
    assert "example.org" not in roster.problems[0].text("en")


def test_names_match_whatever_the_case_accents_and_spaces():
    assert normalize("  Éloïse   MARTIN ") == normalize("eloise martin") == "eloisemartin"
    assert normalize("ليلى") == normalize(" لَيْلَى ")  # short vowels are marks too
    roster = read_roster(WorksheetSnapshot(ROSTER, (
        (*ROSTER_HEADER,), ("Éloïse Martin", "e@example.org", "", "", "", GOOD),
        ("Jo", "j1@example.org", "", "", "", GOOD), ("JO", "j2@example.org", "", "", "", GOOD))))
    sheet = WorksheetSnapshot("Paris", (
        ("id", "date", "début", "fin", "lieu", "statut", "bénévole 1", "bénévole 2"),
        ("c/2026-11-23/1400/trainer", "2026-11-23", "14:00", "16:00", "X", "prévue",
         "eloise  martin", "Jo"),
        ("c/2026-11-25/1400/trainer", "2026-11-25", "14:00", "16:00", "X", "prévue",
         "Personne", "")))
    found = match(roster, read_signups(sheet))
    assert [m.volunteer.email for m in found.matched] == ["e@example.org"]
    assert [s.position for s in found.ambiguous] == ["Paris!H2"]
    assert [s.position for s in found.unmatched] == ["Paris!G3"]
    assert [[v.row for v in rows] for rows in found.duplicates] == [[2, 3]]


def test_after_two_moves_each_person_gets_back_the_token_first_read():
    """A mending write that lands in moved rows again: what was read the first time wins,
    and only tokens the sync wrote are ever replaced (a token nobody wrote stays)."""
    from konexio.sync.roster import TokensMoved

    awa, sam = ("awa", "awa@example.org"), ("sam", "sam@example.org")
    first = TokensMoved(frozenset({"new-1"}), {awa: "awa-token", sam: "sam-token"})
    second = TokensMoved(frozenset({"new-2"}), {awa: "new-1", sam: "sam-token"})
    both = first.then(second)
    assert both.token_back(awa, "new-2") == "awa-token"
    assert both.token_back(awa, "new-1") == "awa-token"
    assert both.token_back(sam, "sam-token") is None
    assert both.token_back(sam, "typed-by-someone") is None
    assert both.token_back(("zoé", "zoe@example.org"), "new-1") is None
