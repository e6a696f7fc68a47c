"""The ready message of a cohort page's apply / refer box, in French whatever the page.

A learner who cannot write French, or a social worker in a hurry, picks "for me" or "I refer
someone", may type a first name, a phone and a language, and sends the message through their
own mail, SMS or WhatsApp: the antenna's team reads it, and the team reads French. Its words
are therefore in the ``coordinators`` domain (the words the teams read), looked up in French
(``babel-coordinators.cfg`` reads this module, ``babel-konexio.cfg`` skips it); the English
catalog has them too, for the day a team abroad reads English.

The page carries both the message "for me", without a name (the links that work without
JavaScript), and each line's template (``%(name)s`` unfilled), which ``konexio.js`` fills as
the reader types. Nothing is sent or kept by the site: the links open the reader's own apps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from babel import Locale
from babel.dates import format_date

from konexio import urls
from konexio.i18n import BY_CODE, COORDINATORS, N_, SOURCE_LANGUAGE

SUBJECT = N_("Inscription : %(program)s, Konexio %(antenna)s, groupe de %(month)s")
FOR_ME = N_("Bonjour,\nJe voudrais m'inscrire au groupe « %(program)s » de Konexio %(antenna)s.")
FOR_SOMEONE = N_(
    "Bonjour,\nJe vous adresse une personne pour le groupe « %(program)s » de Konexio "
    "%(antenna)s.")
SUBJECT_WAITING = N_(
    "Liste d'attente : %(program)s, Konexio %(antenna)s, groupe de %(month)s")
FOR_ME_WAITING = N_(
    "Bonjour,\nLe groupe « %(program)s » de Konexio %(antenna)s est complet : je voudrais "
    "être sur sa liste d'attente.")
FOR_SOMEONE_WAITING = N_(
    "Bonjour,\nLe groupe « %(program)s » de Konexio %(antenna)s est complet : je vous "
    "adresse une personne pour sa liste d'attente.")
DATES = N_("Première séance : %(first)s à %(time)s ; dernière séance : %(last)s.")
ONE_DAY = N_("Séance : %(first)s à %(time)s.")
PLACE = N_("Lieu : %(venue)s, %(address)s.")
NAME = N_("Prénom : %(name)s")
PHONE = N_("Téléphone : %(phone)s")
LANGUAGE = N_("Langue parlée : %(language)s")
PAGE = N_("Page du groupe : %(url)s")
THANKS = N_("Merci de votre réponse.")

SPOKEN = ("fr", "en", "ar", "fa_AF", "ps", "uk", "ru", "ti", "so", "es", "pt", "tr", "bn",
          "ta", "ur", "ka")
"""Languages a reader may say they speak, in this order (the site's first), as CLDR codes:
the languages most heard among Konexio's learners (exiles from Afghanistan, Ukraine, the Horn
of Africa, South Asia, Georgia...)."""


def _words(message: str, **values: object) -> str:
    return COORDINATORS.gettext(SOURCE_LANGUAGE, message, **values)


def _template(message: str) -> str:
    """The French line with its placeholder left for the script to fill."""
    return COORDINATORS.translations(SOURCE_LANGUAGE).gettext(message)


def _day(day: date) -> str:
    return format_date(day, "EEEE d MMMM y", locale="fr")


@dataclass(frozen=True)
class Spoken:
    """One language of the box's list: its French name (what the message says) and its
    name in the reader's language (what the list shows)."""

    french: str
    shown: str


@dataclass(frozen=True)
class ReadyMessage:
    """The French lines of one cohort's message, and the antenna's addresses to send it to."""

    subject: str
    for_me: str
    for_someone: str
    details: tuple[str, ...]
    page: str
    thanks: str
    email: str
    sms: str | None
    whatsapp: str | None

    def text(self, *, for_me: bool = True, name: str = "", phone: str = "",
             language: str = "") -> str:
        """The whole message, as the box composes it (``konexio.js`` does the same)."""
        typed = [(_words(NAME, name=name) if name else ""),
                 (_words(PHONE, phone=phone) if phone else ""),
                 (_words(LANGUAGE, language=language) if language else "")]
        lines = [self.for_me if for_me else self.for_someone, *self.details,
                 *[line for line in typed if line], self.page, self.thanks]
        return "\n".join(lines)

    def links(self, text: str) -> dict[str, str | None]:
        """Where ``text`` can be sent from the reader's phone: their mail app (to the
        antenna's address), SMS and WhatsApp (to its numbers, when it has them). Every
        reserved character is percent-encoded, spaces as ``%20`` (as ``query`` of render)."""
        found = {"email": f"mailto:{self.email}?subject={quote(self.subject, safe='')}"
                          f"&body={quote(text, safe='')}"}
        found["sms"] = f"sms:{self.sms}?&body={quote(text, safe='')}" if self.sms else None
        found["whatsapp"] = (f"https://wa.me/{self.whatsapp[1:]}?text={quote(text, safe='')}"
                             if self.whatsapp else None)
        return found

    @property
    def script_data(self) -> str:
        """What ``konexio.js`` composes the message from, as JSON."""
        return json.dumps({
            "subject": self.subject, "for_me": self.for_me, "for_someone": self.for_someone,
            "details": list(self.details), "page": self.page, "thanks": self.thanks,
            "lines": {"name": _template(NAME), "phone": _template(PHONE),
                      "language": _template(LANGUAGE)},
            "email": self.email, "sms": self.sms, "whatsapp": self.whatsapp,
        }, ensure_ascii=False)


def ready_message(view, occurrences, site_url: str, waiting: bool = False) -> ReadyMessage:
    """The message of cohort ``view`` (a ``CohortView``), from its occurrences; it gives
    the address of the cohort's French page, the one the team reads. ``waiting``: the
    group is full, the message asks for its waiting list."""
    page_url = urls.absolute_url(site_url, urls.page_url(SOURCE_LANGUAGE, "cohort", view.id))
    program, antenna = view.program.name.fr, view.antenna.name.fr
    held = sorted((o for o in occurrences if not o.cancelled), key=lambda o: o.start)
    details = []
    if held:
        first, last = held[0].start, held[-1].start
        details.append(_words(DATES if last.date() != first.date() else ONE_DAY,
                              first=_day(first.date()), time=first.strftime("%H:%M"),
                              last=_day(last.date())))
    details.append(_words(PLACE, venue=view.venue.name.fr, address=view.venue.address))
    contact = view.antenna.contact
    return ReadyMessage(
        subject=_words(SUBJECT_WAITING if waiting else SUBJECT, program=program,
                       antenna=antenna,
                       month=format_date(view.cohort.start, "MMMM y", locale="fr")),
        for_me=_words(FOR_ME_WAITING if waiting else FOR_ME, program=program, antenna=antenna),
        for_someone=_words(FOR_SOMEONE_WAITING if waiting else FOR_SOMEONE, program=program,
                           antenna=antenna),
        details=tuple(details), page=_words(PAGE, url=page_url), thanks=_words(THANKS),
        email=contact.email, sms=contact.sms,
        whatsapp=contact.whatsapp)


def spoken_languages(lang: str) -> list[Spoken]:
    """The list of languages, each named in French and in the reader's language."""
    french, reader = Locale.parse("fr"), Locale.parse(BY_CODE[lang].locale)
    return [Spoken(french.languages.get(code, code), reader.languages.get(code, code))
            for code in SPOKEN]
