"""The ``konexio`` command: one subcommand per job, each taking ``--root``.

Each subcommand lives in its own module under ``konexio.commands`` and registers itself
with ``register(subparsers)``; this file only dispatches and turns data problems into
plain messages and exit codes (never a traceback for a coordinator's mistake).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from konexio.i18n import COORDINATORS
from konexio.problems import CommandError, DataError

COMMANDS = (
    "validate",
    "build",
    "stage",
    "serve",
    "schema",
    "sync",
    "coverage",
    "new",
    "diff",
    "notify",
    "personal_feeds",
    "forget",
    "hours",
    "attest",
)
"""Modules of ``konexio.commands``, in the order ``--help`` lists them."""


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="konexio",
        description="Build Konexio's site, calendar feeds and volunteer shift sheets "
                    "from the YAML under schedules/ and volunteers/.",
    )
    sub = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"konexio.commands.{name}").register(sub)
    return main


def add_common(command: argparse.ArgumentParser) -> None:
    """Options every subcommand takes."""
    command.add_argument("--root", type=Path, default=Path.cwd(),
                         help="the checkout to read (default: the current directory)")
    command.add_argument("--lang", choices=COORDINATORS.languages, default="fr",
                         help="language of the messages (default: fr)")


def report(problems, fmt: str = "text", lang: str = "fr", stream=None) -> None:
    """Print every problem, one line each, then a count (errors and warnings apart)."""
    stream = stream or sys.stderr
    for found in problems:
        print(found.as_github(lang) if fmt == "github" else found.as_text(lang), file=stream)
    # A problem shown on a second file's line too (``Problem.seen_from``) counts once.
    problems = [p for p in problems if getattr(p, "seen_from", None) is None]
    warnings = sum(1 for p in problems if getattr(p, "is_warning", False))
    line = COORDINATORS.ngettext(lang, "%(num)d problème trouvé.", "%(num)d problèmes trouvés.",
                                 len(problems) - warnings)
    if warnings:
        line += " " + COORDINATORS.ngettext(lang, "%(num)d avertissement.",
                                            "%(num)d avertissements.", warnings)
    print(line, file=stream)


def stopped(command: str, error: CommandError, lang: str = "fr", stream=None) -> None:
    """Why ``konexio <command>`` stopped, in the coordinator's language, on one line."""
    print(COORDINATORS.gettext(lang, "konexio %(command)s : %(reason)s", command=command,
                               reason=error.text(lang)), file=stream or sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    try:
        return int(args.run(args) or 0)
    except DataError as error:
        report(error.problems, getattr(args, "format", "text"), args.lang)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        # A bug of ours, never the coordinator's mistake: one plain line instead of a
        # traceback they cannot act on (KONEXIO_DEBUG=1 shows the traceback to developers).
        if os.environ.get("KONEXIO_DEBUG"):
            raise
        print(f"konexio: internal error ({type(error).__name__}: {error}). This is a bug "
              "in konexio, not a mistake in your data: please report it with this line. / "
              "Erreur interne de konexio, pas de vos données : signalez-la avec cette ligne.",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
