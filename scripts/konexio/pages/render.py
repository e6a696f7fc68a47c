"""Dataset + schedule -> one Markdown page per generated page and language (pure).

Templates live in ``templates/`` (Jinja, autoescape on). Text from the YAML is escaped for
HTML everywhere; where it lands in Markdown (headings, lists, paragraphs) the ``md`` filter
also escapes Markdown, so ``*``, ``[...](...)`` or ``<script>`` typed by a coordinator show
as typed instead of becoming markup.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

import segno
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup, escape

from konexio import digits, i18n, urls
from konexio.feeds import FeedSpec, feed_catalogue
from konexio.feeds.howto import HOWTOS, subscribe_vs_download
from konexio.model.phone import international
from konexio.model.types import Text
from konexio.opendata.write import published
from konexio.pages import structured
from konexio.pages.formatting import Dates
from konexio.pages.ready_message import ready_message, spoken_languages
from konexio.pages.views import HOME_LIMIT, Site
from konexio.pages.words import GROUPS
from konexio.sync.layout import signup_label
from konexio.sync.words import UNAVAILABLE

DOC_PAGES = ("apply", "about", "faq", "privacy", "guide")
"""Hand-written pages (``docs/<lang>/<name>.md``), linked from generated pages."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


@dataclass(frozen=True)
class GeneratedPage:
    """One page to add to the mkdocs build of one language."""

    src_uri: str
    """Path inside the language's docs folder, e.g. ``cohorts/<id>/index.md``."""
    markdown: str


def source(kind: str, ident: str = "") -> str:
    """Markdown source path of a generated page (same in every language)."""
    return urls.page_dir(kind, ident) + "index.md"


class Localized(str):
    """A text from the YAML, with the language it is written in: the page's, or a fallback
    (``Text.pick``). In HTML, a text in another language than the page's carries its own
    ``lang`` and ``dir``, so a screen reader switches voice and the text keeps its order."""

    lang: str
    page: str

    def __new__(cls, text: str, lang: str, page: str) -> Localized:
        value = super().__new__(cls, text)
        value.lang, value.page = lang, page
        return value

    @property
    def foreign(self) -> bool:
        return self.lang != self.page

    def wrap(self, html: Markup) -> Markup:
        if not self.foreign:
            # A text of a right-to-left page that holds Latin letters (a name kept in the
            # Latin script, "C" of a tram line) is isolated in the page's direction, so its
            # neighbours (an address, a comma) keep their places around it.
            if i18n.BY_CODE[self.page].rtl and _LATIN.search(self):
                return Markup('<bdi dir="rtl">{}</bdi>').format(html)
            return html
        language = i18n.BY_CODE[self.lang]
        return Markup('<span lang="{}" dir="{}">{}</span>').format(
            language.tag, language.direction, html)

    def nobreak(self) -> Localized:
        """The same text kept on one line: a name in a list of links stays whole."""
        return Localized(nobreak(str(self)), self.lang, self.page)

    def __html__(self) -> Markup:
        return self.wrap(escape(str(self)))


def nobreak(text: str) -> str:
    """No-break spaces, and a word joiner after a hyphen or an en dash (Unicode lets a line
    break after them even next to a no-break space: "دیجیتال - سطح متوسط")."""
    return re.sub(r"([-\u2010\u2013])", "\\1\u2060", text.replace(" ", "\u00a0"))


def md(value) -> Markup:
    """Escape a text for Markdown, then for HTML: it shows exactly as typed."""
    if isinstance(value, Markup):
        return value
    flat = _SPACES.sub(" ", str(value)).strip()  # a no-break space stays one
    html = Markup(escape(_MARKDOWN_SPECIAL.sub(r"\\\1", flat)))
    return value.wrap(html) if isinstance(value, Localized) else html


def yaml_value(value: str) -> Markup:
    """A front-matter value: JSON is YAML, and escaping keeps tags out of <title>."""
    return Markup(json.dumps(str(escape(plain(value))), ensure_ascii=False))


def query_value(value) -> str:
    """A text as one value of a link's query (``?text=...``): every reserved character
    percent-encoded, spaces as ``%20`` (``mailto:`` and ``sms:`` do not read ``+`` as a
    space), UTF-8 for Arabic or Dari letters. A text the templates escaped for HTML is
    taken back as typed, so an apostrophe is sent as one, not as ``&#39;``."""
    text = value.unescape() if isinstance(value, Markup) else str(value)
    return quote(text, safe="")


def plain(value) -> str:
    """The text alone, without the language mark of a fallback (for <title>, <option>)."""
    return str(value) if isinstance(value, Localized) else value


def isolate(value, direction: str = "auto") -> Markup:
    """``value`` in a ``<bdi>``: an address, a room, an e-mail or a time keeps its own order
    inside a sentence of another direction ("20 rue de Belleville, 75020 Paris" in Arabic).
    ``auto`` takes the direction of the value's first letter; ``ltr`` is for values with no
    letter (times, dates in digits) or always written left to right (e-mails, addresses of
    web pages). A value without any letter ("14:00–16:00") is taken as ``ltr``: ``auto``
    would leave it to the surrounding direction, which reverses a range of times."""
    html = value if isinstance(value, Markup) else escape(value)
    if direction == "auto" and not any(char.isalpha() for char in str(value)):
        direction = "ltr"
    if direction == "auto":
        return Markup("<bdi>{}</bdi>").format(html)
    return Markup('<bdi dir="{}">{}</bdi>').format(direction, html)


@dataclass(frozen=True)
class Here:
    """The page being rendered: where relative links start from."""

    lang: str
    kind: str
    ident: str = ""

    @property
    def src(self) -> str:
        return source(self.kind, self.ident)

    @property
    def url(self) -> str:
        return urls.page_url(self.lang, self.kind, self.ident)

    def md_link(self, kind: str, ident: str = "") -> str:
        """Relative link to another generated page of the same language, for Markdown
        (mkdocs checks it and turns it into the page's URL)."""
        return posixpath.relpath(source(kind, ident), posixpath.dirname(self.src) or ".")

    def doc(self, name: str) -> str:
        """Relative Markdown link to a hand-written page."""
        return posixpath.relpath(f"{name}.md", posixpath.dirname(self.src) or ".")

    def href(self, site_path: str) -> str:
        """Relative URL from this page to a site-relative path, for raw HTML."""
        target = site_path.rstrip("/") or "."
        relative = posixpath.relpath(target, self.url.rstrip("/") or ".")
        return relative + "/" if site_path.endswith("/") or site_path == "" else relative

    def page_href(self, kind: str, ident: str = "", lang: str | None = None) -> str:
        return self.href(urls.page_url(lang or self.lang, kind, ident))


@dataclass(frozen=True)
class FeedLinks:
    """The three ways to a feed: subscribe (webcal), download (https), and its name."""

    title: str
    webcal: str
    download: str


@dataclass(frozen=True)
class HowToView:
    """One app's subscribe steps, in the page's language."""

    name: str
    steps: tuple[str, ...]
    note: str | None


def howto_views(lang: str, url: str, webcal: str) -> tuple[HowToView, ...]:
    """The subscribe steps of every app with the addresses of one feed filled in."""
    return tuple(HowToView(howto.name, howto.steps_in(lang, url, webcal), howto.note_in(lang))
                 for howto in HOWTOS)


@pass_context
def _translate(context, value: Text | None) -> str:
    if value is None:
        return ""
    found, text = value.pick(context["lang"])
    if found == context["lang"]:
        text = digits.in_text(text, i18n.BY_CODE[found].locale)
    return Localized(text, found, context["lang"])


class _SharedBytecode(BytecodeCache):
    """Compiled templates kept in memory, shared by the languages' environments: these
    differ only in the catalog ``_`` reads at render time, so one compile serves all five
    (compiling took 0.1 s per language and process). A template whose source changed
    (``konexio serve``) no longer matches its checksum and is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.compiled.get(bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = _SharedBytecode()


def compile_templates(lang: str) -> None:
    """Compile every page template now (the build does it before it forks, so that both
    of its processes and every language use the same compiled code)."""
    env = environment(lang)
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)


def compiled_templates(lang: str) -> dict[str, bytes]:
    """Every page template compiled, as bytes another process can take (``use_compiled``):
    the build compiles them in a helper while it validates the data."""
    compile_templates(lang)
    return dict(COMPILED.compiled)


def use_compiled(compiled: dict[str, bytes]) -> None:
    """Take templates compiled by ``compiled_templates`` (in another process): a template
    whose source differs from the one compiled is still compiled again (its checksum)."""
    COMPILED.compiled.update(compiled)


@dataclass(frozen=True)
class SheetWords:
    """The sign-up sheets' own words the volunteers page quotes: the sheets are in one
    language (``sync.words``), so the page quotes them as volunteers will see them."""

    first: str = signup_label(1)
    second: str = signup_label(2)
    mark: str = f"({UNAVAILABLE})"


SHEET_WORDS = SheetWords()


@cache
def environment(lang: str) -> Environment:
    """The templates' environment in ``lang``: ``_``, ``gettext`` and ``ngettext`` read
    that language's catalog (Jinja's i18n extension, new-style: ``%(name)s`` filled and
    escaped by the call)."""
    env = Environment(
        loader=PackageLoader("konexio.pages", "templates"),
        autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"], bytecode_cache=COMPILED,
    )
    env.install_gettext_callables(*_callables(lang), newstyle=True)
    env.filters["md"] = md
    env.filters["tr"] = _translate
    env.filters["num"] = Dates(lang).number
    env.filters["nobreak"] = lambda value: (value.nobreak() if isinstance(value, Localized)
                                            else nobreak(str(value)))
    env.filters["yaml"] = yaml_value
    env.filters["plain"] = plain
    env.filters["query"] = query_value
    env.filters["bdi"] = isolate
    env.filters["ltr"] = lambda value: isolate(value, "ltr")
    env.filters["phone"] = lambda e164: isolate(international(e164), "ltr")
    env.globals.update(ready_message=ready_message, spoken_languages=spoken_languages,
                       sheet_words=SHEET_WORDS)
    return env


def _callables(lang: str):
    """``gettext`` and ``ngettext`` of the catalog of ``lang``; ``ngettext`` writes the
    count of ``%(num)d`` in the language's digits (``۱۰ جلسه`` in Dari), which Python's
    ``%d`` would write in Latin ones whatever the language."""
    translations = i18n.translations(lang)
    number = Dates(lang).number

    def ngettext(singular: str, plural: str, num: int) -> str:
        return translations.ngettext(singular, plural, num).replace("%(num)d", number(num))

    return translations.gettext, ngettext


def qr_svg(address: str, label: str) -> Markup:
    """An inline SVG QR code of ``address`` (segno writes only the path, no script)."""
    code = segno.make(address, error="m")
    return Markup(code.svg_inline(scale=3, border=2, title=label, svgclass="kx-qr",
                                  lineclass=None, omitsize=False))


class Renderer:
    """Renders every page of one language."""

    def __init__(self, site: Site, lang: str):
        self.site = site
        self.lang = lang
        self.dates = Dates(lang)
        self.subscribe_vs_download = subscribe_vs_download(lang)
        self.feeds: dict[tuple[str, str, str], FeedSpec] = {
            (spec.scope.value, spec.id, spec.antenna if spec.scope.value == "role" else ""):
            spec for spec in feed_catalogue(site.dataset, site.schedule)
        }
        # The page of the calendars speaks of every feed at once: its steps name the feed of
        # all sessions (the first on the page), and the page says how to take another one.
        every = self.feeds[("all", "", "")]
        self.howtos = howto_views(lang, every.url(lang, site.site_url),
                                  every.webcal(lang, site.site_url))

    def word(self, group: str, value: str) -> str:
        """The word for one value of the data (``word("status", "open")``)."""
        return i18n.gettext(self.lang, GROUPS[group][value])

    def feed(self, here: Here, scope: str, ident: str = "", antenna: str = "") -> FeedLinks:
        spec = self.feeds[(scope, ident, antenna)]
        path = spec.path(self.lang)
        return FeedLinks(title=spec.title.get(self.lang),
                         webcal=spec.webcal(self.lang, self.site.site_url),
                         download=here.href(path))

    def render(self, template: str, here: Here, **values) -> GeneratedPage:
        page_url = urls.absolute_url(self.site.site_url, here.url)
        text = environment(self.lang).get_template(template).render(
            lang=self.lang, word=self.word, fmt=self.dates, here=here, site=self.site,
            feed=lambda *a, **k: self.feed(here, *a, **k), page_url=page_url,
            qr=qr_svg, home_limit=HOME_LIMIT, howtos=self.howtos,
            subscribe_vs_download=self.subscribe_vs_download, **values,
        )
        return GeneratedPage(here.src, text)

    def pages(self, part: tuple[int, int] = (0, 1)) -> list[GeneratedPage]:
        """The pages, or only part ``k`` of ``n`` (every n-th page from the k-th)."""
        site, lang = self.site, self.lang
        # One callable per page, in the site's order, so a part renders only its own.
        made: list[Callable[[], GeneratedPage]] = [
            lambda template=template, name=name: self.render(template, Here(lang, name))
            for template, name in (("home.md.j2", "home"), ("programs.md.j2", "programs"),
                                   ("antennas.md.j2", "antennas"),
                                   ("volunteers.md.j2", "volunteers"),
                                   ("impact.md.j2", "impact"),
                                   ("calendars.md.j2", "calendars"))]
        made.append(lambda: self.render("partners.md.j2", Here(lang, "partners"),
                                        open_data=published(site.dataset)))
        made.append(lambda: self.render("volunteers-privacy.md.j2",
                                        Here(lang, "volunteers-privacy"),
                                        privacy=site.dataset.privacy,
                                        roster=tuple(GROUPS["roster"])))
        made += [lambda program_id=program_id, program=program: self.render(
                     "program.md.j2", Here(lang, "program", program_id),
                     program_id=program_id, program=program)
                 for program_id, program in site.programs()]
        made += [lambda antenna_id=antenna_id, antenna=antenna: self.render(
                     "antenna.md.j2", Here(lang, "antenna", antenna_id),
                     antenna_id=antenna_id, antenna=antenna)
                 for antenna_id, antenna in site.antennas()]
        made += [lambda cohort_id=cohort_id: self.cohort_page(cohort_id)
                 for cohort_id in sorted(site.cohorts)]
        k, n = part
        return [page() for page in made[k::n]]

    def cohort_page(self, cohort_id: str) -> GeneratedPage:
        site, lang = self.site, self.lang
        here = Here(lang, "cohort", cohort_id)
        data = structured.course(site.cohorts[cohort_id], lang,
                                 urls.absolute_url(site.site_url, here.url), site.site_url)
        return self.render("cohort.md.j2", here, view=site.cohorts[cohort_id],
                           json_ld=structured.json_ld(data))


def render_pages(site: Site, lang: str, part: tuple[int, int] = (0, 1)) -> list[GeneratedPage]:
    """Every generated page of the site in ``lang``; with ``part`` (k, n), only every n-th
    from the k-th, so that n processes can share one language (the n parts make the whole)."""
    return Renderer(site, lang).pages(part)
