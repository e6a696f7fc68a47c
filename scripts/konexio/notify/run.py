"""One ``konexio notify``: read each spreadsheet, decide the mails, send and record them.

For each spreadsheet (or the workbook): one read of the shift sheets, the roster and
``Envois``; the due letters are decided purely, one per person (``changes.due``: the
notices and the day's reminders; ``standin``: stand-ins wanted; ``digest``: the weekly
digest; ``changes.together`` joins them); then, letter by letter, its ``en cours`` rows
(one per shift, one for a digest) are stored, the mail handed to SMTP, its outcome queued
for the next write. Names first seen on a shift get their ``inscription`` row in the first write.
Printed lines name cells and shift ids, never a person, unless ``show_names``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from konexio.expand.occurrences import Schedule
from konexio.feeds.events import FeedContext
from konexio.feeds.personal import PersonalFeed
from konexio.i18n import COORDINATORS, N_, NN_, Message
from konexio.model.dataset import Dataset
from konexio.notify.changes import Kind, Letter, due, together
from konexio.notify.compose import compose, message_id_for
from konexio.notify.digest import (
    compose_digest,
    coordinators,
    digest_lines,
    digests,
    with_absences,
)
from konexio.notify.people import (
    Matching,
    SignUp,
    match,
    read_signups,
    unknown_lines,
    waiting,
)
from konexio.notify.record import KIND_LABELS, Journal, Recorder, header_problem, parse
from konexio.notify.send import Mailer, Outcome
from konexio.notify.standin import stand_ins
from konexio.shifts import shifts as all_shifts
from konexio.sync.backend import Backend, Read, Target
from konexio.sync.people_move import move_people
from konexio.sync.roster import EXTRA, RECORDS, ROSTER, Roster, read_roster, valid_token
from konexio.sync.run import worksheet_titles
from konexio.sync.words import NOTED, PENDING, PRESENCES, REFUSED, SENT, UNCERTAIN


@dataclass
class Report:
    lines: list[Message] = field(default_factory=list)
    """What a coordinator reads, worded in their language when printed (no name unless
    asked)."""
    sent: int = 0
    refused: int = 0
    uncertain: int = 0
    would_send: int = 0
    unmatched: int = 0
    spreadsheets: int = 0
    stopped: int = 0
    """Spreadsheets left alone because their journal cannot be trusted."""

    @property
    def ok(self) -> bool:
        return not (self.refused or self.uncertain or self.stopped)


@dataclass(frozen=True)
class Sheets:
    """What one spreadsheet says, read once."""

    target: Target
    read: Read
    roster: Roster
    signups: list[SignUp]
    matching: Matching


def read_sheets(dataset: Dataset, backend: Backend, dry_run: bool = False,
                told: list[Message] | None = None) -> list[Sheets]:
    """Each target read once, after moving what its sign-up place still holds of people
    (``dry_run``: read as if moved, nothing written); what moved is added to ``told``."""
    titles = worksheet_titles(dataset)
    found = []
    for target in backend.targets({}, titles):
        target = replace(target, extra=EXTRA)
        read, moved = move_people(backend, target, dry_run)
        if told is not None:
            told += moved
        roster = read_roster(read.snapshots[ROSTER])
        signups: list[SignUp] = []
        for title in target.titles.values():
            signups += read_signups(read.snapshots[title])
        found.append(Sheets(target, read, roster, signups, match(roster, signups)))
    return found


def _who(mail_or_signup, show_names: bool) -> str:
    if isinstance(mail_or_signup, Letter):
        volunteer = mail_or_signup.volunteer
        if volunteer.row < 0:  # an antenna's contact, public in its YAML file
            return volunteer.email
        if show_names:
            return f"{volunteer.name} <{volunteer.email}>"
        return volunteer.position
    return mail_or_signup.name if show_names else mail_or_signup.position


def describe_sheets(sheets: Sheets, show_names: bool) -> list[Message]:
    """What a coordinator should fix in the roster before anyone can be told."""
    lines = []
    if not sheets.roster.exists:
        lines.append(COORDINATORS.message(N_(
            "%(roster)s : feuille absente ; lancez d'abord konexio sync."), roster=ROSTER))
    lines += sheets.roster.problems
    m = sheets.matching
    lines += unknown_lines(sheets.roster, m.unmatched, show_names)
    if m.ambiguous:
        lines.append(COORDINATORS.message(NN_(
            "%(num)d inscription dont le nom est sur plusieurs lignes de %(roster)s : aucun "
            "message ne part pour elle ; rendez les noms distincts : %(where)s",
            "%(num)d inscriptions dont le nom est sur plusieurs lignes de %(roster)s : aucun "
            "message ne part pour elles ; rendez les noms distincts : %(where)s"),
            num=len(m.ambiguous), roster=ROSTER,
            where=", ".join(_who(s, show_names) for s in m.ambiguous)))
    for rows in m.duplicates:
        lines.append(COORDINATORS.message(N_("%(roster)s : même nom sur les lignes %(rows)s"),
                                          roster=ROSTER,
                                          rows=", ".join(str(v.row + 1) for v in rows)))
    return lines


def _kinds(letter: Letter) -> str:
    """``annulation`` or ``annulation, rappel``: the journal's words for a letter."""
    return ", ".join(dict.fromkeys(KIND_LABELS[item.kind] for item in letter.items))


def _shifts(letter: Letter) -> str:
    return ", ".join(item.shift_id for item in letter.items)


def _mail(letter: Letter, show_names: bool) -> str:
    """``annulation · <shift id> · Bénévoles!A4``: which mail, in the journal's words."""
    return f"{_kinds(letter)} · {_shifts(letter)} · {_who(letter, show_names)}"


_ADDRESS = re.compile(r"<?[^\s<>@]+@[^\s<>@]+>?")


def _server_words(detail: str, show_names: bool) -> str:
    """The mail server's answer, whose words may quote the recipient's address
    (``550 5.1.1 <awa@example.org>: Recipient address rejected``): left out unless asked."""
    if show_names:
        return detail
    if isinstance(detail, Message):  # "... (temporaire ; 4 essais)": the answer is a value
        return Message(detail.domain, detail.marked,
                       **{key: _server_words(value, False) if isinstance(value, str) else value
                          for key, value in detail.values.items()})
    return _ADDRESS.sub("<…>", detail)


def notify(dataset: Dataset, schedule: Schedule, backend: Backend, context: FeedContext,
           *, mailer: Mailer | None, sender: str, today: date, dry_run: bool = False,
           show_names: bool = False,
           clock: Callable[[], datetime] = lambda: datetime.now(UTC),
           stop_after: int | None = None) -> Report:
    """Send every due mail (``dry_run``: only say which). ``stop_after`` ends the run
    after that many mails, as a crash would, for tests of interrupted runs."""
    report = Report()
    shifts = {s.id: s for s in all_shifts(dataset, schedule)}
    occurrences = {o.key: o for o in schedule.occurrences}
    antenna_of = {title: antenna for antenna, title in worksheet_titles(dataset).items()}
    handed = 0
    for sheets in read_sheets(dataset, backend, dry_run, report.lines):
        report.spreadsheets += 1
        report.lines += describe_sheets(sheets, show_names)
        report.unmatched += len(sheets.matching.unmatched) + len(sheets.matching.ambiguous)
        problem = header_problem(sheets.read.snapshots[RECORDS])
        if problem is not None:
            report.lines.append(problem)
            report.stopped += 1
            continue
        journal = Journal(parse(sheets.read.snapshots[RECORDS]))
        queue = waiting(sheets.signups, {sid: shift.needed for sid, shift in shifts.items()})
        found = due(sheets.matching, shifts, occurrences, dataset, antenna_of,
                    journal.told, journal.reminded, today, journal.shift_told, queue)
        asks = stand_ins(sheets.matching, sheets.signups, shifts, occurrences, dataset,
                         sheets.read.snapshots[ROSTER], journal.asked, today,
                         coordinators(sheets.read.snapshots[ROSTER], sheets.roster.volunteers))
        weekly = digests([sheets.read.snapshots[t] for t in sheets.target.titles.values()],
                         tuple(s for s in shifts.values() if s.antenna in sheets.target.titles),
                         sheets.read.snapshots[ROSTER], sheets.roster.volunteers,
                         sheets.matching, sheets.signups, today,
                         lambda email, week, asked=journal.asked: asked(email, week, Kind.digest),
                         dataset.roles.model.digest_day.index if dataset.roles else 0)
        if any(digest.coordinator for digest in weekly):  # once a week: the marks
            presences = backend.read(replace(sheets.target, extra=(PRESENCES,)))
            weekly = with_absences(weekly, tuple(shifts.values()), sheets.signups,
                                   presences.snapshots[PRESENCES], today)
        # One mail per person: their notices and reminders, stand-ins wanted, their digest.
        letters = together([*found.letters, *asks,
                            *(Letter(d.volunteer, (), d) for d in weekly)])
        for entries in journal.interrupted:
            report.lines.append(COORDINATORS.message(N_(
                "%(cell)s : un envoi a été interrompu (%(message_id)s) ; compté comme parti, "
                "vérifiez le journal du serveur de courrier."),
                cell=f"{RECORDS}!A{entries[0].row + 1}", message_id=entries[0].message_id))
        if dry_run:
            for letter in letters:
                report.would_send += 1
                report.lines.append(COORDINATORS.message(
                    N_("à envoyer : %(kind)s · %(shift)s · %(language)s · %(who)s"),
                    kind=_kinds(letter), shift=_shifts(letter),
                    language=letter.volunteer.language, who=_who(letter, show_names)))
            continue
        if not letters and not journal.interrupted and not found.seen:
            continue
        recorder = Recorder(backend, sheets.target, sheets.read, clock)
        if letters or journal.interrupted:
            assert mailer is not None
            if mailer.connection is None:
                mailer.open()  # a wrong setting stops here, before anything is recorded
        recorder.ensure()
        for entries in journal.interrupted:
            report.uncertain += 1
            recorder.close(entries)
        for seen in found.seen:  # stored with the first write: what each person knew
            recorder.queue(recorder.row(NOTED, seen, ""))
        for letter in letters:
            if stop_after is not None and handed >= stop_after:
                recorder.flush()
                return report
            message_id = message_id_for(sender)
            items = letter.items
            for mail in items:
                recorder.queue(recorder.row(PENDING, mail, message_id))
            recorder.flush()  # stored before the mail leaves: a crash now never resends
            if not letter.mails:
                message = compose_digest(letter.digest, context, sender, message_id, clock())
            else:
                appendix = digest_lines(letter.digest, context, letter.volunteer.language,
                                        alone=False) if letter.digest else ()
                message = compose(letter, context, schedule, sender, message_id, clock(),
                                  appendix)
            result = mailer.send(message)
            handed += 1
            state = {Outcome.sent: SENT, Outcome.refused: REFUSED,
                     Outcome.uncertain: UNCERTAIN}[result.outcome]
            for mail in items:
                recorder.queue(recorder.row(state, mail, message_id))
            label = _mail(letter, show_names)
            detail = _server_words(result.detail, show_names)
            if result.outcome is Outcome.sent:
                report.sent += 1
                report.lines.append(COORDINATORS.message(N_("envoyé : %(mail)s"), mail=label))
            elif result.outcome is Outcome.refused:
                report.refused += 1
                report.lines.append(COORDINATORS.message(N_(
                    "refusé par le serveur : %(mail)s : %(detail)s"), mail=label, detail=detail))
            else:
                report.uncertain += 1
                report.lines.append(COORDINATORS.message(N_(
                    "incertain (peut-être parti, ne sera pas renvoyé) : %(mail)s : %(detail)s"),
                    mail=label, detail=detail))
        recorder.flush()
    return report


def personal_feeds(dataset: Dataset, schedule: Schedule, backend: Backend) \
        -> list[PersonalFeed]:
    """One feed per roster row with a valid token: the sessions its name signed up for."""
    occurrences = {o.key: o for o in schedule.occurrences}
    made = all_shifts(dataset, schedule)
    shift_of = {s.id: s.occurrence for s in made}
    needed = {s.id: s.needed for s in made}
    feeds: dict[str, PersonalFeed] = {}
    for sheets in read_sheets(dataset, backend, dry_run=True):
        tokens = [v.token for v in sheets.roster.volunteers]
        # A token on two rows (a copied row, before the next sync renews it) would show
        # one person's shifts to another: neither gets a feed until then.
        shared = {t for t in tokens if tokens.count(t) > 1}
        mine: dict[str, dict[str, list[str]]] = {}
        queue = waiting(sheets.signups, needed)  # not on the shift (yet): not in the feed
        for item in sheets.matching.matched:
            if item.signup in queue:
                continue
            key = shift_of.get(item.signup.shift_id)
            if key in occurrences:
                roles = mine.setdefault(item.volunteer.token, {}).setdefault(key, [])
                role = item.signup.shift_id.rsplit("/", 1)[-1]
                if role not in roles:
                    roles.append(role)
        for volunteer in sheets.roster.volunteers:
            if not valid_token(volunteer.token) or volunteer.token in shared | feeds.keys():
                continue
            held = mine.get(volunteer.token, {})
            feeds[volunteer.token] = PersonalFeed(
                volunteer.token, volunteer.language, tuple(occurrences[k] for k in held),
                tuple((k, tuple(roles)) for k, roles in held.items()))
    return list(feeds.values())
