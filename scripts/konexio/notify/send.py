"""Mail through a real SMTP server, configured from the environment only.

``KONEXIO_SMTP_URL``: ``smtps://user:password@host:465`` (TLS from the first byte) or
``smtp://user:password@host:587`` (STARTTLS required: a server that does not offer it is
refused, so the password never crosses the network in clear). Plain ``smtp://`` without
TLS only to a loopback address (a relay on the same machine, the tests). Percent-encode
``@``, ``:`` or ``/`` in the user or password. ``KONEXIO_MAIL_FROM``: the sender,
``Konexio <benevoles@example.org>``. Neither the password nor the login is printed (a
login is often a person's mailbox, and messages end up in CI logs): messages show the
address as ``smtps://…@host:465``.

Each mail is one SMTP transaction, made step by step so that a failure is known to be
before the message was handed over (then retried, bounded, with back-off: 4xx answers,
lost connections) or after (then "uncertain", never retried: the server may have taken
it, and a notice twice is worse than one reported as maybe lost).
"""

from __future__ import annotations

import ipaddress
import re
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import getaddresses, parseaddr
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from konexio.i18n import COORDINATORS, N_, NN_, Message, Together
from konexio.problems import CommandError

URL_VARIABLE = "KONEXIO_SMTP_URL"
FROM_VARIABLE = "KONEXIO_MAIL_FROM"
TIMEOUT = 30.0
"""Seconds for connecting and for each reply (smtplib waits forever otherwise)."""


def _how_to() -> Message:
    """How to set the mail server up, ending every message about its settings."""
    return COORDINATORS.message(N_(
        "réglez %(url)s (smtps://utilisateur:mot-de-passe@serveur:465, ou "
        "smtp://utilisateur:mot-de-passe@serveur:587 avec STARTTLS) et %(sender)s "
        "(Konexio <benevoles@votre-domaine>) ; dans GitHub Actions, dans les secrets du "
        "dépôt. Voir README, « Notices and reminders »."),
        url=URL_VARIABLE, sender=FROM_VARIABLE)


class MailError(CommandError):
    """The mail server cannot be used at all; the message is for a coordinator."""


@dataclass(frozen=True)
class Settings:
    scheme: str
    host: str
    port: int
    user: str = field(repr=False)
    password: str = field(repr=False)
    sender: str

    @property
    def safe(self) -> str:
        """The server's address for messages: no password, and no login (``…`` says there
        is one)."""
        user = "…@" if self.user else ""
        return f"{self.scheme}://{user}{self.host}:{self.port}"

    @property
    def loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def settings_from(environ) -> Settings:
    """The settings, or ``MailError`` saying what is missing and how to set it."""
    url, sender = environ.get(URL_VARIABLE, ""), environ.get(FROM_VARIABLE, "")
    if not url or not sender:
        missing = [n for n, v in ((URL_VARIABLE, url), (FROM_VARIABLE, sender)) if not v]
        raise MailError(COORDINATORS.message(NN_(
            "%(variables)s non défini : %(how)s", "%(variables)s non définis : %(how)s"),
            variables=Together(missing), how=_how_to(), num=len(missing)))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise MailError(COORDINATORS.message(N_(
            "%(variable)s n'est pas une adresse lisible : %(how)s"),
            variable=URL_VARIABLE, how=_how_to())) from None
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailError(COORDINATORS.message(N_(
            "%(variable)s doit commencer par smtps:// ou smtp:// : %(how)s"),
            variable=URL_VARIABLE, how=_how_to()))
    if "@" not in parseaddr(sender)[1]:
        raise MailError(COORDINATORS.message(N_(
            "%(variable)s n'est pas une adresse e-mail : %(how)s"),
            variable=FROM_VARIABLE, how=_how_to()))
    return Settings(parts.scheme, parts.hostname, port or (465 if parts.scheme == "smtps"
                                                           else 587),
                    unquote(parts.username or ""), unquote(parts.password or ""), sender)


class Outcome(StrEnum):
    sent = "sent"
    refused = "refused"
    """Not taken (5xx, or 4xx until the retries ran out): may be sent again later."""
    uncertain = "uncertain"
    """Handed over, then the connection broke before the answer: never sent again."""


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    detail: str = ""


class _Refused(Exception):
    def __init__(self, code: int, text: str):
        super().__init__(f"{code} {text}")
        self.code = code
        self.text = text


def _reply(code: int, text: bytes | str) -> None:
    if 200 <= code < 400:
        return
    raise _Refused(code, text.decode(errors="replace") if isinstance(text, bytes) else text)


class Mailer:
    """One connection, reused for every mail of a run; reconnects when it breaks."""

    def __init__(self, settings: Settings, *, timeout: float = TIMEOUT, attempts: int = 4,
                 base: float = 2.0, sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self.timeout = timeout
        self.attempts = attempts
        self.base = base
        self.sleep = sleep
        self.connection: smtplib.SMTP | None = None
        self.retries = 0

    # -- connection ---------------------------------------------------------------------

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()
        if s.scheme == "smtps":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=self.timeout,
                                                        context=context)
        else:
            connection = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
        try:
            connection.ehlo()
            if s.scheme == "smtp" and not s.loopback:
                if not connection.has_extn("starttls"):
                    raise MailError(COORDINATORS.message(N_(
                        "%(server)s n'offre pas STARTTLS : le mot de passe passerait en "
                        "clair, rien n'est envoyé. Utilisez smtps:// (port 465) ou le port "
                        "587 de votre fournisseur."), server=s.safe))
                connection.starttls(context=context)
                connection.ehlo()
            if s.user:
                connection.login(s.user, s.password)
        except smtplib.SMTPAuthenticationError:
            connection.close()
            raise MailError(COORDINATORS.message(N_(
                "%(server)s refuse l'identifiant ou le mot de passe de %(variable)s."),
                server=s.safe, variable=URL_VARIABLE)) from None
        except BaseException:
            connection.close()
            raise
        return connection

    def open(self) -> None:
        """Connect now (before anything is recorded): a wrong setting stops the run here."""
        for attempt in range(self.attempts):
            try:
                self.connection = self._connect()
                return
            except (OSError, smtplib.SMTPException) as error:
                if isinstance(error, smtplib.SMTPResponseException) \
                        and error.smtp_code >= 500:
                    raise MailError(COORDINATORS.message(N_(
                        "%(server)s refuse la connexion : %(reply)s"),
                        server=self.settings.safe,
                        reply=f"{error.smtp_code} {_text(error.smtp_error)}")) from None
                if attempt == self.attempts - 1:
                    raise MailError(COORDINATORS.message(N_(
                        "serveur de courrier injoignable (%(server)s) : %(detail)s"),
                        server=self.settings.safe,
                        detail=f"{type(error).__name__} {error}")) from None
                self._wait(attempt)

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (OSError, smtplib.SMTPException):
                self.connection.close()
            self.connection = None

    def _wait(self, attempt: int) -> None:
        self.retries += 1
        self.sleep(min(60.0, self.base * 2 ** attempt))

    def _drop(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None

    # -- one mail -----------------------------------------------------------------------

    def send(self, message: EmailMessage) -> Result:
        """Hand ``message`` to the server: sent, refused (with the server's words) or
        uncertain."""
        recipients = [address for _, address in getaddresses(message.get_all("To", []))]
        data = message.as_bytes(policy=SMTP_POLICY)
        # RFC 5321 4.5.2: a line starting with "." gets another one.
        data = re.sub(rb"(?m)^\.", b"..", data)
        if not data.endswith(b"\r\n"):
            data += b"\r\n"
        last = ""
        for attempt in range(self.attempts):
            handed_over = False
            try:
                if self.connection is None:
                    self.connection = self._connect()
                c = self.connection
                _reply(*c.mail(parseaddr(self.settings.sender)[1]))
                for address in recipients:
                    _reply(*c.rcpt(address))
                c.putcmd("data")
                _reply(*c.getreply())  # 354: go ahead
                handed_over = True
                c.send(data + b".\r\n")
                _reply(*c.getreply())
                return Result(Outcome.sent)
            except _Refused as refused:
                last = f"{refused.code} {refused.text}"
                if refused.code >= 500:
                    self._reset()
                    return Result(Outcome.refused, last)
                self._reset()  # 4xx: not taken, try again in a moment
            except (OSError, smtplib.SMTPException) as error:
                self._drop()
                if handed_over:
                    return Result(Outcome.uncertain, f"{type(error).__name__} {error}")
                last = f"{type(error).__name__} {error}"
            if attempt < self.attempts - 1:
                self._wait(attempt)
        return Result(Outcome.refused, COORDINATORS.message(NN_(
            "%(reply)s (temporaire ; %(num)d essai)", "%(reply)s (temporaire ; %(num)d essais)"),
            reply=last, num=self.attempts))

    def _reset(self) -> None:
        try:
            if self.connection is not None:
                self.connection.rset()
        except (OSError, smtplib.SMTPException):
            self._drop()


def _text(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
