"""``make catalogs``: extract each domain's messages, merge them into its catalogs, compile.

For every domain of ``i18n.DOMAINS`` this runs pybabel (Babel's own command line):
``extract`` with ``scripts/babel-<domain>.cfg`` into ``locale/<domain>.pot``; ``update``
the catalog of each language the domain has (``catalogs:`` in ``languages.yml``), or
``init`` it when the language is new there; then ``compile --statistics``, which prints how
much of each catalog is translated (the build compiles the ``.po`` files itself, in memory:
the ``.mo`` files written here are git-ignored and never read).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from konexio.i18n import BY_CODE, DOMAINS, LOCALE_DIR, Domain, catalog_path, template_path

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


def main() -> int:
    for domain in DOMAINS:
        extract(domain, template_path(domain.name))
        merge(domain)
        _run(["pybabel", "compile", "-d", str(LOCALE_DIR), "-D", domain.name, "--statistics"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
