"""``konexio validate``: every problem of the data, one line each, exit 1 if any error."""

from __future__ import annotations

import sys

from konexio.cli import add_common, report
from konexio.diff.git import GitError
from konexio.diff.words import say
from konexio.i18n import COORDINATORS
from konexio.problems import Problem
from konexio.validate import check
from konexio.validate.changed import changed_files, spread
from konexio.validate.pages import missing_pages


def register(sub) -> None:
    command = sub.add_parser("validate", help="check the YAML data and list every problem")
    add_common(command)
    command.add_argument("--format", choices=("text", "github"), default="text",
                         help="text: path:line:col: message; github: workflow annotations")
    command.add_argument("--strict", action="store_true",
                         help="treat warnings as errors (exit 1 if there is any)")
    command.add_argument("--changed-since", metavar="REF",
                         help="a problem between two files is shown on the line of each one "
                              "changed since the git revision REF (default: on both lines)")
    command.set_defaults(run=run)


def run(args) -> int:
    changed = None
    if args.changed_since:
        try:
            changed = changed_files(args.root, args.changed_since)
        except GitError as error:
            print(say(error.code, args.lang, **error.params), file=sys.stderr)
            return 2
    checked = check(args.root, strict=args.strict)
    pages = missing_pages(args.root)  # the site's pages, beside the data
    everything = sorted((*spread(checked.everything, changed), *pages), key=Problem.sort_key)
    # Annotations must reach the log on stdout; plain text goes to stderr like compilers.
    stream = sys.stdout if args.format == "github" else sys.stderr
    if everything:
        report(everything, args.format, args.lang, stream)
    if checked.problems or pages:
        return 1
    schedule = checked.schedule
    lang = args.lang
    sessions = COORDINATORS.ngettext(lang, "%(num)d séance", "%(num)d séances",
                                     len(schedule.occurrences) if schedule else 0)
    cohorts = COORDINATORS.ngettext(lang, "%(num)d cohorte", "%(num)d cohortes",
                                    len(checked.dataset.cohorts))
    print(COORDINATORS.gettext(lang, "Les données sont valides : %(cohorts)s, %(sessions)s.",
                               cohorts=cohorts, sessions=sessions))
    print_coverage(checked.dataset, args.lang)
    return 0


def print_coverage(dataset, lang: str = "fr") -> None:
    """The texts of the data per language: required ones are checked above, the others
    fall back (konexio/locale/languages.yml) and are only counted."""
    from konexio.validate.coverage import coverage

    for line in coverage(dataset):
        print(f"  {line.line(lang)}")
