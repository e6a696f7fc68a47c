"""One ``Letter`` -> one ``EmailMessage`` in the volunteer's language, one .ics attached
holding every session of theirs it tells a change of (each once, whatever the roles).

Everything shown comes from the occurrence (the one truth) or, for a shift that left the
data, from its sheet row as last synced. Dates and times are formatted by the feeds'
helpers (Babel), never computed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from zoneinfo import ZoneInfo

from konexio import urls
from konexio.expand.occurrences import Schedule
from konexio.feeds.events import FeedContext, location
from konexio.feeds.personal import (
    role_names,
    update_calendar,
    volunteer_event,
    webcal,
    withdrawn_event,
    zone_of,
)
from konexio.feeds.stamps import FALLBACK, stamp
from konexio.feeds.words import clock, full_date
from konexio.notify.changes import Kind, Letter, Mail, State
from konexio.notify.words import word
from konexio.sync.roster import valid_token
from konexio.sync.words import UNAVAILABLE

ON_THEIR_SHIFT = (Kind.moved, Kind.restored, Kind.promoted, Kind.reminder)
"""Mails about a session still happening with this person on it: they say how to tell the
sheet they cannot come (the mark a stand-in search starts from)."""


def _day(state: State, lang: str) -> str:
    try:
        return full_date(date.fromisoformat(state.date), lang)
    except ValueError:
        return state.date


def _clock(text: str, lang: str) -> str:
    try:
        return clock(time.fromisoformat(text), lang)
    except ValueError:
        return text


def _venue_name(context: FeedContext, antenna: str, venue: str, lang: str) -> str:
    entry = context.dataset.antennas.get(antenna)
    found = entry.model.venue(venue) if entry else None
    return found.name.get(lang) if found else venue


def _session(mail: Mail, context: FeedContext, lang: str) -> str:
    dataset = context.dataset
    cohort = dataset.cohorts.get(mail.shift_id.split("/", 1)[0])
    antenna = dataset.antennas.get(mail.antenna)
    if cohort is None or antenna is None:
        return mail.now.venue
    program = dataset.programs[cohort.model.program].model.name.get(lang)
    return f"{program} · {antenna.model.name.get(lang)}"


def _roles(group: tuple[Mail, ...], context: FeedContext, lang: str) -> str:
    """The roles of one person at one session: one line for two roles."""
    return role_names([mail.shift_id.rsplit("/", 1)[-1] for mail in group], lang, context)


def changes(mail: Mail, context: FeedContext, lang: str) -> list[str]:
    """What differs between what the person was told and now, one line per field."""
    before, now = mail.before, mail.now
    lines = []
    if before.date != now.date:
        lines.append(word("change.day", lang, before=_day(before, lang), after=_day(now, lang)))
    if (before.start, before.end) != (now.start, now.end):
        lines.append(word("change.time", lang,
                          before=f"{_clock(before.start, lang)}–{_clock(before.end, lang)}",
                          after=f"{_clock(now.start, lang)}–{_clock(now.end, lang)}"))
    if before.venue != now.venue:
        lines.append(word("change.venue", lang,
                          before=_venue_name(context, mail.antenna, before.venue, lang),
                          after=_venue_name(context, mail.antenna, now.venue, lang)))
    if before.room != now.room:
        lines.append(word("change.room", lang, before=before.room or "—",
                          after=now.room or "—"))
    return lines


def _block(group: tuple[Mail, ...], context: FeedContext, lang: str,
           several: bool) -> list[str]:
    """The lines of one session: what changed, when, where, why, whom to ask."""
    mail = group[0]
    dataset = context.dataset
    occurrence = mail.occurrence
    antenna = dataset.antennas.get(mail.antenna)
    lines = []
    if several:
        lines.append(word(f"item.{mail.kind.value}", lang, role=_roles(group, context, lang)))
    if mail.kind in (Kind.moved, Kind.restored):
        found = changes(mail, context, lang)
        if found:
            lines += [word("changed", lang)] + [f"- {line}" for line in found]
            if not several:
                lines.append("")
    lines.append(word("line.session", lang, value=_session(mail, context, lang)))
    lines.append(word("line.when", lang, day=_day(mail.now, lang),
                      start=_clock(mail.now.start, lang), end=_clock(mail.now.end, lang)))
    if occurrence is not None:
        lines.append(word("line.where", lang, value=location(occurrence, lang, dataset)))
        venue = antenna.model.venue(occurrence.venue) if antenna else None
        if venue is not None and mail.kind is not Kind.cancelled:
            lines.append(word("line.access", lang, value=venue.access.get(lang)))
    else:
        lines.append(word("line.where", lang, value=mail.now.venue))
    if mail.kind is Kind.removed:
        lines.append(word("line.reason", lang, value=word("removed.reason", lang)))
    elif mail.kind.notice and occurrence is not None and occurrence.reason:
        lines.append(word("line.reason", lang, value=occurrence.reason.get(lang)))
    contact = antenna.model.contact.email if antenna else ""
    if contact:
        lines.append(word("line.contact", lang, value=contact))
    return lines


def body(letter: Letter, context: FeedContext, lang: str,
         appendix: tuple[str, ...] = ()) -> str:
    """The text of the mail; ``appendix``: the weekly digest's lines, when it joins."""
    groups = letter.sessions()
    several = len(groups) > 1 or letter.mixed
    lines = [word("hello", lang, name=letter.volunteer.name), ""]
    if letter.mixed:
        lines += [word("intro.mixed", lang), ""]
    elif several:
        intro = {Kind.reminder: "intro.reminders", Kind.stand_in: "intro.stand_ins",
                 Kind.stand_in_late: "intro.stand_ins_late"}.get(letter.kind, "intro.several")
        lines += [word(intro, lang), ""]
    else:
        lines += [word(f"intro.{letter.kind.value}", lang,
                       role=_roles(groups[0], context, lang)), ""]
    for group in groups:
        lines += _block(group, context, lang, several)
        kind = group[0].kind
        if several and (kind is Kind.promoted or (letter.mixed and kind is Kind.stand_in)):
            # what to do: said by the intro of a letter of one kind, here by the block
            lines.append(word(f"line.{kind.value}", lang))
        lines.append("")
    calendar = letter.calendar_sessions()
    if calendar:
        lines.append(word("line.attachments" if len(calendar) > 1 else "line.attachment",
                          lang))
    # The personal calendars are served from the association's host, never the public
    # site: without its address (not set up yet) no link is better than a broken one.
    if valid_token(letter.volunteer.token) and context.personal_url:
        lines.append(word("line.calendar", lang,
                          value=webcal(context.personal_url, letter.volunteer.token)))
    if any(m.kind in ON_THEIR_SHIFT for m in letter.mails):
        # the sheets' own word (sheets are in one language), whatever the mail's
        lines.append(word("line.cannot_come", lang, mark=f"({UNAVAILABLE})"))
    reminders = [m for m in letter.mails if m.kind is Kind.reminder]
    contacts = sorted({context.dataset.antennas[m.antenna].model.contact.email
                       for m in reminders if m.antenna in context.dataset.antennas} - {""})
    if contacts:
        lines.append(word("line.stop", lang, value=", ".join(contacts)))
    if appendix:  # the weekly digest, last: its own heading, its own way to stop it
        lines += ["", word("item.digest", lang), *appendix]
    lines += ["", word("signature", lang), "",
              word("line.privacy", lang, value=privacy_notice(context.site_url, lang))]
    return "\n".join(lines) + "\n"


def privacy_notice(site_url: str, lang: str) -> str:
    """The privacy notice for volunteers in ``lang`` (a page of the site, every language):
    every mail links to it, as the CNIL asks of whoever keeps people's data."""
    return urls.absolute_url(site_url, urls.page_url(lang, "volunteers-privacy"))


def subject(letter: Letter, context: FeedContext, lang: str) -> str:
    groups = letter.sessions()
    mail = letter.mails[0]
    if letter.mixed:
        return word("subject.mixed", lang)
    if len(groups) > 1:
        if letter.reminder:
            return word("subject.reminders", lang, day=_day(mail.now, lang))
        if letter.kind in (Kind.stand_in, Kind.stand_in_late):
            return word("subject.stand_ins", lang)
        return word("subject.several", lang)
    return _subject(mail, context, lang)


def _subject(mail: Mail, context: FeedContext, lang: str) -> str:
    return word(f"subject.{mail.kind.value}", lang, session=_session(mail, context, lang),
                day=_day(mail.now, lang), time=_clock(mail.now.start, lang))


def _event(group: tuple[Mail, ...], context: FeedContext, lang: str):
    """The calendar update of one session: the feeds' event in a volunteer's words (same
    UID), or a cancelled stub when the session left the data."""
    mail = group[0]
    roles = [m.shift_id.rsplit("/", 1)[-1] for m in group]
    sequence = max(m.sequence for m in group)
    if mail.occurrence is not None:
        zone = mail.occurrence.start.tzinfo.key  # type: ignore[union-attr]
        found = changes(mail, context, lang) if mail.kind in (Kind.moved, Kind.restored) \
            else []
        return volunteer_event(mail.occurrence, roles, lang, context, sequence=sequence,
                               changed=found), zone
    zone: ZoneInfo = zone_of(context, mail.antenna)
    start = datetime.combine(date.fromisoformat(mail.now.date),
                             time.fromisoformat(mail.now.start), tzinfo=zone)
    end = datetime.combine(date.fromisoformat(mail.now.date),
                           time.fromisoformat(mail.now.end or mail.now.start), tzinfo=zone)
    cohort = context.dataset.cohorts.get(mail.shift_id.split("/", 1)[0])
    when = stamp(context.times, [cohort.file]) if cohort else FALLBACK
    event = withdrawn_event(mail.occurrence_key, start, end, _subject(mail, context, lang),
                            when.astimezone(UTC), sequence)
    return event, zone.key


def attachment(letter: Letter, context: FeedContext, schedule: Schedule, lang: str) -> bytes:
    """One calendar with every session the letter tells about, each once."""
    made = [_event(group, context, lang) for group in letter.calendar_sessions()]
    return update_calendar([event for event, _ in made], {zone for _, zone in made}, lang,
                           schedule)


def message_id_for(sender: str) -> str:
    domain = parseaddr(sender)[1].rpartition("@")[2] or "konexio.invalid"
    return make_msgid("konexio", domain=domain)


def compose(letter: Letter, context: FeedContext, schedule: Schedule, sender: str,
            message_id: str, now: datetime, appendix: tuple[str, ...] = ()) -> EmailMessage:
    """The mail of ``letter``, with the weekly digest's lines (``appendix``) when it joins."""
    lang = letter.volunteer.language
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((letter.volunteer.name, letter.volunteer.email))
    message["Subject"] = subject(letter, context, lang)
    message["Date"] = format_datetime(now.astimezone(UTC))
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    message.set_content(body(letter, context, lang, appendix))
    message["Content-Language"] = lang  # after set_content, which clears Content-*
    if letter.calendar_sessions():
        message.add_attachment(attachment(letter, context, schedule, lang), maintype="text",
                               subtype="calendar", filename="konexio.ics",
                               params={"method": "PUBLISH", "charset": "utf-8"})
        message["Content-Language"] = lang  # the text part kept its own; the whole mail too
    return message
