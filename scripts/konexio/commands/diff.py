"""``konexio diff``: what the data of the working tree changes, session by session, compared
with the data at a git revision (default ``origin/main``).

Both sides go through the same load -> validate -> expand as the site; the comparison is
of occurrences and shifts, never of YAML text. Exit 0 with a summary (even when the base is
invalid: that is not this change's fault), 1 when the working tree's data has problems
(listed as ``konexio validate`` lists them), 2 when the revision cannot be read.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

from konexio.cli import add_common, report
from konexio.diff.git import GitError, export_data
from konexio.diff.words import say


def register(sub) -> None:
    command = sub.add_parser("diff", help="what the data changes to sessions and shifts, "
                                          "compared with a git revision")
    add_common(command)
    command.add_argument("--base", default="origin/main",
                         help="the git revision to compare with (default: origin/main)")
    command.add_argument("--format", choices=("text", "markdown"), default="text",
                         help="text for a terminal; markdown for a pull request comment")
    command.add_argument("--preview", metavar="PATH", default=None,
                         help="link each changed cohort to its page under PATH of the "
                              "site_url of mkdocs.yml, e.g. pr-preview/pr-12/")
    command.set_defaults(run=run)


def preview_base(root: Path, path: str | None) -> str | None:
    """The public address of the preview: mkdocs.yml's ``site_url`` joined with ``path``."""
    if not path:
        return None
    try:
        # Material's configs may hold !!python tags: read only the plain site_url line.
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.startswith("site_url:")]
        site_url = yaml.safe_load(lines[0])["site_url"] if lines else ""
    except (OSError, yaml.YAMLError, TypeError):
        site_url = ""
    if not site_url:
        return None
    return f"{site_url.rstrip('/')}/{path.strip('/')}/"


def _plain(problems, lang: str) -> list[str]:
    # Shown inside a fenced block of the comment: a backtick must not close it.
    return [p.as_text(lang).replace("`", "'") for p in problems]


def run(args) -> int:
    from konexio.diff.compare import Side, compare
    from konexio.diff.render import render, render_problems
    from konexio.validate import check

    lang = args.lang
    after = check(args.root)
    if after.schedule is None:
        if args.format == "markdown":
            print(render_problems(_plain(after.problems, lang), "markdown", lang,
                                  "tree_invalid", args.base), end="")
        report(after.problems, "text", lang)
        return 1
    with tempfile.TemporaryDirectory(prefix="konexio-diff-") as folder:
        try:
            export_data(args.root, args.base, Path(folder))
        except GitError as error:
            print(say(error.code, lang, **error.params), file=sys.stderr)
            return 2
        before = check(Path(folder))
    if before.schedule is None:
        print(render_problems([], args.format, lang, "base_invalid", args.base), end="")
        return 0
    comparison = compare(Side(before.dataset, before.schedule),
                         Side(after.dataset, after.schedule))
    print(render(comparison, args.format, lang, args.base,
                 preview_base(args.root, args.preview)), end="")
    return 0
