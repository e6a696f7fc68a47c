"""``make catalogs``: extract each domain's messages, merge them into its catalogs, compile.

For every domain of ``i18n.DOMAINS`` this runs pybabel (Babel's own command line):
``extract`` with ``scripts/babel-<domain>.cfg`` into ``locale/<domain>.pot``; ``update``
the catalog of each language the domain has (``catalogs:`` in ``languages.yml``), or
``init`` it when the language is new there; then ``compile --statistics``, which prints how
much of each catalog is translated (the build compiles the ``.po`` files itself, in memory:
the ``.mo`` files written here are git-ignored and never read).

The ``data`` domain (``konexio.model.texts``) is extracted from the YAML, not the code: one
message per text of the data, its place as context. Its catalogs (every language but French)
are updated *with* fuzzy matching, so a translation whose French changed is kept as a fuzzy
suggestion for the translator (never shown), and each text the YAML itself writes in a
language is copied into that language's catalog (the YAML wins; translators see it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

from konexio.i18n import (
    BY_CODE,
    DOMAINS,
    LOCALE_DIR,
    Domain,
    catalog_path,
    template_path,
)
from konexio.model import texts

SCRIPTS = Path(__file__).parent.parent
MARKERS = ("N_", "NC_:1c,2", "NN_:1,2")
"""``konexio.i18n``'s markers, for words kept in a table and translated where shown."""
KEYWORDS = {
    # Jinja's i18n extension: _() and ngettext(singular, plural, n) in the site's templates.
    "konexio": ("_", "gettext", "ngettext:1,2", "pgettext:1c,2", *MARKERS),
    # i18n.Domain's methods take the language first: COORDINATORS.gettext(lang, "...").
    "coordinators": ("gettext:2", "ngettext:2,3", "pgettext:2c,3", *MARKERS),
    "volunteers": ("gettext:2", "ngettext:2,3", "pgettext:2c,3", *MARKERS),
}
WIDTH = "100"


def extract_arguments(domain: Domain, output: Path) -> list[str]:
    """The ``pybabel extract`` command line of ``domain`` (run from ``scripts/``)."""
    keywords = [argument for keyword in KEYWORDS[domain.name] for argument in ("-k", keyword)]
    return ["pybabel", "-q", "extract", "-F", f"babel-{domain.name}.cfg",
            "--no-default-keywords", *keywords, "--add-comments=TRANSLATORS:", "--no-location",
            "--sort-output", "-w", WIDTH, "--project=Konexio", "--copyright-holder=Konexio",
            "-o", str(output), "."]


def _run(arguments: list[str]) -> None:
    shown = (str(Path(a).relative_to(Path.cwd())) if a.startswith(str(Path.cwd())) else a
             for a in arguments if a != "-q")
    print(" ".join(shown), flush=True)
    CommandLineInterface().run(arguments)


def extract(domain: Domain, output: Path) -> None:
    """Write the template of ``domain``'s messages, as found in the code, to ``output``."""
    here = Path.cwd()
    try:
        os.chdir(SCRIPTS)  # the .cfg patterns are relative to scripts/
        _run(extract_arguments(domain, output.resolve()))
    finally:
        os.chdir(here)


def merge(domain: Domain) -> None:
    """Bring every catalog of ``domain`` in line with its template (a new one is made)."""
    template = str(template_path(domain.name))
    for lang in domain.languages:
        po = catalog_path(lang, domain.name)
        verb = "update" if po.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if verb == "update" else []
        _run(["pybabel", "-q", verb, "-i", template, "-o", str(po), "-l", BY_CODE[lang].locale,
              "-D", domain.name, "-w", WIDTH, *extra])


def extract_data(root: Path, output: Path) -> None:
    """Write the template of the data's texts under ``root`` (``data.pot``) to ``output``."""
    from konexio.validate.structure import read_dataset

    print(f"extract the texts of schedules/ and volunteers/ -> {output.name}", flush=True)
    dataset, _, problems = read_dataset(root)
    errors = [problem for problem in problems if not problem.is_warning]
    if errors:
        # A file that cannot be read would leave the template without its texts, and the
        # update would then drop their translations: nothing is written.
        raise SystemExit("make catalogs: the data has errors (konexio validate); the data "
                         f"catalogs are left as they are:\n{errors[0].as_text('en')}")
    with output.open("wb") as pot:
        write_po(pot, texts.template(dataset), width=int(WIDTH))


def merge_data(root: Path, locale: Path = LOCALE_DIR) -> None:
    """Update every ``data`` catalog under ``locale`` from its template (fuzzy matching on:
    a text whose French changed keeps its old translation as a fuzzy suggestion, never
    shown), then copy into it the texts the YAML under ``root`` writes in its language."""
    from konexio.validate.structure import read_dataset

    template = str(locale / f"{texts.DOMAIN}.pot")
    dataset, _, _ = read_dataset(root)
    written = dict(texts.places(dataset))
    for lang in texts.LANGUAGES:
        po = locale / lang / "LC_MESSAGES" / f"{texts.DOMAIN}.po"
        verb = "update" if po.exists() else "init"
        extra = ["--ignore-obsolete"] if verb == "update" else []
        _run(["pybabel", "-q", verb, "-i", template, "-o", str(po), "-l", BY_CODE[lang].locale,
              "-D", texts.DOMAIN, "-w", WIDTH, *extra])
        with po.open("rb") as file:
            catalog = read_po(file, locale=BY_CODE[lang].locale, domain=texts.DOMAIN)
        for message in catalog:
            text = written.get(message.context or "")
            if message.id and text is not None and text.written(lang):
                message.string = text.written(lang)
                message.flags.discard("fuzzy")
                message.user_comments = [texts.FROM_YAML]
        with po.open("wb") as file:
            write_po(file, catalog, width=int(WIDTH))


def main() -> int:
    for domain in DOMAINS:
        extract(domain, template_path(domain.name))
        merge(domain)
        _run(["pybabel", "compile", "-d", str(LOCALE_DIR), "-D", domain.name, "--statistics"])
    extract_data(SCRIPTS.parent, template_path(texts.DOMAIN))
    merge_data(SCRIPTS.parent)
    _run(["pybabel", "compile", "-d", str(LOCALE_DIR), "-D", texts.DOMAIN, "--statistics"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
