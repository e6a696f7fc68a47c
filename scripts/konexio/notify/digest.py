"""Weekly digests, once per person and ISO week, on the first ``konexio notify`` on or after
the week's ``digest_day`` (``volunteers/roles.yml``, Monday by default): a run missed on
that day is caught up the next, never twice.

Who gets one is the coordinators' choice, in the roster's column « résumé de la semaine »
(people data, never in the repository): ``coordination`` for the antenna's week (open slots
of the next two weeks, people booked twice at once, waiting lists, stand-ins wanted, people
absent without excuse twice or more in the last ``ABSENCE_WEEKS`` weeks), ``oui``
for a volunteer's open slots of the roles they signed up for. Pure, but for the words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from konexio.feeds.events import FeedContext
from konexio.feeds.personal import role_names
from konexio.feeds.words import clock, full_date
from konexio.notify.changes import Kind, State
from konexio.notify.compose import privacy_notice
from konexio.notify.people import Matching, SignUp
from konexio.notify.words import word
from konexio.shifts import Shift
from konexio.sync.coverage import coverage
from konexio.sync.layout import normalize
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.requirements import is_yes
from konexio.sync.roster import Volunteer
from konexio.sync.words import DIGEST, DIGEST_COORDINATION

WEEKS = 2
ABSENCE_WEEKS = 8
"""As ``konexio coverage --absences-weeks``' default."""
BLANK = State("", "", "", "", "", "")


def week_key(today: date) -> str:
    """``semaine/2026-W46``: the journal's ``créneau`` of a digest (one per ISO week)."""
    year, week, _ = today.isocalendar()
    return f"semaine/{year}-W{week:02d}"


@dataclass(frozen=True)
class Digest:
    """One weekly mail; ``kind``, ``shift_id``, ``now`` and ``sequence`` are what the
    journal writes of it."""

    volunteer: Volunteer
    coordinator: bool
    week: str
    open: tuple[tuple[Shift, int], ...]
    """(shift, places still open), soonest first."""
    overlaps: tuple[tuple[str, Shift, Shift], ...] = ()
    waiting: tuple[tuple[Shift, int], ...] = ()
    stand_ins: tuple[Shift, ...] = ()
    absences: tuple[tuple[str, int], ...] = ()
    """(name, sessions missed without excuse), from the attendance marks (``Présences``)."""
    now: State = BLANK
    sequence: int = 0

    @property
    def kind(self) -> Kind:
        return Kind.digest

    @property
    def shift_id(self) -> str:
        return self.week


def _choice(roster: WorksheetSnapshot) -> dict[int, str]:
    """Roster row -> ``coordination`` or ``oui``, from « résumé de la semaine »."""
    if not roster.exists:
        return {}
    col = next((c for c, typed in enumerate(roster.header)
                if normalize(typed) == normalize(DIGEST)), None)
    if col is None:
        return {}
    chosen = {}
    for row in range(1, len(roster.rows)):
        typed = roster.cell(row, col)
        if normalize(typed) == normalize(DIGEST_COORDINATION):
            chosen[row] = "coordination"
        elif is_yes(typed):
            chosen[row] = "oui"
    return chosen


def coordinators(roster: WorksheetSnapshot, volunteers: tuple[Volunteer, ...]) \
        -> tuple[Volunteer, ...]:
    """The roster's people whose « résumé de la semaine » says « coordination »."""
    chosen = _choice(roster)
    return tuple(v for v in volunteers if chosen.get(v.row) == "coordination")


def digests(snapshots: list[WorksheetSnapshot], shifts: tuple[Shift, ...],
            roster: WorksheetSnapshot, volunteers: tuple[Volunteer, ...],
            matching: Matching, signups: list[SignUp], today: date, sent,
            day: int = 0) -> list[Digest]:
    """The digests due this week (``sent(email, week)``: gone already; ``day``: the
    weekday they go out from, 0 for Monday)."""
    if today.weekday() < day:
        return []
    chosen = _choice(roster)
    week = week_key(today)
    found = coverage(snapshots, shifts, datetime.combine(today, time(0), UTC), WEEKS)
    open_ = tuple((item.shift, item.open) for item in found.open)
    horizon = today + timedelta(weeks=WEEKS)
    by_id = {s.id: s for s in shifts}
    marked = {s.shift_id for s in signups if s.unavailable}
    short = {item.shift.id for item in found.open}
    stand_ins = tuple(by_id[i] for i in sorted(marked & short, key=lambda i: by_id[i].start))
    roles: dict[str, set[str]] = {}
    for item in matching.matched:
        shift = by_id.get(item.signup.shift_id)
        if shift is not None:
            roles.setdefault(item.volunteer.email.casefold(), set()).add(shift.role)
    made = []
    for volunteer in volunteers:
        what = chosen.get(volunteer.row)
        if what is None or not volunteer.reachable or sent(volunteer.email, week):
            continue
        if what == "coordination":
            made.append(Digest(volunteer, True, week, open_,
                               tuple((o.name, o.first, o.second) for o in found.overlaps),
                               found.waiting, stand_ins))
            continue
        mine = roles.get(volunteer.email.casefold(), set())
        wanted = tuple((s, n) for s, n in open_ if s.role in mine
                       and s.start.date() < horizon)
        if wanted:
            made.append(Digest(volunteer, False, week, wanted))
    return made


def _when(shift: Shift, lang: str) -> str:
    return f"{full_date(shift.start.date(), lang)}, {clock(shift.start.time(), lang)}–" \
           f"{clock(shift.end.time(), lang)}"


def _line(shift: Shift, context: FeedContext, lang: str) -> str:
    dataset = context.dataset
    program = dataset.programs[dataset.cohorts[shift.cohort].model.program].model
    antenna = dataset.antennas[shift.antenna].model
    return (f"{_when(shift, lang)} · {program.name.get(lang)} · "
            f"{antenna.name.get(lang)} · {role_names([shift.role], lang, context)}")


def digest_lines(digest: Digest, context: FeedContext, lang: str,
                 alone: bool = True) -> tuple[str, ...]:
    """The digest's own lines, from its introduction to how to stop it: a mail of its own
    (``alone``: the introduction follows « Bonjour ... , »), or the end of the person's
    letter of the run (it starts a sentence)."""
    intro = word("digest.intro.coordination" if digest.coordinator else "digest.intro", lang)
    lines = [intro if alone else intro[:1].upper() + intro[1:], ""]
    lines.append(word("digest.open", lang))
    for shift, count in digest.open:
        lines.append("- " + word("digest.places", lang, what=_line(shift, context, lang),
                                 num=str(count)))
    if not digest.open:
        lines.append("- " + word("digest.none", lang))
    if digest.coordinator:
        sections = (("digest.overlaps", [f"{name} : {_line(a, context, lang)} / "
                                         f"{_line(b, context, lang)}"
                                         for name, a, b in digest.overlaps]),
                    ("digest.waiting", [word("digest.waiting.line", lang,
                                             what=_line(s, context, lang), num=str(n))
                                        for s, n in digest.waiting]),
                    ("digest.stand_ins", [_line(s, context, lang) for s in digest.stand_ins]),
                    ("digest.absences", [word("digest.absences.line", lang, name=name,
                                              num=str(n)) for name, n in digest.absences]))
        for title, items in sections:
            if items:
                lines += ["", word(title, lang)] + [f"- {item}" for item in items]
    return (*lines, "", word("digest.stop", lang))


def compose_digest(digest: Digest, context: FeedContext, sender: str, message_id: str,
                   now: datetime) -> EmailMessage:
    """The digest as a mail of its own (nothing else for that person in this run)."""
    lang = digest.volunteer.language
    lines = [word("hello", lang, name=digest.volunteer.name), "",
             *digest_lines(digest, context, lang), "", word("signature", lang), "",
             word("line.privacy", lang, value=privacy_notice(context.site_url, lang))]
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((digest.volunteer.name, digest.volunteer.email))
    message["Subject"] = word("digest.subject.coordination" if digest.coordinator
                              else "digest.subject", lang)
    message["Date"] = format_datetime(now.astimezone(UTC))
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content("\n".join(lines) + "\n")
    message["Content-Language"] = lang
    return message


def with_absences(made: list[Digest], shifts: tuple[Shift, ...], signups: list[SignUp],
                  presences: WorksheetSnapshot, today: date) -> list[Digest]:
    """The coordinators' digests with who was absent without excuse twice or more (the
    attendance marks of ``Présences``, read only when such a digest is due)."""
    from konexio.hours.attendance import read_marks
    from konexio.hours.count import attendance, no_shows

    now = datetime.combine(today, time(0), UTC)
    given = attendance(shifts, signups, read_marks(presences), now).given
    shows = tuple((name, len({item.shift.occurrence for item in items}))
                  for name, items in no_shows(given, today - timedelta(weeks=ABSENCE_WEEKS),
                                              today))
    return [replace(d, absences=shows) if d.coordinator else d for d in made]
