"""The journal of mails, in the ``Envois`` worksheet: what was sent to whom, for which
version of which shift.

Append-only: each mail gets an ``en cours`` row (with its Message-ID) written *before* it
is handed to the SMTP server, then an ``envoyé``, ``refusé`` or ``incertain`` row after.
A run cut between the two leaves an ``en cours`` row alone: the next run cannot know
whether the server took the mail, so it counts it as sent (a notice twice is the one thing
promised never to happen), closes it with an ``incertain`` row and reports it once, with
its Message-ID, so a coordinator can check the mail server's log. Writing ``à renvoyer``
in the ``état`` of a mail's last row makes the next run send it again.

One mail can carry several shifts (every change to one person's shifts in one run, or a
day's reminders): it has one ``en cours`` row per shift, all with its Message-ID, then one
outcome row per shift. A name seen for the first time on a shift gets an ``inscription``
row, state ``noté``, no Message-ID: what that person knew when they signed up.

The ``envoyé`` row of one mail travels with the ``en cours`` row of the next in a single
write: one write per mail (Google allows about 60 a minute), and still nothing sent twice,
since only the ``en cours`` row must be stored before sending.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from konexio.i18n import COORDINATORS, N_, NN_, Message, Together
from konexio.notify.changes import WAITING, Kind, Mail, State, Told
from konexio.sync import words as w
from konexio.sync.backend import Backend, Read, Target
from konexio.sync.layout import column_letter
from konexio.sync.plan import WorksheetSnapshot
from konexio.sync.retry import SyncError, WriteUncertain
from konexio.sync.roster import (
    RECORDS,
    SheetEdit,
    record_columns,
    records_edit,
    records_missing,
)
from konexio.sync.words import NOTED, PENDING, SENT, UNCERTAIN

COUNTED = {SENT, UNCERTAIN}
KIND_LABELS = {Kind.cancelled: w.KIND_CANCELLED, Kind.moved: w.KIND_MOVED,
               Kind.removed: w.KIND_REMOVED, Kind.restored: w.KIND_RESTORED,
               Kind.reminder: w.KIND_REMINDER, Kind.signup: w.KIND_SIGNUP,
               Kind.promoted: w.KIND_PROMOTED, Kind.stand_in: w.KIND_STAND_IN,
               Kind.stand_in_late: w.KIND_STAND_IN_LATE, Kind.digest: w.KIND_DIGEST}
"""The ``envoi`` cell of each kind of mail."""
KINDS = {label: kind for kind, label in KIND_LABELS.items()}


@dataclass(frozen=True)
class Entry:
    row: int
    when: str
    state: str
    kind: Kind | None
    shift: str
    recipient: str
    told: State
    sequence: int
    message_id: str


def _int(text: str) -> int:
    try:
        return int(float(text))
    except ValueError:
        return 0


def header_problem(snapshot: WorksheetSnapshot) -> Message | None:
    """What to put back when the header of a journal that holds rows lost a label (a
    cell cleared or retyped): without it, mails already sent would be sent again."""
    missing = records_missing(snapshot)
    if not missing:
        return None
    header = snapshot.header
    blank = [f"{RECORDS}!{column_letter(col)}1"
             for col in range(snapshot.last_col + 1)
             if col >= len(header) or not header[col]]
    problem = COORDINATORS.message(NN_(
        "%(records)s : la colonne %(columns)s manque à la ligne 1 alors que le journal "
        "contient déjà des envois ; remettez son titre (sans lui, des messages déjà partis "
        "repartiraient). Rien n'est envoyé pour ce classeur.",
        "%(records)s : les colonnes %(columns)s manquent à la ligne 1 alors que le journal "
        "contient déjà des envois ; remettez leurs titres (sans eux, des messages déjà "
        "partis repartiraient). Rien n'est envoyé pour ce classeur."),
        records=RECORDS, columns=Together(f"« {label} »" for label in missing),
        num=len(missing))
    if not blank:
        return problem
    return COORDINATORS.message(N_("%(problem)s Titres vides : %(cells)s."),
                                problem=problem, cells=Together(blank))


def parse(snapshot: WorksheetSnapshot) -> list[Entry]:
    if not snapshot.exists or not snapshot.rows:
        return []
    at = record_columns(snapshot.header)

    def cell(row: int, label: str) -> str:
        return snapshot.cell(row, at[label]).strip() if label in at else ""

    entries = []
    for row in range(1, len(snapshot.rows)):
        message_id = cell(row, w.MESSAGE_ID)
        if not message_id and cell(row, w.STATE) != NOTED:
            continue
        state = State(cell(row, w.DATE), cell(row, w.START), cell(row, w.END),
                      cell(row, w.VENUE), cell(row, w.ROOM), cell(row, w.STATUS))
        entries.append(Entry(row, cell(row, w.STAMP), cell(row, w.STATE),
                             KINDS.get(cell(row, w.KIND)), cell(row, w.SHIFT),
                             cell(row, w.RECIPIENT).casefold(), state,
                             _int(cell(row, w.SEQUENCE)), message_id))
    return entries


class Journal:
    """What ``Envois`` says was sent. A message counts as sent when its last row says
    ``envoyé`` or ``incertain``, or when it only has ``en cours`` rows (interrupted); each
    of its ``en cours`` rows is one shift it told about. ``noté`` rows count as told."""

    def __init__(self, entries: list[Entry]):
        by_message: dict[str, list[Entry]] = {}
        self.counted: list[Entry] = []
        for entry in entries:
            if entry.state == NOTED:
                self.counted.append(entry)
            else:
                by_message.setdefault(entry.message_id, []).append(entry)
        self.interrupted: list[list[Entry]] = []
        """The ``en cours`` rows of each interrupted mail."""
        for rows in by_message.values():
            items = [r for r in rows if r.state == PENDING] or rows[:1]
            if all(r.state == PENDING for r in rows):
                self.interrupted.append(items)
                self.counted += items
            elif rows[-1].state in COUNTED:
                self.counted += items
        self.counted.sort(key=lambda e: (e.when, e.row))

    def told(self, email: str, shift_id: str) -> Told | None:
        """The state of the last mail (or ``noté`` row) this person got about this shift."""
        found = [e for e in self.counted
                 if e.recipient == email.casefold() and e.shift == shift_id]
        return Told(found[-1].told, found[-1].sequence) if found else None

    def shift_told(self, shift_id: str) -> Told | None:
        """The last state recorded for anyone on this shift: what its row showed then."""
        found = [e for e in self.counted
                 if e.shift == shift_id and e.told.status != WAITING]
        return Told(found[-1].told, found[-1].sequence) if found else None

    def asked(self, email: str, shift_id: str, kind: Kind) -> bool:
        """Whether a stand-in mail of ``kind`` about this shift went to this address."""
        return any(e.kind is kind and e.recipient == email.casefold() and e.shift == shift_id
                   for e in self.counted)

    def reminded(self, email: str, shift_id: str, version: str) -> bool:
        return any(e.kind is Kind.reminder and e.recipient == email.casefold()
                   and e.shift == shift_id and e.told.version == version
                   for e in self.counted)


class Recorder:
    """Appends journal rows through the backend, in the same worksheet as read."""

    def __init__(self, backend: Backend, target: Target, read: Read,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.backend = backend
        self.target = replace(target, titles={}, extra=(RECORDS,))
        self.read = read
        self.clock = clock
        self.pending: list[tuple] = []
        self.writes = 0

    def ensure(self) -> None:
        """Create ``Envois`` (or complete its header) before the first mail; on an
        uncertain write, what landed is read back before anything is written again."""
        for _ in range(3):
            edit = records_edit(self.read.snapshots[RECORDS])
            if edit.empty:
                return
            try:
                self.backend.write(self.target, self.read, [], False, (edit,))
            except WriteUncertain:
                self.read = self.backend.read(self.target)
                continue
            self.writes += 1
            self.read = self.backend.read(self.target)
            return
        if not records_edit(self.read.snapshots[RECORDS]).empty:
            raise SyncError(COORDINATORS.message(N_(
                "le journal %(records)s n'a pas pu être préparé (Google ne répond pas de "
                "façon fiable) ; aucun message n'est parti, relancez plus tard."),
                records=RECORDS))

    def _columns(self) -> dict[str, int]:
        """Every label's column: ``ensure`` made sure they are all there."""
        return record_columns(self.read.snapshots[RECORDS].header)

    def row(self, state: str, mail: Mail, message_id: str) -> tuple:
        columns = self._columns()
        values = {
            w.STAMP: self.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            w.STATE: state, w.KIND: KIND_LABELS[mail.kind], w.SHIFT: mail.shift_id,
            w.RECIPIENT: mail.volunteer.email, w.VERSION: mail.now.version,
            w.SEQUENCE: mail.sequence, w.DATE: mail.now.date, w.START: mail.now.start,
            w.END: mail.now.end, w.VENUE: mail.now.venue, w.ROOM: mail.now.room,
            w.STATUS: mail.now.status, w.MESSAGE_ID: message_id,
        }
        line: list = [None] * (max(columns.values()) + 1)
        for label, value in values.items():
            line[columns[label]] = value
        return tuple(line)

    def close(self, entries: list[Entry]) -> None:
        """Close an interrupted mail with an ``incertain`` row per shift (cells kept)."""
        columns = self._columns()
        for entry in entries:
            line: list = [None] * (max(columns.values()) + 1)
            values = {w.STAMP: self.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                      w.STATE: UNCERTAIN, w.MESSAGE_ID: entry.message_id,
                      w.KIND: KIND_LABELS.get(entry.kind, "") if entry.kind else "",
                      w.SHIFT: entry.shift, w.RECIPIENT: entry.recipient}
            for label, value in values.items():
                line[columns[label]] = value
            self.pending.append(tuple(line))

    def queue(self, line: tuple) -> None:
        self.pending.append(line)

    def flush(self) -> None:
        """Store every queued row, now; on an uncertain write, read back what landed."""
        if not self.pending:
            return
        lines = list(self.pending)
        for _ in range(3):
            try:
                self.backend.write(self.target, self.read, [], False,
                                   (SheetEdit(RECORDS, appends=tuple(lines)),))
                self.writes += 1
                self.pending.clear()
                return
            except WriteUncertain:
                self.read = self.backend.read(self.target)
                # A mail's rows share its Message-ID, state and stamp: the shift and the
                # recipient tell them apart (and the ``noté`` rows, which have no id).
                stored = {(e.message_id, e.state, e.when, e.shift, e.recipient)
                          for e in parse(self.read.snapshots[RECORDS])}
                columns = self._columns()
                lines = [line for line in lines
                         if (line[columns[w.MESSAGE_ID]] or "", line[columns[w.STATE]],
                             line[columns[w.STAMP]], line[columns[w.SHIFT]],
                             str(line[columns[w.RECIPIENT]]).casefold()) not in stored]
                if not lines:
                    self.pending.clear()
                    return
        raise SyncError(COORDINATORS.message(N_(
            "le journal %(records)s n'a pas pu être écrit (Google ne répond pas de façon "
            "fiable) ; l'envoi s'arrête ici, relancez plus tard."), records=RECORDS))
