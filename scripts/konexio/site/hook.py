"""mkdocs hook (``hooks:`` in mkdocs.yml): the data's pages in every language.

The French build (``docs/fr``) reads and checks the data once, adds the generated pages,
then builds English and Arabic the same way and writes the calendar feeds. Each step is a
few lines here; the work is done by ``konexio.pages`` (pure) and ``konexio.site``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from konexio import LANGUAGES, urls
from konexio.pages import share_image
from konexio.pages.render import render_pages
from konexio.problems import DataError
from konexio.site import languages, run, translations

log = logging.getLogger("mkdocs.hooks.konexio")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


@event_priority(100)  # before the search plugin, which reads theme.language in on_config
def on_config(config):
    lang = languages.language_of(config.docs_dir)
    config.theme["language"] = languages.THEME[lang]
    search = config.plugins.get("material/search")
    if search is not None:  # Material has no search language for some: languages.yml names them
        search.config.lang = list(languages.SEARCH[lang])
    site_url = languages.root_site_url(config.site_url or "/", lang)
    if lang == languages.DEFAULT:
        report = translations.report(Path(config.docs_dir).parent)
        for line in report.lines():
            (log.info if report.ok else log.error)(line)
        if not report.ok:
            raise PluginError("Some pages or words are not translated (see above).")
        try:
            started = run.begin(_root(config), site_url)
        except DataError as error:
            for found in error.problems:
                log.error(found.as_text())
            raise PluginError(f"{len(error.problems)} problem(s) in the data (see above): "
                              "nothing was built.") from None
        for line in translations.data_coverage(started.site.dataset):
            log.info(line)
    config.extra["kx_lang"] = lang
    config.extra["kx_alternates"] = languages.alternates(lang, site_url)
    config.extra["kx_share_image"] = urls.absolute_url(site_url, share_image.PATH)
    return config


@event_priority(100)  # before other plugins look at the files
def on_files(files: Files, config) -> Files:
    lang = config.extra["kx_lang"]
    for page in render_pages(run.current().site, lang):
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{lang}/{page.src_uri} is made from the data: "
                              "remove the hand-written file.")
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    if lang == languages.DEFAULT:  # one picture for every language, at the root
        files.append(File.generated(config, share_image.PATH,
                                    content=share_image.share_image(run.current().site)))
    return files


class _CompiledTemplates(BytecodeCache):
    """Theme templates compiled once per process, not once per build.

    Every MkDocs build makes a new Jinja environment and compiles Material's ~40 templates
    again: three times per ``make site`` and at every ``mkdocs serve`` rebuild. Jinja checks
    each template's source checksum before reusing its bytecode, so an edited template is
    compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()


def on_env(env, config, files):
    env.bytecode_cache = _TEMPLATES
    return env


def on_post_page(output: str, page, config) -> str:
    """Declare the direction on <html> too (Material only sets it on <body>)."""
    html = _with_direction(output, config.extra["kx_lang"])
    if html == output:
        raise PluginError(f"{page.file.src_uri}: no <html lang class=no-js> to add dir= to")
    return html


def on_post_template(output: str, template_name: str, config) -> str:
    """The same for the pages made from a template alone (404.html)."""
    return _with_direction(output, config.extra["kx_lang"])


def _with_direction(output: str, lang: str) -> str:
    opening = f'<html lang="{languages.THEME[lang]}" class="no-js">'
    return output.replace(opening, f'<html lang="{languages.TAGS[lang]}" '
                                   f'dir="{languages.DIRECTION[lang]}" class="no-js">', 1)


def on_post_build(config) -> None:
    """After the French build: the other languages, then the feeds of all languages."""
    if config.extra["kx_lang"] != languages.DEFAULT:
        return
    current = run.current()
    for lang in LANGUAGES:
        if lang == languages.DEFAULT:
            continue
        other = load_config(
            config.config_file_path,
            docs_dir=str(languages.docs_dir_for(config.docs_dir, lang)),
            site_dir=str(Path(config.site_dir) / urls.lang_prefix(lang)),
            site_url=urls.absolute_url(current.site.site_url, urls.lang_prefix(lang)),
            strict=config.strict,
        )
        build(other)
    _write_feeds(current, Path(config.site_dir))


def _write_feeds(current: run.Run, site_dir: Path) -> None:
    from konexio.feeds import write_feeds

    site = current.site
    written = write_feeds(site.dataset, site.schedule, site_dir, site.site_url,
                          today=site.today, root=current.root)
    log.info("konexio: %d calendar feeds written", len(written))
