"""The data's texts in the ``data`` gettext catalogs (issue 25, points 1 and 2).

Extraction is checked against the YAML read without the model (a text is a mapping with a
``fr`` key and only language keys); the catalogs' effect through the real loader, pages
and a real build of the shipped data; ``make catalogs``' merge through pybabel itself.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from konexio import LANGUAGES, catalogs, i18n
from konexio.model import texts
from konexio.model.texts import DataTexts
from konexio.validate import check, load_valid
from konexio.validate.coverage import coverage

REPO = Path(__file__).parent.parent
OPTIONAL = [lang for lang in LANGUAGES if lang not in i18n.REQUIRED]
NAME = "schedules/programs/digitall-beginner.yml name"
"""The context of the minimal fixture's program name (French: « DigitAll débutant »)."""


def raw_texts(root: Path) -> list[tuple[str, dict]]:
    """Every text of the YAML under ``root`` as written: (file, the mapping of languages),
    found without the model: a mapping whose keys are languages, French among them."""
    found: list[tuple[str, dict]] = []

    def walk(value, file: str) -> None:
        if isinstance(value, dict) and "fr" in value and set(value) <= set(LANGUAGES):
            found.append((file, value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, file)
        elif isinstance(value, list):
            for item in value:
                walk(item, file)

    for folder in ("schedules", "volunteers"):
        for path in sorted((root / folder).rglob("*.yml")):
            walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.relative_to(root)
                 .as_posix())
    return found


def resolve(root: Path, context: str):
    """The YAML value a msgctxt points at, read the way a translator would follow it:
    ``<file> <key>.<key>[<id, date or first day, or position>]...``."""
    file, path = context.split(" ", 1)
    value = yaml.safe_load((root / file).read_text(encoding="utf-8"))
    for name, label in re.findall(r"([^.\[\]]+)?(?:\[([^\]]+)\])?\.?", path):
        if name:
            value = value[name]
        if label:
            if isinstance(value, dict):
                value = value[label]
                continue
            fits = [item for item in value if isinstance(item, dict) and label in (
                str(item.get("id")), str(item.get("date")), str(item.get("start")),
                f"{item.get('date')} {item.get('start')}")]
            value = fits[0] if len(fits) == 1 else value[int(label)]
    return value


def shipped_catalog(lang: str) -> Catalog:
    with i18n.catalog_path(lang, texts.DOMAIN).open("rb") as po:
        return read_po(po)


def test_every_text_of_the_shipped_data_has_an_entry_with_its_context():
    template = [(m.context, m.id) for m in i18n.read_template(texts.DOMAIN) if m.id]
    assert len(template) > 200
    # Each context leads, in the YAML, to the very text whose French is the msgid (a text
    # changed since the last 'make catalogs' excepted: its entry waits for the next one).
    written = {(file, text["fr"]) for file, text in raw_texts(REPO)}
    for context, french in template:
        if (context.split(" ")[0], french) in written:
            assert resolve(REPO, context)["fr"] == french, context


def test_make_catalogs_extracts_every_text_with_its_context(tmp_path):
    catalogs.extract_data(REPO, tmp_path / "data.pot")
    with (tmp_path / "data.pot").open("rb") as pot:
        fresh = [(m.context, m.id) for m in read_po(pot) if m.id]
    assert sorted((c.split(" ")[0], f) for c, f in fresh) == \
        sorted((file, text["fr"]) for file, text in raw_texts(REPO))
    assert len(set(fresh)) == len(fresh)  # one context per place


def known() -> set[tuple[str, str]]:
    """(file, French) of the texts the committed template holds. A coordinator's new or
    changed text is not there until someone runs ``make catalogs``: it shows in its
    fallback meanwhile, and the tests below, which check the translators' work, leave it
    out (a coordinator's pull request must not fail for want of a Dari translation)."""
    return {(m.context.split(" ")[0], m.id) for m in i18n.read_template(texts.DOMAIN) if m.id}


@pytest.mark.parametrize("lang", texts.LANGUAGES)
def test_each_data_catalog_is_complete(lang):
    template = i18n.read_template(texts.DOMAIN)
    assert [p.line() for p in i18n.catalog_problems(lang, template, texts.DOMAIN)] == []


@pytest.mark.parametrize("lang", ["fa", "uk"])
def test_dari_and_ukrainian_translations_wait_for_a_native_reader(lang):
    catalog = shipped_catalog(lang)
    entries = [m for m in catalog if m.id]
    assert len(entries) == sum(1 for m in i18n.read_template(texts.DOMAIN) if m.id)
    assert all(m.string and not m.fuzzy for m in entries)
    assert i18n.needing_review(lang, texts.DOMAIN) == len(entries)
    # Translated, not copied: apart from a brand name kept in Latin letters in Ukrainian
    # (BRANDS), no entry is its French or its English.
    english = {m.context: " ".join(m.auto_comments).removeprefix("en: ") for m in entries}
    same = [m.id for m in entries if m.string in (m.id, " ".join(english[m.context].split()))
            and m.id not in BRANDS]
    assert same == []


def test_dari_is_written_in_dari_words():
    strings = " ".join(m.string for m in shipped_catalog("fa") if m.id)
    assert "کمپیوتر" in strings and "رضاکار" in strings
    # Iranian Persian forms where Dari says otherwise: computer, volunteer, class.
    assert not re.search(r"کامپیوتر|رایانه|داوطلب|کلاس", strings)
    # Persian letters, not Arabic ones (ي U+064A, ك U+0643), and Persian digits (CLDR's
    # default for fa_AF) but in a Latin name such as the level "A2".
    assert "ي" not in strings and "ك" not in strings
    assert "۲۰۲۱" in strings and not re.search(r"(?<![A-Za-z])[0-9]", strings)


def test_the_coverage_is_what_the_yaml_and_the_catalogs_hold():
    dataset, _ = load_valid(REPO)
    found = {c.lang: (c.translated, c.total) for c in coverage(dataset)}
    written = raw_texts(REPO)
    total = len(written)
    for lang in LANGUAGES:
        in_yaml = {(file, text["fr"]) for file, text in written if text.get(lang)}
        in_catalog = set() if lang == "fr" else {
            (m.context.split(" ")[0], m.id) for m in shipped_catalog(lang)
            if m.id and m.string and not m.fuzzy}
        assert found[lang] == (sum(1 for f, t in written
                                   if (f, t["fr"]) in in_yaml | in_catalog), total), lang
    # Every text the catalogs know is in Dari and Ukrainian (all of them when the template
    # is up to date, as it is when this is written: 0 % before issue 25, 100 % after).
    for lang in ("fa", "uk"):
        assert found[lang][0] >= sum(1 for f, t in written if (f, t["fr"]) in known())


def test_the_build_report_counts_and_names_what_waits_for_review():
    from konexio.site.translations import data_coverage

    dataset, _ = load_valid(REPO)
    lines = data_coverage(dataset)
    waiting = {lang: sum(1 for m in shipped_catalog(lang) if m.id and any(
        c.startswith("needs review") for c in m.user_comments)) for lang in texts.LANGUAGES}
    assert waiting["fa"] == waiting["uk"] > 200 and waiting["en"] == waiting["ar"] == 0
    assert lines[1].endswith(f"(data.po): fa {waiting['fa']}, uk {waiting['uk']}, "
                             f"ps {waiting['ps']}, ti {waiting['ti']}, sw {waiting['sw']}")
    assert waiting["ps"] == waiting["ti"] == waiting["sw"] == waiting["fa"]
    total = len(raw_texts(REPO))
    assert re.search(rf"; fa: \d+/{total} texts of the data \(\d+ %, optional", lines[0])


def _catalog(lang: str, *entries: tuple[str, str, str], fuzzy: bool = False) -> DataTexts:
    catalog = Catalog(locale=i18n.BY_CODE[lang].locale)
    for context, french, words in entries:
        catalog.add(french, words, context=context, flags=("fuzzy",) if fuzzy else ())
    return DataTexts.from_catalogs({lang: catalog})


def _program_name(root: Path, catalog: DataTexts):
    dataset, _ = load_valid(root, texts=catalog)
    return dataset.programs["digitall-beginner"].model.name


def test_a_catalog_translation_shows_where_the_yaml_has_none(minimal_root):
    name = _program_name(minimal_root, _catalog("uk", (NAME, "DigitAll débutant",
                                                       "DigitAll — початковий рівень")))
    assert name.pick("uk") == ("uk", "DigitAll — початковий рівень")
    assert name.pick("fa") == ("en", "DigitAll beginner")  # no Dari anywhere: English


def test_a_text_written_in_the_yaml_wins_over_the_catalog(minimal_root):
    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "name: {fr: DigitAll débutant", "name: {uk: Діджитал для початківців, "
        "fr: DigitAll débutant"), encoding="utf-8")
    name = _program_name(minimal_root, _catalog("uk", (NAME, "DigitAll débutant",
                                                       "DigitAll — початковий рівень")))
    assert name.pick("uk") == ("uk", "Діджитал для початківців")


def test_a_changed_french_falls_back_until_the_translation_is_updated(minimal_root):
    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "name: {fr: DigitAll débutant, en: DigitAll beginner",
        "name: {fr: DigitAll premiers pas, en: DigitAll first steps"), encoding="utf-8")
    name = _program_name(minimal_root, _catalog("uk", (NAME, "DigitAll débutant",
                                                       "DigitAll — початковий рівень")))
    assert name.pick("uk") == ("en", "DigitAll first steps")


def test_a_fuzzy_translation_is_never_shown(minimal_root):
    name = _program_name(minimal_root, _catalog("fa", (NAME, "DigitAll débutant", "دیجیتال"),
                                                fuzzy=True))
    assert name.pick("fa") == ("en", "DigitAll beginner")


def test_the_same_french_elsewhere_is_not_taken(minimal_root):
    # A translation belongs to its place: the same words in another file are not this one.
    other = NAME.replace("digitall-beginner.yml", "digistart.yml")
    name = _program_name(minimal_root, _catalog("fa", (other, "DigitAll débutant", "دیجیتال")))
    assert name.pick("fa") == ("en", "DigitAll beginner")


def test_coverage_counts_yaml_and_catalog_in_a_small_checkout(minimal_root):
    # Two uk texts from a catalog, one fa text in the YAML, one in both (counted once).
    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "summary: {fr: Premiers pas", "summary: {uk: Перші кроки, fa: گام‌های اول, "
        "fr: Premiers pas"), encoding="utf-8")
    place = NAME.replace(" name", " ")
    catalog = _catalog("uk", (place + "name", "DigitAll débutant", "DigitAll — початковий"),
                       (place + "summary", "Premiers pas", "Перші кроки (каталог)"),
                       (place + "apply", "Écrivez-nous", "Напишіть нам"))
    checked = check(minimal_root, texts=catalog)
    found = {c.lang: (c.translated, c.total) for c in coverage(checked.dataset)}
    total = len(raw_texts(minimal_root))
    assert found["uk"] == (3, total) and found["fa"] == (1, total)
    assert found["en"] == (total, total)
    assert checked.dataset.programs["digitall-beginner"].model.summary.get("uk") == \
        "Перші кроки"


def test_make_catalogs_keeps_a_changed_french_as_a_fuzzy_suggestion(minimal_root, tmp_path):
    locale = tmp_path / "locale"
    for lang in texts.LANGUAGES:
        (locale / lang / "LC_MESSAGES").mkdir(parents=True)
    catalogs.extract_data(minimal_root, locale / "data.pot")
    catalogs.merge_data(minimal_root, locale)
    po = locale / "uk" / "LC_MESSAGES" / "data.po"
    with po.open("rb") as file:
        catalog = read_po(file)
    catalog.get("DigitAll débutant", context=NAME).string = "DigitAll — початковий рівень"
    with po.open("wb") as file:
        write_po(file, catalog, width=100)
    with (locale / "en" / "LC_MESSAGES" / "data.po").open("rb") as file:
        # English is in the YAML: copied into its catalog, marked as coming from there.
        copied = read_po(file).get("DigitAll débutant", context=NAME)
    assert copied.string == "DigitAll beginner" and copied.user_comments == [texts.FROM_YAML]

    program = minimal_root / "schedules/programs/digitall-beginner.yml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "name: {fr: DigitAll débutant", "name: {fr: DigitAll débutants"), encoding="utf-8")
    catalogs.extract_data(minimal_root, locale / "data.pot")
    catalogs.merge_data(minimal_root, locale)
    with po.open("rb") as file:
        merged = read_po(file)
    suggestion = merged.get("DigitAll débutants", context=NAME)
    assert suggestion.fuzzy and suggestion.string == "DigitAll — початковий рівень"
    assert merged.get("DigitAll débutant", context=NAME) is None
    name = _program_name(minimal_root, DataTexts.from_catalogs({"uk": merged}))
    assert name.pick("uk") == ("en", "DigitAll beginner")
    # The translator confirms it: shown again.
    suggestion.flags.discard("fuzzy")
    name = _program_name(minimal_root, DataTexts.from_catalogs({"uk": merged}))
    assert name.pick("uk") == ("uk", "DigitAll — початковий рівень")


def test_make_catalogs_leaves_the_data_catalogs_alone_while_the_data_has_an_error(
        minimal_root, tmp_path):
    # Texts of a file it cannot read would leave the template, and their translations the
    # catalogs: it refuses instead, and says why.
    cohort = next((minimal_root / "schedules/cohorts").rglob("*.yml"))
    cohort.write_text(cohort.read_text(encoding="utf-8").replace("capacity:", "capacty:"),
                      encoding="utf-8")
    with pytest.raises(SystemExit, match=r"paris-2026-11.yml:\d+:\d+: .*capacity"):
        catalogs.extract_data(minimal_root, tmp_path / "data.pot")
    assert not (tmp_path / "data.pot").exists()


@pytest.mark.parametrize(("lang", "program", "access"), [
    ("fa", "دیجی‌ستارت", "مترو مِنیل‌مونتان (خط ۲)، بس ۹۶"),
    ("uk", "DigiStart", "Метро Менільмонтан (лінія 2), автобус 96")])
def test_the_feeds_speak_the_catalogs_words(lang, program, access):
    import icalendar

    from konexio.feeds import Scope, feed_catalogue, feed_context, render_feed

    def events(catalog: DataTexts | None) -> list:
        dataset, schedule = load_valid(REPO, texts=catalog)
        context = feed_context(dataset, "https://example.org", today=date(2026, 11, 24))
        spec = next(s for s in feed_catalogue(dataset, schedule)
                    if s.scope is Scope.cohort and s.id == "digistart-menilmontant-2027-01")
        calendar = icalendar.Calendar.from_ical(render_feed(spec, lang, context, schedule))
        return list(calendar.walk("VEVENT"))

    shown = events(None)
    assert shown and all(str(e["SUMMARY"]).startswith(program) for e in shown)
    assert all(access in str(e["DESCRIPTION"]) for e in shown)
    # Without the catalogs, the same feed reads English (the fallback).
    assert all("Ménilmontant metro (line 2), bus 96" in str(e["DESCRIPTION"])
               for e in events(DataTexts()))


# --- The built site -------------------------------------------------------------------

BRANDS = {"Konexio", "DigiStart", "DigitAll", "DigiTous", "PCIE", "ICDL", "ABCDiag", "HTML",
          "CSS", "JavaScript", "TER", "A2", "C", "D", "France"}
"""Names kept in Latin letters on purpose: the programs' brand names in Ukrainian (Dari
writes them in its own letters, as the Arabic YAML does), certifications, the diagnostic's
name, web languages, the regional train and tram lines (as on signs), a CEFR level, and
"France" of "France Travail" (the public employment service's name, in the site's words
about who may send a learner)."""


class Article(HTMLParser):
    """The words of a page's <article>, without elements in another language that are not
    the data's (the language switch, the French message a learner may send): those carry a
    ``lang``; a data text shown in a fallback carries one too, on a <span> (counted apart)."""

    def __init__(self, page_lang: str) -> None:
        super().__init__()
        self.page, self.depth, self.skip = page_lang, 0, []
        self.words: list[str] = []
        self.fallbacks: list[str] = []

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        lang = attr.get("lang")
        if tag == "span" and lang and lang != self.page:
            self.fallbacks.append("")
        if tag in ("script", "style") or (lang and lang != self.page) or self.skip:
            self.skip.append(tag)

    def handle_endtag(self, tag):
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        elif tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.skip and self.skip[0] == "span" and self.fallbacks:
            self.fallbacks[-1] += data
        if self.depth and not self.skip:
            self.words += re.findall(r"[^\W\d_]+", re.sub(r"\S+@\S+|https?://\S+", " ", data))


def article(page: Path, tag: str) -> Article:
    found = Article(tag)
    found.feed(page.read_text(encoding="utf-8"))
    return found


def _latin(word: str) -> bool:
    return bool(re.match(r"[A-Za-z\u00c0-\u024f]", word))


def data_words(root: Path) -> tuple[set[str], set[str]]:
    """The words of the data's texts the catalogs know, in French and English (what a
    fallback would show),
    and the words of the values the data keeps as typed: addresses, towns, rooms, partners,
    e-mails (no translation of an address is wanted: it must match the envelope)."""
    texts_words: set[str] = set()
    kept: set[str] = set()
    translated = known()
    for file, text in raw_texts(root):
        if (file, text["fr"]) not in translated:
            continue  # new since the last 'make catalogs': may show in its fallback
        for lang in ("fr", "en"):
            texts_words |= set(re.findall(r"[^\W\d_]+", text[lang]))

    def walk(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("address", "city", "rooms", "partners", "email", "room", "to_room"):
                    kept.update(re.findall(r"[^\W\d_]+", str(item)))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in (root / "schedules").rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts_words, kept


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    from konexio.site.build import build_site

    root = tmp_path_factory.mktemp("shipped")
    for folder in ("schedules", "volunteers", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "scripts").symlink_to(REPO / "scripts")
    build_site(root, root / "site", today=date(2026, 11, 24))
    return root / "site"


PAGES = ["cohorts/digistart-menilmontant-2027-01", "cohorts/freelance-dzaleka-2027-01",
         "cohorts/digitall-beginner-maison-des-associations-2027-01", "programs/digitous",
         "programs/digitall-advanced", "antennas/bordeaux"]


@pytest.mark.parametrize("lang", ["fa", "uk"])
@pytest.mark.parametrize("page", PAGES)
def test_built_pages_show_no_latin_text_of_the_data(shipped, lang, page):
    tag = i18n.BY_CODE[lang].tag
    found = article(shipped / lang / page / "index.html", tag)
    # No text the catalogs know shown in a fallback language.
    waiting = {" ".join(text[lang].split()) for file, text in raw_texts(REPO)
               if (file, text["fr"]) not in known() for lang in ("en", "fr")}
    assert [text for text in found.fallbacks if " ".join(text.split()) not in waiting] == []
    texts_words, kept = data_words(REPO)
    latin = [word for word in found.words if _latin(word)]
    # Latin-script words that a French or English data text holds, names set apart.
    descriptive = sorted({w for w in latin if w in texts_words} - BRANDS - kept)
    assert descriptive == [], f"{len(latin)} Latin of {len(found.words)} words"
    # Besides the names above and the values kept as typed (addresses, partners), Latin
    # letters are rare: the site's own words such as WhatsApp or SMS. (Before issue 25, a
    # third of a Dari cohort page's words were Latin, the data's texts in English.)
    other = [word for word in latin if word not in BRANDS | kept]
    assert len(other) / len(found.words) < 0.05, sorted(set(other))


def test_the_measure_sees_a_page_without_the_catalogs():
    """Rendered without the data catalogs, the same measure finds the English fallbacks
    (the Dari cohort page of the issue: a third of its words in Latin letters)."""
    from konexio.pages.render import render_pages
    from konexio.pages.views import Site

    dataset, schedule = load_valid(REPO, texts=DataTexts())
    site = Site.of(dataset, schedule, date(2026, 11, 24), "https://example.org/")
    pages = {p.src_uri: p.markdown for p in render_pages(site, "fa")}
    markdown = pages["cohorts/digistart-menilmontant-2027-01/index.md"]
    assert '<span lang="en" dir="ltr">' in markdown
    dataset, schedule = load_valid(REPO)
    site = Site.of(dataset, schedule, date(2026, 11, 24), "https://example.org/")
    pages = {p.src_uri: p.markdown for p in render_pages(site, "fa")}
    assert '<span lang="en"' not in pages["cohorts/digistart-menilmontant-2027-01/index.md"]
