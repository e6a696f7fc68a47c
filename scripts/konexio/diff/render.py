"""A ``Comparison`` as Markdown (the pull request's comment and job summary) or plain text.

Sentences come from ``words``; the layout of each format is a Jinja template under
``templates/``. Dates and times are the occurrences' own, in the antenna's time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined

from konexio import urls
from konexio.diff.compare import CohortChange, Comparison, Outline, ShiftCount
from konexio.diff.words import say, totals
from konexio.expand.occurrences import Occurrence
from konexio.messages import language_name, weekday
from konexio.model.types import Text

MARKER = "<!-- konexio-diff -->"
"""First line of the Markdown summary: the workflow finds its own comment by it, to update
that comment on each push instead of adding a new one."""

MAX_LINES = 12
"""Sessions listed per kind of change and cohort; one closure can remove dozens."""

MAX_MARKDOWN = 60_000
"""A GitHub comment holds at most 65,536 characters; the rest of the list is cut."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~@])")


def markdown_text(value: str) -> str:
    """Free text typed by a coordinator, shown as text: no link, mention or markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def when(o: Occurrence, lang: str) -> str:
    day = format_date(o.start.date(), "EEE d MMM y", locale=lang)
    room = f", {o.room}" if o.room else ""
    return f"{day} {o.start:%H:%M}–{o.end:%H:%M}{room}"


def planned(o: Occurrence, lang: str) -> str:
    """The day and time a session was planned for, before it was moved."""
    day = format_date(o.planned_date, "EEE d MMM y", locale=lang)
    return f"{day} {o.planned_start:%H:%M}"


def _text(value: Text | None, lang: str) -> str:
    if value is None:
        return ""
    return getattr(value, lang, None) or value.fr


@dataclass(frozen=True)
class Section:
    """One cohort's part of the summary."""

    cohort: str
    heading: str
    link: str
    lines: tuple[str, ...]


def _capped(lines: list[str], lang: str) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    rest = len(lines) - MAX_LINES
    return lines[:MAX_LINES] + [say("more", lang, n=rest)]


def _roles(counts: tuple[ShiftCount, ...], lang: str) -> str:
    return ", ".join(f"{_text(c.names, lang) or c.role_name} ×{c.count}" for c in counts)


def _moved(o: Occurrence, lang: str, escape, before: str | None = None) -> str:
    """'Moved: before → after (reason)'; the reason is the move's, typed in the file."""
    reason = escape(_text(o.reason, lang))
    values = dict(before=before or planned(o, lang), after=when(o, lang))
    if reason:
        return say("line_moved_because", lang, reason=reason, **values)
    return say("line_moved", lang, **values)


def _outline_lines(outline: Outline, lang: str, escape) -> list[str]:
    """What a reviewer checks of a new cohort (or of a removed one): what and where, the
    weekly sessions, the first and last sessions, then its own moves and cancellations."""
    lines = [say("line_what", lang,
                 program=escape(_text(outline.program, lang) or outline.program_id),
                 venue=escape(_text(outline.venue, lang) or outline.venue_id),
                 language=language_name(outline.language, lang),
                 capacity=outline.capacity, status=say(f"status_{outline.status}", lang))]
    slots = [say("slot_room" if w.room else "slot", lang, weekday=weekday(w.weekday, lang),
                 start=w.start, end=w.end, room=escape(w.room or ""))
             for w in outline.weekly]
    lines.append(say("line_weekly", lang,
                     slots=escape(say("slots_separator", lang).join(slots))))
    if outline.first is not None and outline.last is not None:
        lines.append(say("line_first_last", lang, first=when(outline.first, lang),
                         last=when(outline.last, lang)))
    lines += _capped([_moved(o, lang, escape) for o in outline.moved], lang)
    lines += _capped([say("line_cancelled", lang, when=when(o, lang),
                          reason=escape(_text(o.reason, lang)))
                      for o in outline.cancelled], lang)
    return lines


def _lines(change: CohortChange, lang: str, escape) -> list[str]:
    if change.kind != "changed":
        sessions = say("sessions", lang, n=change.sessions)
        lines = [say("cohort_new" if change.kind == "new" else "cohort_removed", lang,
                     sessions=sessions)]
        if change.outline is not None:
            lines += _outline_lines(change.outline, lang, escape)
    else:
        lines = []
        lines += _capped([_moved(m.after, lang, escape, before=when(m.before, lang))
                          for m in change.moved], lang)
        lines += _capped([say("line_cancelled", lang, when=when(o, lang),
                              reason=escape(_text(o.reason, lang)))
                          for o in change.cancelled], lang)
        removed = []
        for r in change.removed:
            closed = r.closure
            reason = (_text(closed.reason, lang) or closed.holiday) if closed else ""
            removed.append(say("line_removed_closed", lang, when=when(r.occurrence, lang),
                               reason=escape(reason)) if reason else
                           say("line_removed", lang, when=when(r.occurrence, lang)))
        lines += _capped(removed, lang)
        lines += _capped([say("line_added", lang, when=when(o, lang)) for o in change.added],
                         lang)
        lines += _capped([say("line_restored", lang, when=when(o, lang))
                          for o in change.restored], lang)
        if change.status:
            before, after = (say(f"status_{s}", lang) for s in change.status)
            lines.append(say("line_status", lang, before=before, after=after))
        if change.capacity:
            lines.append(say("line_capacity", lang, before=change.capacity[0],
                             after=change.capacity[1]))
    if change.shifts_added:
        lines.append(say("line_shifts_added", lang,
                         roles=escape(_roles(change.shifts_added, lang))))
    if change.shifts_removed:
        lines.append(say("line_shifts_removed", lang,
                         roles=escape(_roles(change.shifts_removed, lang))))
    return lines


def totals_line(comparison: Comparison, lang: str) -> str:
    t = comparison.totals
    if not comparison.cohorts:
        return say("no_session_change", lang)
    parts = [say("cohorts", lang, n=t.cohorts)]
    parts += [say(name, lang, n=getattr(t, name)) for name in (
        "new_cohorts", "removed_cohorts", "added", "removed", "cancelled", "moved", "restored",
        "shifts_added", "shifts_removed") if getattr(t, name)]
    head, rest = parts[0], parts[1:]
    if not comparison.touches_sessions:
        rest = [say("no_session_change", lang).rstrip(".").lower(), *rest]
    return totals(head, rest, lang) if rest else head + "."


def page_link(link_base: str | None, change: CohortChange, lang: str) -> str:
    """The cohort's page in the preview (none for a cohort that is gone)."""
    if not link_base or change.kind == "removed":
        return ""
    return urls.absolute_url(link_base, urls.page_url(lang, "cohort", change.cohort))


@cache
def environment() -> Environment:
    # Markdown and plain text, not HTML: free text is escaped by hand (markdown_text).
    return Environment(loader=PackageLoader("konexio.diff", "templates"), autoescape=False,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render(comparison: Comparison, fmt: str, lang: str, base: str,
           link_base: str | None = None) -> str:
    """The whole summary, totals first, then one section per cohort."""
    markdown = fmt == "markdown"
    escape = markdown_text if markdown else str
    sections = [Section(c.cohort, say("heading", lang, antenna=c.antenna, timezone=c.timezone),
                        page_link(link_base, c, lang), tuple(_lines(c, lang, escape)))
                for c in comparison.cohorts]
    shifts = comparison.totals.shifts_added or comparison.totals.shifts_removed
    values = dict(marker=MARKER, base=base, say=say, lang=lang, sections=sections,
                  totals=totals_line(comparison, lang),
                  no_shift_change="" if shifts or not comparison.cohorts
                  else say("no_shift_change", lang),
                  preview=link_base or "", truncated=0)
    template = environment().get_template("summary.md.j2" if markdown else "summary.txt.j2")
    out = template.render(**values)
    while markdown and len(out) > MAX_MARKDOWN and values["sections"]:
        cut = max(1, len(values["sections"]) // 4)
        values["sections"] = values["sections"][:-cut]
        values["truncated"] = len(sections) - len(values["sections"])
        out = template.render(**values)
    return out


def render_problems(problem_lines: list[str], fmt: str, lang: str, code: str,
                    base: str) -> str:
    """Why there is no comparison: the data on one side is invalid."""
    values = dict(marker=MARKER, lang=lang, base=base, say=say, code=code,
                  problems=problem_lines)
    template = "problems.md.j2" if fmt == "markdown" else "problems.txt.j2"
    return environment().get_template(template).render(**values)
