"""konexio.pages: the Markdown of every generated page, without mkdocs (fast)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from konexio import LANGUAGES
from konexio.pages import words
from konexio.pages.formatting import Dates, time_of_day
from konexio.pages.render import Here, md, render_pages
from konexio.pages.views import Site
from konexio.validate import load_valid

TODAY = date(2026, 11, 10)
EVIL = '<script>alert(1)</script> *star* [click](javascript:alert(2)) `code`'
TEMPLATES = Path(__file__).parent.parent / "scripts/konexio/pages/templates"


def pages_of(root: Path, lang: str, today: date = TODAY) -> dict[str, str]:
    dataset, schedule = load_valid(root)
    site = Site.of(dataset, schedule, today, "https://example.org/")
    return {page.src_uri: page.markdown for page in render_pages(site, lang)}


def edit(path: Path, old: str, new: str) -> None:
    """Replace one line of a fixture copy (text, not a YAML round trip: that would turn
    the unquoted 14:00 into a number)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


HOURS_FR = '<bdi dir="ltr">14:00\u2009–\u200916:00</bdi>'
"""Babel puts thin spaces around the dash in French; times keep their order in any direction."""


COHORT = "cohorts/digitall-beginner-paris-2026-11/index.md"


def test_every_page_exists_in_every_language(minimal_root):
    names = {lang: set(pages_of(minimal_root, lang)) for lang in LANGUAGES}
    assert all(names[lang] == names["fr"] for lang in LANGUAGES)
    assert {"index.md", "programs/index.md", "programs/digitall-beginner/index.md",
            "antennas/index.md", "antennas/paris/index.md", COHORT, "volunteers/index.md",
            "volunteers/privacy/index.md", "impact/index.md", "calendars/index.md",
            "partners/index.md"} == names["fr"]


def test_cohort_page_shows_every_session_with_cancellation_and_move(minimal_root):
    fr = pages_of(minimal_root, "fr")[COHORT]
    assert f"<b>lundi 2 novembre 2026</b> {HOURS_FR}" in fr
    # The cancelled session stays listed, struck through, with its reason.
    assert (f"<b>lundi 16 novembre 2026</b> <s>{HOURS_FR}</s> "
            '<strong class="kx-cancelled">Annulée :</strong> Formateur absent') in fr
    # The moved session is listed on its new day and says when it was planned.
    assert (f"<b>jeudi 19 novembre 2026</b> {HOURS_FR}, <bdi>Salle 1</bdi> "
            '<strong class="kx-moved">Déplacée (prévue le mercredi 18 novembre 2026)') in fr
    # Closed for Christmas: no session between 19 December and 3 January.
    assert "décembre 2026</b>" in fr and "<b>lundi 21 décembre 2026</b>" not in fr
    assert "Inscriptions ouvertes" in fr


def test_dates_are_written_in_each_language(minimal_root):
    en = pages_of(minimal_root, "en")[COHORT]
    ar = pages_of(minimal_root, "ar")[COHORT]
    # CLDR's full dates: British English and Arabic put a comma after the weekday.
    assert '<b>Monday, 2 November 2026</b> <bdi dir="ltr">14:00–16:00</bdi>' in en
    assert "الاثنين، 2 نوفمبر 2026" in ar
    assert 'Monday and Wednesday <bdi dir="ltr">14:00–16:00</bdi>' in en


def test_antenna_abroad_names_its_time_zone(minimal_root):
    antenna = minimal_root / "schedules/antennas/paris.yml"
    edit(antenna, "timezone: Europe/Paris", "timezone: Africa/Blantyre")
    edit(antenna, "country: FR", "country: MW")
    pages = pages_of(minimal_root, "en")
    assert "Times are local time (Malawi Time)." in pages[COHORT]
    assert "(Malawi Time)" in pages["index.md"]
    assert "heure : Malawi" in pages_of(minimal_root, "fr")[COHORT]


def test_antenna_in_france_names_no_zone(minimal_root):
    assert "heure :" not in pages_of(minimal_root, "fr")[COHORT]


def test_text_from_yaml_is_escaped_for_html_and_markdown(minimal_root):
    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    evil = json.dumps(EVIL)  # a JSON string is a YAML string
    edit(program, "name: {fr: DigitAll débutant, en: DigitAll beginner, ar: ديجيتال للمبتدئين}",
         f"name: {{fr: {evil}, en: {evil}, ar: {evil}}}")
    for lang in LANGUAGES:
        pages = pages_of(minimal_root, lang)
        assert "&lt;script&gt;" in pages["programs/digitall-beginner/index.md"]
        for src, text in pages.items():
            # The only script is the cohort's JSON-LD, where the data's "<" is \u003c.
            assert text.count("<script") == text.count('<script type="application/ld+json">')
            assert text.count("</script>") == text.count("<script"), src
            # Markdown lines (raw HTML lines are not read as Markdown) escape its syntax.
            for line in text.split("---", 2)[2].splitlines():
                if not line.startswith("<"):
                    assert "](javascript:" not in line and " *star* " not in line, src


def test_md_escapes_markdown_then_html():
    assert md("a *b* [c](d) <e> & 1.") == (r"a \*b\* \[c\]\(d\) &lt;e&gt; &amp; 1\.")
    assert md("two\nlines") == "two lines"


def test_home_lists_only_open_cohorts_visibly(minimal_root):
    edit(minimal_root / "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml",
         "status: open", "status: full")
    home = pages_of(minimal_root, "fr")["index.md"]
    card = re.search(r'<li class="kx-card"[^>]*>', home).group(0)
    assert 'data-status="full"' in card and card.endswith(" hidden>")


def test_finished_cohorts_leave_the_lists_but_keep_their_page(minimal_root):
    pages = pages_of(minimal_root, "fr", today=date(2027, 2, 1))
    assert "kx-card" not in pages["index.md"]
    assert COHORT in pages
    assert 'class="kx-past"' in pages[COHORT]


def test_volunteers_page_shows_counts_never_names(minimal_root):
    pages = pages_of(minimal_root, "fr")
    antenna = pages["antennas/paris/index.md"]
    assert "Besoin habituel : Formateur: 1, Bénévole: 2" in antenna  # no sheet counted yet
    assert "lun. 16 nov." not in antenna  # the cancelled session needs nobody
    # 19, 23, 25 and 30 November are within three weeks of 10 November.
    assert "(../antennas/paris/index.md#volunteers)**: 4 séances · " in pages["volunteers/index.md"]


def test_volunteers_page_shows_open_slots_from_the_sheets(minimal_root):
    from konexio.site.run import nest_slots

    dataset, schedule = load_valid(minimal_root)
    slots = nest_slots({"digitall-beginner-paris-2026-11/2026-11-25/1400/trainer": 0,
                        "digitall-beginner-paris-2026-11/2026-11-25/1400/assistant": 1})
    site = Site.of(dataset, schedule, TODAY, "https://example.org/", open_slots=slots)
    page = {p.src_uri: p.markdown for p in render_pages(site, "fr")}["antennas/paris/index.md"]
    wednesday = next(line for line in page.splitlines() if "mer. 25 nov." in line)
    assert wednesday.endswith("Il faut : Bénévole: 1</li>")
    monday = next(line for line in page.splitlines() if "lun. 23 nov." in line)
    assert monday.endswith("Besoin habituel : Formateur: 1, Bénévole: 2</li>")


def test_links_between_pages_are_relative_to_the_page():
    cohort = Here("en", "cohort", "x")
    assert cohort.md_link("program", "p") == "../../programs/p/index.md"
    assert cohort.page_href("program", "p") == "../../programs/p/"
    assert cohort.page_href("home") == "../../"
    assert cohort.href("feeds/en/cohort-x.ics") == "../../../feeds/en/cohort-x.ics"
    assert Here("fr", "home").page_href("cohort", "x") == "cohorts/x/"
    assert Here("fr", "home").doc("apply") == "apply.md"


def test_every_value_word_the_templates_ask_for_exists():
    used = set()
    for template in TEMPLATES.glob("*.j2"):
        used |= set(re.findall(r"""\bword\(["']([a-z_.]+)["']""", template.read_text()))
    assert used == set(words.GROUPS)
    for group, values in {"status": ("open", "full", "closed"),
                          "time": ("morning", "afternoon", "evening"),
                          "apply": ("full", "closed"),
                          "level": ("beginner", "intermediate", "advanced", "professional",
                                    "all")}.items():
        assert set(values) <= set(words.GROUPS[group])


@pytest.mark.parametrize(("start", "part"), [("09:00", "morning"), ("12:00", "afternoon"),
                                             ("17:59", "afternoon"), ("18:00", "evening")])
def test_time_of_day(start, part):
    hour, minute = map(int, start.split(":"))
    from datetime import time
    assert time_of_day(time(hour, minute)) == part


def test_weekdays_are_joined_with_the_locale_and():
    from konexio.model.types import Weekday
    days = (Weekday.monday, Weekday.tuesday, Weekday.thursday)
    assert Dates("fr").weekdays(days) == "lundi, mardi et jeudi"
    assert Dates("en").weekdays(days) == "Monday, Tuesday and Thursday"


def test_values_in_another_script_are_isolated():
    from konexio.pages.render import isolate

    assert isolate("18 rue Philippe de Girard, 75018 Paris") == \
        "<bdi>18 rue Philippe de Girard, 75018 Paris</bdi>"
    # No letter: auto would take the surrounding direction and reverse the range.
    assert isolate("09:30–11:30") == '<bdi dir="ltr">09:30–11:30</bdi>'
    assert isolate("<b>") == "<bdi>&lt;b&gt;</bdi>"


def test_a_fallback_text_is_escaped_then_marked_with_its_language():
    from konexio.pages.render import Localized, plain, yaml_value

    text = Localized("*Room* <1>", "en", "fa")
    assert md(text) == r'<span lang="en" dir="ltr">\*Room\* &lt;1&gt;</span>'
    assert yaml_value(text) == '"*Room* &lt;1&gt;"'  # a <title> gets the text alone
    assert plain(text) == "*Room* <1>" and type(plain(text)) is str
    assert md(Localized("Salle", "fr", "fr")) == "Salle"


def test_languages_share_compiled_templates_but_each_speaks_its_own(minimal_root, tmp_path):
    """One compile serves every language (``render.COMPILED``); the words stay each
    language's, and a template whose source changes is compiled again."""
    from jinja2 import Environment, FileSystemLoader

    from konexio.pages.render import COMPILED, _SharedBytecode

    french, english = pages_of(minimal_root, "fr"), pages_of(minimal_root, "en")
    assert COMPILED.compiled  # filled by the first language, read by the second
    assert french["index.md"] != english["index.md"]
    assert "Trouver un cours" in french["index.md"] and "Trouver" not in english["index.md"]
    shared = _SharedBytecode()
    (tmp_path / "t.j2").write_text("one")
    env = lambda: Environment(loader=FileSystemLoader(tmp_path),  # noqa: E731
                              bytecode_cache=shared)
    assert env().get_template("t.j2").render() == "one"
    (tmp_path / "t.j2").write_text("two")
    assert env().get_template("t.j2").render() == "two"


def test_templates_compiled_in_another_process_are_used_without_compiling_again(
        monkeypatch):
    """The build's helper compiles the templates while the data is checked and hands the
    code over (``compiled_templates`` -> ``use_compiled``): with it, nothing compiles here,
    and a template whose source differs from the one compiled is compiled again."""
    import multiprocessing

    from jinja2 import Environment

    from konexio.pages import render

    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:  # a fresh process: nothing of this one's cache
        compiled = pool.apply(render.compiled_templates, ("fr",))
    assert len(compiled) == len(render.environment("fr").list_templates(extensions=["j2"]))

    def compile_nothing(*_args, **_kwargs):
        raise AssertionError("a template was compiled again")

    monkeypatch.setattr(render, "COMPILED", render._SharedBytecode())
    monkeypatch.setattr(render.environment("fr"), "bytecode_cache", render.COMPILED)
    render.environment("fr").cache.clear()
    render.use_compiled(compiled)
    monkeypatch.setattr(Environment, "compile", compile_nothing)
    render.compile_templates("fr")  # every template loaded from the handed-over code
    render.environment("fr").cache.clear()
    render.COMPILED.compiled.clear()
    render.use_compiled({key: b"stale" for key in compiled})  # not the code of any source
    with pytest.raises(AssertionError, match="compiled again"):
        render.compile_templates("fr")


def test_issue_29_real_gaps_come_first_and_usual_needs_say_so(minimal_root):
    """Point 6: open slots read in the sheets are real gaps, listed first on the volunteers
    page (the largest share missing first); a session the sheets did not count says it
    shows the usual need, so a real gap never looks like every other row."""
    from konexio.site.run import nest_slots

    dataset, schedule = load_valid(minimal_root)
    cohort = "digitall-beginner-paris-2026-11"
    slots = nest_slots({f"{cohort}/2026-11-25/1400/trainer": 1,  # nobody at all
                        f"{cohort}/2026-11-25/1400/assistant": 2,
                        f"{cohort}/2026-11-30/1400/trainer": 0,  # one of three missing
                        f"{cohort}/2026-11-30/1400/assistant": 1,
                        f"{cohort}/2026-11-23/1400/trainer": 0,  # full
                        f"{cohort}/2026-11-23/1400/assistant": 0})
    site = Site.of(dataset, schedule, TODAY, "https://example.org/", open_slots=slots)
    pages = {p.src_uri: p.markdown for p in render_pages(site, "fr")}
    volunteers = pages["volunteers/index.md"]
    gaps = volunteers.split("### Où il manque le plus de monde")[1].split("### Par lieu")[0]
    lines = [line for line in gaps.splitlines() if line.startswith("<li>")]
    assert len(lines) == 2
    assert "mer. 25 nov." in lines[0] and lines[0].endswith(
        "Il faut : Formateur: 1, Bénévole: 2</li>")
    assert "lun. 30 nov." in lines[1] and lines[1].endswith("Il faut : Bénévole: 1</li>")
    assert "lun. 23 nov." not in gaps
    antenna = pages["antennas/paris/index.md"]
    rows = [line for line in antenna.splitlines() if line.startswith("<li><b>")
            and "nov." in line]
    # real gaps first, then the sessions no sheet counted (19 Nov.), with their usual need
    assert ["mer. 25 nov." in rows[0], "lun. 30 nov." in rows[1]] == [True, True]
    assert rows[2].endswith("Besoin habituel : Formateur: 1, Bénévole: 2</li>")
    assert "Besoin habituel" not in rows[0] + rows[1]
    # without any count, every row says it is the usual need
    plain = {p.src_uri: p.markdown for p in render_pages(
        Site.of(dataset, schedule, TODAY, "https://example.org/"), "fr")}
    assert "Où il manque le plus de monde" not in plain["volunteers/index.md"]
    assert "Besoin habituel : Formateur: 1, Bénévole: 2</li>" in plain["antennas/paris/index.md"]


@pytest.mark.parametrize("lang", ["fr", "en", "ar", "fa", "uk"])
def test_issue_29_each_roles_calendar_is_linked_from_the_volunteers_page(minimal_root, lang):
    """Point 6: the volunteers page links every role feed of every antenna, and so does
    the calendars page, which no longer points back for them."""
    dataset, schedule = load_valid(minimal_root)
    site = Site.of(dataset, schedule, TODAY, "https://example.org/")
    pages = {p.src_uri: p.markdown for p in render_pages(site, lang)}
    for page in ("volunteers/index.md", "calendars/index.md"):
        for role in ("trainer", "assistant"):
            assert f"webcal://example.org/feeds/{lang}/role-{role}-paris.ics" in pages[page]
            assert f'feeds/{lang}/role-{role}-paris.ics" download>' in pages[page]
    assert "#calendars)" not in pages["calendars/index.md"]


@pytest.mark.parametrize(("lang", "says"), [
    ("fr", "N'effacez pas votre nom : écrivez « (empêché·e) » après lui."),
    ("en", "Do not erase your name: type « (empêché·e) » after it."),
    ("ar", "لا تمسح اسمك: اكتب « (empêché·e) » بعده."),
    ("uk", "Не стирайте своє ім'я: допишіть після нього « (empêché·e) »."),
    ("sw", "Usifute jina lako: andika « (empêché·e) » baada yake."),
])
def test_issue_29_the_volunteers_page_says_how_to_wait_and_how_to_say_you_cannot_come(
        minimal_root, lang, says):
    """The sheets are in French whatever the reader's language: the page quotes their words
    (the sign-up columns, the mark the stand-in search starts from) as volunteers will see
    them, in a sentence of their own language."""
    page = pages_of(minimal_root, lang)["volunteers/index.md"]
    section = page.split("{: #sheet }")[1].split("\n## ")[0]
    assert says in section
    assert "« bénévole 1 »" in section and "« bénévole 2 »" in section
    assert section.count("\n- ") == 4


COHORT_FILE = "schedules/cohorts/paris/digitall-beginner-paris-2026-11.yml"
COHORT_PAGE = "cohorts/digitall-beginner-paris-2026-11/index.md"


def _ready(page: str) -> dict:
    """The data the apply box's script composes the message from (HTML-escaped JSON)."""
    import html

    found = re.search(r'data-kx-message="([^"]*)"', page)
    assert found, "no apply box"
    return json.loads(html.unescape(found.group(1)))


def test_a_full_group_that_has_not_ended_offers_its_waiting_list(minimal_root):
    """A full group still running: the box asks, in French, for its waiting list, for me
    or for someone referred (the team reads French); the reader's words say so in their
    language. Ended, the box is gone: nobody can wait for a group that is over."""
    edit(minimal_root / COHORT_FILE, "status: open", "status: full")
    page = pages_of(minimal_root, "en")[COHORT_PAGE]
    assert "Ask for the waiting list, for yourself or for someone you support" in page
    assert "A place may free up: ask for the waiting list, or see the other groups." in page
    ready = _ready(page)
    assert ready["subject"].startswith("Liste d'attente : DigitAll débutant, Konexio Paris")
    assert "est complet : je voudrais être sur sa liste d'attente." in ready["for_me"]
    assert "je vous adresse une personne pour sa liste d'attente." in ready["for_someone"]
    assert "m'inscrire" not in page  # not the open group's message
    ended = pages_of(minimal_root, "en", today=date(2027, 1, 16))[COHORT_PAGE]
    assert "data-kx-apply" not in ended


def test_an_open_group_still_asks_for_a_place(minimal_root):
    ready = _ready(pages_of(minimal_root, "fr")[COHORT_PAGE])
    assert "Je voudrais m'inscrire au groupe « DigitAll débutant »" in ready["for_me"]
    assert ready["subject"].startswith("Inscription : ")
