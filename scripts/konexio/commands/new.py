"""``konexio new``: write the skeleton of a new cohort, antenna or closure, in the right place.

The skeleton is commented, starts with the schema line (editors then complete and check
keys), and is checked by the validator right away, so the coordinator sees what to review
or fill before opening a pull request.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from konexio.cli import add_common
from konexio.load.discover import Kind
from konexio.scaffold.closures import insert_closure
from konexio.scaffold.drafts import (
    AntennaDraft,
    CohortDraft,
    check_antenna_request,
    check_slug,
    closure_draft,
    cohort_draft,
    read_checkout,
    require,
)
from konexio.scaffold.render import render, schema_line
from konexio.scaffold.words import ScaffoldError, say
from konexio.scaffold.writer import rewrite, write_new
from konexio.validate import check


def register(sub) -> None:
    command = sub.add_parser("new", help="write the skeleton of a new cohort, antenna or closure")
    kinds = command.add_subparsers(dest="what", required=True, metavar="WHAT")

    cohort = kinds.add_parser("cohort", help="a new cohort: schedules/cohorts/<antenna>/<id>.yml")
    add_common(cohort)
    cohort.add_argument("--antenna", required=True, help="antenna id, e.g. paris")
    cohort.add_argument("--program", required=True, help="program id, e.g. digitall-beginner")
    cohort.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
    cohort.add_argument("--venue", help="venue id (default: the antenna's first venue)")
    cohort.add_argument("--id", dest="cohort_id",
                        help="file name without .yml (default: <program>-<venue>-<YYYY-MM>)")
    cohort.add_argument("--weeks", type=int,
                        help="length in weeks (default: as the latest cohort of the program)")
    cohort.set_defaults(run=run_cohort)

    antenna = kinds.add_parser("antenna", help="a new antenna: schedules/antennas/<id>.yml")
    add_common(antenna)
    antenna.add_argument("--id", dest="antenna_id", required=True, help="antenna id, e.g. lyon")
    antenna.add_argument("--country", default="FR", help="ISO country code (default: FR)")
    antenna.add_argument("--timezone", default="Europe/Paris",
                         help="IANA time zone (default: Europe/Paris)")
    antenna.set_defaults(run=run_antenna)

    closure = kinds.add_parser("closure", help="add a closure to an antenna's closures: list")
    add_common(closure)
    closure.add_argument("--antenna", required=True, help="antenna id, e.g. paris")
    closure.add_argument("--start", required=True, help="first day without class, YYYY-MM-DD")
    closure.add_argument("--end", required=True, help="last day without class, YYYY-MM-DD")
    closure.add_argument("--venue", help="only this venue (default: the whole antenna)")
    for lang, name in (("fr", "French"), ("en", "English"), ("ar", "Arabic")):
        closure.add_argument(f"--reason-{lang}", help=f"reason in {name} (else left blank)")
    closure.set_defaults(run=run_closure)


def _sessions(draft: CohortDraft) -> str:
    return ", ".join(f"{s.day} {s.start}-{s.end}" for s in draft.sessions)


def _report(root: Path, rel: str, lang: str) -> None:
    """What the validator says about the new file (other files are not our business)."""
    mine = [p for p in check(root).everything if p.path == rel]
    if not mine:
        print(say("valid", lang))
        return
    print(say("problems", lang))
    for found in mine:
        print(f"  {found.as_text(lang)}")


def _guarded(action, args) -> int:
    try:
        action(args)
    except ScaffoldError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 2
    return 0


def run_cohort(args) -> int:
    return _guarded(_cohort, args)


def run_antenna(args) -> int:
    return _guarded(_antenna, args)


def run_closure(args) -> int:
    return _guarded(_closure, args)


def _cohort(args) -> None:
    checkout = read_checkout(args.root)
    draft = cohort_draft(checkout, antenna=args.antenna, program=args.program,
                         start=args.start, venue=args.venue, cohort_id=args.cohort_id,
                         weeks=args.weeks)
    text = render("cohort.yml.j2", draft=draft, schema_line=schema_line(Kind.cohort, draft.path))
    write_new(args.root, draft.path, text)
    lang = args.lang
    print(say("wrote", lang, path=draft.path))
    print(say("review", lang))
    print(say("review_dates", lang, start=draft.start.isoformat(), end=draft.end.isoformat(),
              weeks=draft.weeks))
    if draft.copied_from:
        print(say("review_sessions_copied", lang, source=draft.copied_from,
                  sessions=_sessions(draft)))
    else:
        print(say("review_sessions_default", lang, sessions=_sessions(draft)))
    print(say("review_rest", lang, venue=draft.venue, language=draft.language,
              capacity=draft.capacity))
    _report(args.root, draft.path, lang)


def _antenna(args) -> None:
    checkout = read_checkout(args.root)
    antenna_id = check_slug(args.antenna_id)
    check_antenna_request(args.country, args.timezone)
    draft = AntennaDraft(antenna_id, args.country, args.timezone, date.today().year)
    if antenna_id in checkout.known(Kind.antenna):
        raise ScaffoldError("exists", path=draft.path)
    text = render("antenna.yml.j2", draft=draft,
                  schema_line=schema_line(Kind.antenna, draft.path))
    write_new(args.root, draft.path, text)
    print(say("wrote", args.lang, path=draft.path))
    _report(args.root, draft.path, args.lang)


def _closure(args) -> None:
    checkout = read_checkout(args.root)
    require(checkout, Kind.antenna, args.antenna)
    reasons = {"fr": args.reason_fr, "en": args.reason_en, "ar": args.reason_ar}
    draft = closure_draft(checkout, antenna=args.antenna, start=args.start, end=args.end,
                          venue=args.venue, reason=reasons)
    path = args.root / draft.path
    inserted = insert_closure(path.read_text(encoding="utf-8"), draft)
    rewrite(args.root, draft.path, inserted.text)
    print(say("added", args.lang, path=draft.path, line=inserted.line))
    _report(args.root, draft.path, args.lang)
